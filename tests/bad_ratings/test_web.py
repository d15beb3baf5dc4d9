"""The resident's tracking page shows how a 差评 was handled, once it is, with no name or phone."""

from __future__ import annotations

import pytest

from models.queue import tracking
from tests.bad_ratings.conftest import poor_case, put_right


@pytest.fixture
def client(hall):
    from fastapi.testclient import TestClient

    from web.app import create_app

    app = create_app(hall)
    app.state.lookups.event_seconds = 0
    with TestClient(app, base_url="http://hall.test") as client:
        yield client


def test_the_page_shows_the_handling_once_it_is_disposed(client, hall, cases, leaders):
    loops = hall.bad_ratings
    facts = poor_case(cases)
    url = f"/track/{tracking.display(facts.tracking_code)}"
    assert "处理情况" not in client.get(url).text
    loops.assign(facts.number, "L01")
    loops.call(facts.number, "S05", reached=True)
    loops.classify(facts.number, "S05", "actual")
    assert "处理情况" not in client.get(url).text  # classed, not yet put right: nothing to show
    loops.fix_now(facts.number, "S05", "已调整高峰期排班")
    page = client.get(url).text
    assert "处理情况：已立行立改。已调整高峰期排班" in page
    english = client.get(url + "?lang=en").text
    assert "How it was handled: Put right at once. 已调整高峰期排班" in english


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_resident_rates_the_handling_once_from_the_page(client, hall, cases, leaders, lang):
    import re

    facts = put_right(hall, cases)
    url = f"/track/{tracking.display(facts.tracking_code)}"
    form_id = f'id="handling-rate-{facts.number}"'
    assert form_id not in client.get(url).text  # put right, not yet told: no form
    hall.bad_ratings.tell(facts.number, "L01", "web")
    page = client.get(url + f"?lang={lang}")
    assert form_id in page.text and "hall_csrf" in page.headers.get("set-cookie", "")
    intro = "差评处理情况" if lang == "zh" else "was handled"
    assert intro in page.text
    token = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
    form = {"csrf": token, "case": facts.number, "level": "satisfied"}
    forged = client.post(url + "/rate-handling", data={**form, "csrf": "x.y"}, follow_redirects=False)
    assert forged.status_code == 403 and hall.bad_ratings.view(facts.number)["handling_level"] is None
    sent = client.post(url + f"/rate-handling?lang={lang}", data=form, follow_redirects=False)
    assert sent.status_code == 303 and "rated=1" in sent.headers["location"]
    assert hall.bad_ratings.view(facts.number)["handling_level"] == "satisfied"
    after = client.get(sent.headers["location"]).text
    assert form_id not in after and f'id="handling-rated-{facts.number}"' in after
    again = client.post(url + "/rate-handling", data={**form, "level": "very_satisfied"})
    assert again.status_code == 400 and "已经评价过" in again.text
    assert hall.bad_ratings.view(facts.number)["handling_level"] == "satisfied"


def test_a_handling_rating_for_another_codes_case_is_refused(client, hall, cases, leaders):
    import re

    facts = put_right(hall, cases)
    hall.bad_ratings.tell(facts.number, "L01", "web")
    own = client.get(f"/track/{tracking.display(facts.tracking_code)}").text
    token = re.search(r'name="csrf" value="([^"]+)"', own).group(1)
    other = poor_case(cases)
    url = f"/track/{tracking.display(other.tracking_code)}"
    assert "handling-rate-" not in client.get(url).text
    sent = client.post(url + "/rate-handling", data={"csrf": token, "case": facts.number, "level": "satisfied"})
    assert sent.status_code == 400
    assert hall.bad_ratings.view(facts.number)["handling_level"] is None


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_ticket_s_page_shows_how_a_visit_s_poor_rating_was_handled(client, hall, cases, leaders, lang):
    import re

    from tests.bad_ratings.test_visit_loop import poor_visit
    from tests.cases.conftest import at

    at(2026, 11, 23, 9)
    ref, ticket = poor_visit(hall)
    url = f"/track/{tracking.display(ticket.tracking_code)}"
    assert 'id="visit-followup"' not in client.get(url).text
    loops = hall.bad_ratings
    loops.assign(ref, "L01")
    loops.call(ref, "S01", reached=False)
    loops.classify(ref, "S01", "unverifiable")
    loops.fix_now(ref, "S01", "已增开高峰窗口")
    page = client.get(url + f"?lang={lang}").text
    said = (
        "处理情况：已立行立改。已增开高峰窗口"
        if lang == "zh"
        else "How it was handled: Put right at once. 已增开高峰窗口"
    )
    assert 'id="visit-followup"' in page and said in page and 'id="handling-rate-visit"' not in page
    loops.tell(ref, "L01", "web")
    page = client.get(url + f"?lang={lang}")
    assert 'id="handling-rate-visit"' in page.text and ticket.number in page.text
    token = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
    sent = client.post(
        url + f"/rate-visit-handling?lang={lang}", data={"csrf": token, "level": "basic"}, follow_redirects=False
    )
    assert sent.status_code == 303 and loops.view(ref)["handling_level"] == "basic"
    after = client.get(sent.headers["location"]).text
    assert 'id="handling-rate-visit"' not in after and 'id="handling-rated-visit"' in after
    again = client.post(url + "/rate-visit-handling", data={"csrf": token, "level": "basic"}, follow_redirects=False)
    assert again.status_code == 400
