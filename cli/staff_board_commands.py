"""``hall whereabouts``, ``hall leave``, ``hall duty``, ``hall attendance``, ``hall migrate-to``.

Exit status as everywhere: 0 done, 1 refused by a hall rule, 2 usage.
"""

from __future__ import annotations

import argparse
import sys
from datetime import time, timedelta

from cli import context
from cli.context import add_actions, add_period_options, emit_json, parse_date, say
from cli.errors import UsageError
from models.i18n import pick, t
from models.schema.whereabouts import STATES


def _hhmm(text: str) -> str:
    try:
        hour, minute = (int(x) for x in text.strip().split(":"))
        if not (0 <= hour < 24 and 0 <= minute < 60):
            raise ValueError
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a time like 10:30") from None
    return f"{hour:02d}:{minute:02d}"


def _state(text: str) -> str:
    """A state key (on_duty …) or its Chinese or English label (在岗, "on duty" …)."""
    wanted = text.strip().lower().replace("-", "_").replace(" ", "_")
    if wanted in STATES:
        return wanted
    for state in STATES:
        labels = {t(f"whereabouts.state_{state}", lang).lower().replace(" ", "_") for lang in ("zh", "en")}
        if wanted in labels:
            return state
    raise argparse.ArgumentTypeError(f"'{text}' is not a state: one of {', '.join(STATES)} (or 在岗, 开会, 外出, 走访, 休息, 请假)")


def register(groups, common) -> None:
    # --- hall whereabouts ----------------------------------------------------
    board = groups.add_parser("whereabouts", parents=[common], help="the whereabouts board (社工去向), A/B cover")
    board.add_argument("--json", action="store_true")
    board.set_defaults(handler=cmd_board)
    board_actions = board.add_subparsers(dest="whereabouts_command", metavar="ACTION")
    board_actions.required = False
    set_state = board_actions.add_parser("set", parents=[common], help="set a person's state (在岗 开会 外出 走访 休息 请假)")
    set_state.add_argument("code", help="staff code")
    set_state.add_argument("state", type=_state, help="on_duty, meeting, out, visiting, resting, leave (or 在岗 …)")
    set_state.add_argument("--note", default="", help="where, or why")
    set_state.add_argument("--back", type=_hhmm, metavar="HH:MM", help="expected back today at")
    set_state.add_argument("--by", metavar="CODE", help="who makes the change, when not the person")
    set_state.add_argument("--json", action="store_true")
    set_state.set_defaults(handler=cmd_set_state)
    cover = board_actions.add_parser("cover", parents=[common], help="A/B cover of every window (AB岗)")
    cover.add_argument("--json", action="store_true")
    cover.set_defaults(handler=cmd_cover)

    # --- hall leave ----------------------------------------------------------------
    leave = add_actions(groups, "leave", common, "leave requests (请假) and approval", "leave_command")
    request = leave.add_parser("request", parents=[common], help="ask for leave, naming a stand-in")
    request.add_argument("code", help="staff code of the person asking")
    request.add_argument("--from", dest="start", type=parse_date, required=True, metavar="DATE", help="first day")
    request.add_argument("--to", dest="end", type=parse_date, metavar="DATE", help="last day (default: the first)")
    request.add_argument("--reason", required=True)
    request.add_argument("--stand-in", required=True, metavar="CODE", help="who covers (代岗人员)")
    request.add_argument("--json", action="store_true")
    request.set_defaults(handler=cmd_leave_request)
    for name, text in (("approve", "a leader approves a request"), ("refuse", "a leader refuses a request")):
        decide = leave.add_parser(name, parents=[common], help=text)
        decide.add_argument("id", type=int, help="request number")
        decide.add_argument("--leader", required=True, metavar="CODE")
        decide.add_argument("--note", default="")
        decide.add_argument("--json", action="store_true")
        decide.set_defaults(handler=cmd_leave_decide, action=name)
    listing = leave.add_parser("list", parents=[common], help="leave requests, newest first")
    listing.add_argument("--pending", action="store_true", help="only those waiting for a decision")
    listing.add_argument("--staff", metavar="CODE")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=cmd_leave_list)

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
    tick.set_defaults(handler=cmd_tick)
    sign = duty.add_parser("sign-off", parents=[common], help="sign a checklist off; closing stops the kiosk until tomorrow")
    which(sign)
    sign.add_argument("--staff", required=True, metavar="CODE")
    sign.add_argument("--note", default="")
    sign.add_argument("--date", type=parse_date, help="default: today")
    sign.add_argument("--json", action="store_true")
    sign.set_defaults(handler=cmd_sign_off)
    history = duty.add_parser("history", parents=[common], help="a day's duty, checklists and the leader's log")
    history.add_argument("--date", type=parse_date, help="default: today")
    history.add_argument("--json", action="store_true")
    history.set_defaults(handler=cmd_history)
    problem = duty.add_parser("problem", parents=[common], help="the leader on duty notes a problem (领导带班)")
    problem.add_argument("text")
    problem.add_argument("--leader", required=True, metavar="CODE")
    problem.add_argument("--date", type=parse_date, help="default: today")
    problem.add_argument("--json", action="store_true")
    problem.set_defaults(handler=cmd_log, kind="problem")
    fix = duty.add_parser("fix", parents=[common], help="the fix of a noted problem")
    fix.add_argument("id", type=int, help="problem number")
    fix.add_argument("text")
    fix.add_argument("--leader", required=True, metavar="CODE")
    fix.add_argument("--json", action="store_true")
    fix.set_defaults(handler=cmd_log, kind="fix")

    # --- hall attendance -----------------------------------------------------------------
    attendance = groups.add_parser("attendance", parents=[common], help="attendance (考勤) of a day or a month")
    add_period_options(attendance)
    attendance.set_defaults(handler=cmd_attendance)

    # --- hall migrate-to ------------------------------------------------------------------
    migrate = groups.add_parser("migrate-to", parents=[common], help="copy this hall into an empty PostgreSQL database")
    migrate.add_argument("url", help="postgresql://user@host/hall")
    migrate.add_argument("--json", action="store_true")
    migrate.set_defaults(handler=cmd_migrate)


# --- whereabouts ------------------------------------------------------------------


def _when(instant, zone) -> str:
    """A stored naive-UTC instant as the hall's local HH:MM."""
    from models import clock

    return f"{clock.local(instant, zone):%H:%M}" if instant is not None else ""


def cmd_board(args) -> int:
    from models.staff.whereabouts import Whereabouts

    hall = context.hall_from(args)
    lang = context.language
    board = Whereabouts(hall.config).board()
    if args.json:
        emit_json(board.as_dict(lang))
        return 0
    zone = hall.config.zone
    say(t("whereabouts.board_title", lang, time=_when(board.at, zone)))
    for group in board.groups:
        say(f"[{pick(group.name, group.name_en, lang)}]")
        for p in group.people:
            say("  " + _presence_line(p, lang, zone))
    if board.overdue:
        say(t("whereabouts.overdue_list", lang, people="、".join(f"{p.staff} {p.name}" for p in board.overdue)))
    return 0


def _presence_line(p, lang: str, zone) -> str:
    parts = [f"{p.staff:6}", f"{p.name:6}", p.post_role or " ", f"{p.label(lang):4}"]
    if p.since is not None:
        parts.append(t("whereabouts.for_minutes", lang, minutes=p.minutes))
    if p.back_at is not None and p.state != "on_duty":
        parts.append(t("whereabouts.back_at", lang, time=_when(p.back_at, zone)))
    if p.overdue:
        parts.append(t("whereabouts.overdue", lang, minutes=p.overdue_minutes))
    if p.stand_in:
        parts.append(t("whereabouts.stand_in", lang, staff=p.stand_in))
    if p.note:
        parts.append(p.note)
    return "  ".join(parts)


def cmd_set_state(args) -> int:
    from models.staff.whereabouts import Whereabouts

    hall = context.hall_from(args)
    lang = context.language
    where = Whereabouts(hall.config)
    back = where.back_at_today(args.back) if args.back else None
    change = where.set_state(args.code, args.state, args.note, back, by=args.by)
    if args.json:
        emit_json(change.as_dict())
        return 0
    say(
        t(
            "whereabouts.state_set",
            lang,
            staff=change.staff,
            name=change.name,
            state=t(f"whereabouts.state_{change.to_state}", lang),
        )
    )
    for number in change.paused:
        say(t("whereabouts.auto_paused", lang, window=number))
    for number in change.resumed:
        say(t("whereabouts.auto_resumed", lang, window=number))
    return 0


def cmd_cover(args) -> int:
    from models.staff.whereabouts import Whereabouts

    hall = context.hall_from(args)
    lang = context.language
    covers = Whereabouts(hall.config).window_cover()
    if args.json:
        emit_json({"windows": [c.as_dict(lang) for c in covers]})
        return 0

    def holders(people) -> str:
        return " ".join(f"{h.staff}({t('whereabouts.state_' + h.state, lang)})" for h in people) or "-"

    for c in covers:
        status = t("cli.paused", lang) if c.paused else ""
        say(f"{c.window:>3}  {pick(c.name, c.name_en, lang):12} A: {holders(c.a)}  B: {holders(c.b)}  → {c.label(lang)}  {status}".rstrip())
    return 0


# --- leave --------------------------------------------------------------------------


def _leave_line(info, lang: str, zone) -> str:
    from models import clock

    start = clock.local(info.starts_at, zone)
    end = clock.local(info.ends_at, zone)
    whole_days = start.time() == end.time() == time(0)  # show whole days by their dates, the last included
    start_text = f"{start:%Y-%m-%d}" if whole_days else f"{start:%Y-%m-%d %H:%M}"
    end_text = f"{end - timedelta(days=1):%Y-%m-%d}" if whole_days else f"{end:%Y-%m-%d %H:%M}"
    return t(
        "whereabouts.leave_line",
        lang,
        id=info.id,
        staff=info.staff,
        name=info.name,
        start=start_text,
        end=end_text,
        stand_in=info.stand_in,
        status=t(f"whereabouts.leave_{info.status}", lang),
        reason=info.reason,
    )


def cmd_leave_request(args) -> int:
    from models.staff.whereabouts import Whereabouts

    hall = context.hall_from(args)
    info = Whereabouts(hall.config).request_leave(args.code, args.start, args.end or args.start, args.reason, args.stand_in)
    if args.json:
        emit_json(info.as_dict())
    else:
        say(_leave_line(info, context.language, hall.config.zone))
    return 0


def cmd_leave_decide(args) -> int:
    from models.staff.whereabouts import Whereabouts

    hall = context.hall_from(args)
    where = Whereabouts(hall.config)
    decide = where.approve_leave if args.action == "approve" else where.refuse_leave
    info = decide(args.id, args.leader, args.note)
    if args.json:
        emit_json(info.as_dict())
    else:
        say(_leave_line(info, context.language, hall.config.zone))
    return 0


def cmd_leave_list(args) -> int:
    from models.staff.whereabouts import Whereabouts

    hall = context.hall_from(args)
    infos = Whereabouts(hall.config).leaves(args.staff, status="pending" if args.pending else None)
    if args.json:
        emit_json({"leave": [i.as_dict() for i in infos]})
        return 0
    for info in infos:
        say(_leave_line(info, context.language, hall.config.zone))
    return 0


# --- duty ---------------------------------------------------------------------------


def _roster_line(d, lang: str) -> str:
    if not d.hours:
        return f"{d.day.isoformat()}  {t('duty.no_duty', lang)}"
    people = "、".join(f"{c} {n}" for c, n in zip(d.staff, d.names)) or "-"
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
    from models.duty import Duty

    if not 1 <= args.days <= 366:
        raise UsageError("hall duty roster: --days must be between 1 and 366")
    hall = context.hall_from(args)
    days = Duty(hall.config).roster(args.start, args.days)
    if args.json:
        emit_json({"roster": [d.as_dict() for d in days]})
        return 0
    for d in days:
        say(_roster_line(d, context.language))
    return 0


def cmd_swap(args) -> int:
    from models.duty import Duty

    hall = context.hall_from(args)
    day = Duty(hall.config).swap(args.day, args.from_code, args.to_code, args.reason)
    if args.json:
        emit_json(day.as_dict())
    else:
        say(_roster_line(day, context.language))
    return 0


def cmd_tick(args) -> int:
    from models.duty import Duty

    hall = context.hall_from(args)
    lang = context.language
    tick = Duty(hall.config).tick(args.date, args.checklist, args.item - 1, args.staff, args.problem)
    if args.json:
        emit_json(tick.as_dict())
        return 0
    say(t("duty.ticked", lang, number=tick.item_index + 1, item=tick.item_text, staff=tick.staff))
    return 0


def cmd_sign_off(args) -> int:
    from models.duty import Duty

    hall = context.hall_from(args)
    lang = context.language
    signed = Duty(hall.config).sign_off(args.date, args.checklist, args.staff, args.note)
    if args.json:
        emit_json(signed.as_dict())
        return 0
    say(t(f"duty.signed_{signed.checklist}", lang, day=signed.day.isoformat(), staff=signed.staff))
    return 0


def cmd_history(args) -> int:
    from models.duty import Duty

    hall = context.hall_from(args)
    lang = context.language
    zone = hall.config.zone
    history = Duty(hall.config).checklist_history(args.date)
    if args.json:
        emit_json(history.as_dict())
        return 0
    say(_roster_line(history.duty, lang))
    for state in (history.opening, history.closing):
        say(f"[{t('duty.checklist_' + state.checklist, lang)}]")
        for item in state.items:
            mark = "✓" if item.ticked else " "
            who = f"  {item.staff} {_when(item.at, zone)}" if item.ticked else ""
            problem = "  " + t("duty.problem_note", lang, problem=item.problem) if item.problem else ""
            say(f"  [{mark}] {item.index + 1}. {item.text}{who}{problem}")
        if state.signed_off:
            s = state.signed_off
            say("  " + t("duty.signed_by", lang, staff=s.staff, time=_when(s.at, zone)))
    if history.log:
        say(f"[{t('duty.log_title', lang)}]")
        for entry in history.log:
            say("  " + _log_line(entry, lang, zone))
            for fix in entry.fixes:
                say("    " + _log_line(fix, lang, zone))
    return 0


def _log_line(entry, lang: str, zone) -> str:
    key = "duty.log_problem" if entry.kind == "problem" else "duty.log_fix"
    return t(key, lang, id=entry.id, leader=entry.leader, time=_when(entry.at, zone), text=entry.text, problem=entry.problem_id or "")


def cmd_log(args) -> int:
    from models.duty import Duty

    hall = context.hall_from(args)
    duty = Duty(hall.config)
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
    from models.duty.attendance import Attendance

    hall = context.hall_from(args)
    lang = context.language
    attendance = Attendance(hall.config)
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


# --- migrate-to --------------------------------------------------------------------------


def cmd_migrate(args) -> int:
    from models.maintenance.migrate_to import migrate_to

    hall = context.hall_from(args)
    lang = context.language
    if not args.json:
        say(t("whereabouts.migrate_start", lang))
    report = migrate_to(hall.db, args.url)
    if args.json:
        emit_json(report.as_dict())
    else:
        for table in report.tables:
            mark = "ok" if table.ok else "!!"
            say(f"  {mark}  {table.table:24} {table.source:>9} → {table.target:>9}")
        key = "whereabouts.migrate_done" if report.ok else "whereabouts.migrate_mismatch"
        say(t(key, lang, tables=len(report.tables), rows=report.rows, target=report.target))
    return 0 if report.ok else 1
