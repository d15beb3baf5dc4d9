"""Correcting a case's kind saved by mistake, as an appended correction.

A kind is corrected only where nothing but the kind and its deadlines change:

- 咨询件 ↔ 即办件: both were answered at the counter when accepted, so the
  kind changes in any state and no date follows from it.
- 承诺件 ↔ 信访件: both wait for an answer by a date counted from the day of
  acceptance, so the kind changes while the case is in progress (not yet
  finished, not waiting for materials, not extended) and the due date is
  recomputed from that day on the hall calendar: the item's promised
  working days for a 承诺件, ``petition_days`` for a 信访件 (with the result
  due 60 days after, 信访工作条例).

补充件, 退回件 and 上报件 are what their own steps made of a case (the missing
list, the reason, the authority), so no correction makes or unmakes them;
nor does one turn a case answered at once into one that waits, or back:
the clerk finishes or opens a case of the right kind instead.
"""

from __future__ import annotations

from datetime import timedelta

from models.cases.rules import PETITION_RESULT_DAYS, CaseFacts, CaseRefused

ANSWERED_AT_ONCE = ("consultation", "immediate")
DATED = ("promised", "petition")


def kind_changes(store, facts: CaseFacts, kind: str) -> dict:
    """The correction's changes that put ``facts`` right as a case of ``kind``;
    refuses a change the rule above does not allow (``store``: a CaseStore, for the calendar)."""
    if kind == facts.kind:
        raise CaseRefused("kind_unchanged", case=facts.number)
    for group in (ANSWERED_AT_ONCE, DATED):
        if facts.kind in group and kind in group:
            break
    else:
        raise CaseRefused("kind_not_correctable", case=facts.number)
    changes: dict = {"kind": kind}
    if kind in ANSWERED_AT_ONCE:
        return changes
    if facts.state != "in_progress":
        raise CaseRefused("kind_only_in_progress", case=facts.number)
    if facts.extensions:
        raise CaseRefused("kind_extended", case=facts.number)
    accepted = store.local_day(facts.accepted_at)
    if kind == "promised":
        if facts.promised_days <= 0:
            raise CaseRefused("kind_needs_promised_days", case=facts.number)
        changes["due"] = store.working_days_after(accepted, facts.promised_days).isoformat()
        changes["result_due"] = None
    else:
        accept_by = store.working_days_after(accepted, store.config.cases.petition_days)
        changes["due"] = accept_by.isoformat()
        changes["result_due"] = (accept_by + timedelta(days=PETITION_RESULT_DAYS)).isoformat()
    return changes


def correctable_kinds(case: dict) -> tuple[str, ...]:
    """The kinds a correction may give the case now, its own first (for a form to offer);
    ``case`` is a ledger detail (or ``CaseFacts.as_dict()``)."""
    kind = case.get("kind")
    if kind in ANSWERED_AT_ONCE:
        return ANSWERED_AT_ONCE if kind == ANSWERED_AT_ONCE[0] else ANSWERED_AT_ONCE[::-1]
    if kind in DATED and case.get("state") == "in_progress" and not case.get("extensions"):
        others = tuple(k for k in DATED if k != kind)
        if "promised" in others and not case.get("promised_days"):
            others = ()
        return (kind, *others)
    return (kind,) if kind else ()
