"""Never a list cut off: every material of every item can be read, by paging,
on the ticket and in the notice, at 80×24, 100×30, 120×40 and 200×56, in
Chinese and English, in normal and large mode."""

from __future__ import annotations

import pytest

from kiosk.notice import materials_lines
from kiosk.widgets.paged import PagedText
from tests.kiosk.conftest import make_kiosk, on_screen, wait_for

SIZES = [(80, 24), (100, 30), (120, 40), (200, 56)]


def squeeze(text: str) -> str:
    return "".join(text.split())


async def every_page(pilot, paged: PagedText, checked: set) -> str:
    """The text of every page. The first time a list has several pages on a screen, the screen's
    Next button is checked to be there to turn them (the same widget does it for every list)."""
    screen = pilot.app.screen
    if paged.pages > 1 and type(screen) not in checked:
        await pilot.pause()
        next_button = screen.query_one("#next")
        assert next_button.display and not next_button.disabled and next_button.region.area
        assert str(screen.query_one("#page-label").render()).strip()  # 第 1/2 页
        checked.add(type(screen))
    read = []
    for page in range(paged.pages):
        paged.page = page  # what Next shows, page by page
        read.append(paged.render().plain)
    paged.page = 0
    return squeeze("".join(read))


def all_items(hall):
    from kiosk import queries
    from models.schema import Item

    with hall.db.connection_context():
        codes = [item.code for item in Item.select().where(~Item.retired).order_by(Item.id)]
        return [(code, queries.item(hall, code)) for code in codes]


@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
async def test_every_material_of_every_item_is_reachable(sqlite_hall, size, lang, large):
    """Each screen is shown once per size, language and mode; each item's list then goes into
    the same paged widget, as the screen itself puts it there."""
    from kiosk.notice import notice_text
    from kiosk.screens.ticket import TicketScreen, bring_text

    items = all_items(sqlite_hall)
    assert len(items) >= 30
    receipt = sqlite_hall.queue.take(items[0][0])
    app = make_kiosk(sqlite_hall, lang)
    async with app.run_test(size=size) as pilot:
        await on_screen(pilot, "HomeScreen")
        app.large = large
        checked: set = set()
        app.show(TicketScreen(receipt, items[0][1].data.get("materials")))
        await on_screen(pilot, "TicketScreen")
        await wait_for(pilot, lambda: app.screen.query_one(PagedText).size.height >= 3)
        for code, info in items:
            materials = info.data.get("materials") or []
            paged = app.screen.query_one(PagedText)
            paged.set_text(bring_text(materials, lang))
            read = await every_page(pilot, paged, checked)
            missing = [line for line in wanted(materials, lang) if line not in read]
            assert not missing, f"ticket of {code} at {size} {lang} large={large}: {missing}"

        app._item_detail(items[0][0], ("take", "x", 0))
        await on_screen(pilot, "ItemDetailScreen")
        await wait_for(pilot, lambda: app.screen.info is not None)
        for code, info in items:
            materials = info.data.get("materials") or []
            paged = app.screen.query_one(PagedText)
            paged.set_text(notice_text(info, lang, with_name=False))
            read = await every_page(pilot, paged, checked)
            missing = [line for line in wanted(materials, lang) if line not in read]
            assert not missing, f"notice of {code} at {size} {lang} large={large}: {missing}"


def wanted(materials, lang) -> list[str]:
    return [squeeze(line) for line in materials_lines(materials, lang)]
