"""People's and the catalogue's text on the kiosk and the board is shown as typed."""

from __future__ import annotations

import pytest

from kiosk.board_app import BoardApp
from models.schema import Item
from tests.kiosk.conftest import make_kiosk, on_screen, open_item, screen_text, tap, wait_for
from tests.kiosk.test_board import Quiet


def _rename(code: str, name: str) -> None:
    Item.update(name=name).where(Item.code == code).execute()


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_a_catalogue_item_with_brackets_opens_on_the_kiosk(hall, size):
    _rename("baby-hukou", "婴儿[/]入户")
    app = make_kiosk(hall)
    async with app.run_test(size=size) as pilot:
        await open_item(pilot, "guide", "jisheng", "baby-hukou")
        await on_screen(pilot, "ItemDetailScreen")
        assert "婴儿[/]入户" in screen_text(app)
        await tap(pilot, "#back")
        await on_screen(pilot, "ItemsScreen")
        assert "婴儿[/]入户" in app.export_screenshot()


def _published(hall, text: str) -> None:
    import models.staff.accounts as accounts

    accounts.add_staff("S91", "王芳", "1234", posts=[(3, "A")])
    cases = hall.cases
    facts = cases.open_case(staff="S91", item="urban-dibao", window=3, authority="街道民政科")
    cases.complete(facts.number, "S91", "审批通过")
    cases.publish(facts.number, "S91", text)


@pytest.mark.parametrize("text", ["审批[/]通过", "[b]审批通过[/]"])
async def test_a_published_result_with_brackets_is_shown_on_the_board_as_typed(hall, monkeypatch, text):
    import models.staff.accounts as accounts

    monkeypatch.setattr(accounts, "_N", 2**4)
    _published(hall, text)
    app = BoardApp(hall, language="zh", live=False, watch_theme_files=False, announcer=Quiet())
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        await wait_for(pilot, lambda: any(text in n for n in screen.notices))
        screen.notice_index = next(i for i, n in enumerate(screen.notices) if text in n)
        screen._show_notice()
        await pilot.pause()
        assert text in screen_text(app)
        assert app.is_running
