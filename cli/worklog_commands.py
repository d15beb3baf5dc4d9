"""``hall log …`` (the worker's log) and ``hall meeting …`` (weekly meetings and
study sessions, a month's count and its summary file).

Writing, correcting and reading a log, and recording a meeting, act as
someone whose PIN is asked. Exit status as everywhere: 0 done, 1 refused by a
hall rule, 2 usage.
"""

from __future__ import annotations

from cli import context
from cli.context import acts_as, add_actions, emit_json, emit_rows, parse_date, parse_local_time, parse_month, say
from models.i18n import t
from models.worklog.meetings import MEETING_KINDS


def register(groups, common) -> None:
    log = add_actions(groups, "log", common, "the worker's log (社区工作者日志)", "log_command")

    def sub(actions, name: str, help_text: str, handler, *, staff: bool = True):
        parser = actions.add_parser(name, parents=[common], help=help_text)
        if staff:
            parser.add_argument("--staff", required=True, metavar="CODE", help="staff code of the person acting")
            acts_as(parser, "staff")
        parser.add_argument("--json", action="store_true")
        parser.set_defaults(handler=handler)
        return parser

    write = sub(log, "write", "an entry in one's own log", cmd_log_write)
    write.add_argument("--text", required=True)
    write.add_argument("--date", type=parse_date, help="the day it is for, default today")
    correct = sub(log, "correct", "a correction: a new entry replacing one of one's own", cmd_log_correct)
    correct.add_argument("entry", type=int, help="the number of the entry corrected")
    correct.add_argument("--text", required=True)
    listed = sub(log, "list", "log entries: one's own, or (a leader) anyone's", cmd_log_list)
    listed.add_argument("--of", metavar="CODE", help="whose log ('*': everyone's); default one's own")
    period = listed.add_mutually_exclusive_group()
    period.add_argument("--date", type=parse_date)
    period.add_argument("--month", type=parse_month)

    meeting = add_actions(groups, "meeting", common, "weekly meetings and study sessions", "meeting_command")
    record = sub(meeting, "record", "a meeting or study session held", cmd_meeting_record)
    record.add_argument("--kind", choices=MEETING_KINDS, required=True)
    record.add_argument(
        "--at", dest="held_at", type=parse_local_time, required=True, help="local time held, e.g. '2026-11-23 08:00'"
    )
    record.add_argument("--content", required=True)
    record.add_argument("--attended", required=True, metavar="CODES", help="staff codes, comma-separated")
    fix = sub(meeting, "correct", "a correction: a new version of a meeting, with the reason", cmd_meeting_correct)
    fix.add_argument("meeting", type=int, help="the number of the meeting corrected (its latest version)")
    fix.add_argument("--reason", required=True)
    fix.add_argument(
        "--at", dest="held_at", type=parse_local_time, help="the right local time, e.g. '2026-11-23 08:00'"
    )
    fix.add_argument("--content")
    fix.add_argument("--attended", metavar="CODES", help="everyone who attended, comma-separated")
    month = sub(meeting, "month", "a month's meetings against the seed's numbers", cmd_meeting_month, staff=False)
    month.add_argument("--month", type=parse_month, required=True, metavar="YYYY-MM")
    month.add_argument("--export", choices=("csv", "xlsx"), help="write the month's summary file instead")


def cmd_log_write(args) -> int:
    entry = context.hall_from(args).worklog.write(args.staff, args.text, day=args.date)
    if args.json:
        emit_json(entry.as_dict())
    else:
        say(t("worklog.written", context.language, day=entry.day, id=entry.id))
    return 0


def cmd_log_correct(args) -> int:
    entry = context.hall_from(args).worklog.correct(args.staff, args.entry, args.text)
    if args.json:
        emit_json(entry.as_dict())
    else:
        say(t("worklog.corrected", context.language, id=entry.id, old=args.entry))
    return 0


def cmd_log_list(args) -> int:
    entries = context.hall_from(args).worklog.entries(args.staff, args.of, day=args.date, month=args.month)
    lang = context.language

    def line(entry) -> str:
        mark = f" ({t('worklog.corrected_mark', lang)} → {entry.corrected_by})" if entry.corrected_by else ""
        return f"{entry.id:>5}  {entry.day}  {entry.staff}  {entry.text}{mark}"

    return emit_rows(args, entries, t("worklog.no_entries", lang), line)


def cmd_meeting_record(args) -> int:
    hall = context.hall_from(args)
    held = args.held_at.replace(tzinfo=hall.config.zone)
    row = hall.meetings.record(args.staff, args.kind, held, args.content, _codes(args.attended))
    if args.json:
        emit_json(row.as_dict())
    else:
        kind = t(f"worklog.kind_{row.kind}", context.language)
        say(t("worklog.meeting_recorded", context.language, kind=kind, day=row.day, count=len(row.attendees)))
    return 0


def _codes(listed: str) -> list[str]:
    return [code.strip() for code in listed.replace("，", ",").split(",") if code.strip()]


def cmd_meeting_correct(args) -> int:
    hall = context.hall_from(args)
    held = args.held_at.replace(tzinfo=hall.config.zone) if args.held_at else None
    people = _codes(args.attended) if args.attended is not None else None
    row = hall.meetings.correct(
        args.staff, args.meeting, args.reason, held_at=held, content=args.content, attendees=people
    )
    if args.json:
        emit_json(row.as_dict())
    else:
        say(t("worklog.meeting_corrected", context.language, id=row.id, old=args.meeting, day=row.day))
    return 0


def cmd_meeting_month(args) -> int:
    hall = context.hall_from(args)
    lang = context.language
    if args.export:
        from models.worklog import export_month

        path = export_month(hall.config, args.month, args.export, lang)
        say(t("worklog.exported", lang, path=path))
        return 0
    tally = hall.meetings.month(args.month)
    if args.json:
        emit_json(tally.as_dict())
        return 0
    say(tally.words(lang))
    if tally.weeks_without:
        say(t("worklog.weeks_without", lang, weeks="、".join(d.isoformat() for d in tally.weeks_without)))
    for meeting in tally.meetings:
        kind = t(f"worklog.kind_{meeting.kind}", lang)
        mark = f"  [{t('worklog.corrects_mark', lang, old=meeting.corrects)}]" if meeting.corrects else ""
        say(f"  {meeting.id:>4}  {meeting.held_at}  {kind}  {meeting.content}  ({', '.join(meeting.attendees)}){mark}")
    return 0
