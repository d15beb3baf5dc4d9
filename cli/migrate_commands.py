"""``hall migrate-to``: copy this hall into an empty PostgreSQL database, table by table, and compare the counts.

Exit status as everywhere: 0 done, 1 refused by a hall rule or a table whose count differs, 2 usage.
"""

from __future__ import annotations

from cli import context
from cli.context import emit_json, say
from models.i18n import t


def register(groups, common) -> None:
    migrate = groups.add_parser("migrate-to", parents=[common], help="copy this hall into an empty PostgreSQL database")
    migrate.add_argument("url", help="postgresql://user@host/hall")
    migrate.add_argument("--json", action="store_true")
    migrate.set_defaults(handler=cmd_migrate)


def cmd_migrate(args) -> int:
    from models.maintenance.migrate_to import migrate_to

    hall = context.hall_from(args)
    lang = context.language
    if not args.json:
        say(t("whereabouts.migrate_start", lang))
    report = migrate_to(hall.db, args.url)
    if args.json:
        emit_json(report.as_dict())
    else:
        for table in report.tables:
            mark = "ok" if table.ok else "!!"
            say(f"  {mark}  {table.table:24} {table.source:>9} → {table.target:>9}")
        key = "whereabouts.migrate_done" if report.ok else "whereabouts.migrate_mismatch"
        say(t(key, lang, tables=len(report.tables), rows=report.rows, target=report.target))
    return 0 if report.ok else 1
