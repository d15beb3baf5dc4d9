"""Fixtures for hall web: the app over a fresh hall (SQLite and PostgreSQL), staff, a served visit."""

from __future__ import annotations

import pytest

from tests.cases.conftest import cases, staff  # noqa: F401 - the same staff and case API as the case tests


def materials(item: str) -> list[str]:
    from models.schema import Item

    return [m["name"] for m in Item.get(Item.code == item).data["materials"]]


@pytest.fixture
def app(hall):
    from web.app import create_app

    app = create_app(hall)
    app.state.lookups.event_seconds = 0  # a test reads right after it writes: no 50 ms of grace
    return app


@pytest.fixture
def client(app):
    from fastapi.testclient import TestClient

    with TestClient(app, base_url="http://hall.test") as client:
        yield client
