"""A dialog of a few fields whose save runs at the database (see
:class:`~staff_tui.modals.saving_dialog.SavingDialog` for how a save that
fails keeps everything typed). Enter moves to the next field and saves from
the last (or from the field named ``saves_from``, optional choices after it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, Select, SelectionList, Static

from shared_ui.plain import plain
from shared_ui.words import tr
from staff_tui.modals.saving_dialog import CANCEL_KEY, SavingDialog


@dataclass
class Field:
    name: str
    label: str
    kind: str = "text"  # text | password | date | select | multi
    value: Any = ""
    options: list[tuple[str, Any]] = field(default_factory=list)
    placeholder: str = ""


class FormDialog(SavingDialog):
    BINDINGS = [CANCEL_KEY]

    def __init__(
        self,
        title: str,
        fields: list[Field],
        save: Callable[[dict], Any],
        *,
        intro: str = "",
        save_label: str | None = None,
        name: str = "form",
        saves_from: str = "",
    ) -> None:
        super().__init__(name=name)
        # A text field whose Enter saves though optional fields follow it (they are chosen, not typed).
        self.saves_from = saves_from
        self.title_text = title
        self.fields = fields
        self._save_fn = save
        self.intro = intro
        self.save_label = save_label or tr("staff_ui.save")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(plain(self.title_text), classes="dialog-title")
            with VerticalScroll(classes="dialog-fields"):
                if self.intro:
                    yield Static(plain(self.intro), classes="dialog-body")
                for spec in self.fields:
                    yield Label(spec.label, classes="field-label")
                    yield self._widget(spec)
            yield Static("", id="error", classes="dialog-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(f"{self.save_label} (Ctrl+S)", id="save", variant="primary", compact=True)
                yield Button(tr("staff_ui.cancel_button"), id="cancel", compact=True)

    def _widget(self, spec: Field):
        wid = f"f-{spec.name}"
        if spec.kind in ("text", "password", "date"):
            placeholder = spec.placeholder or (tr("staff_ui.date_placeholder") if spec.kind == "date" else "")
            return Input(
                str(spec.value or ""), placeholder=placeholder, id=wid, password=spec.kind == "password", compact=True
            )
        if spec.kind == "select":
            value = spec.value if any(v == spec.value for _, v in spec.options) else Select.NULL
            return Select(
                [(plain(label), v) for label, v in spec.options],
                value=value,
                id=wid,
                allow_blank=value is Select.NULL,
                prompt=tr("staff_ui.select_prompt"),
                compact=True,
            )
        if spec.kind == "multi":
            chosen = set(spec.value or ())
            return SelectionList(
                *[(plain(label), value, value in chosen) for label, value in spec.options], id=wid, compact=True
            )
        raise ValueError(spec.kind)

    def on_mount(self) -> None:
        for button in self.query(Button):
            button.can_focus = False
        focusable = [w for w in self.query("Input, Select, SelectionList") if w.focusable]
        if focusable:
            focusable[0].focus()
        self.remember_start()

    def typed(self) -> dict:
        return self.values()

    def values(self) -> dict:
        out = {}
        for spec in self.fields:
            widget = self.query_one(f"#f-{spec.name}")
            if isinstance(widget, Input):
                out[spec.name] = widget.value.strip()
            elif isinstance(widget, Select):
                out[spec.name] = None if widget.value is Select.NULL else widget.value
            else:
                out[spec.name] = list(widget.selected)
        return out

    @on(Input.Submitted)
    def _next_or_save(self, event: Input.Submitted) -> None:
        event.stop()
        inputs = [w for w in self.query("Input, Select, SelectionList") if w.focusable]
        if inputs and (event.input is inputs[-1] or (self.saves_from and event.input.id == f"f-{self.saves_from}")):
            self.action_save()
        else:
            self.focus_next()

    def pending_save(self):
        values = self.values()
        return lambda hall: self._save_fn(values)

    def answer(self, result):
        return result if result is not None else True
