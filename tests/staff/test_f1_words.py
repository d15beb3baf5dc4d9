"""F1 lists every key in the hall's words: Textual's own keys of fields and lists too, in both languages."""

from __future__ import annotations

import re

from textual.widgets import Select

from tests.staff.helpers import make_app, shift_for, take, text_of, wait_for

# What a key column may hold; anything else in Latin letters is an English description.
KEY_NAMES = re.compile(r"\b(?:shift|super|ctrl|alt|space|home|end|pgup|pgdn|tab|esc|del|F\d+|Ctrl\+\w|\^\w|[A-Za-z])\b")


async def key_lines(pilot) -> list[str]:
    app = pilot.app
    await pilot.press("f1")
    await wait_for(pilot, lambda: app.screen.query("HallKeyPanel"), what="key panel")
    await pilot.pause(0.2)
    lines = [line.strip() for line in text_of(app.screen.query_one("HallBindingsTable")).splitlines()]
    await pilot.press("f1")
    await wait_for(pilot, lambda: not app.screen.query("HallKeyPanel"), what="closed")
    return [line for line in lines if line]


async def every_panel(pilot) -> list[str]:
    """F1 on the queue, on the ledger with its search field or a choice focused, and on the duty screen."""
    app = pilot.app
    await wait_for(pilot, lambda: app.screen.name == "queue" and app.screen.picture is not None)
    lines = await key_lines(pilot)
    await pilot.press("f9")
    await wait_for(pilot, lambda: app.screen.name == "ledger" and app.screen.answer is not None)
    app.screen.query_one("#search").focus()
    lines += await key_lines(pilot)
    app.screen.query_one("#window", Select).focus()
    lines += await key_lines(pilot)
    await pilot.press("ctrl+o")
    await wait_for(pilot, lambda: app.screen.name == "duty" and app.screen.data is not None, what="duty")
    lines += await key_lines(pilot)
    return lines


async def panels_in(hall, language: str) -> list[str]:
    take(hall, "rural-dibao")
    hall.queue.call_next(3, "S05")
    app = make_app(hall, shift=shift_for("S05", 3), language=language, live=False)
    async with app.run_test(size=(80, 24)) as pilot:
        return await every_panel(pilot)


async def test_f1_in_chinese_has_no_english_description(staffed):
    lines = await panels_in(staffed, "zh")
    assert any("光标上移" in line for line in lines) and any("下一个输入项" in line for line in lines)
    english = [line for line in lines if re.search(r"[A-Za-z]{2,}", KEY_NAMES.sub("", line))]
    assert not english, english


async def test_f1_in_english_uses_the_halls_words(staffed):
    lines = await panels_in(staffed, "en")
    assert any("Next field" in line for line in lines) and not any("Focus Next" in line for line in lines)
    assert not any(re.search(r"[\u4e00-\u9fff]", line) for line in lines)


def test_every_key_textual_gives_its_widgets_has_the_halls_words():
    import textual.app
    import textual.containers
    import textual.screen
    import textual.widgets as widgets
    from textual.binding import Binding

    from models.i18n import catalogue
    from staff_tui.widgets.key_help import hall_words

    classes = [textual.app.App, textual.screen.Screen, textual.containers.ScrollableContainer]
    classes += [getattr(widgets, name) for name in widgets.__all__]
    missing = set()
    for cls in classes:
        for klass in cls.__mro__:
            for binding in klass.__dict__.get("BINDINGS", ()):
                description = binding.description if isinstance(binding, Binding) else (binding[2:3] or [""])[0]
                if description and "." not in description:
                    missing |= {
                        description for language in ("zh", "en") if not _known(description, catalogue(language))
                    }
    assert not missing, sorted(missing)
    assert hall_words("Cursor up") in ("光标上移", "Cursor up")


def _known(description: str, words: dict) -> bool:
    return f"textual_keys.{re.sub(r'[^a-z0-9]+', '_', description.lower()).strip('_')}" in words
