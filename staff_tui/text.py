"""Small helpers for showing times and Chinese text in terminal cells."""

from __future__ import annotations

import re
from datetime import datetime

from rich.cells import cell_len

from models import clock


def fit(text: str, width: int) -> str:
    """``text`` cut (with …) or padded to exactly ``width`` cells (CJK counts 2)."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return text + " " * (width - cell_len(text))
    out, used = "", 0
    for ch in text:
        w = cell_len(ch)
        if used + w > width - 1:
            break
        out += ch
        used += w
    out += "…"
    return out + " " * (width - cell_len(out))


# What a line never splits: a date, a time, a number or a Latin word, else one character;
# punctuation stays with what it opens or closes (no line starts with "，" or ends with "（").
_UNIT = re.compile(
    r"\s+|[（「『《“]*(?:\d{4}年\d{1,2}月\d{1,2}日|\d{1,2}月\d{1,2}日|\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}"
    r"|[A-Za-z0-9][A-Za-z0-9'’\-_.,:/@()]*|.)[，。、；：！？）」』》”]*",
    re.S,
)


def wrap_keeping(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` cells that never split a date, a time, a
    number or a word (Rich folds Chinese text at any character: 2026年1 / 2月9日)."""
    width = max(1, width)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line, used = "", 0
        for unit in _UNIT.findall(paragraph):
            size = cell_len(unit)
            if used and used + size > width:
                lines.append(line.rstrip())
                line, used = "", 0
                if unit.isspace():
                    continue
            while size > width:  # a unit wider than a whole line: fold it after all
                head = fit(unit, width).rstrip(" ")[:-1] or unit[0]
                lines.append(head)
                unit = unit[len(head) :]
                size = cell_len(unit)
            line += unit
            used += size
        lines.append(line.rstrip())
    return lines


def hhmm(instant: datetime | None, zone) -> str:
    if instant is None:
        return "--:--"
    return clock.reading(instant, zone, "%H:%M")


def minutes_between(start: datetime | None, end: datetime | None) -> int:
    if start is None or end is None:
        return 0
    return max(0, int((end - start).total_seconds() // 60))
