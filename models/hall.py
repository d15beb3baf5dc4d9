"""The hall as the apps and the CLI see it: config, database and every service.

``open_hall`` is the one way in. It opens the database the config names,
checks that it holds a hall of the current schema, and hands back a
:class:`Hall`, the one place where the services are built and bound to this
config: ``hall.queue`` (tickets; a person acts on them through
``hall.at_window(code)``), ``hall.cases`` (cases), ``hall.whereabouts``
(whereabouts, A/B cover and leave), ``hall.duty`` (roster, checklists, the
leader's log), ``hall.attendance``, ``hall.calendar`` and ``hall.supervisor``
(the leader's supervisor view), ``hall.contacts`` (calls, letters and
messages), ``hall.worklog`` and ``hall.meetings`` (the worker's log, meetings
and study sessions), ``hall.bad_ratings`` (the 差评 loop) and
``hall.notice_views`` (who read an item's notice first), ``hall.ratings``
(好差评 by the resident, the rating pad's requests, the published indicators),
``hall.appointments`` (预约 and check-in) and ``hall.home_visits`` (上门服务).
A screen or a command
asks the hall for a service; it never builds one.

Areas and households are ``hall.households``; visits ``hall.visits``, their
progress ``hall.visit_progress``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from models.appointments.home import HomeVisits
from models.appointments.service import Appointments
from models.calendar import HallCalendar
from models.cases.bad_ratings.steps import BadRatings
from models.cases.ledger import rebuild_projection
from models.cases.service import Cases
from models.config import Config
from models.contacts.register import Contacts
from models.db import DatabaseUnavailable, check_reachable, describe, open_database
from models.duty.attendance import Attendance
from models.duty.service import Duty
from models.households.register import Households
from models.notice_views.log import NoticeViews
from models.queue.at_window import AtWindow
from models.queue.supervision import Supervisor
from models.queue.tickets import Queue
from models.ratings.service import Ratings
from models.schema import Setting, migrations
from models.staff.whereabouts import Whereabouts
from models.visits.log import Visits
from models.visits.progress import Progress
from models.worklog.log import WorkLog
from models.worklog.meetings import Meetings


@dataclass
class Hall:
    config: Config
    db: Any
    url: str
    queue: Queue
    cases: Cases
    whereabouts: Whereabouts
    duty: Duty
    attendance: Attendance
    calendar: HallCalendar
    supervisor: Supervisor
    households: Households
    visits: Visits
    visit_progress: Progress
    contacts: Contacts
    worklog: WorkLog
    meetings: Meetings
    bad_ratings: BadRatings
    notice_views: NoticeViews
    ratings: Ratings
    appointments: Appointments
    home_visits: HomeVisits

    @classmethod
    def wired(cls, config: Config, db: Any, url: str) -> Hall:
        """Every service of the hall, bound to ``config``."""
        duty = Duty(config)
        whereabouts = Whereabouts(config, rostered=lambda day: duty.on_duty(day).people)
        queue = Queue(config, whereabouts.start_day)  # the first look at a day pauses yesterday's windows
        appointments, cases = Appointments(config, queue), Cases(config)
        households = Households()
        return cls(
            config=config,
            db=db,
            url=url,
            queue=queue,
            cases=cases,
            whereabouts=whereabouts,
            duty=duty,
            attendance=Attendance(config),
            calendar=HallCalendar(config),
            supervisor=Supervisor(config, queue, whereabouts.days),
            households=households,
            visits=Visits(config, cases, whereabouts),
            visit_progress=Progress(config, households),
            contacts=Contacts(config, cases),
            worklog=WorkLog(config),
            meetings=Meetings(config),
            bad_ratings=BadRatings(config),
            notice_views=NoticeViews(config),
            ratings=Ratings(config),
            appointments=appointments,
            home_visits=HomeVisits(appointments, cases, whereabouts),
        )

    def at_window(self, staff_code: str) -> AtWindow:
        """The counter's actions as ``staff_code``, who proved it: refused away from their windows."""
        return AtWindow(self.queue, staff_code)

    def export_report(self, day=None, month=None, fmt: str = "csv", lang: str = "zh"):
        """The day's or month's report as a file, with its hourly curves and attendance; its path."""
        from models.duty.report_file import export_report

        return export_report(self.config, day, month, fmt, lang)

    def close(self) -> None:
        if not self.db.is_closed():
            self.db.close()


def get_setting(key: str, default=None):
    row = Setting.get_or_none(Setting.key == key)
    return default if row is None else row.value


def put_setting(key: str, value) -> None:
    Setting.insert(key=key, value=value).on_conflict(
        conflict_target=[Setting.key], update={Setting.value: value}
    ).execute()


def open_hall(config: Config, *, create: bool = False) -> Hall:
    """Open the hall's database. With ``create``, make or upgrade the schema."""
    url = config.database_url()
    db = open_database(url, must_exist=not create)
    try:
        check_reachable(db)
    except DatabaseUnavailable as exc:
        raise DatabaseUnavailable(f"database {describe(url)} cannot be used: {exc}") from None
    version = migrations.current_version()
    if version > migrations.CURRENT:
        raise DatabaseUnavailable(
            f"database {describe(url)} has schema version {version}, newer than the {migrations.CURRENT} "
            "this program knows: upgrade the program; nothing was written"
        )
    if create:
        migrations.upgrade(after=dict.fromkeys(migrations.PROJECTION_STEPS, rebuild_projection))
    elif version == 0:
        raise DatabaseUnavailable(f"database {describe(url)} holds no hall yet: run `hall init` first")
    elif version < migrations.CURRENT:
        raise DatabaseUnavailable(
            f"database {describe(url)} has schema version {version}; run `hall init` to upgrade it to {migrations.CURRENT}"
        )
    if get_setting("demo", False) and not config.tickets.always_open:
        # A demo hall issues tickets at any hour, so a newcomer at night is not refused.
        config = replace(config, tickets=replace(config.tickets, always_open=True))
    return Hall.wired(config, db, url)
