"""``hall init``, ``hall demo``, ``hall staff`` (the terminal; ``add``, ``list``), ``hall backup``, ``hall doctor``."""

from __future__ import annotations

import getpass
import sys

from cli import context
from cli.context import emit_json, say
from cli.errors import UsageError
from models.i18n import t


def register(groups, common) -> None:
    init = groups.add_parser("init", parents=[common], help="create or upgrade the hall's database")
    init.add_argument("--demo", action="store_true", help="also add demo staff and issue tickets at any hour")
    init.set_defaults(handler=cmd_init)

    demo = groups.add_parser(
        "demo", parents=[common], help="make a demo hall with a morning's history and show kiosk, board and terminal"
    )
    demo.add_argument(
        "--layout",
        choices=("auto", "tmux", "turns"),
        default="auto",
        help="tmux panes (default when tmux is installed) or the three apps in turn (F12 next, F11 previous)",
    )
    demo.set_defaults(handler=cmd_demo)

    staff_group = groups.add_parser(
        "staff", parents=[common], help="the staff terminal (no ACTION), or staff records (add, list)"
    )
    staff_group.set_defaults(handler=cmd_staff_app)  # `hall staff` alone opens the terminal
    staff_group.add_argument(
        "--as",
        dest="as_code",
        metavar="CODE",
        help="demo halls only: start signed in as CODE (with the demo PIN), e.g. --as S01",
    )
    staff_group.add_argument("--window", type=int, metavar="N", help="with --as: the window of the shift")
    staff = staff_group.add_subparsers(dest="staff_command", metavar="ACTION")
    staff.required = False
    add = staff.add_parser("add", parents=[common], help="add a staff member (asks for the PIN)")
    add.add_argument("code")
    add.add_argument("--name", required=True)
    add.add_argument("--role", choices=("staff", "leader"), default="staff")
    add.add_argument("--post", action="append", default=[], metavar="WINDOW:A|B", help="e.g. --post 3:A (repeatable)")
    add.set_defaults(handler=cmd_staff_add)
    unlock = staff.add_parser(
        "unlock", parents=[common], help="a leader ends a code's lock-out (asks the leader's PIN)"
    )
    unlock.add_argument("code")
    unlock.add_argument("--leader", required=True, metavar="CODE")
    unlock.set_defaults(handler=cmd_staff_unlock)
    new_pin = staff.add_parser(
        "pin", parents=[common], help="a leader gives a colleague a new PIN (the leader's PIN, then the new one)"
    )
    new_pin.add_argument("code")
    new_pin.add_argument("--leader", required=True, metavar="CODE")
    new_pin.set_defaults(handler=cmd_staff_pin)
    lst = staff.add_parser("list", parents=[common], help="list staff")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(handler=cmd_staff_list)

    backup = groups.add_parser("backup", parents=[common], help="consistent online copy of a SQLite hall")
    backup.add_argument("path")
    backup.set_defaults(handler=cmd_backup)

    doctor = groups.add_parser("doctor", parents=[common], help="check config, database, schema and integrity")
    doctor.set_defaults(handler=cmd_doctor)


def cmd_init(args) -> int:
    from models.catalogue import default_catalogue_path
    from models.catalogue import store as catalogue_store
    from models.db import describe

    hall = context.hall_from(args, create=True)
    if not catalogue_store.loaded():
        source = hall.config.catalogue or str(default_catalogue_path())
        changes = catalogue_store.load_file(source)
        say(t("cli.catalogue_loaded", context.language, source=source, changes=len(changes)))
    if args.demo:
        from models.maintenance.demo import DEMO_PIN, make_demo

        made = make_demo(hall)
        if made:
            say(t("cli.demo_staff", context.language, codes=", ".join(made), pin=DEMO_PIN))
    say(t("cli.init_done", context.language, db=describe(hall.url)))
    return 0


def cmd_demo(args) -> int:
    """``hall demo``: a demo hall (staff, a morning's history) shown as kiosk, board and a signed-in terminal.

    Without a terminal (a script, a test) it prints the queue instead.
    """
    from dataclasses import replace

    from cli.queue_commands import print_queue
    from models.hall import open_hall
    from models.maintenance.demo import DEMO_PIN, make_demo
    from models.maintenance.demo_history import make_demo_history
    from models.maintenance.demo_past import make_demo_past, past_start

    config = context.config_from(args)
    if not args.db and not config.database:
        from pathlib import Path

        from platformdirs import user_data_dir

        config = replace(config, database="sqlite:///" + str(Path(user_data_dir("hall")) / "demo.db"))
    hall = open_hall(config, create=True)
    make_demo(hall, since=past_start(hall))
    hall.close()
    hall = open_hall(config)  # opened again: a demo hall issues tickets at any hour
    with hall.db.connection_context():
        make_demo_past(hall)  # once, before the first morning: the days before today
        make_demo_history(hall)
    if sys.stdout.isatty() and sys.stdin.isatty():  # a person at a terminal: show the hall itself
        from cli.demo_launcher import launch, start_web

        web, url = start_web(hall.url, args.config)
        if url:
            say(t("cli.demo_web", context.language, url=url))
        try:
            return launch(
                hall, config_file=args.config, language=context.language, layout=getattr(args, "layout", "auto")
            )
        finally:
            if web is not None:
                web.terminate()
                web.wait(timeout=10)
    say(t("cli.demo_ready", context.language, db=hall.url, pin=DEMO_PIN))
    print_queue(hall)
    return 0


def _parse_post(text: str) -> tuple[int, str]:
    try:
        window, role = text.split(":")
        role = role.strip().upper()
        if role not in ("A", "B"):
            raise ValueError
        return int(window), role
    except ValueError:
        raise UsageError(f"hall staff add: --post '{text}' should look like 3:A or 3:B") from None


def _read_pin(command: str = "add") -> str:
    if sys.stdin.isatty():
        first = getpass.getpass(t("cli.pin_prompt", context.language))
        second = getpass.getpass(t("cli.pin_again", context.language))
        if first != second:
            raise UsageError(f"hall staff {command}: the two PINs differ; nothing was saved")
        return first
    return sys.stdin.readline().strip()  # for scripts: the PIN on standard input


def cmd_staff_add(args) -> int:
    from models.staff import add_staff

    posts = [_parse_post(p) for p in args.post]
    context.hall_from(args)
    pin = _read_pin()
    staff = add_staff(args.code, args.name, pin, role=args.role, posts=posts)
    say(t("cli.staff_added", context.language, code=staff.code, name=staff.name))
    return 0


def cmd_staff_unlock(args) -> int:
    from models.staff.pins import lift_lockout

    hall = context.hall_from(args)
    pin = context.read_pin(args.leader)
    lifted = lift_lockout(hall.config, args.leader, pin, args.code, terminal=context.where())
    say(t("cli.staff_unlocked" if lifted else "cli.staff_not_locked", context.language, code=args.code))
    return 0


def cmd_staff_pin(args) -> int:
    from models.staff.pins import reset_pin

    hall = context.hall_from(args)
    leader_pin = context.read_pin(args.leader)
    reset_pin(hall.config, args.leader, leader_pin, args.code, _read_pin("pin"), terminal=context.where())
    say(t("cli.staff_pin_set", context.language, code=args.code))
    return 0


def cmd_staff_list(args) -> int:
    from models.staff import list_staff

    context.hall_from(args)
    people = list_staff()
    if args.json:
        emit_json({"staff": [p.as_dict() for p in people]})
        return 0
    for person in people:
        posts = " ".join(f"{p.window}{p.role}" for p in person.posts) or "-"
        say(f"{person.code:6} {person.name:8} {person.role:7} {posts}")
    return 0


def cmd_staff_app(args) -> int:
    """``hall staff``: the terminal at a service window (sign-in, queue, cases, ledger).

    An unreachable or locked database is said plainly on the screen and tried
    again until it answers; the terminal needs no working database to start.
    """
    import os

    config = context.config_from(args)
    if os.environ.get("SSH_CONNECTION"):  # slow links split escape sequences (F-keys)
        os.environ.setdefault("ESCDELAY", "250")  # read by Textual when it is first imported
    if getattr(args, "as_code", None):
        return _staff_signed_in(config, args.as_code, args.window)
    if getattr(args, "window", None) is not None:
        raise UsageError("hall staff: --window goes with --as (demo halls only)")
    from staff_tui.app import run

    return run(config)


def _staff_signed_in(config, code: str, window: int | None) -> int:
    """``hall staff --as S01 --window 1``: the terminal already signed in; demo halls only."""
    from cli.demo_launcher import DemoOnly, demo_shift
    from models.hall import open_hall
    from staff_tui.app import StaffApp

    hall = open_hall(config)
    try:
        shift = demo_shift(hall, code, window)
    except DemoOnly as exc:
        raise UsageError(str(exc)) from None
    StaffApp(hall.config, hall=hall, shift=shift).run()
    return 0


def cmd_backup(args) -> int:
    from models.maintenance.health import backup

    hall = context.hall_from(args)
    target = backup(hall.db, args.path)
    say(t("cli.backup_done", context.language, path=target))
    return 0


def _say_calendar(config) -> None:
    """Where the working days come from, and each year needed that the national schedule lacks (a warning)."""
    from models.calendar import calendar_source, calendar_words
    from models.clock import service_day

    say(f"calendar  ok    {calendar_source(config, context.language)}")
    for words in calendar_words(config, service_day(config.zone), context.language):
        say(f"calendar  WARN  {words}")


def cmd_doctor(args) -> int:
    from models.db import describe
    from models.maintenance.health import doctor

    config = context.config_from(args)
    say(f"config    ok    {config.source or t('cli.no_config_file', context.language)}")
    _say_calendar(config)
    from models.hall import open_hall

    hall = open_hall(config, create=False)
    say(f"database  ok    {describe(hall.url)}")
    failed = 0
    for check in doctor(hall.db):
        say(f"{check.name:9} {'ok' if check.ok else 'FAIL':5} {check.detail}")
        failed += not check.ok
    web_ok, web_detail = _web_check(config.web.base_url)
    say(f"{'web':9} {'ok' if web_ok else 'FAIL':5} {web_detail}")
    failed += not web_ok
    return 1 if failed else 0


def _web_check(base_url: str) -> tuple[bool, str]:
    """Whether `hall web` answers at web.base_url on this hall's schema; no base_url is no failure."""
    import json
    import urllib.request

    from models.schema import migrations

    if not base_url:
        return True, "web.base_url not set: the ticket's QR holds the bare code"
    url = base_url.rstrip("/") + "/api/health"
    try:
        with urllib.request.urlopen(url, timeout=3) as answer:
            health = json.loads(answer.read(4096).decode("utf-8"))
    except (OSError, ValueError) as exc:
        return False, f"{url} does not answer ({getattr(exc, 'reason', exc)}): is `hall web` running?"
    if health.get("schema_version") != migrations.CURRENT:
        return False, f"{url} answers with schema version {health.get('schema_version')}, expected {migrations.CURRENT}"
    return True, f"{url} answers"
