"""A/B cover (AB岗, seed 003 §8; 代理服务制, seed 002): who covers each window.

Each window has A and B people (:class:`models.schema.StaffPost`). The window
is covered by A when an A person is on duty, by B (B 代岗) when no A is but a
B person is, and by nobody otherwise, by their states today
(:mod:`models.staff.day_state`: nobody in yet, or on leave, covers nothing). After a whereabouts change, the cover of
the person's windows is re-evaluated in the same transaction:

- nobody on duty → the window is paused (``Window.paused`` and a
  ``window.paused`` event with ``auto=True`` and a reason, as
  :meth:`models.queue.Queue.pause` writes it), so kiosk and board show
  暂停服务, and a ``cover.lost`` event tells the leaders' terminals;
- somebody back on duty → the window is resumed (``window.resumed`` with
  ``auto=True``), but only when its pause was an automatic one: a pause a
  person put up stays until a person takes it down.

A new service day is such a change for everyone at once: nobody is in yet.
The first look at the day (:meth:`models.queue.Queue.today`, whoever looks
first) pauses, once, every window its people left covered the day before
(:meth:`CoverRules.start_day`), as the last one out would have.

``cover.changed`` is recorded for each window whose cover moved (A → B, B → A,
someone → nobody …), so a terminal knows to ask
:meth:`CoverRules.windows_for_terminal` again.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta

from peewee import SQL

from models import clock, events
from models.config import Config
from models.db import database, is_postgres
from models.i18n import DEFAULT_LANGUAGE, t
from models.schema import Event, Staff, StaffPost, Window
from models.staff.accounts import find_staff
from models.staff.day_state import DayStates

# A service day's start, once: the unique day decides which process goes on.
_START_DAY = {
    postgres: f"""INSERT INTO "cover_day_start" (day, at) VALUES ({p}, {p})
        ON CONFLICT (day) DO NOTHING RETURNING id"""
    for postgres, p in ((False, "?"), (True, "%s"))
}


@dataclass(frozen=True)
class Holder:
    """An A or B person of a window, with their state."""

    staff: str
    name: str
    state: str


@dataclass(frozen=True)
class WindowCover:
    window: int
    name: str
    name_en: str
    paused: bool
    auto_paused: bool  # paused by the cover rule (resumes by itself)
    a: tuple[Holder, ...]
    b: tuple[Holder, ...]
    cover: str | None  # "A", "B" (B 代岗) or None (nobody on duty)
    covered_by: tuple[str, ...]  # staff codes on duty in the covering role

    def label(self, language: str = DEFAULT_LANGUAGE) -> str:
        return t(f"whereabouts.cover_{self.cover or 'none'}", language)

    def as_dict(self, language: str = DEFAULT_LANGUAGE) -> dict:
        data = asdict(self)
        data["a"] = [asdict(h) for h in self.a]
        data["b"] = [asdict(h) for h in self.b]
        data["covered_by"] = list(self.covered_by)
        data["label"] = self.label(language)
        return data


@dataclass
class _Cover:
    cover: str | None
    covered_by: tuple[str, ...]
    a: list = field(default_factory=list)
    b: list = field(default_factory=list)


class CoverRules:
    config: Config
    days: DayStates

    def _apply_cover(self, window_ids: list[int], before: dict[int, _Cover], staff_code: str | None):
        """Pause, resume and tell, for the windows whose people just changed."""
        paused, resumed, lost = [], [], []
        after = cover_of_windows(window_ids, self.days)
        windows = {w.id: w for w in Window.select().where(Window.id.in_(window_ids))} if window_ids else {}
        for wid in window_ids:
            window, old, new = windows[wid], before[wid], after[wid]
            if old.cover != new.cover or old.covered_by != new.covered_by:
                events.record(
                    "cover.changed",
                    wid,
                    window=window.number,
                    cover=new.cover,
                    before=old.cover,
                    covered_by=list(new.covered_by),
                    staff=staff_code,
                )
            if new.cover is None:
                auto = self.config.whereabouts.auto_pause and not window.paused
                if auto:
                    Window.update(paused=True).where(Window.id == wid).execute()
                    events.record(
                        "window.paused",
                        wid,
                        window=window.number,
                        staff=staff_code,
                        reason=t("whereabouts.pause_reason", self.config.language),
                        auto=True,
                    )
                    paused.append(window.number)
                if old.cover is not None or auto:
                    events.record(
                        "cover.lost",
                        wid,
                        window=window.number,
                        a=[h.staff for h in new.a],
                        b=[h.staff for h in new.b],
                        staff=staff_code,
                        paused=bool(auto) or window.paused,
                    )
                    lost.append(window.number)
            elif window.paused and paused_automatically(wid):
                Window.update(paused=False).where(Window.id == wid).execute()
                events.record("window.resumed", wid, window=window.number, staff=staff_code, auto=True, cover=new.cover)
                resumed.append(window.number)
        return paused, resumed, lost

    def start_day(self, day: date) -> tuple[int, ...]:
        """The first look at service day ``day``: every window its people left covered
        yesterday and nobody covers now (they never signed out; today nobody is in yet)
        is paused, as the last one out would have paused it. Once per day across
        processes: the day's :class:`CoverDayStart` row is inserted first, in the same
        transaction, and only the process whose insert lands goes on. Returns the
        windows paused."""
        postgres = is_postgres()
        with database.atomic():
            inserted = database.execute_sql(_START_DAY[postgres], (day, clock.now())).fetchone()
            if inserted is None:
                return ()  # another process (or an earlier run of this one) started the day
            ids = [w for (w,) in Window.select(Window.id).where(~Window.retired).order_by(Window.id).tuples()]
            if postgres and ids:  # the order set_state locks them in
                list(Window.select(Window.id).where(Window.id.in_(ids)).order_by(Window.id).for_update())
            yesterday = cover_of_windows(ids, self.days, self.days.day_start(clock.now()) - timedelta(microseconds=1))
            left = [wid for wid in ids if yesterday[wid].cover is not None]
            paused, _resumed, _lost = self._apply_cover(left, {w: yesterday[w] for w in left}, None)
        return tuple(paused)

    def window_cover(self) -> list[WindowCover]:
        """Every open window: its A and B people, their states, and who covers it."""
        windows = list(Window.select().where(~Window.retired).order_by(Window.number))
        covers = cover_of_windows([w.id for w in windows], self.days)
        out = []
        for window in windows:
            cover = covers[window.id]
            out.append(
                WindowCover(
                    window=window.number,
                    name=window.name,
                    name_en=window.name_en,
                    paused=window.paused,
                    auto_paused=bool(window.paused and paused_automatically(window.id)),
                    a=tuple(cover.a),
                    b=tuple(cover.b),
                    cover=cover.cover,
                    covered_by=cover.covered_by,
                )
            )
        return out

    def windows_for_terminal(self, staff_code: str) -> list[int]:
        """Window numbers whose queue this person's terminal gets: their A posts,
        plus the windows where they are B and cover now (no A on duty, they are)."""
        staff = find_staff(staff_code)
        posts = list(
            StaffPost.select(StaffPost.role, Window.id, Window.number)
            .join(Window)
            .where((StaffPost.staff == staff.id) & ~Window.retired)
            .tuples()
        )
        b_windows = [wid for role, wid, _n in posts if role == "B"]
        covers = cover_of_windows(b_windows, self.days)
        numbers = {n for role, _wid, n in posts if role == "A"}
        numbers |= {
            n
            for role, wid, n in posts
            if role == "B" and covers[wid].cover == "B" and staff.code in covers[wid].covered_by
        }
        return sorted(numbers)


def cover_of_windows(window_ids: list[int], days: DayStates, at: datetime | None = None) -> dict[int, _Cover]:
    """Who holds A and B at each window, their states on the day of ``at`` (default now), and who covers."""
    result = {wid: _Cover(None, ()) for wid in window_ids}
    if not window_ids:
        return result
    posts = list(
        StaffPost.select(StaffPost.window, StaffPost.role, Staff.id, Staff.code, Staff.name)
        .join(Staff, on=(StaffPost.staff == Staff.id))
        .where(StaffPost.window.in_(window_ids) & Staff.active)
        .order_by(Staff.code)
        .tuples()
    )
    states = days.states({sid for _w, _r, sid, _c, _n in posts}, at)
    for wid, role, sid, code, name in posts:
        holder = Holder(code, name, states[sid].state)
        (result[wid].a if role == "A" else result[wid].b).append(holder)
    for cover in result.values():
        a_on = tuple(h.staff for h in cover.a if h.state == "on_duty")
        b_on = tuple(h.staff for h in cover.b if h.state == "on_duty")
        if a_on:
            cover.cover, cover.covered_by = "A", a_on
        elif b_on:
            cover.cover, cover.covered_by = "B", b_on
    return result


def paused_automatically(window_id: int) -> bool:
    """Whether the pause in force at this window was put up by the cover rule."""
    last = (
        Event.select(Event.data)
        .where((Event.kind == SQL("'window.paused'")) & (Event.ref == window_id))  # through the pauses' index
        .order_by(Event.id.desc())
        .first()
    )
    return bool(last and (last.data or {}).get("auto"))
