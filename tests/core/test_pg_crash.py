"""A PostgreSQL server that dies mid-write, running as production does
(``fsync=on``, unlike the test suite's fast server): every ticket shown
before the crash is there after its recovery, and numbering carries on."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from tests.conftest import BACKENDS, make_config
from tests.core.test_concurrency import taking_until

ROOT = Path(__file__).resolve().parents[2]


def _private_server_class():
    spec = importlib.util.spec_from_file_location("with_postgres", ROOT / "scripts" / "with_postgres.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.PrivateServer


@pytest.mark.slow
@pytest.mark.skipif("postgres" not in BACKENDS, reason="the PostgreSQL half is left out (HALL_TEST_PG=off)")
def test_a_crashed_server_with_fsync_on_loses_no_shown_ticket():
    import psycopg

    from models.catalogue import default_catalogue_path
    from models.catalogue import store as catalogue_store
    from models.hall import open_hall
    from models.schema import Ticket

    server = _private_server_class()(fsync=True)
    try:
        server.start()
        with psycopg.connect(server.url, autocommit=True) as conn:
            assert conn.execute("SHOW fsync").fetchone()[0] == "on"
            conn.execute("CREATE DATABASE hall")
        url = server.url.rsplit("/", 1)[0] + "/hall"
        config = make_config(url)
        hall = open_hall(config, create=True)
        catalogue_store.load_file(str(default_catalogue_path()))
        hall.close()

        child, shown = taking_until(url)
        server.crash()  # no checkpoint, no clean shutdown: recovery replays the WAL
        child.kill()
        child.wait(timeout=10)
        assert len(shown) >= 40, child.stderr.read()[-500:]

        server.start()
        assert "not properly shut down" in Path(server.log).read_text()  # it did recover from a crash
        reopened = open_hall(config)
        try:
            stored = {t.number for t in Ticket.select(Ticket.number)}
            assert set(shown) <= stored  # every ticket shown to anyone survived
            nxt = reopened.queue.take("baby-hukou").number
            assert int(nxt[1:]) == len(stored) + 1  # no gap, no repeat
        finally:
            reopened.close()
    finally:
        server.remove()
