"""The board's big calls: each held at least as long as its announcement, never replaced
within a few seconds, several windows side by side, the layout at three sizes."""

from __future__ import annotations

import pytest

from kiosk.call_hold import MIN_HOLD_SECONDS, CallHold
from kiosk.screens.board import slots_for


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_call_03_seconds_after_another_waits_its_turn():
    clock = Clock()
    hold = CallHold(1, clock)
    assert hold.add("A001", 1, "A001")
    clock.now += 0.3
    assert not hold.add("B001", 2, "B001")  # A001 stays
    assert [s.number for s in hold.shown] == ["A001"]
    clock.now += MIN_HOLD_SECONDS - 0.5
    assert not hold.tick() and hold.shown[0].number == "A001"
    clock.now += 0.5
    assert hold.tick() and [s.number for s in hold.shown] == ["B001"]


def test_a_long_announcement_holds_longer():
    clock = Clock()
    hold = CallHold(1, clock)
    spoken = "请" * 40
    hold.add("A001", 1, spoken)
    hold.add("A002", 1, "")
    clock.now += MIN_HOLD_SECONDS + 1
    assert not hold.tick()  # 40 characters take 12 s to say
    clock.now += 7
    assert hold.tick() and hold.shown[0].number == "A002"


def test_windows_calling_at_once_stand_side_by_side():
    clock = Clock()
    hold = CallHold(3, clock)
    for number, window in (("A001", 1), ("B001", 2), ("C001", 3)):
        assert hold.add(number, window, "x")
        clock.now += 0.3
    assert [s.number for s in hold.shown] == ["A001", "B001", "C001"]
    assert not hold.add("D001", 4, "x")
    clock.now += MIN_HOLD_SECONDS
    assert hold.tick() and [s.number for s in hold.shown] == ["D001", "B001", "C001"]  # the oldest made room


def test_slots_by_width():
    assert (slots_for(80), slots_for(120), slots_for(200)) == (1, 2, 3)


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 56)], ids=["80x24", "120x40", "200x56"])
async def test_the_board_layout_at_three_sizes(hall, size):
    from tests.kiosk.conftest import wait_for
    from tests.kiosk.test_board import board

    hall.queue.take("baby-hukou")
    hall.queue.call_next(1)
    app = board(hall, "zh")
    async with app.run_test(size=size) as pilot:
        screen = app.screen
        await wait_for(pilot, lambda: screen.current == ("A001", 1) and screen.query(".call-number"))
        # Laid out once the mounted number has had its first refresh (slower on a busy machine).
        await wait_for(pilot, lambda: screen.query_one(".call-number").region.height > 0)
        await pilot.pause(0.3)
        number = screen.query_one(".call-number")
        width, height = size
        assert number.region.right <= width and number.region.bottom <= height
        if height >= 56:
            assert number.region.height >= 14  # a quarter of a TV, not 7 rows of it
        elif height >= 40:
            assert number.region.height >= 7
        else:
            assert number.region.height >= 4  # solid glyphs at 80×24
        for box in screen.query(".board-box"):
            assert box.region.height >= 5 and box.region.bottom <= height
