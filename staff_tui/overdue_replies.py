"""A leader signing in is told how many calls and letters are past their reply
day (the contacts register, Ctrl+N), as the terminal's own notice."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from models.i18n import t


class OverdueReplies:
    """Mixed into the staff app (which gives ``ask``, ``notify`` and ``lang``)."""

    @dataclass
    class OverdueRepliesRead(Message, bubble=False):
        """How many calls and letters are past their reply day."""

        count: int

    def tell_overdue_replies(self) -> None:
        self.ask(  # type: ignore[attr-defined]
            lambda hall: hall.contacts.overdue_count(), self.OverdueRepliesRead, group="overdue-replies"
        )

    def on_overdue_replies_overdue_replies_read(self, message: OverdueRepliesRead) -> None:
        if message.count:
            words = t("staff_ui.contact.overdue_alarm", self.lang, count=message.count)  # type: ignore[attr-defined]
            self.notify(words, severity="warning", timeout=30)  # type: ignore[attr-defined]
