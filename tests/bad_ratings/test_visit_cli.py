"""``hall case followup …`` on a visit's 差评 (named ``YYYY-MM-DD/A003``): the whole loop, and every
step refused in one plain sentence with nothing written — by a clerk without the right, with a wrong
PIN, or with hostile text in a text option."""

from __future__ import annotations

import json

import pytest

from models.schema.ratings import VisitFollowupEvent
from tests.bad_ratings.test_visit_loop import poor_visit
from tests.cases.conftest import at

# Characters no input accepts (a terminal escape, a bidi override); "[red]x" is plain text, kept as typed.
HOSTILE = ("\x1b[2J", "a\u202eb", "x\x00")


def _written() -> int:
    return VisitFollowupEvent.select().count()


def _plain(err: str) -> None:
    assert err.strip() and "Traceback" not in err and "\x1b" not in err and len(err.strip().splitlines()) == 1


def test_the_visit_s_loop_from_the_command_line(hall, cases, leaders, run):
    at(2026, 11, 23, 9)
    ref, ticket = poor_visit(hall)
    code, out, _ = run("case", "followups")
    assert code == 0 and ref in out and "待指派核实" in out
    code, out, _ = run("case", "followup", "show", ref, "--staff", "L01", "--json")
    assert code == 0 and json.loads(out)["kind"] == "visit" and json.loads(out)["handler"] == "S01"
    code, out, _ = run("case", "followup", "assign", ref, "--staff", "L01")
    assert code == 0 and "来访 " + ref in out and "核实人 S01" in out
    code, _, err = run("case", "followup", "call", ref, "--staff", "S01", "--reached")
    assert code == 1 and "没有留下电话" in err
    _plain(err)
    assert run("case", "followup", "call", ref, "--staff", "S01", "--unreached", "--note", "未留电话")[0] == 0
    assert run("case", "followup", "classify", ref, "--staff", "S01", "--class", "unverifiable")[0] == 0
    code, out, _ = run("case", "followup", "explain", ref, "--staff", "S01", "--note", "已增开窗口", lang="en")
    assert code == 0 and "Visit " + ref in out
    assert run("case", "followup", "tell", ref, "--staff", "S01", "--how", "web")[0] == 0
    code, out, _ = run(
        "case", "followup", "rate-handling", ref, "--code", ticket.tracking_code, "--level", "satisfied", "--json"
    )
    assert code == 0 and json.loads(out)["handling_level"] == "satisfied"


def test_no_right_no_pin_no_hostile_text_writes_anything(hall, cases, leaders, run):
    at(2026, 11, 23, 9)
    ref, _ = poor_visit(hall)
    before = _written()
    code, _, err = run("case", "followup", "assign", ref, "--staff", "S01")  # a clerk assigns nobody
    assert code == 1 and "不是领导" in err
    _plain(err)
    code, _, err = run("case", "followup", "call", ref, "--staff", "S02", "--unreached")  # nobody assigned him
    assert code == 1
    _plain(err)
    code, _, err = run("case", "followup", "assign", ref, "--staff", "L01", pin="0000")
    assert code == 1
    _plain(err)
    code, _, err = run("case", "followup", "show", "2026-11-23/Z999", "--staff", "L01")
    assert code == 1 and "Z999" in err
    _plain(err)
    assert _written() == before
    run("case", "followup", "assign", ref, "--staff", "L01")
    before = _written()
    for text in HOSTILE:
        for argv in (
            ("call", ref, "--staff", "S01", "--unreached", "--note", text),
            ("explain", ref, "--staff", "S01", "--note", text),
            ("plan", ref, "--staff", "S01", "--note", text),
            ("appeal", ref, "--staff", "S01", "--reason", text),
            ("decide", ref, "--staff", "L02", "--upheld", "--note", text),
            ("tell", ref, "--staff", "L01", "--how", "phone", "--note", text),
        ):
            code, out, err = run("case", "followup", *argv)
            assert code in (1, 2), (argv, out, err)
            _plain(err)
    assert _written() == before
    code, out, _ = run("case", "followup", "call", ref, "--staff", "S01", "--unreached", "--note", "[red]x", "--json")
    assert code == 0 and json.loads(out)["calls"][0]["note"] == "[red]x"


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_in_a_visit_s_name_is_one_sentence(hall, cases, run, text):
    code, _, err = run("case", "followup", "show", "2026-11-23/" + text, "--staff", "L01")
    assert code in (1, 2)
    _plain(err)
