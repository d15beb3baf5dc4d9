"""The contacts register (来电、来信、电子邮件、网络留言): every one waiting for a
reply, the soonest first, with its reply day and an overdue mark.

Reached by Ctrl+N from any working screen; a call is recorded straight from
the queue screen too (L). Keys: F2 records one (the channel chosen, then
who, their phone, the matter, what was promised), F3 passes the one under
the cursor on to a named person, F4 reports it up, F5 records the reply
(which closes it), F6 opens the sender's full details with a reason
(logged); O shows only the overdue ones. Who may take which step is
:func:`models.contacts.contact_actions`; the models check it again.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.binding import Binding
from textual.message import Message

from models.contacts import contact_actions
from shared_ui.live import RECONNECTED, HallChanged
from shared_ui.words import tr
from staff_tui.modals.contact_form import (
    pass_dialog,
    people_to_pass_to,
    record_dialog,
    recorded_words,
    reply_dialog,
    report_dialog,
    reveal_dialog,
)
from staff_tui.screens.register_screen import RegisterScreen
from staff_tui.text import fit

W = "staff_ui.contact"
STEP_OF_ACTION = {"pass_on": "pass", "report_up": "report_up", "reply": "reply"}


class ContactsScreen(RegisterScreen):
    @dataclass
    class ContactsLoaded(Message, bubble=False):
        """The open contacts (or the overdue ones), and who they may be passed to."""

        rows: list
        people: list

    BINDINGS = [
        Binding("f2", "record", f"{W}.record", key_display="F2"),
        Binding("f3", "pass_on", f"{W}.pass", key_display="F3"),
        Binding("f4", "report_up", f"{W}.report_up", key_display="F4"),
        Binding("f5", "reply", f"{W}.reply", key_display="F5"),
        Binding("f6", "reveal", f"{W}.reveal", key_display="F6"),
        Binding("o", "overdue_only", f"{W}.overdue_only", key_display="O"),
        Binding("f9", "app.show_queue", "staff_ui.queue", key_display="F9"),
        Binding("escape", "app.show_queue", "staff_ui.back", show=False),
    ]

    WORDS = W
    TABLE = "contacts"
    FIXED = {"number": 11, "channel": 4, "received": 5, "due": 5, "mark": 6, "sender": 6, "handler": 4}
    LAST = "matter"

    def __init__(self) -> None:
        super().__init__(name="contacts")
        self.rows: list = []
        self.people: list = []
        self.overdue_only = False

    def loaded(self) -> bool:
        return bool(self.rows)

    # --- loading ---------------------------------------------------------------------------

    def load(self) -> None:
        overdue = self.overdue_only
        self.ask(
            lambda hall: (hall.contacts.list(overdue=overdue), people_to_pass_to(hall)),
            lambda answer: self.ContactsLoaded(*answer),
            group="contacts-load",
        )

    def on_hall_changed(self, message: HallChanged) -> None:
        if RECONNECTED in message.kinds or any(k.startswith(("contact.", "case.")) for k in message.kinds):
            self.load()

    def on_contacts_screen_contacts_loaded(self, message: ContactsLoaded) -> None:
        self.rows, self.people = message.rows, message.people
        self.show()

    def _mark(self, row) -> Text | str:
        if row.overdue:
            return Text(tr("contact.mark_overdue"), style="bold reverse")
        if row.days_left == 0:
            return Text(tr("contact.due_today"), style="bold")
        return ""

    def show(self) -> None:
        w = self.widths()
        table_rows = []
        for row in self.rows:
            state = "" if row.state == "open" else tr(f"contact.step_{row.state}") + " "
            table_rows.append(
                (
                    row.number,
                    (
                        row.number,
                        tr(f"{W}.short_{row.channel}"),
                        row.received_on.strftime("%m-%d"),
                        row.reply_due.strftime("%m-%d"),
                        self._mark(row),
                        fit(row.sender, w["sender"]).rstrip(),
                        row.handler,
                        fit(state + row.matter, w["matter"]).rstrip(),
                    ),
                )
            )
        self.table.sync(table_rows)
        late = sum(1 for row in self.rows if row.overdue)
        title = tr(f"{W}.overdue_title" if self.overdue_only else f"{W}.title")
        self.query_one("#contacts-box").border_title = title + " " + tr(f"{W}.count", count=len(self.rows), late=late)
        self.query_one("#contacts-box").set_class(late > 0, "alert")
        if not self.rows:
            self.say(tr("contact.no_contacts"))

    # --- actions ----------------------------------------------------------------------------

    def selected(self):
        key = self.table.current_key
        return next((row for row in self.rows if row.number == key), None)

    def action_record(self) -> None:
        dialog = record_dialog(self.app.hall.contacts, self.app.shift, people=self.people)
        self.app.push_screen(dialog, self.after_save(recorded_words))

    def _mine(self, action: str):
        """The contact under the cursor, when this person may take ``action`` on it."""
        row = self.selected()
        if row is None:
            self.say(tr(f"{W}.pick_one"), error=True)
            return None
        if STEP_OF_ACTION[action] not in contact_actions(self.app.shift, row.as_dict()):
            self.say(tr(f"{W}.not_yours", number=row.number, handler=row.handler), error=True)
            return None
        return row

    def action_pass_on(self) -> None:
        row = self._mine("pass_on")
        if row is not None:
            dialog = pass_dialog(self.app.hall.contacts, self.app.shift, row, self.people)
            self.app.push_screen(dialog, self.after_save(lambda r: tr("contact.passed", number=r.number, to=r.handler)))

    def action_report_up(self) -> None:
        row = self._mine("report_up")
        if row is not None:
            dialog = report_dialog(self.app.hall.contacts, self.app.shift, row)
            words = lambda r: tr("contact.reported_up", number=r.number, authority=r.authority, due=r.reply_due)  # noqa: E731
            self.app.push_screen(dialog, self.after_save(words))

    def action_reply(self) -> None:
        row = self._mine("reply")
        if row is not None:
            dialog = reply_dialog(self.app.hall.contacts, self.app.shift, row)
            self.app.push_screen(dialog, self.after_save(lambda r: tr("contact.replied", number=r.number)))

    def action_reveal(self) -> None:
        row = self.selected()
        if row is None:
            self.say(tr(f"{W}.pick_one"), error=True)
            return
        dialog = reveal_dialog(self.app.hall.contacts, self.app.shift, row)
        self.app.push_screen(
            dialog,
            self.after_save(
                lambda full: tr(f"{W}.revealed", number=row.number, name=full["name"], phone=full["phone"])
            ),
        )

    def action_overdue_only(self) -> None:
        self.overdue_only = not self.overdue_only
        self.load()
