"""Tracking a visit by its code (keypad or scanner) and rating a finished case."""

from __future__ import annotations

import pytest

from models.queue import tracking
from shared_ui.words import tr
from tests.kiosk.conftest import SIZES, make_kiosk, on_screen, screen_text, tap, type_code, wait_for

COMBOS = [pytest.param("small", "zh", id="80x24-zh"), pytest.param("kiosk", "en", id="120x40-en")]


def take(hall, item="baby-hukou"):
    return hall.queue.take(item)


@pytest.mark.parametrize("size,lang", COMBOS)
async def test_keypad_code_shows_the_public_view(hall, size, lang):
    take(hall)
    receipt = take(hall)
    app = make_kiosk(hall, lang)
    async with app.run_test(size=SIZES[size]) as pilot:
        await tap(pilot, "#track")
        await on_screen(pilot, "TrackScreen")
        await type_code(pilot, receipt.tracking_code)
        assert receipt.tracking_code in screen_text(app)
        await tap(pilot, "#search")
        await on_screen(pilot, "TrackResultScreen")
        words = screen_text(app)
        assert receipt.number in words
        assert tr("ticket.state_waiting") in words
        assert tr("kiosk.result_ahead", ahead=1) in words


@pytest.mark.parametrize("text", ["url", "bare-lower"])
async def test_a_scanner_typing_the_qr_text_and_enter_works(hall, text):
    receipt = take(hall)
    code = receipt.tracking_code
    typed = (
        tracking.url_for(tracking.normalise(code), "https://hall.example.cn/t/{code}")
        if text == "url"
        else code.replace("-", "").lower()
    )
    app = make_kiosk(hall, "zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await on_screen(pilot, "HomeScreen")  # scanned at home: straight to the answer
        await pilot.press(*typed, "enter")
        await on_screen(pilot, "TrackResultScreen")
        assert receipt.number in screen_text(app)


async def test_wrong_codes_are_answered_kindly_then_paused(hall):
    app = make_kiosk(hall, "zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await tap(pilot, "#track")
        await on_screen(pilot, "TrackScreen")
        await pilot.press(*"1234", "enter")
        await wait_for(pilot, lambda: "有误，请核对后重新输入" in screen_text(app))
        wrong = "ABCD-EFGH-JKM0"
        for _ in range(5):  # the same wrong code five times: that code pauses
            await tap(pilot, "#key-clear")
            await pilot.press(*wrong, "enter")
            await wait_for(pilot, lambda: not app.screen.busy)
        await pilot.press("enter")
        await wait_for(pilot, lambda: "请稍候 30 秒再试" in screen_text(app) or "请稍候 29 秒再试" in screen_text(app))
        good = take(hall)  # the next resident, with a right code: not locked out
        await tap(pilot, "#key-clear")
        await pilot.press(*good.tracking_code, "enter")
        await on_screen(pilot, "TrackResultScreen")


def finished_case(hall):
    """A ticket served at window 6 with a finished consultation case."""
    import models.staff.accounts as staff_module
    from models.cases import Cases

    staff_module._N = 2**4
    staff_module.add_staff("S05", "陈静", "1234", role="staff", posts=[(6, "A")])
    receipt = hall.queue.take("party-consult")
    hall.queue.call_next(6, "S05")
    hall.queue.start(receipt.number, 6)
    hall.queue.finish(receipt.number, 6)
    facts = Cases(hall.config).open_case(staff="S05", ticket=receipt.number, result="已答复")
    return receipt, facts


@pytest.mark.parametrize("size,lang", COMBOS)
async def test_rate_a_finished_case_once(hall, size, lang, monkeypatch):
    import models.staff.accounts as staff_module

    monkeypatch.setattr(staff_module, "_N", 2**4)
    from models.schema.cases import CaseRating

    receipt, facts = finished_case(hall)
    app = make_kiosk(hall, lang)
    async with app.run_test(size=SIZES[size]) as pilot:
        await tap(pilot, "#rate")
        await on_screen(pilot, "TrackScreen")
        await pilot.press(*receipt.tracking_code, "enter")
        await on_screen(pilot, "RateScreen")
        assert facts.number in screen_text(app)
        # The visit and its case may both be rated: the resident chooses the case.
        assert app.screen.query(f"#visit-{receipt.number}")
        await tap(pilot, f"#case-{facts.number}")
        await wait_for(pilot, lambda: app.screen.query("#level-very_satisfied"))
        for level in ("very_satisfied", "satisfied", "basic", "unsatisfied", "very_unsatisfied"):
            button = app.screen.query_one(f"#level-{level}")
            assert button.region.height >= 3 and button.region.width >= 12
        await tap(pilot, "#level-unsatisfied")  # a 差评: what was wrong, from the classified list
        await wait_for(pilot, lambda: app.screen.query("#tag-attitude"))
        assert not app.screen.query("#tag-warm")  # the old tags are no longer offered
        await tap(pilot, "#tag-efficiency")
        await tap(pilot, "#tag-process")
        await pilot.pause(0.25)  # a button ignores taps during its 0.2 s press effect
        await tap(pilot, "#tag-process")  # ticked twice: off again
        await tap(pilot, "#send")
        await wait_for(pilot, lambda: getattr(app.screen, "step", "") == "done")
        assert tr("kiosk.rate_thanks") in screen_text(app)
        rating = CaseRating.get()
        assert rating.level == "unsatisfied" and rating.tags == ["efficiency"] and rating.channel == "kiosk"
        # a second visit: already rated
        await tap(pilot, "#home")
        await tap(pilot, "#rate")
        await on_screen(pilot, "TrackScreen")
        await pilot.press(*receipt.tracking_code, "enter")
        await on_screen(pilot, "RateScreen")
        # the case is rated: the visit alone is left, its five levels at once
        await wait_for(pilot, lambda: app.screen.query("#level-very_satisfied"))
        assert tr("kiosk.rate_visit", ticket=receipt.number) in screen_text(app)
        assert not app.screen.query(f"#case-{facts.number}")
    assert CaseRating.select().count() == 1


async def test_track_result_lists_the_cases(hall, monkeypatch):
    import models.staff.accounts as staff_module

    monkeypatch.setattr(staff_module, "_N", 2**4)
    receipt, facts = finished_case(hall)
    app = make_kiosk(hall, "zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await tap(pilot, "#track")
        await on_screen(pilot, "TrackScreen")
        await pilot.press(*receipt.tracking_code, "enter")
        await on_screen(pilot, "TrackResultScreen")
        words = screen_text(app)
        assert facts.number in words and "已答复" in words
        assert "陈静" not in words  # never a name
        assert app.screen.query("#rate-case")


async def test_the_same_key_tapped_twice_quickly_counts_twice(hall):
    app = make_kiosk(hall, "zh")
    async with app.run_test(size=SIZES["small"]) as pilot:
        await tap(pilot, "#track")
        await on_screen(pilot, "TrackScreen")
        app.tap_guard.settle()  # the resident has looked at the keypad
        for _ in range(3):
            await pilot.click("#key-7")  # no pause: a finger tapping fast
        await pilot.pause()
        assert "777" in screen_text(app)


async def test_a_good_level_is_sent_at_once(hall, monkeypatch):
    import models.staff.accounts as staff_module

    monkeypatch.setattr(staff_module, "_N", 2**4)
    from models.schema.cases import CaseRating

    receipt, facts = finished_case(hall)
    app = make_kiosk(hall, "zh")
    async with app.run_test(size=SIZES["small"]) as pilot:
        await tap(pilot, "#rate")
        await on_screen(pilot, "TrackScreen")
        await pilot.press(*receipt.tracking_code, "enter")
        await on_screen(pilot, "RateScreen")
        await tap(pilot, f"#case-{facts.number}")
        await wait_for(pilot, lambda: app.screen.query("#level-very_satisfied"))
        await tap(pilot, "#level-very_satisfied")
        await wait_for(pilot, lambda: getattr(app.screen, "step", "") == "done")
    rating = CaseRating.get()
    assert (rating.level, rating.tags, rating.channel) == ("very_satisfied", [], "kiosk")
