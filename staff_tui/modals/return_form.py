"""The return form (过号回队): a no-show ticket goes back into the queue.

The number on the resident's ticket is typed in; or, below it, the tickets
missed today are listed, the latest first, to pick the one the resident
holds (its digits jump to it in the open list).
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.message import Message
from textual.widgets import Input, Select

from models.queue.view import missed_today
from shared_ui.words import name_of, tr
from staff_tui.modals.form import Field, FormDialog
from staff_tui.text import hhmm


class ReturnDialog(FormDialog):
    @dataclass
    class MissedRead(Message, bubble=False):
        tickets: list

    def __init__(self, *, clerk, zone) -> None:
        self.zone = zone

        def save(values: dict):
            return clerk.return_no_show(values.get("typed") or values.get("missed") or "")

        super().__init__(
            tr("staff_queue.return_title"),
            [
                Field("typed", tr("staff_queue.return_number"), placeholder="C012"),
                Field("missed", tr("staff_queue.return_missed"), "select"),
            ],
            save,
            intro=tr("staff_queue.return_intro"),
            save_label=tr("staff_queue.return_save"),
        )

    @on(Input.Submitted, "#f-typed")
    def _typed(self, event: Input.Submitted) -> None:
        # A number typed: Enter returns it at once (the list below is for when it is not known).
        event.stop()
        event.prevent_default()
        if event.value.strip():
            self.action_save()
        else:
            self.focus_next()

    def on_mount(self) -> None:
        super().on_mount()
        self.call_after_refresh(self.query_one("#f-typed", Input).focus)
        zone = self.zone
        self.ask(lambda hall: missed_today(zone), self.MissedRead, group="return-missed")

    def on_return_dialog_missed_read(self, message: MissedRead) -> None:
        select = self.query_one("#f-missed", Select)
        options = [
            (f"{t.number}  {name_of(t.item_name, t.item_name_en)}  {hhmm(t.no_show_at, self.zone)}", t.number)
            for t in message.tickets
        ]
        if not options:
            select.prompt = tr("staff_queue.return_none_missed")
            return
        focused = self.app.focused
        select.set_options(options)
        if focused is not None:
            focused.focus()
        self.remember_start()


def return_dialog(*, clerk, zone) -> ReturnDialog:
    """Put a no-show ticket back into the queue; the save answers the ticket."""
    return ReturnDialog(clerk=clerk, zone=zone)
