"""Small helpers for showing times and Chinese text in terminal cells."""

from __future__ import annotations

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


def hhmm(instant: datetime | None, zone) -> str:
    if instant is None:
        return "--:--"
    return clock.reading(instant, zone, "%H:%M")


def minutes_between(start: datetime | None, end: datetime | None) -> int:
    if start is None or end is None:
        return 0
    return max(0, int((end - start).total_seconds() // 60))
