"""``hall whereabouts`` (the board, setting a state, A/B cover) and ``hall leave`` (requests and decisions).

Exit status as everywhere: 0 done, 1 refused by a hall rule, 2 usage.
"""

from __future__ import annotations

import argparse
from datetime import time, timedelta

from cli import context
from cli.context import add_actions, emit_json, local_hhmm, parse_date, say
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
    raise argparse.ArgumentTypeError(
        f"'{text}' is not a state: one of {', '.join(STATES)} (or 在岗, 开会, 外出, 走访, 休息, 请假)"
    )


def register(groups, common) -> None:
    # --- hall whereabouts ----------------------------------------------------
    board = groups.add_parser("whereabouts", parents=[common], help="the whereabouts board (社工去向), A/B cover")
    board.add_argument("--json", action="store_true")
    board.set_defaults(handler=cmd_board)
    board_actions = board.add_subparsers(dest="whereabouts_command", metavar="ACTION")
    board_actions.required = False
    set_state = board_actions.add_parser(
        "set", parents=[common], help="set a person's state (在岗 开会 外出 走访 休息 请假)"
    )
    set_state.add_argument("code", help="staff code")
    set_state.add_argument("state", type=_state, help="on_duty, meeting, out, visiting, resting, leave (or 在岗 …)")
    set_state.add_argument("--note", default="", help="where, or why")
    set_state.add_argument("--back", type=_hhmm, metavar="HH:MM", help="expected back today at")
    set_state.add_argument("--by", metavar="CODE", help="who makes the change, when not the person")
    set_state.add_argument("--json", action="store_true")
    context.acts_as(set_state, "by", "code")
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
    context.acts_as(request, "code")
    request.set_defaults(handler=cmd_leave_request)
    for name, text in (("approve", "a leader approves a request"), ("refuse", "a leader refuses a request")):
        decide = leave.add_parser(name, parents=[common], help=text)
        decide.add_argument("id", type=int, help="request number")
        decide.add_argument("--leader", required=True, metavar="CODE")
        decide.add_argument("--note", default="")
        decide.add_argument("--json", action="store_true")
        context.acts_as(decide, "leader")
        decide.set_defaults(handler=cmd_leave_decide, action=name)
    listing = leave.add_parser("list", parents=[common], help="leave requests, newest first")
    listing.add_argument("--pending", action="store_true", help="only those waiting for a decision")
    listing.add_argument("--staff", metavar="CODE")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=cmd_leave_list)


# --- whereabouts ------------------------------------------------------------------


def cmd_board(args) -> int:
    hall = context.hall_from(args)
    lang = context.language
    board = hall.whereabouts.board()
    if args.json:
        emit_json(board.as_dict(lang))
        return 0
    zone = hall.config.zone
    say(t("whereabouts.board_title", lang, time=local_hhmm(board.at, zone)))
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
        parts.append(p.for_words(lang))
    if p.back_at is not None and p.state != "on_duty":
        parts.append(t("whereabouts.back_at", lang, time=local_hhmm(p.back_at, zone)))
    if p.overdue:
        parts.append(p.overdue_words(lang))
    if p.stand_in:
        parts.append(t("whereabouts.stand_in", lang, staff=p.stand_in))
    if p.note:
        parts.append(p.note)
    return "  ".join(parts)


def cmd_set_state(args) -> int:
    hall = context.hall_from(args)
    lang = context.language
    where = hall.whereabouts
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
    hall = context.hall_from(args)
    lang = context.language
    covers = hall.whereabouts.window_cover()
    if args.json:
        emit_json({"windows": [c.as_dict(lang) for c in covers]})
        return 0

    def holders(people) -> str:
        return " ".join(f"{h.staff}({t('whereabouts.state_' + h.state, lang)})" for h in people) or "-"

    for c in covers:
        status = t("cli.paused", lang) if c.paused else ""
        say(
            f"{c.window:>3}  {pick(c.name, c.name_en, lang):12} A: {holders(c.a)}  B: {holders(c.b)}  → {c.label(lang)}  {status}".rstrip()
        )
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
    hall = context.hall_from(args)
    info = hall.whereabouts.request_leave(args.code, args.start, args.end or args.start, args.reason, args.stand_in)
    if args.json:
        emit_json(info.as_dict())
    else:
        say(_leave_line(info, context.language, hall.config.zone))
    return 0


def cmd_leave_decide(args) -> int:
    hall = context.hall_from(args)
    where = hall.whereabouts
    decide = where.approve_leave if args.action == "approve" else where.refuse_leave
    info = decide(args.id, args.leader, args.note)
    if args.json:
        emit_json(info.as_dict())
    else:
        say(_leave_line(info, context.language, hall.config.zone))
    return 0


def cmd_leave_list(args) -> int:
    hall = context.hall_from(args)
    infos = hall.whereabouts.leaves(args.staff, status="pending" if args.pending else None)
    if args.json:
        emit_json({"leave": [i.as_dict() for i in infos]})
        return 0
    for info in infos:
        say(_leave_line(info, context.language, hall.config.zone))
    return 0
