"""``hall appointment home`` says who a home visit went to; ``assign`` is the leader choosing."""

from __future__ import annotations

import json

from tests.appointments.conftest import PHONE
from tests.core.conftest import demo_db  # noqa: F401 - the demo hall fixture
from tests.core.test_cli import run
from tests.visits.conftest import AREA_FILE

DAY = "2026-11-24"
HOME = ("appointment", "home", "baby-hukou", "--date", DAY, "--time", "14:00", "--phone", PHONE)


def test_home_visit_goes_to_the_areas_worker_and_the_leader_may_change_it(
    demo_db,  # noqa: F811
    frozen_clock,
    capsys,
    tmp_path,
):
    path = tmp_path / "areas.toml"
    path.write_text(AREA_FILE, encoding="utf-8")
    assert run(capsys, "households", "load", str(path), "--staff", "L01", "--db", demo_db)[0] == 0
    code, out, err = run(capsys, *HOME, "--household", "g1-001", "--staff", "S02", "--db", demo_db)
    assert code == 0, err
    assert "第一网格" in out and "王芳（S01）" in out and "501" not in out
    code, out, err = run(capsys, *HOME, "--address", "光明街12号", "--staff", "S02", "--json", "--db", demo_db)
    assert code == 0, err
    made = json.loads(out)
    assert made["worker"] is None and made["area"] is None and "光明街" not in out
    other = (*HOME[:-1], "13912345678")
    code, out, _ = run(capsys, *other, "--address", "光明街12号", "--staff", "S02", "--db", demo_db, "--lang", "en")
    assert code == 0 and "the leader will choose" in out
    assign = ("appointment", "assign", made["code"], "--worker", "S02")
    code, _, err = run(capsys, *assign, "--staff", "S01", "--db", demo_db)
    assert code == 1 and "站长" in err and "Traceback" not in err
    code, out, err = run(capsys, *assign, "--staff", "L01", "--db", demo_db)
    assert code == 0 and "S02" in out, err
    code, _, err = run(capsys, *other, "--household", "nope", "--staff", "S02", "--db", demo_db)
    assert code == 1 and "nope" in err and "Traceback" not in err
