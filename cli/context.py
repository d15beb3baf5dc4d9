"""From parsed arguments to an open hall, and printing answers; the argument
types and options more than one command group takes."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from dataclasses import replace
from datetime import date, datetime

from cli.output import json_safe
from models import clock
from models.config import Config, load_config
from models.hall import Hall, open_hall
from models.i18n import t

language = "zh"


def config_from(args) -> Config:
    global language
    config = load_config(args.config, db_override=args.db)
    if args.lang:
        config = replace(config, language=args.lang)
    language = config.language
    return config


def hall_from(args, *, create: bool = False) -> Hall:
    """The hall, once whoever the command acts as has proved it with their PIN."""
    hall = open_hall(config_from(args), create=create)
    code = acting_code(args)
    if code and getattr(args, "_proved", None) != code:
        prove(hall.config, code)
        args._proved = code
    return hall


def acts_as(parser, *options: str) -> None:
    """``parser``'s command acts as the staff member its first given option of
    ``options`` names (e.g. ``"by", "code"``): that person's PIN is asked."""
    parser.set_defaults(acting_as=options)


def acting_code(args) -> str:
    for option in getattr(args, "acting_as", None) or ():
        code = getattr(args, option, None)
        if code:
            return str(code)
    return ""


def read_pin(code: str) -> str:
    """The PIN of ``code``: asked at the terminal, or one line of standard input for scripts."""
    if sys.stdin.isatty():
        return getpass.getpass(t("cli.pin_of", language, staff=code))
    return sys.stdin.readline().strip()


def prove(config: Config, code: str) -> None:
    """Check ``code``'s PIN as the terminal's sign-in does (the same log and lock-out); raises SigninRefused."""
    from models.staff.signin import check_pin

    check_pin(config, code, read_pin(code), purpose="cli", terminal=where())


def where() -> str:
    """Where the command was typed, for the sign-in log: the user, and the SSH client if any."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "?"
    client = (os.environ.get("SSH_CLIENT") or "").split(" ")[0]
    return f"cli {user}" + (f" from {client}" if client else "")


def emit_json(data) -> None:
    sys.stdout.write(json_safe(json.dumps(data, ensure_ascii=False, indent=2, default=str)) + "\n")


def say(text: str = "") -> None:
    print(text)


def emit_rows(args, rows: list, empty: str, line) -> int:
    """A list command's answer: the rows as JSON with ``--json``, else a line each
    (``line(row)``), or the ``empty`` sentence when there are none."""
    if args.json:
        emit_json([row.as_dict() for row in rows])
        return 0
    if not rows:
        say(empty)
    for row in rows:
        say(line(row))
    return 0


def local_hhmm(instant, zone) -> str:
    """A stored naive-UTC instant as the hall's local HH:MM ("" for none)."""
    return f"{clock.local(instant, zone):%H:%M}" if instant is not None else ""


# --- arguments ------------------------------------------------------------------------


def parse_date(text: str) -> date:
    """An argparse type: ``2026-11-23``."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-11-23") from None


def parse_local_time(text: str) -> datetime:
    """An argparse type: a local time like ``2026-11-23 10:30`` (no zone: the hall's)."""
    try:
        return datetime.fromisoformat(text.strip().replace(" ", "T"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a time like '2026-11-23 10:30'") from None


def parse_month(text: str) -> str:
    """An argparse type: ``2026-11`` (given as ``YYYY-MM``)."""
    try:
        year, month = (int(x) for x in text.strip().split("-"))
        date(year, month, 1)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a month like 2026-11") from None
    return f"{year:04d}-{month:02d}"


def add_period_options(parser, *, xlsx: bool = False) -> None:
    """``--date D | --month M`` (one of them), and ``--csv | --json`` (and ``--xlsx``): a day's or a month's figures."""
    period = parser.add_mutually_exclusive_group(required=True)
    period.add_argument("--date", type=parse_date, metavar="YYYY-MM-DD")
    period.add_argument("--month", type=parse_month, metavar="YYYY-MM")
    shape = parser.add_mutually_exclusive_group()
    shape.add_argument("--csv", action="store_true")
    shape.add_argument("--json", action="store_true")
    if xlsx:
        shape.add_argument("--xlsx", action="store_true")


def add_actions(groups, name: str, common, help_text: str, dest: str):
    """``hall NAME ACTION …``: the command and its required actions (the subparsers to add them to)."""
    actions = groups.add_parser(name, parents=[common], help=help_text).add_subparsers(dest=dest, metavar="ACTION")
    actions.required = True
    return actions
