"""``hall duty`` (the roster, swaps, the opening and closing checklists, the leader's log) and ``hall attendance``.

Exit status as everywhere: 0 done, 1 refused by a hall rule, 2 usage.
"""

from __future__ import annotations

import sys

from cli import context
from cli.context import add_actions, add_period_options, emit_json, local_hhmm, parse_date, say
from cli.errors import UsageError
from models.i18n import t


def register(groups, common) -> None:
    # --- hall duty -------------------------------------------------------------------
    duty = add_actions(groups, "duty", common, "duty roster (值班), checklists, the leader's log", "duty_command")
    roster = duty.add_parser("roster", parents=[common], help="who is on duty, day by day")
    roster.add_argument("--from", dest="start", type=parse_date, metavar="DATE", help="first day (default: today)")
    roster.add_argument("--days", type=int, default=7)
    roster.add_argument("--json", action="store_true")
    roster.set_defaults(handler=cmd_roster)
    swap = duty.add_parser("swap", parents=[common], help="someone else takes a day's duty (换班)")
    swap.add_argument("day", type=parse_date)
    swap.add_argument("from_code", metavar="FROM")
    swap.add_argument("to_code", metavar="TO")
    swap.add_argument("--reason", required=True)
    swap.add_argument("--json", action="store_true")
    swap.set_defaults(handler=cmd_swap)

    def which(parser):
        group = parser.add_mutually_exclusive_group(required=True)
        group.add_argument("--opening", dest="checklist", action="store_const", const="opening")
        group.add_argument("--closing", dest="checklist", action="store_const", const="closing")

    tick = duty.add_parser("tick", parents=[common], help="tick an item of the opening or closing checklist")
    which(tick)
    tick.add_argument("item", type=int, help="item number, from 1 (see `hall duty history`)")
    tick.add_argument("--staff", required=True, metavar="CODE")
    tick.add_argument("--problem", default="", help="a problem found with this item")
    tick.add_argument("--date", type=parse_date, help="default: today")
    tick.add_argument("--json", action="store_true")
    context.acts_as(tick, "staff")
    tick.set_defaults(handler=cmd_tick)

    untick = duty.add_parser("untick", parents=[common], help="take back the tick of a checklist item, with a reason")
    which(untick)
    untick.add_argument("item", type=int, help="item number, from 1")
    untick.add_argument("--staff", required=True, metavar="CODE")
    untick.add_argument("--reason", required=True)
    untick.add_argument("--json", action="store_true")
    context.acts_as(untick, "staff")
    untick.set_defaults(handler=cmd_untick)
    sign = duty.add_parser(
        "sign-off", parents=[common], help="sign a checklist off; closing stops the kiosk until tomorrow"
    )
    which(sign)
    sign.add_argument("--staff", required=True, metavar="CODE")
    sign.add_argument("--note", default="")
    sign.add_argument("--early-reason", default="", help="a leader closing before the day's issuing has stopped: why")
    sign.add_argument(
        "--answer",
        action="append",
        default=[],
        metavar="KEY=NOTE",
        help="answer an open problem (log:ID, opening:N, closing:N) with a note; repeat for each",
    )
    sign.add_argument("--date", type=parse_date, help="default: today")
    sign.add_argument("--json", action="store_true")
    context.acts_as(sign, "staff")
    sign.set_defaults(handler=cmd_sign_off)
    reopen = duty.add_parser("reopen", parents=[common], help="a leader reopens today's closing signed by mistake")
    reopen.add_argument("--leader", required=True, metavar="CODE")
    reopen.add_argument("--reason", required=True)
    reopen.add_argument("--json", action="store_true")
    reopen.set_defaults(handler=cmd_reopen)
    history = duty.add_parser("history", parents=[common], help="a day's duty, checklists and the leader's log")
    history.add_argument("--date", type=parse_date, help="default: today")
    history.add_argument("--json", action="store_true")
    history.set_defaults(handler=cmd_history)
    problem = duty.add_parser("problem", parents=[common], help="the leader on duty notes a problem (领导带班)")
    problem.add_argument("text")
    problem.add_argument("--leader", required=True, metavar="CODE")
    problem.add_argument("--date", type=parse_date, help="default: today")
    problem.add_argument("--json", action="store_true")
    context.acts_as(problem, "leader")
    problem.set_defaults(handler=cmd_log, kind="problem")
    fix = duty.add_parser("fix", parents=[common], help="the fix of a noted problem")
    fix.add_argument("id", type=int, help="problem number")
    fix.add_argument("text")
    fix.add_argument("--leader", required=True, metavar="CODE")
    fix.add_argument("--json", action="store_true")
    context.acts_as(fix, "leader")
    fix.set_defaults(handler=cmd_log, kind="fix")

    # --- hall attendance -----------------------------------------------------------------
    attendance = groups.add_parser("attendance", parents=[common], help="attendance (考勤) of a day or a month")
    add_period_options(attendance)
    attendance.set_defaults(handler=cmd_attendance)


# --- duty ---------------------------------------------------------------------------


def _roster_line(d, lang: str) -> str:
    if not d.hours:
        return f"{d.day.isoformat()}  {t('duty.no_duty', lang)}"
    people = "、".join(f"{c} {n}" for c, n in zip(d.staff, d.names, strict=True)) or "-"
    hours = ",".join(f"{a:%H:%M}-{b:%H:%M}" for a, b in d.hours)
    text = t(
        "duty.roster_line",
        lang,
        day=d.day.isoformat(),
        weekday=t(f"duty.weekday_{d.day.weekday()}", lang),
        people=people,
        leader=f"{d.leader} {d.leader_name}" if d.leader else "-",
        hours=hours,
        arrive=f"{d.arrive_by:%H:%M}" if d.arrive_by else "",
    )
    if d.swaps:
        text += "  " + t("duty.swapped_note", lang, swaps="；".join(f"{s.from_staff}→{s.to_staff}" for s in d.swaps))
    if d.on_leave:
        text += "  " + t("duty.on_leave_note", lang, staff="、".join(d.on_leave))
    return text


def cmd_roster(args) -> int:
    if not 1 <= args.days <= 366:
        raise UsageError("hall duty roster: --days must be between 1 and 366")
    hall = context.hall_from(args)
    days = hall.duty.roster(args.start, args.days)
    if args.json:
        emit_json({"roster": [d.as_dict() for d in days]})
        return 0
    for d in days:
        say(_roster_line(d, context.language))
    return 0


def cmd_swap(args) -> int:
    hall = context.hall_from(args)
    day = hall.duty.swap(args.day, args.from_code, args.to_code, args.reason)
    if args.json:
        emit_json(day.as_dict())
    else:
        say(_roster_line(day, context.language))
    return 0


def cmd_tick(args) -> int:
    hall = context.hall_from(args)
    lang = context.language
    tick = hall.duty.tick(args.date, args.checklist, args.item - 1, args.staff, args.problem)
    if args.json:
        emit_json(tick.as_dict())
        return 0
    say(t("duty.ticked", lang, number=tick.item_index + 1, item=tick.item_text, staff=tick.staff))
    return 0


def cmd_untick(args) -> int:
    hall = context.hall_from(args)
    undo = hall.duty.undo_tick(None, args.checklist, args.item - 1, args.staff, args.reason)
    if args.json:
        emit_json(undo.as_dict())
        return 0
    say(t("duty.tick_undone", context.language, number=undo.item_index + 1, staff=undo.staff, reason=undo.reason))
    return 0


def cmd_sign_off(args) -> int:
    hall = context.hall_from(args)
    lang = context.language
    answers = {}
    for text in args.answer:
        key, sep, note = text.partition("=")
        if not sep or not key.strip() or not note.strip():
            raise UsageError(f"hall duty sign-off: --answer '{text}' should be KEY=NOTE, as in log:3=灭火器已更换")
        answers[key.strip()] = note.strip()
    signed = hall.duty.sign_off(
        args.date, args.checklist, args.staff, args.note, early_reason=args.early_reason, answers=answers
    )
    if args.json:
        emit_json(signed.as_dict())
        return 0
    say(t(f"duty.signed_{signed.checklist}", lang, day=signed.day.isoformat(), staff=signed.staff))
    return 0


def cmd_reopen(args) -> int:
    hall = context.hall_from(args)
    reopened = hall.duty.reopen(None, args.leader, args.reason)
    if args.json:
        emit_json(reopened.as_dict())
        return 0
    say(t("duty.reopened", context.language, day=reopened.day.isoformat(), leader=reopened.leader))
    return 0


def cmd_history(args) -> int:
    hall = context.hall_from(args)
    lang = context.language
    zone = hall.config.zone
    history = hall.duty.checklist_history(args.date)
    unsigned = hall.duty.unsigned_days(history.day)
    if args.json:
        emit_json({**history.as_dict(), "unsigned_days": [d.isoformat() for d in unsigned]})
        return 0
    if unsigned:
        say(t("duty.unsigned_days", lang, days="、".join(d.isoformat() for d in unsigned)))
    say(_roster_line(history.duty, lang))
    for state in (history.opening, history.closing):
        say(f"[{t('duty.checklist_' + state.checklist, lang)}]")
        for item in state.items:
            mark = "✓" if item.ticked else " "
            who = f"  {item.staff} {local_hhmm(item.at, zone)}" if item.ticked else ""
            problem = "  " + t("duty.problem_note", lang, problem=item.problem) if item.problem else ""
            say(f"  [{mark}] {item.index + 1}. {item.text}{who}{problem}")
        if state.signed_off:
            s = state.signed_off
            say("  " + t("duty.signed_by", lang, staff=s.staff, time=local_hhmm(s.at, zone)))
            if s.early_reason:
                say("  " + t("duty.early_reason_note", lang, reason=s.early_reason))
            for key, note in s.answers.items():
                say("  " + t("duty.answer_note", lang, ref=key, note=note))
        if state.checklist == "closing":
            for r in history.reopenings:
                say("  " + t("duty.reopened_line", lang, leader=r.leader, time=local_hhmm(r.at, zone), reason=r.reason))
    if history.log:
        say(f"[{t('duty.log_title', lang)}]")
        for entry in history.log:
            say("  " + _log_line(entry, lang, zone))
            for fix in entry.fixes:
                say("    " + _log_line(fix, lang, zone))
    return 0


def _log_line(entry, lang: str, zone) -> str:
    key = "duty.log_problem" if entry.kind == "problem" else "duty.log_fix"
    return t(
        key,
        lang,
        id=entry.id,
        leader=entry.leader,
        time=local_hhmm(entry.at, zone),
        text=entry.text,
        problem=entry.problem_id or "",
    )


def cmd_log(args) -> int:
    hall = context.hall_from(args)
    duty = hall.duty
    if args.kind == "problem":
        entry = duty.log_problem(args.leader, args.text, args.date)
    else:
        entry = duty.log_fix(args.id, args.leader, args.text)
    if args.json:
        emit_json(entry.as_dict())
    else:
        say(_log_line(entry, context.language, hall.config.zone))
    return 0


# --- attendance ------------------------------------------------------------------------


def cmd_attendance(args) -> int:
    hall = context.hall_from(args)
    lang = context.language
    attendance = hall.attendance
    period = args.date or args.month
    if args.csv:
        sys.stdout.write(attendance.csv(period, lang))
        return 0
    rows = attendance.attendance_rows(period, lang)
    if args.json:
        emit_json({"period": str(period), "rows": rows})
        return 0
    columns = attendance.columns(period)
    say("  ".join(t(f"attendance.col_{c}", lang) for c in columns))
    for row in rows:
        say("  ".join(_cell(row[c], lang) for c in columns))
    return 0


def _cell(value, lang: str) -> str:
    if isinstance(value, bool):
        return t("attendance.yes", lang) if value else "-"
    return str(value) if value not in (None, "") else "-"
