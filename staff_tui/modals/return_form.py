"""The return form (过号回队): a no-show ticket, typed in, goes back into the queue."""

from __future__ import annotations

from shared_ui.words import tr
from staff_tui.modals.form import Field, FormDialog


def return_dialog(*, queue) -> FormDialog:
    """Put the no-show ticket typed in back into the queue; the save answers the ticket."""

    def save(values: dict):
        return queue.return_no_show(values["number"])

    return FormDialog(
        tr("staff_queue.return_title"),
        [Field("number", tr("staff_queue.return_number"), placeholder="C012")],
        save,
        intro=tr("staff_queue.return_intro"),
        save_label=tr("staff_queue.return_save"),
    )
