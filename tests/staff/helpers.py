"""Helpers for the staff terminal's tests: staff, apps, waiting, reading the screen."""

from __future__ import annotations

import html
import re
import time
from dataclasses import replace
from datetime import datetime

from tests.conftest import SHANGHAI

PIN = "2468"
MORNING = datetime(2026, 11, 23, 9, 30, tzinfo=SHANGHAI)  # a Monday


def add_people() -> None:
    from models.staff import add_staff

    add_staff("S01", "王芳", PIN, posts=[(1, "A")])
    add_staff("S05", "陈静", PIN, posts=[(3, "A")])
    add_staff("S06", "杨磊", PIN, posts=[(3, "B"), (6, "A")])
    add_staff("L01", "马站长", PIN, role="leader")


def shift_for(code: str, window: int):
    from models.schema import Staff
    from models.staff import staff_info
    from models.staff.signin import start_shift, windows_for

    staff = Staff.get(Staff.code == code)
    return start_shift(staff_info(staff), window, windows_for(staff))


def make_app(hall, *, shift=None, language: str = "zh", live: bool = True, **config_changes):
    from staff_tui.app import StaffApp

    config = replace(hall.config, language=language, **config_changes)
    return StaffApp(config, hall=hall, shift=shift, watch_theme=False, live=live, terminal="pytest")


async def wait_for(pilot, predicate, timeout: float = 5.0, what: str = "") -> float:
    """Pause until ``predicate()`` holds; returns the seconds it took."""
    start = time.perf_counter()
    while True:
        try:
            if predicate():
                return time.perf_counter() - start
        except Exception:
            pass
        if time.perf_counter() - start > timeout:
            raise AssertionError(f"timed out waiting for {what or predicate}")
        await pilot.pause(0.02)


def text_of(widget) -> str:
    """The plain text a Static shows (tables and other renderables included)."""
    content = getattr(widget, "content", None)
    if content is None or isinstance(content, str) and not content:
        content = widget.render()
    plain = getattr(content, "plain", None)
    if plain is not None:
        return plain
    if isinstance(content, str):
        return content
    import io

    from rich.console import Console

    console = Console(width=200, file=io.StringIO(), record=True, color_system=None)
    console.print(content)
    return console.export_text()


def screen_text(app) -> str:
    """Every character on the screen, row by row (for asserting what a person sees)."""
    svg = app.export_screenshot()
    rows: dict[str, list[tuple[float, str]]] = {}
    for y, x, body in re.findall(r'<text[^>]*?y="([\d.]+)"[^>]*?x="([\d.]+)"[^>]*>([^<]*)</text>', svg):
        rows.setdefault(y, []).append((float(x), body))
    for x, y, body in re.findall(r'<text[^>]*?x="([\d.]+)"[^>]*?y="([\d.]+)"[^>]*>([^<]*)</text>', svg):
        rows.setdefault(y, []).append((float(x), body))
    lines = []
    for y in sorted(rows, key=float):
        parts = sorted(set(rows[y]))
        lines.append("".join(html.unescape(body) for _, body in parts).replace("\xa0", " "))
    return "\n".join(lines)


def take(hall, *items, priority: bool = False) -> list[str]:
    return [hall.queue.take(item, priority=priority).number for item in items]


async def open_leave_request(pilot) -> None:
    """From the queue: the whereabouts board, leave, and F2's request form (until it is open)."""
    app = pilot.app
    await pilot.press("ctrl+g")
    await wait_for(pilot, lambda: app.screen.name == "whereabouts" and app.screen.data is not None)
    await pilot.press("f3")
    await wait_for(pilot, lambda: app.screen.name == "leave")
    await pilot.pause(0.2)
    await pilot.press("f2")
    await wait_for(pilot, lambda: app.screen.query("#f-reason"), what="leave form")
