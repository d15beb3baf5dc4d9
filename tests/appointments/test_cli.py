"""``hall appointment …`` as a maintainer or a script uses it: JSON, the PIN of
the staff member acting, masked phones, refusals in one sentence."""

from __future__ import annotations

import json

from tests.appointments.conftest import PHONE
from tests.core.conftest import demo_db  # noqa: F401 - the demo hall fixture
from tests.core.test_cli import run

DAY = "2026-11-24"


def test_slots_book_list_check_in_and_cancel(demo_db, frozen_clock, capsys):  # noqa: F811
    code, out, _ = run(capsys, "appointment", "slots", "baby-hukou", "--date", DAY, "--json", "--db", demo_db)
    slots = json.loads(out)
    assert code == 0 and slots["state"] == "open" and slots["slots"][0]["time"] == "08:00"
    code, out, _ = run(capsys, "appointment", "slots", "baby-hukou", "--date", DAY, "--db", demo_db)
    assert code == 0 and "08:00" in out
    book = ("appointment", "book", "baby-hukou", "--date", DAY, "--time", "08:00", "--phone", PHONE)
    code, out, err = run(capsys, *book, "--staff", "S01", "--json", "--db", demo_db)
    assert code == 0, err
    made = json.loads(out)
    assert made["channel"] == "phone" and made["booked_by"] == "S01" and made["phone"] == "138****5678"
    code, _, err = run(capsys, *book, "--staff", "S01", "--db", demo_db, pin="0000")
    assert code == 1 and "Traceback" not in err  # a wrong PIN books nothing
    code, out, _ = run(capsys, "appointment", "list", "--date", DAY, "--db", demo_db)
    assert code == 0 and made["code"] in out and "138****5678" in out and PHONE not in out and "待到" in out
    frozen_clock.set_now(frozen_clock.now().replace(day=24, hour=0, minute=0))  # 08:00 in Shanghai
    code, out, err = run(capsys, "appointment", "check-in", made["code"], "--staff", "S01", "--json", "--db", demo_db)
    assert code == 0, err
    done = json.loads(out)
    assert done["outcome"] == "on_time" and done["ticket"]["number"].startswith("A")
    code, _, err = run(capsys, "appointment", "cancel", made["code"], "--staff", "S01", "--db", demo_db)
    assert code == 1 and "不能再更改" in err


def test_refusals_are_one_sentence(demo_db, frozen_clock, capsys):  # noqa: F811
    code, out, _ = run(capsys, "appointment", "slots", "baby-hukou", "--date", "2026-12-31", "--db", demo_db)
    assert code == 0 and "10 个工作日以内" in out
    # The demo hall has someone on duty on Saturday: the duty hours' slots.
    code, out, _ = run(capsys, "appointment", "slots", "baby-hukou", "--date", "2026-11-28", "--json", "--db", demo_db)
    assert code == 0 and all(slot["out_of_hours"] for slot in json.loads(out)["slots"])
    book = ("appointment", "book", "baby-hukou", "--date", DAY, "--time", "08:05", "--phone", PHONE)
    code, _, err = run(capsys, *book, "--staff", "S01", "--db", demo_db, "--lang", "en")
    assert code == 1 and "no slot at 08:05" in err and "Traceback" not in err
    code, _, err = run(capsys, "appointment", "cancel", "nonsense", "--staff", "S01", "--db", demo_db)
    assert code == 1 and "预约码" in err
    code, out, _ = run(capsys, "appointment", "list", "--date", DAY, "--json", "--db", demo_db)
    assert code == 0 and json.loads(out) == []
