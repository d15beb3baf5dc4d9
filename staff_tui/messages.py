"""The messages the terminal's parts send each other, named as past events."""

from __future__ import annotations

import time

from textual.message import Message


class HallChanged(Message, bubble=False):
    """Something changed in the hall (this or another terminal, a kiosk, the CLI)."""

    def __init__(self, kinds: frozenset[str], last_id: int) -> None:
        super().__init__()
        self.kinds = kinds
        self.last_id = last_id
        self.received = time.perf_counter()


class DatabaseLost(Message, bubble=False):
    """The database stopped answering; ``reason`` is one plain sentence."""

    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason


class DatabaseRestored(Message, bubble=False):
    """The database answers again."""
