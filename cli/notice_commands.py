"""``hall report notices --month M [--json]``: the month's one-time notices checked against its 补充件.

Per item: how often each material was missing, how many of those residents
had read the item's notice first (kiosk or web), and the items whose notice
keeps failing (``[notice_checks]`` in hall.toml). Exit status as everywhere.
"""

from __future__ import annotations

from cli import context
from cli.context import emit_json, say
from cli.errors import UsageError
from models.i18n import pick, t


def cmd_notices(args) -> int:
    from models.notice_views import month_report

    if args.month is None or args.csv or getattr(args, "xlsx", False):
        raise UsageError("hall report notices takes --month YYYY-MM, and --json or nothing")
    hall = context.hall_from(args)
    result = month_report(hall.config, args.month)
    if args.json:
        emit_json(result)
        return 0
    lang = context.language
    say(t("notice_report.title", lang, month=result["month"]))
    if not result["items"]:
        say("  " + t("notice_report.none", lang))
    for row in result["items"]:
        say(
            t(
                "notice_report.item_line",
                lang,
                flag=t("notice_report.failing", lang) if row["failing"] else "",
                item=pick(row["name"], row["name_en"], lang),
                supplements=row["supplements"],
                seen=row["seen_first"],
                kiosk=row["views"]["kiosk"],
                web=row["views"]["web"],
            )
        )
        for material in row["materials"]:
            say(
                t(
                    "notice_report.material_line",
                    lang,
                    name=material["name"],
                    missing=material["missing"],
                    after=material["after_reading"],
                )
            )
    say(t("notice_report.failing_count", lang, count=result["failing"]))
    return 0
