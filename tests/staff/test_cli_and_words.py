"""`hall staff` opens the terminal; an unusable database is said plainly and retried;
every word the terminal shows exists in both languages."""

from __future__ import annotations

import re
import tomllib
from dataclasses import replace
from pathlib import Path

import pytest

from cli.main import main
from models.config import Config, TicketsConfig
from models.i18n import catalogue
from tests.staff.helpers import text_of, wait_for

ROOT = Path(__file__).resolve().parents[2]


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
    from models import catalogue_store
    from models.catalogue import default_catalogue_path
    from models.hall import open_hall
    from staff_tui.app import StaffApp

    config = replace(Config(), database=db_url, tickets=TicketsConfig(always_open=True))
    app = StaffApp(config, watch_theme=False, live=False, terminal="pytest")
    async with app.run_test(size=(80, 24)) as pilot:
        state = lambda: text_of(app.screen.query_one("#connect-state"))
        await wait_for(pilot, lambda: "hall init" in state(), what="plain message")
        assert "无法使用数据库" in state()
        assert "秒后自动重试" in text_of(app.screen.query_one("#connect-retry"))
        hall = open_hall(config, create=True)  # the maintainer runs `hall init`
        catalogue_store.load_file(str(default_catalogue_path()))
        await pilot.press("r")
        await wait_for(pilot, lambda: app.screen.name == "signin", what="connected")
        hall.close()


def _keys(path: Path) -> set[str]:
    def flat(table, prefix=""):
        for key, value in table.items():
            if isinstance(value, dict):
                yield from flat(value, f"{prefix}{key}.")
            else:
                yield f"{prefix}{key}"

    return set(flat(tomllib.loads(path.read_text(encoding="utf-8"))))


def test_both_languages_have_the_same_words():
    zh = _keys(ROOT / "models/locales/zh/staff.toml")
    en = _keys(ROOT / "models/locales/en/staff.toml")
    assert zh == en
    tables = {key.split(".")[0] for key in zh}
    assert tables == {"staff_ui", "signin", "staff_connect", "staff_signin", "staff_lock", "staff_queue",
                      "staff_outcome", "staff_resident", "staff_ledger", "staff_case"}


def test_every_word_the_terminal_asks_for_exists():
    used = set()
    for path in list((ROOT / "staff_tui").rglob("*.py")) + [ROOT / "models/signin.py"]:
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r'"((?:staff_\w+|signin|case|ledger|rating|notice)\.[a-z_]*[a-z])"', text))
    for language in ("zh", "en"):
        missing = sorted(key for key in used if key not in catalogue(language))
        assert missing == [], (language, missing)
