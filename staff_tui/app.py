"""StaffApp: the terminal at a service window (``hall staff``).

Sign-in with staff code and PIN, the window's queue, the outcome dialog and
the resident's view, the ledger (台帐) and case detail. The app only asks
``models/`` and shows the answers; every database call runs in a thread
worker. It locks itself after ``staff.idle_lock_minutes`` without a key or a
click (a resident may be sitting in front of it); unlocking needs the PIN.
"""

from __future__ import annotations

import os
import socket
import time
from pathlib import Path

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.reactive import reactive

from models.config import Config
from models.i18n import t
from models.signin import Shift, idle_lock_seconds, switch_window
from staff_tui.i18n import localise_bindings
from staff_tui.messages import DatabaseLost, DatabaseRestored, HallChanged

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


class StaffApp(App):
    CSS_PATH = "staff.tcss"
    TITLE = "hall staff"
    BINDINGS = [
        Binding("ctrl+q", "quit", "staff_ui.quit", show=False, priority=True),
        Binding("f1", "toggle_keys", "staff_ui.help", show=False, key_display="F1"),
        Binding("ctrl+c", "help_quit", show=False, system=True),
    ]

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
            from staff_tui.live import start_live

            self._live_worker = start_live(self)
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

    def switch_window(self, number: int) -> None:
        self.shift = switch_window(self.shift, number)
        for screen in self._hall_screens():
            reset = getattr(screen, "window_switched", None)
            if reset is not None:
                reset()

    def sign_out(self) -> None:
        from staff_tui.screens.signin import SignInScreen

        self.shift = None
        self.locked = False
        while len(self.screen_stack) > 2:
            self.pop_screen()
        self.switch_screen(SignInScreen())
        if self.is_screen_installed("ledger") and not self.get_screen("ledger").is_attached:
            self.uninstall_screen("ledger")

    def show_ledger(self) -> None:
        if self.shift is not None and self.screen.name != "ledger":
            self.push_screen("ledger")

    # --- the idle lock -------------------------------------------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.MouseDown, events.MouseScrollDown, events.MouseScrollUp)):
            self.last_activity = time.monotonic()
        await super().on_event(event)

    def check_idle_lock(self, now: float | None = None) -> None:
        if self.idle_seconds is None or self.shift is None or self.locked:
            return
        now = time.monotonic() if now is None else now
        if now - self.last_activity >= self.idle_seconds:
            self.lock()

    def lock(self) -> None:
        if self.shift is None or self.locked:
            return
        from staff_tui.screens.lock import LockScreen

        self.locked = True
        self.push_screen(LockScreen())

    def unlocked(self) -> None:
        self.locked = False
        self.last_activity = time.monotonic()

    def check_action(self, action: str, parameters) -> bool | None:
        if self.locked and action in ("command_palette", "quit", "toggle_keys", "show_help_panel", "change_theme"):
            return False
        return True

    def action_quit(self) -> None:
        if not self.locked:
            self.exit()

    def action_toggle_keys(self) -> None:
        if self.screen.query("HelpPanel"):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()

    # --- the command palette: every action of the screen, by its words --------------------------

    def get_system_commands(self, screen):
        if self.locked:
            return
        for key, active in screen.active_bindings.items():
            binding = active.binding
            if not active.enabled or not binding.description or binding.system:
                continue
            if binding.action in ("command_palette", "app.command_palette"):
                continue
            node = active.node
            label = binding.description
            display = self.get_key_display(binding)
            yield SystemCommand(
                f"{label} ({display})",
                t("staff_ui.palette_help", self.lang, keys=display),
                lambda node=node, action=binding.action: self.call_later(self.run_action, action, node),
            )
        yield from super().get_system_commands(screen)

    # --- the change feed ------------------------------------------------------------------------------

    def _hall_screens(self):
        seen = []
        for screen in list(self.screen_stack) + [s for s in self._installed_screens.values() if not callable(s)]:
            if screen not in seen:
                seen.append(screen)
        return seen

    def on_hall_changed(self, message: HallChanged) -> None:
        if any(kind.startswith("catalogue.") for kind in message.kinds) or "reconnected" in message.kinds:
            self.item_cache = None
        for screen in self._hall_screens():
            if hasattr(screen, "on_hall_changed") and screen.is_attached:
                screen.post_message(HallChanged(message.kinds, message.last_id))

    def on_database_lost(self, message: DatabaseLost) -> None:
        self.db_problem = message.reason

    def on_database_restored(self, message: DatabaseRestored) -> None:
        self.db_problem = ""


def run(config: Config) -> int:
    """``hall staff``: run the terminal until the clerk quits."""
    StaffApp(config).run()
    return 0
