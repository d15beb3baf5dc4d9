"""The display board (电子显示屏) for a TV in the lobby: calls, waiting counts,
paused windows, notices, date and time. Read only; nothing to touch."""

from __future__ import annotations

import asyncio
import signal
import threading

from textual.app import App

from kiosk.announcer import Announcer
from kiosk.live import HallChanged, start_live
from models.i18n import pick, t


class BoardApp(App, inherit_bindings=False):
    CSS_PATH = "board.tcss"
    ENABLE_COMMAND_PALETTE = False
    ALLOW_SELECT = False
    BINDINGS = []

    def __init__(self, hall, *, language: str | None = None, live: bool = True, watch_theme_files: bool = True, announcer: Announcer | None = None):
        super().__init__()
        from themes import register_themes

        self.hall = hall
        self.language = language or hall.config.language
        self.live = live
        self.watch_theme_files = watch_theme_files
        register_themes(self)
        theme = hall.config.kiosk.theme
        self.theme = theme if theme in self.available_themes else "hall"
        self.title = pick(hall.config.hall_name, hall.config.hall_name_en, self.language)
        self.announcer = announcer or Announcer(hall.config.board.speech_command, bell=self._bell)
        self.large = False

    def t(self, key: str, **params) -> str:
        return t(key, self.language, **params)

    def pick(self, zh: str, en: str) -> str:
        return pick(zh, en, self.language)

    def get_theme_variable_defaults(self) -> dict[str, str]:
        from themes import theme_variable_defaults

        return theme_variable_defaults()

    def _bell(self) -> None:
        try:
            self.call_from_thread(self.bell)
        except RuntimeError:
            pass

    def on_mount(self) -> None:
        from kiosk.screens.board import BoardScreen

        self.push_screen(BoardScreen())
        start = getattr(self.hall, "start", None)
        if start is not None:  # a PendingHall: open the database once the first frame is out
            self.call_after_refresh(start, self._hall_opened)
        if self.live:
            start_live(self)
        if self.watch_theme_files:
            from themes import watch_themes

            self._theme_watch = watch_themes(self)
        if not self.is_headless:
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGTERM, signal.SIGINT):
                try:
                    loop.add_signal_handler(sig, self.exit)
                except (NotImplementedError, RuntimeError, ValueError):
                    pass

    def _hall_opened(self) -> None:
        if self.hall.error is not None:
            if threading.get_ident() == self._thread_id:
                self.exit(None, 2)
                return
            try:
                self.call_from_thread(self.exit, None, 2)
            except RuntimeError:
                pass

    def on_unmount(self) -> None:
        self.announcer.stop(timeout=0.5)
        watch = getattr(self, "_theme_watch", None)
        if watch is not None:
            watch.stop()

    def on_hall_changed(self, message: HallChanged) -> None:
        self.screen.post_message(HallChanged(message.changes))

    def on_key(self, event) -> None:
        # A maintainer quits with the kiosk's quit sequence's first key (no resident touches a board).
        if event.key == self.hall.config.kiosk.quit_sequence.split(",")[0].strip():
            self.exit()
