"""A dialog whose save runs at the database and which never loses what was typed.

The save runs in a thread worker. When the models refuse or the database
fails, the dialog stays open with the message and everything typed in it;
it closes only when the save went through, with the models' answer.
Ctrl+S saves from anywhere; Escape cancels. A subclass says what to save by
returning, from :meth:`pending_save`, the call to run (built on the UI thread
from what is on screen, so the worker reads no widgets).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import work
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Button, Static
from textual.worker import get_current_worker

from shared_ui.words import localise_bindings, tr
from staff_tui.db import call, error_words
from staff_tui.messages import ActionDone, ActionFailed


class SavingDialog(ModalScreen):
    BINDINGS = [
        Binding("ctrl+s", "save", "staff_ui.save", priority=True),
        Binding("escape", "cancel", "staff_ui.cancel"),
    ]

    def __init__(self, *, name: str) -> None:
        super().__init__(classes="dialog-screen", name=name)
        localise_bindings(self)
        self.saving = False

    def pending_save(self) -> Callable[[], Any]:
        raise NotImplementedError

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def action_cancel(self) -> None:
        if not self.saving:
            self.dismiss(None)

    def action_save(self) -> None:
        if self.saving:
            return
        self.saving = True
        self.query_one("#error", Static).update(tr("staff_ui.saving"))
        self._save(self.pending_save())

    @work(thread=True, exclusive=True, group="save", exit_on_error=False)
    def _save(self, save: Callable[[], Any]) -> None:
        worker = get_current_worker()
        try:
            result = call(self.app.hall, save)
        except Exception as exc:  # shown in the dialog; nothing typed is lost
            if not worker.is_cancelled:
                self.post_message(ActionFailed("save", error_words(exc, self.app.lang)))
            return
        self.post_message(ActionDone("save", result))

    def on_action_done(self, message: ActionDone) -> None:
        self.saving = False
        self.dismiss(self.answer(message.result))

    def answer(self, result: Any) -> Any:
        """What the dialog hands back to whoever opened it."""
        return result

    def on_action_failed(self, message: ActionFailed) -> None:
        self.saving = False
        self.query_one("#error", Static).update(message.message)
