"""Control and invisible characters in a catalogue file, each at its line.

The catalogue's words go on the kiosk, the board, the terminal and paper;
:mod:`models.plain_text` says which characters none of them may hold. TOML
lets such a character in raw (a bidi override, a zero-width space) or as an
escape (``"\\u001b"``, ``"\\n"`` in a name), so both spellings are looked
for, line by line, once the parsed values show that one is there.
"""

from __future__ import annotations

import re
from typing import Any

from models.catalogue.entries import Problem
from models.plain_text import bad_index, refused_at

_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[btnfr])")
_SHORT = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r"}


def _strings(value: Any):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, inner in value.items():
            yield key
            yield from _strings(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _strings(inner)


def _decoded(escape: str) -> str:
    if escape in _SHORT:
        return _SHORT[escape]
    code = int(escape[1:], 16)
    return chr(code) if code <= 0x10FFFF else ""


def character_problems(text: str, data: dict, path: str) -> list[Problem]:
    """One problem per line that writes a refused character, raw or escaped."""
    if not any(bad_index(s) is not None for s in _strings(data)):
        return []
    problems = []
    several_lines = any("\n" in s for s in _strings(data))
    inside = False  # in a multi-line string: its line breaks are in a value, shown where it opens
    for number, line in enumerate(text.splitlines(), 1):
        found = [(i, line[i]) for i in refused_at(line.replace("\t", " "))]
        for quotes in re.finditer(r'"""|\'\'\'', line) if several_lines else ():
            if not inside:
                found.append((quotes.start(), "\n"))
            inside = not inside
        found += [(m.start(), _decoded(m.group(1))) for m in _ESCAPE.finditer(line)]
        found = [(column, ch) for column, ch in found if ch and bad_index(ch) is not None]
        if found:
            column, ch = min(found)
            problems.append(
                Problem(
                    path,
                    number,
                    f"holds a control or invisible character (U+{ord(ch):04X}, column {column + 1}) "
                    "that no screen or ticket may show; remove it",
                )
            )
    return problems or [Problem(path, 1, "a value holds a control or invisible character; remove it")]
