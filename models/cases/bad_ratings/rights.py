"""Which steps of a 差评 loop the person at a terminal may take now.

The same rules as the write path (:mod:`models.cases.bad_ratings.steps`),
asked of a :class:`models.staff.signin.Shift` (what someone proved at
sign-in) and a loop view (:func:`models.cases.bad_ratings.due.loop_view`):
a leader assigns; the verifier verifies (a leader may take an unassigned
loop on himself); a leader who did not ask for an appeal decides it; the
verifier or a leader tells the resident. The write path checks again.
"""

from __future__ import annotations

from models.cases.bad_ratings.loop_rules import DISPOSALS, STAGE_STEPS
from models.staff.signin import Shift


def followup_steps(shift: Shift, view: dict) -> list[str]:
    """The steps ``shift`` may take now on the loop ``view``, in the loop's order."""
    out = []
    verifier = view.get("verifier")
    verifies = verifier == shift.code or (verifier is None and shift.is_leader)
    for step in STAGE_STEPS[view["stage"]]:
        if step == "assign":
            allowed = shift.is_leader
        elif step == "decide":
            allowed = shift.is_leader and view.get("appeal_by") != shift.code
        elif step == "tell":
            allowed = shift.is_leader or verifier == shift.code
        elif step == "call":
            allowed = verifies and not view.get("reached")
        elif step == "classify":
            allowed = verifies and view.get("appeal_decision") != "rejected"
        elif step in ("fix_now", "plan", "explain", "appeal"):
            allowed = verifies and step in DISPOSALS.get(view.get("classification") or "", ())
        else:  # plan_done
            allowed = verifies
        if allowed:
            out.append(step)
    return out
