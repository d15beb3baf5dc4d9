"""``hall ratings indicators|ranking|export --month YYYY-MM``: the month's 好差评 published.

Reading only: no command gives a rating (only the resident rates, at the
kiosk, the window's rating pad or on the phone). ``hall pad --window N`` is
the rating pad itself (:mod:`cli.app_commands`).
"""

from __future__ import annotations

from cli import context
from cli.context import add_actions, emit_json, parse_month, say
from models.i18n import t


def register(groups, common) -> None:
    actions = add_actions(groups, "ratings", common, "好差评: the month's indicators, window ranking, export", "action")
    shown = actions.add_parser("indicators", parents=[common], help="Annex B indicators of the month")
    shown.add_argument("--month", type=parse_month, metavar="YYYY-MM", required=True)
    shown.add_argument("--json", action="store_true")
    shown.set_defaults(handler=cmd_indicators)
    ranked = actions.add_parser("ranking", parents=[common], help="the windows ranked by the month's ratings")
    ranked.add_argument("--month", type=parse_month, metavar="YYYY-MM", required=True)
    ranked.add_argument("--json", action="store_true")
    ranked.set_defaults(handler=cmd_ranking)
    export = actions.add_parser(
        "export", parents=[common], help="the month's ratings as JSON or CSV, into the export folder"
    )
    export.add_argument("--month", type=parse_month, metavar="YYYY-MM", required=True)
    export.add_argument("--format", choices=("json", "csv"), default="json")
    export.set_defaults(handler=cmd_export)


def _rate(value) -> str:
    return "-" if value is None else f"{value:.1f}%"


def cmd_indicators(args) -> int:
    hall = context.hall_from(args)
    if args.json:
        emit_json(hall.ratings.indicators(args.month))
        return 0
    for line in hall.ratings.notice_lines(context.language, args.month) or [t("ratings.no_ratings", context.language)]:
        say(line)
    return 0


def cmd_ranking(args) -> int:
    hall = context.hall_from(args)
    rows = hall.ratings.ranking(args.month)
    if args.json:
        emit_json(rows)
        return 0
    lang = context.language
    say(t("ratings.ranking_title", lang, month=args.month))
    if not any(row["count"] for row in rows):
        say(t("ratings.no_ratings", lang))
        return 0
    for row in rows:
        place = row["place"] if row["place"] is not None else "-"
        say(
            f"{place:>3}  {row['window']:>3}  {row['count']:>5}  {_rate(row['good_rate']):>7}  {_rate(row['bad_rate']):>7}"
        )
    return 0


def cmd_export(args) -> int:
    hall = context.hall_from(args)
    path = hall.ratings.export(args.month, args.format)
    say(t("ratings.exported", context.language, month=args.month, path=path))
    return 0
