"""The one rule for typed text, and the `hall` command keeping to it: refused at
the command line with a sentence naming the option, shown as its sign when
stored before, JSON escaped, and a closed pipe ending a command quietly."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from models.plain_text import TextRefused, bad_index, check, shown
from tests.core.test_cli import run

HALL = str(Path(sys.executable).with_name("hall"))


HOSTILE = {
    "ESC sequence": "王\x1b[2J\x1b[31m芳",
    "OSC title": "王\x1b]0;pwned\x07芳",
    "bell": "王\x07芳",
    "NUL": "王\x00芳",
    "C1 CSI": "王\x9b31m芳",
    "DEL": "王\x7f芳",
    "bidi override": "王\u202e芳",
    "bidi isolate": "王\u2066芳",
    "zero-width space": "王\u200b芳",
    "lone ZWJ": "王\u200d芳",
    "BOM": "\ufeff王芳",
    "line separator": "王\u2028芳",
}
KEPT = [
    "王芳",
    "请核对[/]材料",
    "婴儿（出生）入户：《证明》、“原件”…",
    "👍🏽 好评",
    "👨\u200d👩\u200d👧 一家",
    "ｆｕｌｌ　ｗｉｄｔｈ",
    "x" * 10_000,
]


@pytest.mark.parametrize("name", list(HOSTILE))
def test_every_control_or_invisible_character_is_refused_naming_the_field(name):
    with pytest.raises(TextRefused) as refused:
        check("转办说明", HOSTILE[name])
    assert "转办说明" in refused.value.message("zh") and "U+" in refused.value.message("zh")
    assert refused.value.message("en").startswith("转办说明 holds a control or invisible character")
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in shown(HOSTILE[name]))


@pytest.mark.parametrize("text", KEPT)
def test_emoji_cjk_punctuation_brackets_and_long_lines_are_kept(text):
    assert check("备注", text) == text and shown(text) == text


def test_a_newline_only_where_the_field_holds_several_lines():
    assert bad_index("第一行\n第二行") == 3
    assert bad_index("第一行\n第二行\t完", lines=True) is None
    assert bad_index("第一行\r\n第二行", lines=True) == 3


def test_the_cli_refuses_a_control_character_naming_the_option_and_writes_nothing(demo_db, capsys):
    from models.schema import Ticket

    code, _, err = run(capsys, "ticket", "take", "baby-hukou", "--request-id", "r\x1b[2J", "--db", demo_db)
    assert code == 2 and "--request-id" in err and "U+001B" in err and "\x1b" not in err
    run(capsys, "ticket", "take", "baby-hukou", "--db", demo_db)
    run(capsys, "ticket", "call", "--window", "1", "--staff", "S01", "--db", demo_db)
    code, _, err = run(
        capsys,
        "ticket",
        "transfer",
        "A001",
        "--window",
        "1",
        "--to-window",
        "2",
        "--note",
        "请\u202e核对",
        "--staff",
        "S01",
        "--db",
        demo_db,
    )
    assert code == 2 and "「--note」" in err and "U+202E" in err
    code, _, err = run(capsys, "--lang", "en", "staff", "add", "S77", "--name", "王\x07芳", "--db", demo_db)
    assert code == 2 and err.startswith("hall: --name holds a control or invisible character (U+0007")
    from models.hall import open_hall
    from tests.conftest import make_config

    with open_hall(make_config(demo_db)).db.connection_context():
        assert Ticket.get(Ticket.number == "A001").status == "called"


def test_text_stored_before_the_rule_is_printed_as_its_sign_and_escaped_in_json(demo_db, capsys):
    from models.hall import open_hall
    from models.schema import Item
    from tests.conftest import make_config

    with open_hall(make_config(demo_db)).db.connection_context():
        Item.update(name="婴儿\x1b[2J入户\u202e").where(Item.code == "baby-hukou").execute()
    code, out, _ = run(capsys, "catalogue", "list", "--db", demo_db)
    assert code == 0 and "婴儿␛[2J入户<U+202E>" in out and "\x1b" not in out
    code, out, _ = run(capsys, "catalogue", "list", "--json", "--db", demo_db)
    assert "\x1b" not in out and "\u202e" not in out
    assert any(item["name"] == "婴儿\x1b[2J入户\u202e" for item in json.loads(out)["items"])


@pytest.mark.parametrize("args", [["queue"], ["queue", "--json"], ["catalogue", "list"], ["staff", "list"]])
def test_a_closed_pipe_ends_a_command_quietly(demo_db, args):
    reader = subprocess.Popen([HALL, *args, "--db", demo_db], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    reader.stdout.close()  # the reader is gone before the first line, as `| head` may be
    err = reader.stderr.read().decode()
    assert reader.wait() == 0 and err == ""


def test_a_refusal_naming_stored_text_shows_its_control_characters_as_signs(demo_db, capsys):
    from models.hall import open_hall
    from models.schema import Item
    from tests.conftest import make_config

    with open_hall(make_config(demo_db)).db.connection_context():
        Item.update(name="婴儿\x1b[2J入户", open_from="01-01", open_to="01-02").where(
            Item.code == "baby-hukou"
        ).execute()
    code, _, err = run(capsys, "ticket", "take", "baby-hukou", "--db", demo_db)
    assert code == 1 and "婴儿␛[2J入户" in err and "\x1b" not in err
