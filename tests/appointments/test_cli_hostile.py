"""Every ``hall appointment …`` command refuses, in one plain sentence and writing nothing:
hostile text in each text option, a wrong PIN, a clerk without the right."""

from __future__ import annotations

import pytest

from models.schema.appointments import Appointment, AppointmentRecord, SlotTaken
from tests.appointments.conftest import PHONE
from tests.conftest import pin_on_stdin
from tests.core.conftest import demo_db  # noqa: F401 - the demo hall fixture

DAY = "2026-11-24"
CODE = "ABCD-EFGH-JKMN"
HOSTILE = ("[red]x", "\x1b[2J")

# Each command with its text options, as (argv with {} where the hostile text goes).
BOOK = ["appointment", "book", "baby-hukou", "--date", DAY, "--time", "09:00", "--phone", PHONE, "--staff", "S01"]
HOME = ["appointment", "home", "baby-hukou", "--date", DAY, "--time", "14:00", "--phone", PHONE]
HOME += ["--address", "幸福小区3栋", "--staff", "S01"]
COMMANDS = {
    "slots": ["appointment", "slots", "baby-hukou", "--date", DAY],
    "book": BOOK,
    "home": HOME,
    "assign": ["appointment", "assign", CODE, "--worker", "S01", "--staff", "L01"],
    "check-in": ["appointment", "check-in", CODE, "--staff", "S01"],
    "cancel": ["appointment", "cancel", CODE, "--staff", "S01"],
    "list": ["appointment", "list", "--date", DAY, "--line", "jisheng"],
}
# The text options of each (positions in its argv); the address takes any printable text.
TEXTS = {
    "slots": [2],
    "book": [2, 6, 8, 10],
    "home": [2, 6, 8, 10, 12],
    "assign": [2, 4, 6],
    "check-in": [2, 4],
    "cancel": [2, 4],
    "list": [5],
}


def run(capsys, argv, pin="1234"):
    from cli.main import main

    with pin_on_stdin(pin):
        try:
            code = main(argv)
        except SystemExit as exc:  # argparse refusing an option's value
            code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def written() -> tuple[int, int, int]:
    return Appointment.select().count(), AppointmentRecord.select().count(), SlotTaken.select().count()


def assert_one_sentence(code, out, err) -> None:
    assert code not in (0, None), out
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in err, err
    assert "\x1b" not in err and "\x1b" not in out  # a control character is shown as its sign, never sent


@pytest.mark.parametrize("name", list(COMMANDS))
def test_hostile_text_is_refused_in_one_sentence(demo_db, frozen_clock, capsys, name):  # noqa: F811
    before = written()
    for at in TEXTS[name]:
        for text in HOSTILE:
            if COMMANDS[name][at - 1] == "--address" and text[0] == "[":
                continue  # an address may hold brackets: see the last test
            argv = [*COMMANDS[name], "--db", demo_db]
            argv[at] = text
            code, out, err = run(capsys, argv)
            assert_one_sentence(code, out, f"{COMMANDS[name][at - 1]} {text!r}: {err}")  # the case named
            assert written() == before


@pytest.mark.parametrize("name", ["book", "home", "assign", "check-in", "cancel"])
def test_a_wrong_pin_is_refused_and_writes_nothing(demo_db, frozen_clock, capsys, name):  # noqa: F811
    before = written()
    assert_one_sentence(*run(capsys, [*COMMANDS[name], "--db", demo_db], pin="0000"))
    assert written() == before


def test_a_clerk_cannot_assign_and_an_unknown_line_is_said(demo_db, frozen_clock, capsys):  # noqa: F811
    code, out, _ = run(capsys, [*HOME, "--json", "--db", demo_db])
    assert code == 0
    booked = Appointment.get().code
    before = written()
    argv = ["appointment", "assign", booked, "--worker", "S02", "--staff", "S03", "--db", demo_db]
    code, out, err = run(capsys, argv)
    assert_one_sentence(code, out, err)
    assert "站长" in err and written() == before and Appointment.get().worker_id is None
    argv = ["appointment", "list", "--date", DAY, "--line", "nope", "--db", demo_db]
    code, out, err = run(capsys, argv)
    assert_one_sentence(code, out, err)
    assert "nope" in err


def test_markup_in_an_address_is_kept_as_typed_and_never_shown(demo_db, frozen_clock, capsys):  # noqa: F811
    argv = [*HOME, "--db", demo_db]
    argv[10] = "[red]x 幸福小区"
    code, out, err = run(capsys, argv)
    assert code == 0, err
    assert Appointment.get().address == "[red]x 幸福小区" and "[red]" not in out
