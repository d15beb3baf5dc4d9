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


class HallOpened(Message, bubble=False):
    def __init__(self, hall) -> None:
        super().__init__()
        self.hall = hall


class HallUnavailable(Message, bubble=False):
    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason


class Loaded(Message, bubble=False):
    """A screen's data arrived from the database (``what`` says which)."""

    def __init__(self, what: str, data) -> None:
        super().__init__()
        self.what = what
        self.data = data


class ActionDone(Message, bubble=False):
    """An action at the database succeeded; ``result`` is the models' answer."""

    def __init__(self, action: str, result=None) -> None:
        super().__init__()
        self.action = action
        self.result = result


class ActionFailed(Message, bubble=False):
    """An action was refused or the database failed; ``message`` says so plainly."""

    def __init__(self, action: str, message: str, where: int | None = None) -> None:
        super().__init__()
        self.action = action
        self.message = message
        self.where = where
