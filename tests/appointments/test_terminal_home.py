"""The terminal books a home visit (F5) and says who it went to: the worker of the
household's area, or the leader to choose — at 80×24, in both languages, on both backends."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from models.households.store import load_file
from models.schema.appointments import Appointment
from shared_ui.words import tr
from tests.appointments.conftest import MONDAY, PHONE, at
from tests.staff.helpers import add_people, make_app, screen_text, shift_for, wait_for

AREAS = """\
[[area]]
code = "g1"
name = "第一网格"
worker = "S05"

[[household]]
code = "g1-001"
area = "g1"
address = "幸福小区"
building = "3栋"
room = "501"
head = "王大明"
"""


async def fill(pilot, app, **values) -> None:
    for name, text in values.items():
        app.screen.query_one(f"#f-{name}", Input).focus()
        await pilot.press(*text)


@pytest.mark.parametrize("language", ["zh", "en"])
async def test_a_home_visit_from_the_terminal_says_who_goes(booking, language, tmp_path):
    add_people()
    path = tmp_path / "areas.toml"
    path.write_text(AREAS, encoding="utf-8")
    load_file(str(path), "L01")
    at(MONDAY, 9)
    app = make_app(booking, shift=shift_for("S01", 1), language=language, live=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.screen.name == "queue", what="the queue")
        await pilot.press("ctrl+b")
        await wait_for(pilot, lambda: app.screen.name == "appointments" and app.screen.items, what="items")
        await pilot.press("f5")
        await wait_for(pilot, lambda: app.screen.query("#f-household"), what="the home visit form")
        await fill(pilot, app, time="14:00", phone=PHONE, household="g1-001")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen.name == "appointments" and Appointment.select().count() == 1)
        said = tr("staff_ui.appointments.home_to_area", worker="陈静", code="S05", area="第一网格")
        await wait_for(pilot, lambda: said in screen_text(app), what="who goes")
        made = Appointment.get()
        assert made.kind == "home" and made.worker.code == "S05" and made.booked_by.code == "S01"
        assert "501" not in screen_text(app)
        await pilot.press("f5")
        await wait_for(pilot, lambda: app.screen.query("#f-address"), what="the form again")
        await fill(pilot, app, time="15:00", phone="13912345678", address="光明街12号")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen.name == "appointments" and Appointment.select().count() == 2)
        await wait_for(pilot, lambda: tr("staff_ui.appointments.home_to_leader") in screen_text(app), what="leader")
