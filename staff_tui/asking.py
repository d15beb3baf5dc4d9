"""Asking the models from the terminal, and saying plainly when the answer is no.

A staff screen, a dialog that saves and the app itself ask through
:meth:`Asking.ask`: ``fn(hall)`` runs in a thread worker
(:func:`shared_ui.workers.ask`) and its answer comes back as the typed
message ``done`` makes of it. A refusal or a database fault comes back as
:class:`Asking.AskFailed`, already in the clerk's words
(:meth:`Asking.failure_words`), and lands in :meth:`Asking.ask_failed`,
which a screen overrides only when it shows a failure somewhere other than
its message line.

The app opens the screens and dialogs, so they name
:class:`~staff_tui.app.StaffApp` for the type checker only
(``textual.getters.app`` would need the class at run time, and with it an
import circle between the app and its screens).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual.message import Message
from textual.worker import Worker

from shared_ui.workers import ask
from staff_tui.db import error_words

if TYPE_CHECKING:
    from staff_tui.app import StaffApp


class Asking:
    """Mixed in before Textual's Screen, ModalScreen or App."""

    if TYPE_CHECKING:

        @property
        def app(self) -> StaffApp: ...

    @dataclass
    class AskFailed(Message, bubble=False):
        """An ask of ``group`` failed with ``error``; ``words`` say so to the clerk."""

        group: str
        error: Exception
        words: str

    def ask(
        self, fn: Callable[[Any], Any], done: Callable[[Any], Message | None], *, group: str, exclusive: bool = True
    ) -> Worker:
        """Run ``fn(hall)`` off the UI thread; post ``done(answer)``, or :class:`AskFailed`."""

        def failed(error: Exception) -> Message:
            return self.AskFailed(group, error, self.failure_words(error))

        # Asking is always mixed into a DOMNode (a screen, a dialog, the app).
        return ask(self, fn, done, failed, group=group, exclusive=exclusive)  # type: ignore[arg-type]

    def failure_words(self, error: Exception) -> str:
        """One sentence for the clerk; called in the worker thread, as the failure is posted."""
        return error_words(error, self.app.lang)

    def on_asking_ask_failed(self, message: AskFailed) -> None:
        self.ask_failed(message)

    def ask_failed(self, failure: AskFailed) -> None:
        """Show a failure: on the message line unless the screen says otherwise."""
        self.say(failure.words, error=True)  # type: ignore[attr-defined]
