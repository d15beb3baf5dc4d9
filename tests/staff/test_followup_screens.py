"""The leader's 差评 loop at the terminal, at 80×24 in Chinese and English: the ledger's mark and
filter, the list of what is due, and the loop's next steps on a few keys."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from textual.widgets import Input, Select

from models.cases import Cases
from models.cases.bad_ratings import BadRatings
from models.cases.ratings import rate_by_code
from staff_tui.widgets.keyed_table import KeyedTable
from tests.staff.helpers import PIN, make_app, screen_text, shift_for, wait_for
from tests.staff.test_ledger import mark, open_ledger, reload_done, rows

WORDS = {
    "zh": {
        "mark": "差评",
        "assign": "待指派核实",
        "call": "待回访",
        "tell": "待反馈群众",
        "done": "已办结",
        "late": "回访超期",
    },
    "en": {
        "mark": "POOR",
        "assign": "To assign",
        "call": "To call back",
        "tell": "To feed back",
        "done": "Done",
        "late": "call late",
    },
}


def poor_and_fine(hall) -> tuple[str, str]:
    cases = Cases(hall.config)
    poor = cases.open_case(staff="S05", item="party-consult", window=3, result="已答复")
    rate_by_code(hall.config, poor.tracking_code, poor.number, "very_unsatisfied", ["attitude"], channel="kiosk")
    fine = cases.open_case(staff="S05", item="party-consult", window=3, result="已答复")
    rate_by_code(hall.config, fine.tracking_code, fine.number, "satisfied", channel="kiosk")
    return poor.number, fine.number


def _shot(app, name: str) -> None:
    """A picture for a person to look at, when asked for (HALL_SHOTS=folder)."""
    folder = os.environ.get("HALL_SHOTS")
    if folder:
        Path(folder, f"{name}.svg").write_text(app.export_screenshot(), encoding="utf-8")


async def _save(pilot, dialog_name: str = "followup-step") -> None:
    app = pilot.app
    await pilot.press("ctrl+s")
    await wait_for(pilot, lambda: app.screen.name != dialog_name, what="the step saved")


@pytest.mark.parametrize("language", ["zh", "en"])
async def test_the_leader_follows_a_poor_rating_from_the_ledger_at_80x24(staffed, language):
    from models.staff import add_staff

    add_staff("L02", "赵书记", PIN, role="leader")
    poor, fine = poor_and_fine(staffed)
    words = WORDS[language]
    app = make_app(staffed, shift=shift_for("L01", 3), language=language, live=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_ledger(pilot, app)
        screen = app.screen
        assert set(rows(app)) == {poor, fine}
        assert mark(app, poor) == words["mark"] and mark(app, fine) == ""
        _shot(app, f"ledger-{language}")
        token = screen._token
        await pilot.press("b")  # the 差评 filter: open loops only
        await reload_done(pilot, app, token)
        assert rows(app) == [poor]

        await pilot.press("g")
        await wait_for(pilot, lambda: app.screen.name == "followups" and app.screen.rows is not None, what="list")
        assert list(app.screen.query_one("#loops", KeyedTable)._order) == [poor]
        assert words["assign"] in screen_text(app)
        _shot(app, f"followups-{language}")
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen.name == "followup" and app.screen.answer is not None, what="loop")
        loop = app.screen
        assert loop.allowed == ["assign"]  # a leader assigns; he verifies nothing nobody gave him
        assert words["assign"] in screen_text(app)
        _shot(app, f"followup-assign-{language}")

        await pilot.press("a")
        await wait_for(pilot, lambda: app.screen.name == "followup-step", what="assign dialog")
        assert app.screen.query_one("#f-to", Select).value == "S05"  # 谁办理谁负责
        _shot(app, f"followup-assign-dialog-{language}")
        await _save(pilot)
        await wait_for(pilot, lambda: loop.answer.view["stage"] == "call", what="assigned")
        assert loop.allowed == ["assign"]  # the call-back is S05's to record
        assert words["call"] in screen_text(app)

        loops = BadRatings(staffed.config)  # S05, at their own terminal
        loops.call(poor, "S05", reached=True, note="已联系")
        loops.classify(poor, "S05", "malicious", "与办件无关")
        loops.appeal(poor, "S05", "群众承认是发泄")
        loop.load()
        await wait_for(pilot, lambda: loop.answer.view["stage"] == "appeal", what="appeal")
        assert loop.allowed == ["decide"]
        await pilot.press("d")
        await wait_for(pilot, lambda: app.screen.name == "followup-step", what="decide dialog")
        dialog = app.screen
        dialog.query_one("#f-decision", Select).value = "upheld"
        dialog.query_one("#f-note", Input).value = "经复核属恶意差评"
        _shot(app, f"followup-decide-dialog-{language}")
        await _save(pilot)
        await wait_for(pilot, lambda: loop.answer.view["stage"] == "tell", what="decided")
        assert words["tell"] in screen_text(app)
        await pilot.press("t")
        await wait_for(pilot, lambda: app.screen.name == "followup-step", what="tell dialog")
        app.screen.query_one("#f-note", Input).value = "已电话告知复核结果"
        await _save(pilot)
        await wait_for(pilot, lambda: loop.answer.view["stage"] == "done", what="told")
        assert loop.allowed == [] and words["done"] in screen_text(app)
        _shot(app, f"followup-done-{language}")


async def test_an_appeal_of_the_leaders_own_is_not_his_to_decide(staffed):
    from models.staff import add_staff

    add_staff("L02", "赵书记", PIN, role="leader")
    poor, _fine = poor_and_fine(staffed)
    loops = BadRatings(staffed.config)
    loops.call(poor, "L01", reached=True)
    loops.classify(poor, "L01", "mistaken")
    loops.appeal(poor, "L01", "群众点错")
    app = make_app(staffed, shift=shift_for("L01", 3), live=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.screen.name == "queue")
        from staff_tui.screens.followup import FollowupScreen

        app.push_screen(FollowupScreen(poor))
        await wait_for(pilot, lambda: app.screen.name == "followup" and app.screen.answer is not None, what="loop")
        assert app.screen.allowed == []
        await pilot.press("d")
        await pilot.pause(0.1)
        assert app.screen.name == "followup"  # the key does nothing


@pytest.mark.parametrize("language", ["zh", "en"])
async def test_what_is_late_is_marked_in_words_at_80x24(staffed, language):
    from models import clock
    from tests.staff.helpers import MORNING

    poor, _fine = poor_and_fine(staffed)
    clock.set_now(MORNING.replace(day=25))  # the call-back was due on the 24th
    app = make_app(staffed, shift=shift_for("L01", 3), language=language, live=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.screen.name == "queue")
        from staff_tui.screens.followups import FollowupsScreen

        app.push_screen(FollowupsScreen())
        await wait_for(pilot, lambda: app.screen.name == "followups" and app.screen.rows is not None, what="list")
        table = app.screen.query_one("#loops", KeyedTable)
        assert str(table.get_row(poor)[0]) == "!!" + WORDS[language]["late"]
        assert "!!" + WORDS[language]["late"].split()[0] in screen_text(app)
        assert table.max_scroll_x == 0  # the columns fit 80 cells
        _shot(app, f"followups-late-{language}")
