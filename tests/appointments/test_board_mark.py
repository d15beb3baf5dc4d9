"""The board marks a booked resident's number 「预约」 in its recent calls; a walk-in's stays bare."""

from __future__ import annotations

import pytest

from shared_ui.words import tr
from tests.appointments.conftest import ITEM, MONDAY, PHONE, TUESDAY, at
from tests.kiosk.conftest import screen_text, wait_for
from tests.kiosk.test_board import board


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_a_booked_number_is_marked_on_the_board(booking, lang):
    at(MONDAY, 9)
    code = booking.appointments.book(ITEM, TUESDAY, "09:00", PHONE).code
    at(TUESDAY, 8, 50)
    walk_in = booking.queue.take(ITEM).number
    booked = booking.appointments.check_in(code).ticket.number
    at(TUESDAY, 9, 0)
    first = booking.queue.call_next(1)
    booking.queue.call_next(1)
    assert first.number == booked  # its time has come: ahead of the walk-in who came first
    app = board(booking, lang)
    async with app.run_test(size=(120, 40)) as pilot:
        marked = tr("board.recent_row", number=tr("board_booked.mark", number=booked), window=1)
        await wait_for(pilot, lambda: marked in screen_text(app))
        assert tr("board.recent_row", number=walk_in, window=1) in screen_text(app)
