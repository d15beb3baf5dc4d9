"""The window's rating pad (窗口评价器): a small touch screen at one window, facing the resident.

It shows only the five levels, and only while the window's terminal asks
for a rating (:mod:`models.ratings.requests`); otherwise it greets and waits.
It wakes on the change feed like the board, judges taps with the kiosk's tap
guard (:mod:`kiosk.tap_guard`), and has the kiosk's look and no key a
resident could use. A maintainer quits it with the kiosk's quit sequence's
first key, as the board.
"""

from __future__ import annotations

from textual import events

from kiosk.base_app import HallApp
from kiosk.tap_guard import TapGuard, press_reported


class PadApp(HallApp):
    CSS_PATH = ["kiosk.tcss", "pad.tcss"]

    def __init__(
        self, hall, window: int, *, language: str | None = None, live: bool = True, watch_theme_files: bool = True
    ):
        super().__init__(hall, live=live, watch_theme_files=watch_theme_files)
        self.window = window
        self.language = language or hall.config.language
        self.title = self.hall_title(self.language)
        self.tap_guard = TapGuard()

    def on_mount(self) -> None:
        from kiosk.screens.pad import PadScreen

        self.push_screen(PadScreen(self.window))

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.MouseDown) and not event.is_forwarded:
            press_reported(self, event)
        await super().on_event(event)

    def on_key(self, event) -> None:
        if event.key == self.hall.config.kiosk.quit_sequence.split(",")[0].strip():
            self.exit()
