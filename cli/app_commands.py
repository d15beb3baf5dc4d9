"""``hall kiosk``, ``hall board`` and ``hall pad --window N`` (the window's rating pad): the hall's touch and display apps; ``hall web``: the hall on phones.

Both draw their first frame from the config and open the database in the
background (see :mod:`kiosk.pending`); a database that cannot be opened
ends the app and is reported here in one line, like every other command.
"""

from __future__ import annotations

from cli import context
from cli.errors import UsageError
from models.i18n import t


def register(groups, common) -> None:
    kiosk = groups.add_parser(
        "kiosk", parents=[common], help="the touch kiosk: tickets, service guide, tracking, rating"
    )
    kiosk.set_defaults(handler=cmd_kiosk)
    board = groups.add_parser("board", parents=[common], help="the display board: calls, waiting counts, notices")
    board.set_defaults(handler=cmd_board)
    pad = groups.add_parser(
        "pad", parents=[common], help="the window's rating pad: the five levels when the terminal asks"
    )
    pad.add_argument("--window", type=int, required=True, help="the window whose terminal asks this pad")
    pad.set_defaults(handler=cmd_pad)
    web = groups.add_parser(
        "web", parents=[common], help="the hall on residents' phones: tracking pages, 好差评, guide, notices, JSON"
    )
    web.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    web.add_argument("--port", type=int, default=8080, help="port to listen on (default 8080)")
    web.add_argument("--quiet", action="store_true", help="no access log lines")
    web.set_defaults(handler=cmd_web)


def _pending(args):
    from kiosk.pending import PendingHall

    def opener(config):
        from models.hall import open_hall

        return open_hall(config)

    return PendingHall(context.config_from(args), opener)


def _finish(hall) -> int:
    error = getattr(hall, "error", None)
    if error is not None:
        raise error
    return 0


def run_kiosk(hall) -> int:
    from kiosk.app import KioskApp

    KioskApp(hall, language=context.language).run()
    return _finish(hall)


def cmd_kiosk(args) -> int:
    return run_kiosk(_pending(args))


def cmd_board(args) -> int:
    from kiosk.board_app import BoardApp

    hall = _pending(args)
    BoardApp(hall, language=context.language).run()
    return _finish(hall)


def cmd_pad(args) -> int:
    from kiosk.pad_app import PadApp

    if args.window < 1:
        raise UsageError(f"hall pad: --window must be a window's number, not {args.window}")
    hall = _pending(args)
    PadApp(hall, args.window, language=context.language).run()
    return _finish(hall)


def cmd_web(args) -> int:
    from models.hall import open_hall
    from web.server import serve

    if not 0 < args.port < 65536:
        raise UsageError(f"hall web: --port must be between 1 and 65535, not {args.port}")
    config = context.config_from(args)
    hall = open_hall(config)
    base = config.web.base_url or f"http://{args.host}:{args.port}"
    print(t("cli.web_listening", context.language, url=base + "/", host=args.host, port=args.port), flush=True)
    try:
        serve(hall, args.host, args.port, quiet=args.quiet)
    finally:
        hall.close()
    return 0
