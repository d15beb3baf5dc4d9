"""``hall report --date D | --month M [--csv | --xlsx | --json]``: the day's or month's numbers;
``--csv`` and ``--xlsx`` write them, in the reader's words, into the export folder."""

from __future__ import annotations

from cli import context
from cli.context import add_period_options, emit_json, say
from models.i18n import pick, t


def register(groups, common) -> None:
    report = groups.add_parser("report", parents=[common], help="day or month report (tickets, cases, ratings)")
    report.add_argument(
        "part", nargs="?", choices=["notices"], help="notices: the month's one-time notices checked (--month)"
    )
    add_period_options(report, xlsx=True)
    report.set_defaults(handler=cmd_report)


def _minutes(value, lang: str) -> str:
    return t("report.none", lang) if value is None else f"{value:.1f}"


def cmd_report(args) -> int:
    from models.cases.reports import report

    if args.part == "notices":
        from cli.notice_commands import cmd_notices

        return cmd_notices(args)
    hall = context.hall_from(args)
    if args.csv or args.xlsx:
        fmt = "xlsx" if args.xlsx else "csv"
        path = hall.export_report(day=args.date, month=args.month, fmt=fmt, lang=context.language)
        say(t("export.written", context.language, path=path))
        return 0
    result = report(hall.config, day=args.date, month=args.month)
    if args.json:
        emit_json(result.as_dict())
        return 0
    lang = context.language
    config = hall.config
    hall_name = pick(config.hall_name, config.hall_name_en, lang)
    say(t("report.title_day" if args.date else "report.title_month", lang, hall=hall_name, period=result.period))
    say(t("report.tickets", lang, **result.tickets))
    if result.tickets_by_line:
        say(t("report.by_line", lang))
        for line, counts in result.tickets_by_line.items():
            say(t("report.line_row", lang, line=line, **counts))
    if result.tickets_by_window:
        say(t("report.by_window", lang))
        for window, counts in result.tickets_by_window.items():
            say(t("report.window_row", lang, window=window, **counts))
    say(
        t(
            "report.wait",
            lang,
            median=_minutes(result.wait_median_minutes, lang),
            p90=_minutes(result.wait_p90_minutes, lang),
        )
    )
    say(t("report.service", lang, median=_minutes(result.service_median_minutes, lang)))
    say(t("report.cases", lang, total=result.cases_total))
    for kind, count in result.cases_by_kind.items():
        say(t("report.kind_row", lang, kind=t(f"case.kind_{kind}", lang), count=count))
    say(
        t(
            "report.overdue",
            lang,
            overdue=result.overdue_cases,
            extended=result.extended_cases,
            extensions=result.extensions,
            over_time=result.over_time_immediate,
        )
    )
    if result.supplement_by_item:
        say(t("report.supplement", lang))
        for item, counts in result.supplement_by_item.items():
            say(
                t(
                    "report.supplement_row",
                    lang,
                    item=item,
                    cases=counts["cases"],
                    supplement=counts["supplement"],
                    share=round(100 * counts["share"], 1),
                )
            )
    say(t("report.ratings", lang))
    for level, count in result.ratings_by_level.items():
        visits = result.visit_ratings_by_level.get(level, 0)
        say(t("report.rating_row", lang, level=t(f"rating.level_{level}", lang), count=count, visits=visits))
    say(
        t(
            "report.followups",
            lang,
            bad=result.bad_ratings,
            open=result.open_followups,
            overdue=result.overdue_followups,
        )
    )
    say(
        t(
            "report.visit_bad",
            lang,
            bad=result.visit_bad_ratings,
            open=result.visit_open_followups,
            overdue=result.visit_overdue_followups,
        )
    )
    return 0
