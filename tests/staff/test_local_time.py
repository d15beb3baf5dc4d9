"""Every time a person reads is in the hall's zone: the terminal's screens and the notices,
with the hall set far from UTC (Pacific/Chatham, UTC+13:45 in November: a quarter-hour offset
and another date, so a UTC or a Shanghai time cannot pass for the local one)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from models import clock
from models.cases import Cases
from models.cases.notices import applicable_notices
from models.catalogue import default_catalogue_path
from models.catalogue import store as catalogue_store
from models.hall import open_hall
from models.schema import Item
from staff_tui.screens.case_detail import CaseDetailScreen
from tests.conftest import make_config
from tests.staff.helpers import add_people, make_app, screen_text, shift_for, take, wait_for

ZONE = "Pacific/Chatham"
INSTANT = datetime(2026, 11, 23, 20, 22, tzinfo=UTC)  # 2026-11-24 10:07 in Chatham
LOCAL = "10:07"
# How the same instant would read in UTC or in Shanghai, and the UTC date: none may show.
WRONG = ("20:22", "21:22", "04:22", "05:22", "11-23", "11月23日", "2026-11-23")


@pytest.fixture
def far_hall(tmp_path):
    clock.set_now(INSTANT)
    hall = open_hall(make_config(f"sqlite:///{tmp_path / 'hall.db'}", timezone=ZONE), create=True)
    catalogue_store.load_file(str(default_catalogue_path()))
    add_people()
    yield hall
    hall.close()
    clock.set_now(None)


def wrong_times(text: str) -> list[str]:
    return [wrong for wrong in WRONG if wrong in text]


def test_every_notice_reads_local_time(far_hall):
    cases = Cases(far_hall.config)

    def check(number: str) -> None:
        facts = cases.get(number)
        for kind in applicable_notices(facts):
            for language in ("zh", "en"):
                text = cases.notice_text(facts.id, kind, language)
                assert not wrong_times(text), (kind, language, text)

    promised = cases.open_case(staff="S05", item="elderly-card", kind="promised", window=3, phone="13812345678")
    check(promised.number)
    cases.extend(promised.number, "S05", "2026-12-31", "需核对")
    check(promised.number)
    cases.complete(promised.number, "S05", "已办理")
    cases.notify(promised.number, "S05", "phone")
    check(promised.number)
    missing = [m["name"] for m in Item.get(Item.code == "rural-dibao").data["materials"][:2]]
    check(cases.open_case(staff="S05", item="rural-dibao", kind="supplement", window=3, missing=missing).number)
    check(cases.open_case(staff="S06", item="petition-visit", kind="petition", window=6).number)
    check(cases.open_case(staff="S05", item="rural-dibao", kind="consultation", window=3, result="已答复").number)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("language", ["zh", "en"])
async def test_every_time_bearing_screen_reads_local_time(far_hall, size, language):
    (called, _) = take(far_hall, "rural-dibao", "urban-dibao")
    far_hall.queue.call_next(3, "S05")
    cases = Cases(far_hall.config)
    number = cases.open_case(staff="S05", item="elderly-card", kind="promised", window=3, phone="13812345678").number
    cases.complete(number, "S05", "已办理")
    cases.notify(number, "S05", "phone")
    far_hall.whereabouts.set_state("S06", "meeting", "区里开会", back_at=INSTANT + timedelta(hours=1))
    app = make_app(far_hall, shift=shift_for("S05", 3), language=language, live=False)
    seen = {}
    async with app.run_test(size=size) as pilot:
        await wait_for(pilot, lambda: app.screen.name == "queue" and app.screen.picture is not None, what="queue")
        await pilot.pause(0.2)
        seen["queue"] = screen_text(app)
        await pilot.press("f9")
        await wait_for(pilot, lambda: app.screen.name == "ledger" and app.screen.answer is not None, what="ledger")
        seen["ledger"] = screen_text(app)
        app.push_screen(CaseDetailScreen(number))
        await wait_for(pilot, lambda: app.screen.name == "case" and app.screen.view is not None, what="case")
        await pilot.pause(0.2)
        seen["case"] = screen_text(app)
        await pilot.press("escape")
        for key, name in (("ctrl+g", "whereabouts"), ("ctrl+o", "duty"), ("ctrl+r", "reports")):
            await pilot.press(key)
            await wait_for(pilot, lambda name=name: app.screen.name == name and app.screen.data is not None, what=name)
            await pilot.pause(0.1)
            seen[name] = screen_text(app)
    for name, text in seen.items():
        assert not wrong_times(text), f"{name} shows {wrong_times(text)}:\n{text}"
    assert LOCAL in seen["case"]  # the history, the told time included
    assert "11:07" in seen["whereabouts"]  # back at
