"""What a 差评 loop *is*, folded from its steps: a case's own events, or a visit's
(:class:`models.schema.ratings.VisitFollowupEvent`, the same kinds and data).

GB/T 39734-2020 §9 and 国办发〔2019〕51号: a 差评 is verified (回访), classed,
then put right (立行立改, or a dated plan 限期整改), explained (no basis), or
taken to 申诉复核 (误评, 恶意差评) which another leader decides; the resident is
told the result and may rate the handling. Every step is a ``followup_<step>``
:class:`models.schema.cases.CaseEvent` of the case, so the loop is part of the
case's one history and its hash chain; each carries the dates the hall
calendar gave when it was written, so this fold is pure, like
:func:`models.cases.rules.fold`.

The ``followup_*`` events also carry what the ledger's projection shows
(``followup``: open/done, ``called_back``, ``rectified``), which is all
:func:`models.cases.rules.apply` reads of them.

Older follow-ups, recorded as ``called_back`` and ``rectified`` events before
the loop, fold as a reached call-back by the person who made it and an
immediate rectification.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime

from models.errors import Refused
from models.i18n import DEFAULT_LANGUAGE, t

# GB/T 39734 §9: 实际差评, 误评, 恶意差评, 无法核实 (the resident never reached).
CLASSES = ("actual", "mistaken", "malicious", "unverifiable")
APPEALABLE = ("mistaken", "malicious")
# The disposals each class allows: an actual 差评 is put right; a mistaken or malicious one
# is explained or appealed; an unverifiable one is put right or explained.
DISPOSALS = {
    "actual": ("fix_now", "plan"),
    "unverifiable": ("fix_now", "plan", "explain"),
    "mistaken": ("explain", "appeal"),
    "malicious": ("explain", "appeal"),
}
# How the resident was told the result: the case's tracking-code web page, a written notice, a phone call.
TELL_HOWS = ("web", "notice", "phone")
# Where a loop stands; each stage names the one step that moves it on.
STAGES = ("assign", "call", "classify", "dispose", "rectifying", "appeal", "tell", "done")
# The steps each stage offers (a leader's or verifier's screen shows these).
STAGE_STEPS = {
    "assign": ("assign",),
    "call": ("assign", "call"),
    "classify": ("assign", "call", "classify"),
    "dispose": ("assign", "classify", "fix_now", "plan", "explain", "appeal"),
    "rectifying": ("assign", "plan_done"),
    "appeal": ("decide",),
    "tell": ("tell",),
    "done": (),
}
STEPS = ("assign", "call", "classify", "fix_now", "plan", "plan_done", "explain", "appeal", "decide", "tell")


class FollowupRefused(Refused):
    """A rule of the 差评 loop said no; the words are under ``refusal_followup.<key>``."""

    def message(self, language: str = DEFAULT_LANGUAGE) -> str:
        text = t(f"refusal_followup.{self.key}", language, **self.params)
        if "/" not in str(self.params.get("case", "")):
            return text
        # A visit's loop (named YYYY-MM-DD/A003) is refused in the case's words, its subject renamed.
        case, visit = t("refusal_followup.case_word", language), t("refusal_followup.visit_word", language)
        return text.replace(case, visit).replace(case.capitalize(), visit.capitalize())


@dataclass
class Call:
    at: datetime
    staff_id: int | None
    reached: bool
    note: str


@dataclass
class Loop:
    """One case's 差评 loop (``level`` None: the case has none)."""

    level: str | None = None
    rated_at: datetime | None = None
    callback_due: date | None = None
    rectify_due: date | None = None  # the result is fed back to the resident by then
    verifier_id: int | None = None
    assigned_by_id: int | None = None
    assigned_at: datetime | None = None
    calls: list[Call] = field(default_factory=list)
    retry_due: date | None = None  # after a call that did not reach the resident
    classification: str = ""
    classified_by_id: int | None = None
    class_note: str = ""
    disposal: str = ""  # "" | fix_now | plan | explain | appeal
    plan_text: str = ""
    plan_due: date | None = None
    plan_done_at: datetime | None = None
    appeal_by_id: int | None = None
    appeal_reason: str = ""
    appeal_due: date | None = None
    appeal_decision: str = ""  # "" | upheld | rejected
    decided_by_id: int | None = None
    decision_note: str = ""
    excluded: bool = False  # an upheld appeal: the rating counts in no indicator (误评, 恶意差评)
    result: str = ""  # what the resident is told
    disposed_at: datetime | None = None
    told_how: str = ""
    told_at: datetime | None = None
    handling_level: str | None = None
    handling_rated_at: datetime | None = None
    steps: int = 0

    @property
    def exists(self) -> bool:
        return self.callback_due is not None

    @property
    def reached(self) -> bool:
        return any(call.reached for call in self.calls)

    @property
    def attempts(self) -> int:
        return len(self.calls)

    @property
    def disposed(self) -> bool:
        return self.disposed_at is not None

    @property
    def stage(self) -> str:
        if self.told_at is not None:
            return "done"
        if self.disposed:
            return "tell"
        if self.disposal == "appeal":
            return "appeal"
        if self.disposal == "plan":
            return "rectifying"
        if self.classification:
            return "dispose"
        if self.verifier_id is None:
            return "assign"
        return "classify" if self.calls else "call"

    def due(self) -> date | None:
        """When the stage's step is due (None: done, or nothing is due)."""
        stage = self.stage
        if stage in ("assign", "call"):
            return self.callback_due
        if stage == "classify":
            if not self.reached and self.retry_due is not None:
                return self.retry_due
            return self.callback_due if not self.reached else self.rectify_due
        if stage == "rectifying":
            return self.plan_due
        if stage == "appeal":
            return self.appeal_due
        if stage in ("dispose", "tell"):
            return self.rectify_due
        return None

    def overdue(self, today: date) -> bool:
        due = self.due()
        return due is not None and due < today

    def marks(self, today: date) -> list[str]:
        """Every deadline of the loop that passed without its step (``callback``, ``retry``, ``plan``, ``appeal``, ``feedback``)."""
        out = []
        if self.callback_due and not self.reached and not self.classification and self.callback_due < today:
            out.append("callback")
        if self.retry_due and not self.reached and not self.classification and self.retry_due < today:
            out.append("retry")
        if self.disposal == "plan" and self.plan_done_at is None and self.plan_due and self.plan_due < today:
            out.append("plan")
        if self.disposal == "appeal" and not self.appeal_decision and self.appeal_due and self.appeal_due < today:
            out.append("appeal")
        if self.told_at is None and self.rectify_due and self.rectify_due < today:
            out.append("feedback")
        return out

    def as_dict(self) -> dict:
        data = asdict(self)
        data.update(stage=self.stage, attempts=self.attempts, reached=self.reached, due=self.due())
        return data


def _date(value) -> date | None:
    return date.fromisoformat(value) if value else None


def fold_loop(events) -> Loop:
    """The loop from a case's events: (id, at, kind, staff_id, data) tuples, oldest first."""
    loop = Loop()
    for _event_id, at, kind, staff_id, data in events:
        data = data or {}
        if kind == "rated":
            loop.level, loop.rated_at = data.get("level"), at
            loop.callback_due, loop.rectify_due = _date(data.get("callback_due")), _date(data.get("rectify_due"))
        elif kind in ("called_back", "rectified"):  # a follow-up recorded before the loop
            loop.steps += 1
            if loop.verifier_id is None:
                loop.verifier_id = loop.assigned_by_id = staff_id
                loop.assigned_at = at
            if kind == "called_back":
                loop.calls.append(Call(at, staff_id, True, data.get("note", "")))
            else:
                loop.classification = loop.classification or "actual"
                loop.disposal, loop.result, loop.disposed_at = "fix_now", data.get("note", ""), at
            if loop.reached and loop.disposed:
                loop.told_how, loop.told_at = "phone", at
        elif kind.startswith("followup_"):
            loop.steps += 1
            apply_step(loop, kind.removeprefix("followup_"), at, staff_id, data)
    return loop


def apply_step(loop: Loop, step: str, at: datetime, staff_id: int | None, data: dict) -> None:
    if step == "assign":
        loop.verifier_id = int(data["verifier_id"])
        loop.assigned_by_id, loop.assigned_at = staff_id, at
    elif step == "call":
        loop.calls.append(Call(at, staff_id, bool(data.get("reached")), data.get("note", "")))
        loop.retry_due = None if data.get("reached") else _date(data.get("retry_due"))
    elif step == "classify":
        loop.classification = data["class"]
        loop.classified_by_id, loop.class_note = staff_id, data.get("note", "")
    elif step == "fix_now":
        loop.disposal, loop.result, loop.disposed_at = "fix_now", data.get("note", ""), at
    elif step == "plan":
        loop.disposal, loop.plan_text, loop.plan_due = "plan", data.get("note", ""), _date(data.get("due"))
    elif step == "plan_done":
        loop.plan_done_at = loop.disposed_at = at
        loop.result = data.get("note", "")
    elif step == "explain":
        loop.disposal, loop.result, loop.disposed_at = "explain", data.get("note", ""), at
    elif step == "appeal":
        loop.disposal, loop.appeal_by_id = "appeal", staff_id
        loop.appeal_reason, loop.appeal_due = data.get("note", ""), _date(data.get("due"))
        loop.appeal_decision, loop.decided_by_id, loop.decision_note = "", None, ""
    elif step == "decide":
        loop.appeal_decision, loop.decided_by_id = data["decision"], staff_id
        loop.decision_note = data.get("note", "")
        if data["decision"] == "upheld":
            loop.excluded, loop.result, loop.disposed_at = True, loop.decision_note, at
        else:  # the 差评 stands: it is an actual one, to be put right
            loop.classification, loop.disposal = "actual", ""
    elif step == "tell":
        loop.told_how, loop.told_at = data["how"], at
    elif step == "handling_rated":
        loop.handling_level, loop.handling_rated_at = data["level"], at
