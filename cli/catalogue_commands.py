"""``hall catalogue check|load|watch|list``."""

from __future__ import annotations

import sys
from pathlib import Path

from cli import context
from cli.context import emit_json, say
from models.i18n import t


def register(groups, common) -> None:
    catalogue = groups.add_parser("catalogue", parents=[common], help="the service catalogue").add_subparsers(
        dest="catalogue_command", metavar="ACTION"
    )
    catalogue.required = True
    for name, handler, text in (
        ("check", cmd_check, "validate a catalogue file"),
        ("load", cmd_load, "load a catalogue file into the hall"),
        ("watch", cmd_watch, "reload the file on every save"),
    ):
        sub = catalogue.add_parser(name, parents=[common], help=text)
        sub.add_argument("file")
        sub.set_defaults(handler=handler)
    lst = catalogue.add_parser("list", parents=[common], help="lines, windows and items in the hall")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(handler=cmd_list)


def cmd_check(args) -> int:
    from models.catalogue import check_file

    context.config_from(args)
    catalogue, problems = check_file(args.file)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems or catalogue is None:
        return 1
    say(
        t(
            "cli.catalogue_ok",
            context.language,
            file=args.file,
            lines=len(catalogue.lines),
            windows=len(catalogue.windows),
            items=len(catalogue.items),
        )
    )
    return 0


def cmd_load(args) -> int:
    from models.catalogue import store as catalogue_store

    context.hall_from(args)
    changes = catalogue_store.load_file(args.file)
    for change in changes:
        say(change)
    say(t("cli.catalogue_loaded", context.language, source=args.file, changes=len(changes)))
    return 0


def cmd_watch(args) -> int:
    """Load now, then again after every save; a broken save keeps the old version."""
    from watchfiles import watch

    from models.catalogue import store as catalogue_store

    context.hall_from(args)
    path = Path(args.file).resolve()
    if not path.exists():
        from models.db import DatabaseUnavailable

        raise DatabaseUnavailable(f"{args.file}: file not found")
    _reload(catalogue_store, path)
    say(t("cli.watching", context.language, file=path))
    sys.stdout.flush()
    # Watch the folder: editors often save by writing a new file and renaming it.
    for changes in watch(path.parent, debounce=300):
        if any(Path(changed).resolve() == path for _kind, changed in changes) and path.exists():
            _reload(catalogue_store, path)
            sys.stdout.flush()
    return 0


def _reload(catalogue_store, path: Path) -> None:
    try:
        changes = catalogue_store.load_file(str(path))
    except catalogue_store.CatalogueRefused as refused:
        for problem in refused.problems:
            say(str(problem))
        say(t("cli.catalogue_kept", context.language, file=path))
        return
    for change in changes:
        say(change)
    say(t("cli.catalogue_loaded", context.language, source=path, changes=len(changes)))


def cmd_list(args) -> int:
    from models.schema import Item, Line, Window, WindowLine

    context.hall_from(args)
    lines = [
        {
            "code": line.code,
            "prefix": line.prefix,
            "name": line.name,
            "name_en": line.name_en,
            "category": line.category,
        }
        for line in Line.select().where(~Line.retired).order_by(Line.prefix)
    ]
    served: dict[int, list[str]] = {}
    for window_id, code in (
        WindowLine.select(WindowLine.window, Line.code).join(Line).where(~WindowLine.retired).tuples()
    ):
        served.setdefault(window_id, []).append(code)
    windows = [
        {"number": w.number, "name": w.name, "name_en": w.name_en, "lines": served.get(w.id, []), "paused": w.paused}
        for w in Window.select().where(~Window.retired).order_by(Window.number)
    ]
    items = [
        {
            "code": i.code,
            "line": i.line.code,
            "name": i.name,
            "name_en": i.name_en,
            "kind": i.kind,
            "promised_days": i.promised_days,
            "open_from": i.open_from,
            "open_to": i.open_to,
        }
        for i in Item.select(Item, Line).join(Line).where(~Item.retired).order_by(Line.prefix, Item.id)
    ]
    if args.json:
        emit_json({"lines": lines, "windows": windows, "items": items})
        return 0
    for line in lines:
        say(f"[{line['prefix']}] {line['code']}  {line['name']}")
        for item in items:
            if item["line"] == line["code"]:
                season = f"  ({item['open_from']}~{item['open_to']})" if item["open_from"] else ""
                say(f"      {item['code']:28} {item['name']}{season}")
    for window in windows:
        say(f"{window['number']:>3}号窗口 {window['name']}  {' '.join(window['lines'])}")
    return 0
