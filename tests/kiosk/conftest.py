"""Fixtures and helpers for the kiosk and board tests.

Apps run headless with ``run_test``; the clock is frozen on a Monday at
09:30 in Shanghai (tickets are issued then, even outside the demo mode).
"""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import datetime

import pytest

from models import clock
from tests.conftest import SHANGHAI, make_config

MONDAY_MORNING = datetime(2026, 11, 23, 9, 30, tzinfo=SHANGHAI)
SIZES = {"small": (80, 24), "kiosk": (120, 40)}


@pytest.fixture(autouse=True)
def monday_morning():
    clock.set_now(MONDAY_MORNING)
    yield
    clock.set_now(None)


def with_config(hall, **changes):
    """The same hall under another config (e.g. kiosk or ticket settings)."""
    from models.calendar import HallCalendar
    from models.queue import Queue

    config = replace(hall.config, **changes)
    return replace(hall, config=config, queue=Queue(config), calendar=HallCalendar(config))


def make_kiosk(hall, language="zh", **kiosk_changes):
    from kiosk.app import KioskApp

    if kiosk_changes:
        hall = with_config(hall, kiosk=replace(hall.config.kiosk, **kiosk_changes))
    return KioskApp(hall, language=language, live=False, watch_theme_files=False)


async def wait_for(pilot, predicate, timeout: float = 5.0, step: float = 0.05):
    """Let the app run until ``predicate()`` is true; fails after ``timeout``."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            if predicate():
                return
        except Exception:
            pass
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {getattr(predicate, '__name__', predicate)}")
        await pilot.pause(step)


def exists(app, selector: str) -> bool:
    return bool(app.screen.query(selector))


async def tap(pilot, selector: str, timeout: float = 5.0):
    """Click a widget on the current screen once it is there and enabled."""
    app = pilot.app
    await wait_for(pilot, lambda: exists(app, selector) and not app.screen.query_one(selector).disabled, timeout)
    await pilot.pause()
    guard = getattr(app, "tap_guard", None)
    if guard is not None:  # a deliberate tap: the resident has looked at the screen first
        guard.settle()
    clicked = await pilot.click(selector)
    assert clicked, f"{selector} could not be clicked"
    await pilot.pause()


async def on_screen(pilot, name: str, timeout: float = 5.0):
    await wait_for(pilot, lambda: type(pilot.app.screen).__name__ == name, timeout)
    await pilot.pause()


async def tap_tile(pilot, tile_id: str):
    """Turn pages until the tile is shown, then tap it."""
    from kiosk.widgets.paged import PagedTiles

    app = pilot.app
    await wait_for(
        pilot, lambda: app.screen.query_one(PagedTiles).entries and app.screen.query_one(PagedTiles).per_page
    )
    tiles = app.screen.query_one(PagedTiles)
    tiles.show_entry(tile_id)
    await tap(pilot, f"#{tile_id}")


async def open_item(pilot, mode: str, line: str, item: str, *, confirm: bool = True):
    """From home: 取号办事 / 办事指南 → line → item; taking a ticket, past 「请确认已带齐以下材料」
    when the item can be taken now (``confirm=False`` stops on that page)."""
    await on_screen(pilot, "HomeScreen")
    await tap(pilot, "#take" if mode == "take" else "#guide")
    await on_screen(pilot, "LinesScreen")
    await tap_tile(pilot, f"line-{line}")
    await on_screen(pilot, "ItemsScreen")
    await tap_tile(pilot, f"item-{item}")
    if mode == "take" and confirm:
        await on_screen(pilot, "ItemDetailScreen")
        app = pilot.app
        await wait_for(pilot, lambda: app.screen.info is not None)
        if not app.screen.query_one("#take-ticket").disabled:
            await tap(pilot, "#take-ticket")


async def take_from_list(pilot, item: str):
    """On a list of items: the item's tile, its notice's take button, 不需要优先, up to the ticket."""
    app = pilot.app
    await tap_tile(pilot, f"item-{item}")
    await on_screen(pilot, "ItemDetailScreen")
    await wait_for(pilot, lambda: app.screen.info is not None)
    await tap(pilot, "#take-ticket")
    await on_screen(pilot, "PriorityScreen")
    await tap(pilot, "#normal")
    await on_screen(pilot, "TicketScreen")


async def type_code(pilot, code: str):
    """Type a tracking code on the on-screen keypad."""
    from kiosk.widgets.keypad import Keypad

    keypad = pilot.app.screen.query_one(Keypad)
    for symbol in code.replace("-", ""):
        keypad.show_symbol(symbol)
        await pilot.pause()
        await tap(pilot, f"#key-{symbol}")


def text_of(app, selector: str) -> str:
    from textual.widgets import Static

    widget = app.screen.query_one(selector)
    if isinstance(widget, Static):
        return str(widget.render())
    return str(widget.render())


def screen_text(app) -> str:
    """All the words on the screen as a resident would read them."""

    svg_free = []
    for widget in app.screen.query("*"):
        if not widget.display:
            continue
        try:
            rendered = widget.render()
        except Exception:
            continue
        plain = getattr(rendered, "plain", None)
        if plain is None and isinstance(rendered, str):
            plain = rendered
        words = getattr(widget, "words", None)  # a heading or tile drawn in big glyphs: its words
        if isinstance(words, str):
            plain = words
        if plain:
            svg_free.append(plain)
    return "\n".join(svg_free)


def sqlite_config(tmp_path, **changes):
    return make_config(f"sqlite:///{tmp_path / 'hall.db'}", **changes)


@pytest.fixture
def sqlite_hall(tmp_path):
    """A SQLite hall only (snapshots and screenshots need one backend, not both)."""
    from models.catalogue import default_catalogue_path
    from models.catalogue import store as catalogue_store
    from models.hall import open_hall

    hall = open_hall(sqlite_config(tmp_path, tracking_url="https://hall.example.cn/t/{code}"), create=True)
    catalogue_store.load_file(str(default_catalogue_path()))
    yield hall
    hall.close()


def fixed_codes(monkeypatch):
    """Tracking codes from a fixed sequence, so screenshots are the same each run."""
    from models.queue import tracking

    counter = iter(range(1, 10_000))

    def new_code():
        data = f"{next(counter):011d}".replace("0", "K")
        return data + tracking._check_symbol(data)

    monkeypatch.setattr(tracking, "new_code", new_code)
