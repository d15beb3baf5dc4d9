"""What a case *is*, derived from what happened to it.

:func:`fold` turns a case's record and its events into :class:`CaseFacts`.
It is pure: every date an event implies (a due date, a call-back deadline)
was computed with the hall calendar when the event was written and is stored
in the event, so the fold never needs the calendar and gives the same answer
whenever it runs. The ledger's projection row is :func:`projection_values` of
the facts; ``rebuild_projection`` re-runs the fold over every case.

Also here: the words of the rules (kinds, channels, states, rating levels),
which steps apply to a case in its state (:func:`applicable_actions`), the
refusal type of cases, and the privacy helpers (masking, personal-data
checks) shared by notices, the public view and the ledger.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any

from models.errors import Refused
from models.i18n import DEFAULT_LANGUAGE, t

# 咨询件 即办件 承诺件 补充件 退回件 上报件 信访件 (DOMAIN §5)
KINDS = ("consultation", "immediate", "promised", "supplement", "returned", "escalated", "petition")
# 窗口 来电 来信 走访 预约 电子邮件 网络留言 上门
CHANNELS = ("window", "phone", "letter", "visit", "appointment", "email", "message", "home")
# Where a rating was given: the kiosk, the window's rating pad, a phone (`hall web`); "counter" and "staff"
# (typed in by staff) are only read from ratings stored before the resident alone could rate.
RATING_CHANNELS = ("kiosk", "counter", "staff", "web", "pad")
# 国办发〔2019〕51号: staff never rate on a resident's behalf; a rating comes only through these.
RESIDENT_CHANNELS = ("kiosk", "web", "pad")
STATES = ("in_progress", "waiting_materials", "to_notify", "closed", "returned")
OPEN_STATES = ("in_progress", "waiting_materials", "to_notify")
FINISHED_STATES = ("to_notify", "closed", "returned")
NOTIFY_HOWS = ("phone", "in_person", "message", "letter")
NOTICE_KINDS = (
    "consultation_receipt",
    "promise",
    "supplement",
    "return",
    "extension",
    "escalation",
    "completion",
    "petition_receipt",
)
# The steps taken on a case after it is opened (one models.cases.Cases method each).
# 信访工作条例: whether a petition is taken up is answered within 15 days (the hall's
# config.cases.petition_days, in working days), its result within 60 days of acceptance.
PETITION_RESULT_DAYS = 60
# "followup": a 差评's loop (models.cases.bad_ratings), whose own steps have their own rights.
CASE_ACTIONS = (
    *("materials", "extend", "complete", "notify", "escalate", "handover", "publish", "correct"),
    "followup",
)
# 非常满意 满意 基本满意 不满意 非常不满意; the last two are 差评.
LEVELS = ("very_satisfied", "satisfied", "basic", "unsatisfied", "very_unsatisfied")
BAD_LEVELS = ("unsatisfied", "very_unsatisfied")
# Why a 不满意/非常不满意: the classes of GB/T 39734-2020 Annex A's 差评 content (服务态度, 办事效率,
# 办事流程, 政策规定, 办事环境, 其他); their words are rating.tag_<name> in the locale files.
BAD_REASONS = ("attitude", "efficiency", "process", "policy", "environment", "other")
# The resident's own words beside the reasons (one line, through the character rule).
RATING_TEXT_MAX = 200
# Reason tags of ratings stored before the classified list: still read and shown, no longer offered.
RATING_TAGS = (
    "warm",
    "efficient",
    "clear",
    "one_trip",
    "long_wait",
    "unclear",
    "attitude",
    "many_trips",
    "hard_to_find",
    "slow",
)


class CaseRefused(Refused):
    """A case rule said no; the words are under ``refusal_case.<key>``."""

    def message(self, language: str = DEFAULT_LANGUAGE) -> str:
        return t(f"refusal_case.{self.key}", language, **self.params)


@dataclass
class CaseFacts:
    id: int
    number: str
    tracking_code: str
    ticket_id: int | None
    item_id: int
    window_id: int | None
    channel: str
    accepted_at: datetime
    accepted_by_id: int
    first_responder_id: int
    opened_kind: str
    kind: str = ""
    state: str = "in_progress"
    handler_id: int = 0
    due_date: date | None = None
    promised_days: int = 0
    reply_due: date | None = None
    extensions: int = 0
    extended_to: date | None = None
    extension_reason: str = ""
    previous_due: date | None = None
    missing: list[str] = field(default_factory=list)  # names: catalogue ones, then free text
    missing_catalogue: list[str] = field(default_factory=list)
    supplement: bool = False
    supplement_asked_at: datetime | None = None
    materials_received_at: datetime | None = None
    authority: str = ""
    authority_due: date | None = None
    return_reason: str = ""
    result: str = ""
    subject: str = ""  # what a petition (信访件) is about
    result_due: date | None = None  # a petition's result, by 信访工作条例
    completed_at: datetime | None = None
    completed_late: bool = False
    over_time: bool = False
    minutes_taken: int | None = None
    notified_how: str = ""
    notified_at: datetime | None = None
    notify_attempts: int = 0  # tries that did not reach the resident (未接通)
    notify_failed_at: datetime | None = None
    notify_retry_at: datetime | None = None  # when the next try is due
    published: bool = False
    public_text: str = ""
    published_at: datetime | None = None
    rating: str | None = None
    rating_tags: list[str] = field(default_factory=list)
    followup: str = ""  # "" | open | done
    callback_due: date | None = None
    rectify_due: date | None = None
    called_back_at: datetime | None = None
    rectified_at: datetime | None = None
    handovers: int = 0
    corrections: int = 0
    last_event: int = 0

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    @property
    def finished(self) -> bool:
        return self.state in FINISHED_STATES

    def overdue(self, today: date) -> bool:
        return self.state == "in_progress" and self.due_date is not None and self.due_date < today

    def as_dict(self) -> dict:
        return asdict(self)


def _date(value) -> date | None:
    return date.fromisoformat(value) if value else None


def _at(value) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def fold(record: Any, events: Iterable[Any]) -> CaseFacts:
    """The facts of a case: its record (a CaseRecord or a dict of its columns)
    and its events (CaseEvent rows or (id, at, kind, staff_id, data) tuples), oldest first."""

    def get(name: str) -> Any:
        return record.get(name) if isinstance(record, dict) else getattr(record, name)

    facts = CaseFacts(
        id=get("id"),
        number=get("number"),
        tracking_code=get("tracking_code"),
        ticket_id=get("ticket_id"),
        item_id=get("item_id"),
        window_id=get("window_id"),
        channel=get("channel"),
        accepted_at=get("accepted_at"),
        accepted_by_id=get("accepted_by_id"),
        first_responder_id=get("first_responder_id"),
        opened_kind=get("kind"),
    )
    facts.kind = facts.opened_kind
    facts.handler_id = facts.accepted_by_id
    for event in events:
        if isinstance(event, tuple):
            event_id, at, kind, staff_id, data = event
        else:
            event_id, at, kind, staff_id, data = event.id, event.at, event.kind, event.staff_id, event.data
        apply(facts, event_id, at, kind, staff_id, data or {})
    return facts


def apply(facts: CaseFacts, event_id: int, at: datetime, kind: str, staff_id: int | None, data: dict) -> None:
    """One event's effect on the facts (the whole state machine is here)."""
    facts.last_event = max(facts.last_event, event_id)
    if kind == "opened":
        facts.due_date = _date(data.get("due"))
        facts.promised_days = int(data.get("promised_days") or 0)
        facts.reply_due = _date(data.get("reply_due"))
        facts.subject = data.get("subject") or ""
        facts.result_due = _date(data.get("result_due"))
        facts.over_time = bool(data.get("over_time"))
        facts.minutes_taken = data.get("minutes")
        facts.state = "in_progress"
    elif kind == "supplement":
        facts.kind = "supplement"
        facts.supplement = True
        facts.state = "waiting_materials"
        facts.missing_catalogue = list(data.get("catalogue") or [])
        facts.missing = facts.missing_catalogue + list(data.get("other") or [])
        facts.supplement_asked_at = at
        facts.due_date = None  # the clock stops until the materials are complete
    elif kind == "material_received":  # one of the missing materials came in
        name = data.get("material", "")
        facts.missing = [m for m in facts.missing if m != name]
        facts.missing_catalogue = [m for m in facts.missing_catalogue if m != name]
    elif kind == "materials_received":
        facts.state = "in_progress"
        facts.materials_received_at = at
        facts.missing, facts.missing_catalogue = [], []
        facts.due_date = _date(data.get("due"))
    elif kind == "escalated":
        facts.kind = "escalated"
        facts.authority = data.get("authority", "")
        facts.authority_due = _date(data.get("authority_due"))
        facts.due_date = facts.authority_due
    elif kind == "extended":
        facts.previous_due = facts.due_date
        facts.due_date = facts.extended_to = _date(data.get("due"))
        facts.extension_reason = data.get("reason", "")
        facts.extensions += 1
    elif kind == "returned":
        facts.kind = "returned"
        facts.state = "returned"
        facts.return_reason = data.get("reason", "")
        facts.completed_at = at
    elif kind == "completed":
        facts.state = "to_notify"
        facts.result = data.get("result", "")
        facts.completed_at = at
        facts.completed_late = bool(data.get("late"))
    elif kind == "notify_failed":  # the resident was not reached: the case stays to notify
        facts.notify_attempts += 1
        facts.notify_failed_at = at
        facts.notify_retry_at = _at(data.get("retry_at"))
    elif kind == "notified":
        facts.notify_retry_at = None
        facts.state = "closed" if facts.state == "to_notify" else facts.state
        facts.notified_how = data.get("how", "")
        facts.notified_at = _at(data.get("told_at")) or at
    elif kind == "published":
        facts.published = True
        facts.public_text = data.get("text", "")
        facts.published_at = at
    elif kind == "handover":
        facts.handler_id = int(data["to_staff_id"])
        facts.handovers += 1
    elif kind == "corrected":
        facts.corrections += 1
        changes = data.get("changes") or {}
        for name in ("item_id", "window_id"):
            if name in changes:
                setattr(facts, name, changes[name])
        for name in ("result", "public_text", "return_reason", "authority", "kind"):
            if name in changes:
                setattr(facts, name, changes[name])
        if "due" in changes:  # a corrected kind's deadlines (models.cases.kind_correction)
            facts.due_date = _date(changes["due"])
        if "result_due" in changes:
            facts.result_due = _date(changes["result_due"])
    elif kind == "rated":
        facts.rating = data.get("level")
        facts.rating_tags = list(data.get("tags") or [])
        if data.get("callback_due"):
            facts.followup = "open"
            facts.callback_due = _date(data["callback_due"])
            facts.rectify_due = _date(data["rectify_due"])
    elif kind == "called_back":
        facts.called_back_at = at
        if facts.rectified_at:
            facts.followup = "done"
    elif kind == "rectified":
        facts.rectified_at = at
        if facts.called_back_at:
            facts.followup = "done"
    elif kind.startswith("followup_"):  # a step of the 差评 loop (models.cases.bad_ratings) says where it stands
        facts.followup = data.get("followup") or facts.followup
        if data.get("called_back") and facts.called_back_at is None:
            facts.called_back_at = at
        if data.get("rectified") and facts.rectified_at is None:
            facts.rectified_at = at
    # "contact_set" and unknown kinds change nothing the ledger shows.


def applicable_actions(case: dict) -> set[str]:
    """The steps (of CASE_ACTIONS) that apply now to a case in its state.

    ``case`` is a ``models.cases.ledger.detail`` answer (or ``CaseFacts.as_dict()``).
    Who may take them is the terminal's rule: :func:`models.cases.rights.case_actions`.
    """
    state = case.get("state")
    allowed = set()
    if state == "waiting_materials":
        allowed.add("materials")
    if state == "in_progress":
        allowed |= {"complete", "escalate"}
        if case.get("due_date") is not None:
            allowed.add("extend")
    if state == "to_notify" or (state == "returned" and not case.get("notified_how")):
        allowed.add("notify")
    if state in OPEN_STATES:
        allowed.add("handover")
    if state in ("to_notify", "closed") and not case.get("published"):
        allowed.add("publish")
    if case.get("followup"):
        allowed.add("followup")
    if state is not None:
        allowed.add("correct")  # a wrong item, result or kind is put right by a new record (kind: where it may)
    return allowed


def projection_values(facts: CaseFacts) -> dict:
    """The CaseState columns for these facts."""
    return {
        "case": facts.id,
        "number": facts.number,
        "tracking_code": facts.tracking_code,
        "accepted_at": facts.accepted_at,
        "item": facts.item_id,
        "window": facts.window_id,
        "channel": facts.channel,
        "kind": facts.kind,
        "state": facts.state,
        "is_open": facts.is_open,
        "due_date": facts.due_date,
        "handler": facts.handler_id,
        "first_responder": facts.first_responder_id,
        "accepted_by": facts.accepted_by_id,
        "extensions": facts.extensions,
        "completed_at": facts.completed_at,
        "over_time": facts.over_time,
        "completed_late": facts.completed_late,
        "supplement": facts.supplement,
        "published": facts.published,
        "rating": facts.rating,
        "followup": facts.followup,
        "callback_due": facts.callback_due,
        "rectify_due": facts.rectify_due,
        "called_back": facts.called_back_at is not None,
        "rectified": facts.rectified_at is not None,
        "last_event": facts.last_event,
    }
