"""``hall households``, ``hall visit`` and ``hall visits``: output, PINs and exit statuses."""

from __future__ import annotations

import json

import pytest

from cli.main import main
from models.schema import SigninAttempt
from models.schema.households import HouseholdAccess
from tests.conftest import pin_on_stdin
from tests.visits.conftest import AREA_FILE, PERSONAL, add_people


@pytest.fixture
def run(hall, capsys, frozen_clock):
    """``hall …`` against the test's hall: (status, stdout, stderr); the PIN comes on standard input."""
    add_people()
    database = ["--db", hall.config.database]

    def hall_command(*argv, lang="zh", pin="1234"):
        with pin_on_stdin(pin):
            status = main([*database, "--lang", lang, *argv])
        return (status, *capsys.readouterr())

    return hall_command


def test_load_list_log_and_progress(run, tmp_path, hall):
    path = tmp_path / "areas.toml"
    path.write_text(AREA_FILE, encoding="utf-8")
    assert run("households", "check", str(path))[0] == 0
    code, out, _ = run("households", "load", str(path), "--staff", "L01")
    assert code == 0 and "新增4户" in out
    code, out, _ = run("households", "list", "--area", "g1")
    assert code == 0 and "g1-001" in out and "g2-001" not in out and "王**" in out
    assert not any(value in out for value in PERSONAL)
    code, out, _ = run("visit", "log", "--staff", "S01", "--household", "g1-001", "--raised", "楼道灯坏了", "--json")
    assert code == 0
    matter = json.loads(out)["matters"][0]["id"]
    assert SigninAttempt.select().where(SigninAttempt.purpose == "cli").count() == 2  # the load and the visit
    code, out, _ = run("visit", "answer", str(matter), "--staff", "S01", "--text", "已修好", "--how", "phone")
    assert code == 0
    code, out, _ = run("visits", "--month", "2026-11", "--worker", "S01", "--json")
    mine = json.loads(out)
    assert (mine["visited"], mine["households"]) == (1, 3)
    assert [s["code"] for s in mine["statuses"]][:2] == ["g1-003", "g1-002"]
    code, out, _ = run("visits", "--month", "2026-11", lang="en")
    assert code == 0 and "S01" in out and "behind" in out
    assert not any(value in out for value in PERSONAL)


def test_bad_lines_refuse_the_whole_file(run, tmp_path):
    path = tmp_path / "areas.toml"
    path.write_text(AREA_FILE.replace('care = "special"', 'care = "vip"'), encoding="utf-8")
    code, out, err = run("households", "load", str(path), "--staff", "L01")
    assert code == 1 and f"{path}:23: " in err and "Traceback" not in err
    assert run("households", "list")[1].strip() == "没有住户。"


def test_a_wrong_pin_logs_nothing_and_a_reveal_is_logged(run, tmp_path):
    path = tmp_path / "areas.toml"
    path.write_text(AREA_FILE, encoding="utf-8")
    run("households", "load", str(path), "--staff", "L01")
    code, _out, err = run("visit", "log", "--staff", "S01", "--household", "g1-001", pin="0000")
    assert code == 1 and err.startswith("hall: ")
    code, out, _ = run("households", "reveal", "g1-001", "--staff", "S01", "--reason", "电话回访")
    assert code == 0 and "王大明" in out
    assert HouseholdAccess.select().count() == 1
    code, _out, err = run("visit", "log", "--staff", "S01", "--household", "g1-001", "--date", "2026-12-01")
    assert code == 1 and "2026-12-01" in err
