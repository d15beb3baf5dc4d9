"""The top line of every kiosk screen: hall name, whether tickets are issued now, date and time."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from models import clock
from shared_ui.plain import plain
from shared_ui.words import name_of, tr


def format_now(app) -> str:
    """Today's date, weekday and time in the hall's zone and the app's language."""
    moment = clock.local(clock.now(), app.hall.config.zone)
    weekdays = tr("kiosk.weekdays").split(",")
    months = tr("kiosk.months").split(",")
    return tr(
        "kiosk.now_format",
        year=moment.year,
        month=moment.month,
        month_name=months[moment.month - 1],
        day=moment.day,
        weekday=weekdays[moment.weekday()],
        hour=moment.hour,
        minute=moment.minute,
    )


def issuing_state(app) -> tuple[str, object]:
    """("open", None) or why not and when next (:meth:`models.calendar.HallCalendar.issuing_pause`),
    a closing sign-off as the app last learned it counting as "ended"."""
    if app.day_closed and (
        app.day_closed_next is None or clock.local(clock.now(), app.day_closed_next.tzinfo) < app.day_closed_next
    ):
        return "ended", app.day_closed_next
    return app.hall.calendar.issuing_pause()


def issuing_text(app) -> tuple[str, bool]:
    """(text, open) about ticket issuing: the hall calendar, and the day's
    closing sign-off as the app last learned it (no database call here: this
    runs on the UI thread every second). 「今天的取号已经结束」 only when it has:
    before the first session, at lunch and on a rest day it says when tickets start."""
    if getattr(app, "db_lost", ""):
        return tr("outage.issuing"), False
    state, nxt = issuing_state(app)
    reason = getattr(app, "day_closed_reason", "") if state == "ended" and app.day_closed else ""
    if state == "open":
        return tr("kiosk.issuing_open"), True
    if nxt is None:
        return tr("kiosk.issuing_closed_no_next"), False
    at = tr("kiosk.clock_time", hour=nxt.hour, minute=nxt.minute)
    today = clock.local(clock.now(), nxt.tzinfo).date()
    if state in ("before", "lunch") and nxt.date() == today:
        return tr(f"kiosk.issuing_{state}", time=at), False
    if state == "rest_day" and 0 < (nxt.date() - today).days <= 6:
        day = tr("kiosk.rest_weekday", weekday=tr("kiosk.weekdays").split(",")[nxt.weekday()])
        return tr("kiosk.issuing_rest_day", day=day, time=at), False
    when = tr("time.datetime_format", month=nxt.month, day=nxt.day, hour=nxt.hour, minute=nxt.minute)
    if reason:
        return tr("kiosk.issuing_closed_early", next=when, reason=reason), False
    return tr("kiosk.issuing_closed", next=when), False


def header_text(app) -> tuple[str, bool]:
    """The header's few words: open, or why not."""
    state, nxt = issuing_state(app)
    if state == "open":
        return tr("kiosk.header_open"), True
    if state in ("before", "lunch") and nxt is not None:
        return tr(f"kiosk.header_{state}", time=tr("kiosk.clock_time", hour=nxt.hour, minute=nxt.minute)), False
    return tr(f"kiosk.header_{state}" if state in ("rest_day", "ended") else "kiosk.header_closed"), False


class HallHeader(Horizontal):
    def compose(self) -> ComposeResult:
        yield Static(id="hall-name")
        yield Static(id="issuing")
        yield Static(id="now")

    def on_mount(self) -> None:
        self.update_texts()
        self.set_interval(1.0, self.update_texts)

    def update_texts(self) -> None:
        app = self.app
        config = app.hall.config
        self.query_one("#hall-name", Static).update(plain(name_of(config.hall_name, config.hall_name_en)))
        lost = bool(getattr(app, "db_lost", ""))
        text, is_open = (tr("outage.header"), False) if lost else header_text(app)
        issuing = self.query_one("#issuing", Static)
        issuing.update(text)
        issuing.set_class(is_open, "-open")
        issuing.set_class(not is_open, "-closed")
        self.query_one("#now", Static).update(format_now(app))
