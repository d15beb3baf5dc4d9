"""The line under what a resident is handed, which prints it and says how that went.

Printing talks to the printer, not the database, so it runs in a thread
worker of its own; a printer that fails is named in the line.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.message import Message
from textual.widgets import Static

from shared_ui.plain import plain
from shared_ui.words import tr


class PrintLine(Static):
    @dataclass
    class Printed(Message, bubble=False):
        pass

    @dataclass
    class PrintFailed(Message, bubble=False):
        reason: str

    def print_with(self, printing: Callable[[], None]) -> None:
        """Run ``printing()`` off the UI thread, saying so here."""
        self.update(tr("staff_resident.printing"))

        def body() -> None:
            try:
                printing()
            except Exception as exc:  # the printer's own words, whatever went wrong
                self.post_message(self.PrintFailed(str(exc)))
                return
            self.post_message(self.Printed())

        self.run_worker(body, thread=True, exclusive=True, group="print", exit_on_error=False)

    def on_print_line_printed(self, message: Printed) -> None:
        self.update(tr("staff_resident.printed"))
        self.remove_class("error")

    def on_print_line_print_failed(self, message: PrintFailed) -> None:
        self.update(plain(tr("staff_resident.print_failed", reason=message.reason[:160])))
        self.add_class("error")
