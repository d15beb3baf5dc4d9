"""Where a tracking code's matter stands, as steps: what a big screen shows at a glance.

From the public view of ``models/`` only (:func:`models.cases.public_view.public_view`):
the case the resident most likely came about (the first one still open, else
the last), or the ticket when there is no case. Each step is done, the
current one, or still to come; a step's time is the day or hour it was
reached (or is due). The words are the locale's.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.i18n import pick, t


@dataclass(frozen=True)
class Step:
    label: str
    when: str = ""
    state: str = "todo"  # "done" | "now" | "todo"
    warn: bool = False  # the matter stopped here (returned, missed its call, waiting for materials)


@dataclass(frozen=True)
class Progress:
    number: str  # drawn big: the ticket's number, or the case's when it came without a ticket
    state: str  # the state in words, in a band
    tone: str  # "ok" | "warn" | ""
    detail: str  # the one line under it: people ahead, the window, the date promised
    steps: tuple[Step, ...]


def _date(value: str | None, lang: str) -> str:
    if not value:
        return ""
    _year, month, day = (int(x) for x in value[:10].split("-"))
    return t("time.date_format", lang, month=month, day=day)


def _time(value: str | None, lang: str) -> str:
    if not value or "T" not in value:
        return ""
    hour, minute = (int(x) for x in value.split("T", 1)[1][:5].split(":"))
    return t("kiosk.clock_time", lang, hour=hour, minute=minute)


def main_case(cases: list[dict]) -> dict | None:
    return next((case for case in cases if case.get("state") not in ("closed", "returned")), None) or (
        cases[-1] if cases else None
    )


def _marked(labels: list[tuple[str, str]], reached: int, *, finished: bool, warn: bool = False) -> tuple[Step, ...]:
    """Steps up to ``reached`` done and that one current (done too when ``finished``), the rest to come."""
    steps = []
    for index, (label, when) in enumerate(labels):
        state = "done" if index < reached or (index == reached and finished) else "now" if index == reached else "todo"
        steps.append(Step(label, when, state, warn and index == reached))
    return tuple(steps)


def _case_progress(view: dict, case: dict, lang: str) -> Progress:
    state = case.get("state", "")
    ticket = view.get("ticket") or {}
    number = ticket.get("number") or case.get("number") or ""
    due = case.get("extended_to") or case.get("due_date")
    words = t(f"case.state_{state}", lang)
    if state == "returned":
        steps = _marked(
            [
                (t("kiosk.step_accepted", lang), _date(case.get("accepted_on"), lang)),
                (t("case.state_returned", lang), ""),
            ],
            1,
            finished=True,
            warn=True,
        )
        detail = t("kiosk.result_returned", lang, reason=case.get("return_reason") or "-")
        return Progress(number, words, "warn", detail, steps)
    working = t("case.state_waiting_materials" if state == "waiting_materials" else "case.state_in_progress", lang)
    labels = [
        (t("kiosk.step_accepted", lang), _date(case.get("accepted_on"), lang)),
        (working, t("kiosk.step_due", lang, date=_date(due, lang)) if due and state == "in_progress" else ""),
        (t("kiosk.step_completed", lang), _date(case.get("completed_on"), lang)),
        (t("kiosk.step_told", lang), ""),
    ]
    reached = {"in_progress": 1, "waiting_materials": 1, "to_notify": 3, "closed": 3}.get(state, 1)
    steps = _marked(labels, reached, finished=state == "closed", warn=state == "waiting_materials")
    if state == "waiting_materials":
        names = [
            pick(m.get("name", ""), m.get("name_en", ""), lang) if isinstance(m, dict) else str(m)
            for m in case.get("missing") or []
        ]
        detail = t("kiosk.result_missing", lang, materials=t("kiosk.list_separator", lang).join(names) or "-")
    elif due and state == "in_progress":
        detail = t("kiosk.result_due", lang, date=_date(due, lang))
    elif case.get("completed_on"):
        detail = t("kiosk.result_completed", lang, date=_date(case["completed_on"], lang))
    else:
        detail = ""
    tone = "warn" if state == "waiting_materials" or case.get("overdue") else "ok"
    return Progress(number, words, tone, detail, steps)


def _ticket_progress(ticket: dict, lang: str) -> Progress:
    state = ticket.get("state", "")
    sep = t("kiosk.list_separator", lang)
    labels = [
        (t("kiosk.step_taken", lang), _time(ticket.get("issued_at"), lang)),
        (t("ticket.state_waiting", lang), ""),
        (t("ticket.state_called", lang), ""),
        (t("ticket.state_serving", lang), ""),
        (t("ticket.state_done", lang), ""),
    ]
    words = t(f"ticket.state_{state}", lang)
    if state == "waiting":
        ahead = ticket.get("ahead") or 0
        detail = t("kiosk.result_ahead", lang, ahead=ahead) if ahead else t("kiosk.ticket_next", lang)
        windows = sep.join(str(w) for w in ticket.get("windows") or []) or "-"
        detail += t("kiosk.step_separator", lang) + t("kiosk.ticket_window", lang, windows=windows)
        return Progress(ticket["number"], words, "ok", detail, _marked(labels, 1, finished=False))
    if state in ("called", "serving"):
        detail = t("kiosk.ticket_window", lang, windows=ticket.get("window") or "-")
        return Progress(
            ticket["number"], words, "ok", detail, _marked(labels, 2 if state == "called" else 3, finished=False)
        )
    if state == "done":
        return Progress(ticket["number"], words, "ok", "", _marked(labels, 4, finished=True))
    # Missed the call, or the day ended before it: the steps stop where the ticket stopped.
    detail = t("kiosk.result_no_show", lang) if state == "no_show" else ""
    stopped = [*labels[:2], (words, "")]
    return Progress(ticket["number"], words, "warn", detail, _marked(stopped, 2, finished=True, warn=True))


def progress(view: dict, lang: str) -> Progress | None:
    """The matter's progress, or None when the view has neither a case nor a ticket."""
    case = main_case(view.get("cases") or [])
    if case is not None:
        return _case_progress(view, case, lang)
    ticket = view.get("ticket")
    return _ticket_progress(ticket, lang) if ticket else None
