"""``hall contact …``: the contacts register (来电、来信、电子邮件、网络留言).

``record``, ``pass``, ``report-up``, ``reply`` and ``reveal`` act as someone,
whose PIN is asked; ``list`` and ``show`` print what every list shows: the
sender masked. Exit status as everywhere: 0 done, 1 refused by a hall rule, 2 usage.
"""

from __future__ import annotations

from cli import context
from cli.context import acts_as, add_actions, emit_json, emit_rows, parse_date, parse_local_time, say
from models.cases.rules import NOTIFY_HOWS
from models.contacts.deadlines import CONTACT_CHANNELS
from models.i18n import t


def register(groups, common) -> None:
    contact = add_actions(groups, "contact", common, "calls, letters, e-mail and online messages", "contact_command")

    def sub(name: str, help_text: str, handler, *, staff: bool = True, number: bool = True):
        parser = contact.add_parser(name, parents=[common], help=help_text)
        if number:
            parser.add_argument("case", help="the case number it became, e.g. 2026-000123")
        if staff:
            parser.add_argument("--staff", required=True, metavar="CODE", help="staff code of the person acting")
            acts_as(parser, "staff")
        parser.add_argument("--json", action="store_true")
        parser.set_defaults(handler=handler)
        return parser

    record = sub("record", "record a call, letter, e-mail or online message", cmd_record, number=False)
    record.add_argument("--channel", choices=CONTACT_CHANNELS, required=True)
    record.add_argument("--from", dest="sender", required=True, metavar="NAME", help="name or unit (kept masked)")
    record.add_argument("--matter", required=True, help="what was raised")
    record.add_argument("--promised", default="", help="what was promised")
    record.add_argument("--phone", default="", help="the sender's phone, only to reply")
    record.add_argument("--item", help="catalogue item it is filed under (default: contacts.item)")
    record.add_argument("--received", type=parse_local_time, help="local time it came in, default now")
    record.add_argument("--pass-to", metavar="CODE", help="转交 at once to this person, in the same transaction")
    record.add_argument("--pass-note", default="", help="a note for the person it is passed on to")
    passed = sub("pass", "转交: pass it on to a named person", cmd_pass)
    passed.add_argument("--to", dest="to_staff", required=True, metavar="CODE")
    passed.add_argument("--note", default="")
    up = sub("report-up", "上报: it cannot be handled here", cmd_report_up)
    up.add_argument("--to", dest="authority", required=True, metavar="AUTHORITY")
    up.add_argument("--due", type=parse_date, help="the authority's promised date")
    reply = sub("reply", "回复: the answer given; closes the contact", cmd_reply)
    reply.add_argument("--text", required=True)
    reply.add_argument("--how", choices=NOTIFY_HOWS, help="default: the way it came")
    reveal = sub("reveal", "the sender's full name and phone (logged, with a reason)", cmd_reveal)
    reveal.add_argument("--reason", required=True)
    listed = sub("list", "contacts waiting for a reply, the soonest first", cmd_list, staff=False, number=False)
    listed.add_argument("--overdue", action="store_true", help="only those past their reply day")
    listed.add_argument("--all", action="store_true", help="the replied ones too, newest first")
    listed.add_argument("--handler", dest="handled_by", metavar="CODE", help="only those passed to this person")
    listed.add_argument("--channel", choices=CONTACT_CHANNELS)
    sub("show", "one contact with its history", cmd_show, staff=False)


def _contacts(args):
    return context.hall_from(args).contacts


def _done(args, row, key: str, **params) -> int:
    if args.json:
        emit_json(row.as_dict())
        return 0
    say(t(key, context.language, number=row.number, **params))
    return 0


def cmd_record(args) -> int:
    hall = context.hall_from(args)
    received = args.received.replace(tzinfo=hall.config.zone) if args.received else None
    row = hall.contacts.record(
        staff=args.staff,
        channel=args.channel,
        sender=args.sender,
        matter=args.matter,
        promised=args.promised,
        phone=args.phone,
        item=args.item,
        received_at=received,
        pass_to=args.pass_to,
        pass_note=args.pass_note,
    )
    lang = context.language
    channel = t(f"contact.channel_{row.channel}", lang)
    return _done(args, row, "contact.recorded", channel=channel, sender=row.sender, due=row.reply_due)


def cmd_pass(args) -> int:
    row = _contacts(args).pass_on(args.case, args.staff, args.to_staff, note=args.note)
    return _done(args, row, "contact.passed", to=row.handler)


def cmd_report_up(args) -> int:
    row = _contacts(args).report_up(args.case, args.staff, args.authority, due=args.due)
    return _done(args, row, "contact.reported_up", authority=row.authority, due=row.reply_due)


def cmd_reply(args) -> int:
    row = _contacts(args).reply(args.case, args.staff, args.text, how=args.how)
    return _done(args, row, "contact.replied")


def cmd_reveal(args) -> int:
    full = _contacts(args).reveal(args.case, args.staff, args.reason)
    if args.json:
        emit_json(full)
    else:
        say(f"{full['name']}  {full['phone']}".strip())
    return 0


def _mark(row, lang: str) -> str:
    if row.overdue:
        return t("contact.mark_overdue", lang)
    if row.days_left == 0:
        return t("contact.due_today", lang)
    return ""


def line(row, lang: str) -> str:
    """One contact as a line of text: never the sender's full name or phone."""
    channel = t(f"contact.channel_{row.channel}", lang)
    state = t(f"contact.state_{row.state}", lang)
    return (
        f"{row.number}  {channel}  {row.received_at}  {row.reply_due}  {_mark(row, lang) or '-'}  "
        f"{row.sender}  {row.handler}  {state}  {row.matter}"
    )


def cmd_list(args) -> int:
    rows = _contacts(args).list(
        open_only=not args.all, overdue=args.overdue, handler=args.handled_by, channel=args.channel
    )
    lang = context.language
    return emit_rows(args, rows, t("contact.no_contacts", lang), lambda row: line(row, lang))


def cmd_show(args) -> int:
    row = _contacts(args).get(args.case)
    if args.json:
        emit_json(row.as_dict())
        return 0
    lang = context.language
    say(line(row, lang))
    if row.promised:
        say(f"  → {row.promised}")
    for entry in row.history:
        extra = entry.get("to") or entry.get("authority") or entry.get("reply") or ""
        say(f"  {entry['at']}  {t('contact.step_' + entry['kind'], lang)}  {entry['staff']}  {extra}")
    return 0
