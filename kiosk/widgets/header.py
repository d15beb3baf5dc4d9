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


def issuing_text(app) -> tuple[str, bool]:
    """(text, open) about ticket issuing: the hall calendar, and the day's
    closing sign-off as the app last learned it (no database call here: this
    runs on the UI thread every second)."""
    if getattr(app, "db_lost", ""):
        return tr("outage.issuing"), False
    calendar = app.hall.calendar
    reason = ""
    if app.day_closed and (
        app.day_closed_next is None or clock.local(clock.now(), app.day_closed_next.tzinfo) < app.day_closed_next
    ):
        nxt = app.day_closed_next
        reason = getattr(app, "day_closed_reason", "")
    elif calendar.issuing_now():
        return tr("kiosk.issuing_open"), True
    else:
        nxt = calendar.next_issuing()
    if nxt is None:
        return tr("kiosk.issuing_closed_no_next"), False
    when = tr("time.datetime_format", month=nxt.month, day=nxt.day, hour=nxt.hour, minute=nxt.minute)
    if reason:
        return tr("kiosk.issuing_closed_early", next=when, reason=reason), False
    return tr("kiosk.issuing_closed", next=when), False


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
        is_open = not lost and app.hall.calendar.issuing_now()
        issuing = self.query_one("#issuing", Static)
        issuing.update(tr("outage.header") if lost else tr("kiosk.header_open" if is_open else "kiosk.header_closed"))
        issuing.set_class(is_open, "-open")
        issuing.set_class(not is_open, "-closed")
        self.query_one("#now", Static).update(format_now(app))
