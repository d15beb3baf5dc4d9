"""The steps of the 差评 loop, each one appended event of the case, and who may take them.

- The leader assigns the verification (谁办理谁负责: by default to the
  case's handler); only a leader assigns, and may reassign until the result
  is fed back.
- The verifier, and only the verifier, records the call-back (reached or
  not; a try that failed sets the next try's date), classes the 差评, and
  disposes of it: puts it right at once, files a dated plan and later its
  completion, explains that it has no basis, or asks for 申诉复核. A leader
  who takes a verifier's step on a loop nobody was assigned to takes it on
  himself, and that assignment is recorded first.
- A 申诉复核 is decided by a leader who did not ask for it.
- The verifier or a leader records how the resident was told; the resident
  then may rate the handling once, with the tracking code of the visit.

A loop is a case's rating's or a visit's (:mod:`models.cases.bad_ratings.subjects`):
each step names it by the case's number or the visit's ``YYYY-MM-DD/A003``.
Each step is one transaction (the subject locked, the rule checked on the
folded loop, the step appended — a case's through
:class:`models.cases.store.CaseStore`, its projection rewritten — and the
change feed told). Deadlines come from the hall calendar
(:class:`models.calendar.HallCalendar`, working days) and are stored in the
event, so the fold stays pure.
"""

from __future__ import annotations

from datetime import date

from models import clock
from models.cases.bad_ratings.due import case_loop, due_list
from models.cases.bad_ratings.loop_rules import (
    CLASSES,
    DISPOSALS,
    STAGE_STEPS,
    STEPS,
    TELL_HOWS,
    FollowupRefused,
    Loop,
    apply_step,
    fold_loop,
)
from models.cases.bad_ratings.subjects import VisitFacts, read_events, subject_of
from models.cases.rules import LEVELS, CaseFacts
from models.cases.store import CaseStore, as_date, find_staff, normalise_number
from models.config import Config
from models.db import database
from models.plain_text import check as plain_check
from models.queue import tracking
from models.schema import Staff, Ticket
from models.schema.cases import CaseRecord
from models.schema.ratings import VisitRating

# What a step gives back: the case's facts after it, or the visit's.
Done = CaseFacts | VisitFacts


def _note(text: str, *, needed: str = "") -> str:
    words = plain_check("note", (text or "").strip(), lines=True)
    if needed and not words:
        raise FollowupRefused(needed)
    return words


class BadRatings:
    """The 差评 loop bound to one hall's config (its calendar and limits): ``hall.bad_ratings``."""

    def __init__(self, config: Config):
        self.config = config
        self.store = CaseStore(config)

    # --- reading -----------------------------------------------------------------

    def loop(self, case) -> Loop:
        """The loop of a case (its number) or of a visit (``YYYY-MM-DD/A003``)."""
        return fold_loop(read_events(case)[1])

    def name_of(self, case) -> str:
        """The loop's name as lists show it: the case's number, or the visit's ``YYYY-MM-DD/A003``."""
        return read_events(case)[0]

    def view(self, case) -> dict | None:
        """The loop as screens and ``--json`` show it (None: no 差评)."""
        return case_loop(self.config, case)

    def due(self, *, verifier=None, include_done: bool = False) -> list[dict]:
        """The leader's list of open loops, overdue first (``verifier``: only theirs)."""
        return due_list(self.config, verifier=verifier, include_done=include_done)

    # --- the write path -------------------------------------------------------------

    def _take(self, case, actor: Staff | None, step: str, check, data_fn) -> tuple[Done, Loop]:
        """One step in one transaction: ``check(loop, facts, record)`` refuses, ``data_fn`` gives the event's data.

        Both see the loop before the step; the step's stored data also says
        where the case's follow-up stands afterwards, for the ledger."""
        with database.atomic():
            subject = subject_of(self.store, case)
            facts, record = subject.facts, subject
            loop = fold_loop(subject.events())
            if not loop.exists:
                raise FollowupRefused("no_followup", case=facts.number)
            if loop.stage == "done" and step != "handling_rated":
                raise FollowupRefused("loop_done", case=facts.number)
            steps = []
            if actor is not None and step in VERIFIER_STEPS and loop.verifier_id is None:
                if actor.role != "leader":
                    raise FollowupRefused("not_assigned", case=facts.number)
                steps.append(self._with_flags(loop, "assign", actor, {"verifier_id": actor.id, "verifier": actor.code}))
            check(loop, facts, record)
            if step in STEPS and step not in STAGE_STEPS[loop.stage]:
                raise FollowupRefused("not_now_" + loop.stage, case=facts.number)
            steps.append(self._with_flags(loop, step, actor, data_fn(loop, facts, record)))
            return subject.append(actor, steps), loop

    @staticmethod
    def _with_flags(loop: Loop, step: str, actor: Staff | None, data: dict) -> tuple[str, dict]:
        apply_step(loop, step, clock.now(), actor.id if actor else None, data)
        data = dict(data)
        data["followup"] = "done" if loop.stage == "done" else "open"
        data["called_back"] = loop.reached or bool(loop.classification)
        data["rectified"] = loop.disposed
        return "followup_" + step, data

    def _verifier_only(self, actor: Staff):
        def check(loop: Loop, facts: CaseFacts, record) -> None:
            if loop.verifier_id != actor.id:
                raise FollowupRefused("not_verifier", case=facts.number, staff=actor.code)

        return check

    def _days(self, days: int) -> date:
        return self.store.working_days_after(self.store.today(), days)

    # --- the steps ---------------------------------------------------------------

    def assign(self, case, staff, verifier=None) -> Done:
        """The leader names who verifies (default: the case's handler, 谁办理谁负责)."""
        actor = find_staff(staff)
        if actor.role != "leader":
            raise FollowupRefused("assign_leader_only", staff=actor.code)
        chosen = find_staff(verifier) if verifier is not None else None

        def check(loop: Loop, facts: CaseFacts, record) -> None:
            if "assign" not in STAGE_STEPS[loop.stage]:
                raise FollowupRefused("not_now_" + loop.stage, case=facts.number)
            if chosen is None and facts.handler_id is None:
                raise FollowupRefused("verifier_needed", case=facts.number)
            person = chosen or Staff.get_by_id(facts.handler_id)
            if loop.verifier_id == person.id:
                raise FollowupRefused("already_verifier", case=facts.number, staff=person.code)

        def data(loop: Loop, facts: CaseFacts, record) -> dict:
            person = chosen or Staff.get_by_id(facts.handler_id)
            if not person.active:
                raise FollowupRefused("verifier_inactive", staff=person.code)
            return {"verifier_id": person.id, "verifier": person.code}

        return self._take(case, actor, "assign", check, data)[0]

    def call(self, case, staff, *, reached: bool, note: str = "") -> Done:
        """A call-back to the resident: reached, or not (then the next try is due)."""
        actor = find_staff(staff)
        words = _note(note)

        def check(loop: Loop, facts: CaseFacts, record) -> None:
            self._verifier_only(actor)(loop, facts, record)
            if loop.reached:
                raise FollowupRefused("already_reached", case=facts.number)
            if reached and not record.can_call:
                raise FollowupRefused("no_phone", case=facts.number)

        def data(loop: Loop, facts: CaseFacts, record) -> dict:
            out: dict = {"reached": bool(reached), "note": words}
            if not reached:
                out["retry_due"] = self._days(self.config.bad_ratings.retry_days).isoformat()
            return out

        return self._take(case, actor, "call", check, data)[0]

    def classify(self, case, staff, classification: str, note: str = "") -> Done:
        """The class of the 差评 (GB/T 39734 §9); 无法核实 only after the configured tries."""
        actor = find_staff(staff)
        plain_check("class", str(classification))
        words = _note(note)
        if classification not in CLASSES:
            raise FollowupRefused("bad_class", value=str(classification)[:30])

        def check(loop: Loop, facts: CaseFacts, record) -> None:
            self._verifier_only(actor)(loop, facts, record)
            if loop.stage == "call":
                raise FollowupRefused("call_first", case=facts.number)
            if loop.appeal_decision == "rejected":
                raise FollowupRefused("appeal_rejected", case=facts.number)
            if not loop.reached:
                tries = self.config.bad_ratings.callback_attempts
                if classification != "unverifiable":
                    raise FollowupRefused("unreached_only_unverifiable", case=facts.number)
                if loop.attempts < tries and record.can_call:
                    raise FollowupRefused("more_tries", case=facts.number, tries=tries, done=loop.attempts)

        return self._take(
            case, actor, "classify", check, lambda loop, facts, record: {"class": classification, "note": words}
        )[0]

    def _result(self, subject, text: str) -> str:
        """What the resident will read on the web page: no personal data."""
        return subject.public(text)

    def _disposal(self, actor: Staff, step: str):
        def check(loop: Loop, facts: CaseFacts, record) -> None:
            self._verifier_only(actor)(loop, facts, record)
            if loop.stage == "dispose" and step not in DISPOSALS[loop.classification]:
                raise FollowupRefused("not_for_" + loop.classification, case=facts.number)

        return check

    def _result_step(self, case, staff, step: str, note: str) -> Done:
        """A step whose words are the result the resident reads (a disposal, or the plan's completion)."""
        actor = find_staff(staff)
        words = _note(note, needed="result_needed")
        check = self._verifier_only(actor) if step == "plan_done" else self._disposal(actor, step)
        return self._take(case, actor, step, check, lambda loop, facts, record: {"note": self._result(record, words)})[
            0
        ]

    def fix_now(self, case, staff, note: str) -> Done:
        """立行立改: put right at once; ``note`` says what was done (the resident reads it)."""
        return self._result_step(case, staff, "fix_now", note)

    def plan(self, case, staff, note: str, due=None) -> Done:
        """建立台账限期整改: a rectification plan and its deadline (default ``plan_days`` working days)."""
        actor = find_staff(staff)
        words = _note(note, needed="plan_needed")
        limits = self.config.bad_ratings
        if due is None:
            deadline = self._days(limits.plan_days)
        else:
            deadline = as_date(due)
            if deadline < self.store.today():
                raise FollowupRefused("plan_in_past", date=deadline.isoformat())
            latest = self._days(limits.plan_days_max)
            if deadline > latest:
                raise FollowupRefused("plan_too_far", date=deadline.isoformat(), latest=latest.isoformat())
        return self._take(
            case,
            actor,
            "plan",
            self._disposal(actor, "plan"),
            lambda loop, facts, record: {"note": self._result(record, words), "due": deadline.isoformat()},
        )[0]

    def plan_done(self, case, staff, note: str) -> Done:
        """The plan's rectification is complete; ``note`` says what was done."""
        return self._result_step(case, staff, "plan_done", note)

    def explain(self, case, staff, note: str) -> Done:
        """The 差评 has no basis: the explanation the resident is given."""
        return self._result_step(case, staff, "explain", note)

    def appeal(self, case, staff, reason: str) -> Done:
        """申诉复核 of a 误评 or 恶意差评: another leader decides within ``appeal_days``."""
        actor = find_staff(staff)
        words = _note(reason, needed="reason_needed")

        def data(loop: Loop, facts: CaseFacts, record) -> dict:
            return {"note": words, "due": self._days(self.config.bad_ratings.appeal_days).isoformat()}

        return self._take(case, actor, "appeal", self._disposal(actor, "appeal"), data)[0]

    def decide(self, case, staff, *, upheld: bool, note: str) -> Done:
        """A leader other than the one who asked decides the appeal: upheld, the rating
        counts in no indicator (it stays stored; the export marks it ``excluded``,
        :mod:`models.ratings.records`); rejected, it is an actual 差评 to be put right."""
        actor = find_staff(staff)
        if actor.role != "leader":
            raise FollowupRefused("decide_leader_only", staff=actor.code)
        words = _note(note, needed="result_needed")

        def check(loop: Loop, facts: CaseFacts, record) -> None:
            if loop.stage != "appeal":
                raise FollowupRefused("no_appeal", case=facts.number)
            if actor.id == loop.appeal_by_id:
                raise FollowupRefused("own_appeal", case=facts.number, staff=actor.code)

        def data(loop: Loop, facts: CaseFacts, record) -> dict:
            return {"decision": "upheld" if upheld else "rejected", "note": self._result(record, words)}

        return self._take(case, actor, "decide", check, data)[0]

    def tell(self, case, staff, how: str, note: str = "") -> Done:
        """The resident was told the result: on the case's web page, by a notice, or by phone."""
        actor = find_staff(staff)
        plain_check("how", str(how))
        if how not in TELL_HOWS:
            raise FollowupRefused("bad_how", value=str(how)[:30])
        words = _note(note, needed="phone_note_needed" if how == "phone" else "")

        def check(loop: Loop, facts: CaseFacts, record) -> None:
            if actor.role != "leader" and actor.id != loop.verifier_id:
                raise FollowupRefused("not_verifier", case=facts.number, staff=actor.code)
            if loop.stage != "tell":
                raise FollowupRefused("not_now_" + loop.stage, case=facts.number)

        return self._take(case, actor, "tell", check, lambda loop, facts, record: {"how": how, "note": words})[0]

    def rate_handling(self, tracking_code: str, case_number: str, level: str) -> Done:
        """The resident rates how the 差评 was handled, once, holding the visit's tracking code."""
        plain_check("code", str(tracking_code or ""))
        plain_check("case", str(case_number or ""))
        plain_check("level", str(level))
        if level not in LEVELS:
            raise FollowupRefused("bad_level", value=str(level)[:30])
        code = tracking.read(tracking_code)
        number = normalise_number(case_number)
        record = CaseRecord.get_or_none((CaseRecord.tracking_code == code) & (CaseRecord.number == number))
        if record is None:
            raise FollowupRefused("unknown_case_for_code", case=number)

        def check(loop: Loop, facts: CaseFacts, record) -> None:
            if loop.stage != "done":
                raise FollowupRefused("handling_not_yet", case=facts.number)
            if loop.handling_level is not None:
                raise FollowupRefused("handling_rated", case=facts.number)

        return self._take(record, None, "handling_rated", check, self._handling(level))[0]

    def rate_visit_handling(self, tracking_code: str, level: str) -> Done:
        """The resident rates how a visit's 差评 was handled, once, holding the ticket's tracking code."""
        plain_check("code", str(tracking_code or ""))
        plain_check("level", str(level))
        if level not in LEVELS:
            raise FollowupRefused("bad_level", value=str(level)[:30])
        ticket = Ticket.get_or_none(Ticket.tracking_code == tracking.read(tracking_code))
        rating = VisitRating.get_or_none(VisitRating.ticket == ticket.id) if ticket is not None else None
        if rating is None:
            raise FollowupRefused("no_visit_loop")

        def check(loop: Loop, facts, record) -> None:
            if loop.stage != "done":
                raise FollowupRefused("handling_not_yet", case=facts.number)
            if loop.handling_level is not None:
                raise FollowupRefused("handling_rated", case=facts.number)

        return self._take(rating, None, "handling_rated", check, self._handling(level))[0]

    @staticmethod
    def _handling(level: str):
        return lambda loop, facts, record: {"level": level}


VERIFIER_STEPS = ("call", "classify", "fix_now", "plan", "plan_done", "explain", "appeal")
