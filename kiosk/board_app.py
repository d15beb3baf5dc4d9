"""The display board (电子显示屏) for a TV in the lobby: calls, waiting counts,
paused windows, notices, date and time. Read only; nothing to touch. What it
shares with the kiosk (opening the hall, the live feed, themes) is
:class:`kiosk.base_app.HallApp`."""

from __future__ import annotations

from kiosk.announcer import Announcer
from kiosk.base_app import HallApp


class BoardApp(HallApp):
    CSS_PATH = "board.tcss"

    def __init__(
        self,
        hall,
        *,
        language: str | None = None,
        live: bool = True,
        watch_theme_files: bool = True,
        announcer: Announcer | None = None,
    ):
        super().__init__(hall, live=live, watch_theme_files=watch_theme_files)
        self.language = language or hall.config.language
        self.title = self.hall_title(self.language)
        self.announcer = announcer or Announcer(hall.config.board.speech_command, bell=self._bell)
        self.large = False

    def _bell(self) -> None:
        try:
            self.call_from_thread(self.bell)
        except RuntimeError:
            pass

    # --- life (HallApp.on_mount opens the hall and follows the feed) --------------

    def on_mount(self) -> None:
        from kiosk.screens.board import BoardScreen

        self.push_screen(BoardScreen())

    def on_unmount(self) -> None:
        self.announcer.stop(timeout=0.5)

    def on_key(self, event) -> None:
        # A maintainer quits with the kiosk's quit sequence's first key (no resident touches a board).
        if event.key == self.hall.config.kiosk.quit_sequence.split(",")[0].strip():
            self.exit()
