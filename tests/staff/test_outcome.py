"""Finishing a visit: the outcome dialog for each kind of case, the resident's view,
the ledger afterwards, and a case's life in its detail screen."""

from __future__ import annotations

import pytest
from peewee import OperationalError
from textual.widgets import Input, Select, SelectionList

from models.schema import Ticket
from models.schema.cases import CaseState, ContactAccess
from staff_tui.widgets.case_form import CaseForm
from staff_tui.widgets.keyed_table import KeyedTable
from tests.staff.helpers import make_app, shift_for, take, text_of, wait_for

# kind → (what to fill in, words the resident's notice must hold)
KINDS = {
    "consultation": ({"result": "已告知低保申请条件"}, "咨询件受理通知书"),
    "immediate": ({"result": "已当场出具证明"}, "办结告知书"),
    "promised": ({"days": "5"}, "2026年11月30日前办结"),
    "supplement": ({"missing": 2, "other": "村委会证明"}, "村委会证明"),
    "returned": ({"reason": "不属于本社区办理范围"}, "不属于本社区办理范围"),
    "escalated": ({"authority": "区民政局"}, "区民政局"),
    "petition": ({}, "信访件受理回执"),
}


def form(app) -> CaseForm:
    return app.screen.query(CaseForm).last()


def fill(app, kind: str, values: dict) -> None:
    case = form(app)
    case.query_one("#kind", Select).value = kind
    for key, value in values.items():
        if key == "missing":
            materials = case.query_one("#missing", SelectionList)
            for index in range(value):
                materials.select(materials.get_option_at_index(index).value)
        else:
            case.query_one(f"#{key}", Input).value = value


async def call_and_open_outcome(pilot, app) -> str:
    await wait_for(pilot, lambda: app.screen.name == "queue" and app.screen.picture is not None)
    await pilot.press("f2")
    await wait_for(pilot, lambda: app.screen.picture.serving is not None, what="called")
    number = app.screen.picture.serving.number
    await pilot.press("f8")
    await wait_for(pilot, lambda: app.screen.query(CaseForm), what="outcome dialog")
    await pilot.pause()
    return number


def scanned(svg: str) -> list[str]:
    """What a QR scanner reads off a screenshot (SVG → PNG with cairosvg, read with zxing-cpp)."""
    import io

    import cairosvg
    import zxingcpp
    from PIL import Image

    png = cairosvg.svg2png(bytestring=svg.encode(), output_width=2000)
    return [result.text for result in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))]


def error(app) -> str:
    return text_of(app.screen.query_one("#error"))


async def resident_view(pilot, app) -> None:
    """Until the resident's view is shown with its notices (a pushed screen's widgets mount a moment later)."""
    await wait_for(
        pilot,
        lambda: app.screen.name == "resident" and app.screen.query(".notice-text"),
        what="resident view with its notices",
    )


@pytest.mark.parametrize("kind", list(KINDS))
async def test_finish_with_each_kind(staffed, kind):
    take(staffed, "rural-dibao")
    app = make_app(staffed, shift=shift_for("S05", 3))
    values, words = KINDS[kind]
    async with app.run_test(size=(80, 24)) as pilot:
        ticket = await call_and_open_outcome(pilot, app)
        fill(app, kind, values)
        await pilot.press("ctrl+s")
        await resident_view(pilot, app)
        notices = " ".join(text_of(w) for w in app.screen.query(".notice-text"))
        assert words in notices
        code = text_of(app.screen.query_one("#code-plain"))
        assert code.startswith("7K3M-9QXT-001")
        if kind == "promised":  # the QR on the screen is read back by a scanner
            assert scanned(app.export_screenshot()) == [code]
    assert Ticket.get(Ticket.number == ticket).status == "done"
    assert CaseState.get().kind == kind


async def test_an_escalated_case_takes_the_date_of_the_item_it_ends_up_with(staffed):
    """The form shows the item's authority date as a hint; changing the item changes the date saved."""
    from models.schema.cases import CaseEvent

    take(staffed, "rural-dibao")  # 30 working days
    app = make_app(staffed, shift=shift_for("S05", 3))
    async with app.run_test(size=(80, 24)) as pilot:
        await call_and_open_outcome(pilot, app)
        fill(app, "escalated", {"authority": "区民政局"})
        await pilot.pause()
        case = form(app)
        first_hint = case.query_one("#authority-due", Input).placeholder
        case.query_one("#item", Select).value = "elderly-card"  # 5 working days
        await pilot.pause()
        fill(app, "escalated", {"authority": "区民政局"})  # a new item brings its own kind: escalate again
        await pilot.pause()
        hint = case.query_one("#authority-due", Input).placeholder
        assert hint != first_hint and case.query_one("#authority-due", Input).value == ""
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen.name == "resident", what="resident view")
    escalated = CaseEvent.get(CaseEvent.kind == "escalated")
    assert (escalated.data["authority"], escalated.data["authority_due"]) == ("区民政局", hint)


async def test_one_visit_with_every_kind_then_the_ledger(staffed):
    take(staffed, "rural-dibao")
    app = make_app(staffed, shift=shift_for("S05", 3))
    async with app.run_test(size=(120, 40)) as pilot:
        await call_and_open_outcome(pilot, app)
        for index, (kind, (values, _words)) in enumerate(KINDS.items()):
            if index:
                await pilot.press("f2")  # another case for the same visit
                await wait_for(pilot, lambda index=index: len(app.screen.query(CaseForm)) == index + 1)
            fill(app, kind, values)
        second = app.screen.query(CaseForm)[1]
        second.query_one("#item", Select).value = "elderly-card"
        await pilot.pause()
        assert second.kind == "immediate"  # chosen by hand: a new item does not change it
        await pilot.press("ctrl+s")
        await resident_view(pilot, app)
        assert len(app.screen.query(".notice-title")) == len(KINDS)
        await pilot.press("escape")
        await pilot.press("f9")
        await wait_for(pilot, lambda: app.screen.name == "ledger" and app.screen.answer is not None, what="ledger")
        table = app.screen.query_one("#cases", KeyedTable)
        assert table._order == [f"2026-00000{n}" for n in range(7, 0, -1)]
        kinds = [str(table.get_row(number)[2]) for number in reversed(table._order)]
        assert kinds == ["咨询件", "即办件", "承诺件", "补充件", "退回件", "上报件", "信访件"]
    codes = {state.tracking_code for state in CaseState.select()}
    assert len(codes) == 1 and CaseState.select().count() == len(KINDS)  # one visit, one tracking code


async def test_a_refused_save_keeps_everything_typed(staffed):
    take(staffed, "rural-dibao")
    app = make_app(staffed, shift=shift_for("S05", 3))
    async with app.run_test(size=(80, 24)) as pilot:
        ticket = await call_and_open_outcome(pilot, app)
        fill(app, "returned", {"name": "王小明", "phone": "13812345678"})  # no reason: refused
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "请填写原因" in error(app), what="refusal")
        assert app.screen.query(CaseForm)  # still open
        case = form(app)
        assert case.query_one("#name", Input).value == "王小明"
        assert case.query_one("#phone", Input).value == "13812345678"
        case.query_one("#reason", Input).value = "不属于本社区办理范围"
        await pilot.press("ctrl+s")
        await resident_view(pilot, app)
        assert "13812345678" not in " ".join(text_of(w) for w in app.screen.query(".notice-text"))
    assert Ticket.get(Ticket.number == ticket).status == "done"


async def test_a_database_failure_keeps_the_dialog_open(staffed, monkeypatch):
    take(staffed, "rural-dibao")
    app = make_app(staffed, shift=shift_for("S05", 3))
    async with app.run_test(size=(80, 24)) as pilot:
        ticket = await call_and_open_outcome(pilot, app)
        fill(app, "consultation", {"result": "已答复"})
        from models.cases import Cases

        real = Cases.open_case

        def locked(self, **kwargs):
            raise OperationalError("database is locked")

        monkeypatch.setattr(Cases, "open_case", locked)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "数据库正忙" in error(app), what="database message")
        assert form(app).query_one("#result", Input).value == "已答复"
        monkeypatch.setattr(Cases, "open_case", real)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen.name == "resident")
    # The failed save left nothing behind: the ticket was finished with the second save only.
    assert Ticket.get(Ticket.number == ticket).status == "done" and CaseState.select().count() == 1


async def detail_of(pilot, app, number: str) -> None:
    await pilot.press("f9")
    await wait_for(pilot, lambda: app.screen.name == "ledger" and app.screen.answer is not None)
    table = app.screen.query_one("#cases", KeyedTable)
    table.move_cursor(row=table.get_row_index(number))
    await pilot.press("enter")
    await wait_for(pilot, lambda: app.screen.name == "case" and app.screen.view is not None, what="detail")


def case_text(app) -> str:
    return text_of(app.screen.query_one("#case-head")) + "\n" + text_of(app.screen.query_one("#case-fields"))


async def test_a_promised_case_from_counter_to_closed(staffed):
    take(staffed, "elderly-card")
    app = make_app(staffed, shift=shift_for("S05", 3))
    async with app.run_test(size=(120, 40)) as pilot:
        await call_and_open_outcome(pilot, app)
        fill(app, "promised", {"name": "王小明", "phone": "138 1234 5678"})
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen.name == "resident")
        await pilot.press("escape")
        await detail_of(pilot, app, "2026-000001")
        screen = app.screen
        assert screen.allowed >= {"complete", "extend", "escalate", "phone"}
        # Extend: a date before the due date is refused and the dialog keeps what was typed.
        await pilot.press("e")
        await wait_for(pilot, lambda: app.screen.query("#f-due"))
        app.screen.query_one("#f-due", Input).value = "2026-11-24"
        app.screen.query_one("#f-reason", Input).value = "需现场核查"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "须晚于" in text_of(app.screen.query_one("#error")))
        app.screen.query_one("#f-due", Input).value = "2026-12-07"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen is screen and "2026-12-07" in case_text(app), what="extended")
        # The full phone, only here, and its opening is logged.
        await pilot.press("f")
        await wait_for(pilot, lambda: "13812345678" in case_text(app), what="full phone")
        assert ContactAccess.select().count() == 1
        # Complete, then record how the resident was told.
        await pilot.press("c")
        await wait_for(pilot, lambda: app.screen.query("#f-result"))
        app.screen.query_one("#f-result", Input).value = "已办好优待证"
        await pilot.press("enter")
        await wait_for(pilot, lambda: "to_notify" == screen.view.detail["state"], what="completed")
        await pilot.press("t")
        await wait_for(pilot, lambda: app.screen.query("#f-how"))
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "closed" == screen.view.detail["state"], what="notified")
        # Publish; the rating is the resident's alone, so the clerk's screen has no way to give one.
        await pilot.press("b")
        await wait_for(pilot, lambda: app.screen.query("#f-text"))
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: screen.view.detail["published"], what="published")
        await pilot.press("v")
        await pilot.pause()
        assert app.screen is screen and not app.screen.query("#f-level")
        kinds = [event["kind"] for event in screen.view.detail["history"]]
        assert kinds == ["opened", "extended", "completed", "notified", "published"]
        assert screen.view.notices  # the notices that apply are offered
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen.name == "ledger")
        await wait_for(
            pilot, lambda: str(app.screen.query_one("#cases", KeyedTable).get_row("2026-000001")[3]) == "已办结"
        )


async def test_a_supplement_case_gets_its_materials(staffed):
    take(staffed, "elderly-card")
    app = make_app(staffed, shift=shift_for("S05", 3))
    async with app.run_test(size=(80, 24)) as pilot:
        await call_and_open_outcome(pilot, app)
        fill(app, "supplement", {"missing": 1})
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen.name == "resident")
        await pilot.press("escape")
        await detail_of(pilot, app, "2026-000001")
        screen = app.screen
        assert screen.allowed == {"materials", "handover", "correct"}
        await pilot.press("r", "enter")
        await wait_for(pilot, lambda: screen.view.detail["state"] == "in_progress", what="materials in")
        assert screen.view.detail["due_date"].isoformat() == "2026-11-30"


async def test_a_leader_hands_a_case_over(staffed):
    from models.cases import Cases

    Cases(staffed.config).open_case(staff="S05", item="elderly-card", kind="promised", window=3, channel="visit")
    app = make_app(staffed, shift=shift_for("L01", 3))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.screen.name == "queue")
        await detail_of(pilot, app, "2026-000001")
        screen = app.screen
        assert "handover" in screen.allowed
        await pilot.press("h")
        await wait_for(pilot, lambda: app.screen.query("#f-to"))
        app.screen.query_one("#f-to", Select).value = "S06"
        app.screen.query_one("#f-reason", Input).value = "A岗外出走访"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: screen.view.detail["handler"] == "S06", what="handed over")
        assert "已移交给 杨磊（S06）" in text_of(screen.query_one("#case-message"))


async def test_p_without_a_printer_says_so(staffed):
    take(staffed, "rural-dibao")
    app = make_app(staffed, shift=shift_for("S05", 3))
    async with app.run_test(size=(80, 24)) as pilot:
        await call_and_open_outcome(pilot, app)
        fill(app, "promised", {"days": "5"})
        await pilot.press("ctrl+s")
        await resident_view(pilot, app)
        await pilot.press("p")
        await wait_for(pilot, lambda: "没有设置打印机" in text_of(app.screen.query_one("#resident-message")))
        assert app.screen.name == "resident"


async def test_a_petition_asks_what_it_is_about_and_its_notice_gives_15_and_60_days(staffed):
    take(staffed, "rural-dibao")
    app = make_app(staffed, shift=shift_for("S05", 3))
    async with app.run_test(size=(80, 24)) as pilot:
        await call_and_open_outcome(pilot, app)
        fill(app, "petition", {"subject": "小区路灯损坏长期无人维修"})
        await pilot.press("ctrl+s")
        await resident_view(pilot, app)
        notice = " ".join(text_of(w) for w in app.screen.query(".notice-text"))
    assert "反映事项：小区路灯损坏长期无人维修" in notice
    assert "《信访工作条例》" in notice and "是否受理" in notice and "60日内办结" in notice
    facts = staffed.cases.get(CaseState.get().number)
    assert facts.subject == "小区路灯损坏长期无人维修"
    assert (facts.result_due - facts.due_date).days == 60


async def test_a_digit_chooses_the_kind_and_a_second_case_keeps_the_residents_contact(staffed):
    take(staffed, "rural-dibao")
    app = make_app(staffed, shift=shift_for("S05", 3))
    async with app.run_test(size=(80, 24)) as pilot:
        await call_and_open_outcome(pilot, app)
        await wait_for(pilot, lambda: app.focused is form(app).query_one("#kind"), what="the kind has focus")
        await pilot.press("3")  # 承诺件: one key
        assert form(app).kind == "promised"
        await pilot.press("7")
        assert form(app).kind == "petition"
        first = form(app)
        first.query_one("#name", Input).value = "王小明"
        first.query_one("#phone", Input).value = "13812345678"
        await pilot.press("f2")
        await wait_for(pilot, lambda: len(app.screen.query(CaseForm)) == 2, what="a second case")
        await pilot.pause()
        assert form(app).contact() == ("王小明", "13812345678")
