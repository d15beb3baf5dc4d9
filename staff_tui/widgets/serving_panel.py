"""Now serving at this window: the ticket, its item, how long the resident
waited, and its marks (priority, transferred from, returned) with the
transfer note (首问负责)."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from models import clock
from shared_ui.plain import visible
from shared_ui.words import name_of, tr
from staff_tui.queries import QueuePicture
from staff_tui.text import hhmm, minutes_between


class ServingPanel(Static):
    DEFAULT_CSS = """
    ServingPanel { height: auto; min-height: 4; padding: 0 1; }
    """

    _shown: tuple = (None, None)

    def on_mount(self) -> None:
        # The timer on the current resident moves on by itself between changes of the queue.
        self.set_interval(15, self._tick, name="serving-timer")

    def show(self, picture: QueuePicture | None, zone) -> None:
        self._shown = (picture, zone)
        self.update(visible(self._text(picture, zone)))

    def _tick(self) -> None:
        picture, zone = self._shown
        if picture is not None and picture.serving is not None:
            self.update(visible(self._text(picture, zone)))

    def _text(self, picture: QueuePicture | None, zone) -> Text:
        if picture is None:
            return Text(tr("staff_ui.loading"))
        serving = picture.serving
        paused = picture.window is not None and picture.window.paused
        if serving is None:
            text = Text(tr("staff_queue.nobody_serving"), style="bold")
            text.append("\n")
            if paused:
                text.append(tr("staff_queue.paused_hint"), style="bold")
            else:
                text.append(tr("staff_queue.call_hint", count=len(picture.waiting)))
            return text
        text = Text()
        text.append(serving.number, style="bold reverse")
        text.append("  ")
        state = tr(f"staff_queue.status_{serving.status}")
        text.append(state, style="bold")
        if serving.recalls:
            text.append("  " + tr("staff_queue.recalled_n", n=serving.recalls))
        if serving.called_at is not None:
            text.append("  " + tr("staff_queue.timer", minutes=minutes_between(serving.called_at, clock.now())))
        marks = []
        if serving.priority:
            marks.append(tr("staff_queue.mark_priority"))
        if serving.returned:
            marks.append(tr("staff_queue.mark_returned"))
        if serving.transfers:
            if serving.from_window:
                marks.append(tr("staff_queue.mark_transferred_from", window=serving.from_window))
            else:
                marks.append(tr("staff_queue.mark_transferred"))
        for mark in marks:
            text.append("  ")
            text.append(f"[{mark}]", style="bold")
        text.append("\n")
        text.append(
            tr(
                "staff_queue.item_line",
                item=name_of(serving.item_name, serving.item_name_en),
                line=name_of(serving.line_name, serving.line_name_en),
            )
        )
        text.append("\n")
        waited = minutes_between(serving.issued_at, serving.called_at or picture.now)
        text.append(
            tr(
                "staff_queue.waited",
                minutes=waited,
                taken=hhmm(serving.issued_at, zone),
                called=hhmm(serving.called_at, zone),
            )
        )
        if serving.transfers:
            text.append("\n")
            note = serving.transfer_note or tr("staff_queue.no_note")
            text.append(tr("staff_queue.transfer_note", note=note, responder=serving.first_responder or "-"))
        if picture.also_active:
            text.append("\n")
            text.append(tr("staff_queue.also_active", numbers=" ".join(picture.also_active)), style="italic")
        return text
