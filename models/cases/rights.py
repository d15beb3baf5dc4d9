"""Who may see and do what with cases: the rules the terminal and the CLI ask.

A leader sees every case and may take every step; staff see their windows'
cases and those they handle, and take steps on them; a handover only by its
handler or a leader. The terminal's answers come from
:class:`models.staff.signin.Shift`, what someone proved at sign-in, never from
what a screen chose to show; the write path asks :func:`require_case_right`
with the person's stored posts, so the CLI and the terminal meet the same rule.
"""

from __future__ import annotations

from dataclasses import replace

from models.cases.rules import CaseFacts, CaseRefused, applicable_actions
from models.schema import Staff, StaffPost
from models.schema.cases import CaseRecord
from models.staff.signin import Shift, SigninRefused


def ledger_scope(shift: Shift, flt):
    """``flt`` (a models.cases.ledger.LedgerFilter) narrowed to what ``shift`` may see.

    A leader sees everything. Staff see their windows' cases (the shift's
    window unless they chose another of theirs) and every case they handle,
    accepted or took first: 首问负责, the first responder follows a case he
    transferred to another window.
    """
    if shift.is_leader:
        return flt
    if flt.handler == shift.code or flt.involving == shift.code:
        return flt
    if flt.window is None:
        return replace(flt, handler=None, involving=shift.code, or_window=shift.window)
    if flt.window not in shift.windows:
        raise SigninRefused("not_your_window", window=flt.window)
    return replace(flt, handler=None)


def may_see_case(shift: Shift, detail: dict) -> bool:
    """Whether ``shift`` may open this case (a models.cases.ledger.detail answer)."""
    if shift.is_leader:
        return True
    if detail.get("window") in shift.windows:
        return True
    return shift.code in (detail.get("handler"), detail.get("first_responder"), detail.get("accepted_by"))


def case_actions(shift: Shift, detail: dict) -> set[str]:
    """The case steps ``shift`` may take now on this case (a models.cases.ledger.detail answer).

    Those that apply to the case in its state (:func:`models.cases.rules.applicable_actions`),
    on a case of theirs (their window's, or one they handle; a leader any);
    a handover only by its handler or a leader.
    """
    handles = shift.is_leader or detail.get("handler") == shift.code
    if not (handles or detail.get("window") in shift.windows):
        return set()
    allowed = applicable_actions(detail)
    if not handles:
        allowed.discard("handover")
    return allowed


def _posted_at(staff: Staff, window_id: int | None) -> bool:
    return (
        window_id is not None
        and StaffPost.select().where((StaffPost.staff == staff.id) & (StaffPost.window == window_id)).exists()
    )


def require_case_right(staff: Staff, record: CaseRecord, facts: CaseFacts, step: str) -> None:
    """Raise CaseRefused unless ``staff`` may take ``step`` on this case now.

    The same rule as :func:`case_actions`, read from the database: a leader
    any step; the case's handler any; someone posted at the case's window any
    but a handover. ``staff`` is active already (``find_staff`` saw to it).
    """
    if staff.role == "leader" or facts.handler_id == staff.id:
        return
    if step != "handover" and _posted_at(staff, record.window_id):
        return
    raise CaseRefused("handover_not_yours" if step == "handover" else "case_not_yours", case=record.number)


def require_window_right(staff: Staff, window_id: int | None, served_by: tuple = ()) -> None:
    """Raise CaseRefused unless ``staff`` may open a case at this window (none: any active person).

    ``served_by``: the ids of who called and first answered the ticket the
    case comes from; they may open its cases wherever they stood."""
    if window_id is None or staff.role == "leader" or staff.id in served_by or _posted_at(staff, window_id):
        return
    raise CaseRefused("window_not_yours", staff=staff.code)


def concerns(staff: Staff, record: CaseRecord, facts_handler_id: int | None) -> bool:
    """Whether a case concerns ``staff`` enough to open its resident's contact:
    a leader, its handler, whoever accepted or first answered it, or a person
    posted at its window."""
    if staff.role == "leader" or staff.id in (record.accepted_by_id, record.first_responder_id, facts_handler_id):
        return True
    return _posted_at(staff, record.window_id)
