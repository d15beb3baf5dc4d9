"""Opening the case a matter raised in a visit needs (channel 走访): the ticket's case form, one case.

The same :class:`~staff_tui.widgets.case_form.CaseForm` as at the window, so
a matter's case says everything a window's does; saving asks
:meth:`models.visits.Visits.open_case`, which links the case to the matter
in the same transaction. Ctrl+S saves, Esc cancels.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Label, Static

from shared_ui.plain import plain
from shared_ui.words import tr
from staff_tui import queries
from staff_tui.modals.saving_dialog import CANCEL_KEY, SavingDialog
from staff_tui.widgets.case_form import CaseForm

W = "staff_ui.visits"


class VisitCaseDialog(SavingDialog):
    BINDINGS = [Binding("ctrl+s", "save", "staff_outcome.save", priority=True), CANCEL_KEY]

    @dataclass
    class ItemsLoaded(Message, bubble=False):
        items: list

    def __init__(self, matter_id: int, household: str, text: str) -> None:
        super().__init__()
        self.matter_id = matter_id
        self.household = household
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="visit-case"):
            yield Label(plain(tr(f"{W}.case_title", household=self.household)), classes="dialog-title")
            yield Static(plain(self.text), classes="dialog-hint", id="visit-case-matter")
            yield Vertical(id="visit-case-form")
            yield Static("", id="error", classes="dialog-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(tr(f"{W}.case_save"), id="save", variant="primary", compact=True)
                yield Button(tr("staff_ui.cancel_button"), id="cancel", compact=True)

    def on_mount(self) -> None:
        for button in self.query(Button):
            button.can_focus = False
        if self.app.item_cache is not None:
            self.call_later(self._add_form, self.app.item_cache)
        else:
            self.query_one("#error", Static).update(tr("staff_ui.loading"))
            self.ask(lambda hall: queries.item_choices(), self.ItemsLoaded, group="visit-case-load")

    def on_visit_case_dialog_items_loaded(self, message: ItemsLoaded) -> None:
        self.app.item_cache = message.items
        self.query_one("#error", Static).update("")
        self.call_later(self._add_form, message.items)

    async def _add_form(self, items: list) -> None:
        form = CaseForm(items, "", self.app.hall.cases, index=1)
        await self.query_one("#visit-case-form").mount(form)
        self.call_after_refresh(form.query_one("#item").focus)

    def dirty(self) -> bool:
        return any(form.changed() for form in self.query(CaseForm))

    def action_save(self) -> None:
        if self.query(CaseForm):
            super().action_save()

    def pending_save(self):
        code, matter = self.app.shift.code, self.matter_id
        values = self.query_one(CaseForm).values()
        item, kind = values.pop("item"), values.pop("kind")
        return lambda hall: hall.visits.open_case(matter, code, item=item, kind=kind, **values)
