"""Words residents read: English counts in the singular for one, and a season's
date says its year unless it is soon ahead this year."""

from __future__ import annotations

from datetime import date, datetime

from kiosk import queries
from kiosk.notice import material_line
from kiosk.status import status_text
from models import clock
from tests.conftest import SHANGHAI


def test_one_photocopy_one_photo():
    one = {"name": "ID card", "name_en": "ID card", "original": True, "copies": 1, "photos": 1}
    assert material_line(one, "en") == "ID card (original, 1 photocopy, 1 photo)"
    two = dict(one, copies=2, photos=2)
    assert material_line(two, "en") == "ID card (original, 2 photocopies, 2 photos)"
    assert material_line(one, "zh") == "ID card（原件、复印件 1 份、照片 1 张）"


def test_no_english_notice_says_1_photocopies(hall):
    from models.schema import Item

    for item in Item.select():
        for material in item.data.get("materials") or []:
            line = material_line(material, "en")
            assert "1 photocopies" not in line and "1 photos" not in line, (item.code, line)


def test_a_season_in_another_year_says_its_year(hall):
    clock.set_now(datetime(2027, 1, 8, 10, 0, tzinfo=SHANGHAI))
    info = queries.item(hall, "retiree-pension-cert")
    assert info.status.kind == "season" and info.status.opens == date(2027, 11, 15)
    assert status_text(info.status)[0] == "2027年11月15日起办理"  # outside an app: the default, Chinese
    clock.set_now(datetime(2026, 10, 8, 10, 0, tzinfo=SHANGHAI))  # five weeks ahead
    info = queries.item(hall, "retiree-pension-cert")
    assert status_text(info.status)[0] == "11月15日起办理"


def test_each_case_kind_has_a_plain_explanation_in_both_languages():
    from models.i18n import t

    for kind in ("consultation", "immediate", "promised", "supplement", "returned", "escalated", "petition"):
        for lang in ("zh", "en"):
            words = t(f"kiosk.explain_{kind}", lang)
            assert words and "kiosk.explain" not in words and "\n" not in words


def test_a_served_ticket_is_not_called_done_above_a_case_in_progress():
    from kiosk.screens.track_result import view_text

    view = {
        "tracking_code": "7K3M-9QXT-001A",
        "item": {"name": "户口迁入", "name_en": "Moving a household registration in"},
        "ticket": {"number": "C001", "state": "done"},
        "cases": [{"number": "2026-0001", "kind": "promised", "state": "in_progress", "item": {"name": "户口迁入"}}],
    }
    words = view_text(view, "zh").plain
    assert "号码 C001：已办结" not in words and "窗口已接待" in words
    assert "承诺件：材料已收齐" in words


async def test_the_five_rating_levels_are_separated(hall, monkeypatch):
    import models.staff.accounts as staff_module
    from models.cases.public_view import public_view
    from tests.kiosk.conftest import make_kiosk, on_screen
    from tests.kiosk.test_double_taps import finished_case

    monkeypatch.setattr(staff_module, "_N", 2**4)
    receipt = finished_case(hall)
    view = public_view(hall.config, receipt.tracking_code)
    app = make_kiosk(hall, "zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await on_screen(pilot, "HomeScreen")
        app._rate(view)
        await on_screen(pilot, "RateScreen")
        await pilot.pause(0.2)
        for button in app.screen.query(".level"):
            edge, face = button.styles.border_bottom[1], button.styles.background
            assert edge != face  # a line between one level and the next
            assert button.region.height >= 3


def test_the_pension_check_has_the_seeds_late_path(hall):
    """Seed 001: who missed 11月15日-12月31日 is checked by the 逾期 route, offered for the rest of the year."""
    clock.set_now(datetime(2027, 1, 8, 10, 0, tzinfo=SHANGHAI))
    late = queries.item(hall, "retiree-pension-cert-late")
    assert late.status.can_take and "逾期" in late.name
    assert any("签名认证并加盖公章" in note for note in late.data["notes"])
    assert hall.queue.take("retiree-pension-cert-late").line == "laobao"
    clock.set_now(datetime(2026, 11, 23, 10, 0, tzinfo=SHANGHAI))  # in the yearly period: the usual check
    assert queries.item(hall, "retiree-pension-cert").status.can_take
    late = queries.item(hall, "retiree-pension-cert-late")
    assert late.status.kind == "season" and late.status.opens == date(2027, 1, 1)
