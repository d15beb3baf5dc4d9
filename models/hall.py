"""The hall as the apps and the CLI see it: config, database and every service.

``open_hall`` is the one way in. It opens the database the config names,
checks that it holds a hall of the current schema, and hands back a
:class:`Hall`, the one place where the services are built and bound to this
config: ``hall.queue`` (tickets), ``hall.cases`` (cases), ``hall.whereabouts``
(whereabouts, A/B cover and leave), ``hall.duty`` (roster, checklists, the
leader's log), ``hall.attendance``, ``hall.calendar`` and ``hall.supervisor``
(the leader's supervisor view) and ``hall.appointments`` (预约 and check-in), ``hall.home_visits`` (上门服务). A screen or a command
asks the hall for a service; it never builds one.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from models.appointments.home import HomeVisits
from models.appointments.service import Appointments
from models.calendar import HallCalendar
from models.cases.service import Cases
from models.config import Config
from models.db import DatabaseUnavailable, check_reachable, describe, open_database
from models.duty.attendance import Attendance
from models.duty.service import Duty
from models.queue.supervision import Supervisor
from models.queue.tickets import Queue
from models.schema import Setting, migrations
from models.staff.whereabouts import Whereabouts


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
    appointments: Appointments
    home_visits: HomeVisits

    @classmethod
    def wired(cls, config: Config, db: Any, url: str) -> Hall:
        """Every service of the hall, bound to ``config``."""
        duty = Duty(config)
        queue = Queue(config)
        whereabouts = Whereabouts(config, rostered=lambda day: duty.on_duty(day).people)
        queue.day_starts.append(whereabouts.start_day)  # the first look at a day pauses yesterday's windows
        appointments, cases = Appointments(config, queue), Cases(config)
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
            appointments=appointments,
            home_visits=HomeVisits(appointments, cases, whereabouts),
        )

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
        migrations.upgrade()
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
