"""Contrast as drawn: every cell of text on every kiosk screen, in both themes (normal and
大字高对比), with buttons in their disabled and pressed states too, is at least 7:1
(WCAG AAA). The ratio is computed from the colours Textual actually composes."""

from __future__ import annotations

from dataclasses import replace

import pytest
from textual.color import Color

from kiosk.widgets.big_button import BigButton
from tests.kiosk.conftest import make_kiosk, on_screen, with_config
from tests.kiosk.test_double_taps import screens
from tests.kiosk.test_themes import ratio

MINIMUM = 7.0
ART = set("▀▄█▔▁▂▃▅▆▇▉▊▋▌▍▎▏▐ ")  # block glyphs of big numbers and the QR code: drawn, not read as text


def low_cells(app) -> dict[str, float]:
    """Text segments under the minimum: "fg on bg 'text'" → ratio."""
    low: dict[str, float] = {}
    for strip in app.screen._compositor.render_strips():
        for segment in strip:
            style = segment.style
            if style is None or not segment.text.strip() or set(segment.text) <= ART:
                continue
            if style.color is None or style.bgcolor is None:
                continue
            fg, bg = Color.from_rich_color(style.color), Color.from_rich_color(style.bgcolor)
            if style.dim:
                fg = fg.blend(bg, 0.5)
            value = ratio(fg, bg)
            if value < MINIMUM:
                low[f"{fg.hex} on {bg.hex} {segment.text.strip()[:16]!r}"] = round(value, 2)
    return low


@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
async def test_every_text_on_every_screen_is_at_least_7_to_1(sqlite_hall, monkeypatch, large):
    import models.staff.accounts as staff_module

    monkeypatch.setattr(staff_module, "_N", 2**4)
    shows = screens(sqlite_hall)
    closed = with_config(sqlite_hall, tickets=replace(sqlite_hall.config.tickets, always_open=False))
    found: dict[str, float] = {}
    for hall, names in ((sqlite_hall, list(shows)), (closed, ["HomeScreen"])):  # closed: a disabled 取号办事
        app = make_kiosk(hall, "zh")
        async with app.run_test(size=(80, 24)) as pilot:
            await on_screen(pilot, "HomeScreen")
            app.large = large
            for name in names:
                shows[name](app)
                await on_screen(pilot, name)
                await pilot.pause(0.3)
                for where, ratio_ in low_cells(app).items():
                    found[f"{name}: {where}"] = ratio_
                buttons = [b for b in app.screen.query(BigButton) if b.display]
                for button in buttons:  # the pressed look, on each
                    button.add_class("-active")
                await pilot.pause()
                for where, ratio_ in low_cells(app).items():
                    found[f"{name} pressed: {where}"] = ratio_
                for button in buttons:
                    button.remove_class("-active")
            if hall is closed:
                continue
            app.last_touch -= 10_000  # 还需要更多时间吗？
            await on_screen(pilot, "MoreTimeScreen", timeout=3)
            await pilot.pause(0.3)
            for where, ratio_ in low_cells(app).items():
                found[f"MoreTimeScreen: {where}"] = ratio_
    assert found == {}, "\n".join(f"{v}: {k}" for k, v in sorted(found.items(), key=lambda kv: kv[1]))
