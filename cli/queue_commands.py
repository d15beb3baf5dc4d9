"""``hall ticket …``, ``hall window pause|resume``, ``hall queue`` (and the queue as ``hall demo`` prints it)."""

from __future__ import annotations

from cli import context
from cli.context import add_actions, emit_json, say
from cli.errors import UsageError
from models import clock
from models.i18n import pick, t

# Every move of a ticket or a window is a person's: the models check they are posted there.
_ACTING = "staff code of the person acting (their PIN is asked)"


def register(groups, common) -> None:
    ticket = add_actions(groups, "ticket", common, "take and move tickets", "ticket_command")

    take = ticket.add_parser("take", parents=[common], help="take a ticket for a service item")
    take.add_argument("item", help="item code (see `hall catalogue list`)")
    take.add_argument("--priority", action="store_true", help="elderly, disabled or pregnant (绿色通道)")
    take.add_argument("--request-id", help="the same id twice gives the same ticket")
    take.add_argument("--json", action="store_true")
    take.set_defaults(handler=cmd_take)

    call = ticket.add_parser("call", parents=[common], help="call the next ticket (or a chosen one) to a window")
    call.add_argument("--window", type=int, required=True)
    call.add_argument("--number", help="call this waiting ticket out of turn instead of the next")
    call.add_argument("--staff", required=True, help="staff code of the caller (their PIN is asked)")
    context.acts_as(call, "staff")
    call.add_argument("--json", action="store_true")
    call.set_defaults(handler=cmd_call)

    for name, text in (
        ("recall", "call the same ticket again"),
        ("no-show", "the resident did not come (after a recall)"),
        ("start", "start serving the called ticket"),
        ("finish", "finish the ticket at this window"),
    ):
        sub = ticket.add_parser(name, parents=[common], help=text)
        sub.add_argument("number")
        sub.add_argument("--window", type=int, required=True)
        sub.add_argument("--staff", required=True, help=_ACTING)
        context.acts_as(sub, "staff")
        sub.add_argument("--json", action="store_true")
        sub.set_defaults(handler=cmd_move, action=name)

    back = ticket.add_parser("return", parents=[common], help="a no-show came back: next in line")
    back.add_argument("number")
    back.add_argument("--staff", required=True, help=_ACTING)
    context.acts_as(back, "staff")
    back.add_argument("--json", action="store_true")
    back.set_defaults(handler=cmd_move, action="return", window=None)

    transfer = ticket.add_parser("transfer", parents=[common], help="send the resident to another line or window")
    transfer.add_argument("number")
    transfer.add_argument("--window", type=int, required=True, help="the window handing over")
    transfer.add_argument("--to-line")
    transfer.add_argument("--to-window", type=int)
    transfer.add_argument("--note", default="", help="what the next window should know")
    transfer.add_argument("--staff", required=True, help="staff code of the first responder (their PIN is asked)")
    context.acts_as(transfer, "staff")
    transfer.add_argument("--json", action="store_true")
    transfer.set_defaults(handler=cmd_transfer)

    window = add_actions(groups, "window", common, "pause or resume a window", "window_command")
    for name in ("pause", "resume"):
        sub = window.add_parser(name, parents=[common], help=f"{name} a window (暂停服务)")
        sub.add_argument("number", type=int)
        sub.add_argument("--staff", required=True, help=_ACTING)
        if name == "pause":
            sub.add_argument("--resume", metavar="HH:MM", help="when the window is expected back today (预计恢复时间)")
        context.acts_as(sub, "staff")
        sub.set_defaults(handler=cmd_window, action=name)

    queue = groups.add_parser("queue", parents=[common], help="the live queue")
    queue.add_argument("--json", action="store_true")
    queue.set_defaults(handler=cmd_queue)


def cmd_take(args) -> int:
    hall = context.hall_from(args)
    receipt = hall.queue.take(args.item, priority=args.priority, request_id=args.request_id)
    if args.json:
        emit_json(receipt.as_dict())
        return 0
    lang = context.language
    say(
        t(
            "cli.ticket_taken",
            lang,
            number=receipt.number,
            item=pick(receipt.item_name, receipt.item_name_en, lang),
            windows="、".join(str(w) for w in receipt.windows),
            ahead=receipt.ahead,
            wait=receipt.wait_minutes,
            code=receipt.tracking_code,
        )
    )
    return 0


def cmd_call(args) -> int:
    clerk = context.hall_from(args).at_window(args.staff)
    called = clerk.call_number(args.number, args.window) if args.number else clerk.call_next(args.window)
    _print_called(args, called, "cli.ticket_called")
    return 0


def cmd_move(args) -> int:
    clerk = context.hall_from(args).at_window(args.staff)
    action = {
        "recall": lambda: clerk.recall(args.number, args.window),
        "no-show": lambda: clerk.no_show(args.number, args.window),
        "start": lambda: clerk.start(args.number, args.window),
        "finish": lambda: clerk.finish(args.number, args.window),
        "return": lambda: clerk.return_no_show(args.number),
    }[args.action]
    _print_called(args, action(), f"cli.ticket_{args.action.replace('-', '_')}")
    return 0


def cmd_transfer(args) -> int:
    if not args.to_line and args.to_window is None:
        raise UsageError("hall ticket transfer: give --to-line or --to-window")
    hall = context.hall_from(args)
    moved = hall.at_window(args.staff).transfer(
        args.number, args.window, to_line=args.to_line, to_window=args.to_window, note=args.note
    )
    _print_called(args, moved, "cli.ticket_transferred")
    return 0


def _print_called(args, called, key: str) -> None:
    if getattr(args, "json", False):
        emit_json(called.as_dict())
    else:
        say(t(key, context.language, number=called.number, window=called.window, recalls=called.recalls))


def cmd_window(args) -> int:
    hall = context.hall_from(args)
    if args.action == "pause":
        resume_at = hall.at_window(args.staff).pause(args.number, resume=args.resume)
        if resume_at is not None:
            back = clock.reading(resume_at, hall.config.zone, "%H:%M")
            say(t("cli.window_paused_until", context.language, window=args.number, time=back))
            return 0
    else:
        hall.at_window(args.staff).resume(args.number)
    say(t(f"cli.window_{args.action}d", context.language, window=args.number))
    return 0


def cmd_queue(args) -> int:
    hall = context.hall_from(args)
    if args.json:
        from models.queue.view import snapshot

        emit_json(snapshot(hall.queue.today()).as_dict())
        return 0
    print_queue(hall)
    return 0


def print_queue(hall) -> None:
    from models.queue.view import snapshot

    lang = context.language
    state = snapshot(hall.queue.today())
    say(t("cli.queue_lines", lang))
    for line in state.lines:
        windows = ",".join(str(w) for w in line.windows)
        say(
            f"  [{line.prefix}] {pick(line.name, line.name_en, lang):12} {t('cli.waiting_count', lang, count=line.waiting)}  ({windows})"
        )
    say(t("cli.queue_windows", lang))
    for window in state.windows:
        status = t("cli.paused", lang) if window.paused else (window.current or "-")
        say(f"  {window.number:>3}  {pick(window.name, window.name_en, lang):12} {status}")
    if state.waiting:
        say(t("cli.queue_waiting", lang))
        say("  " + " ".join(w.number + ("*" if w.priority else "") for w in state.waiting))
    if state.recent_calls:
        say(t("cli.queue_calls", lang))
        for call in state.recent_calls:
            say("  " + t("cli.call_line", lang, number=call.number, window=call.window))
