"""The window's queue: now serving, the waiting list in calling order, the
other windows, and the actions of the counter on keys and buttons.

Every action runs at the database in a thread worker; a change made at any
terminal or kiosk reaches this screen through HallChanged and updates the
rows in place.

A/B cover (AB岗): when this person covers a window as its B person (its A
people are all away), the status line says "B 代岗" for that window, and
the terminal gets that window's queue
(:meth:`models.staff.whereabouts.Whereabouts.windows_for_terminal`): if it is not
the window shown, the message line says so and W switches to it.

One module, though long: every counter action reads the same picture of
the window and shares one busy flag, so a second key cannot run while the
first is on its way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Static

from shared_ui.live import HallChanged
from shared_ui.words import tr
from staff_tui import queries
from staff_tui.modals.confirm import ConfirmDialog
from staff_tui.modals.pause_form import pause_dialog
from staff_tui.modals.return_form import return_dialog
from staff_tui.modals.transfer_form import transfer_dialog
from staff_tui.screens.wide_or_narrow import WideOrNarrowScreen
from staff_tui.widgets.action_bar import ActionBar
from staff_tui.widgets.footer import HallFooter
from staff_tui.widgets.serving_panel import ServingPanel
from staff_tui.widgets.status_bar import StatusBar
from staff_tui.widgets.waiting_table import WaitingTable
from staff_tui.widgets.windows_panel import WindowsPanel


class QueueScreen(WideOrNarrowScreen):
    @dataclass
    class QueueLoaded(Message, bubble=False):
        picture: queries.QueuePicture

    @dataclass
    class CoverLoaded(Message, bubble=False):
        cover: queries.CoverView

    @dataclass
    class TransferTargetsLoaded(Message, bubble=False):
        number: str
        targets: list

    @dataclass
    class ContactPeopleLoaded(Message, bubble=False):
        """Whom a call recorded at the window may be passed on to (转交)."""

        people: list

    @dataclass
    class TicketMoved(Message, bubble=False):
        """A counter action went through; ``ticket`` is the models' answer, ``WORDS`` what the clerk is told."""

        ticket: object
        WORDS: ClassVar[str] = ""

    class TicketCalled(TicketMoved, bubble=False):
        WORDS = "staff_queue.done_called"

    class TicketRecalled(TicketMoved, bubble=False):
        WORDS = "staff_queue.done_recalled"

    class ServiceStarted(TicketMoved, bubble=False):
        WORDS = "staff_queue.done_started"

    class NoShowMarked(TicketMoved, bubble=False):
        WORDS = "staff_queue.done_no_show"

    class WindowResumed(TicketMoved, bubble=False):
        WORDS = "staff_queue.done_resumed"

    class RatingAsked(TicketMoved, bubble=False):
        """The window's rating pad shows the five levels to the resident (the clerk asks, never rates)."""

        WORDS = "staff_queue.done_rating_asked"

    WIDE_FROM = 100
    BINDINGS = [
        Binding("f2", "call_next", "staff_queue.call", key_display="F2"),
        Binding("f3", "recall", "staff_queue.recall", key_display="F3"),
        Binding("f4", "no_show", "staff_queue.no_show", key_display="F4"),
        Binding("f5", "return_no_show", "staff_queue.return", key_display="F5"),
        Binding("f6", "transfer", "staff_queue.transfer", key_display="F6"),
        Binding("f7", "pause", "staff_queue.pause", key_display="F7"),
        Binding("f7", "resume", "staff_queue.resume", key_display="F7"),
        Binding("f8", "finish", "staff_queue.finish", key_display="F8"),
        Binding("f9", "ledger", "staff_ui.ledger", key_display="F9"),
        Binding("f10", "lock", "staff_ui.lock", key_display="F10", show=False),
        Binding("f11", "supervise", "staff_queue.supervise", key_display="F11", show=False),
        Binding("s", "start", "staff_queue.start", show=False),
        Binding("c", "call_chosen", "staff_queue.call_chosen", key_display="C", show=False),
        Binding("w", "switch_window", "staff_queue.switch_window", show=False),
        Binding("v", "visits", "staff_ui.visits.open", key_display="V", show=False),
        Binding("l", "record_contact", "staff_ui.contact.record_call", key_display="L", show=False),
        Binding("e", "ask_rating", "staff_queue.ask_rating", key_display="E", show=False),
    ]
    # The buttons are the counter's function keys' actions, in the order of their keys
    # (the leader's supervisor view is a key only: an 80-column bar has no room for it).
    ACTIONS = [(b.action, b.description) for b in BINDINGS if b.key.startswith("f") and b.action != "supervise"]

    MESSAGE_LINE = "#message"

    def __init__(self) -> None:
        super().__init__(name="queue")
        self.picture: queries.QueuePicture | None = None
        self.cover: queries.CoverView | None = None
        self.busy = False

    @property
    def window_number(self) -> int:
        return self.app.shift.window

    def compose(self) -> ComposeResult:
        yield StatusBar()
        with Horizontal(id="queue-top"):
            with Vertical(id="serving-box", classes="box"):
                yield ServingPanel(id="serving")
            with Vertical(id="windows-box", classes="box"):
                yield WindowsPanel(id="windows")
        with Vertical(id="waiting-box", classes="box"):
            yield WaitingTable(id="waiting")
        yield Static("", id="message", classes="message-line")
        yield ActionBar([(action, tr(key)) for action, key in self.ACTIONS], id="actions")
        yield HallFooter()

    def on_mount(self) -> None:
        self.query_one("#serving-box").border_title = tr("staff_queue.serving_title")
        self.query_one("#windows-box").border_title = tr("staff_queue.windows_title")
        self._layout_columns()
        self.query_one(WaitingTable).focus()
        self._title_waiting(0)
        self.load()
        self.load_cover()

    def _layout_columns(self) -> None:
        if self.query_one(WaitingTable).fit_columns(self.size.width) and self.picture is not None:
            self._show(self.picture)

    def on_resize(self) -> None:
        self._layout_columns()
        if self.picture is not None:
            self.query_one("#windows", WindowsPanel).show(self.picture, self.window_number)

    def _title_waiting(self, count: int) -> None:
        self.query_one("#waiting-box").border_title = tr("staff_queue.waiting_title", count=count)

    # --- loading -----------------------------------------------------------------

    def load(self) -> None:
        window = self.window_number
        self.ask(lambda hall: queries.queue_picture(hall, window), self.QueueLoaded, group="queue-load")

    def on_hall_changed(self, message: HallChanged) -> None:
        if self.app.shift is None:  # signed out while the change was on its way: this screen is going
            return
        self.load()
        if message.kinds & queries.COVER_KINDS:
            self.load_cover()

    def load_cover(self) -> None:
        """Which windows this terminal gets, and where it covers as B (B 代岗)."""
        code = self.app.shift.code
        self.ask(lambda hall: queries.cover_view(hall, code), self.CoverLoaded, group="queue-cover")

    def window_switched(self) -> None:
        self.load_cover()

    def _show_cover(self) -> None:
        """The status line's marks: 暂停服务, B 代岗; and the covered window not shown here."""
        picture, cover = self.picture, self.cover
        marks = []
        if picture is not None and picture.window is not None and picture.window.paused:
            marks.append(tr("staff_queue.paused_short"))
        if cover is not None and self.window_number in cover.as_b:
            marks.append(tr("staff_ui.where.b_cover_mark"))
        self.query_one(StatusBar).note = " ".join(marks)
        if cover is not None:
            others = [n for n in cover.as_b if n != self.window_number]
            if others and others != getattr(self, "_told_cover", None):
                self.say(tr("staff_ui.where.b_cover_elsewhere", windows="、".join(str(n) for n in others)))
            self._told_cover = others

    def on_queue_screen_cover_loaded(self, message: CoverLoaded) -> None:
        self.cover = message.cover
        self._show_cover()

    def on_queue_screen_queue_loaded(self, message: QueueLoaded) -> None:
        self._show(message.picture)

    def _show(self, picture: queries.QueuePicture) -> None:
        if picture.window is None or picture.window.number != self.window_number:
            return
        self.picture = picture
        zone = self.app.config.zone
        self.query_one("#serving", ServingPanel).show(picture, zone)
        self.query_one("#windows", WindowsPanel).show(picture, self.window_number)
        serving_lines = (
            3 + (1 if picture.serving and picture.serving.transfers else 0) + (1 if picture.also_active else 0)
        )
        self.query_one("#queue-top").styles.height = max(serving_lines, len(picture.windows)) + 2
        self.query_one(WaitingTable).show(picture, self.size.width)
        self._title_waiting(len(picture.waiting))
        self._show_cover()
        self._sync_actions()

    def _sync_actions(self) -> None:
        self.refresh_bindings()
        self.query_one(ActionBar).sync()

    # --- what applies now -------------------------------------------------------------

    def check_action(self, action: str, parameters) -> bool | None:
        """True: applies now; None: applies but wait (an action is running); False: not now (hidden)."""
        picture = self.picture
        serving = picture.serving if picture else None
        paused = bool(picture and picture.window and picture.window.paused)
        wait = None if (self.busy or picture is None) else True
        if action in ("ledger", "lock"):
            return True
        if action == "supervise":
            return self.app.shift.is_leader
        if action == "switch_window":
            return len(self.app.shift.windows) > 1
        if action == "pause":
            return False if paused else wait
        if action == "resume":
            return wait if paused else False
        if action in ("call_next", "call_chosen"):
            return False if paused else wait
        if action in ("return_no_show", "ask_rating"):
            return wait
        if action in ("recall", "no_show", "start"):
            return wait if serving is not None and serving.status == "called" else False
        if action in ("transfer", "finish"):
            return wait if serving is not None else False
        return True

    # --- running an action -------------------------------------------------------------

    def act(self, fn, done: type[TicketMoved]) -> None:
        """Run ``fn(hall)``, one counter action at a time."""
        if self.busy:
            return
        self.busy = True
        self._sync_actions()
        self.ask(fn, done, group="queue-act")

    @on(TicketMoved)
    def _ticket_moved(self, message: TicketMoved) -> None:
        self.busy = False
        number = getattr(message.ticket, "number", "")
        self.say(tr(message.WORDS, number=number, window=self.window_number))
        self.load()

    def ask_failed(self, failure) -> None:
        self.busy = False
        self.say(failure.words, error=True)
        self._sync_actions()

    # --- the actions ---------------------------------------------------------------------

    def action_call_next(self) -> None:
        shift = self.app.shift
        serving = self.picture.serving if self.picture else None

        def call_next(hall):
            return hall.at_window(shift.code).call_next(shift.window)

        if serving is not None:

            def answered(yes: bool | None) -> None:
                if yes:
                    self.act(call_next, self.TicketCalled)

            self.app.push_screen(
                ConfirmDialog(
                    tr("staff_queue.confirm_call_title"), tr("staff_queue.confirm_call", number=serving.number)
                ),
                answered,
            )
            return
        self.act(call_next, self.TicketCalled)

    def action_call_chosen(self) -> None:
        """C: call the waiting ticket under the cursor out of turn (the models say whether this window may)."""
        number, shift = self.query_one(WaitingTable).current_key, self.app.shift
        if not number:
            self.say(tr("staff_queue.pick_waiting"), error=True)
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.act(lambda hall: hall.at_window(shift.code).call_number(number, shift.window), self.TicketCalled)

        body = tr("staff_queue.confirm_chosen", number=number)
        if self.picture and self.picture.serving:
            body += "\n" + tr("staff_queue.chosen_busy", number=self.picture.serving.number)
        self.app.push_screen(ConfirmDialog(tr("staff_queue.confirm_chosen_title", number=number), body), answered)

    def action_recall(self) -> None:
        number, window, code = self.picture.serving.number, self.window_number, self.app.shift.code
        self.act(lambda hall: hall.at_window(code).recall(number, window), self.TicketRecalled)

    def action_start(self) -> None:
        number, window, code = self.picture.serving.number, self.window_number, self.app.shift.code
        self.act(lambda hall: hall.at_window(code).start(number, window), self.ServiceStarted)

    def action_no_show(self) -> None:
        serving = self.picture.serving
        number = serving.number

        def answered(yes: bool | None) -> None:
            if yes:
                window, code = self.window_number, self.app.shift.code
                self.act(lambda hall: hall.at_window(code).no_show(number, window), self.NoShowMarked)

        self.app.push_screen(
            ConfirmDialog(tr("staff_queue.confirm_no_show_title"), tr("staff_queue.confirm_no_show", number=number)),
            answered,
        )

    def action_return_no_show(self) -> None:
        def closed(result) -> None:
            if result:
                self.say(tr("staff_queue.done_returned", number=result.number))
                self.load()

        self.app.push_screen(
            return_dialog(clerk=self.app.hall.at_window(self.app.shift.code), zone=self.app.config.zone), closed
        )

    def action_transfer(self) -> None:
        self._open_transfer(self.picture.serving.number)

    def _open_transfer(self, number: str) -> None:
        window = self.window_number
        self.ask(
            lambda hall: queries.transfer_targets(window),
            lambda targets: self.TransferTargetsLoaded(number, targets),
            group="queue-dialog",
        )

    def on_queue_screen_transfer_targets_loaded(self, message: TransferTargetsLoaded) -> None:
        number, shift = message.number, self.app.shift
        dialog = transfer_dialog(
            number, message.targets, clerk=self.app.hall.at_window(shift.code), shift=shift, lang=self.app.lang
        )

        def closed(result) -> None:
            if result:
                self.say(tr("staff_queue.done_transferred", number=number))
                self.load()

        self.app.push_screen(dialog, closed)

    def action_pause(self) -> None:
        shift = self.app.shift

        def closed(result) -> None:
            if result:
                self.say(tr("staff_queue.done_paused", window=shift.window))
                self.load()

        self.app.push_screen(pause_dialog(clerk=self.app.hall.at_window(shift.code), shift=shift), closed)

    def action_resume(self) -> None:
        shift = self.app.shift

        def answered(yes: bool | None) -> None:
            if yes:
                self.act(lambda hall: hall.at_window(shift.code).resume(shift.window), self.WindowResumed)

        self.app.push_screen(
            ConfirmDialog(tr("staff_queue.resume_title", window=shift.window), tr("staff_queue.resume_body")),
            answered,
        )

    def action_finish(self) -> None:
        from staff_tui.modals.outcome import OutcomeDialog

        serving = self.picture.serving

        def closed(result) -> None:
            if result:
                self.say(tr("staff_queue.done_finished", number=serving.number, cases=len(result.cases)))
                self.load()
                from staff_tui.screens.resident import ResidentScreen

                self.app.push_screen(ResidentScreen(result))

        self.app.push_screen(OutcomeDialog(serving), closed)

    def action_ask_rating(self) -> None:
        """好差评 at the window: the pad asks the resident of the visit here (the models say who that is)."""
        shift = self.app.shift
        self.act(lambda hall: hall.ratings.ask(shift), self.RatingAsked)

    def action_ledger(self) -> None:
        self.app.show_ledger()

    def action_lock(self) -> None:
        self.app.lock()

    def action_supervise(self) -> None:
        from staff_tui.screens.supervisor import SupervisorScreen

        self.app.push_screen(SupervisorScreen())

    def action_visits(self) -> None:
        from staff_tui.screens.visits import VisitsScreen

        self.app.push_screen(VisitsScreen())

    def action_record_contact(self) -> None:
        """L: a call (or letter, e-mail, message) recorded while at the window, passed on in the same save if need be."""
        from staff_tui.modals.contact_form import people_to_pass_to

        self.ask(people_to_pass_to, self.ContactPeopleLoaded, group="queue-dialog")

    def on_queue_screen_contact_people_loaded(self, message: ContactPeopleLoaded) -> None:
        from staff_tui.modals.contact_form import record_dialog, recorded_words

        def closed(result) -> None:
            if result:
                self.say(recorded_words(result))

        dialog = record_dialog(self.app.hall.contacts, self.app.shift, people=message.people)
        self.app.push_screen(dialog, closed)

    def action_switch_window(self) -> None:
        from staff_tui.modals.window_pick import WindowPickDialog, window_choices

        def chosen(number: int | None) -> None:
            if number is not None and number != self.window_number:
                self.app.switch_window(number)
                self.picture = None
                self.query_one(WaitingTable).sync([])
                self.say(tr("staff_queue.switched", window=number))
                self.load()

        windows = self.picture.windows if self.picture else ()
        options = window_choices(self.app.shift.windows, windows, self.cover.as_b if self.cover else ())
        self.app.push_screen(WindowPickDialog(options, current=self.window_number), chosen)
