"""``hall demo``: the whole hall in one terminal — kiosk, board and a signed-in staff terminal.

Two ways, chosen by what the machine has:

**tmux panes (preferred).** When ``tmux`` is on PATH and the terminal is a
terminal, the demo starts a *private* tmux server (its own socket, no user
config) whose panes run the real commands on the same demo database:
``hall kiosk``, ``hall board`` and ``hall staff --as S01 --window 1``. On a
wide terminal (≥ 160 columns and ≥ 40 rows) the three show at once: kiosk
above board on the left, the staff terminal on the right; on a smaller one
each gets a whole tmux window. Either way F12 goes to the next pane/window
and F11 to the previous one (the apps use F1–F10 only), a click picks a pane,
and Ctrl+Q ends the demo. Why this is the robust choice: each app runs
exactly as it does in a hall — its own process, its own CSS, bindings and
screens, its own database connection — so the change feed between processes
(take a ticket at the kiosk, see it at the terminal and on the board) is
the real one, and nothing here depends on the apps' insides, which change.

**One app at a time (fallback).** Without tmux, the three apps run in turn
in this process: F12 ends the one showing and starts the next, F11 the
previous, on the same database (the staff terminal keeps its shift), and
the kiosk's quit sequence or the terminal's Ctrl+Q ends the demo. Hosting
the three apps' screens inside one Textual app was rejected: their style
sheets apply app-wide and would fight, and their screens reach for their
own app's attributes.

The staff pane starts signed in through a demo-only path
(:func:`demo_shift`): ``--as CODE`` is accepted only when the database is a
demo hall, and signs in through the real sign-in API with the demo PIN,
so the attempt is logged like any other.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass

WIDE_COLUMNS, WIDE_ROWS = 160, 40
DEMO_STAFF, DEMO_WINDOW = "S01", 1


class DemoOnly(Exception):
    """``--as`` on a hall that is not a demo hall."""


def demo_shift(hall, code: str, window: int | None):
    """The shift of ``code`` at ``window``, signed in with the demo PIN; refused unless a demo hall."""
    from models.hall import get_setting
    from models.maintenance.demo import DEMO_PIN
    from models.staff.signin import sign_in, start_shift

    with hall.db.connection_context():
        if not get_setting("demo", False):
            raise DemoOnly(
                "hall staff --as works only on a demo hall (made by `hall demo` or `hall init --demo`); "
                "sign in with your code and PIN instead"
            )
        info, choices = sign_in(hall.config, code, DEMO_PIN, terminal="demo")
    number = window if window is not None else choices[0].number
    return start_shift(info, number, choices)


# --- the tmux way ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Pane:
    title: str
    argv: list[str]


def pane_commands(db_url: str, config_file: str | None, language: str | None) -> list[Pane]:
    """The three commands, each ``python -m cli.main …`` on the same database."""
    common = ["--db", db_url]
    if config_file:
        common += ["--config", config_file]
    if language:
        common += ["--lang", language]
    base = [sys.executable, "-m", "cli.main"]
    from models.i18n import t

    lang = language or "zh"
    return [
        Pane(t("staff_ui.demo.kiosk", lang), base + ["kiosk"] + common),
        Pane(t("staff_ui.demo.board", lang), base + ["board"] + common),
        Pane(
            t("staff_ui.demo.staff", lang, code=DEMO_STAFF, window=DEMO_WINDOW),
            base + ["staff", "--as", DEMO_STAFF, "--window", str(DEMO_WINDOW)] + common,
        ),
    ]


def layout_for(columns: int, rows: int) -> str:
    """ "panes" (all three at once) or "windows" (one at a time, F11/F12)."""
    return "panes" if columns >= WIDE_COLUMNS and rows >= WIDE_ROWS else "windows"


def tmux_script(
    panes: list[Pane],
    layout: str,
    columns: int,
    rows: int,
    *,
    socket: str,
    language: str = "zh",
    truecolor: bool = True,
) -> list[list[str]]:
    """The tmux commands that build the demo session (each a full argv); tested without tmux."""
    from models.i18n import t

    tmux = ["tmux", "-L", socket, "-f", "/dev/null"]
    env = ["-e", "COLORTERM=truecolor", "-e", "ESCDELAY=25"]
    commands: list[list[str]] = []
    kiosk, board, staff = (shlex.join(p.argv) for p in panes)
    size = ["-x", str(columns), "-y", str(rows)]
    if layout == "panes":
        commands.append(tmux + ["new-session", "-d", "-s", "hall", "-n", "hall", *size, *env, kiosk])
        commands.append(tmux + ["select-pane", "-t", "hall:0.0", "-T", panes[0].title])
        right = str(max(80, columns // 2))
        commands.append(tmux + ["split-window", "-h", "-t", "hall:0.0", "-l", right, *env, staff])
        commands.append(tmux + ["select-pane", "-t", "hall:0.1", "-T", panes[2].title])
        commands.append(tmux + ["split-window", "-v", "-t", "hall:0.0", "-l", str(max(12, rows // 2)), *env, board])
        commands.append(tmux + ["select-pane", "-t", "hall:0.1", "-T", panes[1].title])
        commands.append(tmux + ["select-pane", "-t", "hall:0.0"])
        commands.append(tmux + ["set", "-g", "pane-border-status", "top"])
        commands.append(tmux + ["set", "-g", "pane-border-format", " #{pane_title} "])
        commands.append(tmux + ["bind", "-n", "F12", "select-pane", "-t", ":.+"])
        commands.append(tmux + ["bind", "-n", "F11", "select-pane", "-t", ":.-"])
    else:
        short = [p.title.split()[0] for p in panes]  # the status line lists the windows: keep their names short
        commands.append(tmux + ["new-session", "-d", "-s", "hall", "-n", short[0], *size, *env, kiosk])
        commands.append(tmux + ["new-window", "-d", "-t", "hall:1", "-n", short[1], *env, board])
        commands.append(tmux + ["new-window", "-d", "-t", "hall:2", "-n", short[2], *env, staff])
        commands.append(tmux + ["bind", "-n", "F12", "next-window"])
        commands.append(tmux + ["bind", "-n", "F11", "previous-window"])
    commands += [
        tmux + ["bind", "-n", "C-q", "kill-server"],
        tmux + ["set", "-s", "escape-time", "10"],
        tmux + ["set", "-g", "mouse", "on"],
        tmux + ["set", "-g", "status", "on"],
        tmux + ["set", "-g", "status-left", "[hall demo] "],
        tmux + ["set", "-g", "status-left-length", "12"],
        tmux + ["set", "-g", "status-right", t("staff_ui.demo.status_keys", language) + " "],
        tmux + ["set", "-g", "status-right-length", "60"],
        tmux + ["set", "-g", "remain-on-exit", "off"],
    ]
    if truecolor:
        commands.append(tmux + ["set", "-sa", "terminal-features", ",*:RGB"])
    return commands


def run_tmux(panes: list[Pane], language: str) -> int:
    try:  # the terminal itself (COLUMNS/LINES in the environment may be stale)
        size = os.get_terminal_size(sys.stdout.fileno())
    except OSError:
        size = shutil.get_terminal_size((120, 40))
    layout = layout_for(size.columns, size.lines)
    socket = f"hall-demo-{os.getpid()}"
    truecolor = os.environ.get("COLORTERM", "") in ("truecolor", "24bit")
    env = {k: v for k, v in os.environ.items() if k != "TMUX"}  # our own server, also inside another tmux
    try:
        for argv in tmux_script(
            panes, layout, size.columns, max(10, size.lines - 1), socket=socket, language=language, truecolor=truecolor
        ):
            subprocess.run(argv, check=True, env=env, stdout=subprocess.DEVNULL)
        subprocess.run(["tmux", "-L", socket, "attach", "-t", "hall"], env=env)
    finally:
        subprocess.run(
            ["tmux", "-L", socket, "kill-server"], env=env, stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL
        )
        path = os.path.join(os.environ.get("TMUX_TMPDIR") or "/tmp", f"tmux-{os.getuid()}", socket)
        if os.path.exists(path):
            os.unlink(path)
    return 0


# --- one app at a time ------------------------------------------------------------------------


def switchable(base):
    """``base`` (an App class) with F11/F12 ending it with -1/+1: the next app of the demo."""
    import inspect

    from textual.binding import Binding

    class Switchable(base):
        _BASE_PATH = inspect.getfile(base)  # the app's own CSS_PATH resolves beside its module
        BINDINGS = [
            Binding("f12", "demo_switch(1)", "Next app", show=False, priority=True),
            Binding("f11", "demo_switch(-1)", "Previous app", show=False, priority=True),
        ]

        def action_demo_switch(self, step: int) -> None:
            self.exit(step)

    Switchable.__name__ = f"Demo{base.__name__}"
    return Switchable


def make_apps(hall, shift, language: str):
    """The three app factories of the fallback, in F12 order."""
    from kiosk.app import KioskApp
    from kiosk.board_app import BoardApp
    from staff_tui.app import StaffApp

    kiosk, board, staff = switchable(KioskApp), switchable(BoardApp), switchable(StaffApp)
    config = hall.config
    return [
        lambda: kiosk(hall, language=language),
        lambda: board(hall, language=language),
        lambda: staff(config, hall=hall, shift=shift),
    ]


def run_in_turn(hall, shift, language: str, start: int = 0) -> int:
    apps = make_apps(hall, shift, language)
    index = start
    while True:
        result = apps[index]().run()
        if result not in (1, -1):
            return 0
        index = (index + result) % len(apps)


def start_web(db_url: str, config_file: str | None, port: int = 8080):
    """``hall web`` for the demo, on loopback (the next free port from ``port``): (process, URL), or (None, "")."""
    import socket
    import subprocess

    for candidate in range(port, port + 20):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", candidate)) != 0:
                break
    else:
        return None, ""
    argv = [sys.executable, "-m", "cli.main", "--db", db_url, *(["--config", config_file] if config_file else [])]
    argv += ["web", "--port", str(candidate), "--quiet"]
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    return process, f"http://127.0.0.1:{candidate}/"


def launch(hall, *, config_file: str | None, language: str, layout: str = "auto") -> int:
    """Show the demo hall: tmux panes when possible, else the apps in turn."""
    use_tmux = layout in ("auto", "tmux") and shutil.which("tmux") is not None
    if layout == "tmux" and not use_tmux:
        print(
            "hall demo: tmux is not installed; showing the apps one at a time (F12 next, F11 previous)", file=sys.stderr
        )
    if use_tmux:
        return run_tmux(pane_commands(hall.url, config_file, language), language)
    shift = demo_shift(hall, DEMO_STAFF, DEMO_WINDOW)
    return run_in_turn(hall, shift, language)
