"""Every word given on the command line passes the hall's rule for typed text
(:mod:`models.plain_text`) before a command runs: a name or note holding an
ESC sequence, a bell or a bidi override is refused with one sentence naming
its option, and nothing is written. So is a word longer than any field takes
(a name, a note, a code): the models hold each field to its own length, and
nothing that long is ever echoed back in a refusal.
"""

from __future__ import annotations

import argparse

from cli.errors import UsageError
from models.i18n import t
from models.plain_text import bad_index, check

# Options whose text may run over several lines (a notice's words).
SEVERAL_LINES = frozenset({"text", "public_text"})
# The most characters one word on the command line may hold, and one of several lines.
MOST, MOST_LINES = 2000, 20000


def _names(parser: argparse.ArgumentParser, names: dict[str, str]) -> dict[str, str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                _names(sub, names)
        elif action.dest not in names:
            names[action.dest] = (
                action.option_strings[-1] if action.option_strings else str(action.metavar or action.dest)
            )
    return names


def check_arguments(parser: argparse.ArgumentParser, args: argparse.Namespace, language: str = "zh") -> None:
    """Raises :class:`models.plain_text.TextRefused` naming the first option that holds a refused
    character, or :class:`~cli.errors.UsageError` naming one that is longer than any field takes."""
    for dest, value in vars(args).items():
        lines = dest in SEVERAL_LINES
        for one in value if isinstance(value, list | tuple) else [value]:
            if not isinstance(one, str):
                continue
            if bad_index(one, lines=lines) is not None:
                check(str(_names(parser, {}).get(dest, dest)), one, lines=lines)
            most = MOST_LINES if lines else MOST
            if len(one) > most:
                name = str(_names(parser, {}).get(dest, dest))
                raise UsageError("hall: " + t("plain_text.too_long", language, field=name, length=len(one), most=most))
