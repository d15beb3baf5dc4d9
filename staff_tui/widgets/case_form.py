"""One case of a visit in the outcome dialog: item, kind, and what the kind needs.

The kind is a digit away (1 咨询件 … 7 信访件, with the kind focused, as it is
when a case's tab opens); typing on the item searches it by name or pinyin initials. 承诺件: the promised working days and the date they give (computed by the
hall calendar); 补充件: the item's catalogue materials to tick plus free
text, every missing one at once; 退回件: the reason; 上报件: the authority
and its date; 咨询件 / 即办件: the answer or result. The resident's name and
phone are optional, kept only for the completion notice.

The form holds no rule: dates come from :class:`models.cases.Cases` (the
calendar), and the models check everything when the dialog saves.
"""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Input, Label, Select, SelectionList, Static

from models.cases import Cases
from models.cases.rules import KINDS
from models.i18n import pick
from shared_ui.plain import plain
from shared_ui.words import current_language, tr
from staff_tui.queries import ItemChoice
from staff_tui.widgets.item_select import ItemSelect, entries_for

# The kinds whose groups of fields are shown; the others show the result line.
_GROUPS = {
    "promised": "g-promised",
    "supplement": "g-supplement",
    "returned": "g-returned",
    "escalated": "g-escalated",
    "petition": "g-petition",
    "consultation": "g-result",
    "immediate": "g-result",
}


def _material_label(material: dict, language: str) -> str:
    return pick(material.get("name", ""), material.get("name_en", ""), language)


class CaseForm(Vertical):
    DEFAULT_CSS = """
    CaseForm { height: auto; }
    CaseForm .group { height: auto; }
    CaseForm .pair { height: auto; }
    CaseForm .pair > Vertical { width: 1fr; height: auto; margin-right: 1; }
    CaseForm Input, CaseForm Select { width: 1fr; }
    CaseForm SelectionList { height: auto; max-height: 6; }
    CaseForm .due { color: $primary; text-style: bold; }
    """

    def __init__(
        self, items: list[ItemChoice], item_code: str, cases: Cases, *, index: int, contact: tuple[str, str] = ("", "")
    ) -> None:
        super().__init__(classes="case-form")
        self.items = {i.code: i for i in items}
        self.item_list = items
        self.cases = cases
        self.index = index
        self.initial_item = item_code if item_code in self.items else (items[0].code if items else "")
        self._kind_touched = False
        self.initial_contact = contact

    # --- layout ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        language = current_language()
        item = self.items.get(self.initial_item)
        # Each kind with its digit: with the kind focused, the digit alone chooses it.
        kind_options = [(f"{index} {tr(f'case.kind_{k}')}", k) for index, k in enumerate(KINDS, 1)]
        with Horizontal(classes="pair"):
            with Vertical():
                yield Label(tr("staff_outcome.item"), classes="field-label")
                yield ItemSelect(
                    entries_for(self.item_list, language),
                    value=self.initial_item,
                    allow_blank=False,
                    compact=True,
                    id="item",
                )
            with Vertical():
                yield Label(tr("staff_outcome.kind"), classes="field-label")
                yield Select(
                    kind_options, value=item.kind if item else KINDS[0], allow_blank=False, compact=True, id="kind"
                )
        with Vertical(classes="group", id="g-result"):
            yield Label(tr("staff_outcome.result"), classes="field-label")
            yield Input(id="result", placeholder=tr("staff_outcome.result_hint"), compact=True)
        with Vertical(classes="group", id="g-promised"):
            with Horizontal(classes="pair"):
                with Vertical():
                    yield Label(tr("staff_outcome.promised_days"), classes="field-label")
                    yield Input(str(item.promised_days if item else ""), id="days", compact=True, type="integer")
                with Vertical():
                    yield Label(tr("staff_outcome.due_label"), classes="field-label")
                    yield Static("", id="promised-due", classes="due")
        with Vertical(classes="group", id="g-supplement"):
            yield Label(tr("staff_outcome.missing"), classes="field-label")
            yield SelectionList(id="missing", compact=True)
            yield Label(tr("staff_outcome.other_missing"), classes="field-label")
            yield Input(id="other", placeholder=tr("staff_outcome.other_hint"), compact=True)
            yield Static(tr("staff_outcome.supplement_note"), classes="dialog-hint")
        with Vertical(classes="group", id="g-returned"):
            yield Label(tr("staff_outcome.reason"), classes="field-label")
            yield Input(id="reason", placeholder=tr("staff_outcome.reason_hint"), compact=True)
        with Vertical(classes="group", id="g-escalated"):
            with Horizontal(classes="pair"):
                with Vertical():
                    yield Label(tr("staff_outcome.authority"), classes="field-label")
                    yield Input(id="authority", placeholder=tr("staff_outcome.authority_hint"), compact=True)
                with Vertical():
                    yield Label(tr("staff_outcome.authority_due"), classes="field-label")
                    yield Input(id="authority-due", placeholder=tr("staff_ui.date_placeholder"), compact=True)
        with Vertical(classes="group", id="g-petition"):
            yield Label(tr("staff_outcome.subject"), classes="field-label")
            yield Input(id="subject", placeholder=tr("staff_outcome.subject_hint"), compact=True)
            yield Static("", id="petition-due", classes="due")
        with Horizontal(classes="pair"):
            with Vertical():
                yield Label(tr("staff_outcome.name"), classes="field-label")
                yield Input(self.initial_contact[0], id="name", placeholder=tr("staff_outcome.optional"), compact=True)
            with Vertical():
                yield Label(tr("staff_outcome.phone"), classes="field-label")
                yield Input(self.initial_contact[1], id="phone", placeholder=tr("staff_outcome.optional"), compact=True)

    def on_mount(self) -> None:
        with self.app.batch_update():
            self._item_changed(first=True)
        self._at_start = self._typed()

    def _typed(self) -> tuple:
        inputs = tuple(field.value for field in self.query(Input))
        return (
            self.query_one("#item", Select).value,
            self.kind,
            inputs,
            tuple(self.query_one("#missing", SelectionList).selected),
        )

    def contact(self) -> tuple[str, str]:
        """The resident's name and phone as typed."""
        return self.query_one("#name", Input).value.strip(), self.query_one("#phone", Input).value.strip()

    def changed(self) -> bool:
        """Whether anything was typed, chosen or ticked since the form opened."""
        return self._typed() != getattr(self, "_at_start", None)

    # --- reacting ----------------------------------------------------------------------------------

    @property
    def item(self) -> ItemChoice | None:
        value = self.query_one("#item", Select).value
        return self.items.get(value) if value is not Select.NULL else None

    @property
    def kind(self) -> str:
        return self.query_one("#kind", Select).value

    def on_key(self, event) -> None:
        kind = self.query_one("#kind", Select)
        if kind.has_focus and not kind.expanded and event.character and event.character.isdigit():
            index = int(event.character) - 1
            if 0 <= index < len(KINDS):
                kind.value = KINDS[index]
                event.stop()
                event.prevent_default()

    @on(Select.Changed, "#item")
    def _on_item(self, event: Select.Changed) -> None:
        event.stop()
        self._item_changed()

    @on(Select.Changed, "#kind")
    def _on_kind(self, event: Select.Changed) -> None:
        event.stop()
        if self.item is not None and self.kind != self.item.kind:
            self._kind_touched = True
        self._show_kind()
        self.post_message(self.Changed(self))

    @on(Input.Changed, "#days")
    def _on_days(self, event: Input.Changed) -> None:
        event.stop()
        self._show_dates()

    def _item_changed(self, first: bool = False) -> None:
        item = self.item
        if item is None:
            return
        language = current_language()
        if not first and not self._kind_touched:
            self.query_one("#kind", Select).value = item.kind
        self.query_one("#days", Input).value = str(item.promised_days or "")
        missing = self.query_one("#missing", SelectionList)
        missing.clear_options()
        missing.add_options([(plain(_material_label(m, language)), m.get("name", "")) for m in item.materials])
        self._show_kind()
        self.post_message(self.Changed(self))

    def _show_kind(self) -> None:
        kind = self.kind
        for group in set(_GROUPS.values()):
            self.query_one(f"#{group}").display = _GROUPS.get(kind) == group
        self._show_dates()

    def _today(self) -> date:
        return self.cases.today()

    def _show_dates(self) -> None:
        today = self._today()
        days_text = self.query_one("#days", Input).value.strip()
        promised = self.query_one("#promised-due", Static)
        if days_text.isdigit() and int(days_text) > 0:
            due = self.cases.working_days_after(today, int(days_text))
            promised.update(tr("staff_outcome.due_on", due=due.isoformat()))
        else:
            promised.update(tr("staff_outcome.days_needed"))
        petition_days = self.cases.config.cases.petition_days
        due = self.cases.working_days_after(today, petition_days)
        self.query_one("#petition-due", Static).update(
            tr("staff_outcome.petition_due", days=petition_days, due=due.isoformat())
        )
        # The item's own date shows as the hint, not as typed text: left empty,
        # the models work it out for whichever item the case ends up with.
        item = self.item
        self.query_one("#authority-due", Input).placeholder = (
            self.cases.working_days_after(today, item.promised_days).isoformat()
            if item is not None and item.promised_days > 0
            else tr("staff_ui.date_placeholder")
        )

    # --- what was typed --------------------------------------------------------------------------------

    def label(self) -> str:
        item = self.item
        name = pick(item.name, item.name_en, current_language()) if item else "?"
        return tr("staff_outcome.tab", index=self.index, kind=tr(f"case.kind_{self.kind}"), item=name)

    def values(self) -> dict:
        """Keyword arguments for :meth:`models.cases.Cases.open_case`."""
        kind = self.kind

        def get(wid: str) -> str:
            return self.query_one(f"#{wid}", Input).value.strip()

        out = {"item": self.item.code if self.item else None, "kind": kind, "name": get("name"), "phone": get("phone")}
        if kind in ("consultation", "immediate"):
            out["result"] = get("result")
        elif kind == "promised":
            days = get("days")
            out["promised_days"] = int(days) if days.isdigit() else 0
        elif kind == "supplement":
            out["missing"] = list(self.query_one("#missing", SelectionList).selected)
            other = get("other").replace("；", ";").replace("，", ";").replace(",", ";")
            out["other"] = [part.strip() for part in other.split(";") if part.strip()]
        elif kind == "returned":
            out["reason"] = get("reason")
        elif kind == "petition":
            out["subject"] = get("subject")
        elif kind == "escalated":
            out["authority"] = get("authority")
            out["authority_due"] = get("authority-due") or None
        return out

    class Changed(Message):
        """The item or kind changed (the dialog retitles the tab)."""

        def __init__(self, form: CaseForm) -> None:
            super().__init__()
            self.form = form
