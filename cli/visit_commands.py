"""``hall households load|check|list|reveal``, ``hall visit log|case|answer|go`` and ``hall visits``.

A household is always shown masked; ``reveal`` opens one for its area's
worker or a leader, with a reason that is logged. Every ``visit`` action is
a staff action: the PIN of ``--staff`` is asked.
"""

from __future__ import annotations

import sys

from cli import context
from cli.context import acts_as, add_actions, emit_json, parse_date, parse_month, say
from cli.whereabouts_commands import _hhmm
from models.households.rules import ANSWER_HOWS, HOWS, MET
from models.i18n import t


def register(groups, common) -> None:
    households = add_actions(groups, "households", common, "areas (网格) and their households", "households_command")
    checking = households.add_parser("check", parents=[common], help="check an area file (TOML or CSV)")
    checking.add_argument("file")
    checking.set_defaults(handler=cmd_check)
    loading = households.add_parser("load", parents=[common], help="load an area file into the hall (a leader)")
    loading.add_argument("file")
    loading.add_argument("--staff", required=True, metavar="CODE", help="the leader loading it (PIN asked)")
    loading.set_defaults(handler=cmd_load)
    acts_as(loading, "staff")
    listing = households.add_parser("list", parents=[common], help="the households, masked")
    listing.add_argument("--area", metavar="CODE")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=cmd_list)
    reveal = households.add_parser("reveal", parents=[common], help="a household's details (logged with the reason)")
    reveal.add_argument("household")
    reveal.add_argument("--staff", required=True, metavar="CODE")
    reveal.add_argument("--reason", required=True)
    reveal.add_argument("--json", action="store_true")
    reveal.set_defaults(handler=cmd_reveal)
    acts_as(reveal, "staff")

    visit = add_actions(groups, "visit", common, "household visits (走访, 民情日志)", "visit_command")

    def sub(name: str, help_text: str, handler):
        parser = visit.add_parser(name, parents=[common], help=help_text)
        parser.add_argument("--staff", required=True, metavar="CODE", help="staff code of the person acting")
        parser.add_argument("--json", action="store_true")
        parser.set_defaults(handler=handler)
        acts_as(parser, "staff")
        return parser

    log = sub("log", "log a visit, now or after the fact", cmd_log)
    log.add_argument("--household", required=True, metavar="CODE")
    log.add_argument("--date", type=parse_date, help="the day of the visit (default today)")
    log.add_argument("--how", choices=HOWS, default="home")
    log.add_argument("--met", choices=MET, default="head", help="whom the worker met")
    log.add_argument("--note", default="")
    log.add_argument("--raised", action="append", default=[], metavar="TEXT", help="a matter raised (repeatable)")
    case = sub("case", "open a case for a matter raised", cmd_case)
    case.add_argument("matter", type=int)
    case.add_argument("--item", required=True, help="item code of the case")
    case.add_argument("--kind")
    case.add_argument("--result", default="")
    answer = sub("answer", "record the answer given back on a matter", cmd_answer)
    answer.add_argument("matter", type=int)
    answer.add_argument("--text", required=True)
    answer.add_argument("--how", choices=ANSWER_HOWS, default="home")
    go = sub("go", "set one's whereabouts to 走访, naming the households planned", cmd_go)
    go.add_argument("--household", action="append", default=[], metavar="CODE", help="repeatable")
    go.add_argument("--note", default="")
    go.add_argument("--back", type=_hhmm, metavar="HH:MM")

    progress = groups.add_parser("visits", parents=[common], help="visit progress for a month (the leader's view)")
    progress.add_argument("--month", type=parse_month, required=True, metavar="YYYY-MM")
    progress.add_argument("--worker", metavar="CODE", help="one worker, with their households still to visit first")
    shape = progress.add_mutually_exclusive_group()
    shape.add_argument("--json", action="store_true")
    shape.add_argument("--csv", action="store_true", help="write the month's summary into the export folder")
    progress.set_defaults(handler=cmd_visits)


def _problems_out(problems) -> int:
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1


def cmd_check(args) -> int:
    from models.households.area_file import check_file
    from models.households.store import active_staff_codes

    context.hall_from(args)
    checked, problems = check_file(args.file, active_staff_codes())
    if problems or checked is None:
        return _problems_out(problems)
    say(
        t(
            "visits.checked",
            context.language,
            file=args.file,
            areas=len(checked.areas),
            households=len(checked.households),
        )
    )
    return 0


def cmd_load(args) -> int:
    from models.households.store import AreaFileRefused, load_file

    context.hall_from(args)
    try:
        counts = load_file(args.file, args.staff)
    except AreaFileRefused as refused:
        return _problems_out(refused.problems)
    say(t("visits.loaded", context.language, source=args.file, **counts))
    return 0


def _care(row, lang: str) -> str:
    return t(f"visits.care_{row.care}", lang) if row.care else ""


def cmd_list(args) -> int:
    hall = context.hall_from(args)
    rows = hall.households.rows(args.area)
    if args.json:
        emit_json([r.as_dict() for r in rows])
        return 0
    if not rows:
        say(t("visits.no_households", context.language))
    for r in rows:
        place = " ".join(x for x in (r.address, r.building, r.unit, r.room) if x)
        say(f"{r.area:8} {r.code:12} {place}  {r.head} {r.phone}  {_care(r, context.language)}".rstrip())
    return 0


def cmd_reveal(args) -> int:
    hall = context.hall_from(args)
    full = hall.households.reveal(args.household, args.staff, args.reason)
    if args.json:
        emit_json(full)
        return 0
    for key, value in full.items():
        if value:
            say(f"{key}: {value}")
    say(t("visits.opened", context.language, reason=args.reason))
    return 0


def cmd_log(args) -> int:
    hall = context.hall_from(args)
    facts = hall.visits.log(
        args.staff, args.household, on=args.date, how=args.how, met=args.met, note=args.note, matters=args.raised
    )
    if args.json:
        emit_json(facts.as_dict())
        return 0
    say(t("visits.logged", context.language, household=facts.household, day=facts.visited_on, id=facts.id))
    for matter in facts.matters:
        say(f"  {matter.id}. {matter.text}")
    return 0


def cmd_case(args) -> int:
    hall = context.hall_from(args)
    number = hall.visits.open_case(args.matter, args.staff, item=args.item, kind=args.kind, result=args.result)
    if args.json:
        emit_json({"matter": args.matter, "case": number})
        return 0
    say(t("visits.case_opened", context.language, matter=args.matter, number=number))
    return 0


def cmd_answer(args) -> int:
    hall = context.hall_from(args)
    facts = hall.visits.answer(args.matter, args.staff, args.text, how=args.how)
    if args.json:
        emit_json(facts.as_dict())
        return 0
    say(t("visits.answered", context.language, matter=args.matter))
    return 0


def cmd_go(args) -> int:
    hall = context.hall_from(args)
    back = hall.whereabouts.back_at_today(args.back) if args.back else None
    change = hall.visits.go_visiting(args.staff, args.household, args.note, back)
    if args.json:
        emit_json({**change.as_dict(), "planned": hall.visits.planned(args.staff)})
        return 0
    say(
        t(
            "whereabouts.state_set",
            context.language,
            staff=change.staff,
            name=change.name,
            state=t("whereabouts.state_visiting", context.language),
        )
    )
    for code in hall.visits.planned(args.staff):
        say(f"  {code}")
    return 0


def _line(w, lang: str) -> str:
    return t(
        "visits.progress_line",
        lang,
        worker=w.worker,
        name=w.name,
        visited=w.visited,
        target=w.target,
        coverage=w.coverage,
        covered=w.covered,
        households=w.households,
        not_contacted=w.not_contacted,
        behind=t("visits.behind_mark", lang) if w.behind else "",
    )


def cmd_visits(args) -> int:
    hall = context.hall_from(args)
    lang = context.language
    if not args.json and not hall.households.areas():
        # Progress is counted against the areas' households: with none there is nothing to count or export.
        say(t("visits.no_areas", lang))
        return 0
    if args.csv:
        from models.visits.summary import export_summary

        say(t("visits.exported", lang, path=export_summary(hall.config, hall.visit_progress, args.month, lang)))
        return 0
    if args.worker:
        mine = hall.visit_progress.of_worker(args.worker, args.month)
        if args.json:
            emit_json(mine.as_dict())
            return 0
        say(_line(mine, lang))
        for status in mine.statuses:
            r = status.household
            mark = "*" if status.to_visit else " "
            last = status.last_visit.isoformat() if status.last_visit else "-"
            say(f" {mark} {r.code:12} {r.building}{r.unit} {r.head:6} {last:10} {_care(r, lang)}".rstrip())
        return 0
    view = hall.visit_progress.leader_view(args.month)
    if args.json:
        emit_json(view.as_dict())
        return 0
    for w in view.workers:
        say(_line(w, lang))
    for r in view.not_contacted:
        say(f"  ! {r.area:8} {r.code:12} {r.head} {_care(r, lang)}  ({r.worker})")
    return 0
