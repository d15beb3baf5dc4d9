"""The worker's visits (走访): this month's progress and the households, those still to visit first.

Reached by V from the queue screen; F5 lists the matters raised still to
answer (:mod:`staff_tui.screens.visit_matters`); F6 opens the household
under the cursor, for a reason that is logged, in a dialog of its own. The top box says the month's figures
(households visited against 30, the year's coverage against 100 %, monthly
families not contacted); the table lists every household of the worker's
areas, masked, still to visit first. Enter or F2 logs a visit of the
household under the cursor (day, how, whom one met, up to three matters
raised): four keys from the queue to a saved visit. A leader's F3 shows the
leader's view instead: every worker, those behind first, and the families
not contacted this month. F9 or Esc goes back to the queue.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static

from models import clock
from shared_ui.live import RECONNECTED, HallChanged
from shared_ui.plain import plain_text
from shared_ui.words import tr
from staff_tui.modals.form import Field, FormDialog
from staff_tui.screens.register_screen import RegisterScreen
from staff_tui.text import fit
from staff_tui.widgets.keyed_table import KeyedTable
from staff_tui.widgets.status_bar import StatusBar

W = "staff_ui.visits"
RELOAD_KINDS = ("visit.", "households.")


class VisitsScreen(RegisterScreen):
    DEFAULT_CSS = """
    VisitsScreen #visits-head { height: auto; max-height: 5; }
    VisitsScreen #visits-list-box { height: 1fr; }
    """

    @dataclass
    class Loaded(Message, bubble=False):
        mine: object
        leader: object

    @dataclass
    class Logged(Message, bubble=False):
        facts: object

    BINDINGS = [
        Binding("f2", "log_visit", f"{W}.log", key_display="F2"),
        Binding("f3", "toggle_leader", f"{W}.leader", key_display="F3"),
        Binding("f4", "go_visiting", f"{W}.go", key_display="F4"),
        Binding("f5", "matters", f"{W}.matters", key_display="F5"),
        Binding("f6", "reveal", f"{W}.reveal", key_display="F6"),
        Binding("f9", "app.show_queue", "staff_ui.queue", key_display="F9"),
        Binding("escape", "back", "staff_ui.back", show=False),
    ]

    WORDS = W
    TABLE = "visits-list"
    # The worker's households (the last column: care) and, for a leader, every worker (the last: areas).
    MINE = ({"mark": 2, "household": 10, "place": 14, "head": 6, "last": 10}, "care")
    LEADER = ({"worker": 6, "name": 8, "visited": 9, "coverage": 9, "missing": 9}, "areas")

    def __init__(self) -> None:
        super().__init__(name="visits")
        self.mine = None
        self.leader = None
        self.showing_leader = False
        self.month = ""

    def compose_top(self) -> ComposeResult:
        with Vertical(id="visits-head", classes="box"):
            yield Static("", id="visits-figures")

    def prepare(self) -> None:
        self.month = f"{clock.service_day(self.app.config.zone):%Y-%m}"

    def box_title(self) -> str:
        return ""  # each view titles its table once shown

    def loaded(self) -> bool:
        return self.mine is not None

    def table_columns(self) -> tuple[dict[str, int], str]:
        return self.LEADER if self.showing_leader else self.MINE

    # --- loading ----------------------------------------------------------------------

    def load(self) -> None:
        code, month, leader = self.app.shift.code, self.month, self.app.shift.is_leader

        def read(hall):
            mine = hall.visit_progress.of_worker(code, month)
            return mine, hall.visit_progress.leader_view(month) if leader else None

        self.ask(read, lambda answer: self.Loaded(*answer), group="visits-load")

    def on_hall_changed(self, message: HallChanged) -> None:
        if self.app.shift is None:
            return
        if RECONNECTED in message.kinds or any(k.startswith(RELOAD_KINDS) for k in message.kinds):
            self.load()

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        self.mine, self.leader = message.mine, message.leader
        self.show()

    # --- showing ------------------------------------------------------------------------

    def show(self) -> None:
        mine = self.mine
        if mine is None:
            return
        self.query_one(StatusBar).note = tr(f"{W}.title", month=self.month)
        head = self.query_one("#visits-head")
        table = self.query_one("#visits-list", KeyedTable)
        if self.showing_leader and self.leader is not None:
            view = self.leader
            head.border_title = tr(f"{W}.leader_title", month=self.month)
            missing = [f"{h.code}({h.worker})" for h in view.not_contacted]
            lines = [tr(f"{W}.leader_behind", count=len(view.behind), workers=len(view.workers))]
            lines.append(tr(f"{W}.leader_missing", count=len(missing), households="、".join(missing[:8]) or "-"))
            self.query_one("#visits-figures", Static).update(plain_text("\n".join(lines)))
            head.set_class(bool(view.behind or missing), "alert")
            widths = self.widths()
            table.sync([(w.worker, self._worker_cells(w, widths)) for w in view.workers])
            self.query_one("#visits-list-box").border_title = tr(f"{W}.workers_title")
            return
        head.border_title = tr(f"{W}.mine_title", month=self.month)
        lines = [
            tr(f"{W}.visited", visited=mine.visited, target=mine.target, pace=mine.pace),
            tr(f"{W}.coverage", coverage=mine.coverage, covered=mine.covered, households=mine.households),
            tr(f"{W}.not_contacted", count=mine.not_contacted, due=mine.monthly_due),
        ]
        self.query_one("#visits-figures", Static).update(plain_text("\n".join(lines)))
        head.set_class(mine.behind, "alert")
        to_visit = sum(1 for s in mine.statuses if s.to_visit)
        self.query_one("#visits-list-box").border_title = tr(f"{W}.list_title", count=to_visit)
        widths = self.widths()
        table.sync([(s.household.code, self._household_cells(s, widths)) for s in mine.statuses])

    def _household_cells(self, status, widths) -> tuple:
        row = status.household
        place = fit(f"{row.building}{row.unit} {row.room}".strip() or row.address, widths["place"]).rstrip()
        care = tr(f"visits.care_{row.care}") if row.care else ""
        if row.contact == "monthly" and not status.contacted:
            care = f"{tr(f'{W}.mark_month')} {care}".strip()
        return (
            "●" if status.to_visit else "",
            row.code,
            place,
            row.head,
            status.last_visit.isoformat() if status.last_visit else "-",
            care,
        )

    def _worker_cells(self, w, widths) -> tuple:
        return (
            w.worker,
            fit(w.name, widths["name"]).rstrip(),
            f"{w.visited}/{w.target}" + (" !" if w.behind else ""),
            f"{w.coverage}%",
            str(w.not_contacted),
            " ".join(w.areas),
        )

    # --- actions ------------------------------------------------------------------------

    def check_action(self, action: str, parameters) -> bool | None:
        if action == "toggle_leader":
            return self.app.shift is not None and self.app.shift.is_leader
        if action in ("log_visit", "go_visiting", "reveal"):
            return not self.showing_leader
        return True

    @on(KeyedTable.RowSelected)
    def _chosen(self, event: KeyedTable.RowSelected) -> None:
        event.stop()  # Enter on a household logs its visit
        if not self.showing_leader:
            self.action_log_visit()

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_matters(self) -> None:
        from staff_tui.screens.visit_matters import VisitMattersScreen

        self.app.push_screen(VisitMattersScreen())

    def action_toggle_leader(self) -> None:
        self.showing_leader = not self.showing_leader
        self.set_columns()
        self.refresh_bindings()
        self.show()

    def action_log_visit(self) -> None:
        household = self.query_one("#visits-list", KeyedTable).current_key
        if household is None:
            self.say(tr(f"{W}.pick_household"), error=True)
            return
        code = self.app.shift.code
        today = clock.service_day(self.app.config.zone)

        def save(values: dict):
            from datetime import date

            try:
                day = date.fromisoformat(values.get("day") or today.isoformat())
            except ValueError:
                from models.households.rules import HouseholdRefused

                raise HouseholdRefused("bad_day", day=values.get("day")) from None
            matters = [values.get(f"matter{n}", "") for n in (1, 2, 3)]
            return self.app.hall.visits.log(
                code,
                household,
                on=day,
                how=values.get("how") or "home",
                met=values.get("met") or "head",
                matters=matters,
            )

        dialog = FormDialog(
            tr(f"{W}.log_title", household=household),
            [
                Field("day", tr(f"{W}.day"), "date", value=today.isoformat()),
                Field("how", tr(f"{W}.how"), "select", value="home", options=_options("how", ("home", "phone"))),
                Field(
                    "met",
                    tr(f"{W}.met"),
                    "select",
                    value="head",
                    options=_options("met", ("head", "family", "other", "nobody")),
                ),
                Field("matter1", tr(f"{W}.matter", n=1), placeholder=tr(f"{W}.matter_hint")),
                Field("matter2", tr(f"{W}.matter", n=2)),
                Field("matter3", tr(f"{W}.matter", n=3)),
            ],
            save,
            save_label=tr(f"{W}.save"),
        )

        def closed(facts) -> None:
            if facts and facts is not True:
                self.say(tr("visits.logged", household=facts.household, day=facts.visited_on, id=facts.id))
                self.load()

        self.app.push_screen(dialog, closed)

    def action_reveal(self) -> None:
        """The household under the cursor, whole, for a reason the models log; shown in a dialog only."""
        household = self.query_one("#visits-list", KeyedTable).current_key
        if household is None:
            self.say(tr(f"{W}.pick_household"), error=True)
            return
        code = self.app.shift.code
        dialog = FormDialog(
            tr(f"{W}.reveal_title", household=household),
            [Field("reason", tr(f"{W}.reveal_reason"), placeholder=tr(f"{W}.reveal_hint"))],
            lambda values: self.app.hall.households.reveal(household, code, values.get("reason", "")),
            intro=tr(f"{W}.reveal_intro"),
            save_label=tr(f"{W}.reveal_save"),
        )

        def closed(details) -> None:
            if isinstance(details, dict):
                from staff_tui.modals.household_view import HouseholdView

                self.app.push_screen(HouseholdView(details))

        self.app.push_screen(dialog, closed)

    def action_go_visiting(self) -> None:
        """走访 on the whereabouts board, naming the households planned (the one under the cursor ticked)."""
        if self.mine is None:
            return
        code, here = self.app.shift.code, self.query_one("#visits-list", KeyedTable).current_key
        options = [
            (f"{s.household.code} {s.household.building}{s.household.unit} {s.household.head}", s.household.code)
            for s in self.mine.statuses
        ]

        def save(values: dict):
            hall = self.app.hall
            back = values.get("back") or ""
            back_at = hall.whereabouts.back_at_today(back) if back else None
            return hall.visits.go_visiting(code, values.get("households") or [], values.get("note", ""), back_at)

        dialog = FormDialog(
            tr(f"{W}.go_title"),
            [
                Field("households", tr(f"{W}.go_households"), "multi", value=[here] if here else [], options=options),
                Field("note", tr(f"{W}.go_note"), placeholder=tr(f"{W}.go_note_hint")),
                Field("back", tr(f"{W}.go_back"), placeholder="HH:MM"),
            ],
            save,
            save_label=tr(f"{W}.go_save"),
        )

        def closed(change) -> None:
            if change and change is not True:
                self.app.my_state = "visiting"
                self.app.whereabouts_changed()
                self.say(tr(f"{W}.gone", count=len(self.app.hall.visits.planned(code))))

        self.app.push_screen(dialog, closed)


def _options(kind: str, values: tuple[str, ...]) -> list[tuple[str, str]]:
    return [(tr(f"visits.{kind}_{value}"), value) for value in values]
