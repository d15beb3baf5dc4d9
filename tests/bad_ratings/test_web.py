"""The resident's tracking page shows how a 差评 was handled, once it is, with no name or phone."""

from __future__ import annotations

import pytest

from models.queue import tracking
from tests.bad_ratings.conftest import poor_case


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
