"""The ledger: filters, search, the overdue / due-soon marks, scopes, paging."""

from __future__ import annotations

from datetime import timedelta

import pytest
from textual.widgets import Input, Select

from models import clock
from models.cases import Cases
from models.queue import tracking
from models.schema.cases import CaseState
from staff_tui.widgets.keyed_table import KeyedTable
from tests.staff.helpers import make_app, shift_for, take, text_of, wait_for


def open_cases(hall) -> dict[str, str]:
    """Cases accepted on earlier days, so some are overdue and one is due soon."""
    cases = Cases(hall.config)
    base = clock.now()
    plan = [
        ("late", 12, "elderly-card", "promised", 3, {"name": "王小明", "phone": "13812345678"}),
        ("soon", 5, "elderly-card", "promised", 3, {}),
        ("fresh", 0, "rural-dibao", "consultation", 3, {"result": "已答复"}),
        ("other", 1, "baby-hukou", "promised", 1, {"promised_days": 10}),
        ("six", 0, "petition-visit", "petition", 6, {}),
    ]
    numbers = {}
    for name, days, item, kind, window, extra in plan:
        clock.set_now(base - timedelta(days=days))
        staff = {1: "S01", 3: "S05", 6: "S06"}[window]
        numbers[name] = cases.open_case(
            staff=staff, item=item, kind=kind, window=window, channel="visit", **extra
        ).number
    clock.set_now(base)
    return numbers


def rows(app) -> list[str]:
    return list(app.screen.query_one("#cases", KeyedTable)._order)


def mark(app, number: str) -> str:
    return str(app.screen.query_one("#cases", KeyedTable).get_row(number)[0])


async def open_ledger(pilot, app) -> None:
    await wait_for(pilot, lambda: app.screen.name == "queue")
    await pilot.press("f9")
    await wait_for(pilot, lambda: app.screen.name == "ledger" and app.screen.answer is not None, what="ledger")


async def reload_done(pilot, app, token_before: int) -> None:
    screen = app.screen
    await wait_for(pilot, lambda: screen.answer is not None and screen.answer.token > token_before, what="reload")


async def test_marks_filters_and_search(staffed):
    numbers = open_cases(staffed)
    app = make_app(staffed, shift=shift_for("S05", 3))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_ledger(pilot, app)
        screen = app.screen
        # Staff see their window's cases only.
        assert set(rows(app)) == {numbers["late"], numbers["soon"], numbers["fresh"]}
        # Not by colour alone: a symbol and a word.
        assert mark(app, numbers["late"]) == "!!超期"
        assert mark(app, numbers["soon"]) == "! 临期"
        assert mark(app, numbers["fresh"]) == ""
        token = screen._token
        await pilot.press("f3")  # overdue
        await reload_done(pilot, app, token)
        assert rows(app) == [numbers["late"]]
        token = screen._token
        await pilot.press("f4")  # due soon (and no longer overdue)
        await reload_done(pilot, app, token)
        assert rows(app) == [numbers["soon"]]
        token = screen._token
        await pilot.press("f7")  # everything again
        await reload_done(pilot, app, token)
        assert len(rows(app)) == 3
        token = screen._token
        await pilot.press("f5")  # accepted today
        await reload_done(pilot, app, token)
        assert rows(app) == [numbers["fresh"]]
        await pilot.press("f7")
        # Search by the last four digits of the phone, by case number, by tracking code.
        code = CaseState.get(CaseState.number == numbers["late"]).tracking_code
        for text in ("5678", numbers["late"], numbers["late"].replace("-00000", "-"), tracking.display(code).lower()):
            token = screen._token
            screen.query_one("#search", Input).value = text
            screen.query_one("#search", Input).focus()
            await pilot.press("enter")
            await reload_done(pilot, app, token)
            assert rows(app) == [numbers["late"]], text
        token = screen._token
        screen.query_one("#search", Input).value = "not a code"
        screen.query_one("#search", Input).focus()
        await pilot.press("enter")
        await wait_for(pilot, lambda: "不是受理编号" in text_of(screen.query_one("#ledger-info")), what="bad search")
        screen.query_one("#search", Input).value = ""
        token = screen._token
        screen.query_one("#kind", Select).value = "consultation"
        await reload_done(pilot, app, token)
        assert rows(app) == [numbers["fresh"]]


async def test_a_leader_sees_every_window_and_filters_by_handler(staffed):
    numbers = open_cases(staffed)
    app = make_app(staffed, shift=shift_for("L01", 3))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_ledger(pilot, app)
        screen = app.screen
        assert set(rows(app)) == set(numbers.values())
        token = screen._token
        screen.query_one("#handler", Select).value = "S06"
        await reload_done(pilot, app, token)
        assert rows(app) == [numbers["six"]]
        token = screen._token
        screen.query_one("#handler", Select).clear()
        await reload_done(pilot, app, token)
        token = screen._token
        screen.query_one("#window", Select).value = 1
        await reload_done(pilot, app, token)
        assert rows(app) == [numbers["other"]]


async def test_mine_and_a_change_elsewhere_shows_up(staffed):
    numbers = open_cases(staffed)
    app = make_app(staffed, shift=shift_for("S06", 6))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_ledger(pilot, app)
        screen = app.screen
        assert rows(app) == [numbers["six"]]
        token = screen._token
        await pilot.press("f6")  # mine: cases S06 handles, at any window
        await reload_done(pilot, app, token)
        assert rows(app) == [numbers["six"]]
        # Another terminal hands a window-3 case to S06: it appears here by itself.
        Cases(staffed.config).handover(numbers["late"], "S05", "S06", "A岗外出")
        await wait_for(pilot, lambda: numbers["late"] in rows(app), what="handed-over case appears")
        assert rows(app) == [numbers["six"], numbers["late"]]  # newest first, the row added in place


async def test_the_first_responder_follows_what_he_transferred(staffed):
    """S05 sends a resident on from window 3 to window 1; S01 finishes the case there.
    S05's ledger lists it under 全部, under F6 我的 and when searching its number."""
    (number,) = take(staffed, "rural-dibao")
    staffed.queue.call_next(3, "S05")
    staffed.queue.transfer(number, 3, to_window=1, staff_code="S05", note="先开证明")
    staffed.queue.call_next(1, "S01")
    case = Cases(staffed.config).open_case(staff="S01", ticket=number, item="baby-hukou", result="已出具证明").number
    app = make_app(staffed, shift=shift_for("S05", 3))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_ledger(pilot, app)
        screen = app.screen
        assert rows(app) == [case]
        token = screen._token
        await pilot.press("f6")
        await reload_done(pilot, app, token)
        assert rows(app) == [case]


def bulk_cases(db, n: int) -> None:
    """``n`` ledger rows on SQLite, fast: records and their projection rows only
    (the ledger reads those), straight through the driver.

    (benchmarks/case_data.py makes full histories, but takes ~30 s for 100,000.)
    """
    from models.schema import Item, Staff, Window

    items = [i.id for i in Item.select(Item.id)]
    windows = [w.id for w in Window.select(Window.id)]
    staff = [s.id for s in Staff.select(Staff.id)]
    kinds = ["consultation", "immediate", "promised", "supplement", "returned", "escalated", "petition"]
    now, today = clock.now(), clock.now().date()
    records, states = [], []
    for i in range(1, n + 1):
        at = (now - timedelta(minutes=5 * (n - i))).isoformat(" ")
        kind, item, window, person = (
            kinds[i % 7],
            items[i % len(items)],
            windows[i % len(windows)],
            staff[i % len(staff)],
        )
        open_ = i % 3 == 0
        due = (today + timedelta(days=(i % 41) - 20)).isoformat() if open_ else None
        number, code = f"2025-{i:06d}", f"{i:011d}" + tracking._check_symbol(f"{i:011d}")
        records.append((i, number, 2025, i, code, item, kind, "window", window, at, person, person))
        states.append(
            (
                i,
                number,
                code,
                at,
                item,
                window,
                "window",
                kind,
                "in_progress" if open_ else "closed",
                open_,
                due,
                person,
                person,
                person,
                0,
                False,
                False,
                False,
                False,
                "",
                False,
                False,
                0,
            )
        )
    connection = db.connection()
    with db.atomic():
        connection.executemany(
            'INSERT INTO "case_record" (id, number, year, seq, tracking_code, item_id, kind, channel, window_id,'
            " accepted_at, accepted_by_id, first_responder_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            records,
        )
        connection.executemany(
            'INSERT INTO "case_state" (case_id, number, tracking_code, accepted_at, item_id, window_id, channel, kind,'
            " state, is_open, due_date, handler_id, first_responder_id, accepted_by_id, extensions, over_time,"
            " completed_late, supplement, published, followup, called_back, rectified, last_event) VALUES"
            " (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            states,
        )


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
async def test_paging_through_100000_cases(staffed):
    """How fast is a benchmark's figure (benchmarks/ledger_bench.py); here, that the pages are right."""
    bulk_cases(staffed.db, 100_000)
    app = make_app(staffed, shift=shift_for("L01", 3), live=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_ledger(pilot, app)
        screen = app.screen
        assert screen.answer.count == 100_000 and len(rows(app)) == 50
        pages = {screen.page: rows(app)}
        for key in ("n", "n", "n", "p"):
            token = screen._token
            await pilot.press(key)
            await reload_done(pilot, app, token)
            pages[screen.page] = rows(app)
        assert screen.page == 3 and sorted(pages) == [1, 2, 3, 4]
        assert all(len(page) == 50 for page in pages.values())
        assert len({number for page in pages.values() for number in page}) == 200  # no case on two pages
        token = screen._token
        await pilot.press("f3")  # overdue, by due date
        await reload_done(pilot, app, token)
        assert len(rows(app)) == 50
        assert all(mark(app, number) == "!!超期" for number in rows(app))


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_accepted_and_completed_columns_at_every_width(staffed, size):
    cases = Cases(staffed.config)
    done = cases.open_case(staff="S05", item="elderly-card", kind="immediate", window=3, result="已办理").number
    open_one = cases.open_case(staff="S05", item="elderly-card", kind="promised", window=3).number
    app = make_app(staffed, shift=shift_for("S05", 3))
    async with app.run_test(size=size) as pilot:
        await open_ledger(pilot, app)
        table = app.screen.query_one("#cases", KeyedTable)
        keys = [str(column.key.value) for column in table.columns.values()]
        assert "accepted" in keys and "completed" in keys
        row = dict(zip(keys, (str(cell) for cell in table.get_row(done)), strict=True))
        today = clock.local(clock.now(), staffed.config.zone)
        assert row["accepted"].startswith(f"{today:%m-%d}") and row["completed"].startswith(f"{today:%m-%d}")
        assert dict(zip(keys, (str(c) for c in table.get_row(open_one)), strict=True))["completed"] == "-"
        assert table.max_scroll_x == 0  # every column fits the width
