"""Fixtures of the core tests: a demo hall made by the `hall` command itself."""

from __future__ import annotations

import pytest


@pytest.fixture
def demo_db(db_url, monkeypatch, tmp_path):
    """``hall init --demo`` on the test's database, run from an empty folder with no config around."""
    from cli.main import main

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("HALL_CONFIG", raising=False)
    monkeypatch.delenv("HALL_DB", raising=False)
    assert main(["init", "--demo", "--db", db_url]) == 0
    return db_url
