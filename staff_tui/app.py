"""StaffApp: the terminal at a service window (``hall staff``).

Sign-in with staff code and PIN, the window's queue, the outcome dialog and
the resident's view, the ledger (台帐) and case detail. The app only asks
``models/`` and shows the answers; every database call runs in a thread
worker. It locks itself after ``staff.idle_lock_minutes`` without a key or a
click (:mod:`staff_tui.idle_lock`); unlocking needs the PIN.

From any working screen, ctrl keys that no screen uses (listed by F1, see
:mod:`staff_tui.keys`) set one's own whereabouts (Ctrl+T), open the
whereabouts board, duty and the reports (Ctrl+G, Ctrl+O, Ctrl+R) and sign
out, asking which state to leave in (Ctrl+L; Ctrl+Q quits the same way,
:mod:`staff_tui.leaving`). Choosing the window at
sign-in sets 在岗. Signing a *locked* terminal out (F10 on the lock screen)
leaves the state as it was: whoever pressed F10 did not give the PIN. A
leader's terminal is told of every ``cover.lost`` (a window whose A and B
are both away).
"""

from __future__ import annotations

import os
import socket
import time
from dataclasses import dataclass, replace
from pathlib import Path

from textual.app import App
from textual.message import Message
from textual.reactive import reactive

from models.config import Config
from models.hall import Hall
from models.i18n import t
from models.queue.help_request import HELP_ASKED
from models.staff.signin import Shift, idle_lock_seconds, switch_window
from shared_ui.live import RECONNECTED, DatabaseLost, DatabaseRestored, HallChanged
from shared_ui.plain import notify_plain
from shared_ui.words import localise_bindings
from staff_tui import keys
from staff_tui.asking import Asking
from staff_tui.hall_commands import HallCommands
from staff_tui.idle_lock import IdleLock
from staff_tui.leaving import Leaving
from staff_tui.overdue_replies import OverdueReplies
from staff_tui.screens.staff_screen import StaffScreen
from staff_tui.typed_ahead import TypedAhead

HERE = Path(__file__).parent


def terminal_name() -> str:
    """Where this terminal runs, for the sign-in log: host, tty, SSH client."""
    parts = [socket.gethostname()]
    try:
        parts.append(os.ttyname(0))
    except OSError:
        pass
    client = os.environ.get("SSH_CLIENT", "").split()
    if client:
        parts.append("ssh:" + client[0])
    return " ".join(parts)[:120]


class StaffApp(IdleLock, TypedAhead, Leaving, HallCommands, OverdueReplies, Asking, App):
    @dataclass
    class ArrivedOnDuty(Message, bubble=False):
        """Signed in and on duty; ``changed`` is the state change, if one was needed."""

        changed: object
        last_id: int

    @dataclass
    class CoverLostRead(Message, bubble=False):
        """The windows that lost their A/B cover up to event ``last_id``: (window, paused) pairs."""

        windows: list
        last_id: int

    CSS_PATH = "staff.tcss"
    TITLE = "hall staff"
    BINDINGS = keys.APP_KEYS
    WORK_SCREENS = keys.WORK_SCREENS
    SIDE_SCREENS = keys.SIDE_SCREENS

    db_problem: reactive[str] = reactive("")

    def __init__(
        self,
        config: Config,
        *,
        hall=None,
        shift: Shift | None = None,
        watch_theme: bool = True,
        live: bool = True,
        terminal: str | None = None,
    ) -> None:
        super().__init__()
        # No animations: over SSH they cost bandwidth and the clerk's time.
        self.animation_level = "none"
        self.config = config
        self.lang = config.language
        localise_bindings(self, self.lang)
        for key, bindings in self._bindings.key_to_bindings.items():  # Textual's own "palette"
            self._bindings.key_to_bindings[key] = [
                replace(b, description=t("staff_ui.palette", self.lang)) if b.action == "command_palette" else b
                for b in bindings
            ]
        if hall is not None and hall.config != config:
            # A hall handed in (by a test, or a program that opened it itself) serves
            # this terminal's config: the services are wired again, bound to it.
            hall = Hall.wired(config, hall.db, hall.url)
        self.hall = hall
        self.shift: Shift | None = None
        self._start_shift = shift
        self.watch_theme = watch_theme
        self.live = live
        self.terminal = terminal if terminal is not None else terminal_name()
        self.idle_seconds = idle_lock_seconds(config)
        self.last_activity = time.monotonic()
        self.locked = False
        self._theme_watch = None
        self._live_worker = None
        self.item_cache = None  # the catalogue's items for the outcome dialog; dropped on catalogue.loaded
        self.cover_seen: int | None = None  # the last event id read for cover.lost notices (leaders)
        self.my_state = ""  # this person's state as last set here ("" unknown)
        from themes import DEFAULT_THEME, register_themes

        register_themes(self)
        self.theme = DEFAULT_THEME

    # --- look ----------------------------------------------------------------------------

    def get_theme_variable_defaults(self) -> dict[str, str]:
        from themes import theme_variable_defaults

        return theme_variable_defaults()

    # --- start-up ------------------------------------------------------------------------------

    def on_mount(self) -> None:
        if self.watch_theme:
            from themes import watch_themes

            self._theme_watch = watch_themes(self)
        self.set_interval(1.0, self.check_idle_lock, name="idle-lock")
        if self.hall is None:
            from staff_tui.screens.connecting import ConnectingScreen

            self.push_screen(ConnectingScreen())
        else:
            self.hall_ready()

    def on_unmount(self) -> None:
        if self._theme_watch is not None:
            self._theme_watch.stop()

    def hall_ready(self, hall=None) -> None:
        """The database answers: start watching it and ask who is here."""
        if hall is not None:
            self.hall = hall
        if self.live and self._live_worker is None:
            from shared_ui.live import start_live
            from staff_tui.db import error_words

            self._live_worker = start_live(self, describe=lambda exc: error_words(exc, self.lang))
        if self._start_shift is not None:
            shift, self._start_shift = self._start_shift, None
            self.begin_shift(shift)
            return
        from staff_tui.screens.signin import SignInScreen

        if len(self.screen_stack) > 1:
            self.switch_screen(SignInScreen())
        else:
            self.push_screen(SignInScreen())

    def begin_shift(self, shift: Shift) -> None:
        from staff_tui.screens.ledger import LedgerScreen
        from staff_tui.screens.queue import QueueScreen

        self.shift = shift
        self.locked = False
        self.last_activity = time.monotonic()
        if self.is_screen_installed("ledger"):
            self.uninstall_screen("ledger")
        self.install_screen(LedgerScreen(), name="ledger")
        if len(self.screen_stack) > 1:
            self.switch_screen(QueueScreen())
        else:
            self.push_screen(QueueScreen())
        self._arrived(shift)
        if shift.is_leader:
            self._calendar_notice()
            self.tell_overdue_replies()

    def _calendar_notice(self) -> None:
        """A leader is told when the national holidays of this year (or, from
        1 December, of next year) are not known, so the days can be written in."""
        from models.calendar import calendar_words
        from models.clock import service_day

        for words in calendar_words(self.config, service_day(self.config.zone), self.lang):
            self.notify(words, severity="warning", timeout=30)

    def _arrived(self, shift: Shift, *, unlocking: bool = False) -> None:
        """Signing in puts the person on duty (在岗), unless they already are;
        unlocking does when they have set nothing yet today (a terminal left
        signed in overnight is unlocked by someone who has come in)."""
        from models import events

        def arrive(hall):
            where = hall.whereabouts
            changed = None
            now = where.state_of(shift.code)
            if (now.since is None) if unlocking else (now.state != "on_duty"):
                changed = where.set_state(shift.code, "on_duty")
            return changed, events.last_id()

        self.ask(arrive, lambda answer: self.ArrivedOnDuty(*answer), group="arrived")

    def on_staff_app_arrived_on_duty(self, message: ArrivedOnDuty) -> None:
        if self.cover_seen is None:
            self.cover_seen = message.last_id
        if message.changed is not None or not self.my_state:  # an unlock that changed nothing keeps it
            self.my_state = "on_duty"
        if message.changed is not None:
            self.whereabouts_changed()

    def on_staff_app_cover_lost_read(self, message: CoverLostRead) -> None:
        self.cover_seen = max(self.cover_seen or 0, message.last_id)
        for window, paused in message.windows:
            key = "staff_ui.where.cover_lost_paused" if paused else "staff_ui.where.cover_lost"
            self.notify(
                t(key, self.lang, window=window),
                title=t("staff_ui.where.cover_lost_title", self.lang),
                severity="warning",
                timeout=30,
            )

    def ask_failed(self, failure: Asking.AskFailed) -> None:
        # The app's own asks have no screen of theirs: a notice says what failed.
        notify_plain(self, failure.words, severity="error", timeout=10)

    def whereabouts_changed(self) -> None:
        """This terminal changed someone's state: screens showing states or cover reload
        (the change feed says so too, but only for other processes' commits)."""
        self.on_hall_changed(HallChanged.of({"whereabouts.changed", "cover.changed"}))

    def switch_window(self, number: int) -> None:
        self.shift = switch_window(self.shift, number)
        for screen in self._hall_screens():
            reset = getattr(screen, "window_switched", None)
            if reset is not None:
                reset()

    def action_my_state(self) -> None:
        from staff_tui.modals.state_pick import StateDialog, StateRequest

        shift = self.shift
        current = self.my_state

        def answered(result) -> None:
            if result is not None:
                self.my_state = result.to_state
                self.whereabouts_changed()
                line = t(
                    "staff_ui.where.state_saved", self.lang, state=t(f"whereabouts.state_{result.to_state}", self.lang)
                )
                self.notify(line, timeout=4)
                screen = self.screen
                if isinstance(screen, StaffScreen) and screen.MESSAGE_LINE is not None:
                    screen.say(line)  # the notice goes; the line stays

        self.push_screen(StateDialog(StateRequest(shift.code, shift.name, current=current)), answered)

    def action_show_work(self, name: str) -> None:
        """Ctrl+G / Ctrl+O / Ctrl+R: the whereabouts board, duty, reports; and leave, from the board."""
        if self.screen.name == name:
            return
        from staff_tui.screens.contacts import ContactsScreen
        from staff_tui.screens.duty import DutyScreen
        from staff_tui.screens.leave import LeaveScreen
        from staff_tui.screens.reports import ReportsScreen
        from staff_tui.screens.whereabouts import WhereaboutsScreen
        from staff_tui.screens.worklog import WorklogScreen

        screens = {"whereabouts": WhereaboutsScreen, "leave": LeaveScreen, "duty": DutyScreen, "reports": ReportsScreen}
        screens.update(contacts=ContactsScreen, worklog=WorklogScreen)
        from staff_tui.screens.appointments import AppointmentsScreen

        screens["appointments"] = AppointmentsScreen
        screen = screens[name]()
        if self.screen.name in self.SIDE_SCREENS:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def unlocked(self) -> None:
        super().unlocked()
        if self.shift is not None:
            self._arrived(self.shift, unlocking=True)

    def sign_out(self) -> None:
        from staff_tui.screens.signin import SignInScreen

        self.shift = None
        self.locked = False
        self.my_state = ""
        self.cover_seen = None
        while len(self.screen_stack) > 2:
            self.pop_screen()
        self.switch_screen(SignInScreen())
        if self.is_screen_installed("ledger") and not self.get_screen("ledger").is_attached:
            self.uninstall_screen("ledger")

    def action_show_queue(self) -> None:
        """F9 (叫号) on a side screen: back to the window's queue, whatever was opened on the way."""
        while len(self.screen_stack) > 2 and self.screen.name != "queue":
            self.pop_screen()

    def show_ledger(self) -> None:
        if self.shift is not None and self.screen.name != "ledger":
            self.push_screen("ledger")

    # --- what applies now ----------------------------------------------------------------------

    def check_action(self, action: str, parameters) -> bool | None:
        if self.locked and action in ("command_palette", "quit", "toggle_keys", "show_help_panel", "change_theme"):
            return False
        if action in keys.WORK_ACTIONS:
            return self.shift is not None and not self.locked and self.screen.name in self.WORK_SCREENS
        return True

    def action_toggle_keys(self) -> None:
        from staff_tui.widgets.key_help import HallKeyPanel

        panels = self.screen.query(HallKeyPanel)
        if panels:
            panels.remove()
        else:
            self.screen.mount(HallKeyPanel())

    # --- the change feed ------------------------------------------------------------------------------

    def _hall_screens(self):
        seen = []
        for screen in list(self.screen_stack) + [s for s in self._installed_screens.values() if not callable(s)]:
            if screen not in seen:
                seen.append(screen)
        return seen

    def on_hall_changed(self, message: HallChanged) -> None:
        if any(kind.startswith("catalogue.") for kind in message.kinds) or RECONNECTED in message.kinds:
            self.item_cache = None
        for change in message.changes:
            if change.kind == HELP_ASKED:  # a resident at a kiosk asks for a person: every terminal says so
                words = t(
                    "staff_ui.help_asked",
                    self.lang,
                    kiosk=change.data.get("kiosk", ""),
                    screen=change.data.get("screen", ""),
                )
                self.notify(words, severity="warning", timeout=30, markup=False)
        if "cover.lost" in message.kinds and self.shift is not None and self.shift.is_leader and message.last_id:
            if self.cover_seen is not None and message.last_id > self.cover_seen:
                self._cover_lost(self.cover_seen, message.last_id)
        for screen in self._hall_screens():
            if hasattr(screen, "on_hall_changed") and screen.is_attached:
                screen.post_message(HallChanged(message.changes))

    def _cover_lost(self, seen: int, last: int) -> None:
        """Which windows lost their cover since ``seen`` (for the leader's notice)."""
        from models.schema import Event

        def read(hall):
            rows = (
                Event.select(Event.data)
                .where((Event.kind == "cover.lost") & (Event.id > seen) & (Event.id <= last))
                .order_by(Event.id)
            )
            return [((row.data or {}).get("window"), bool((row.data or {}).get("paused"))) for row in rows]

        # Not exclusive: each batch of cover.lost events is read and told.
        self.ask(read, lambda windows: self.CoverLostRead(windows, last), group="cover-lost", exclusive=False)

    def on_database_lost(self, message: DatabaseLost) -> None:
        self.db_problem = message.reason

    def on_database_restored(self, message: DatabaseRestored) -> None:
        self.db_problem = ""


def run(config: Config) -> int:
    """``hall staff``: run the terminal until the clerk quits."""
    StaffApp(config).run()
    return 0
