"""``hall ratings indicators|ranking|export`` with a month that is none, or hostile text in it: one plain
sentence naming the option, no file written, no escape passed to the terminal."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("month", ["[red]x", "\x1b[2J", "2026-13", ""])
@pytest.mark.parametrize("command", ["indicators", "ranking", "export"])
def test_a_month_that_is_none_is_one_sentence(hall, cases, exports_folder, run, command, month):
    code, out, err = run("ratings", command, "--month", month)
    assert code == 2 and out == "" and "--month" in err
    assert "\x1b" not in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert not exports_folder.exists() or not any(exports_folder.iterdir())
