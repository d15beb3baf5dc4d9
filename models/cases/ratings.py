"""好差评 of a case (网上服务"一事一评"): the resident rates a finished case once; a 差评 opens a follow-up.

Levels: 非常满意 very_satisfied, 满意 satisfied, 基本满意 basic, 不满意
unsatisfied, 非常不满意 very_unsatisfied. A 不满意/非常不满意 may name its
reasons from the classified list :data:`models.cases.rules.BAD_REASONS`
(GB/T 39734 Annex A; words in ``rating.tag_*``) and carry the resident's own
words; a good rating names none. Older ratings' tags
(:data:`models.cases.rules.RATING_TAGS`) are still read.

Only the resident rates (国办发〔2019〕51号): :func:`rate_by_code` takes a
rating only through a resident's channel (:data:`RESIDENT_CHANNELS`: the
kiosk, the phone's page) and only with the visit's tracking code, which the
resident holds on the ticket; no staff identity opens a way in, so neither the
terminal nor the command line can give one. A case is rated within
``ratings.case_days`` days of its completion or return (GB/T 39734 §7.2).

"Once" holds under races: the case's row is locked while the rule is
checked, and :class:`CaseRating` has a unique key on the case.

A 差评 opens a follow-up for the leader, written into the
same ``rated`` event: a call-back deadline (``callback_days`` working days)
and a rectification deadline (``rectify_days``). The leader records
``called_back`` and ``rectified``; the follow-up is done when both are.

Every field a resident or the leader sends goes through the one character
rule (:mod:`models.plain_text`) here, so the kiosk, the phone's form and the
pad refuse the same text with the same sentence naming the field.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from peewee import IntegrityError

from models import clock
from models.cases.privacy import has_personal_data
from models.cases.rules import (
    BAD_LEVELS,
    BAD_REASONS,
    LEVELS,
    RATING_TEXT_MAX,
    RESIDENT_CHANNELS,
    CaseFacts,
    CaseRefused,
    fold,
)
from models.cases.store import RECORD_FIELDS, CaseStore, event_rows, find_staff, normalise_number, record_values
from models.config import Config
from models.db import database
from models.plain_text import check as plain_check
from models.queue import tracking
from models.schema import Item, Staff
from models.schema.cases import CaseRating, CaseRecord, CaseState


def resident_channel(channel: str) -> str:
    """``channel`` when a resident rates through it; a refusal for any other (a terminal, the CLI)."""
    if channel not in RESIDENT_CHANNELS:
        raise CaseRefused("resident_only", channel=str(channel)[:30])
    return channel


def checked_choice(level: str, reasons=(), text: str = "") -> tuple[list[str], str]:
    """The level's reasons (each once, in the list's order) and the resident's words, as they may be stored."""
    plain_check("level", str(level))
    for reason in reasons or ():
        plain_check("tag", str(reason))
    words = plain_check("text", str(text or "")).strip()
    if level not in LEVELS:
        raise CaseRefused("bad_level", level=str(level)[:30])
    for reason in reasons or ():
        if reason not in BAD_REASONS:
            raise CaseRefused("bad_tag", tag=str(reason)[:30])
    chosen = [reason for reason in BAD_REASONS if reason in (reasons or ())]
    if level not in BAD_LEVELS and (chosen or words):
        raise CaseRefused("reasons_for_bad_only")
    if len(words) > RATING_TEXT_MAX:
        raise CaseRefused("rating_text_too_long", most=RATING_TEXT_MAX)
    if words and has_personal_data(words):
        raise CaseRefused("personal_data")
    return chosen, words


def still_open(ended_at: datetime | None, limit: timedelta, now: datetime | None = None) -> bool:
    """Whether a service that ended at ``ended_at`` may still be rated (GB/T 39734 §7.2)."""
    return ended_at is not None and (now or clock.now()) - ended_at <= limit


def case_rating_open(config: Config, facts: CaseFacts, now: datetime | None = None) -> bool:
    """Whether the resident may rate this case now: finished, not rated, within ``ratings.case_days``."""
    limit = timedelta(days=config.ratings.case_days)
    return facts.finished and facts.rating is None and still_open(facts.completed_at, limit, now)


def _rate(config: Config, case, level: str, reasons, text: str, channel: str) -> CaseFacts:
    chosen, words = checked_choice(level, reasons, text)
    cases = CaseStore(config)
    with database.atomic():
        record, facts = cases._locked(case)
        if facts.rating is not None:
            raise CaseRefused("already_rated", case=facts.number)
        if not facts.finished:
            raise CaseRefused("not_finished", case=facts.number)
        if not case_rating_open(config, facts):
            raise CaseRefused("rating_closed", days=config.ratings.case_days)
        try:
            with database.atomic():  # a savepoint: the unique key is the last word on "once"
                CaseRating.create(case=record, level=level, tags=chosen, channel=channel, at=clock.now())
        except IntegrityError:
            raise CaseRefused("already_rated", case=facts.number) from None
        data: dict = {"level": level, "tags": chosen, "channel": channel}
        if words:
            data["text"] = words
        if level in BAD_LEVELS:
            today = cases.today()
            data["callback_due"] = cases.working_days_after(today, config.cases.callback_days).isoformat()
            data["rectify_due"] = cases.working_days_after(today, config.cases.rectify_days).isoformat()
        return cases._append(record, facts, None, [("rated", data)])


def rate_by_code(
    config: Config,
    tracking_code: str,
    case_number: str,
    level: str,
    reasons=(),
    text: str = "",
    *,
    channel: str,
) -> CaseFacts:
    """The resident's one way in (kiosk or phone): they hold the tracking code of the visit.

    Raises CaseRefused with words a resident can read (TextRefused, naming the
    field, for a character no input accepts)."""
    resident_channel(channel)
    plain_check("code", str(tracking_code or ""))
    plain_check("case", str(case_number or ""))
    code = tracking.read(tracking_code)
    try:
        number = normalise_number(case_number)
    except CaseRefused:
        raise CaseRefused("unknown_case_for_code", case=(case_number or "").strip()[:20]) from None
    record = CaseRecord.get_or_none((CaseRecord.tracking_code == code) & (CaseRecord.number == number))
    if record is None:
        raise CaseRefused("unknown_case_for_code", case=number)
    return _rate(config, record, level, reasons, text, channel)


def _follow_step(config: Config, case, staff, kind: str, note: str) -> CaseFacts:
    leader = find_staff(staff)
    if leader.role != "leader":
        raise CaseRefused("leader_only", staff=leader.code)
    cases = CaseStore(config)

    def check(facts: CaseFacts) -> None:
        if facts.followup != "open":
            raise CaseRefused("no_followup", case=facts.number)
        done = facts.called_back_at if kind == "called_back" else facts.rectified_at
        if done is not None:
            raise CaseRefused("already_" + kind, case=facts.number)

    words = plain_check("note", (note or "").strip(), lines=True)
    return cases._step(case, leader, kind, check, lambda record, facts: {"note": words})


def called_back(config: Config, case, staff, note: str = "") -> CaseFacts:
    """The leader called the resident back about a 差评."""
    return _follow_step(config, case, staff, "called_back", note)


def rectified(config: Config, case, staff, note: str = "") -> CaseFacts:
    """What the 差评 pointed at has been put right."""
    return _follow_step(config, case, staff, "rectified", note)


def followup_counts(config: Config) -> tuple[int, int]:
    """The 差评 follow-ups open now, and how many of them are past a deadline (as
    :func:`followups` marks them), from the projection: a count, however long the hall's past."""
    today = clock.service_day(config.zone)
    still_open = CaseState.select().where(CaseState.followup == "open")
    late = still_open.where(
        (~CaseState.called_back & (CaseState.callback_due < today))
        | (~CaseState.rectified & (CaseState.rectify_due < today))
    )
    return still_open.count(), late.count()


def followups(config: Config, *, open_only: bool = True) -> list[dict]:
    """差评 follow-ups for the leader, soonest deadline first."""
    today = clock.service_day(config.zone)
    query = CaseRecord.select(*RECORD_FIELDS).join(CaseState, on=(CaseState.case == CaseRecord.id))
    query = query.where(CaseState.followup == "open") if open_only else query.where(CaseState.followup != "")
    # Plain rows, read together: a year of a hall may leave hundreds open, and the month report counts them.
    records = [record_values(row) for row in query.order_by(CaseState.callback_due, CaseRecord.id).dicts()]
    histories = event_rows([record["id"] for record in records])
    items = {item.id: item for item in Item.select(Item.id, Item.name, Item.name_en)} if records else {}
    codes = {person.id: person.code for person in Staff.select(Staff.id, Staff.code)} if records else {}
    out = []
    for record in records:
        facts = fold(record, histories[record["id"]])
        item = items[facts.item_id]
        handler_code = codes[facts.handler_id]
        callback_due, rectify_due = facts.callback_due, facts.rectify_due
        assert callback_due is not None and rectify_due is not None, "a follow-up is opened with both deadlines"
        out.append(
            {
                "number": facts.number,
                "item": item.name,
                "item_en": item.name_en,
                "handler": handler_code,
                "level": facts.rating,
                "tags": list(facts.rating_tags),
                "callback_due": callback_due.isoformat(),
                "rectify_due": rectify_due.isoformat(),
                "called_back": facts.called_back_at is not None,
                "rectified": facts.rectified_at is not None,
                "callback_overdue": facts.called_back_at is None and callback_due < today,
                "rectify_overdue": facts.rectified_at is None and rectify_due < today,
                "state": facts.followup,
            }
        )
    return out
