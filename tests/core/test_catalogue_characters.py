"""The catalogue check finds what no screen may show, and an item that lists nothing to bring."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from models.catalogue import check_text
from tests.core.test_catalogue_check import BASE, PATH, line_no, only, replace

HALL = str(Path(sys.executable).with_name("hall"))


@pytest.mark.parametrize(
    "spelling,code",
    [
        ("婴儿\\u001b[31m入户", "U+001B"),  # an ESC sequence, escaped
        ("婴儿\\n入户", "U+000A"),  # a newline in a name
        ("婴儿\u202e入户", "U+202E"),  # a bidi override, raw
        ("婴儿\u200b入户", "U+200B"),  # a zero-width space, raw
        ("婴儿\\U0000009b入户", "U+009B"),  # a C1 control
    ],
)
def test_a_control_or_invisible_character_is_reported_at_its_line(spelling, code):
    text = replace(BASE, 'name = "户口迁入"', f'name = "{spelling}"')
    problem = only(text)
    assert problem.line == line_no(text, spelling) and code in problem.message


def test_emoji_brackets_and_cjk_punctuation_are_fine_and_escapes_in_comments_are_not_looked_at():
    text = replace(BASE, 'name = "户口迁入"', 'name = "婴儿[/]入户（《证明》）👶"  # not "\\u001b"')
    assert check_text(text, PATH)[1] == []


def test_an_item_without_materials_is_refused_unless_it_is_a_consultation():
    text = BASE[: BASE.rindex("[[item.materials]]")]
    problem = only(text)
    assert problem.line == line_no(text, 'code = "pension-cert"') - 1 and "lists no materials" in problem.message
    consult = replace(replace(text, 'kind = "immediate"', 'kind = "consultation"'), "open_from", "# open_from")
    consult = replace(consult, 'open_to = "12-31"', "")
    assert check_text(consult, PATH)[1] == []


def test_catalogue_check_prints_file_and_line(tmp_path):
    path = tmp_path / "cat.toml"
    path.write_text(replace(BASE, 'name = "户口迁入"', 'name = "户口\\u0007迁入"'), encoding="utf-8")
    done = subprocess.run([HALL, "catalogue", "check", str(path)], capture_output=True, text=True)
    line = line_no(path.read_text(encoding="utf-8"), "户口\\u0007迁入")
    assert done.returncode == 1 and f"{path}:{line}: " in done.stdout + done.stderr and "U+0007" in done.stderr
