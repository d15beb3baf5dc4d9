"""Spoken calls for the board, one at a time.

Calls go into a queue served by a single background thread, so a call never
cuts another off: each rings the terminal bell, then runs the configured
speech command (e.g. ``espeak-ng -v cmn {text}``) to the end before the next.
"""

from __future__ import annotations

import logging
import queue
import shlex
import subprocess
import threading
from collections.abc import Callable

log = logging.getLogger("hall.board.announcer")
SPEECH_TIMEOUT_SECONDS = 30


def speech_argv(command: str, text: str) -> list[str]:
    """The command's words with ``{text}`` put in (the text stays one argument)."""
    return [part.replace("{text}", text) for part in shlex.split(command)]


def run_speech(command: str, text: str) -> None:
    try:
        subprocess.run(
            speech_argv(command, text),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=SPEECH_TIMEOUT_SECONDS,
            check=False,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("speech command failed: %s", exc)


class Announcer:
    def __init__(
        self, command: str = "", *, bell: Callable[[], None] | None = None, speak: Callable[[str], None] | None = None
    ):
        self.command = command
        self.bell = bell
        self.speak = speak or (lambda text: run_speech(command, text) if command else None)
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._thread: threading.Thread | None = None

    def announce(self, text: str) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="hall-announcer", daemon=True)
            self._thread.start()
        self._queue.put(text)

    def pending(self) -> int:
        return self._queue.qsize()

    def stop(self, timeout: float = 2.0) -> None:
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join(timeout)
            self._thread = None

    def _run(self) -> None:
        while True:
            text = self._queue.get()
            if text is None:
                return
            try:
                if self.bell is not None:
                    self.bell()
                self.speak(text)
            except Exception as exc:  # one failed call must not silence the rest
                log.warning("announcement failed: %s", exc)
