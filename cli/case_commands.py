"""``hall case …``: what a tracking code shows."""

from __future__ import annotations

from cli import context
from cli.context import emit_json, say
from models.i18n import pick, t


def register(groups, common) -> None:
    case = groups.add_parser("case", parents=[common], help="cases and tracking codes").add_subparsers(
        dest="case_command", metavar="ACTION"
    )
    case.required = True
    show = case.add_parser("show", parents=[common], help="what a tracking code shows a resident")
    show.add_argument("code")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=cmd_show)


def cmd_show(args) -> int:
    from models.public_view import public_view

    hall = context.hall_from(args)
    view = public_view(hall.config, args.code)
    if args.json:
        emit_json(view)
        return 0
    lang = context.language
    ticket = view["ticket"]
    say(f"{view['tracking_code']}  {ticket['number']}  {pick(view['item']['name'], view['item']['name_en'], lang)}")
    say(f"  {t('ticket.state_' + ticket['state'], lang)}  {ticket['issued_at']}")
    return 0
