"""The written notices a resident is handed (or sent), and the public notice board.

One function, :func:`notice_text`, writes every notice as plain text in the
resident's language: consultation receipt (咨询件受理通知书), promise notice
(承诺件), supplement notice (补充件通知书: every missing material at once),
return notice (退回件: the written reason), extension notice (延期办结:
new date and reason), escalation notice (上报件: the authority's date),
completion notice (办结告知) and petition receipt (信访件).

All words come from the locale files (``notice.*``); the greeting and the
closing follow the polite phrases of DOMAIN §9.
"""

from __future__ import annotations

from datetime import date, datetime

from models import clock
from models.cases.rules import NOTICE_KINDS, CaseFacts, CaseRefused
from models.cases.store import facts_of, find_record
from models.config import Config
from models.i18n import pick, t
from models.queue import tracking
from models.schema import Item, Window
from models.schema.cases import CaseRecord, CaseState


def format_date(day: date, language: str) -> str:
    return t("notice.date_format", language, year=day.year, month=day.month, day=day.day)


def format_datetime(instant: datetime, config: Config, language: str) -> str:
    moment = clock.local(instant, config.zone)
    return t(
        "notice.datetime_format",
        language,
        year=moment.year,
        month=moment.month,
        day=moment.day,
        hour=moment.hour,
        minute=moment.minute,
    )


def _local_date(instant: datetime | None, config: Config) -> date | None:
    """The hall's date of a stored instant; None for None."""
    return clock.local(instant, config.zone).date() if instant is not None else None


def applies(facts: CaseFacts, notice_kind: str) -> bool:
    """Whether this notice can be written for the case as it stands."""
    return {
        "consultation_receipt": facts.opened_kind == "consultation",
        "promise": facts.kind in ("promised", "supplement")
        and facts.state == "in_progress"
        and facts.due_date is not None,
        "supplement": facts.state == "waiting_materials" and bool(facts.missing),
        "return": facts.state == "returned",
        "extension": facts.extensions > 0,
        "escalation": bool(facts.authority and facts.authority_due),
        "completion": facts.state in ("to_notify", "closed"),
        "petition_receipt": facts.opened_kind == "petition",
    }[notice_kind]


def applicable_notices(facts: CaseFacts) -> tuple[str, ...]:
    """Every notice (of NOTICE_KINDS, in that order) that can be written for the case as it stands."""
    return tuple(kind for kind in NOTICE_KINDS if applies(facts, kind))


# The notice handed over at the counter when a case is opened, most specific first.
_COUNTER_NOTICES = (
    "supplement",
    "return",
    "escalation",
    "petition_receipt",
    "promise",
    "consultation_receipt",
    "completion",
)


def counter_notice(facts: CaseFacts) -> str | None:
    """Which notice (of NOTICE_KINDS) to hand the resident for a case just opened; None: none applies."""
    return next((kind for kind in _COUNTER_NOTICES if applies(facts, kind)), None)


def material_detail(material: dict, language: str) -> str:
    parts = []
    if material.get("original"):
        parts.append(t("notice.material_original", language))
    if material.get("copies"):
        parts.append(t("notice.material_copies", language, n=material["copies"]))
    if material.get("photos"):
        size = pick(material.get("photo_size", ""), material.get("photo_size_en", ""), language)
        parts.append(t("notice.material_photos", language, n=material["photos"], size=size))
    if material.get("form"):
        parts.append(t("notice.material_form", language))
    note = pick(material.get("note", ""), material.get("note_en", ""), language)
    if note:
        parts.append(note)
    return t("notice.material_detail", language, detail=t("notice.list_sep", language).join(parts)) if parts else ""


def notice_text(config: Config, case, notice_kind: str, language: str = "zh") -> str:
    """The notice ``notice_kind`` (see NOTICE_KINDS) for ``case``, as plain text."""
    if notice_kind not in NOTICE_KINDS:
        raise CaseRefused("bad_notice", notice=notice_kind)
    record = find_record(case)
    facts = facts_of(record)
    if not applies(facts, notice_kind):
        raise CaseRefused("notice_not_applicable", case=facts.number, notice=t(f"notice.title_{notice_kind}", language))
    lang = language
    item = Item.get_by_id(facts.item_id)
    window = Window.get_by_id(facts.window_id) if facts.window_id else None
    hall = pick(config.hall_name, config.hall_name_en, lang)
    place = t("notice.place_window", lang, window=window.number) if window is not None else t("notice.place_hall", lang)
    day = lambda d: format_date(d, lang) if d else ""  # noqa: E731

    lines = [hall, t(f"notice.title_{notice_kind}", lang), ""]
    lines.append(t("notice.case_number", lang, number=facts.number))
    lines.append(t("notice.tracking_code", lang, code=tracking.display(facts.tracking_code)))
    lines.append(t("notice.item", lang, item=pick(item.name, item.name_en, lang)))
    lines.append(t("notice.accepted_at", lang, at=format_datetime(facts.accepted_at, config, lang)))
    if window is not None:
        lines.append(t("notice.window", lang, window=window.number, name=pick(window.name, window.name_en, lang)))
        if window.phone:
            lines.append(t("notice.window_phone", lang, phone=window.phone))
    lines += ["", t("notice.greeting", lang)]

    if notice_kind == "consultation_receipt":
        lines.append(t("notice.body_consultation_receipt", lang, place=place))
        if facts.reply_due and facts.state == "in_progress":
            lines.append(t("notice.body_reply_due", lang, due=day(facts.reply_due)))
        if facts.result:
            lines.append(t("notice.answer", lang, result=facts.result))
    elif notice_kind == "promise":
        if facts.materials_received_at:
            lines.append(t("notice.body_promise_restart", lang, days=facts.promised_days, due=day(facts.due_date)))
        else:
            lines.append(t("notice.body_promise", lang, due=day(facts.due_date)))
    elif notice_kind == "supplement":
        lines.append(t("notice.body_supplement", lang, place=place, days=facts.promised_days))
        materials = {m.get("name"): m for m in (item.data or {}).get("materials") or []}
        for index, name in enumerate(facts.missing, start=1):
            entry = materials.get(name)
            if entry is not None:
                label = pick(entry.get("name", ""), entry.get("name_en", ""), lang) + material_detail(entry, lang)
            else:
                label = name
            lines.append(t("notice.material_line", lang, index=index, name=label))
        lines.append(t("notice.body_supplement_once", lang))
    elif notice_kind == "return":
        lines.append(t("notice.body_return", lang, reason=facts.return_reason, place=place))
    elif notice_kind == "extension":
        lines.append(
            t(
                "notice.body_extension",
                lang,
                reason=facts.extension_reason,
                due=day(facts.extended_to),
                old_due=day(facts.previous_due),
            )
        )
    elif notice_kind == "escalation":
        lines.append(t("notice.body_escalation", lang, authority=facts.authority, due=day(facts.authority_due)))
    elif notice_kind == "completion":
        lines.append(t("notice.body_completion", lang, date=day(_local_date(facts.completed_at, config))))
        if facts.result:
            lines.append(t("notice.result", lang, result=facts.result))
        lines.append(t("notice.body_completion_check", lang, place=place))
    elif notice_kind == "petition_receipt":
        if facts.subject:
            lines.append(t("notice.petition_subject", lang, subject=facts.subject))
        lines.append(t("notice.body_petition_receipt", lang, due=day(facts.due_date or facts.extended_to)))
        if facts.result_due:
            lines.append(t("notice.petition_result", lang, due=day(facts.result_due)))

    lines.append(t("notice.track", lang, code=tracking.display(facts.tracking_code)))
    lines += [
        "",
        t("notice.closing", lang),
        "",
        t("notice.signature", lang, hall=hall, date=day(clock.service_day(config.zone))),
    ]
    return "\n".join(lines)


def public_notices(config: Config, limit: int = 50) -> list[dict]:
    """办结公告 for the notice board: newest first, no personal data (checked when published)."""
    rows = (
        CaseRecord.select()
        .join(CaseState, on=(CaseState.case == CaseRecord.id))
        .where(CaseState.published == True)  # noqa: E712
        .order_by(CaseRecord.id.desc())
        .limit(limit)
    )
    notices = []
    for record in rows:
        facts = facts_of(record)
        item = Item.get_by_id(facts.item_id)
        published_on, completed_on = _local_date(facts.published_at, config), _local_date(facts.completed_at, config)
        assert published_on is not None and completed_on is not None, "only a completed case is published"
        notices.append(
            {
                "number": facts.number,
                "item": item.name,
                "item_en": item.name_en,
                "text": facts.public_text,
                "published_on": published_on.isoformat(),
                "completed_on": completed_on.isoformat(),
            }
        )
    notices.sort(key=lambda n: (n["published_on"], n["number"]), reverse=True)
    return notices
