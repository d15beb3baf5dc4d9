"""The transfer form (转办): the ticket now served goes to another line or window, with a note."""

from __future__ import annotations

from models.i18n import pick
from shared_ui.words import tr
from staff_tui.modals.form import Field, FormDialog


def transfer_dialog(number: str, targets: list, *, clerk, shift, lang: str) -> FormDialog:
    """A form listing ``targets`` (a paused window marked so); saving transfers ``number``."""
    options = []
    for target in targets:
        name = pick(target.name, target.name_en, lang)
        if target.kind == "line":
            label = tr("staff_queue.to_line", name=name)
        else:
            label = tr("staff_queue.to_window", window=target.value, name=name)
            if target.paused:
                label += " " + tr("staff_queue.paused_short")
        options.append((label, f"{target.kind}:{target.value}"))

    def save(values: dict):
        choice = values.get("target") or ""
        kind, _, value = choice.partition(":")
        return clerk.transfer(
            number,
            shift.window,
            to_line=value if kind == "line" else None,
            to_window=int(value) if kind == "window" else None,
            note=values.get("note", ""),
        )

    return FormDialog(
        tr("staff_queue.transfer_title", number=number),
        [
            Field("target", tr("staff_queue.transfer_target"), "select", options=options),
            Field("note", tr("staff_queue.transfer_note_label"), placeholder=tr("staff_queue.transfer_note_hint")),
        ],
        save,
        intro=tr("staff_queue.transfer_intro"),
        save_label=tr("staff_queue.transfer_save"),
    )
