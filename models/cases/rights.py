"""Who may see and do what with cases: the rules the terminal and the CLI ask.

A leader sees every case and may take every step; staff see their windows'
cases and those they handle, and take steps on them; a handover only by its
handler or a leader. The answers come from :class:`models.staff.signin.Shift`,
what someone proved at sign-in, never from what a screen chose to show.
"""

from __future__ import annotations

from dataclasses import replace

from models.cases.rules import applicable_actions
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
