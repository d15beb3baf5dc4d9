"""The duty screen's taking back of a tick (U): a form asking the reason; the
models keep the tick and add the undo (:mod:`models.duty.undo`)."""

from __future__ import annotations

from shared_ui.words import tr
from staff_tui.modals.form import Field, FormDialog


class UndoTickAction:
    """U on a ticked item of today's list asks the reason and takes the tick back."""

    def action_undo_tick(self) -> None:
        index = self._current_item()
        if index is None:
            return
        checklist = self.current_list
        item = next((i for i in getattr(self.data[0], checklist).items if i.index == index), None)
        if item is None or not item.ticked:
            self.say(tr("staff_ui.duty.undo_pick_ticked"), error=True)
            return
        duty, shift, day = self.app.hall.duty, self.app.shift, self.day

        def save(values: dict):
            return duty.undo_tick(day, checklist, index, shift.code, values.get("reason", ""))

        def closed(result) -> None:
            if result:
                self.say(tr("duty.tick_undone", number=index + 1, staff=shift.name, reason=result.reason))
                self.load()

        self.app.push_screen(
            FormDialog(
                tr("staff_ui.duty.undo_title", number=index + 1, item=item.text),
                [Field("reason", tr("staff_ui.duty.undo_reason"), placeholder=tr("staff_ui.duty.undo_reason_hint"))],
                save,
                intro=tr("staff_ui.duty.undo_intro"),
                save_label=tr("staff_ui.duty.undo"),
            ),
            closed,
        )
