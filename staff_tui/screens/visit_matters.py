"""The matters raised in visits that still wait for their answer (事事有落实，件件有回音).

Reached by F5 from the visits screen: every matter of the worker's visits,
or raised in their areas, with no answer yet, oldest first, with its case if
one was opened. Enter or F2 records the answer given back to the resident
(how, and what was said); F3 opens the case the matter needs, with the
window's case form, once per matter. Esc goes back to the visits, F9 to the queue.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.binding import Binding
from textual.message import Message

from shared_ui.live import RECONNECTED, HallChanged
from shared_ui.words import tr
from staff_tui.modals.form import Field, FormDialog
from staff_tui.screens.register_screen import RegisterScreen
from staff_tui.text import fit
from staff_tui.widgets.keyed_table import KeyedTable
from staff_tui.widgets.status_bar import StatusBar

W = "staff_ui.visits"


class VisitMattersScreen(RegisterScreen):
    DEFAULT_CSS = """
    VisitMattersScreen #matters-box { height: 1fr; }
    """

    @dataclass
    class Loaded(Message, bubble=False):
        matters: list

    BINDINGS = [
        Binding("f2", "answer", f"{W}.answer", key_display="F2"),
        Binding("f3", "open_case", f"{W}.open_case", key_display="F3"),
        Binding("f9", "app.show_queue", "staff_ui.queue", key_display="F9"),
        Binding("escape", "back", "staff_ui.back", key_display="Esc"),
    ]

    WORDS = W
    TABLE = "matters"
    FIXED = {"m_day": 10, "m_household": 10, "m_case": 12}
    LAST = "m_matter"

    def __init__(self) -> None:
        super().__init__(name="visit_matters")
        self.matters: list | None = None

    def prepare(self) -> None:
        self.query_one(StatusBar).note = tr(f"{W}.matters_note")

    def box_title(self) -> str:
        return ""  # the count, once loaded

    def loaded(self) -> bool:
        return self.matters is not None

    def widths(self) -> dict[str, int]:
        """The matter, widest, stands before its case."""
        rest = max(8, (self.size.width or 80) - 4 - sum(self.FIXED.values()) - 5 * 2)
        return {"m_day": 10, "m_household": 10, "m_matter": rest, "m_case": 12}

    def load(self) -> None:
        code = self.app.shift.code
        self.ask(lambda hall: hall.visits.open_matters(code), self.Loaded, group="matters-load")

    def on_hall_changed(self, message: HallChanged) -> None:
        if self.app.shift is not None and (
            RECONNECTED in message.kinds or any(k.startswith("visit.") for k in message.kinds)
        ):
            self.load()

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        self.matters = message.matters
        self.show()

    def show(self) -> None:
        if self.matters is None:
            return
        self.query_one("#matters-box").border_title = tr(f"{W}.matters_title", count=len(self.matters))
        rows = [
            (
                str(matter.id),
                (
                    visit.visited_on.isoformat(),
                    visit.household,
                    fit(matter.text, self.widths()["m_matter"]).rstrip(),
                    matter.case or "-",
                ),
            )
            for visit, matter in self.matters
        ]
        self.query_one("#matters", KeyedTable).sync(rows)

    @on(KeyedTable.RowSelected)
    def _chosen(self, event: KeyedTable.RowSelected) -> None:
        event.stop()  # Enter on a matter records its answer
        self.action_answer()

    def action_back(self) -> None:
        self.app.pop_screen()

    def _current(self) -> tuple | None:
        key = self.query_one("#matters", KeyedTable).current_key
        found = next(((v, m) for v, m in self.matters or [] if str(m.id) == key), None)
        if found is None:
            self.say(tr(f"{W}.pick_matter"), error=True)
        return found

    def action_open_case(self) -> None:
        found = self._current()
        if found is None:
            return
        visit, matter = found
        if matter.case:
            self.say(tr(f"{W}.has_case", case=matter.case), error=True)
            return
        from staff_tui.modals.visit_case_form import VisitCaseDialog

        def closed(number) -> None:
            if isinstance(number, str):
                self.say(tr("visits.case_opened", matter=matter.id, number=number))
                self.load()

        self.app.push_screen(VisitCaseDialog(matter.id, visit.household, matter.text), closed)

    def action_answer(self) -> None:
        found = self._current()
        if found is None:
            return
        visit, matter = found
        code = self.app.shift.code
        hows = [(tr(f"visits.how_{how}"), how) for how in ("home", "phone")]
        hows += [(tr(f"{W}.answer_{how}"), how) for how in ("letter", "other")]

        def save(values: dict):
            return self.app.hall.visits.answer(matter.id, code, values.get("text", ""), values.get("how") or "home")

        dialog = FormDialog(
            tr(f"{W}.answer_title", household=visit.household),
            [
                Field("how", tr(f"{W}.answer_how"), "select", value="home", options=hows),
                Field("text", tr(f"{W}.answer_text"), placeholder=tr(f"{W}.answer_hint")),
            ],
            save,
            intro=matter.text,
            save_label=tr(f"{W}.save"),
        )

        def closed(facts) -> None:
            if facts and facts is not True:
                self.say(tr("visits.answered", matter=matter.id))
                self.load()

        self.app.push_screen(dialog, closed)
