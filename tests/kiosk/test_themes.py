"""The shared themes: contrast ratios, and live reloading of edited theme files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.app import App
from textual.color import Color

from themes import (
    HALL_VARIABLES,
    THEMES_DIR,
    ThemeFileError,
    load_theme_file,
    register_themes,
    theme_variable_defaults,
    watch_themes,
)

# (text, background) pairs residents read.
PAIRS = [
    ("foreground", "background"),
    ("hall-header-text", "hall-header"),
    ("hall-button-text", "hall-button"),
    ("hall-action-text", "hall-action"),
    ("hall-ok", "background"),
    ("hall-warn", "background"),
    ("hall-muted", "background"),
    ("hall-ok", "hall-button"),
    ("hall-warn", "hall-button"),
    ("hall-muted", "hall-button"),
    ("hall-highlight-text", "hall-highlight"),
    ("foreground", "hall-panel"),
    ("primary", "background"),
    ("primary", "surface"),
    ("hall-disabled-text", "hall-disabled"),
    ("hall-action", "background"),
    ("hall-ok", "hall-disabled"),
]


def luminance(color: Color) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)


def ratio(a: Color, b: Color) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def resolved(theme) -> dict[str, Color]:
    variables = {**theme_variable_defaults(), **theme.to_color_system().generate(), **theme.variables}

    def get(name: str) -> Color:
        value = variables[name]
        seen = 0
        while value.startswith("$") and seen < 5:
            value = variables[value[1:]]
            seen += 1
        return Color.parse(value)

    return {name: get(name) for pair in PAIRS for name in pair}


@pytest.mark.parametrize("name,minimum", [("contrast", 7.0), ("hall", 7.0)])
def test_text_contrast(name, minimum):
    theme = load_theme_file(THEMES_DIR / f"{name}.toml")
    colors = resolved(theme)
    low = {
        f"{a} on {b}": round(ratio(colors[a], colors[b]), 2) for a, b in PAIRS if ratio(colors[a], colors[b]) < minimum
    }
    assert low == {}


def test_every_hall_token_has_a_default_and_themes_set_them():
    for path in THEMES_DIR.glob("*.toml"):
        theme = load_theme_file(path)
        assert set(HALL_VARIABLES) <= set(theme.variables), path.name


def test_broken_theme_files_are_refused_with_the_file_and_fault(tmp_path):
    bad = tmp_path / "bad.toml"
    for text, words in [
        ("name = 'bad'\nprimary = 'not-a-colour'", "'primary' is not a colour"),
        ("name = 'bad'\nprimary = '#000000'\nbogus = 1", "unknown key 'bogus'"),
        ("name = [", "not valid TOML"),
        ("name = 'bad'\n", "'primary' is missing"),
    ]:
        bad.write_text(text)
        with pytest.raises(ThemeFileError) as refused:
            load_theme_file(bad)
        assert "bad.toml" in str(refused.value) and words in str(refused.value)


class ThemedApp(App):
    def __init__(self, folder: Path):
        super().__init__()
        self.folder = folder
        register_themes(self, folder)
        self.theme = "hall"

    def get_theme_variable_defaults(self):
        return theme_variable_defaults()

    def on_mount(self):
        self.watch = watch_themes(self, self.folder)


async def test_an_edited_theme_takes_effect_and_a_broken_one_is_refused(tmp_path):
    import time

    for path in THEMES_DIR.glob("*.toml"):
        shutil.copy(path, tmp_path / path.name)
    app = ThemedApp(tmp_path)
    async with app.run_test(notifications=True) as pilot:
        await pilot.pause(0.3)
        assert app.get_css_variables()["hall-action"].upper() == "#9A0E25"
        hall = tmp_path / "hall.toml"
        hall.write_text(hall.read_text().replace('hall-action = "#9A0E25"', 'hall-action = "#123456"'))
        started = time.monotonic()
        while app.get_css_variables()["hall-action"].upper() != "#123456":
            assert time.monotonic() - started < 2.0, "the edit did not take effect within 2 s"
            await pilot.pause(0.05)
        hall.write_text("name = 'hall'\nprimary = 'nonsense'\n")
        started = time.monotonic()
        while not any("hall.toml" in n.message for n in app._notifications):
            assert time.monotonic() - started < 2.0, "no notification about the broken file"
            await pilot.pause(0.05)
        assert app.get_css_variables()["hall-action"].upper() == "#123456"  # the old look stays
        app.watch.stop()
