"""``hall whereabouts|leave|duty|attendance|migrate-to``: exit statuses, JSON, CSV, no tracebacks."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from cli.main import main
from models.duty import Duty
from tests.conftest import pin_on_stdin
from tests.whereabouts.conftest import at

MON = date(2026, 11, 23)


@pytest.fixture
def db(people, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("HALL_CONFIG", raising=False)
    monkeypatch.delenv("HALL_DB", raising=False)
    return people.url


def run(capsys, *argv, pin="1234"):
    with pin_on_stdin(pin):
        code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def test_whereabouts_board_set_and_cover(db, capsys):
    assert run(capsys, "whereabouts", "set", "S01", "on_duty", "--db", db)[0] == 0
    code, out, _ = run(capsys, "whereabouts", "set", "S02", "外出", "--back", "10:30", "--note", "送材料", "--db", db)
    assert code == 0 and "外出" in out
    code, out, _ = run(capsys, "whereabouts", "--db", db)
    assert code == 0 and "[计生服务]" in out and "预计10:30回" in out and "送材料" in out
    code, out, _ = run(capsys, "whereabouts", "--json", "--db", db)
    board = json.loads(out)
    assert {p["staff"]: p["state"] for p in board["people"]}["S02"] == "out"
    code, out, _ = run(capsys, "whereabouts", "cover", "--json", "--db", db)
    windows = {w["window"]: w for w in json.loads(out)["windows"]}
    assert windows[1]["cover"] == "A" and windows[1]["covered_by"] == ["S01"]
    code, out, _ = run(capsys, "whereabouts", "set", "S01", "resting", "--lang", "en", "--db", db)
    assert code == 0 and "Window 1" in out and "paused automatically" in out
    code, out, _ = run(capsys, "whereabouts", "cover", "--db", db)
    assert "无人在岗" in out and "暂停服务" in out


def test_whereabouts_mistakes(db, capsys):
    code, _, err = run(capsys, "whereabouts", "set", "S01", "lunch", "--db", db)
    assert code == 2 and "not a state" in err
    code, _, err = run(capsys, "whereabouts", "set", "S01", "out", "--back", "25:00", "--db", db)
    assert code == 2
    code, _, err = run(capsys, "whereabouts", "set", "S02", "请假", "--db", db)
    assert code == 1 and "请假" in err and "批准" in err
    code, _, err = run(capsys, "whereabouts", "set", "S02", "out", "--by", "S01", "--db", db)
    assert code == 1 and "不是领导" in err  # only a leader sets someone else's state
    code, _, err = run(capsys, "whereabouts", "set", "NOBODY", "on_duty", "--db", db)
    assert code == 1 and "工号或密码不正确" in err  # an unknown code reads as a wrong PIN


def test_leave_request_approve_and_list(db, capsys):
    code, out, _ = run(
        capsys,
        "leave",
        "request",
        "S02",
        "--from",
        "2026-11-23",
        "--reason",
        "看病",
        "--stand-in",
        "S01",
        "--json",
        "--db",
        db,
    )
    assert code == 0
    request = json.loads(out)
    assert request["status"] == "pending" and request["stand_in"] == "S01"
    code, _, err = run(capsys, "leave", "approve", request["id"], "--leader", "S03", "--db", db)
    assert code == 1 and "不是领导" in err
    code, out, err = run(capsys, "leave", "approve", request["id"], "--leader", "L01", "--db", db, pin="4321")
    assert code == 1 and "密码不正确" in err  # the leader's own PIN, not anyone's
    code, out, _ = run(capsys, "leave", "approve", request["id"], "--leader", "L01", "--db", db)
    assert code == 0 and "已批准" in out and "2026-11-23 至 2026-11-23" in out
    code, out, _ = run(capsys, "leave", "list", "--json", "--db", db)
    assert [i["status"] for i in json.loads(out)["leave"]] == ["approved"]
    assert run(capsys, "whereabouts", "set", "S02", "leave", "--db", db)[0] == 0
    code, _, err = run(
        capsys, "leave", "request", "S02", "--from", "tomorrow", "--reason", "x", "--stand-in", "S01", "--db", db
    )
    assert code == 2


def test_duty_roster_ticks_and_closing_sign_off(db, capsys, people):
    code, out, _ = run(capsys, "duty", "roster", "--days", "3", "--json", "--db", db)
    assert code == 0 and len(json.loads(out)["roster"]) == 3
    code, out, _ = run(capsys, "duty", "roster", "--from", "2026-11-28", "--days", "1", "--db", db)
    assert code == 0 and "周六" in out and "09:00-16:00" in out
    assert run(capsys, "duty", "roster", "--days", "0", "--db", db)[0] == 2
    code, out, _ = run(capsys, "duty", "tick", "--closing", "1", "--staff", "S01", "--problem", "灯不亮", "--db", db)
    assert code == 0 and "第1项" in out
    code, _, err = run(capsys, "duty", "sign-off", "--closing", "--staff", "S01", "--db", db)
    assert code == 1 and "未勾选" in err
    for item in range(2, len(people.config.closing_checklist) + 1):
        assert run(capsys, "duty", "tick", "--closing", item, "--staff", "S01", "--db", db)[0] == 0
    assert run(capsys, "ticket", "take", "baby-hukou", "--db", db)[0] == 0
    code, _, err = run(capsys, "duty", "sign-off", "--closing", "--staff", "S01", "--db", db)
    assert code == 1 and "16:15前" in err  # 09:00: tickets are still issued
    at(MON, 16, 40)
    code, _, err = run(capsys, "duty", "sign-off", "--closing", "--staff", "S01", "--db", db)
    assert code == 1 and "还有1位群众" in err
    assert run(capsys, "ticket", "call", "--window", "1", "--staff", "S01", "--db", db)[0] == 0
    assert run(capsys, "ticket", "finish", "A001", "--window", "1", "--staff", "S01", "--db", db)[0] == 0
    code, out, err = run(capsys, "duty", "sign-off", "--closing", "--staff", "S01", "--db", db, pin="")
    assert code == 1 and "密码" in err
    code, _, err = run(capsys, "duty", "sign-off", "--closing", "--staff", "S01", "--db", db)
    assert code == 1 and "closing:1「" in err and "灯不亮" in err
    answer = ("--answer", "closing:1=已报修，明早更换")
    assert run(capsys, "duty", "sign-off", "--closing", "--staff", "S01", "--answer", "closing:1", "--db", db)[0] == 2
    code, out, _ = run(capsys, "duty", "sign-off", "--closing", "--staff", "S01", *answer, "--db", db)
    assert code == 0 and "不再取号" in out
    code, _, err = run(capsys, "ticket", "take", "baby-hukou", "--db", db)
    assert code == 1
    code, out, _ = run(capsys, "duty", "history", "--db", db)
    assert code == 0 and "[✓] 1." in out and "灯不亮" in out and "签字：S01" in out and "已报修" in out
    code, out, _ = run(capsys, "duty", "history", "--json", "--db", db)
    assert json.loads(out)["closing"]["signed_off"]["staff"] == "S01"
    assert run(capsys, "duty", "sign-off", "--staff", "S01", "--db", db)[0] == 2  # --opening or --closing


def test_duty_swap_and_the_leaders_log(db, capsys, people):
    person = Duty(people.config).on_duty(MON).staff[0]
    other = "S04" if person != "S04" else "S01"
    code, out, _ = run(capsys, "duty", "swap", "2026-11-23", person, other, "--reason", "调休", "--json", "--db", db)
    assert code == 0 and json.loads(out)["staff"] == [other]
    code, out, _ = run(capsys, "duty", "problem", "饮水机坏了", "--leader", "L01", "--json", "--db", db)
    problem = json.loads(out)["id"]
    code, out, _ = run(capsys, "duty", "fix", problem, "已报修", "--leader", "L01", "--db", db)
    assert code == 0 and "已报修" in out
    assert run(capsys, "duty", "problem", "x", "--leader", "S01", "--db", db)[0] == 1


def test_attendance_day_month_csv_json(db, capsys, people):
    from models.staff.whereabouts import Whereabouts

    where = Whereabouts(people.config)
    at(MON, 8, 20)
    where.set_state("S01", "on_duty")
    at(MON, 18, 0)
    code, out, _ = run(capsys, "attendance", "--date", "2026-11-23", "--csv", "--db", db)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and {r["工号"]: r["情况"] for r in rows}["S01"] == "迟到"
    code, out, _ = run(capsys, "attendance", "--month", "2026-11", "--json", "--db", db)
    assert code == 0 and {r["staff"]: r["late"] for r in json.loads(out)["rows"]}["S01"] == 1
    code, out, _ = run(capsys, "attendance", "--date", "2026-11-23", "--lang", "en", "--db", db)
    assert code == 0 and "Minutes late" in out
    assert run(capsys, "attendance", "--db", db)[0] == 2
    assert run(capsys, "attendance", "--date", "2026-11-23", "--month", "2026-11", "--db", db)[0] == 2
    assert run(capsys, "attendance", "--month", "2026-13", "--db", db)[0] == 2


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_migrate_to_an_empty_sqlite_and_not_twice(db, capsys, tmp_path):
    target = f"sqlite:///{tmp_path / 'copy.db'}"
    code, out, _ = run(capsys, "migrate-to", target, "--db", db)
    assert code == 0 and "条数全部一致" in out and "staff" in out
    code, out, _ = run(capsys, "migrate-to", target, "--json", "--db", db)
    assert code == 1
    code, out, _ = run(capsys, "migrate-to", f"sqlite:///{tmp_path / 'copy2.db'}", "--json", "--db", db)
    assert code == 0 and json.loads(out)["ok"] is True
