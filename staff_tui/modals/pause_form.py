"""The pause form (暂停服务): the window stops calling, with a reason and the expected resume time."""

from __future__ import annotations

from shared_ui.words import tr
from staff_tui.modals.form import Field, FormDialog


def pause_dialog(*, clerk, shift) -> FormDialog:
    """Pause ``shift``'s window, saying why; the save answers True."""

    def save(values: dict):
        clerk.pause(shift.window, values.get("reason", ""), values.get("resume") or None)
        return True

    return FormDialog(
        tr("staff_queue.pause_title", window=shift.window),
        [
            Field("reason", tr("staff_queue.pause_reason"), placeholder=tr("staff_queue.pause_reason_hint")),
            Field("resume", tr("staff_queue.pause_resume"), placeholder=tr("staff_queue.pause_resume_hint")),
        ],
        save,
        intro=tr("staff_queue.pause_intro"),
        save_label=tr("staff_queue.pause_save"),
    )
