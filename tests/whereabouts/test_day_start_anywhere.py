"""The day's start is one rule: any queue, wherever it is built, pauses the windows left
covered overnight when it first looks at the new day, as the hall's own queue does."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from models.cases.public_view import public_view
from models.queue import Queue
from models.schema import CoverDayStart, Ticket, Window
from tests.whereabouts.conftest import at

MONDAY, TUESDAY = date(2026, 11, 23), date(2026, 11, 24)
ROOT = Path(__file__).resolve().parents[2]


def paused(number: int) -> bool:
    return Window.get(Window.number == number).paused


def left_covered_overnight(hall):
    at(MONDAY, 9, 0)
    hall.queue.today()
    hall.whereabouts.set_state("S01", "on_duty")  # window 1's A never signs out
    return hall.queue.take("baby-hukou")  # and a ticket left waiting


def test_a_queue_built_on_its_own_ends_the_tickets_and_pauses_the_windows(people):
    receipt = left_covered_overnight(people)
    at(TUESDAY, 7, 50)
    assert Queue(people.config).today() == TUESDAY
    assert Ticket.get(Ticket.number == receipt.number).status != "waiting"
    assert paused(1) and CoverDayStart.select().where(CoverDayStart.day == TUESDAY).count() == 1
    assert people.queue.today() == TUESDAY and people.whereabouts.start_day(TUESDAY) == ()  # once


def test_a_phones_look_starts_the_day_too(people):
    receipt = left_covered_overnight(people)
    at(TUESDAY, 7, 50)
    view = public_view(people.config, receipt.tracking_code)  # a phone's look builds its own queue
    assert view["ticket"] is not None and paused(1)


def test_every_queue_in_the_code_is_built_through_the_one_constructor():
    """No code builds a Queue and then fills ``day_starts`` itself: the constructor does it."""
    builders = []
    for path in ROOT.glob("*/**/*.py"):
        if path.parts[len(ROOT.parts)] in ("tests", "benchmarks", ".venv"):
            continue
        text = path.read_text(encoding="utf-8")
        if re.search(r"\bday_starts\s*=", text) and path.name != "tickets.py":
            builders.append(str(path.relative_to(ROOT)))
    assert not builders, builders
