"""``hall appointment slots|book|home|assign|check-in|cancel|list``: appointments (预约) for maintainers and scripts.

``home`` books a home visit (上门服务) for an address or a household and says
who it went to (the worker of the area it lies in) or that the leader will
choose; ``assign`` is the leader choosing. Booking for a caller, checking a
resident in and cancelling are staff actions:
``--staff`` names who does it, and their PIN is asked. Listing the slots or a
day's bookings only reads (phones are masked).
"""

from __future__ import annotations

from cli import context
from cli.context import add_actions, emit_json, parse_date, say
from models.appointments.booking import OUTCOME_WORDS
from models.i18n import pick, t
from models.schema.appointments import CHANNELS

HOME_CHANNELS = ("phone", "letter", "email")  # a clerk enters a home visit asked for so


def register(groups, common) -> None:
    actions = add_actions(
        groups, "appointment", common, "appointments (预约): slots, booking, check-in", "appointment_command"
    )

    slots = actions.add_parser("slots", parents=[common], help="the slots of an item on a day, with free places")
    slots.add_argument("item", help="item code (see `hall catalogue list`)")
    slots.add_argument("--date", type=parse_date, required=True, metavar="YYYY-MM-DD")
    slots.add_argument("--json", action="store_true")
    slots.set_defaults(handler=cmd_slots)

    book = actions.add_parser("book", parents=[common], help="book a slot for a caller (staff PIN asked)")
    _item_day_time(book, "the slot's start, as `slots` lists it")
    _by_a_clerk(book, CHANNELS)
    book.set_defaults(handler=cmd_book)

    home = actions.add_parser(
        "home", parents=[common], help="book a home visit (上门服务) for a caller (staff PIN asked)"
    )
    _item_day_time(home, "when the worker comes, within the day's hours")
    home.add_argument("--address", default="", help="where (kept for the worker only; never listed)")
    home.add_argument("--household", metavar="CODE", help="the household (see `hall households list`)")
    _by_a_clerk(home, HOME_CHANNELS)
    home.set_defaults(handler=cmd_home)

    assign = actions.add_parser(
        "assign", parents=[common], help="the leader chooses who makes a home visit (PIN asked)"
    )
    assign.add_argument("code", help="the booking code, XXXX-XXXX-XXXX")
    assign.add_argument("--worker", required=True, metavar="CODE", help="staff code of who visits")
    assign.add_argument("--staff", required=True, help="staff code of the leader (their PIN is asked)")
    context.acts_as(assign, "staff")
    assign.add_argument("--json", action="store_true")
    assign.set_defaults(handler=cmd_assign)

    for name, text in (("check-in", "check a resident in by the booking code"), ("cancel", "cancel a booking")):
        sub = actions.add_parser(name, parents=[common], help=f"{text} (staff PIN asked)")
        sub.add_argument("code", help="the booking code, XXXX-XXXX-XXXX")
        sub.add_argument("--staff", required=True, help="staff code (their PIN is asked)")
        context.acts_as(sub, "staff")
        sub.add_argument("--json", action="store_true")
        sub.set_defaults(handler=cmd_check_in if name == "check-in" else cmd_cancel)

    listing = actions.add_parser("list", parents=[common], help="a day's bookings (phones masked)")
    listing.add_argument("--date", type=parse_date, required=True, metavar="YYYY-MM-DD")
    listing.add_argument("--line", help="only this line's (its code)")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=cmd_list)


def _item_day_time(parser, time_help: str) -> None:
    """What booking and a home visit both ask: the item, the day, the time, the resident's phone."""
    parser.add_argument("item", help="item code (see `hall catalogue list`)")
    parser.add_argument("--date", type=parse_date, required=True, metavar="YYYY-MM-DD")
    parser.add_argument("--time", required=True, metavar="HH:MM", help=time_help)
    parser.add_argument("--phone", required=True, help="the resident's phone number, for the reminder")


def _by_a_clerk(parser, channels) -> None:
    """How the resident asked, and the clerk who enters it (whose PIN is asked)."""
    parser.add_argument("--channel", choices=channels, default="phone", help="how the resident asked (default phone)")
    parser.add_argument("--staff", required=True, help="staff code of the clerk (their PIN is asked)")
    context.acts_as(parser, "staff")
    parser.add_argument("--json", action="store_true")


def cmd_slots(args) -> int:
    hall = context.hall_from(args)
    answer = hall.appointments.slots(args.item, args.date)
    if args.json:
        emit_json(answer.as_dict())
        return 0
    lang = context.language
    if not answer.slots:
        refusal = hall.appointments.why_no_slots(args.item, answer)
        say(refusal.message(lang) if refusal else t("appointment.no_slots", lang))
        return 0
    for slot in answer.slots:
        say(t("appointment.slot_line", lang, time=slot.label, free=slot.free))
    return 0


def cmd_book(args) -> int:
    hall = context.hall_from(args)
    made = hall.appointments.book(args.item, args.date, args.time, args.phone, channel=args.channel, staff=args.staff)
    if args.json:
        emit_json(made.as_dict())
        return 0
    lang = context.language
    day = t("time.date_format", lang, month=made.day.month, day=made.day.day)
    say(
        t(
            "appointment.booked",
            lang,
            item=pick(made.item_name, made.item_name_en, lang),
            day=day,
            time=made.time,
            code=made.code,
            come_from=made.come_from,
            come_until=made.come_until,
        )
    )
    return 0


def cmd_home(args) -> int:
    hall = context.hall_from(args)
    visit = hall.home_visits.book(
        args.item,
        args.date,
        args.time,
        args.phone,
        args.address,
        channel=args.channel,
        staff=args.staff,
        household=args.household,
    )
    if args.json:
        emit_json(visit.as_dict())
        return 0
    lang = context.language
    made = visit.booking
    day = t("time.date_format", lang, month=made.day.month, day=made.day.day)
    item = pick(made.item_name, made.item_name_en, lang)
    say(t("appointment.home_booked", lang, item=item, day=day, time=made.time, code=made.code))
    if visit.worker_name:
        say(t("appointment.home_to_area", lang, worker=visit.worker_name, code=made.worker, area=visit.area_name))
    else:
        say(t("appointment.home_to_leader", lang))
    return 0


def cmd_assign(args) -> int:
    hall = context.hall_from(args)
    made = hall.home_visits.assign(args.code, args.worker, leader=args.staff)
    if args.json:
        emit_json(made.as_dict())
        return 0
    say(t("appointment.home_assigned", context.language, code=made.code, worker=made.worker))
    return 0


def cmd_check_in(args) -> int:
    hall = context.hall_from(args)
    done = hall.appointments.check_in(args.code, staff=args.staff)
    if args.json:
        emit_json(done.as_dict())
        return 0
    number = done.ticket.number if done.ticket else ""
    say(t(f"appointment.{OUTCOME_WORDS[done.outcome]}", context.language, number=number))
    return 0


def cmd_cancel(args) -> int:
    hall = context.hall_from(args)
    done = hall.appointments.cancel(args.code, staff=args.staff)
    if args.json:
        emit_json(done.as_dict())
        return 0
    say(t("appointment.cancelled", context.language, code=done.code))
    return 0


def cmd_list(args) -> int:
    hall = context.hall_from(args)
    bookings = hall.appointments.day_list(args.date, args.line)
    if args.json:
        emit_json([b.as_dict() for b in bookings])
        return 0
    lang = context.language
    if not bookings:
        say(t("appointment.list_empty", lang))
    for b in bookings:
        say(
            t(
                "appointment.list_line",
                lang,
                time=b.time,
                code=b.code,
                item=pick(b.item_name, b.item_name_en, lang),
                phone=b.phone,
                channel=t(f"appointment.channel_{b.channel}", lang),
                state=t(f"appointment.state_{b.view_state}", lang),
            )
        )
    return 0
