"""The queue engine: taking tickets and moving them through the windows.

Every change is one transaction that also appends an event row, so other
processes see it and a crash leaves either all of it or none of it.

Numbering: a counter row per (prefix, service day) is bumped with an upsert
in the same transaction as the ticket insert, which makes numbers unique and
gap-free under concurrent kiosks (a rolled-back take rolls the counter back).

Calling: the next ticket is chosen and claimed inside one transaction. On
SQLite the transaction is BEGIN IMMEDIATE, so choosing and claiming cannot
interleave with another writer; on PostgreSQL the chosen row is locked with
``FOR UPDATE SKIP LOCKED``, so two windows never get the same ticket.

Calling order for a window, among the waiting tickets of the lines it serves
(and not sent to another window by a transfer):

1. residents who missed their call and came back (placed next in line);
2. booked residents (预约) checked in on time, once their slot has come, unless
   the last ``appointments.booked_streak`` calls for these lines were all
   booked and a walk-in is waiting;
3. priority tickets (绿色通道), unless the last ``priority_streak`` calls for
   these lines were all priority and a normal ticket is waiting;
4. everyone else, by original arrival time (kept through transfers).

One module, though long: taking, calling and moving a ticket share one
transaction shape, the hot statements of :mod:`models.queue.sql` and the
ticket lookups, and the calling order above is read best beside its code.
"""

from __future__ import annotations

import math
import time as _time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from typing import Any, Protocol

from peewee import IntegrityError

from models import clock, events
from models.calendar import HallCalendar, in_season, next_season_start
from models.config import Config
from models.db import database, is_postgres
from models.errors import NotFound, Refused
from models.i18n import pick, t
from models.queue import pauses, tracking
from models.queue.day_end import end_days_before
from models.queue.day_hold import DAY_LOCK_SPACE, closed_for_day, refuse_closed_day
from models.queue.service_minutes import RecentMinutes
from models.queue.sql import line_windows, statement
from models.schema import Line, Staff, StaffPost, Ticket, Window, WindowLine
from models.schema.appointments import BookedTicket
from models.staff.accounts import find_staff
from models.staff.whereabouts import Whereabouts

_MEDIAN_CACHE_SECONDS = 60.0
_MEDIAN_OVER = 500  # the line's latest finished tickets the expected wait is the median of


class PlaceInLine(Protocol):
    """What people_ahead reads of a ticket: a Ticket row, or the public view's hand-read row."""

    @property
    def id(self) -> int: ...
    @property
    def status(self) -> str: ...
    @property
    def line_id(self) -> int: ...
    @property
    def service_day(self) -> Any: ...
    @property
    def arrival_at(self) -> Any: ...
    @property
    def priority(self) -> bool: ...
    @property
    def front(self) -> bool: ...


@dataclass(frozen=True)
class _ItemRow:
    """The columns of an item and its line that taking a ticket needs."""

    id: int
    code: str
    name: str
    name_en: str
    retired: bool
    open_from: str | None
    open_to: str | None
    service_minutes: int
    line_id: int
    prefix: str
    line_code: str
    line_name: str
    line_name_en: str
    line_retired: bool


@dataclass(frozen=True)
class TicketReceipt:
    """What a resident is told when a ticket is issued."""

    number: str
    tracking_code: str  # display form, XXXX-XXXX-XXXX
    item: str
    item_name: str
    item_name_en: str
    line: str
    line_name: str
    line_name_en: str
    windows: tuple[int, ...]
    ahead: int
    wait_minutes: int
    priority: bool
    issued_at: datetime
    service_day: date

    def as_dict(self) -> dict:
        data = asdict(self)
        data["windows"] = list(self.windows)
        data["issued_at"] = self.issued_at.isoformat() + "Z"
        data["service_day"] = self.service_day.isoformat()
        return data


@dataclass(frozen=True)
class CalledTicket:
    number: str
    window: int
    item: str
    item_name: str
    line: str
    priority: bool
    recalls: int
    returned: bool
    transferred: bool
    issued_at: datetime
    called_at: datetime | None

    def as_dict(self) -> dict:
        data = asdict(self)
        data["issued_at"] = self.issued_at.isoformat() + "Z"
        data["called_at"] = self.called_at.isoformat() + "Z" if self.called_at else None
        return data


def called_ticket(ticket: Ticket) -> CalledTicket:
    return CalledTicket(
        number=ticket.number,
        window=ticket.window.number if ticket.window_id else 0,
        item=ticket.item.code,
        item_name=ticket.item.name,
        line=ticket.line.code,
        priority=ticket.priority,
        recalls=ticket.recalls,
        returned=ticket.returned,
        transferred=ticket.transfers > 0,
        issued_at=ticket.issued_at,
        called_at=ticket.called_at,
    )


def _own_cover_day_start(config: Config) -> Callable[[date], object]:
    # Whether a window was covered at yesterday's end does not hang on the duty
    # roster (a rest day's 休息 covers no window, no more than 未到岗 does), so
    # the whereabouts need no roster for it.
    return Whereabouts(config).start_day


class Queue:
    def __init__(self, config: Config, cover_day_start: Callable[[date], object] | None = None):
        """``cover_day_start`` starts the windows' cover for a new day (the hall's
        whereabouts' :meth:`~models.staff.cover.CoverRules.start_day`); without one
        the queue makes its own, so no queue, wherever it is built, ends yesterday's
        tickets and leaves yesterday's windows open."""
        self.config = config
        self.calendar = HallCalendar(config)
        self._medians: dict[int, tuple[float, RecentMinutes]] = {}  # line → (read at, its latest minutes)
        self._ended_before: date | None = None  # days before this one are ended (this process saw to it)
        self._found_someone: set[int] = set()  # windows whose last call here claimed a ticket
        # What the first look at a new day does besides ending the earlier days' tickets,
        # each once per day across processes: first the windows' cover, always.
        self.day_starts: list[Callable[[date], object]] = [cover_day_start or _own_cover_day_start(config)]

    def today(self) -> date:
        """The service day now, with every earlier day ended: whatever looks at
        the queue asks this first, so the first look at a new day gives the
        tickets still open from before their final state (once per process and
        day; the move itself is once per ticket, :mod:`models.queue.day_end`), and
        starts the day for the :attr:`day_starts` hooks."""
        day = clock.service_day(self.config.zone)
        if self._ended_before != day:
            end_days_before(day, "next_day")
            for start in self.day_starts:
                start(day)
            self._ended_before = day
        return day

    # --- taking a ticket -------------------------------------------------

    def take(
        self, item_code: str, *, priority: bool = False, request_id: str | None = None, booked: bool = False
    ) -> TicketReceipt:
        """Issue a ticket for ``item_code``; the same ``request_id`` twice gives the same ticket.
        A ``booked`` resident checking in (models.appointments) is taken whatever the issuing
        hours: the booking's slot lies in the day's sessions, its check-in opens before them."""
        postgres = is_postgres()
        if request_id:
            existing = self._ticket_for_request(request_id, postgres)
            if existing is not None:
                return self.receipt(existing)
        self.today()
        try:
            # Everything is read inside the write, so a closing sign-off cannot
            # land between the checks and the ticket (the day is held: duty.hold_day).
            with database.atomic():
                day = clock.service_day(self.config.zone)
                held = (DAY_LOCK_SPACE, day.toordinal()) if postgres else ()
                row = database.execute_sql(statement("item_for_ticket", postgres), (*held, item_code)).fetchone()
                if postgres and clock.service_day(self.config.zone) != day:
                    # The day ended while we waited for it (models.queue.day_end): never a ticket of an ended day.
                    raise _DayTurned
                if row is None:
                    raise NotFound("unknown_item", item=item_code)
                item, windows = _ItemRow(*row[:-1]), line_windows(row[-1])
                self._check_can_issue(item, day, hours=not booked)
                code, at = tracking.new_code(), clock.now()
                ticket_id, number, ahead, prev, closing = self._issue(item, day, priority, request_id, code, at)
                # Refused after the insert as well as before it: the refusal rolls both back.
                if closing is not None:
                    refuse_closed_day(self.config, day, closing)
                resuming = self._resuming(windows)
                if not any(not paused for _number, paused in windows) and not resuming:
                    raise Refused("all_paused", line=pick(item.line_name, item.line_name_en, self.config.language))
                events.record_after(
                    prev, "ticket.taken", ticket_id, number=number, line=item.line_code, priority=priority
                )
        except _DayTurned:
            return self.take(item_code, priority=priority, request_id=request_id, booked=booked)
        except IntegrityError:
            # The same request id raced us from another kiosk: theirs stands.
            existing = self._ticket_for_request(request_id, postgres) if request_id else None
            if existing is None:
                raise
            return self.receipt(existing)
        open_count = sum(1 for _number, paused in windows if not paused)
        return TicketReceipt(
            number=number,
            tracking_code=tracking.display(code),
            item=item.code,
            item_name=item.name,
            item_name_en=item.name_en,
            line=item.line_code,
            line_name=item.line_name,
            line_name_en=item.line_name_en,
            windows=tuple(number for number, _paused in windows),
            ahead=ahead,
            wait_minutes=self._wait(item.line_id, ahead, item.service_minutes, open_count, resuming),
            priority=priority,
            issued_at=at,
            service_day=day,
        )

    def _resuming(self, windows) -> list[datetime]:
        """When the line's paused windows are expected back, for a short pause only (models.queue.pauses)."""
        if any(not paused for _number, paused in windows):
            return []
        times = pauses.resume_times([number for number, _paused in windows])
        return pauses.carrying_resumes(self.calendar, list(times.values()))

    def carried_by_pause(self, window_numbers) -> bool:
        """Whether a line whose windows are all paused still issues: one is expected back before closing."""
        return bool(self._resuming([(number, True) for number in window_numbers]))

    def _ticket_for_request(self, request_id: str, postgres: bool) -> Ticket | None:
        row = database.execute_sql(statement("ticket_by_request", postgres), (request_id,)).fetchone()
        return Ticket.get_by_id(row[0]) if row else None

    def issuing_state(self, open_from: str | None = None, open_to: str | None = None, windows_open: bool = True):
        """Whether a ticket can be taken now, as a screen shows it before anyone taps:
        ("season", opening day), ("closed", None), ("paused", None) or ("open", None).
        The same rules that :meth:`take` enforces, in the same order."""
        today = clock.service_day(self.config.zone)
        if open_from and not in_season(today, open_from, open_to):  # no bounds: always in season
            return "season", next_season_start(today, open_from)
        if not self.calendar.issuing_now() or closed_for_day(today):
            return "closed", None
        if not windows_open:
            return "paused", None
        return "open", None

    def next_issuing(self):
        """When tickets are next issued (aware local), counting a closing sign-off
        today as the end of the day; None when not within the calendar's horizon."""
        today = clock.service_day(self.config.zone)
        if closed_for_day(today):
            return self.calendar.next_issuing(clock.local_days(today, today, self.config.zone)[1])
        return self.calendar.next_issuing()

    def _check_can_issue(self, item: _ItemRow, today, *, hours: bool = True) -> None:
        """What refuses a ticket for the item itself: retired, out of season, outside the hours."""
        language = self.config.language
        name = pick(item.name, item.name_en, language)
        if item.retired or item.line_retired:
            raise Refused("item_retired", item=name)
        if item.open_from and not in_season(today, item.open_from, item.open_to):  # no bounds: always in season
            opens = next_season_start(today, item.open_from)
            raise Refused(
                "out_of_season", item=name, opens=t("time.date_format", language, month=opens.month, day=opens.day)
            )
        if hours and not self.calendar.issuing_now():
            nxt = self.calendar.next_issuing()
            if nxt is None:
                raise Refused("issuing_closed_no_next")
            raise Refused(
                "issuing_closed",
                next=t(
                    "time.datetime_format", language, month=nxt.month, day=nxt.day, hour=nxt.hour, minute=nxt.minute
                ),
            )

    def _issue(self, item: _ItemRow, day, priority: bool, request_id: str | None, code: str, at: datetime):
        """The day's next number for the item's prefix and the ticket under it: returns its id,
        number, the people ahead, the change feed's last digest and the day's standing closing
        (None: none). On PostgreSQL one statement does it all (the counter's bump in a WITH)."""
        columns = (item.id, item.line_id, priority, request_id or None, code, at, at)
        if is_postgres():
            name = "take_priority_ticket" if priority else "take_ticket"
            params = (item.prefix, day, *columns, day)
            ticket_id, number, ahead, prev, closing = database.execute_sql(statement(name, True), params).fetchone()
            return ticket_id, number, ahead, prev, closing
        seq, closing = database.execute_sql(statement("bump_counter", False), (item.prefix, day, day)).fetchone()
        number = f"{item.prefix}{seq:03d}"
        ticket_id, ahead, prev = database.execute_sql(
            statement("insert_priority_ticket" if priority else "insert_ticket", False),
            (number, item.prefix, seq, day, *columns),
        ).fetchone()
        return ticket_id, number, ahead, prev, closing

    # --- what a ticket holder is told -------------------------------------

    def receipt(self, ticket: Ticket) -> TicketReceipt:
        item, line = ticket.item, ticket.line
        ahead = self.people_ahead(ticket)
        return TicketReceipt(
            number=ticket.number,
            tracking_code=tracking.display(ticket.tracking_code),
            item=item.code,
            item_name=item.name,
            item_name_en=item.name_en,
            line=line.code,
            line_name=line.name,
            line_name_en=line.name_en,
            windows=tuple(w.number for w in self.windows_for_line(line.id)),
            ahead=ahead,
            wait_minutes=self.expected_wait(ticket.line_id, ahead, item.service_minutes),
            priority=ticket.priority,
            issued_at=ticket.issued_at,
            service_day=ticket.service_day,
        )

    def people_ahead(self, ticket: Ticket | PlaceInLine) -> int:
        """Waiting tickets of the same line that will be called first.

        An estimate: returned residents go first; a priority ticket counts
        only the priority tickets before it; a normal ticket counts everyone
        who arrived before it.
        """
        if ticket.status != "waiting":
            return 0
        return self._ahead(
            ticket.line_id,
            ticket.service_day,
            ticket.id,
            ticket.arrival_at,
            priority=ticket.priority,
            front=ticket.front,
        )

    def _ahead(
        self, line_id: int, day: date, ticket_id: int, arrival_at: datetime, *, priority: bool, front: bool
    ) -> int:
        name = "ahead_front" if front else "ahead_priority" if priority else "ahead_normal"
        params = (day, line_id, ticket_id, arrival_at, arrival_at, ticket_id)
        return database.execute_sql(statement(name, is_postgres()), params).fetchone()[0]

    def expected_wait(self, line_id: int, ahead: int, item_minutes: int, *, open_windows: int | None = None) -> int:
        """Minutes until called: people ahead × median service minutes ÷ open windows.

        The median is over the line's finished tickets of the last
        ``history_days`` days (start to finish); with no history yet, the
        item's catalogue minutes stand in. Open windows are those serving the
        line and not paused right now.
        """
        resuming: list[datetime] = []
        if not open_windows:  # a caller that has just read the line's windows passes their count
            windows = self.windows_for_line(line_id)
            open_windows = sum(1 for w in windows if not w.paused)
            resuming = self._resuming([(w.number, w.paused) for w in windows])
        return self._wait(line_id, ahead, item_minutes, open_windows, resuming)

    def _wait(
        self, line_id: int, ahead: int, item_minutes: int, open_windows: int, resuming: list[datetime] | None = None
    ) -> int:
        """With every window paused for a short while, the wait starts when the first is back
        and the people ahead share the windows expected back."""
        paused_for = pauses.minutes_until(resuming[0]) if resuming and not open_windows else 0
        serving = open_windows or len(resuming or ())
        if ahead <= 0:
            return paused_for
        median = self._median_service_minutes(line_id) or float(item_minutes or 10)
        return paused_for + math.ceil(ahead * median / max(1, serving))

    def _median_service_minutes(self, line_id: int) -> float | None:
        cached = self._medians.get(line_id)
        if cached and _time.monotonic() - cached[0] < _MEDIAN_CACHE_SECONDS:
            return cached[1].median()
        since = clock.now() - timedelta(days=self.config.tickets.history_days)
        rows = (
            Ticket.select(Ticket.started_at, Ticket.finished_at)
            .where(
                (Ticket.line == line_id)
                & (Ticket.finished_at >= since)
                & Ticket.started_at.is_null(False)
                & (Ticket.status == "done")
            )
            .order_by(Ticket.finished_at.desc())
            .limit(_MEDIAN_OVER)
            .tuples()
        )
        minutes = RecentMinutes(
            ((end - start).total_seconds() / 60 for start, end in rows if end >= start), _MEDIAN_OVER
        )
        self._medians[line_id] = (_time.monotonic(), minutes)
        return minutes.median()

    def _count_finished(self, line_id: int, started: datetime | None, finished: datetime) -> None:
        """This process's own finish joins the line's median at once, without reading the line's
        history again: that read grows with a year of tickets, and a take follows each finish.
        Other processes' finishes come in when the minute's cache runs out."""
        cached = self._medians.get(line_id)
        if cached is not None and started is not None and finished >= started:
            cached[1].add_newest((finished - started).total_seconds() / 60)

    def windows_for_line(self, line_id: int) -> list[Window]:
        return list(
            Window.select()
            .join(WindowLine)
            .where((WindowLine.line == line_id) & ~WindowLine.retired & ~Window.retired)
            .order_by(Window.number)
        )

    def open_windows(self, line_id: int) -> list[Window]:
        return [w for w in self.windows_for_line(line_id) if not w.paused]

    # --- at the window -----------------------------------------------------

    def call_next(self, window_number: int, staff_code: str | None = None) -> CalledTicket:
        """Claim the next ticket for this window; refused when nobody is waiting."""
        postgres = is_postgres()
        staff = self._staff(staff_code, self._window(window_number)) if staff_code else None
        staff_id = staff.id if staff else None
        day = self.today()
        # On SQLite a look without the write lock first, so a call on an empty queue holds up
        # no kiosk; PostgreSQL holds nobody up by reading, and the claim below says it. A window
        # whose last call found someone skips the look: in a busy hour the claim finds the next
        # as soon, a statement sooner, and an empty queue costs it one short hold of the lock.
        if (
            not postgres
            and window_number not in self._found_someone
            and database.execute_sql(
                statement("anyone_waiting_for", postgres), (day, window_number, window_number)
            ).fetchone()
            is None
        ):
            self._window(window_number)  # an unknown window says so rather than "nobody waiting"
            raise Refused("nothing_waiting", window=window_number)
        with database.atomic():
            limit, booked_limit = self.config.tickets.priority_streak, self.config.appointments.booked_streak
            streaks = statement("window_for_call_next", postgres, priority_streak=limit, booked_streak=booked_limit)
            row = database.execute_sql(streaks, (window_number, day, window_number, day, window_number)).fetchone()
            if row is None:
                raise NotFound("unknown_window", window=window_number)
            window_id, paused, streak_full, booked_full = row
            if paused:  # read inside the transaction: a pause that just landed counts
                raise Refused("window_paused", window=window_number)
            # As priority_streak_full and booked_streak_full say.
            direction = "ASC" if limit <= 0 or streak_full else "DESC"
            booked_order = "ASC" if booked_limit <= 0 or booked_full else "DESC"
            at = clock.now()
            claim = (window_id, at, staff_id, staff_id, day, window_id, window_id, at)
            row = database.execute_sql(statement("claim_next", postgres, direction, booked_order), claim).fetchone()
            if row is None:
                self._found_someone.discard(window_number)
                raise Refused("nothing_waiting", window=window_number)
            self._found_someone.add(window_number)
            ticket_id, number, priority, recalls, returned, transfers, issued_at, item_code, item_name = row[:9]
            line_code, booked, prev = row[9], bool(row[10]), row[11]
            events.record_after(
                prev,
                "ticket.called",
                ticket_id,
                number=number,
                window=window_number,
                line=line_code,
                staff=staff.code if staff else None,
                **({"booked": True} if booked else {}),  # the board marks a booked resident's number 「预约」
            )
        counts = (priority, recalls, returned, transfers)
        return _called_row(number, window_number, (item_code, item_name, line_code), counts, issued_at, at)

    def call_number(self, number: str, window_number: int, staff_code: str | None = None) -> CalledTicket:
        """Call a chosen waiting ticket out of turn (叫指定号): only one this window
        could call in turn (its lines, not sent to another window), and not while paused."""
        window = self._window(window_number)
        staff = self._staff(staff_code, window) if staff_code else None
        staff_id = staff.id if staff else None
        with database.atomic():
            row = database.execute_sql(statement("window_for_call", is_postgres()), (window_number,)).fetchone()
            if row is not None and row[1]:  # read inside the transaction: a pause that just landed counts
                raise Refused("window_paused", window=window_number)
            ticket = self._find(number)
            if ticket.status != "waiting":
                raise Refused("ticket_not_waiting", ticket=ticket.number)
            serves = (
                WindowLine.select()
                .where((WindowLine.window == window) & (WindowLine.line == ticket.line_id) & ~WindowLine.retired)
                .exists()
            )
            if not serves or ticket.target_window_id not in (None, window.id):
                raise Refused("ticket_not_for_window", ticket=ticket.number, window=window_number)
            params = (window.id, clock.now(), staff_id, staff_id, ticket.id)
            if database.execute_sql(statement("claim_ticket", is_postgres()), params).rowcount != 1:
                raise Refused("ticket_not_waiting", ticket=ticket.number)  # another window called it first
            booked = BookedTicket.select().where(BookedTicket.ticket == ticket.id).exists()
            events.record(
                "ticket.called",
                ticket.id,
                number=ticket.number,
                window=window_number,
                line=ticket.line.code,
                staff=staff.code if staff else None,
                chosen=True,
                **({"booked": True} if booked else {}),
            )
        return called_ticket(Ticket.get_by_id(ticket.id))

    def priority_streak_full(self, window_id: int, postgres: bool | None = None, day: date | None = None) -> bool:
        """Were the last ``priority_streak`` calls for this window's lines all priority?

        If so, a waiting normal ticket goes first (ordering priority last is
        harmless when none is waiting), so priority never starves the rest.
        :func:`models.queue.view.waiting_list` asks it to list the calling order.
        """
        limit = self.config.tickets.priority_streak
        if limit <= 0:
            return True
        if postgres is None:
            postgres = is_postgres()
        params = (window_id, day or self.today(), limit)
        rows = database.execute_sql(statement("recent_call_priorities", postgres), params).fetchall()
        return len(rows) == limit and all(flag for (flag,) in rows)

    def booked_streak_full(self, window_id: int, postgres: bool | None = None, day: date | None = None) -> bool:
        """Were the last ``booked_streak`` calls for this window's lines all booked residents (预约)?

        If so, a waiting walk-in goes first, as :meth:`priority_streak_full` does for priority,
        so bookings never starve the residents who came without one.
        """
        limit = self.config.appointments.booked_streak
        if limit <= 0:
            return True
        if postgres is None:
            postgres = is_postgres()
        params = (window_id, day or self.today(), limit)
        rows = database.execute_sql(statement("recent_call_booked", postgres), params).fetchall()
        return len(rows) == limit and all(flag for (flag,) in rows)

    def recall(self, number: str, window_number: int) -> CalledTicket:
        """Call the same ticket again (counted)."""
        with database.atomic():
            ticket = self._ticket_at_window(number, window_number, ("called",))
            Ticket.update(recalls=Ticket.recalls + 1, called_at=clock.now()).where(Ticket.id == ticket.id).execute()
            events.record(
                "ticket.recalled", ticket.id, number=ticket.number, window=window_number, recalls=ticket.recalls + 1
            )
        return called_ticket(Ticket.get_by_id(ticket.id))

    def no_show(self, number: str, window_number: int) -> CalledTicket:
        """The resident did not come: allowed once the ticket was recalled at least once."""
        with database.atomic():
            ticket = self._ticket_at_window(number, window_number, ("called",))
            if ticket.recalls < 1:
                raise Refused("no_show_needs_recall", ticket=ticket.number)
            self._move(ticket, "ticket.no_show", status="no_show", no_show_at=clock.now())
        return called_ticket(Ticket.get_by_id(ticket.id))

    def return_no_show(self, number: str) -> CalledTicket:
        """A resident who missed the call came back: next in line, not at the back."""
        with database.atomic():
            ticket = self._find(number)
            if ticket.status != "no_show" or ticket.service_day != self.today():  # a past day's is over
                raise Refused("not_no_show", ticket=ticket.number)
            self._move(ticket, "ticket.returned", status="waiting", front=True, returned=True, target_window=None)
        return called_ticket(Ticket.get_by_id(ticket.id))

    def start(self, number: str, window_number: int) -> CalledTicket:
        with database.atomic():
            ticket = self._ticket_at_window(number, window_number, ("called",))
            self._move(ticket, "ticket.started", status="serving", started_at=clock.now())
        return called_ticket(Ticket.get_by_id(ticket.id))

    def finish(self, number: str, window_number: int) -> CalledTicket:
        """Done at this window. A ticket finished without a start counts from its call.

        A window finishes as often as the kiosks take: today's number goes
        through one hand-written UPDATE, so the write lock is held for that
        statement and its event only (peewee's query building and the lookups
        of the ticket and its window happen nowhere inside it)."""
        text = str(number).strip().upper()
        if text and not any(separator in text for separator in ("/", " ", "@")):
            done = self._finish_today(text, window_number)
            if done is not None:
                return done
        with database.atomic():
            ticket = self._ticket_at_window(number, window_number, ("called", "serving"))
            at = clock.now()
            self._move(
                ticket,
                "ticket.finished",
                status="done",
                finished_at=at,
                started_at=ticket.started_at or ticket.called_at,
            )
        self._count_finished(ticket.line_id, ticket.started_at or ticket.called_at, at)
        return called_ticket(Ticket.get_by_id(ticket.id))

    def _finish_today(self, number: str, window_number: int) -> CalledTicket | None:
        """Today's ticket ``number`` finished at the window; None when the UPDATE found
        nothing to finish (then the ORM path says why, or finishes an older day's)."""
        postgres = is_postgres()
        day = self.today()
        at = clock.now()
        with database.atomic():
            row = database.execute_sql(
                statement("finish_ticket", postgres), (at, number, day, window_number)
            ).fetchone()
            if row is None:
                return None
            ticket_id, item_id, line_id, issued_at, called_at, started_at = row[:3] + row[7:10]
            events.record("ticket.finished", ticket_id, number=number, window=window_number)
        self._count_finished(line_id, _as_datetime(started_at), at)
        names = database.execute_sql(statement("item_and_line", postgres), (line_id, item_id)).fetchone()
        return _called_row(number, window_number, names, row[3:7], issued_at, called_at)

    def transfer(
        self,
        number: str,
        window_number: int,
        *,
        to_line: str | None = None,
        to_window: int | None = None,
        note: str = "",
        staff_code: str | None = None,
    ) -> CalledTicket:
        """Send the resident to another line or window (首问负责: the first responder stays).

        The ticket keeps its number and its original arrival time, so the
        resident does not queue again from the back.
        """
        with database.atomic():
            ticket = self._ticket_at_window(number, window_number, ("called", "serving"))
            target = self._window(to_window) if to_window is not None else None
            if target is not None and target.number == window_number:
                raise Refused("transfer_same_window", ticket=ticket.number, window=window_number)
            line = self._transfer_line(ticket, to_line, target)
            if target is None and line.id == ticket.line_id:
                raise Refused("transfer_same", ticket=ticket.number)
            staff = find_staff(staff_code, active_or=Refused) if staff_code else None
            self._move(
                ticket,
                "ticket.transferred",
                extra={
                    "from_window": window_number,
                    "from_line": ticket.line.code,
                    "to_line": line.code,
                    "to_window": target.number if target else None,
                    "note": note,
                    "staff": staff.code if staff else None,
                },
                status="waiting",
                line=line,
                target_window=target,
                front=False,
                transfers=ticket.transfers + 1,
                transfer_note=note,
                first_responder=ticket.first_responder_id or (staff.id if staff else ticket.called_by_id),
            )
        return called_ticket(Ticket.get_by_id(ticket.id))

    def _transfer_line(self, ticket: Ticket, to_line: str | None, target: Window | None) -> Line:
        if to_line:
            line = Line.get_or_none(Line.code == to_line)
            if line is None:
                raise NotFound("unknown_line", line=to_line)
            if line.retired:
                raise Refused("line_retired", line=pick(line.name, line.name_en, self.config.language))
            return line
        if target is None:
            raise Refused("transfer_same", ticket=ticket.number)
        served = [link.line for link in target.line_links if not link.retired]
        if any(line.id == ticket.line_id for line in served):
            return ticket.line
        return served[0]

    def pause(
        self, window_number: int, staff_code: str | None = None, reason: str = "", resume: str | None = None
    ) -> datetime | None:
        """暂停服务: the window takes no calls; kiosk and board show it, with the clerk's
        expected resume time (``resume``, HH:MM today, optional) kept in the pause's event.
        Returns that time (naive UTC) or None."""
        resume_at = pauses.parse_resume(resume, self.config)
        with database.atomic():
            window = self._window(window_number)
            if window.paused:
                raise Refused("window_already_paused", window=window_number)
            Window.update(paused=True).where(Window.id == window.id).execute()
            extra = {"resume_at": resume_at.isoformat()} if resume_at else {}
            events.record("window.paused", window.id, window=window_number, staff=staff_code, reason=reason, **extra)
        return resume_at

    def resume(self, window_number: int, staff_code: str | None = None) -> None:
        with database.atomic():
            window = self._window(window_number)
            if not window.paused:
                raise Refused("window_not_paused", window=window_number)
            Window.update(paused=False).where(Window.id == window.id).execute()
            events.record("window.resumed", window.id, window=window_number, staff=staff_code)

    # --- helpers -------------------------------------------------------------

    def _move(self, ticket: Ticket, kind: str, *, extra: dict | None = None, **changes) -> None:
        Ticket.update(**changes).where(Ticket.id == ticket.id).execute()
        window = ticket.window.number if ticket.window_id else None
        events.record(kind, ticket.id, number=ticket.number, window=window, **(extra or {}))

    def _window(self, number: int) -> Window:
        window = Window.get_or_none((Window.number == number) & ~Window.retired)
        if window is None:
            raise NotFound("unknown_window", window=number)
        return window

    def _staff(self, code: str, window: Window) -> Staff:
        staff = find_staff(code, active_or=Refused)
        if (
            staff.role != "leader"
            and not StaffPost.select().where((StaffPost.staff == staff) & (StaffPost.window == window)).exists()
        ):
            raise Refused("staff_not_at_window", staff=code, window=window.number)
        return staff

    def _find(self, number: str) -> Ticket:
        return find_ticket(number, self.today())

    def _ticket_at_window(self, number: str, window_number: int, states: tuple[str, ...]) -> Ticket:
        ticket = self._find(number)
        if ticket.status not in states:
            key = "ticket_not_called" if states == ("called",) else "ticket_not_active"
            raise Refused(key, ticket=ticket.number)
        if not ticket.window_id or ticket.window.number != window_number:
            raise Refused("ticket_not_at_window", ticket=ticket.number, window=window_number)
        return ticket


def _as_datetime(value):
    """A timestamp as the hand-written SQL gives it back: text on SQLite, a datetime on PostgreSQL."""
    return value if value is None or isinstance(value, datetime) else datetime.fromisoformat(value)


def _called_row(number: str, window: int, names, counts, issued_at, called_at) -> CalledTicket:
    """A CalledTicket from the hand-written SQL's answers: ``names`` (item code, item
    name, line code) and ``counts`` (priority, recalls, returned, transfers)."""
    item_code, item_name, line_code = names
    priority, recalls, returned, transfers = counts
    return CalledTicket(
        number=number,
        window=window,
        item=item_code,
        item_name=item_name,
        line=line_code,
        priority=bool(priority),
        recalls=recalls,
        returned=bool(returned),
        transferred=transfers > 0,
        issued_at=_as_datetime(issued_at),
        called_at=_as_datetime(called_at),
    )


class _DayTurned(Exception):
    """A take that waited past the end of its service day: taken again on the new day."""


def find_ticket(ref, today: date) -> Ticket:
    """The ticket a number names: ``A001`` is today's (numbers restart each
    service day); an older one is named by its day and number,
    ``2026-12-01/A001`` (a space or ``@`` may stand for the slash)."""
    if isinstance(ref, Ticket):
        return ref
    text = str(ref).strip().upper()
    day, number = today, text
    for separator in ("/", " ", "@"):
        head, sep, tail = text.partition(separator)
        if sep:
            number, day_text = (tail, head) if head[:1].isdigit() else (head, tail)
            try:
                day = date.fromisoformat(day_text.strip())
            except ValueError:
                raise NotFound("unknown_ticket", ticket=ref) from None
            number = number.strip()
            break
    ticket = Ticket.get_or_none((Ticket.number == number) & (Ticket.service_day == day))
    if ticket is None:
        raise NotFound("unknown_ticket" if day != today or number != text else "unknown_ticket_today", ticket=ref)
    return ticket
