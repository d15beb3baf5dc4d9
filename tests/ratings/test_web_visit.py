"""The web page of the ticket's QR offers the visit's rating (一次一评) in the allowed time."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from models import clock
from models.queue import tracking
from models.schema.ratings import VisitRating
from tests.cases.conftest import serve


@pytest.fixture
def client(hall, cases):
    from fastapi.testclient import TestClient

    from web.app import create_app

    app = create_app(hall)
    app.state.lookups.event_seconds = 0
    with TestClient(app, base_url="http://hall.test") as client:
        yield client


def _url(number: str) -> str:
    from models.schema import Ticket

    ticket = Ticket.select().where(Ticket.number == number).order_by(Ticket.id.desc()).first()
    return f"/track/{tracking.display(ticket.tracking_code)}"


def _token(page: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', page).group(1)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_finished_visit_is_rated_once_from_its_page(hall, client, lang):
    number = serve(hall, "baby-hukou", 1, "S01")
    url = _url(number)
    page = client.get(url + f"?lang={lang}")
    assert 'id="visit-rate"' in page.text and "hall_csrf" in page.headers.get("set-cookie", "")
    intro = "现场办事的服务" if lang == "zh" else "Please rate the service of your visit"
    assert intro in page.text and number in page.text
    form = {"csrf": _token(page.text), "level": "very_unsatisfied", "tag": ["environment"], "text": "大厅太冷"}
    forged = client.post(url + "/rate-visit", data={**form, "csrf": "x.y"}, follow_redirects=False)
    assert forged.status_code == 403 and VisitRating.select().count() == 0
    sent = client.post(url + f"/rate-visit?lang={lang}", data=form, follow_redirects=False)
    assert sent.status_code == 303 and "rated=1" in sent.headers["location"]
    rating = VisitRating.get()
    assert (rating.level, rating.reasons, rating.text, rating.channel) == (
        "very_unsatisfied",
        ["environment"],
        "大厅太冷",
        "web",
    )
    after = client.get(sent.headers["location"]).text
    assert 'id="visit-rated"' in after and 'id="visit-rate"' not in after
    again = client.post(url + "/rate-visit", data=form)
    assert again.status_code == 400 and ("没能提交评价" in again.text or "not sent" in again.text)
    assert VisitRating.select().count() == 1


def test_no_visit_form_before_the_end_or_after_the_allowed_time(hall, client):
    waiting = hall.queue.take("rural-dibao")
    assert 'id="visit-rate"' not in client.get(_url(waiting.number)).text
    number = serve(hall, "baby-hukou", 1, "S01")
    url = _url(number)
    token = _token(client.get(url).text)  # the page was opened in time
    clock.set_now(clock.now() + timedelta(hours=hall.config.ratings.visit_hours, minutes=1))
    assert 'id="visit-rate"' not in client.get(url).text
    late = client.post(url + "/rate-visit", data={"csrf": token, "level": "satisfied"})
    assert late.status_code == 400 and "评价时间已过" in late.text
    assert VisitRating.select().count() == 0


def test_a_refused_visit_rating_is_one_sentence(hall, client):
    number = serve(hall, "baby-hukou", 1, "S01")
    url = _url(number)
    token = _token(client.get(url).text)
    refused = client.post(url + "/rate-visit", data={"csrf": token, "level": "satisfied", "tag": ["attitude"]})
    assert refused.status_code == 400 and "只有“不满意”和“非常不满意”需要选择原因" in refused.text
    assert "Traceback" not in refused.text and VisitRating.select().count() == 0
