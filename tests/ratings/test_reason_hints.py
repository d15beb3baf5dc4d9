"""Each reason of a 差评 has a plain one-line explanation, in Chinese and English, shown where the
resident chooses it: under the kiosk's and the pad's reasons (the one last tapped), and beside each
reason on the phone's form."""

from __future__ import annotations

import pytest

from models.cases.rules import BAD_REASONS
from models.i18n import t
from models.queue import tracking
from models.schema import Ticket
from tests.cases.conftest import serve
from tests.kiosk.conftest import SIZES, exists, make_kiosk, on_screen, tap, wait_for
from tests.ratings.test_pad_app import PAD_SIZE, asked, pad
from tests.staff.test_followup_screens import _shot


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_reason_has_one_plain_line(lang):
    for reason in BAD_REASONS:
        hint = t(f"rating.hint_{reason}", lang)
        assert hint and hint != f"rating.hint_{reason}" and "\n" not in hint and len(hint) <= 80
        assert "[" not in hint
    assert len({t(f"rating.hint_{reason}", lang) for reason in BAD_REASONS}) == len(BAD_REASONS)


def _hint(app) -> str:
    return str(app.screen.query_one("#reason-hint").render())


@pytest.mark.parametrize(("size", "lang"), [("small", "zh"), ("kiosk", "en")])
async def test_the_kiosk_explains_the_reason_tapped(hall, cases, size, lang):
    number = serve(hall, "baby-hukou", 1, "S01")
    code = Ticket.select().where(Ticket.number == number).order_by(Ticket.id.desc()).first().tracking_code
    app = make_kiosk(hall, lang)
    async with app.run_test(size=SIZES[size]) as pilot:
        await tap(pilot, "#rate")
        await on_screen(pilot, "TrackScreen")
        await pilot.press(*code, "enter")
        await on_screen(pilot, "RateScreen")  # the visit alone: its five levels at once
        await wait_for(pilot, lambda: app.screen.query("#level-unsatisfied"))
        await tap(pilot, "#level-unsatisfied")
        await wait_for(pilot, lambda: app.screen.query("#reason-hint"))
        assert _hint(app) == t("rating.hint_choose", lang)
        await tap(pilot, "#tag-process")
        await wait_for(pilot, lambda: _hint(app) == t("rating.hint_process", lang))
        region = app.screen.query_one("#reason-hint").region
        assert region.height >= 1 and region.bottom <= app.size[1]
        _shot(app, f"kiosk-reason-hint-{size}-{lang}")


@pytest.mark.parametrize(("size", "lang"), [(PAD_SIZE, "zh"), (PAD_SIZE, "en"), ((80, 24), "zh")])
async def test_the_pad_explains_the_reason_tapped(hall, cases, size, lang):
    serve(hall, "baby-hukou", 1, "S01", finish=False)
    app = pad(hall, lang)
    async with app.run_test(size=size) as pilot:
        await asked(pilot, app, hall)
        await tap(pilot, "#level-very_unsatisfied")
        await wait_for(pilot, lambda: exists(app, "#reason-hint"))
        await tap(pilot, "#reason-environment")
        await wait_for(pilot, lambda: _hint(app) == t("rating.hint_environment", lang))
        for selector in ("#reason-hint", "#send"):
            region = app.screen.query_one(selector).region
            assert region.height >= 1 and region.bottom <= app.size[1], selector
        _shot(app, f"pad-reason-hint-{size[0]}x{size[1]}-{lang}")


@pytest.fixture
def client(hall):
    from fastapi.testclient import TestClient

    from web.app import create_app

    with TestClient(create_app(hall), base_url="http://hall.test") as client:
        yield client


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_phone_s_form_explains_each_reason(hall, cases, client, lang):
    number = serve(hall, "baby-hukou", 1, "S01")
    code = Ticket.select().where(Ticket.number == number).order_by(Ticket.id.desc()).first().tracking_code
    page = client.get(f"/track/{tracking.display(code)}?lang={lang}").text
    for reason in BAD_REASONS:
        assert f'id="hint-{reason}">{t(f"rating.hint_{reason}", lang)}<' in page
