"""The lobby kiosk (取号机): take a ticket, read what to bring, track a case, rate a service.

The app only asks ``models/`` and shows the answers. Every database call runs
in a thread worker; screens get results back as messages. A resident cannot
quit it (no inherited bindings, no command palette); a maintainer quits with
``config.kiosk.quit_sequence`` or SIGTERM/SIGINT. What it shares with the
display board (opening the hall, the live feed, themes) is :class:`kiosk.base_app.HallApp`;
which screen follows which is :mod:`kiosk.navigator`'s.
"""

from __future__ import annotations

import time

from textual import events
from textual.reactive import reactive

from kiosk.announcer import Announcer
from kiosk.base_app import HallApp
from kiosk.last_ticket import LastTicket
from kiosk.navigator import Navigator
from kiosk.tap_guard import TapGuard, press_reported


def parse_sequence(text: str) -> list[str]:
    """``"ctrl+f10"`` or ``"f9,f9,f10"`` → the keys to press in order."""
    return [key.strip() for key in text.replace(" ", ",").split(",") if key.strip()] or ["ctrl+f10"]


class KioskApp(Navigator, HallApp):
    CSS_PATH = "kiosk.tcss"
    SEQUENCE_SECONDS = 5.0

    language: reactive[str] = reactive("zh", init=False)
    large: reactive[bool] = reactive(False, init=False)

    def __init__(self, hall, *, language: str | None = None, live: bool = True, watch_theme_files: bool = True):
        super().__init__(hall, live=live, watch_theme_files=watch_theme_files)
        self.default_language = language or hall.config.language
        self.set_reactive(KioskApp.language, self.default_language)
        self.tap_guard = TapGuard()
        self._throttle = None
        self.last_ticket = LastTicket()
        self.quit_keys = parse_sequence(hall.config.kiosk.quit_sequence)
        self._quit_progress = 0
        self._quit_last = 0.0
        self.last_touch = time.monotonic()
        self.title = self.hall_title(self.default_language)
        # Read-aloud (kiosk.speech_command): the board's speaker, one text at a time, never cut off.
        self.announcer = Announcer(hall.config.kiosk.speech_command)
        self._read_last = ""

    def read_aloud(self, text: str) -> None:
        """Say ``text`` when a speech command is set; the same words twice in a row are said once
        (a heading set again once its screen's data has come)."""
        if not self.hall.config.kiosk.speech_command or not text or text == self._read_last:
            return
        self._read_last = text
        self.announcer.announce(text)

    def on_unmount(self) -> None:
        super().on_unmount()
        self.announcer.stop(timeout=0.5)

    @property
    def throttle(self):
        """The tracking-code throttle (it counts in the database: imported once the hall is open)."""
        if self._throttle is None:
            from models.throttle import Throttle

            self._throttle = Throttle()
        return self._throttle

    # --- life (HallApp.on_mount opens the hall and follows the feed) --------------

    def on_mount(self) -> None:
        from kiosk.screens.home import HomeScreen

        self.push_screen(HomeScreen())
        self.set_interval(1.0, self._check_idle)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent) and not event.is_forwarded:
            # A tap, a key (typing a code) or scrolling a notice: someone is there.
            if isinstance(event, (events.MouseDown, events.Key, events.MouseScrollDown, events.MouseScrollUp)):
                self.last_touch = time.monotonic()
            if isinstance(event, events.MouseDown):
                press_reported(self, event)
            if isinstance(event, events.Key) and self._quit_step(event.key):
                self.exit()
                return
        await super().on_event(event)

    def _quit_step(self, key: str) -> bool:
        now = time.monotonic()
        if now - self._quit_last > self.SEQUENCE_SECONDS:
            self._quit_progress = 0
        self._quit_last = now
        if key == self.quit_keys[self._quit_progress]:
            self._quit_progress += 1
        else:
            self._quit_progress = 1 if key == self.quit_keys[0] else 0
        if self._quit_progress >= len(self.quit_keys):
            self._quit_progress = 0
            return True
        return False

    # --- idling (showing screens, and which follows which, is kiosk.navigator's) -------------

    def _check_idle(self) -> None:
        """After a screen's idle time, ask 「还需要更多时间吗？」; home only when nobody answers."""
        from kiosk.screens.home import HomeScreen
        from kiosk.screens.more_time import MoreTimeScreen

        if not self.screen_stack:  # the timer can fire once more while the app shuts down
            return
        if isinstance(self.screen, MoreTimeScreen):
            return
        config = self.hall.config.kiosk
        limit = getattr(self.screen, "idle_limit", lambda config: config.idle_seconds)(config)
        if time.monotonic() - self.last_touch < limit:
            return
        at_rest = isinstance(self.screen, HomeScreen) and self.language == self.default_language and not self.large
        if at_rest and not getattr(self.screen, "has_typed", False):
            self.last_touch = time.monotonic()
            return
        self.tap_guard.changed()
        self.push_screen(MoreTimeScreen(config.warn_seconds), self._more_time_answered)

    def _more_time_answered(self, more: bool | None) -> None:
        self.tap_guard.changed()
        self.last_touch = time.monotonic()
        if not more:
            self.go_home(reset=True)

    def watch_large(self, large: bool) -> None:
        self.set_class(large, "-large")
        self.theme = "contrast" if large and "contrast" in self.available_themes else self.base_theme

    def watch_language(self, language: str) -> None:
        self.title = self.hall_title(language)
