"""The `hall` command as a maintainer uses it: exit codes, JSON, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from cli.main import main
from tests.conftest import pin_on_stdin

ROOT = Path(__file__).resolve().parents[2]


def run(capsys, *argv, pin="1234"):
    with pin_on_stdin(pin):
        code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_take_call_finish_with_json(demo_db, capsys):
    code, out, _ = run(capsys, "ticket", "take", "baby-hukou", "--json", "--db", demo_db)
    assert code == 0
    taken = json.loads(out)
    assert taken["number"] == "A001" and taken["windows"] == [1] and taken["line"] == "jisheng"
    assert {"tracking_code", "ahead", "wait_minutes"} <= taken.keys()
    code, out, _ = run(capsys, "ticket", "call", "--window", "1", "--staff", "S01", "--json", "--db", demo_db)
    called = json.loads(out)
    assert code == 0 and called["number"] == "A001" and called["window"] == 1
    code, out, _ = run(capsys, "ticket", "finish", "A001", "--window", "1", "--staff", "S01", "--db", demo_db)
    assert code == 0
    code, out, _ = run(capsys, "case", "show", taken["tracking_code"], "--json", "--db", demo_db)
    assert code == 0 and json.loads(out)["ticket"]["state"] == "done"


def test_call_a_chosen_number(demo_db, capsys):
    for _ in range(2):
        run(capsys, "ticket", "take", "baby-hukou", "--db", demo_db)
    code, out, _ = run(
        capsys, "ticket", "call", "--window", "1", "--staff", "S01", "--number", "A002", "--json", "--db", demo_db
    )
    assert code == 0 and json.loads(out)["number"] == "A002"
    code, _, err = run(capsys, "ticket", "call", "--window", "2", "--staff", "S03", "--number", "A001", "--db", demo_db)
    assert code == 1 and "不由2号窗口办理" in err


def test_nothing_waiting_is_a_refusal(demo_db, capsys):
    code, _, err = run(capsys, "ticket", "call", "--window", "2", "--staff", "S03", "--db", demo_db)
    assert code == 1 and "没有等候" in err and "Traceback" not in err


def test_same_request_id_same_ticket(demo_db, capsys):
    first = run(capsys, "ticket", "take", "baby-hukou", "--request-id", "r1", "--json", "--db", demo_db)[1]
    again = run(capsys, "ticket", "take", "baby-hukou", "--request-id", "r1", "--json", "--db", demo_db)[1]
    assert json.loads(first)["number"] == json.loads(again)["number"]


def test_lists_as_json(demo_db, capsys):
    code, out, _ = run(capsys, "catalogue", "list", "--json", "--db", demo_db)
    data = json.loads(out)
    assert code == 0 and {"lines", "windows", "items"} <= data.keys()
    assert any(i["code"] == "hukou-in" for i in data["items"])
    code, out, _ = run(capsys, "staff", "list", "--json", "--db", demo_db)
    assert "S01" in [s["code"] for s in json.loads(out)["staff"]]
    code, out, _ = run(capsys, "queue", "--json", "--db", demo_db)
    assert code == 0 and "lines" in json.loads(out)


def test_pause_resume_and_transfer(demo_db, capsys):
    assert run(capsys, "window", "pause", "1", "--staff", "S01", "--db", demo_db)[0] == 0
    code, _, err = run(capsys, "ticket", "take", "baby-hukou", "--db", demo_db)
    assert code == 1 and "暂停服务" in err
    assert run(capsys, "window", "resume", "1", "--staff", "S01", "--db", demo_db)[0] == 0
    run(capsys, "ticket", "take", "baby-hukou", "--db", demo_db)
    run(capsys, "ticket", "call", "--window", "1", "--staff", "S01", "--db", demo_db)
    code, _, _ = run(
        capsys,
        "ticket",
        "transfer",
        "A001",
        "--window",
        "1",
        "--to-line",
        "minzheng",
        "--note",
        "低保",
        "--staff",
        "S01",
        "--db",
        demo_db,
    )
    assert code == 0
    code, out, _ = run(capsys, "ticket", "call", "--window", "3", "--staff", "S05", "--json", "--db", demo_db)
    assert json.loads(out)["number"] == "A001"


def test_usage_and_database_errors_exit_2(tmp_path, capsys):
    assert run(capsys, "ticket", "take")[0] == 2
    code, _, err = run(capsys, "queue", "--db", f"sqlite:///{tmp_path}/none.db")
    assert code == 2 and "hall init" in err
    code, _, err = run(capsys, "queue", "--db", "postgresql://nobody@127.0.0.1:1/none")
    assert code == 2 and "cannot be used" in err and "Traceback" not in err


def test_catalogue_check_names_file_and_line(tmp_path, capsys):
    bad = tmp_path / "cat.toml"
    bad.write_text('[[line]]\ncode = "x"\nprefx = "A"\n', encoding="utf-8")
    code, _, err = run(capsys, "catalogue", "check", str(bad))
    assert code == 1 and f"{bad}:3:" in err


def test_backup_while_writing(demo_db, capsys, tmp_path):
    if not demo_db.startswith("sqlite"):
        code, _, err = run(capsys, "backup", str(tmp_path / "b.db"), "--db", demo_db)
        assert code == 1 and "pg_dump" in err
        return
    for _ in range(3):
        run(capsys, "ticket", "take", "baby-hukou", "--db", demo_db)
    code, out, _ = run(capsys, "backup", str(tmp_path / "copy.db"), "--db", demo_db)
    assert code == 0
    import sqlite3

    copy = sqlite3.connect(tmp_path / "copy.db")
    assert copy.execute("select count(*) from ticket").fetchone()[0] == 3
    assert run(capsys, "backup", str(tmp_path / "copy.db"), "--db", demo_db)[0] == 1  # never overwrites


def test_doctor(demo_db, capsys):
    code, out, _ = run(capsys, "doctor", "--db", demo_db)
    assert code == 0 and "schema" in out and "integrity" in out


def test_staff_add_reads_pin_from_stdin(db_url, tmp_path):
    env_cmd = [sys.executable, "-m", "cli.main"]
    subprocess.run([*env_cmd, "init", "--db", db_url], cwd=ROOT, check=True, capture_output=True)
    added = subprocess.run(
        [*env_cmd, "staff", "add", "S77", "--name", "测试", "--post", "2:A", "--db", db_url],
        cwd=ROOT,
        input="4321\n",
        capture_output=True,
        text=True,
    )
    assert added.returncode == 0, added.stderr
    assert "4321" not in added.stdout + added.stderr
    listed = subprocess.run(
        [*env_cmd, "staff", "list", "--json", "--db", db_url], cwd=ROOT, capture_output=True, text=True
    )
    assert json.loads(listed.stdout)["staff"][0]["posts"] == [{"window": 2, "role": "A"}]


def test_pause_with_an_expected_resume_time(demo_db, capsys):
    from datetime import datetime

    from models import clock
    from tests.conftest import SHANGHAI

    clock.set_now(datetime(2026, 11, 23, 9, 30, tzinfo=SHANGHAI))
    try:
        code, _, err = run(capsys, "window", "pause", "1", "--staff", "S01", "--resume", "9:00", "--db", demo_db)
        assert code == 1 and "已经过了" in err
        code, out, _ = run(capsys, "window", "pause", "1", "--staff", "S01", "--resume", "10:20", "--db", demo_db)
        assert code == 0 and "预计 10:20 恢复" in out
        # A short pause: the ticket is issued, its wait starting at 10:20.
        code, out, _ = run(capsys, "ticket", "take", "baby-hukou", "--json", "--db", demo_db)
        assert code == 0 and json.loads(out)["wait_minutes"] == 50
        code, out, _ = run(capsys, "queue", "--json", "--db", demo_db)
        window = next(w for w in json.loads(out)["windows"] if w["number"] == 1)
        assert window["paused"] and window["resume_at"].startswith(
            "2026-11-23 02:20"
        )  # UTC, as the JSON gives every instant
    finally:
        clock.set_now(None)
