"""A dialog whose save runs at the database and which never loses what was typed.

The save is asked in a thread worker. When the models refuse or the database
fails, the dialog stays open with the message and everything typed in it;
it closes only when the save went through, with the models' answer.
Ctrl+S saves from anywhere; Escape cancels, asking first when something was
typed (:meth:`SavingDialog.dirty`). A subclass says what to save by
returning, from :meth:`pending_save`, the call to run with the hall (built on
the UI thread from what is on screen, so the worker reads no widgets).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from textual import on
from textual.binding import Binding
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from models.plain_text import TextRefused, check
from shared_ui.plain import plain
from shared_ui.words import current_language, localise_bindings, tr
from staff_tui.asking import Asking

# Ctrl+S is every dialog's; each subclass lists its own keys and then CANCEL_KEY,
# so that Escape comes last in the key panel and the command palette.
SAVE_KEY = Binding("ctrl+s", "save", "staff_ui.save", priority=True)
CANCEL_KEY = Binding("escape", "cancel", "staff_ui.cancel")


class SavingDialog(Asking, ModalScreen):
    BINDINGS = [SAVE_KEY]

    @dataclass
    class Saved(Message, bubble=False):
        result: Any

    def __init__(self, *, name: str | None = None) -> None:
        super().__init__(classes="dialog-screen", name=name)
        localise_bindings(self)
        self.saving = False
        self._typed_at_start: Any = None

    def typed(self) -> Any:
        """What is typed in the dialog now, comparable; None: the dialog never asks before closing."""
        return None

    def remember_start(self) -> None:
        """What the dialog holds before anyone typed (:meth:`dirty` compares against it)."""
        self._typed_at_start = self.typed()

    def dirty(self) -> bool:
        """Whether closing now would throw away something typed."""
        now = self.typed()
        return now is not None and now != self._typed_at_start

    def pending_save(self) -> Callable[[Any], Any]:
        """What to save: a call of the hall, run in the worker."""
        raise NotImplementedError

    @on(Button.Pressed, "#save")
    def _save_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_cancel()

    def action_cancel(self) -> None:
        if self.saving:
            return
        if not self.dirty():
            self.dismiss(None)
            return
        from staff_tui.modals.confirm import ConfirmDialog

        def answered(throw_away: bool | None) -> None:
            if throw_away:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmDialog(tr("staff_ui.discard_title"), tr("staff_ui.discard_body"), yes=tr("staff_ui.discard_yes")),
            answered,
        )

    def action_save(self) -> None:
        if self.saving or self._refused_input():
            return
        self.saving = True
        self.query_one("#error", Static).update(tr("staff_ui.saving"))
        self.ask(self.pending_save(), self.Saved, group="save")

    def _refused_input(self) -> bool:
        """Whether a field holds a character no input accepts (pasted ESC, bidi…): then it says
        so naming the field, keeps the field focused, and nothing is saved."""
        for field in self.query(Input):
            try:
                check(_field_name(field), field.value)
            except TextRefused as refused:
                self.query_one("#error", Static).update(plain(refused.message(current_language())))
                field.focus()
                return True
        return False

    def on_saving_dialog_saved(self, message: Saved) -> None:
        self.saving = False
        self.dismiss(self.answer(message.result))

    def answer(self, result: Any) -> Any:
        """What the dialog hands back to whoever opened it."""
        return result

    def ask_failed(self, failure: Asking.AskFailed) -> None:
        self.saving = False
        self.query_one("#error", Static).update(plain(failure.words))


def _field_name(field: Input) -> str:
    """The words of the label just above ``field``, else its placeholder."""
    siblings = list(field.parent.children) if field.parent is not None else []
    for widget in reversed(siblings[: siblings.index(field)] if field in siblings else []):
        if isinstance(widget, Label) and widget.has_class("field-label"):
            return str(widget.content).strip()
    return field.placeholder or field.id or ""
