"""Helpers for the demo-hall tests: the terminal signed in, waiting, reading the screen."""

from __future__ import annotations

from dataclasses import replace

from tests.staff.helpers import screen_text, shift_for, text_of, wait_for  # noqa: F401


def app_for(hall, code: str = "S01", window: int | None = None, *, language: str = "zh", live: bool = False):
    from models.schema import Staff, StaffPost, Window
    from staff_tui.app import StaffApp

    if window is None:
        post = (
            StaffPost.select(Window.number).join(Window).switch(StaffPost).join(Staff).where(Staff.code == code).first()
        )
        window = post.window.number if post else 1
    config = replace(hall.config, language=language)
    return StaffApp(config, hall=hall, shift=shift_for(code, window), watch_theme=False, live=live, terminal="pytest")


async def ready(pilot, name: str, *, data: bool = True) -> None:
    app = pilot.app
    await wait_for(
        pilot,
        lambda: app.screen.name == name and (not data or getattr(app.screen, "data", None) is not None),
        what=f"{name} screen",
    )
    await pilot.pause(0.05)


async def show_duty_day(pilot, day) -> None:
    """On the duty screen: F7, type ``day``, and wait for that day's page."""
    from textual.widgets import Input

    app = pilot.app
    await pilot.press("f7")
    await wait_for(pilot, lambda: app.screen.name == "form")
    app.screen.query_one("#f-day", Input).value = day.isoformat()
    await pilot.press("ctrl+s")
    await wait_for(
        pilot,
        lambda: app.screen.name == "duty" and app.screen.data is not None and app.screen.data[0].day == day,
        what=f"the duty page of {day}",
    )
