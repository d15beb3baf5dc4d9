"""A morning's worth of history for the demo hall (``hall demo``).

:func:`make_demo_history` plays a morning through the real model APIs with
the clock moved step by step, so every row, event, count and rule is what
the hall itself would have written: the duty person arrives early and ticks
the opening checklist; staff come on duty (some B people out visiting
households, one on approved leave); about forty residents take tickets
across the lines, most are called and finished, a few do not show; the
finished visits become cases of every kind (咨询、即办、承诺、补充、退回、
上报、信访), some rated, one badly; people go to a meeting, out, visiting,
so one window is covered by its B person (B 代岗), one person is overdue
back, and one window pauses by itself because neither of its people is on
duty; the leader on duty logs a problem and its fix; one leave request
waits for approval.

The morning runs from 08:00 local to now. When the demo starts before 09:00
or after midday, the same morning is squeezed or moved into the 3½ hours
before now, always on today's service day, so the board shows a live day
whatever the hour. Window 1 (计生服务) ends the morning free with nobody
waiting: a newcomer's first ticket there is the next one called.

It runs once per service day (a setting remembers the day);
:func:`models.maintenance.demo.make_demo` must have made the staff first.
Call it with the hall's database open, as the CLI does.

One module, though long: the morning is one script, read top to bottom.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import datetime, time, timedelta

from models import clock
from models.cases.ratings import rate_by_code
from models.errors import Refused
from models.hall import Hall, get_setting, put_setting
from models.schema import Item, Line, Staff, StaffPost, Window, WindowLine

NOMINAL_MINUTES = 210  # 08:00 → 11:30: the plan below, in minutes of a nominal morning
SETTING = "demo_history_day"

# Tickets per line over the morning (about forty in all).
LINE_TICKETS = {"jisheng": 6, "laobao": 8, "minzheng": 9, "caizheng": 6, "cunzhen": 5, "dangyuan": 3, "xinfang": 3}
# The kinds the finished visits are recorded as, in turn, so each kind appears more than once.
KIND_TURN = (
    "immediate",
    "consultation",
    "promised",
    "immediate",
    "supplement",
    "returned",
    "immediate",
    "promised",
    "escalated",
    "consultation",
    "petition",
    "immediate",
    "promised",
    "supplement",
    "immediate",
    "returned",
    "escalated",
    "petition",
)
RESULTS = {
    "immediate": "当场办结，证明已出具",
    "consultation": "已告知办理条件和所需材料",
}
VISITORS = [("王小明", "13812345678"), ("李秀英", "13900001111"), ("张建国", ""), ("", "")]


def _window_line_map() -> dict[int, set[str]]:
    out: dict[int, set[str]] = {}
    for number, code in (
        Window.select(Window.number, Line.code)
        .join(WindowLine, on=(WindowLine.window == Window.id))
        .join(Line, on=(WindowLine.line == Line.id))
        .where(~Window.retired & ~WindowLine.retired & ~Line.retired)
        .tuples()
    ):
        out.setdefault(number, set()).add(code)
    return out


def _items_by_line() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for code, line in (
        Item.select(Item.code, Line.code)
        .join(Line)
        .where(Item.open_from.is_null() & ~Line.retired)
        .order_by(Item.id)
        .tuples()
    ):
        out.setdefault(line, []).append(code)
    return out


def _posts() -> dict[int, dict[str, str]]:
    """Window number → {"A": code, "B": code} (the first of each)."""
    out: dict[int, dict[str, str]] = {}
    for number, role, code in (
        StaffPost.select(Window.number, StaffPost.role, Staff.code)
        .join(Window)
        .switch(StaffPost)
        .join(Staff)
        .where(Staff.active & ~Window.retired)
        .order_by(Staff.code)
        .tuples()
    ):
        out.setdefault(number, {}).setdefault(role, code)
    return out


def morning_span(zone, now: datetime) -> tuple[datetime, datetime]:
    """(start, end) of the demo morning as naive UTC: 08:00 → now, or the 3½ hours before now."""
    local_now = clock.local(now, zone)
    today = local_now.date()
    eight = datetime.combine(today, time(8, 0), zone)
    midnight = datetime.combine(today, time(0), zone)
    if timedelta(hours=1) <= local_now - eight <= timedelta(hours=4):
        start = eight
    else:  # never before today's midnight: the history stays on today's service day
        start = max(local_now - timedelta(minutes=NOMINAL_MINUTES), midnight + timedelta(seconds=1))
    end = local_now - timedelta(seconds=30)
    if end <= start:  # just after midnight: squeeze the morning into the minutes there are
        start, end = midnight, local_now
    return clock.to_utc(start), clock.to_utc(end)


def make_demo_history(hall, *, force: bool = False) -> dict:
    """Play this morning into the demo hall; returns what was made (counts). Once a day unless ``force``."""
    today = clock.service_day(hall.config.zone)
    if not force and get_setting(SETTING) == today.isoformat():
        return {}
    previous = clock._frozen
    try:
        made = _Morning(hall).play()
    finally:
        clock.set_now(previous)
    put_setting(SETTING, today.isoformat())
    return made


class _Morning:
    # What a past day (models.maintenance.demo_past) plays differently.
    leave_today = True  # one B person on approved leave
    line_tickets = LINE_TICKETS
    late: str | None = None  # a staff code that comes in late

    def __init__(self, hall):
        # A demo hall issues tickets at any hour (as open_hall arranges for a demo database).
        config = replace(hall.config, tickets=replace(hall.config.tickets, always_open=True))
        hall = Hall.wired(config, hall.db, hall.url)
        self.config = config
        self.zone = config.zone
        self.queue = hall.queue
        self.cases = hall.cases
        self.duty = hall.duty
        self.where = hall.whereabouts
        self.now = clock.now()
        self.today = clock.service_day(self.zone)
        self.start, self.end = morning_span(self.zone, self.now)
        # What happens before opening (minutes below 0) stays on today too:
        # just after midnight there is no earlier part of today to put it in.
        self.day_start = clock.to_utc(datetime.combine(self.today, time(0), self.zone))
        self.scale = (self.end - self.start).total_seconds() / 60 / NOMINAL_MINUTES
        self.random = random.Random(self.today.toordinal())
        self.made = {"tickets": 0, "called": 0, "finished": 0, "no_show": 0, "cases": 0, "states": 0, "ticks": 0}

    # --- time ------------------------------------------------------------------------

    def at(self, minute: float) -> datetime:
        """Nominal minute of the morning (0 = 08:00) → naive UTC, squeezed into the real span."""
        moment = self.start + timedelta(minutes=minute * self.scale)
        return max(self.day_start, min(moment, self.end))

    def go(self, minute: float) -> datetime:
        moment = self.at(minute)
        clock.set_now(moment)
        return moment

    def back_at(self, minute: float) -> datetime:
        return self.start + timedelta(minutes=minute * self.scale)

    # --- the morning ------------------------------------------------------------------

    def play(self) -> dict:
        posts = _posts()
        self.posts = posts
        self.leader = self._leader()
        self._older_cases()
        self._arrive(posts)
        self._tickets_and_windows(posts)
        self.go(NOMINAL_MINUTES)
        self._leave_request(posts)
        return self.made

    def _leader(self) -> str | None:
        row = Staff.select().where(Staff.active & (Staff.role == "leader")).order_by(Staff.code).first()
        return row.code if row else None

    def _state(self, minute, code, state, note="", back=None):
        if not code:
            return
        self.go(minute)
        try:
            self.where.set_state(code, state, note, self.back_at(back) if back is not None else None)
            self.made["states"] += 1
        except Refused:
            pass

    def _arrive(self, posts) -> None:
        """The duty person early with the opening checklist, then everyone else."""
        today = self.today
        duty = self.duty.on_duty(today)
        duty_person = duty.staff[0] if duty.staff else (posts.get(1, {}).get("A"))
        self._state(-15, duty_person, "on_duty")
        for index in range(len(self.duty.items("opening"))):
            self.go(-14 + index * 2)
            problem = "大门锁有点卡，已上油" if index == 2 else ""
            self.duty.tick(today, "opening", index, duty_person, problem)
            self.made["ticks"] += 1
        self.go(-4)
        self.duty.sign_off(today, "opening", duty_person)
        self._state(-3, self.leader, "on_duty")
        for number in sorted(posts):
            a = posts[number].get("A")
            self._state(25 if a and a == self.late else -2 + number * 0.2, a, "on_duty")
        b = {number: people.get("B") for number, people in posts.items()}
        self._state(0, b.get(2), "on_duty")
        self._state(0.5, b.get(4), "on_duty")
        self._state(1, b.get(1), "visiting", "入户走访育龄家庭", 200)
        self._state(1.5, b.get(3), "visiting", "走访低保户", 240)
        self._state(2, b.get(5), "visiting", "入户核实危房", 250)
        # One B person (window 6's, unless on duty today) is on approved leave, the A person standing in.
        away = next((n for n in (6, 2, 4) if b.get(n) and b[n] != duty_person and posts[n].get("A")), None)
        if away is not None and self.leave_today:
            self.go(-30)
            try:
                request = self.where.request_leave(b[away], today, today, "家中老人住院", posts[away]["A"])
                if self.leader:
                    self.go(-25)
                    self.where.approve_leave(request.id, self.leader, "同意，注意交接")
                self._state(3, b[away], "leave")
            except Refused:
                pass

    def _tickets_and_windows(self, posts) -> None:
        """Tickets through the morning, and each window calling and finishing them in turn."""
        items = _items_by_line()
        lines_of = _window_line_map()
        plan: list[tuple[float, str]] = []
        for line, count in self.line_tickets.items():
            choices = items.get(line)
            if not choices:
                continue
            last = 150 if line == "jisheng" else 206  # window 1 ends the morning free
            for index in range(count):
                if line != "jisheng" and index >= count - 2:
                    minute = self.random.uniform(185, last)  # a late rush: some are still waiting now
                else:
                    minute = self.random.triangular(2, last, 80)
                plan.append((minute, self.random.choice(choices[:6])))
        plan.sort()
        # The state changes of the morning, at their nominal minutes.
        a = {n: p.get("A") for n, p in posts.items()}
        changes = [
            (60, lambda: self._state(60, a.get(4), "out", "送材料到街道", 120)),
            (40, lambda: self._log_problem(40, "3号窗口叫号屏字太小，老人看不清")),
            (75, lambda: self._log_fix(75)),
            (150, lambda: self._log_problem(150, "大厅饮水机没水了，已联系送水")),
            (170, lambda: self._state(170, a.get(2), "meeting", "街道例会", 240)),
            (200, lambda: self._state(200, a.get(5), "visiting", "危房改造现场查看", 260)),
        ]
        # Each window: when free, call the next (its coverer calls); serve 4-14 minutes.
        free_at = {n: 4.0 + n for n in lines_of}
        serving: dict[int, tuple[float, str, str | None]] = {}  # window → (finish minute, number, staff)
        waiting: dict[str, list[tuple[str, float]]] = {}  # line → (number, minute ready to be called)
        issued = 0
        steps = 0
        current = 0.0
        self._turn = 0
        while steps < 2000:
            steps += 1
            next_issue = plan[issued][0] if issued < len(plan) else None
            next_finish = min((s[0], n) for n, s in serving.items()) if serving else None
            next_call: tuple[float, int] | None = None
            for number, lines in sorted(lines_of.items()):
                ready = [r for line in lines for _n, r in waiting.get(line, [])]
                if number in serving or not ready:
                    continue
                # A resident sits down, the clerk finishes the paperwork: calls come a few minutes later.
                when = max(free_at[number], min(ready), current)  # never back in time
                if next_call is None or when < next_call[0]:
                    next_call = (when, number)
            next_change = changes[0][0] if changes else None
            candidates = [
                m
                for m in (next_issue, next_finish and next_finish[0], next_call and next_call[0], next_change)
                if m is not None
            ]
            if not candidates:
                break
            minute = min(candidates)
            if minute >= NOMINAL_MINUTES:
                break
            current = minute
            if next_change is not None and minute == next_change:
                changes.pop(0)[1]()
            elif next_issue is not None and minute == next_issue:
                self.go(minute)
                item = plan[issued][1]
                issued += 1
                try:
                    receipt = self.queue.take(item, priority=self.random.random() < 0.1)
                except Refused:  # its line's windows are paused (nobody on duty): the resident waits for staff
                    continue
                waiting.setdefault(receipt.line, []).append((receipt.number, minute + self.random.uniform(2, 9)))
                self.made["tickets"] += 1
            elif next_finish is not None and minute == next_finish[0]:
                number = next_finish[1]
                _, ticket, staff = serving.pop(number)
                self.go(minute)
                self._finish(number, ticket, staff)
                free_at[number] = minute + self.random.uniform(0.5, 3)
            else:
                assert next_call is not None  # the minute is one of the candidates, and the others did not match
                number = next_call[1]
                self.go(minute)
                staff = self._coverer(number, posts)
                try:
                    called = self.queue.call_next(number, staff)
                except Refused:  # paused (nobody on duty) or nobody left: try again later
                    free_at[number] = minute + 15
                    continue
                for line in lines_of[number]:
                    waiting[line] = [(n, r) for n, r in waiting.get(line, []) if n != called.number]
                self.made["called"] += 1
                length = self.random.uniform(6, 18) if called.line != "jisheng" else self.random.uniform(3, 8)
                serving[number] = (minute + length, called.number, staff)
        self.go(NOMINAL_MINUTES)

    def _coverer(self, window: int, posts) -> str | None:
        for cover in self.where.window_cover():
            if cover.window == window:
                if cover.covered_by:
                    return cover.covered_by[0]
        return posts.get(window, {}).get("A")

    def _finish(self, window: int, number: str, staff: str | None) -> None:
        self.made["finished"] += 1
        if self.random.random() < 0.06:
            try:  # the resident had left: called again, then marked as not shown
                self.queue.recall(number, window)
                self.queue.no_show(number, window)
                self.made["no_show"] += 1
                return
            except Refused:
                pass
        self.queue.finish(number, window)
        kind = KIND_TURN[self._turn % len(KIND_TURN)]
        self._turn += 1
        name, phone = VISITORS[self._turn % len(VISITORS)]
        extra: dict = {}
        if kind in RESULTS:
            extra["result"] = RESULTS[kind]
        elif kind == "promised":
            extra["promised_days"] = 5
        elif kind == "supplement":
            extra["other"] = ["户口本复印件", "近期一寸照片"]
        elif kind == "returned":
            extra["reason"] = "不属于本社区办理范围，已告知到街道办理"
        elif kind == "escalated":
            extra["authority"] = "区民政局"
            extra["authority_due"] = self.today + timedelta(days=14)
        try:
            facts = self.cases.open_case(
                staff=staff or self._any_staff(),
                ticket=number,
                window=window,
                kind=kind,
                name=name,
                phone=phone,
                **extra,
            )
        except Refused:
            return
        self.made["cases"] += 1
        if kind in ("immediate", "consultation") and self._turn % 3 != 2:
            level = ("very_satisfied", "satisfied", "very_satisfied", "basic", "unsatisfied")[self._turn % 5]
            try:
                reasons = ("efficiency",) if level == "unsatisfied" else ()
                rate_by_code(self.cases.config, facts.tracking_code, facts.number, level, reasons, channel="kiosk")
            except (Refused, TypeError):
                pass

    def _any_staff(self) -> str:
        return Staff.select().where(Staff.active).order_by(Staff.code).first().code

    def _log_problem(self, minute: float, text: str) -> None:
        if not self.leader:
            return
        self.go(minute)
        entry = self.duty.log_problem(self.leader, text)
        self._problem = getattr(self, "_problem", None) or entry.id

    def _log_fix(self, minute: float) -> None:
        problem = getattr(self, "_problem", None)
        if not self.leader or problem is None:
            return
        self.go(minute)
        self.duty.log_fix(problem, self.leader, "已把叫号屏字号调大，请老人试看，清楚了")

    def _leave_request(self, posts) -> None:
        """One request waiting for the leader: B of window 4 asks for tomorrow."""
        b, a = posts.get(4, {}).get("B"), posts.get(3, {}).get("A")
        if not (b and a):
            return
        tomorrow = self.today + timedelta(days=1)
        self.go(NOMINAL_MINUTES - 5)
        try:
            self.where.request_leave(b, tomorrow, tomorrow, "孩子学校开家长会", a)
        except Refused:
            pass

    def _older_cases(self) -> None:
        """A few cases from the last two weeks, one of them overdue by now."""
        items = _items_by_line()
        staff = self.posts.get(3, {}).get("A") or self._any_staff()
        today = self.today
        plan = [(12, "minzheng", "promised", 3), (6, "laobao", "promised", 10), (2, "caizheng", "supplement", 0)]
        for days, line, kind, promised in plan:
            choices = items.get(line)
            if not choices:
                continue
            day = today - timedelta(days=days)
            clock.set_now(clock.to_utc(datetime.combine(day, time(10, 0), self.zone)))
            extra = {"promised_days": promised} if kind == "promised" else {"other": ["收入证明原件"]}
            try:
                self.cases.open_case(staff=staff, item=choices[0], kind=kind, window=3, channel="visit", **extra)
                self.made["cases"] += 1
            except Refused:
                pass
        clock.set_now(self.now)
