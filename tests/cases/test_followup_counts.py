"""The report counts the open and overdue 差评 follow-ups from the case projection, which says
whether each was called back and put right: a hall made before it learns both from the events."""

from __future__ import annotations

from models.cases.ledger import check_projection
from models.cases.ratings import rate_by_code
from models.db import database
from models.hall import open_hall
from models.schema import SchemaVersion
from models.schema.cases import CaseState
from tests.cases.conftest import at


def _rated_poorly(hall, cases) -> str:
    facts = cases.open_case(staff="S05", item="party-consult", window=6, result="已答复")  # finished at once
    rate_by_code(hall.config, facts.tracking_code, facts.number, "unsatisfied", ["process"], channel="web")
    return facts.number


def test_an_older_hall_learns_from_the_events_which_follow_ups_were_answered(hall, cases):
    at(2026, 11, 27, 15)  # Friday: the call back is due on Monday, the putting right in fifteen working days
    called, untouched = _rated_poorly(hall, cases), _rated_poorly(hall, cases)
    cases.called_back(called, "L01", "已电话回访致歉")
    at(2026, 12, 2)
    assert (cases.report().open_followups, cases.report().overdue_followups) == (2, 1)

    # As a hall made before the projection held the answers (schema step 20).
    for column in ("called_back", "rectified"):
        database.execute_sql(f'ALTER TABLE "case_state" DROP COLUMN "{column}"')
    SchemaVersion.create(version=19)
    SchemaVersion.delete().where(SchemaVersion.version > 19).execute()
    again = open_hall(hall.config, create=True)
    try:
        answered = {row.number: row.called_back for row in CaseState.select()}
        assert answered == {called: True, untouched: False}
        assert check_projection() == []
        report = cases.report()
        assert (report.open_followups, report.overdue_followups) == (2, 1)
    finally:
        again.close()
