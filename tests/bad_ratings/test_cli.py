"""``hall case followup …`` and ``hall case followups``: the loop's steps with the staff PIN, text and --json."""

from __future__ import annotations

import json

from tests.bad_ratings.conftest import poor_case


def test_the_whole_loop_from_the_command_line(hall, cases, leaders, run):
    facts = poor_case(cases)
    number = facts.number
    code, out, _ = run("case", "followups")
    assert code == 0 and number in out and "待指派核实" in out
    code, out, err = run("case", "followup", "assign", number, "--staff", "S05")
    assert code == 1 and "不是领导" in err
    code, out, err = run("case", "followup", "assign", number, "--staff", "L01", pin="0000")
    assert code == 1 and "S05" not in out  # a wrong PIN acts as nobody
    code, out, _ = run("case", "followup", "assign", number, "--staff", "L01")
    assert code == 0 and "核实人 S05" in out
    code, out, _ = run(
        "case", "followup", "call", number, "--staff", "S05", "--unreached", "--note", "无人接听", "--json"
    )
    view = json.loads(out)
    assert code == 0 and view["number"] == number and view["attempts"] == 1 and view["retry_due"] == "2026-11-24"
    assert run("case", "callback", number, "--staff", "S05", "--note", "已接通")[0] == 0  # the older name
    code, out, _ = run("case", "followup", "classify", number, "--staff", "S05", "--class", "malicious", lang="en")
    assert code == 0 and "Malicious" in out and "To dispose" in out
    code, _, err = run("case", "followup", "appeal", number, "--staff", "S05", "--reason", "与办件无关")
    assert code == 0
    code, _, err = run("case", "followup", "decide", number, "--staff", "S05", "--upheld", "--note", "成立")
    assert code == 1 and "不是领导" in err
    code, out, _ = run("case", "followup", "decide", number, "--staff", "L02", "--rejected", "--note", "不成立")
    assert code == 0 and "实际差评" in out
    code, _, err = run("case", "rectify", number, "--staff", "S05")
    assert code == 1 and "处理结果" in err
    assert run("case", "rectify", number, "--staff", "S05", "--note", "已致歉并调整排班")[0] == 0
    code, out, _ = run("case", "followup", "tell", number, "--staff", "L01", "--how", "phone", "--note", "已电话告知")
    assert code == 0 and "已办结" in out
    code, out, _ = run(
        "case", "followup", "rate-handling", number, "--code", facts.tracking_code, "--level", "satisfied", "--json"
    )
    assert code == 0 and json.loads(out)["handling_level"] == "satisfied"
    code, out, _ = run("case", "followups", "--all", "--json")
    assert [(r["number"], r["stage"]) for r in json.loads(out)["followups"]] == [(number, "done")]
    code, out, _ = run("case", "followup", "show", number, "--staff", "S01")
    assert code == 0 and "已办结" in out


def test_the_verifier_list_and_a_case_without_a_poor_rating(hall, cases, leaders, run):
    mine = poor_case(cases)
    poor_case(cases, "S01", 1)
    hall.bad_ratings.assign(mine.number, "L01")
    code, out, _ = run("case", "followups", "--verifier", "S05", "--json")
    assert [r["number"] for r in json.loads(out)["followups"]] == [mine.number]
    good = cases.open_case(staff="S05", item="party-consult", window=6, result="已答复")
    code, _, err = run("case", "followup", "show", good.number, "--staff", "L01")
    assert code == 1 and "没有差评" in err
    code, _, err = run("case", "callback", good.number, "--staff", "L01")
    assert code == 1 and "没有差评" in err
