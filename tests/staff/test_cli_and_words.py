"""`hall staff` opens the terminal; an unusable database is said plainly and retried;
every word the terminal shows exists in both languages."""

from __future__ import annotations

import ast
import re
import tomllib
from dataclasses import replace
from pathlib import Path

import pytest

from cli.main import main
from models.config import Config, TicketsConfig
from models.i18n import DEFAULT_LANGUAGE, LANGUAGES, catalogue
from tests.staff.helpers import text_of, wait_for

ROOT = Path(__file__).resolve().parents[2]
LOCALES = ROOT / "models/locales"
# The terminal's own words, and the whereabouts, leave, duty and attendance words it shares with the board.
STAFF_LOCALE_FILES = ("staff.toml", "whereabouts.toml")
KEY = re.compile(r"[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+")


def test_hall_staff_without_an_action_opens_the_terminal(monkeypatch, tmp_path, capsys):
    import staff_tui.app

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("HALL_CONFIG", raising=False)
    opened = []
    monkeypatch.setattr(staff_tui.app, "run", lambda config: opened.append(config) or 0)
    url = f"sqlite:///{tmp_path / 'hall.db'}"
    assert main(["staff", "--db", url, "--lang", "en"]) == 0
    assert opened and opened[0].database == url and opened[0].language == "en"
    # The actions are still there.
    assert main(["init", "--demo", "--db", url]) == 0
    capsys.readouterr()
    assert main(["staff", "list", "--db", url]) == 0
    assert "S01" in capsys.readouterr().out
    assert len(opened) == 1


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
async def test_an_unusable_database_is_said_plainly_and_retried(tmp_path, db_url):
    from models.catalogue import default_catalogue_path
    from models.catalogue import store as catalogue_store
    from models.hall import open_hall
    from staff_tui.app import StaffApp

    config = replace(Config(), database=db_url, tickets=TicketsConfig(always_open=True))
    app = StaffApp(config, watch_theme=False, live=False, terminal="pytest")
    async with app.run_test(size=(80, 24)) as pilot:

        def state():
            return text_of(app.screen.query_one("#connect-state"))

        await wait_for(pilot, lambda: "hall init" in state(), what="plain message")
        assert "无法使用数据库" in state()
        assert "秒后自动重试" in text_of(app.screen.query_one("#connect-retry"))
        hall = open_hall(config, create=True)  # the maintainer runs `hall init`
        catalogue_store.load_file(str(default_catalogue_path()))
        await pilot.press("r")
        await wait_for(pilot, lambda: app.screen.name == "signin", what="connected")
        hall.close()


def _words(path: Path) -> dict[str, object]:
    """A locale file's words by dotted key, the keys of its sub-tables (``[staff_ui.duty]``) included."""

    def flat(table, prefix=""):
        for key, value in table.items():
            if isinstance(value, dict):
                yield from flat(value, f"{prefix}{key}.")
            else:
                yield f"{prefix}{key}", value

    return dict(flat(tomllib.loads(path.read_text(encoding="utf-8"))))


@pytest.mark.parametrize("name", STAFF_LOCALE_FILES)
def test_both_languages_have_the_same_words(name):
    languages = sorted(folder.name for folder in LOCALES.iterdir() if folder.is_dir())
    assert languages == sorted(LANGUAGES)
    words = {language: _words(LOCALES / language / name) for language in languages}
    keys = set(words[DEFAULT_LANGUAGE])
    for language, table in words.items():
        assert set(table) == keys, (language, sorted(set(table) ^ keys))
        blank = sorted(key for key, value in table.items() if not isinstance(value, str) or not value.strip())
        assert blank == [], (language, blank)


def test_the_staff_file_holds_the_tables_its_header_lists():
    keys = set(_words(LOCALES / DEFAULT_LANGUAGE / "staff.toml"))
    assert {"staff_ui.duty.col_item", "staff_ui.where.col_note", "staff_ui.report.title_day"} <= keys
    tables = {key.split(".")[0] for key in keys}
    assert tables == {
        "staff_ui",
        "signin",
        "staff_connect",
        "staff_signin",
        "staff_lock",
        "staff_queue",
        "staff_outcome",
        "staff_resident",
        "staff_ledger",
        "staff_case",
    }


def _keys_in_code(path: Path, tables: set[str]) -> set[str]:
    """The catalogue keys a source file spells out whole: dotted literals that start with a table's name.

    Left out: the pieces of f-strings and of ``+`` (the rest of the key comes at run time), and
    literals in a set or a comparison, which are the change feed's event kinds
    (``whereabouts.changed``): matched against, never shown.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parents = {id(child): node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    found = set()
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str) and KEY.fullmatch(node.value)):
            continue
        if node.value.split(".")[0] not in tables:
            continue
        if isinstance(parents.get(id(node)), (ast.JoinedStr, ast.BinOp, ast.Set, ast.Compare)):
            continue
        found.add(node.value)
    return found


def test_every_word_the_terminal_asks_for_exists():
    tables = {key.split(".")[0] for language in LANGUAGES for key in catalogue(language)}
    used = set()
    for path in sorted((ROOT / "staff_tui").rglob("*.py")) + [ROOT / "models/staff/signin.py"]:
        used |= _keys_in_code(path, tables)
    # Keys in sub-tables, a binding's description and a plain tr() are all among them.
    assert {"staff_ui.duty.col_item", "staff_ui.duty.tick", "staff_ui.where.col_note", "staff_queue.call"} <= used
    for language in LANGUAGES:
        words = catalogue(language)
        # A prefix that code completes at run time (a sub-table's name, "…kind_") is no key of its own.
        prefixes = {key for key in used if key.endswith("_") or any(k.startswith(key + ".") for k in words)}
        missing = sorted(key for key in used - prefixes if key not in words)
        assert missing == [], (language, missing)
