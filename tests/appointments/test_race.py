"""Several residents ask for the last place of a slot at once, from separate
processes: exactly one gets it, the others are told it is full — on SQLite
and PostgreSQL."""

from __future__ import annotations

import multiprocessing as mp
from datetime import datetime

import pytest

from models.schema.appointments import Appointment, AppointmentRecord, SlotTaken
from tests.appointments.conftest import ITEM, TUESDAY
from tests.conftest import SHANGHAI

PEOPLE = 6


def _booker(config, n, start, out):
    from models import clock
    from models.appointments import AppointmentRefused
    from models.hall import open_hall

    clock.set_now(datetime(2026, 11, 23, 9, 0, tzinfo=SHANGHAI))
    hall = open_hall(config)
    start.wait(timeout=60)
    try:
        out.put(("booked", hall.appointments.book(ITEM, TUESDAY, "08:00", f"1380000{n:04d}").code))
    except AppointmentRefused as refused:
        out.put(("refused", refused.key))


@pytest.mark.slow
def test_two_people_never_get_the_last_place(booking):
    ctx = mp.get_context("spawn")
    out, start = ctx.Queue(), ctx.Barrier(PEOPLE)
    people = [ctx.Process(target=_booker, args=(booking.config, n, start, out)) for n in range(PEOPLE)]
    for p in people:
        p.start()
    answers = [out.get(timeout=240) for _ in people]
    for p in people:
        p.join(timeout=60)
        assert p.exitcode == 0
    assert sorted(kind for kind, _ in answers) == ["booked"] + ["refused"] * (PEOPLE - 1)
    assert {key for kind, key in answers if kind == "refused"} == {"slot_full"}
    assert Appointment.select().count() == 1 and AppointmentRecord.select().count() == 1
    assert SlotTaken.get().taken == 1
