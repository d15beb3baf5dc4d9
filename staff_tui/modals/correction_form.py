"""The correction form (更正): a case saved with the wrong item, result or kind
is put right at the counter, with a reason. The kinds offered are those the
models allow for the case now (:func:`models.cases.kind_correction.correctable_kinds`).

Nothing is edited: saving is :meth:`models.cases.Cases.correct`, a new event
in the case's history carrying the reason and only the values that changed.
The item list is the catalogue's, read when the form opens.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from models.cases.kind_correction import correctable_kinds
from models.i18n import pick
from shared_ui.words import tr
from staff_tui import queries
from staff_tui.modals.form import Field, FormDialog
from staff_tui.widgets.item_select import ItemSelect, entries_for


class CorrectionDialog(FormDialog):
    @dataclass
    class ItemsRead(Message, bubble=False):
        items: list

    def __init__(self, number: str, detail: dict, *, cases, staff: str, lang: str) -> None:
        self.current_item = detail.get("item")
        self.current_result = detail.get("result") or ""
        self.current_kind = detail.get("kind")
        self.lang = lang
        kinds = correctable_kinds(detail)

        def save(values: dict):
            changes = {}
            if values.get("item") and values["item"] != self.current_item:
                changes["item"] = values["item"]
            if values.get("kind") and values["kind"] != self.current_kind:
                changes["kind"] = values["kind"]
            if values.get("result", "") != self.current_result:
                changes["result"] = values["result"]
            return cases.correct(number, staff, values.get("reason", ""), **changes)

        name = pick(detail.get("item_name", ""), detail.get("item_name_en", ""), lang)
        super().__init__(
            tr("staff_case.correct_title", number=number),
            [
                Field(
                    "item",
                    tr("staff_case.correct_item"),
                    "select",
                    value=self.current_item,
                    options=[(name, self.current_item)],
                ),
                *(
                    [
                        Field(
                            "kind",
                            tr("staff_case.correct_kind"),
                            "select",
                            value=self.current_kind,
                            options=[(tr(f"case.kind_{k}"), k) for k in kinds],
                        )
                    ]
                    if len(kinds) > 1
                    else []
                ),
                Field("result", tr("staff_case.correct_result"), value=self.current_result),
                Field("reason", tr("staff_case.correct_reason"), placeholder=tr("staff_case.correct_reason_hint")),
            ],
            save,
            intro=tr("staff_case.correct_intro") + ("\n" + tr("staff_case.correct_kind_due") if len(kinds) > 1 else ""),
            save_label=tr("staff_case.correct_save"),
            name="correction",
        )

    def _widget(self, spec: Field):
        if spec.name == "item":  # typing on it searches the catalogue
            return ItemSelect(
                [(label, value, (label,)) for label, value in spec.options],
                value=spec.value,
                id="f-item",
                allow_blank=False,
                compact=True,
            )
        return super()._widget(spec)

    def on_mount(self) -> None:
        super().on_mount()
        self.ask(lambda hall: queries.item_choices(), self.ItemsRead, group="correction-items")

    def on_correction_dialog_items_read(self, message: ItemsRead) -> None:
        lang = self.lang
        select = self.query_one("#f-item", ItemSelect)
        focused = self.app.focused
        select.set_entries(entries_for(message.items, lang))
        select.value = self.current_item
        if focused is not None:
            focused.focus()
        self.remember_start()
