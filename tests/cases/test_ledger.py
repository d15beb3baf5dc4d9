"""The ledger: filters, search, pages, and the projection agreeing with the events."""

from __future__ import annotations

from datetime import date

import pytest

from benchmarks.case_data import generate_cases
from models.cases.ledger import LedgerFilter, check_projection, ledger_count, rebuild_projection
from models.cases.rules import CaseRefused
from models.queue import tracking
from models.schema.cases import CaseRecord, CaseState
from tests.cases.conftest import at


@pytest.fixture
def book(hall, cases):
    """A small ledger across two days, windows, kinds and handlers."""
    at(2026, 11, 20)  # Friday
    made = {}
    made["old_promised"] = cases.open_case(
        staff="S01", item="hukou-in", kind="promised", window=1, phone="13812340001"
    )  # due 11-27
    made["old_petition"] = cases.open_case(staff="S05", item="petition-visit", window=6)  # due 12-11
    made["old_consult"] = cases.open_case(staff="S05", item="party-consult", window=6, result="已答复")
    at(2026, 11, 30, 10)  # Monday
    made["promised"] = cases.open_case(
        staff="S03", item="urban-dibao", kind="promised", window=3, promised_days=2, phone="13900005678"
    )  # due 12-02
    made["supplement"] = cases.open_case(
        staff="S03",
        item="urban-dibao",
        kind="supplement",
        window=3,
        other=["收入证明"],
        name="赵六",
        phone="13700005678",
    )
    made["escalated"] = cases.open_case(staff="S04", item="rural-dibao", window=3, authority="街道民政科")
    made["to_notify"] = cases.open_case(staff="S02", item="hukou-out", kind="promised", window=2, promised_days=3)
    cases.complete(made["to_notify"].number, "S02", "已办结")
    cases.handover(made["escalated"].number, "S04", "S03", "S04 请假")
    return made


def numbers(page) -> list[str]:
    return [row.number for row in page.rows]


def test_filters(hall, cases, book):
    n = {key: facts.number for key, facts in book.items()}
    assert numbers(cases.ledger()) == sorted(n.values(), reverse=True)  # newest first
    assert set(numbers(cases.ledger(LedgerFilter(open=True)))) == set(n.values()) - {n["old_consult"]}
    overdue = cases.ledger(LedgerFilter(overdue=True))
    assert numbers(overdue) == [n["old_promised"]]
    assert overdue.rows[0].overdue and overdue.rows[0].days_left == -1
    # Due within two working days of Monday 11-30: up to Wednesday 12-02.
    assert numbers(cases.ledger(LedgerFilter(due_within=2))) == [n["promised"]]
    assert numbers(cases.ledger(LedgerFilter(due_within=10))) == [n["promised"], n["old_petition"]]  # by due date
    assert set(numbers(cases.ledger(LedgerFilter(today=True)))) == {
        n[k] for k in ("promised", "supplement", "escalated", "to_notify")
    }
    assert set(numbers(cases.ledger(LedgerFilter(window=3)))) == {n[k] for k in ("promised", "supplement", "escalated")}
    assert numbers(cases.ledger(LedgerFilter(window=3, kind="supplement"))) == [n["supplement"]]
    assert numbers(cases.ledger(LedgerFilter(kind="petition"))) == [n["old_petition"]]
    assert numbers(cases.ledger(LedgerFilter(state="to_notify"))) == [n["to_notify"]]
    assert set(numbers(cases.ledger(LedgerFilter(handler="S03")))) == {
        n[k] for k in ("promised", "supplement", "escalated")
    }
    assert numbers(cases.ledger(LedgerFilter(first_responder="S04"))) == [n["escalated"]]
    assert numbers(cases.ledger(LedgerFilter(handler="S99"))) == []
    assert numbers(cases.ledger(LedgerFilter(window=42))) == []
    assert ledger_count(hall.config, LedgerFilter(open=True)) == 6
    with pytest.raises(CaseRefused):
        cases.ledger(LedgerFilter(kind="urgent"))


def test_search_by_phone_number_and_code(hall, cases, book):
    n = {key: facts.number for key, facts in book.items()}
    by_phone = cases.ledger(LedgerFilter(search="5678"))
    assert set(numbers(by_phone)) == {n["promised"], n["supplement"]}
    assert {row.phone_masked for row in by_phone.rows} == {"139****5678", "137****5678"}
    assert numbers(cases.ledger(LedgerFilter(search="0001"))) == [n["old_promised"]]
    assert numbers(cases.ledger(LedgerFilter(search="9999"))) == []
    assert numbers(cases.ledger(LedgerFilter(search=n["escalated"]))) == [n["escalated"]]
    short = n["escalated"].split("-")[0] + "-" + str(int(n["escalated"].split("-")[1]))
    assert numbers(cases.ledger(LedgerFilter(search=short))) == [n["escalated"]]
    code = tracking.display(book["supplement"].tracking_code).lower()
    assert numbers(cases.ledger(LedgerFilter(search=code))) == [n["supplement"]]
    with pytest.raises(CaseRefused) as bad:
        cases.ledger(LedgerFilter(search="hello"))
    assert bad.value.key == "bad_search"
    assert numbers(cases.ledger(LedgerFilter(open=True, search="5678", window=3))) == sorted(
        [n["promised"], n["supplement"]], reverse=True
    )


def test_rows_show_masked_contacts_and_flags(hall, cases, book):
    row = next(r for r in cases.ledger().rows if r.number == book["supplement"].number)
    assert (row.name_masked, row.phone_masked) == ("赵*", "137****5678")
    assert row.supplement and row.state == "waiting_materials" and row.due_date is None
    row = next(r for r in cases.ledger().rows if r.number == book["escalated"].number)
    assert (row.handler, row.handler_name, row.first_responder) == ("S03", "张伟", "S04")
    assert "赵六" not in str(cases.ledger().as_dict())


def test_pages(hall, cases):
    for _ in range(7):
        cases.open_case(staff="S05", item="party-consult", window=6, result="已答复")
    first = cases.ledger(page=1, page_size=3)
    second = cases.ledger(page=2, page_size=3)
    third = cases.ledger(page=3, page_size=3)
    assert (first.has_more, second.has_more, third.has_more) == (True, True, False)
    assert numbers(first) + numbers(second) + numbers(third) == [f"2026-{i:06d}" for i in range(7, 0, -1)]


def test_projection_agrees_with_the_events_and_can_be_rebuilt(hall, cases, book):
    assert check_projection() == []
    assert rebuild_projection() == 0
    victim = book["promised"]
    # Spoil the cache (the projection is not history: it may be rewritten).
    CaseState.update(state="closed", is_open=False, due_date=date(2000, 1, 1)).where(
        CaseState.case == victim.id
    ).execute()
    assert check_projection() == [victim.id]
    assert victim.number not in numbers(cases.ledger(LedgerFilter(open=True)))
    assert rebuild_projection() == 1
    assert check_projection() == []
    assert victim.number in numbers(cases.ledger(LedgerFilter(open=True)))
    CaseState.delete().where(CaseState.case == victim.id).execute()
    assert rebuild_projection() == 1
    assert CaseState.select().count() == CaseRecord.select().count()


def test_generated_cases_agree_with_their_projection(hall, staff):
    made = generate_cases(400, config=hall.config, seed=3, days=60)
    assert made == 400
    assert CaseRecord.select().count() == 400
    assert check_projection() == []
    from models.cases import Cases

    cases = Cases(hall.config)
    every = cases.ledger(page_size=500)
    assert len(every.rows) == 400 and not every.has_more
    assert {row.kind for row in every.rows} >= {"consultation", "immediate", "promised", "supplement", "returned"}
    assert ledger_count(hall.config, LedgerFilter(open=True)) > 0
    # New cases after generated ones keep numbering and ids going.
    facts = cases.open_case(staff="S05", item="party-consult", window=6, result="已答复")
    year = int(facts.number[:4])
    seqs = sorted(r.seq for r in CaseRecord.select().where(CaseRecord.year == year))
    assert seqs == list(range(1, len(seqs) + 1))
    assert check_projection() == []


def test_marks_and_days_left(hall):
    from models.cases.ledger import DUE_SOON_DAYS, case_mark, days_left

    monday = date(2026, 11, 30)
    assert days_left(hall.config, "in_progress", date(2026, 12, 2), monday) == 2
    assert days_left(hall.config, "in_progress", date(2026, 11, 27), monday) == -1  # Friday before
    assert days_left(hall.config, "in_progress", date(2026, 12, 7), monday) == 5  # over the weekend
    assert days_left(hall.config, "to_notify", date(2026, 12, 2), monday) is None
    assert days_left(hall.config, "in_progress", None, monday) is None
    assert case_mark(True, -1, "in_progress") == "overdue"
    assert case_mark(False, DUE_SOON_DAYS, "in_progress") == "due_soon"
    assert case_mark(False, 0, "in_progress") == "due_soon"
    assert case_mark(False, DUE_SOON_DAYS + 1, "in_progress") == ""
    assert case_mark(False, 1, "closed") == ""
    assert case_mark(False, None, "in_progress") == ""
