"""好差评 at the window: the clerk's V asks the window's rating pad; the terminal never gives a rating."""

from __future__ import annotations

import pytest

from models.schema.cases import CaseRating
from models.schema.ratings import RatingRequest, VisitRating
from tests.staff.helpers import make_app, shift_for, take, text_of, wait_for


def said(app) -> str:
    return text_of(app.screen.query_one("#message"))


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_v_asks_the_pad_for_the_visit_at_the_window(staffed, lang):
    (number,) = take(staffed, "rural-dibao")
    app = make_app(staffed, shift=shift_for("S05", 3), language=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.screen.name == "queue" and app.screen.picture is not None, what="queue")
        await pilot.press("e")
        nobody = "没有正在办理或刚办完" if lang == "zh" else "Nobody is being served"
        await wait_for(pilot, lambda: nobody in said(app), what="refused")
        await pilot.press("f2")
        await wait_for(pilot, lambda: number in text_of(app.screen.query_one("#serving")), what="called")
        await pilot.press("e")
        asked = "评价器上评价" if lang == "zh" else "asked to rate on the window's rating pad"
        await wait_for(pilot, lambda: asked in said(app) and number in said(app), what="asked")
    request = staffed.ratings.open_request(3)
    assert request is not None and request["ticket"] == number
    assert RatingRequest.select().count() == 1
    assert VisitRating.select().count() == 0 and CaseRating.select().count() == 0  # asked, never given
