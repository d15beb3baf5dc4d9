"""``hall kiosk`` and ``hall board``: the lobby apps.

Both draw their first frame from the config and open the database in the
background (see :mod:`kiosk.pending`); a database that cannot be opened
ends the app and is reported here in one line, like every other command.
"""

from __future__ import annotations

from cli import context


def register(groups, common) -> None:
    kiosk = groups.add_parser(
        "kiosk", parents=[common], help="the touch kiosk: tickets, service guide, tracking, rating"
    )
    kiosk.set_defaults(handler=cmd_kiosk)
    board = groups.add_parser("board", parents=[common], help="the display board: calls, waiting counts, notices")
    board.set_defaults(handler=cmd_board)


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
