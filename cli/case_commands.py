"""``hall case …``: the steps of a case (open, supplement, … publish, corrections),
its contact, its rating and its printed notices.

What a case looks like from outside (``hall case show``, the notice board,
the follow-ups) and ``hall ledger`` are in ``cli.ledger_commands``.

Exit status as everywhere: 0 done, 1 refused by a hall rule, 2 usage.
"""

from __future__ import annotations

from cli import context, followup_commands, ledger_commands
from cli.context import acts_as, add_actions, emit_json, parse_date, say
from cli.context import parse_local_time as _local_time
from models import clock
from models.cases.notices import counter_notice
from models.cases.rules import CHANNELS, KINDS, NOTICE_KINDS, NOTIFY_HOWS
from models.i18n import pick, t


def register(groups, common) -> None:
    case = add_actions(groups, "case", common, "cases (办件) and tracking codes", "case_command")

    def sub(name: str, help_text: str, handler, *, staff: bool = True, number: bool = True):
        parser = case.add_parser(name, parents=[common], help=help_text)
        if number:
            parser.add_argument("case", help="case number, e.g. 2026-000123")
        if staff:
            parser.add_argument("--staff", required=True, metavar="CODE", help="staff code of the person acting")
            acts_as(parser, "staff")
        parser.add_argument("--json", action="store_true")
        parser.set_defaults(handler=handler, step=name)
        return parser

    opened = sub("open", "accept a case (受理), from a served ticket or without one", cmd_open, number=False)
    opened.add_argument("--item", help="item code (default: the ticket's item)")
    opened.add_argument("--kind", choices=KINDS, help="default: the item's kind")
    opened.add_argument("--ticket", help="the ticket number served, e.g. A012")
    opened.add_argument("--window", type=int)
    opened.add_argument("--channel", choices=CHANNELS, default="window")
    opened.add_argument("--result", default="", help="the answer or result (consultation, immediate)")
    opened.add_argument(
        "--missing", action="append", default=[], metavar="MATERIAL", help="missing material (repeatable)"
    )
    opened.add_argument("--reason", default="", help="reason of a returned case")
    opened.add_argument("--authority", default="", help="higher authority of an escalated case")
    opened.add_argument("--authority-due", type=parse_date, help="the date the authority promised")
    opened.add_argument("--promised-days", type=int)
    opened.add_argument("--name", default="", help="resident's name, only to tell them the result")
    opened.add_argument("--phone", default="", help="resident's phone, only to tell them the result")

    supplement = sub("supplement", "补充件: list every missing material at once", cmd_step)
    supplement.add_argument("--missing", action="append", required=True, metavar="MATERIAL", help="repeatable")
    received = sub("materials-received", "the materials are complete: the clock restarts", cmd_step)
    received.add_argument("--material", help="only this one missing material came in (the last one completes them)")
    escalate = sub("escalate", "上报件: a higher authority decides", cmd_step)
    escalate.add_argument("--authority", required=True)
    escalate.add_argument("--due", type=parse_date, help="the authority's promised date")
    extend = sub("extend", "延期办结: new date and reason", cmd_step)
    extend.add_argument("--to", dest="due", type=parse_date, required=True, metavar="DATE")
    extend.add_argument("--reason", required=True)
    returned = sub("return", "退回件: with the written reason", cmd_step)
    returned.add_argument("--reason", required=True)
    complete = sub("complete", "办结: the case waits until the resident is told", cmd_step)
    complete.add_argument("--result", default="")
    notify = sub("notify", "办结告知: how and when the resident was told", cmd_step)
    notify.add_argument("--how", choices=NOTIFY_HOWS, required=True)
    notify.add_argument("--at", type=_local_time, help="local time told, default now")
    notify.add_argument(
        "--unreached", action="store_true", help="未接通: the resident was not reached; try again later"
    )
    notify.add_argument(
        "--retry", type=_local_time, help="with --unreached: local time of the next try, default in an hour"
    )
    notify.add_argument("--note", default="", help="with --unreached: what happened")
    publish = sub("publish", "办结公告: a public text without personal data", cmd_step)
    publish.add_argument("--text", required=True)
    handover = sub("handover", "移交: another handler; the first responder stays", cmd_step)
    handover.add_argument("--to", dest="to_staff", required=True, metavar="CODE")
    handover.add_argument("--reason", required=True)
    correct = sub("correct", "a correction: a new event with its reason", cmd_step)
    correct.add_argument("--reason", required=True)
    correct.add_argument("--item")
    correct.add_argument("--window", type=int)
    correct.add_argument("--result")
    correct.add_argument("--public-text")
    correct.add_argument("--kind", choices=KINDS, help="a kind saved by mistake (its deadlines are recomputed)")
    # The 差评 loop's two commonest steps by their older names (``hall case followup`` has them all).
    callback = sub("callback", "a call-back about a poor rating (hall case followup call)", cmd_step)
    callback.add_argument("--unreached", action="store_true", help="未接通: the next try is due")
    callback.add_argument("--note", default="")
    rectify = sub("rectify", "a poor rating put right at once (hall case followup fix)", cmd_step)
    rectify.add_argument("--note", default="", help="what was done: the resident reads it")
    followup_commands.register(case, common)
    contact = sub("contact", "show the resident's full contact (logged), or set it", cmd_contact)
    contact.add_argument("--set-name")
    contact.add_argument("--set-phone")
    contact.add_argument("--purpose", default="")

    notice = sub("notice", "print a notice for a case", cmd_notice, staff=False)
    notice.add_argument("kind", choices=NOTICE_KINDS)

    ledger_commands.register_with_cases(groups, case, common)


def _cases(args):
    return context.hall_from(args).cases


def _print_facts(args, cases, facts, key: str, **params) -> None:
    if args.json:
        emit_json(cases.detail(facts))
        return
    say(t(key, context.language, number=facts.number, **params))


def cmd_open(args) -> int:
    from models.cases import catalogue_materials, find_item

    cases = _cases(args)
    kind = args.kind
    missing: list[str] = []
    other: list[str] = []
    if args.missing:
        item_code = args.item
        if item_code is None and args.ticket:
            from models.queue.tickets import find_ticket

            item_code = find_ticket(args.ticket, context.hall_from(args).queue.today()).item.code
        names = set()
        if item_code:
            for material in catalogue_materials(find_item(item_code)):
                names.update({material.get("name"), material.get("name_en")})
        for entry in args.missing:
            (missing if entry in names else other).append(entry)
        kind = kind or "supplement"
    facts = cases.open_case(
        staff=args.staff,
        item=args.item,
        kind=kind,
        ticket=args.ticket,
        window=args.window,
        channel=args.channel,
        result=args.result,
        missing=missing,
        other=other,
        reason=args.reason,
        authority=args.authority,
        authority_due=args.authority_due,
        promised_days=args.promised_days,
        name=args.name,
        phone=args.phone,
    )
    if args.json:
        emit_json(cases.detail(facts))
        return 0
    lang = context.language
    detail = cases.detail(facts)
    say(
        t(
            "case.opened",
            lang,
            number=facts.number,
            kind=t(f"case.kind_{facts.kind}", lang),
            item=pick(detail["item_name"], detail["item_name_en"], lang),
            code=detail["tracking_code"],
        )
    )
    notice = counter_notice(facts)
    if notice:
        say()
        say(cases.notice_text(facts, notice, lang))
    return 0


def cmd_step(args) -> int:
    cases = _cases(args)
    step = args.step
    if step == "supplement":
        return cmd_supplement(args, cases)
    if step == "materials-received" and args.material:
        facts = cases.material_received(args.case, args.staff, args.material)
        if facts.state == "waiting_materials":
            missing = "、".join(facts.missing)
            _print_facts(args, cases, facts, "case.step_material_received", material=args.material, missing=missing)
        else:
            _print_facts(args, cases, facts, "case.step_materials_received", due=facts.due_date)
    elif step == "materials-received":
        facts = cases.materials_received(args.case, args.staff)
        _print_facts(args, cases, facts, "case.step_materials_received", due=facts.due_date)
    elif step == "escalate":
        facts = cases.escalate(args.case, args.staff, args.authority, args.due)
        _print_facts(args, cases, facts, "case.step_escalated", authority=facts.authority, due=facts.authority_due)
    elif step == "extend":
        facts = cases.extend(args.case, args.staff, args.due, args.reason)
        _print_facts(args, cases, facts, "case.step_extended", due=facts.due_date, count=facts.extensions)
    elif step == "return":
        facts = cases.return_case(args.case, args.staff, args.reason)
        _print_facts(args, cases, facts, "case.step_returned")
    elif step == "complete":
        facts = cases.complete(args.case, args.staff, args.result)
        _print_facts(args, cases, facts, "case.step_completed")
    elif step == "notify" and args.unreached:
        retry = args.retry.replace(tzinfo=cases.config.zone) if args.retry is not None else None
        facts = cases.notify_failed(args.case, args.staff, args.how, args.note, retry)
        retry_words = clock.reading(facts.notify_retry_at, cases.config.zone)
        _print_facts(args, cases, facts, "case.step_notify_failed", retry=retry_words)
    elif step == "notify":
        told = args.at.replace(tzinfo=cases.config.zone) if args.at is not None and args.at.tzinfo is None else args.at
        facts = cases.notify(args.case, args.staff, args.how, told)
        _print_facts(args, cases, facts, "case.step_notified")
    elif step == "publish":
        facts = cases.publish(args.case, args.staff, args.text)
        _print_facts(args, cases, facts, "case.step_published")
    elif step == "handover":
        facts = cases.handover(args.case, args.staff, args.to_staff, args.reason)
        _print_facts(args, cases, facts, "case.step_handover", staff=args.to_staff)
    elif step == "correct":
        changes = {
            name: value
            for name, value in (
                ("item", args.item),
                ("window", args.window),
                ("result", args.result),
                ("public_text", args.public_text),
                ("kind", args.kind),
            )
            if value is not None
        }
        facts = cases.correct(args.case, args.staff, args.reason, **changes)
        _print_facts(args, cases, facts, "case.step_corrected")
    elif step == "callback":
        loops = context.hall_from(args).bad_ratings
        facts = loops.call(args.case, args.staff, reached=not args.unreached, note=args.note)
        _print_facts(args, cases, facts, "case.step_called_back")
    elif step == "rectify":
        facts = context.hall_from(args).bad_ratings.fix_now(args.case, args.staff, args.note)
        _print_facts(args, cases, facts, "case.step_rectified")
    else:  # pragma: no cover - argparse only offers the steps above
        raise AssertionError(step)
    return 0


def cmd_supplement(args, cases) -> int:
    from models.cases import catalogue_materials, find_record

    record = find_record(args.case)
    names = set()
    for material in catalogue_materials(record.item):
        names.update({material.get("name"), material.get("name_en")})
    chosen = [m for m in args.missing if m in names]
    other = [m for m in args.missing if m not in names]
    facts = cases.supplement(record, args.staff, chosen, other)
    if args.json:
        emit_json(cases.detail(facts))
        return 0
    say(t("case.step_supplement", context.language, number=facts.number))
    say()
    say(cases.notice_text(facts, "supplement", context.language))
    return 0


def cmd_contact(args) -> int:
    cases = _cases(args)
    if args.set_name is not None or args.set_phone is not None:
        facts = cases.set_contact(args.case, args.staff, args.set_name, args.set_phone)
        _print_facts(args, cases, facts, "case.step_contact_set")
        return 0
    contact = cases.contact_for(args.case, args.staff, args.purpose)
    if args.json:
        emit_json(contact)
    else:
        from models.cases import normalise_number

        number = normalise_number(args.case)
        say(
            t(
                "case.contact_shown",
                context.language,
                number=number,
                name=contact["name"] or "-",
                phone=contact["phone"] or "-",
            )
        )
    return 0


def cmd_notice(args) -> int:
    cases = _cases(args)
    text = cases.notice_text(args.case, args.kind, context.language)
    if args.json:
        emit_json({"case": args.case, "notice": args.kind, "text": text})
    else:
        say(text)
    return 0
