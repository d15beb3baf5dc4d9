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
    found = hall.ratings.indicators(args.month)
    if args.json:
        emit_json(found)
        return 0
    lang = context.language
    say(t("ratings.notice_title", lang, month=args.month))
    say(t("ratings.notice_hall", lang, **_words(found["hall"])))
    for row in found["windows"]:
        say(t("ratings.notice_window", lang, **_words(row)))
    return 0


def _words(row: dict) -> dict:
    return {key: _rate(value) if key.endswith("_rate") else value for key, value in row.items()}


def cmd_ranking(args) -> int:
    hall = context.hall_from(args)
    rows = hall.ratings.ranking(args.month)
    if args.json:
        emit_json(rows)
        return 0
    lang = context.language
    say(t("ratings.ranking_title", lang, month=args.month))
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
