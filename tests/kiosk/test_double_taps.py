"""A double tap is one tap: on every tappable thing of every kiosk screen, two
taps 150 ms apart press exactly one button, and a deliberate tap right after
the guard's half second is not lost.

The taps are posted to the app as a terminal's driver posts them (mouse down
and up at screen coordinates; the app makes the click), with nothing waited
for in between, so the second lands on whatever is shown by then, as a
finger's would.
"""

from __future__ import annotations

import asyncio

import pytest
from textual import events

from kiosk.widgets.big_button import BigButton
from kiosk.widgets.keypad import KeyButton
from models.schema import Ticket
from tests.kiosk.conftest import make_kiosk, on_screen, tap, wait_for

DOUBLE_TAP_GAP = 0.15
TILES_PER_SCREEN = 2  # tiles of one list are one kind of thing: the first two of each


def finished_case(hall):
    import models.staff.accounts as staff_module
    from models.cases import Cases

    staff_module.add_staff("S05", "陈静", "1234", role="staff", posts=[(6, "A")])
    receipt = hall.queue.take("party-consult")
    hall.queue.call_next(6, "S05")
    hall.queue.start(receipt.number, 6)
    hall.queue.finish(receipt.number, 6)
    Cases(hall.config).open_case(staff="S05", ticket=receipt.number, result="已答复")
    return receipt


def screens(hall):
    """How to bring each screen up straight from the app, as the navigator would."""
    from models.cases.public_view import public_view

    receipt = finished_case(hall)
    view = public_view(hall.config, receipt.tracking_code)
    taken = hall.queue.take("baby-hukou")

    def ticket(app):
        from kiosk.screens.ticket import TicketScreen

        app.show(TicketScreen(taken, []))

    return {
        "HomeScreen": lambda app: app.go_home(),
        "LinesScreen": lambda app: app._lines("take"),
        "ItemsScreen": lambda app: app._items("take", "jisheng"),
        "HeadsScreen": lambda app: app._items("take", "@first"),
        "ItemDetailScreen": lambda app: app._item_detail("hukou-in", ("guide", "jisheng", 0)),
        "PriorityScreen": lambda app: app._priority("baby-hukou", ("take", "jisheng", 0)),
        "TicketScreen": ticket,
        "TrackScreen": lambda app: app._track("track"),
        "TrackResultScreen": lambda app: app._track_result(view),
        "RateScreen": lambda app: app._rate(view),
    }


def tappable(app) -> list[str]:
    ids, tiles = [], 0
    for button in app.screen.query(BigButton):
        if not button.id or button.disabled or not button.display or not button.region.area:
            continue
        if "tile" in button.classes or "head" in button.classes:
            tiles += 1
            if tiles > TILES_PER_SCREEN:
                continue
        ids.append(button.id)
    return ids


async def settled_on(pilot, name: str, show) -> None:
    app = pilot.app
    show(app)
    await on_screen(pilot, name)
    await pilot.pause(0.1)  # loaded
    app.tap_guard.settle()


async def double_tap(pilot, x: int, y: int, gap: float = DOUBLE_TAP_GAP) -> None:
    app = pilot.app

    first: list[float] = []

    def tap() -> None:
        for kind in (events.MouseDown, events.MouseUp):
            event = kind(None, x, y, 0, 0, 1, False, False, False, screen_x=x, screen_y=y)
            if first:
                # The terminal's moment of the second tap is ``gap`` after the first, as a finger's
                # is, however late a loaded machine lets this test post it: the guard goes by it.
                event.time = first[0] + gap
            else:
                first.append(event.time)
            app.post_message(event)

    tap()
    await asyncio.sleep(gap)
    tap()
    await pilot.pause(0.3)


def count_presses(monkeypatch) -> list[str]:
    pressed: list[str] = []
    original = BigButton.press

    def press(self):
        if not self.disabled and self.display:
            pressed.append(f"{type(self.screen).__name__}#{self.id}")
        return original(self)

    monkeypatch.setattr(BigButton, "press", press)
    return pressed


SCREENS = [
    "HomeScreen",
    "LinesScreen",
    "ItemsScreen",
    "HeadsScreen",
    "ItemDetailScreen",
    "PriorityScreen",
    "TicketScreen",
    "TrackScreen",
    "TrackResultScreen",
    "RateScreen",
]


@pytest.mark.parametrize("screen_name", SCREENS)
async def test_a_double_tap_presses_one_button(sqlite_hall, monkeypatch, screen_name):
    import models.staff.accounts as staff_module

    monkeypatch.setattr(staff_module, "_N", 2**4)
    show = screens(sqlite_hall)[screen_name]
    app = make_kiosk(sqlite_hall, "zh")
    pressed = count_presses(monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled_on(pilot, screen_name, show)
        targets = tappable(app)
        assert targets, f"nothing to tap on {screen_name}"
        for target in targets:
            await settled_on(pilot, screen_name, show)
            if not app.screen.query(f"#{target}"):
                continue
            button = app.screen.query_one(f"#{target}")
            x, y = button.region.center
            times = 2 if isinstance(button, KeyButton) else 1
            pressed.clear()
            await double_tap(pilot, x, y)
            # A key of the keypad types twice: a code may hold a symbol twice ("77").
            assert pressed == [f"{screen_name}#{target}"] * times, f"double tap on {screen_name} #{target}: {pressed}"


async def test_a_deliberate_tap_after_the_guard_is_not_lost(sqlite_hall):
    app = make_kiosk(sqlite_hall, "zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await tap(pilot, "#take")
        await on_screen(pilot, "LinesScreen")
        await pilot.pause(app.tap_guard.seconds + 0.05)
        await pilot.click("#back")
        await on_screen(pilot, "HomeScreen")


async def test_a_double_tap_on_an_item_asks_about_priority(sqlite_hall):
    """The finding: two taps on an item tile issued a ticket without asking 您需要优先照顾吗？."""
    app = make_kiosk(sqlite_hall, "zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await settled_on(pilot, "ItemsScreen", lambda app: app._items("take", "jisheng"))
        tile = next(t for t in tappable(app) if t.startswith("item-"))
        x, y = app.screen.query_one(f"#{tile}").region.center
        await double_tap(pilot, x, y)
        await on_screen(pilot, "ItemDetailScreen")  # 请确认已带齐以下材料
        await wait_for(pilot, lambda: not app.screen.query_one("#take-ticket").disabled)
        app.tap_guard.settle()
        x, y = app.screen.query_one("#take-ticket").region.center
        await double_tap(pilot, x, y)
        await on_screen(pilot, "PriorityScreen")
        await pilot.pause(0.4)
        assert type(app.screen).__name__ == "PriorityScreen"
        assert Ticket.select().count() == 0
