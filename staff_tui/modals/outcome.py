"""Finishing a ticket: the outcome dialog opens the visit's cases (办件).

One tab per case (F2 adds one, F3 removes the current one). Saving finishes
the ticket and opens every case in one transaction: all of it is recorded
or none. When the models refuse (a missing reason, a bad date …) or the
database fails, the dialog stays open on the case concerned with the
message, and nothing typed is lost.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Label, Static, TabbedContent, TabPane

from models.cases import DraftRefused
from models.cases.notices import counter_notice
from models.queue import tracking
from shared_ui.plain import plain
from shared_ui.words import name_of, tr
from staff_tui import queries
from staff_tui.modals.saving_dialog import CANCEL_KEY, SavingDialog
from staff_tui.widgets.case_form import CaseForm


@dataclass(frozen=True)
class OpenedCase:
    number: str
    kind: str
    item_name: str
    item_name_en: str
    notice_kind: str | None
    notice: str


@dataclass(frozen=True)
class Outcome:
    ticket: str
    tracking_code: str  # display form
    url: str  # what the QR code holds
    cases: list[OpenedCase] = field(default_factory=list)


def finish_visit(hall, shift, number: str, drafts: list[dict], language: str) -> Outcome:
    """Finish ticket ``number`` and open its cases (the models do it in one
    transaction), then what the resident is told (runs in a worker)."""
    cases = hall.cases
    opened = cases.finish_visit(number, shift.window, shift.code, drafts)
    out = []
    for facts in opened:
        kind = counter_notice(facts)
        text = cases.notice_text(facts.id, kind, language) if kind else ""
        detail = cases.detail(facts.id)
        out.append(OpenedCase(facts.number, facts.kind, detail["item_name"], detail["item_name_en"], kind, text))
    code = opened[0].tracking_code if opened else ""
    return Outcome(
        ticket=number,
        tracking_code=tracking.display(code) if code else "",
        url=tracking.url_for(code, hall.config.tracking_url) if code else "",
        cases=out,
    )


class OutcomeDialog(SavingDialog):
    BINDINGS = [
        Binding("ctrl+s", "save", "staff_outcome.save", priority=True),
        Binding("f2", "add_case", "staff_outcome.add"),
        Binding("f3", "remove_case", "staff_outcome.remove"),
        CANCEL_KEY,
    ]

    @dataclass
    class ItemsLoaded(Message, bubble=False):
        """The catalogue's items a case may be for."""

        items: list

    def __init__(self, serving) -> None:
        super().__init__()
        self.serving = serving
        self.items: list[queries.ItemChoice] = []
        self._next_index = 1

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="outcome"):
            yield Label(
                plain(
                    tr(
                        "staff_outcome.title",
                        number=self.serving.number,
                        item=name_of(self.serving.item_name, self.serving.item_name_en),
                    )
                ),
                classes="dialog-title",
            )
            yield Static(tr("staff_outcome.intro"), classes="dialog-hint", id="outcome-intro")
            yield TabbedContent(id="drafts")
            yield Static("", id="error", classes="dialog-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(tr("staff_outcome.save_button"), id="save", variant="primary", compact=True)
                yield Button(tr("staff_outcome.add_button"), id="add", compact=True)
                yield Button(tr("staff_outcome.remove_button"), id="remove", compact=True)
                yield Button(tr("staff_ui.cancel_button"), id="cancel", compact=True)

    def on_mount(self) -> None:
        for button in self.query(Button):
            button.can_focus = False
        if self.app.item_cache is not None:
            self.items = self.app.item_cache
            self.call_later(self.action_add_case)
        else:
            self.query_one("#error", Static).update(tr("staff_ui.loading"))
            self.ask(lambda hall: queries.item_choices(), self.ItemsLoaded, group="outcome-load")

    def on_outcome_dialog_items_loaded(self, message: ItemsLoaded) -> None:
        self.items = self.app.item_cache = message.items
        self.query_one("#error", Static).update("")
        self.call_later(self.action_add_case)

    # --- tabs ---------------------------------------------------------------------------------

    def _forms(self) -> list[CaseForm]:
        return list(self.query(CaseForm))

    async def action_add_case(self) -> None:
        if not self.items:
            return
        forms = self._forms()
        item = forms[-1].item.code if forms and forms[-1].item else self.serving.item
        index = self._next_index
        self._next_index += 1
        # The same resident: a second case of the visit starts with the name and phone typed in the last.
        contact = forms[-1].contact() if forms else ("", "")
        form = CaseForm(self.items, item, self.app.hall.cases, index=index, contact=contact)
        tabs = self.query_one("#drafts", TabbedContent)
        pane = TabPane(tr("staff_outcome.tab_new", index=index), form, id=f"draft-{index}")
        await tabs.add_pane(pane)
        tabs.active = pane.id
        self.call_after_refresh(form.query_one("#kind").focus)

    def action_remove_case(self) -> None:
        tabs = self.query_one("#drafts", TabbedContent)
        if len(self._forms()) <= 1 or not tabs.active:
            return
        tabs.remove_pane(tabs.active)

    def on_case_form_changed(self, message: CaseForm.Changed) -> None:
        form = message.form
        pane = form.parent
        if isinstance(pane, TabPane) and pane.id:
            try:
                self.query_one("#drafts", TabbedContent).get_tab(pane.id).label = plain(form.label())
            except Exception:
                pass

    # --- saving ---------------------------------------------------------------------------------

    @on(Button.Pressed, "#add")
    def _add_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.call_later(self.action_add_case)

    @on(Button.Pressed, "#remove")
    def _remove_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_remove_case()

    def dirty(self) -> bool:
        forms = self._forms()
        return len(forms) > 1 or any(form.changed() for form in forms)

    def action_save(self) -> None:
        if self._forms():
            super().action_save()

    def pending_save(self):
        shift, number, language = self.app.shift, self.serving.number, self.app.lang
        drafts = [form.values() for form in self._forms()]
        return lambda hall: finish_visit(hall, shift, number, drafts, language)

    def failure_words(self, error: Exception) -> str:
        # A refused draft says what the models refused; the tab it concerns is added on screen.
        return super().failure_words(error.error if isinstance(error, DraftRefused) else error)

    def ask_failed(self, failure) -> None:
        super().ask_failed(failure)
        where = failure.error.index if isinstance(failure.error, DraftRefused) else None
        forms = self._forms()
        if where is not None and where < len(forms):
            form = forms[where]
            pane = form.parent
            if isinstance(pane, TabPane) and pane.id:
                self.query_one("#drafts", TabbedContent).active = pane.id
            text = tr("staff_outcome.failed_in", tab=form.label(), message=failure.words)
            self.query_one("#error", Static).update(plain(text))
