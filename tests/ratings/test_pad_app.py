"""The rating pad in Pilot: asked → tapped → recorded; not asked → nothing can be rated; at its size and 80×24."""

from __future__ import annotations

import pytest

from kiosk.pad_app import PadApp
from models.cases.rules import LEVELS
from models.ratings import RatingRefused
from models.schema.ratings import VisitRating
from tests.cases.conftest import advance, serve
from tests.kiosk.conftest import exists, tap, wait_for
from tests.ratings.conftest import shift_of

PAD_SIZE = (60, 20)  # a small screen at the window, facing the resident
SIZES = [(PAD_SIZE, "zh"), (PAD_SIZE, "en"), ((80, 24), "zh"), ((80, 24), "en")]


def pad(hall, language: str) -> PadApp:
    return PadApp(hall, 1, language=language, live=True, watch_theme_files=False)


async def asked(pilot, app, hall) -> None:
    """The pad greets; the clerk presses V at the terminal; the levels come up on the pad."""
    await wait_for(pilot, lambda: exists(app, "#pad-idle"))
    hall.ratings.ask(shift_of("S01", 1))
    await wait_for(pilot, lambda: app.screen.query_one("#level-very_unsatisfied").region.height >= 3)


def _fits(app, selector: str) -> bool:
    width, height = app.size
    region = app.screen.query_one(selector).region
    return region.width > 0 and region.right <= width and region.bottom <= height


@pytest.mark.parametrize(("size", "lang"), SIZES)
async def test_asked_then_tapped_is_recorded(hall, cases, size, lang):
    number = serve(hall, "baby-hukou", 1, "S01", finish=False)
    app = pad(hall, lang)
    async with app.run_test(size=size) as pilot:
        await wait_for(pilot, lambda: exists(app, "#pad-idle"))
        assert not exists(app, ".level")
        await asked(pilot, app, hall)
        words = "请您为本次服务评价" if lang == "zh" else "Please rate this service"
        assert words in str(app.screen.query_one("#pad-prompt").render()) and number in str(
            app.screen.query_one("#pad-prompt").render()
        )
        for level in LEVELS:  # five targets for a finger, all on the screen
            button = app.screen.query_one(f"#level-{level}")
            assert button.region.height >= 3 and _fits(app, f"#level-{level}")
        await tap(pilot, "#level-very_unsatisfied")
        await wait_for(pilot, lambda: app.screen.query_one("#send").region.height >= 3)
        assert all(_fits(app, f"#reason-{r}") for r in ("attitude", "other")) and _fits(app, "#send")
        await tap(pilot, "#reason-attitude")
        await tap(pilot, "#reason-process")
        await tap(pilot, "#send")
        await wait_for(pilot, lambda: exists(app, "#pad-thanks"))
        thanks = "感谢您的评价" if lang == "zh" else "Thank you for your rating"
        assert thanks in str(app.screen.query_one("#pad-thanks").render())
        rating = VisitRating.get()
        assert (rating.level, rating.reasons, rating.channel) == ("very_unsatisfied", ["attitude", "process"], "pad")
        assert hall.ratings.open_request(1) is None
        app.export_screenshot()


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_a_good_level_is_sent_at_once_and_the_pad_goes_back_to_waiting(hall, cases, lang):
    serve(hall, "baby-hukou", 1, "S01")
    app = pad(hall, lang)
    async with app.run_test(size=PAD_SIZE) as pilot:
        await asked(pilot, app, hall)
        await tap(pilot, "#level-basic")
        await wait_for(pilot, lambda: exists(app, "#pad-thanks"))
        assert VisitRating.get().level == "basic"


async def test_not_asked_nothing_can_be_rated(hall, cases):
    serve(hall, "baby-hukou", 1, "S01", finish=False)
    app = pad(hall, "zh")
    async with app.run_test(size=PAD_SIZE) as pilot:
        await wait_for(pilot, lambda: exists(app, "#pad-idle"))
        assert "欢迎您办事" in str(app.screen.query_one("#pad-idle").render())
        assert not exists(app, "Button")
        with pytest.raises(RatingRefused):  # nor through the models, without the window's request
            hall.ratings.rate_at_pad(1, 1, "satisfied")
    assert VisitRating.select().count() == 0


async def test_the_next_call_takes_the_levels_away(hall, cases):
    serve(hall, "baby-hukou", 1, "S01")
    app = pad(hall, "zh")
    async with app.run_test(size=PAD_SIZE) as pilot:
        await asked(pilot, app, hall)
        hall.queue.take("baby-hukou")
        advance(1)
        hall.queue.call_next(1, "S01")
        await wait_for(pilot, lambda: exists(app, "#pad-idle") and not exists(app, ".level"))
    assert VisitRating.select().count() == 0


async def test_a_tap_as_the_levels_appear_is_not_taken(hall, cases):
    """The tail of a double tap on the greeting never lands on a level (the kiosk's tap guard)."""
    serve(hall, "baby-hukou", 1, "S01")
    app = pad(hall, "zh")
    async with app.run_test(size=PAD_SIZE) as pilot:
        await asked(pilot, app, hall)
        app.tap_guard.changed()  # the levels have just come under the finger
        await pilot.click("#level-satisfied")
        await pilot.pause(0.2)
        assert exists(app, "#level-satisfied") and VisitRating.select().count() == 0
        await tap(pilot, "#level-satisfied")  # a deliberate tap, once the resident has looked
        await wait_for(pilot, lambda: exists(app, "#pad-thanks"))
    assert VisitRating.select().count() == 1
