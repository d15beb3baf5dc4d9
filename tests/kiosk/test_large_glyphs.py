"""大字 mode draws headings and tile names in big glyphs (Unifont's bitmaps, 16 columns × 8 rows a
Chinese character) where they fit whole, and the normal words where they do not: never cut off."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.text import Text

from kiosk.widgets.heading import Heading, wrap_big
from kiosk.widgets.paged import PagedTiles, wrap_text
from kiosk.widgets.tile import Tile, big_label
from shared_ui import glyph_font
from tests.kiosk.conftest import make_kiosk, on_screen, screen_text, tap, tap_tile, wait_for

ROOT = Path(__file__).resolve().parents[2]
SIZES = [(80, 24), (100, 30), (120, 40), (200, 56)]
SIZE_IDS = ["80x24", "100x30", "120x40", "200x56"]


def gb2312_hanzi() -> list[str]:
    found = []
    for high in range(0xB0, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                found.append(bytes((high, low)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return found


def test_every_gb2312_character_and_the_chinese_words_have_a_glyph():
    hanzi = gb2312_hanzi()
    assert len(hanzi) == 6763 and glyph_font.has_glyphs("".join(hanzi))
    for path in (ROOT / "models" / "locales" / "zh").glob("*.toml"):
        words = {ch for ch in path.read_text(encoding="utf-8") if ch.isprintable() and ch not in "\t"}
        assert glyph_font.has_glyphs("".join(words)), path.name
    assert glyph_font.width("取号 A1") == 16 * 2 + 8 * 3
    assert glyph_font.glyph_rows("😀") is None


def test_a_glyph_is_sixteen_columns_by_eight_rows_of_half_blocks():
    rows = glyph_font.glyph_rows("取")
    assert rows is not None and len(rows) == glyph_font.ROWS == 8
    assert {len(row) for row in rows} == {16}
    assert set("".join(rows)) <= set(" ▀▄█") and "█" in "".join(rows)
    assert glyph_font.glyph_rows("取号") == tuple(a + b for a, b in zip(rows, glyph_font.glyph_rows("号"), strict=True))


def test_the_glyph_data_is_installed_with_the_package():
    import tomllib

    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["package-data"]
    assert "fonts/*.hex.gz" in data["shared_ui"] and "fonts/NOTICE" in data["shared_ui"]
    assert glyph_font.FONT_FILE.is_file() and (glyph_font.FONT_FILE.parent / "NOTICE").is_file()


def test_headings_break_at_the_dot_then_after_a_pause_then_anywhere():
    def fits(n):
        return lambda line: glyph_font.width(line) <= n * 16

    assert wrap_big("取号办事 · 请选择业务类别", fits(8)) == ["取号办事", "请选择业务类别"]
    assert wrap_big("您好！请点选您要办理的事情", fits(11)) == ["您好！", "请点选您要办理的事情"]
    assert wrap_big("请点选您要办理的事情", fits(4)) == ["请点选您", "要办理的", "事情"]
    assert wrap_big("Take a ticket · choose a line of work", fits(11)) == ["Take a ticket", "choose a line of work"]


async def test_the_glyphs_are_read_only_once_large_mode_needs_them(hall):
    glyph_font._font.cache_clear()
    app = make_kiosk(hall, "zh")
    async with app.run_test(size=(200, 56)) as pilot:
        await on_screen(pilot, "HomeScreen")
        await tap(pilot, "#take")
        await on_screen(pilot, "LinesScreen")
        await wait_for(pilot, lambda: app.screen.query(Tile))
        assert not glyph_font.loaded()  # normal mode at any size: no glyphs
        await tap(pilot, "#home")
        await on_screen(pilot, "HomeScreen")
        await tap(pilot, "#large")
        await wait_for(pilot, lambda: app.large and app.screen.query_one(Heading).big is not None)
        assert glyph_font.loaded()


async def large_home(pilot):
    app = pilot.app
    await on_screen(pilot, "HomeScreen")
    await tap(pilot, "#large")
    await wait_for(pilot, lambda: app.large and app.screen.query("#take"))
    await pilot.pause()


async def large_lines(pilot):
    await large_home(pilot)
    await tap(pilot, "#take")
    await on_screen(pilot, "LinesScreen")


def shown_big(heading: Heading, lines: list[str]) -> bool:
    expected = tuple(row for line in lines for row in glyph_font.glyph_rows(line))
    return heading.big == expected and heading.region.height >= len(expected)


async def test_the_home_heading_is_big_on_a_tv_in_chinese(hall):
    app = make_kiosk(hall, "zh")
    async with app.run_test(size=(200, 56)) as pilot:
        await large_home(pilot)
        heading = app.screen.query_one("#title", Heading)
        await wait_for(pilot, lambda: shown_big(heading, ["您好！", "请点选您要办理的事情"]))
        assert "-big" in heading.classes
        assert heading.render().plain.split("\n") == list(heading.big)
        assert "您好！请点选您要办理的事情" in screen_text(app)  # read (and spoken) as words
        assert app.screen.query_one("#take").region.height >= 9  # the four choices keep their room


async def test_an_english_heading_is_big_on_a_tv_where_it_fits(hall):
    app = make_kiosk(hall, "en")
    async with app.run_test(size=(200, 56)) as pilot:
        await large_home(pilot)
        home = app.screen.query_one(Heading)
        await wait_for(pilot, lambda: home.big is not None and len(home.big) == 16)  # two lines, at spaces
        await tap(pilot, "#take")
        await on_screen(pilot, "LinesScreen")
        heading = app.screen.query_one(Heading)
        await wait_for(pilot, lambda: shown_big(heading, ["Take a ticket", "choose a line of work"]))


@pytest.mark.parametrize("lang, words", [("zh", "办理进度"), ("en", "Progress")])
@pytest.mark.parametrize("size", [(120, 40), (200, 56)], ids=["120x40", "200x56"])
async def test_a_short_heading_is_big_at_120x40_and_on_a_tv(hall, size, lang, words):
    from models.cases.public_view import public_view

    receipt = hall.queue.take("baby-hukou")
    app = make_kiosk(hall, lang)
    async with app.run_test(size=size) as pilot:
        await large_home(pilot)
        app._track_result(public_view(hall.config, receipt.tracking_code))
        await on_screen(pilot, "TrackResultScreen")
        heading = app.screen.query_one(Heading)
        await wait_for(pilot, lambda: shown_big(heading, [words]))
        help_button = app.screen.query_one("#help")
        assert help_button.region.right <= size[0] and not heading.region.overlaps(help_button.region)


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_at_80x24_every_heading_is_the_normal_words(hall, lang):
    app = make_kiosk(hall, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await large_home(pilot)
        heading = app.screen.query_one(Heading)
        assert heading.big is None and "-big" not in heading.classes
        app.screen.set_heading("办理进度")
        await pilot.pause()
        assert heading.big is None and heading.render().plain == "办理进度"


async def test_a_character_without_a_glyph_keeps_the_normal_words(hall):
    app = make_kiosk(hall, "zh")
    async with app.run_test(size=(200, 56)) as pilot:
        await large_home(pilot)
        heading = app.screen.query_one(Heading)
        app.screen.set_heading("一次性告知 · 𠀋家")  # a character outside the glyph data
        await wait_for(pilot, lambda: heading.words.endswith("𠀋家"))
        await pilot.pause()
        assert heading.big is None and "𠀋家" in heading.render().plain


def every_heading(lang: str) -> list[str]:
    """Each screen's heading, with every line and item name of the catalogue where a heading names one."""
    import tomllib

    from models.catalogue import default_catalogue_path
    from models.i18n import pick, t

    catalogue = tomllib.loads(default_catalogue_path().read_text(encoding="utf-8"))
    lines = [pick(line["name"], line.get("name_en", ""), lang) for line in catalogue["line"]]
    items = [pick(item["name"], item.get("name_en", ""), lang) for item in catalogue["item"]]
    keys = ["welcome", "lines_title_take", "lines_title_guide", "notice_title", "confirm_title", "ticket_title"]
    keys += ["ticket_title_keep", "track_title_track", "track_title_rate", "result_title", "rate_title"]
    keys += ["find_first_keys", "choice_take", "item_gone"]
    fixed = [t(f"kiosk.{key}", lang) for key in keys]
    fixed += [t(f"kiosk_check_in.{key}", lang) for key in ("title", "done_title")]
    fixed += [t(f"kiosk_book.{key}", lang) for key in ("button", "done_title")]
    named = [t(f"kiosk.items_title_{mode}", lang, line=line) for mode in ("take", "guide") for line in lines]
    for item in items:
        named += [t("kiosk.notice_heading", lang, item=item), t("kiosk.confirm_heading", lang, item=item)]
        named += [t("kiosk.take_title", lang, item=item), t("kiosk_book.title", lang, item=item)]
    return fixed + named


def _letters(text: str) -> str:
    return "".join(ch for ch in text if not ch.isspace() and ch != "·")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
async def test_no_heading_of_any_screen_is_ever_cut_off(hall, size, lang):
    """Big or normal, every heading shows all its words inside its own region."""
    app = make_kiosk(hall, lang)
    async with app.run_test(size=size) as pilot:
        await large_lines(pilot)
        heading = app.screen.query_one(Heading)
        big = 0
        for words in every_heading(lang):
            app.screen.set_heading(words)
            await wait_for(pilot, lambda words=words: heading.words == words)
            await pilot.pause()
            width, height = heading.content_region.width, heading.content_region.height
            if heading.big is not None:
                big += 1
                assert size[1] >= 40, f"big glyphs on a low screen: {words}"
                assert len(heading.big) <= height and max(len(row) for row in heading.big) <= width, words
                lines = wrap_big(words, lambda line, width=width: glyph_font.width(line) <= width)
                assert _letters("".join(lines)) == _letters(words)
            else:
                lines = wrap_text(Text(words), width)
                assert len(lines) <= height, f"{words!r} cut off at {size}"
                assert "".join(line.plain for line in lines).replace(" ", "") == words.replace(" ", "")
        assert (big > 0) == (size[1] >= 40), big  # the short ones, big wherever the screen has the rows


async def test_a_tv_shows_fewer_bigger_tiles_with_the_names_in_glyphs(hall):
    app = make_kiosk(hall, "zh")
    async with app.run_test(size=(200, 56)) as pilot:
        await large_lines(pilot)
        tiles = app.screen.query_one(PagedTiles)
        await wait_for(pilot, lambda: tiles.big and app.screen.query("#line-jisheng"))
        assert tiles.per_page == 3  # a page of 7-row tiles held 4
        tile = app.screen.query_one("#line-jisheng", Tile)
        shown = tile.render().plain.split("\n")
        assert shown[:8] == list(glyph_font.glyph_rows(big_label(tile.title, "A")))
        assert shown[8] == tile.status
        assert tile.region.height == 11 and tile.region.width >= 190


async def test_a_name_too_long_for_glyphs_keeps_its_words(hall):
    app = make_kiosk(hall, "zh")
    async with app.run_test(size=(200, 56)) as pilot:
        await large_lines(pilot)
        await tap_tile(pilot, "line-jisheng")
        await on_screen(pilot, "ItemsScreen")
        tiles = app.screen.query_one(PagedTiles)
        await wait_for(pilot, lambda: tiles.big and tiles.entries)
        tiles.show_entry("item-reproductive-certs")
        await wait_for(pilot, lambda: app.screen.query("#item-reproductive-certs"))
        tile = app.screen.query_one("#item-reproductive-certs", Tile)
        shown = tile.render().plain
        assert shown.split("\n") == [tile.title, tile.status] and tile.region.height == 11  # the words, whole


@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
@pytest.mark.parametrize("size", [(120, 40), (200, 56)], ids=["120x40", "200x56"])
async def test_the_large_text_toggle_is_as_big_as_a_tile(hall, size, large):
    """As tall as a list's tile (the 7-row tile of 大字, or the 4-row one), a third of the row wide."""
    app = make_kiosk(hall, "zh")
    async with app.run_test(size=size) as pilot:
        if large:
            await large_home(pilot)
        await on_screen(pilot, "HomeScreen")
        toggle = app.screen.query_one("#large").region
        await tap(pilot, "#take")
        await on_screen(pilot, "LinesScreen")
        await wait_for(pilot, lambda: app.screen.query(Tile))
        tile = app.screen.query(Tile).first().region
        assert toggle.height >= min(tile.height, 7)
        assert toggle.width >= size[0] // 3 and toggle.width * toggle.height >= 4 * 40


async def test_home_choices_show_their_names_in_glyphs_on_a_tv(hall):
    from kiosk.widgets.choice import Choice

    app = make_kiosk(hall, "zh")
    async with app.run_test(size=(200, 56)) as pilot:
        choice = app.screen.query_one("#take", Choice)
        assert choice.big_rows() is None  # normal mode: the two lines of words
        await large_home(pilot)
        choice = app.screen.query_one("#take", Choice)
        await wait_for(pilot, lambda: choice.big_rows() is not None)
        shown = [line.strip() for line in choice.render().plain.split("\n")]
        assert shown[:8] == [row.strip() for row in glyph_font.glyph_rows("取号办事")]
        assert shown[-1] == "选择事项，领取排队号" and "取号办事" in screen_text(app)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
async def test_home_choices_keep_their_words_where_glyphs_do_not_fit(hall, size):
    from kiosk.widgets.choice import Choice

    app = make_kiosk(hall, "zh")
    async with app.run_test(size=size) as pilot:
        await large_home(pilot)
        for choice in app.screen.query(Choice):
            assert choice.big_rows() is None
            assert choice.render().plain == choice.words


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
async def test_a_heading_of_a_paragraph_ends_in_an_ellipsis_and_leaves_the_choices_in_view(hall, size):
    """An item name of a paragraph (stored by another program) takes at most a sixth of the screen."""
    from textual.widgets import Button

    app = make_kiosk(hall, "zh")
    async with app.run_test(size=size) as pilot:
        await large_lines(pilot)
        heading = app.screen.query_one(Heading)
        words = "很长的一行，" * 400
        app.screen.set_heading(words)
        await wait_for(pilot, lambda: heading.words == words)
        await pilot.pause()
        shown = heading.render().plain.split("\n")
        assert len(shown) == max(2, size[1] // 6) == heading.content_region.height
        assert shown[-1].endswith("…") and shown[0].startswith("很长的一行")
        for button in app.screen.query(Button):
            if button.display:
                assert button.region.bottom <= size[1], button.id
