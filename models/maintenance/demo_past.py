"""The demo hall's past: the working days before today, so it has a history.

:func:`make_demo_past` plays the :data:`PAST_WORKING_DAYS` working days
before today, going back through the weekends and any holiday or 调休 day
among them (the hall calendar decides), before the morning of
:mod:`models.maintenance.demo_history` is played. Each working day is the
same script as the morning, stretched from 08:00 to 16:30 with fewer
residents, then the evening: whoever still waits is served, everyone signs
out (休息) and the duty person ticks and signs the closing checklist. On a
closed day the duty person is in from 9:00 to 16:00. One day someone comes
in late, one day a B person is on approved leave, one day the A person of
window 2 forgets to sign out; so the ledger, the reports, attendance and the
whereabouts history all have days to show.

It runs once, on a hall with no history yet (:func:`make_demo_past` must
come before :func:`~models.maintenance.demo_history.make_demo_history`),
whose staff joined at :func:`past_start`.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from models import clock
from models.calendar import HallCalendar
from models.duty.closing import open_problems_for
from models.errors import Refused
from models.hall import get_setting, put_setting
from models.maintenance.demo_history import NOMINAL_MINUTES, SETTING, _Morning, _posts
from models.schema import Ticket, Window

PAST_WORKING_DAYS = 5
PAST_SETTING = "demo_past_days"
# Residents per line on a past day: a quieter day than the morning shown live.
PAST_TICKETS = {"jisheng": 1, "laobao": 2, "minzheng": 2, "caizheng": 1, "cunzhen": 1, "dangyuan": 1, "xinfang": 1}


def past_days(calendar: HallCalendar, today: date, working: int = PAST_WORKING_DAYS) -> list[date]:
    """Every day from the ``working``-th working day before ``today`` up to yesterday, oldest
    first, going further back until a closed day (weekend, holiday) is among them."""
    day, found, closed = today, 0, False
    while (found < working or not closed) and (today - day).days < 60:
        day -= timedelta(days=1)
        if calendar.is_working_day(day):
            found += 1
        else:
            closed = True
    while not calendar.is_working_day(day) and (today - day).days < 60:
        day -= timedelta(days=1)  # start on a working day, with the closed days after it
    return [day + timedelta(days=i) for i in range((today - day).days)]


def past_start(hall) -> datetime:
    """07:00 on the first day of the demo's past, as naive UTC: when its staff joined."""
    today = clock.service_day(hall.config.zone)
    days = past_days(hall.calendar, today)
    return _local(days[0] if days else today, 7, 0, hall.config.zone)


def make_demo_past(hall) -> dict:
    """Play the days before today into a demo hall with no history yet; returns counts per kind of day."""
    if get_setting(PAST_SETTING) is not None or get_setting(SETTING) is not None:
        return {}
    today = clock.service_day(hall.config.zone)
    previous = clock._frozen
    made = {"working_days": 0, "closed_days": 0, "tickets": 0, "cases": 0}
    days = past_days(hall.calendar, today)
    working = [d for d in days if hall.calendar.is_working_day(d)]
    try:
        for day in days:
            if day in working:
                index = working.index(day)
                got = _PastDay(hall, day, late=index == 1, leave=index == 2, forgets=index == len(working) - 2).play()
                made["working_days"] += 1
                made["tickets"] += got["tickets"]
                made["cases"] += got["cases"]
            else:
                _ClosedDay(hall, day).play()
                made["closed_days"] += 1
    finally:
        clock.set_now(previous)
    put_setting(PAST_SETTING, [d.isoformat() for d in days])
    return made


def _local(day: date, hour: int, minute: int, zone) -> datetime:
    return clock.to_utc(datetime.combine(day, time(hour, minute), zone))


class _PastDay(_Morning):
    line_tickets = PAST_TICKETS

    def __init__(self, hall, day: date, *, late: bool, leave: bool, forgets: bool):
        super().__init__(hall)
        self.today = day
        self.start, self.end = _local(day, 8, 0, self.zone), _local(day, 17, 30, self.zone)
        self.day_start = _local(day, 0, 0, self.zone)
        self.now = _local(day, 17, 30, self.zone)
        self.scale = 510 / NOMINAL_MINUTES  # the nominal morning stretched over 08:00-16:30
        self.random.seed(day.toordinal())
        self.leave_today = leave
        self.forgets = forgets
        if late:  # an A person who is not on duty that day (the duty person comes early)
            on_duty = set(self.duty.on_duty(day).people)
            self.late = next((p["A"] for _n, p in sorted(_posts().items()) if p.get("A") not in on_duty), None)

    def play(self) -> dict:
        self.posts = posts = _posts()
        self.leader = self._leader()
        self._arrive(posts)
        self._tickets_and_windows(posts)
        self._evening(posts)
        return self.made

    def _arrive(self, posts) -> None:
        super()._arrive(posts)
        for number in sorted(posts):  # whoever the morning's script leaves out comes in too
            code = posts[number].get("B")
            if code and self.where.state_of(code).state == "not_in":
                self._state(4, code, "on_duty")

    def _evening(self, posts) -> None:
        """Everyone back, whoever waits served, everyone out, the closing checklist signed."""
        minute = NOMINAL_MINUTES + 2
        people = [p for number in sorted(posts) for p in (posts[number].get("A"), posts[number].get("B")) if p]
        for code in people:
            if self.where.state_of(code).state not in ("leave", "on_duty"):
                self._state(minute, code, "on_duty")
        self.go(minute + 3)
        for ticket in (
            Ticket.select(Ticket, Window)
            .join(Window, on=(Ticket.window == Window.id))
            .where((Ticket.service_day == self.today) & Ticket.status.in_(("called", "serving")))
        ):
            self._finish(ticket.window.number, ticket.number, ticket.called_by.code if ticket.called_by else None)
        for number in sorted(posts):
            while True:
                self.go(minute + 5)
                staff = self._coverer(number, posts)
                try:
                    called = self.queue.call_next(number, staff)
                except Refused:
                    break
                self._finish(number, called.number, staff)
        duty = self.duty.on_duty(self.today)
        duty_person = duty.staff[0] if duty.staff else posts.get(1, {}).get("A")
        forgetful = posts.get(2, {}).get("A") if self.forgets else None
        for code in [*people, self.leader]:
            if code and code not in (duty_person, forgetful):
                self._state(minute + 10, code, "resting")
        self._closing(duty_person, minute + 15)
        self._state(minute + 40, duty_person, "resting")

    def _closing(self, duty_person: str | None, minute: float) -> None:
        if not duty_person:
            return
        try:
            for index in range(len(self.duty.items("closing"))):
                self.go(minute + index)
                self.duty.tick(self.today, "closing", index, duty_person)
                self.made["ticks"] += 1
            self.go(minute + 10)
            # The duty person writes what was done about each problem still open, as the closing asks.
            answers = {key: "已处理" for key in open_problems_for(self.today)}
            self.duty.sign_off(self.today, "closing", duty_person, answers=answers)
        except Refused:
            pass  # a day left unsigned is a day the next leader is told about


class _ClosedDay(_PastDay):
    """A weekend or holiday: the duty person in from 9:00 to 16:00, nobody else."""

    def __init__(self, hall, day: date):
        super().__init__(hall, day, late=False, leave=False, forgets=False)

    def play(self) -> dict:
        duty = self.duty.on_duty(self.today)
        for code in duty.people:
            clock.set_now(_local(self.today, 9, 0, self.zone))
            self._set(code, "on_duty")
            clock.set_now(_local(self.today, 16, 0, self.zone))
            self._set(code, "resting")
        return self.made

    def _set(self, code: str, state: str) -> None:
        try:
            self.where.set_state(code, state)
            self.made["states"] += 1
        except Refused:
            pass
