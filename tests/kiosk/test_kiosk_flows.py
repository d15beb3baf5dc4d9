"""The kiosk's flows, by taps on the real widgets, on both database backends.

Sizes and languages: the main flows run at 80×24 in Chinese and at 120×40 in
English; the smoke test of home and taking a ticket runs all four.
"""

from __future__ import annotations

import pytest

from models.schema import Ticket
from shared_ui.words import name_of, tr
from tests.kiosk.conftest import (
    SIZES,
    make_kiosk,
    on_screen,
    open_item,
    screen_text,
    tap,
    tap_tile,
    wait_for,
    with_config,
)

COMBOS = [pytest.param("small", "zh", id="80x24-zh"), pytest.param("kiosk", "en", id="120x40-en")]


@pytest.mark.parametrize("size", ["small", "kiosk"])
@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_home_and_one_tap_one_ticket(hall, size, lang):
    app = make_kiosk(hall, lang)
    async with app.run_test(size=SIZES[size]) as pilot:
        await on_screen(pilot, "HomeScreen")
        words = screen_text(app)
        assert name_of(hall.config.hall_name, hall.config.hall_name_en) in words
        assert tr("kiosk.header_open") in words
        for choice in ("take", "guide", "track", "rate"):
            button = app.screen.query_one(f"#{choice}")
            assert button.region.height >= 3 and button.region.width >= 12
        await open_item(pilot, "take", "jisheng", "baby-hukou")
        await on_screen(pilot, "PriorityScreen")
        await tap(pilot, "#normal")
        await on_screen(pilot, "TicketScreen")
        receipt = app.screen.receipt
        assert receipt.number == "A001"
        words = screen_text(app)
        assert tr("kiosk.ticket_window", windows="1") in words
        assert receipt.tracking_code in words
        assert Ticket.select().count() == 1


@pytest.mark.parametrize("size,lang", COMBOS)
async def test_double_taps_make_one_ticket(hall, size, lang):
    app = make_kiosk(hall, lang)
    async with app.run_test(size=SIZES[size]) as pilot:
        await open_item(pilot, "take", "laobao", hall_item(hall, "laobao"))
        await on_screen(pilot, "PriorityScreen")
        screen = app.screen
        button = screen.query_one("#priority")
        await wait_for(pilot, lambda: not button.disabled)
        button.press()
        button.press()  # a second tap before the first is handled
        screen.take(priority=True)  # and the same request once more, straight through
        await on_screen(pilot, "TicketScreen")
        await pilot.pause(0.3)
        assert Ticket.select().count() == 1
        assert Ticket.get().priority and app.screen.receipt.priority


def hall_item(hall, line: str) -> str:
    from models.schema import Item, Line

    return Item.select().join(Line).where((Line.code == line) & Item.open_from.is_null()).order_by(Item.id).first().code


@pytest.mark.parametrize("size,lang", COMBOS)
async def test_guide_shows_the_whole_notice_and_takes_a_ticket(hall, size, lang):
    app = make_kiosk(hall, lang)
    async with app.run_test(size=SIZES[size]) as pilot:
        await open_item(pilot, "guide", "jisheng", "hukou-in")
        await on_screen(pilot, "ItemDetailScreen")
        from kiosk.widgets.paged import PagedText

        notice = app.screen.query_one(PagedText)
        await wait_for(pilot, lambda: notice.plain())
        plain = notice.plain()
        if lang == "zh":
            for words in (
                "户口迁出地计划生育情况证明（原件）",
                "卫生费：12 元/人",
                "押金",
                "承诺 5 个工作日",
                "1 号窗口",
            ):
                assert words in plain
        else:
            for words in ("Sanitation fee: 12 yuan per person", "deposit", "5 working days", "window 1"):
                assert words in plain
        # paged, not scrolled: every page fits, Next reaches the last
        pages = notice.pages
        for _ in range(pages - 1):
            await tap(pilot, "#next")
        assert notice.page == pages - 1
        await tap(pilot, "#take-ticket")
        await on_screen(pilot, "PriorityScreen")
        await tap(pilot, "#normal")
        await on_screen(pilot, "TicketScreen")
        assert app.screen.receipt.item == "hukou-in"


async def test_out_of_season_and_paused_items_say_so(hall):
    hall.queue.pause(2)
    app = make_kiosk(hall, "zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_item(pilot, "guide", "laobao", "landless-pension-cert")
        await on_screen(pilot, "ItemDetailScreen")
        await wait_for(pilot, lambda: "12月1日起办理" in screen_text(app))
        assert app.screen.query_one("#take-ticket").disabled
        await tap(pilot, "#back")
        await on_screen(pilot, "ItemsScreen")
        await wait_for(pilot, lambda: "12月1日起办理" in screen_text(app))


async def test_a_refusal_is_said_kindly(hall):
    app = make_kiosk(hall, "zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_item(pilot, "take", "caizheng", hall_item(hall, "caizheng"))
        await on_screen(pilot, "PriorityScreen")
        with hall.db.connection_context():
            hall.queue.pause(4)  # the window closes while the resident reads the question
        await tap(pilot, "#normal")
        await wait_for(pilot, lambda: "暂停服务，请稍候再取号" in screen_text(app))
        assert type(app.screen).__name__ == "PriorityScreen"
        assert not app.screen.query_one("#normal").disabled
        assert Ticket.select().count() == 0


async def test_outside_hours_the_kiosk_says_when_and_still_guides(hall):
    from dataclasses import replace
    from datetime import datetime

    from models import clock
    from tests.conftest import SHANGHAI

    closed = with_config(hall, tickets=replace(hall.config.tickets, always_open=False))
    clock.set_now(datetime(2026, 11, 23, 18, 30, tzinfo=SHANGHAI))
    app = make_kiosk(closed, "zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await on_screen(pilot, "HomeScreen")
        words = screen_text(app)
        assert "11月24日 08:00 起可以取号" in words
        assert app.screen.query_one("#take").disabled
        assert not app.screen.query_one("#guide").disabled and not app.screen.query_one("#track").disabled
        await tap(pilot, "#guide")
        await on_screen(pilot, "LinesScreen")
        await wait_for(pilot, lambda: "今日取号已结束" in screen_text(app))


@pytest.mark.parametrize("size,lang", COMBOS)
async def test_lists_are_paged_not_scrolled(hall, size, lang):
    from kiosk.widgets.paged import PagedTiles

    app = make_kiosk(hall, lang)
    async with app.run_test(size=SIZES[size]) as pilot:
        await tap(pilot, "#guide")
        await on_screen(pilot, "LinesScreen")
        await tap_tile(pilot, "line-jisheng")
        await on_screen(pilot, "ItemsScreen")
        tiles = app.screen.query_one(PagedTiles)
        await wait_for(pilot, lambda: tiles.entries and len(tiles.children) == min(tiles.per_page, len(tiles.entries)))
        assert tiles.pages > 1
        first = tiles.children[0].id
        await tap(pilot, "#next")
        await wait_for(pilot, lambda: tiles.children and tiles.children[0].id != first)
        await tap(pilot, "#prev")
        await wait_for(pilot, lambda: tiles.children and tiles.children[0].id == first)
        for tile in tiles.children:
            assert tile.region.bottom <= app.size.height - 3  # above the button row
            assert tile.region.height >= 3 and tile.region.width >= 12


async def test_live_waiting_counts_and_pauses_from_another_process(hall, db_url):
    import subprocess
    import sys
    from pathlib import Path

    from kiosk.app import KioskApp
    from models import clock
    from models.hall import put_setting
    from models.staff import add_staff

    put_setting("demo", True)  # the other process issues tickets at any hour of the real clock
    add_staff("S05", "陈静", "1234", posts=[(3, "A")])
    clock.set_now(None)  # and the kiosk shows that same service day, the real one
    app = KioskApp(hall, language="zh", live=True, watch_theme_files=False)
    hall_bin = str(Path(sys.executable).with_name("hall"))
    async with app.run_test(size=(80, 24)) as pilot:
        await tap(pilot, "#guide")
        await on_screen(pilot, "LinesScreen")
        await wait_for(pilot, lambda: "line-minzheng" in [t.id for t in app.screen.query("Tile")])
        subprocess.run(
            [hall_bin, "ticket", "take", hall_item(hall, "minzheng"), "--db", db_url], check=True, capture_output=True
        )
        await wait_for(pilot, lambda: "等候 1 人" in str(app.screen.query_one("#line-minzheng").status), timeout=3)
        subprocess.run(
            [hall_bin, "window", "pause", "3", "--staff", "S05", "--db", db_url],
            input=b"1234\n",
            check=True,
            capture_output=True,
        )
        await wait_for(pilot, lambda: "暂停服务" in str(app.screen.query_one("#line-minzheng").status), timeout=3)


async def test_idle_returns_home_and_forgets(hall):
    app = make_kiosk(hall, "en", idle_seconds=30)
    async with app.run_test(size=(80, 24)) as pilot:
        await tap(pilot, "#lang")
        await wait_for(pilot, lambda: app.language == "zh" and type(app.screen).__name__ == "HomeScreen")
        await tap(pilot, "#track")
        await on_screen(pilot, "TrackScreen")
        await pilot.press("1", "2", "3")
        assert app.screen.code == "123"
        await pilot.pause(1.2)
        assert type(app.screen).__name__ == "TrackScreen"  # not idle yet
        app.last_touch -= 31  # nobody touched it for idle_seconds: asked first
        await on_screen(pilot, "MoreTimeScreen", timeout=3)
        await tap(pilot, "#leave")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "HomeScreen" and app.language == "en", timeout=4)
        await tap(pilot, "#track")
        await on_screen(pilot, "TrackScreen")
        assert app.screen.code == ""


async def test_language_and_large_toggles(hall):
    app = make_kiosk(hall, "zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await tap(pilot, "#lang")
        await wait_for(pilot, lambda: "Take a ticket" in screen_text(app))
        await tap(pilot, "#large")
        await wait_for(pilot, lambda: app.theme == "contrast" and app.has_class("-large"))
        await tap(pilot, "#large")
        await wait_for(pilot, lambda: app.theme == "hall" and not app.has_class("-large"))


def cut_off_buttons(app) -> list[str]:
    """Touch buttons not wholly on screen (a parent too small clips them)."""
    from kiosk.widgets.big_button import BigButton

    cut = []
    for button in app.screen.query(BigButton):
        if not button.display:
            continue
        where = app.screen.find_widget(button)
        if where.region.intersection(where.clip) != where.region:
            cut.append(button.id or str(button.label))
    return cut


@pytest.mark.parametrize("size", ["small", "kiosk"])
async def test_large_mode_buttons_are_whole_and_tall(hall, size):
    app = make_kiosk(hall, "zh")
    async with app.run_test(size=SIZES[size]) as pilot:
        await tap(pilot, "#large")
        await wait_for(pilot, lambda: app.has_class("-large") and app.screen.query("#lang"))
        await pilot.pause(0.2)
        assert cut_off_buttons(app) == []
        assert app.screen.query_one("#lang").region.height == (
            5 if size == "small" else 7
        )  # a tile's height where the rows allow
        await open_item(pilot, "take", "jisheng", "baby-hukou")
        await on_screen(pilot, "PriorityScreen")
        assert cut_off_buttons(app) == []
        await tap(pilot, "#normal")
        await on_screen(pilot, "TicketScreen")
        assert cut_off_buttons(app) == []


async def test_residents_cannot_quit_maintainers_can(hall):
    app = make_kiosk(hall, "zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+q", "ctrl+c", "escape", "q")
        await pilot.pause()
        assert app.is_running
        assert not app.ENABLE_COMMAND_PALETTE
        await pilot.press("ctrl+f10")
        await pilot.pause()
    assert app.return_code == 0 and not app.is_running


def test_quit_sequence_of_several_keys(hall):
    from kiosk.app import parse_sequence

    assert parse_sequence("ctrl+f10") == ["ctrl+f10"]
    assert parse_sequence("f9, f9 ,f10") == ["f9", "f9", "f10"]
    app = make_kiosk(hall, "zh", quit_sequence="f9,f9,f10")
    assert not app._quit_step("f9") and not app._quit_step("f9") and app._quit_step("f10")
    assert not app._quit_step("f9") and not app._quit_step("a") and not app._quit_step("f10")


async def test_after_the_closing_sign_off_the_header_says_issuing_has_ended(hall):
    from kiosk.widgets.header import issuing_text
    from models.duty import Duty
    from models.staff import add_staff
    from tests.kiosk.conftest import make_kiosk, wait_for

    add_staff("S01", "王芳", "1234", posts=[(1, "A")])
    duty = Duty(hall.config)
    for index, _item in enumerate(duty.items("closing")):
        duty.tick(None, "closing", index, "S01")
    duty.sign_off(None, "closing", "S01")
    app = make_kiosk(hall, "zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.day_closed)
        text, is_open = issuing_text(app)
        assert not is_open
        assert text != tr("kiosk.issuing_open")
