"""An older hall upgraded in place gets the contacts, log and meeting tables, guarded and chained."""

from __future__ import annotations

from models.schema import migrations
from models.schema.chain import verify
from models.schema.contacts import CONTACT_TABLES
from models.schema.worklog import WORKLOG_TABLES
from tests.cases.test_migration import _guarded_tables, _version_one


def test_an_upgraded_hall_records_contacts_and_logs(db_url):
    db = _version_one(db_url)
    assert not any(db.table_exists(m._meta.table_name) for m in CONTACT_TABLES + WORKLOG_TABLES)
    migrations.upgrade()
    names = {m._meta.table_name for m in CONTACT_TABLES + WORKLOG_TABLES}
    assert all(db.table_exists(name) for name in names)
    assert _guarded_tables() >= names
    for model in CONTACT_TABLES + WORKLOG_TABLES:
        assert model in migrations.chained_tables()
        assert verify(db, model)[1] is None
