"""The README's screenshots: each app's own ``export_screenshot()`` on the demo hall.

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots] [--size 120x40] [--png]
    .venv/bin/python scripts/screenshots.py --kiosk [--large] --size 80x24 --png --out /tmp/shots

Builds the demo hall (``make_demo`` and this morning's history) in a
temporary directory with the clock frozen at 11:30 on a Monday, then drives
each app headless (Textual's Pilot) and saves an SVG per picture: kiosk
home, kiosk ticket, board, staff queue, ledger, whereabouts board (and duty
and reports). ``--kiosk`` shoots every kiosk screen instead, on the way to
a ticket and to a case's progress (``--large``: in 大字 mode), each file
named ``kiosk-<screen>``. ``--png`` also writes PNGs (cairosvg, with a CJK font
substituted if one is installed) for looking at them.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import sys
import tempfile
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FROZEN = datetime(2026, 11, 23, 11, 30, tzinfo=ZoneInfo("Asia/Shanghai"))  # a Monday morning


def build(directory: Path):
    from models import clock
    from models.config import Config, TicketsConfig
    from models.hall import open_hall
    from models.maintenance.demo import make_demo
    from models.maintenance.demo_history import make_demo_history
    from models.queue import tracking

    clock.set_now(FROZEN)
    counter = itertools.count(1)

    def new_code() -> str:  # the same tracking codes every run
        data = f"7K3M9QXT{next(counter):03d}"
        return data + tracking._check_symbol(data)

    tracking.new_code = new_code
    config = replace(Config(), database=f"sqlite:///{directory / 'demo.db'}", tickets=TicketsConfig(always_open=True))
    hall = open_hall(config, create=True)
    make_demo(hall)
    make_demo_history(hall)
    return hall


async def wait(pilot, test, timeout: float = 10.0) -> None:
    for _ in range(int(timeout / 0.05)):
        try:
            if test():
                break
        except Exception:
            pass
        await pilot.pause(0.05)
    await pilot.pause(0.3)


async def shoot(hall, out: Path, size: tuple[int, int], language: str) -> list[Path]:
    from textual.widgets import Input

    from kiosk.app import KioskApp
    from kiosk.board_app import BoardApp
    from kiosk.widgets.paged import PagedTiles
    from models.maintenance.demo import DEMO_PIN
    from models.staff.signin import sign_in, start_shift
    from staff_tui.app import StaffApp

    saved: list[Path] = []

    def save(app, name: str) -> None:
        for field in app.screen.query(Input):
            field.cursor_blink = False
        path = out / f"{name}.svg"
        path.write_text(app.export_screenshot(title=name), encoding="utf-8")
        saved.append(path)

    kiosk = KioskApp(hall, language=language, live=False, watch_theme_files=False)
    async with kiosk.run_test(size=size) as pilot:
        await wait(pilot, lambda: type(kiosk.screen).__name__ == "HomeScreen")
        save(kiosk, "kiosk-home")
        kiosk.tap_guard.settle()
        await pilot.click("#take")
        await wait(pilot, lambda: type(kiosk.screen).__name__ == "LinesScreen")
        for tile in ("line-jisheng", "item-baby-hukou"):
            tiles = kiosk.screen.query_one(PagedTiles)
            await wait(pilot, lambda tiles=tiles: tiles.entries and tiles.per_page)
            tiles.show_entry(tile)
            await pilot.pause(0.1)
            kiosk.tap_guard.settle()
            await pilot.click(f"#{tile}")
            await pilot.pause(0.3)
        await wait(pilot, lambda: type(kiosk.screen).__name__ == "ItemDetailScreen" and kiosk.screen.info)
        kiosk.tap_guard.settle()
        await pilot.click("#take-ticket")  # 请确认已带齐以下材料
        await wait(pilot, lambda: type(kiosk.screen).__name__ == "PriorityScreen")
        kiosk.tap_guard.settle()
        await pilot.click("#normal")
        await wait(pilot, lambda: type(kiosk.screen).__name__ == "TicketScreen")
        save(kiosk, "kiosk-ticket")

    kiosk = KioskApp(hall, language=language, live=False, watch_theme_files=False)
    async with kiosk.run_test(size=size) as pilot:
        # Finding an item without its line: 常办事项, and the first characters of the names.
        await wait(pilot, lambda: type(kiosk.screen).__name__ == "HomeScreen")
        kiosk.tap_guard.settle()
        await pilot.click("#take")
        await wait(
            pilot, lambda: type(kiosk.screen).__name__ == "LinesScreen" and kiosk.screen.query_one(PagedTiles).entries
        )
        save(kiosk, "kiosk-lines")
        for tile, name, shown in (
            ("find-popular", "kiosk-popular", "ItemsScreen"),
            ("find-first", "kiosk-first-characters", "HeadsScreen"),
        ):
            kiosk.tap_guard.settle()
            await pilot.click(f"#{tile}")
            await wait(
                pilot,
                lambda shown=shown: type(kiosk.screen).__name__ == shown and kiosk.screen.query(".tile, .head"),
            )
            save(kiosk, name)
            kiosk.tap_guard.settle()
            await pilot.click("#back")
            await wait(
                pilot,
                lambda: type(kiosk.screen).__name__ == "LinesScreen" and kiosk.screen.query_one(PagedTiles).entries,
            )
        kiosk.tap_guard.settle()
        await pilot.click("#find-first")
        await wait(pilot, lambda: type(kiosk.screen).__name__ == "HeadsScreen" and kiosk.screen.query(".head"))
        kiosk.tap_guard.settle()
        await pilot.click("#head-0")
        await wait(
            pilot,
            lambda: (
                type(kiosk.screen).__name__ == "ItemsScreen"
                and kiosk.screen.line_code != "@first"
                and kiosk.screen.query_one(PagedTiles).entries
            ),
        )
        save(kiosk, "kiosk-first-character-items")

    board = BoardApp(hall, language=language, live=False, watch_theme_files=False)
    async with board.run_test(size=size) as pilot:
        await pilot.pause(1.0)
        save(board, "board")

    with hall.db.connection_context():
        info, choices = sign_in(hall.config, "S01", DEMO_PIN, terminal="screenshots")
    shift = start_shift(info, 1, choices)
    staff = StaffApp(
        replace(hall.config, language=language),
        hall=hall,
        shift=shift,
        watch_theme=False,
        live=False,
        terminal="screenshots",
    )
    async with staff.run_test(size=size) as pilot:
        await wait(pilot, lambda: staff.screen.name == "queue" and staff.screen.picture is not None)
        await pilot.press("f2")  # call the ticket just taken at the kiosk
        await wait(pilot, lambda: staff.screen.picture is not None and staff.screen.picture.serving is not None)
        save(staff, "staff-queue")
        await pilot.press("f9")
        await wait(pilot, lambda: staff.screen.name == "ledger" and staff.screen.answer is not None)
        save(staff, "staff-ledger")
        for key, name in (("ctrl+g", "whereabouts"), ("ctrl+o", "duty"), ("ctrl+r", "reports")):
            await pilot.press(key)
            await wait(pilot, lambda name=name: staff.screen.name == name and staff.screen.data is not None)
            save(staff, f"staff-{name}")

    with hall.db.connection_context():
        hall.queue.take("rural-dibao", priority=True)  # someone waiting, so the alerts have something to say
        info, choices = sign_in(hall.config, "L01", DEMO_PIN, terminal="screenshots")
    leader = StaffApp(
        replace(hall.config, language=language),
        hall=hall,
        shift=start_shift(info, 2, choices),
        watch_theme=False,
        live=False,
        terminal="screenshots",
    )
    async with leader.run_test(size=size) as pilot:
        await wait(pilot, lambda: leader.screen.name == "queue" and leader.screen.picture is not None)
        await pilot.press("f11")
        await wait(pilot, lambda: leader.screen.name == "supervisor" and leader.screen.view is not None)
        save(leader, "staff-supervisor")
    return saved


async def shoot_kiosk(hall, out: Path, size: tuple[int, int], language: str, large: bool) -> list[Path]:
    """Every kiosk screen once: home, the lines, the first characters, an item's notice, the
    priority question, the ticket, the tracking code, what a case's code shows, the rating."""
    from kiosk.app import KioskApp
    from kiosk.widgets.paged import PagedTiles
    from models.schema.cases import CaseState

    saved: list[Path] = []
    kiosk = KioskApp(hall, language=language, live=False, watch_theme_files=False)
    suffix = "-large" if large else ""

    def save(name: str) -> None:
        path = out / f"kiosk-{name}{suffix}.svg"
        path.write_text(kiosk.export_screenshot(title=name), encoding="utf-8")
        saved.append(path)

    def on(name: str):
        return lambda: type(kiosk.screen).__name__ == name

    async def tap(selector: str) -> None:
        await pilot.pause(0.1)
        kiosk.tap_guard.settle()
        await pilot.click(selector)

    async def tap_tile(tile: str) -> None:
        tiles = kiosk.screen.query_one(PagedTiles)
        await wait(pilot, lambda: any(entry.id == tile for entry in tiles.entries) and tiles.per_page)
        tiles.show_entry(tile)
        await wait(pilot, lambda: kiosk.screen.query(f"#{tile}"))
        await tap(f"#{tile}")

    def tiles_shown() -> bool:
        return bool(kiosk.screen.query(PagedTiles) and kiosk.screen.query_one(PagedTiles).children)

    with hall.db.connection_context():
        case = CaseState.select().where(CaseState.is_open).order_by(CaseState.case.desc()).first()
    async with kiosk.run_test(size=size) as pilot:
        await wait(pilot, on("HomeScreen"))
        if large:  # as a resident turns it on: the toggle, and home drawn anew
            await tap("#large")
        await wait(pilot, lambda: kiosk.has_class("-large") == large and kiosk.screen.query("#take"))
        save("home")
        await tap("#take")
        await wait(pilot, lambda: on("LinesScreen")() and tiles_shown())
        save("lines")
        await tap_tile("find-first")
        await wait(pilot, lambda: on("HeadsScreen")() and kiosk.screen.query(".head"))
        save("first-characters")
        await tap("#back")
        await wait(pilot, lambda: on("LinesScreen")() and tiles_shown())
        await tap_tile("line-jisheng")
        await wait(pilot, lambda: on("ItemsScreen")() and tiles_shown())
        save("items")
        await tap_tile("item-baby-hukou")
        await wait(pilot, lambda: on("ItemDetailScreen")() and kiosk.screen.info)
        save("notice")
        await tap("#take-ticket")
        await wait(pilot, on("PriorityScreen"))
        save("priority")
        await tap("#normal")
        await wait(pilot, on("TicketScreen"))
        save("ticket")
        await tap("#done")
        await wait(pilot, on("HomeScreen"))
        await tap("#track")
        await wait(pilot, on("TrackScreen"))
        for key in case.tracking_code[:5] if case else "7K3M9":
            kiosk.screen.query_one("Keypad").show_symbol(key)
            await tap(f"#key-{key}")
        save("track")
        kiosk.screen.code = case.tracking_code if case else ""
        await tap("#search")
        await wait(pilot, on("TrackResultScreen"))
        save("track-result")
    return saved


_BLOCKS = {"▀": (0.0, 0.5), "▄": (0.5, 0.5), "█": (0.0, 1.0)}


def blocks_as_rects(svg: str) -> str:
    """Runs of half and full blocks (big glyphs, QR codes) as the rectangles a terminal draws:
    the CJK font the PNG is drawn with has no block elements, and drew them as little boxes."""
    import re

    lines = {
        name: (float(y), float(height))
        for name, y, height in re.findall(
            r'<clipPath id="([^"]+)">\s*<rect x="[^"]*" y="([^"]+)" width="[^"]*" height="([^"]+)"/>', svg
        )
    }

    def rects(match: re.Match) -> str:
        css, x, length, clip, run = match.groups()
        run = run.replace("&#160;", " ")
        if clip not in lines:
            return match.group(0)
        top, height = lines[clip]
        cell = float(length) / len(run)
        out = []
        for index, ch in enumerate(run):
            if ch in _BLOCKS:
                start, part = _BLOCKS[ch]
                out.append(
                    f'<rect class="{css}" x="{float(x) + index * cell:.2f}" y="{top + start * height:.2f}" '
                    f'width="{cell + 0.3:.2f}" height="{part * height + 0.3:.2f}"/>'
                )
        return "".join(out)

    return re.sub(
        r'<text class="([^"]+)" x="([^"]+)" y="[^"]+" textLength="([^"]+)" clip-path="url\(#([^)]+)\)">((?:[ ▀▄█]|&#160;)+)</text>',
        rects,
        svg,
    )


def to_png(svg: Path) -> Path:
    import cairosvg

    text = blocks_as_rects(svg.read_text(encoding="utf-8"))
    # cairo does not fall back per glyph: name a CJK monospace font first (whichever is installed is used).
    text = text.replace(
        "Fira Code, monospace", "WenQuanYi Micro Hei Mono, Noto Sans Mono CJK SC, Sarasa Mono SC, monospace"
    )
    png = svg.with_suffix(".png")
    cairosvg.svg2png(bytestring=text.encode("utf-8"), write_to=str(png))
    return png


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--size", default="120x40")
    parser.add_argument("--lang", default="zh", choices=("zh", "en"))
    parser.add_argument("--kiosk", action="store_true", help="every kiosk screen instead of the README's pictures")
    parser.add_argument("--large", action="store_true", help="with --kiosk: in large mode (大字)")
    parser.add_argument("--png", action="store_true", help="also write PNGs next to the SVGs")
    args = parser.parse_args(argv)
    width, height = (int(x) for x in args.size.lower().split("x"))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        hall = build(Path(tmp))
        if args.kiosk:
            saved = asyncio.run(shoot_kiosk(hall, out, (width, height), args.lang, args.large))
        else:
            saved = asyncio.run(shoot(hall, out, (width, height), args.lang))
        hall.close()
    for path in saved:
        print(path)
        if args.png:
            print(to_png(path))
    return 0


if __name__ == "__main__":
    sys.exit(main())
