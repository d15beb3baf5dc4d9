"""Hostile text through every field into every screen.

Markup, ESC and OSC sequences, NUL, C1 controls, bidi overrides and
isolates, zero-width characters, emoji and CJK punctuation (and, apart, a
10 kB line) are put in the hall's name, a line, a window, an item, its
materials and fees, staff names, a transfer note, a pause reason, a case's
contact, result, extension, return reason, authority and published text,
whereabouts notes, a leave reason, a checklist and the leader's log — as text
stored before the input rule, or by another program, would be. Every kiosk,
board and terminal screen then shows it at 80×24 and at the kiosk's size:
the markup as typed, each control character as its sign, nothing obeyed and
nothing crashed: the terminal's lock screen, the screen that opens the
database (with the database's name in its sentence), a yes-or-no question
and what the resident sees once the outcome is saved included. (That the inputs refuse such characters, each with its
sentence, is tests/core/test_plain_text.py and the terminal's dialog test.)
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from models import clock
from models.schema import Item, Line, Staff, Window
from tests.demo_hall.helpers import app_for, ready, screen_text, wait_for

MIXED = (
    "[/]婴儿[b]粗[/b][red]红[/red][@click=app.quit]点[/]\\[x] "
    "\x1b[2J\x1b]0;标题\x07\x00\x9b31m\x7f\u202e反转\u202c\u2066隔\u2069\u200b零\ufeff"
    "👨\u200d👩\u200d👧👍🏽，。、《》「」…—"
)
LONG = "[/]长" + "很长的一行，[b]" * 1500  # a 10 kB line
CORPUS = {"mixed": MIXED, "long": LONG}
SIZES = [(80, 24), (120, 40)]
# What a terminal would obey rather than show.
OBEYED = "\x1b\x07\x00\x9b\x7f\u202e\u202c\u2066\u2069\u200b\ufeff"


def hostile_hall(hall, text: str):
    """The demo hall with ``text`` in every field a screen shows."""
    from models.duty import Duty

    Line.update(name=text, name_en=text).where(Line.code == "jisheng").execute()
    Window.update(name=text, name_en=text).where(Window.number.in_([1, 4])).execute()
    item = Item.get(Item.code == "baby-hukou")
    data = dict(item.data)
    materials = data.get("materials", [])  # one material does: every one is drawn the same way
    data["materials"] = [dict(materials[0], name=text, name_en=text, note=text, note_en=text), *materials[1:]]
    data["fees"] = [dict(f, name=text, name_en=text) for f in data.get("fees", [])]
    data["notes"] = [text]
    Item.update(name=text, name_en=text, data=data).where(Item.id == item.id).execute()
    Item.update(name=text, name_en=text).where(Item.code == "rural-dibao").execute()  # the transferred ticket's
    Staff.update(name=text).where(Staff.code.in_(["S02", "S05", "L01"])).execute()
    queue, cases = hall.queue, hall.cases
    day = clock.service_day(hall.config.zone) + timedelta(days=3)
    queue.pause(4, reason=text)
    moved = queue.take("rural-dibao").number
    queue.call_next(3, "S05")
    while queue.call_next(3, "S05").number != moved:
        pass
    queue.transfer(moved, 3, to_window=1, note=text, staff_code="S05")
    promised = cases.open_case(
        staff="S01", item="baby-hukou", kind="promised", window=1, name=text, phone="13800001111", promised_days=5
    )
    cases.extend(promised.number, "S01", (clock.service_day(hall.config.zone) + timedelta(days=60)).isoformat(), text)
    returned = cases.open_case(staff="S01", item="baby-hukou", kind="promised", window=1, promised_days=5)
    cases.return_case(returned.number, "S01", text)
    escalated = cases.open_case(
        staff="S01", item="baby-hukou", kind="escalated", window=1, authority=text, authority_due=day
    )
    cases.complete(escalated.number, "S01", text)
    cases.publish(escalated.number, "S01", text)
    hall.whereabouts.set_state("S02", "out", text, clock.now() + timedelta(hours=1), by="S02")
    hall.whereabouts.request_leave("S06", day, day, text, "S05")
    Duty(hall.config).log_problem("L01", text)
    config = replace(hall.config, hall_name=text, hall_name_en=text, opening_checklist=(text, "开门"))
    return replace(hall, config=config), promised


def assert_shown_literally(app, where: str) -> None:
    svg = app.export_screenshot()
    obeyed = sorted({f"U+{ord(c):04X}" for c in svg if c in OBEYED})
    assert not obeyed, f"{where}: {obeyed} reach the terminal"
    assert "[/]" in screen_text(app), f"{where}: the text as typed is not on screen"
    assert app.is_running, where


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name", list(CORPUS))
async def test_every_kiosk_and_board_screen_shows_hostile_text_literally(sqlite_demo, size, name):
    from kiosk.app import KioskApp
    from kiosk.board_app import BoardApp
    from models.cases.public_view import public_view
    from tests.kiosk.conftest import on_screen, tap
    from tests.kiosk.test_board import Quiet

    hall, promised = hostile_hall(sqlite_demo, CORPUS[name])
    app = KioskApp(hall, language="zh", live=False, watch_theme_files=False)
    async with app.run_test(size=size) as pilot:
        await on_screen(pilot, "HomeScreen")
        assert_shown_literally(app, "home")
        steps = [
            ("LinesScreen", lambda: app._lines("guide")),
            ("ItemsScreen", lambda: app._items("guide", "jisheng")),
            ("ItemDetailScreen", lambda: app._item_detail("baby-hukou", None)),
            ("PriorityScreen", lambda: app._priority("baby-hukou", None)),
        ]
        for screen, go in steps:
            go()
            await on_screen(pilot, screen)
            await pilot.pause(0.3)
            assert_shown_literally(app, screen)
        await tap(pilot, "#normal")  # a resident who has looked at the screen first
        await on_screen(pilot, "TicketScreen", timeout=10)
        await pilot.pause(0.3)
        assert_shown_literally(app, "TicketScreen")
        view = public_view(hall.config, promised.tracking_code)
        for screen, go in (
            ("TrackResultScreen", lambda: app._track_result(view)),
            ("RateScreen", lambda: app._rate(view)),
        ):
            go()
            await on_screen(pilot, screen)
            await pilot.pause(0.3)
            assert_shown_literally(app, screen)
    board = BoardApp(hall, language="zh", live=False, watch_theme_files=False, announcer=Quiet())
    async with board.run_test(size=size) as pilot:
        screen = board.screen
        await wait_for(pilot, lambda: screen.notices, what="board notices")
        for index, notice in enumerate(screen.notices):
            if "[/]" in notice:
                screen.notice_index = index
                screen._show_notice()
                await pilot.pause(0.1)
                assert_shown_literally(board, f"board notice {index}")
        assert_shown_literally(board, "board")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name", list(CORPUS))
async def test_every_terminal_screen_shows_hostile_text_literally(sqlite_demo, size, name):
    from textual.widgets import Select

    from staff_tui.modals.confirm import ConfirmDialog
    from staff_tui.screens.case_detail import CaseDetailScreen
    from staff_tui.widgets.case_form import CaseForm

    hall, promised = hostile_hall(sqlite_demo, CORPUS[name])
    app = app_for(hall, "L01", 1)
    async with app.run_test(size=size) as pilot:
        await ready(pilot, "queue", data=False)
        await wait_for(pilot, lambda: app.screen.picture is not None, what="queue picture")
        assert_shown_literally(app, "queue")
        await pilot.press("f2")  # the transferred resident, with the note
        await pilot.pause(0.5)
        assert_shown_literally(app, "queue, serving")
        await pilot.press("f8")
        await wait_for(pilot, lambda: app.screen.query(CaseForm), what="outcome dialog")
        form = app.screen.query(CaseForm).first()
        form.query_one("#item", Select).value = "baby-hukou"  # its name in the choice, its materials listed
        await pilot.pause(0.2)
        form.query_one("#kind", Select).value = "supplement"
        await pilot.pause(0.3)
        assert_shown_literally(app, "outcome dialog")
        await pilot.press("escape")  # what was chosen is thrown away only when asked
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog), what="throw away?")
        await pilot.press("y")
        await ready(pilot, "queue", data=False)
        await pilot.press("f6")
        await wait_for(pilot, lambda: app.screen.query("#f-target"), what="transfer dialog")
        assert_shown_literally(app, "transfer dialog")
        await pilot.press("escape")
        await ready(pilot, "queue", data=False)
        app.push_screen(CaseDetailScreen(promised.number))
        await wait_for(pilot, lambda: app.screen.name == "case" and app.screen.view is not None, what="case")
        await pilot.pause(0.3)
        assert_shown_literally(app, "case detail")
        await pilot.press("escape")
        await ready(pilot, "queue", data=False)
        await pilot.press("f9")
        await wait_for(pilot, lambda: app.screen.name == "ledger" and app.screen.answer is not None, what="ledger")
        await pilot.pause(0.3)
        assert_shown_literally(app, "ledger")
        for key, screen in (("ctrl+g", "whereabouts"), ("f3", "leave"), ("ctrl+o", "duty"), ("ctrl+r", "reports")):
            await pilot.press(key)
            await ready(pilot, screen, data=screen != "leave")
            if screen == "leave":
                await wait_for(pilot, lambda: app.screen.leaves, what="leave requests")
            await pilot.pause(0.3)
            assert_shown_literally(app, screen)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_sign_in_screen_shows_hostile_names_literally(sqlite_demo, size):
    from textual.widgets import Input, OptionList

    from models.maintenance.demo import DEMO_PIN
    from staff_tui.app import StaffApp

    hall, _ = hostile_hall(sqlite_demo, MIXED)
    app = StaffApp(hall.config, hall=hall, watch_theme=False, live=False, terminal="pytest")
    async with app.run_test(size=size) as pilot:
        await wait_for(pilot, lambda: app.screen.query("#code"), what="sign-in")
        assert_shown_literally(app, "sign-in")
        for field, value in (("#code", "L01"), ("#pin", DEMO_PIN)):
            app.screen.query_one(field, Input).focus()
            app.screen.query_one(field, Input).value = value
            await pilot.pause()
            await pilot.press("enter")
        options = app.screen.query_one("#windows", OptionList)
        await wait_for(pilot, lambda: options.option_count > 1, what="windows to choose")
        await pilot.pause(0.2)
        assert_shown_literally(app, "sign-in, windows")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name", list(CORPUS))
async def test_the_resident_lock_and_question_screens_show_hostile_text_literally(sqlite_demo, size, name):
    from staff_tui.modals.confirm import ConfirmDialog
    from staff_tui.modals.outcome import finish_visit
    from staff_tui.screens.resident import ResidentScreen

    text = CORPUS[name]
    hall, _ = hostile_hall(sqlite_demo, text)
    app = app_for(hall, "L01", 1)
    async with app.run_test(size=size) as pilot:
        await ready(pilot, "queue", data=False)
        serving = hall.queue.call_next(1, "L01")
        material = Item.get(Item.code == "baby-hukou").data["materials"][0]["name"]
        drafts = [{"item": "baby-hukou", "kind": "supplement", "missing": [material]}]  # the catalogue's words
        outcome = finish_visit(hall, app.shift, serving.number, drafts, "zh")
        app.push_screen(ResidentScreen(outcome))
        await wait_for(pilot, lambda: app.screen.name == "resident", what="resident screen")
        await pilot.pause(0.3)
        assert_shown_literally(app, "resident")
        await pilot.press("escape")
        await ready(pilot, "queue", data=False)
        app.push_screen(ConfirmDialog(text, text))
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog), what="question")
        await pilot.pause(0.2)
        assert_shown_literally(app, "question")
        await pilot.press("escape")
        await ready(pilot, "queue", data=False)
        app.lock()
        await wait_for(pilot, lambda: app.screen.name == "lock", what="lock screen")
        await pilot.pause(0.2)
        assert_shown_literally(app, "lock")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name", list(CORPUS))
async def test_the_connecting_screen_shows_a_hostile_database_name_literally(tmp_path, size, name):
    from models.config import Config
    from staff_tui.app import StaffApp
    from tests.staff.helpers import text_of

    folder = tmp_path / CORPUS[name][:200]  # a name the file system takes
    config = replace(Config(), database=f"sqlite:///{folder / 'hall.db'}", hall_name=CORPUS[name])
    app = StaffApp(config, watch_theme=False, live=False, terminal="pytest")
    async with app.run_test(size=size) as pilot:
        await wait_for(pilot, lambda: app.screen.name == "connecting", what="connecting screen")
        state = app.screen.query_one("#connect-state")
        await wait_for(pilot, lambda: "[/]" in text_of(state), what="the database named")
        assert_shown_literally(app, "connecting")
