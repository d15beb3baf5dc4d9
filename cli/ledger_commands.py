"""``hall case show`` (what a tracking code shows, or a staff view of one case),
``hall case notices`` (the notice board), ``hall case followups`` (in ``cli.followup_commands``) and
``hall ledger`` (便民服务登记台帐): reading cases, never changing them.

Exit status as everywhere: 0 done, 1 refused by a hall rule, 2 usage.
"""

from __future__ import annotations

from cli import context, followup_commands
from cli.context import emit_json, say
from models.cases.rules import KINDS, STATES
from models.i18n import pick, t


def register_with_cases(groups, case, common) -> None:
    """The reading actions of ``hall case`` (its action parsers ``case``), and ``hall ledger``."""
    show = case.add_parser("show", parents=[common], help="what a tracking code shows, with its cases")
    show.add_argument("code", help="tracking code, or with --staff a case number")
    show.add_argument("--staff", metavar="CODE", help="staff view of one case (masked contact, history)")
    context.acts_as(show, "staff")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=cmd_show)

    notices = case.add_parser("notices", parents=[common], help="办结公告 on the notice board")
    notices.add_argument("--json", action="store_true")
    notices.set_defaults(handler=cmd_notices)
    followups = case.add_parser("followups", parents=[common], help="open 差评 loops, overdue first")
    followups.add_argument("--all", action="store_true", help="also the finished ones")
    followups.add_argument("--verifier", metavar="CODE", help="only the loops this person verifies")
    followups.add_argument("--json", action="store_true")
    followups.set_defaults(handler=followup_commands.cmd_followups)

    ledger = groups.add_parser("ledger", parents=[common], help="the case ledger (便民服务登记台帐)")
    ledger.add_argument("--open", action="store_true")
    ledger.add_argument("--overdue", action="store_true")
    ledger.add_argument("--due-within", type=int, metavar="N", help="due within N working days")
    ledger.add_argument("--today", action="store_true", help="accepted today")
    ledger.add_argument("--window", type=int)
    ledger.add_argument("--kind", choices=KINDS)
    ledger.add_argument("--state", choices=STATES)
    ledger.add_argument("--handler", dest="handler_code", metavar="CODE")
    ledger.add_argument("--first-responder", metavar="CODE")
    ledger.add_argument("--followup", action="store_true", help="open 差评 follow-ups")
    ledger.add_argument("--search", default="", help="case number, tracking code or last 4 phone digits")
    ledger.add_argument("--page", type=int, default=1)
    ledger.add_argument("--page-size", type=int, default=50)
    shape = ledger.add_mutually_exclusive_group()
    shape.add_argument("--json", action="store_true")
    shape.add_argument("--csv", action="store_true", help="all the cases found, as a CSV file in the export folder")
    shape.add_argument("--xlsx", action="store_true", help="all the cases found, as an XLSX file in the export folder")
    ledger.set_defaults(handler=cmd_ledger)


def cmd_show(args) -> int:
    from models.cases.public_view import public_view

    hall = context.hall_from(args)
    lang = context.language
    if args.staff:
        from models.cases import find_staff

        find_staff(args.staff)
        detail = hall.cases.detail(args.code)
        if args.json:
            emit_json(detail)
            return 0
        _print_detail(detail, lang)
        return 0
    view = public_view(hall.config, args.code)
    if args.json:
        emit_json(view)
        return 0
    ticket = view["ticket"]
    if ticket is not None:
        say(f"{view['tracking_code']}  {ticket['number']}  {pick(view['item']['name'], view['item']['name_en'], lang)}")
        say(f"  {t('ticket.state_' + ticket['state'], lang)}  {ticket['issued_at']}")
    else:
        say(view["tracking_code"])
    if not view["cases"]:
        say("  " + t("case.no_cases", lang))
    for case in view["cases"]:
        _print_public_case(case, lang)
    return 0


def _print_public_case(case: dict, lang: str) -> None:
    item = pick(case["item"]["name"], case["item"]["name_en"], lang)
    flags = f"  {t('case.overdue', lang)}" if case["overdue"] else ""
    say(
        f"  {case['number']}  {t('case.kind_' + case['kind'], lang)}  {t('case.state_' + case['state'], lang)}  {item}{flags}"
    )
    if case["due_date"] and case["state"] == "in_progress":
        say("    " + t("case.due", lang, due=case["due_date"]))
    if case["missing"]:
        say("    " + t("case.missing", lang, materials=t("notice.list_sep", lang).join(case["missing"])))
    if case["extended_to"]:
        say("    " + t("case.extended", lang, due=case["extended_to"]))
    if case["result"]:
        say("    " + t("case.result", lang, result=case["result"]))
    if case["return_reason"]:
        say("    " + t("case.return_reason", lang, reason=case["return_reason"]))


def _print_detail(detail: dict, lang: str) -> None:
    item = pick(detail["item_name"], detail["item_name_en"], lang)
    say(
        f"{detail['number']}  {detail['tracking_code']}  {t('case.kind_' + detail['kind'], lang)}  {t('case.state_' + detail['state'], lang)}"
    )
    say(
        f"  {item}  {t('ledger.window', lang)} {detail['window'] or '-'}  {t('ledger.handler', lang)} {detail['handler']}  {t('ledger.first_responder', lang)} {detail['first_responder']}"
    )
    if detail["due_date"]:
        say(
            "  "
            + t("case.due", lang, due=detail["due_date"])
            + (f"  {t('case.overdue', lang)}" if detail["overdue"] else "")
        )
    if detail["phone_masked"] or detail["name_masked"]:
        say(f"  {t('ledger.contact', lang)} {detail['name_masked']} {detail['phone_masked']}")
    for entry in detail["history"]:
        say(f"  {entry['at']}  {entry['kind']:<18} {entry['staff'] or '-'}")


def cmd_notices(args) -> int:
    cases = context.hall_from(args).cases
    notices = cases.public_notices()
    if args.json:
        emit_json({"notices": notices})
        return 0
    lang = context.language
    say(t("case.notices_title", lang))
    if not notices:
        say("  " + t("case.no_notices", lang))
    for notice in notices:
        say(
            f"  {notice['published_on']}  {notice['number']}  {pick(notice['item'], notice['item_en'], lang)}：{notice['text']}"
        )
    return 0


def cmd_ledger(args) -> int:
    from models.cases.export_files import ledger_flags
    from models.cases.ledger import LedgerFilter

    cases = context.hall_from(args).cases
    flt = LedgerFilter(
        open=args.open,
        overdue=args.overdue,
        due_within=args.due_within,
        today=args.today,
        window=args.window,
        kind=args.kind,
        state=args.state,
        handler=args.handler_code,
        first_responder=args.first_responder,
        followup=args.followup,
        search=args.search,
    )
    if args.csv or args.xlsx:
        path = cases.export_ledger(flt, "xlsx" if args.xlsx else "csv", context.language)
        say(t("export.written", context.language, path=path))
        return 0
    page = cases.ledger(flt, args.page, args.page_size)
    if args.json:
        emit_json(page.as_dict())
        return 0
    lang = context.language
    if not page.rows:
        say(t("ledger.empty", lang))
        return 0
    heads = (
        "number",
        "kind",
        "state",
        "item",
        "window",
        "accepted_at",
        "due",
        "handler",
        "first_responder",
        "contact",
        "flags",
    )
    say("  ".join(t(f"ledger.{h}", lang) for h in heads))
    for row in page.rows:
        flags = ledger_flags(row, lang)
        say(
            "  ".join(
                str(x)
                for x in (
                    row.number,
                    t(f"case.kind_{row.kind}", lang),
                    t(f"case.state_{row.state}", lang),
                    pick(row.item_name, row.item_name_en, lang),
                    row.window or "-",
                    row.accepted_at.replace("T", " ")[:16],
                    row.due_date or "-",
                    row.handler,
                    row.first_responder,
                    row.phone_masked or "-",
                    ",".join(flags) or "-",
                )
            )
        )
    if page.has_more:
        say(t("ledger.more", lang, page=page.page + 1))
    return 0
