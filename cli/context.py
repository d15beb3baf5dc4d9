"""From parsed arguments to an open hall, and printing answers; the argument
types and options more than one command group takes."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from datetime import date

from cli.output import json_safe
from models import clock
from models.config import Config, load_config
from models.hall import Hall, open_hall

language = "zh"


def config_from(args) -> Config:
    global language
    config = load_config(args.config, db_override=args.db)
    if args.lang:
        config = replace(config, language=args.lang)
    language = config.language
    return config


def hall_from(args, *, create: bool = False) -> Hall:
    return open_hall(config_from(args), create=create)


def emit_json(data) -> None:
    sys.stdout.write(json_safe(json.dumps(data, ensure_ascii=False, indent=2, default=str)) + "\n")


def say(text: str = "") -> None:
    print(text)


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


def parse_month(text: str) -> str:
    """An argparse type: ``2026-11`` (given as ``YYYY-MM``)."""
    try:
        year, month = (int(x) for x in text.strip().split("-"))
        date(year, month, 1)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a month like 2026-11") from None
    return f"{year:04d}-{month:02d}"


def add_period_options(parser) -> None:
    """``--date D | --month M`` (one of them), and ``--csv | --json``: a day's or a month's figures."""
    period = parser.add_mutually_exclusive_group(required=True)
    period.add_argument("--date", type=parse_date, metavar="YYYY-MM-DD")
    period.add_argument("--month", type=parse_month, metavar="YYYY-MM")
    shape = parser.add_mutually_exclusive_group()
    shape.add_argument("--csv", action="store_true")
    shape.add_argument("--json", action="store_true")


def add_actions(groups, name: str, common, help_text: str, dest: str):
    """``hall NAME ACTION …``: the command and its required actions (the subparsers to add them to)."""
    actions = groups.add_parser(name, parents=[common], help=help_text).add_subparsers(dest=dest, metavar="ACTION")
    actions.required = True
    return actions
