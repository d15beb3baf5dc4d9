"""The tickets waiting for this window, in calling order, fitted to the screen's width."""

from __future__ import annotations

from rich.text import Text

from shared_ui.words import name_of, tr
from staff_tui import queries
from staff_tui.text import fit, minutes_between
from staff_tui.widgets.keyed_table import KeyedTable


def column_widths(screen_width: int) -> tuple[int, int]:
    """Cells for the item and the marks columns: what the screen leaves, item first."""
    avail = (screen_width or 80) - 2 - 3 - 5 - 7 - 5 * 2 - 3
    item = max(8, min(avail * 11 // 20, 40))
    return item, max(8, avail - item)


def marks_of(ticket) -> str:
    """优先, 退回, 转入, 指定窗口 and the transfer note, as one short line."""
    marks = []
    if ticket.priority:
        marks.append(tr("staff_queue.mark_priority"))
    if ticket.returned:
        marks.append(tr("staff_queue.mark_returned"))
    if ticket.transferred:
        marks.append(tr("staff_queue.mark_transferred"))
    if ticket.target_window:
        marks.append(tr("staff_queue.mark_for_window", window=ticket.target_window))
    mark_text = " ".join(marks)
    if ticket.transfer_note:
        mark_text += (" " if mark_text else "") + tr("staff_queue.note_short", note=ticket.transfer_note)
    return mark_text


class WaitingTable(KeyedTable):
    """Position, number, item, minutes waited and marks; rows kept in place by ticket number."""

    def fit_columns(self, screen_width: int) -> bool:
        """Lay the columns out for ``screen_width``; True when they changed (the rows went with them)."""
        widths = column_widths(screen_width)
        if widths == getattr(self, "_column_widths", None):
            return False
        self._column_widths = widths
        item, marks = widths
        self.set_columns(
            [
                ("pos", tr("staff_queue.col_pos"), 3),
                ("number", tr("staff_queue.col_number"), 5),
                ("item", tr("staff_queue.col_item"), item),
                ("waited", tr("staff_queue.col_waited"), 7),
                ("marks", tr("staff_queue.col_marks"), marks),
            ]
        )
        return True

    def show(self, picture: queries.QueuePicture, screen_width: int) -> None:
        item_width, marks_width = column_widths(screen_width)
        rows = []
        for index, ticket in enumerate(picture.waiting, 1):
            rows.append(
                (
                    ticket.number,
                    (
                        index,
                        Text(ticket.number, style="bold" if ticket.priority or ticket.returned else ""),
                        fit(name_of(ticket.item_name, ticket.item_name_en), item_width).rstrip(),
                        tr("staff_queue.minutes", n=minutes_between(ticket.issued_at, picture.now)),
                        fit(marks_of(ticket), marks_width).rstrip(),
                    ),
                )
            )
        self.sync(rows)
