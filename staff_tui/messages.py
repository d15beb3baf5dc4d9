"""The messages the terminal's parts send each other, named as past events.

The change feed's (HallChanged, DatabaseLost, DatabaseRestored) are :mod:`shared_ui.live`'s.
"""

from __future__ import annotations

from textual.message import Message


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
