"""The hall as the apps and the CLI see it: config, database and the rules.

``open_hall`` is the one way in. It opens the database the config names,
checks that it holds a hall of the current schema, and hands back a
:class:`Hall` whose attributes are the rule modules bound to this config
(``hall.queue`` for tickets, ``hall.cases`` for cases).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from models.calendar import HallCalendar
from models.cases.service import Cases
from models.config import Config
from models.db import DatabaseUnavailable, check_reachable, describe, open_database
from models.queue.tickets import Queue
from models.schema import Setting
from models.schema import migrations


@dataclass
class Hall:
    config: Config
    db: object
    queue: Queue
    cases: Cases
    calendar: HallCalendar
    url: str

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
    db = open_database(url)
    try:
        check_reachable(db)
    except DatabaseUnavailable as exc:
        raise DatabaseUnavailable(f"database {describe(url)} cannot be used: {exc}") from None
    version = migrations.current_version()
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
    return Hall(
        config=config, db=db, queue=Queue(config), cases=Cases(config), calendar=HallCalendar(config), url=url
    )
