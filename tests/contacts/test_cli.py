"""``hall contact …``: a letter from recording to reply, the PIN asked for each step, masked lists."""

from __future__ import annotations

import json

from models.schema import ContactAccess
from tests.cases.conftest import at


def test_a_letter_from_record_to_reply(contacts, run):
    at(2026, 11, 23, 10)
    code, out, _ = run(
        "contact", "record", "--staff", "S01", "--channel", "letter", "--from", "王建国",
        "--matter", "小区门口积水", "--promised", "三日内答复", "--phone", "13812345678",
        "--received", "2026-11-20 16:00", "--json",
    )  # fmt: skip
    assert code == 0
    row = json.loads(out)
    assert (row["reply_due"], row["sender"], row["state"]) == ("2026-11-25", "王**", "open")
    number = row["number"]
    code, out, _ = run("contact", "pass", number, "--staff", "S01", "--to", "S02", lang="en")
    assert (code, out.strip()) == (0, f"{number}: passed on to S02.")
    code, out, _ = run("contact", "list", "--lang", "en")
    assert number in out and "Letter" in out and "王建国" not in out and "13812345678" not in out
    code, _, err = run("contact", "reply", number, "--staff", "S01", "--text", "已处理")
    assert code == 1 and "S02" not in err and number in err
    code, out, _ = run("contact", "reply", number, "--staff", "S02", "--text", "已疏通排水")
    assert (code, out.strip()) == (0, f"{number}：已记录回复，登记已办结。")
    code, out, _ = run("contact", "list")
    assert out.strip() == "没有待回复的来电来信。"
    code, out, _ = run("contact", "show", number, "--json")
    shown = json.loads(out)
    assert [step["kind"] for step in shown["history"]] == ["passed", "replied"]


def test_a_wrong_pin_acts_for_nobody(contacts, run):
    code, _, err = run(
        "contact", "record", "--staff", "S01", "--channel", "phone", "--from", "李四", "--matter", "咨询", pin="0000"
    )
    assert code == 1 and err.strip()
    code, out, _ = run("contact", "list", "--json")
    assert json.loads(out) == []


def test_overdue_and_reveal(contacts, run):
    at(2026, 11, 23, 10)
    _, out, _ = run(
        "contact", "record", "--staff", "S01", "--channel", "message", "--from", "张三", "--matter", "广场舞噪音",
        "--phone", "13900001111", "--json",
    )  # fmt: skip
    number = json.loads(out)["number"]
    at(2026, 11, 25, 9)
    code, out, _ = run("contact", "list", "--overdue")
    assert code == 0 and number in out and "!!逾期" in out
    code, _, err = run("contact", "reveal", number, "--staff", "S01", "--reason", " ")
    assert code == 1 and ContactAccess.select().count() == 0
    code, out, _ = run("contact", "reveal", number, "--staff", "S01", "--reason", "回复留言")
    assert (code, out.strip()) == (0, "张三  13900001111")
    assert ContactAccess.get().purpose == "回复留言"


def test_usage_errors_exit_2(contacts, run):
    code, _, _ = run("contact", "record", "--staff", "S01", "--channel", "fax", "--from", "x", "--matter", "y")
    assert code == 2


def test_recorded_and_passed_on_in_one_command(contacts, run):
    code, out, _ = run(
        "contact", "record", "--staff", "S01", "--channel", "phone", "--from", "王建国", "--matter", "路灯坏了",
        "--pass-to", "S02", "--pass-note", "请核实", "--json",
    )  # fmt: skip
    assert code == 0
    row = json.loads(out)
    assert (row["recorded_by"], row["handler"]) == ("S01", "S02")
    code, _, err = run(
        "contact", "record", "--staff", "S01", "--channel", "phone", "--from", "李四", "--matter", "咨询",
        "--pass-to", "S01",
    )  # fmt: skip
    assert code == 1 and err.strip() and len(contacts.list()) == 1
