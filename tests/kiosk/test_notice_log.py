"""The kiosk counts that an item's notice was read, and links the ticket the same visit takes: no person."""

from __future__ import annotations

from models.schema import Item, Ticket
from models.schema.notice_views import NoticeView, VisitTicket
from tests.kiosk.conftest import make_kiosk, on_screen, open_item, tap, wait_for


async def test_reading_a_notice_and_taking_its_ticket_are_one_visit(hall):
    app = make_kiosk(hall, "zh")
    async with app.run_test() as pilot:
        await open_item(pilot, "take", "jisheng", "baby-hukou")
        await on_screen(pilot, "PriorityScreen")
        await tap(pilot, "#normal")
        await on_screen(pilot, "TicketScreen")
        await wait_for(pilot, lambda: VisitTicket.select().count() == 1)
        view = NoticeView.get()
        assert (view.item_id, view.channel) == (Item.get(Item.code == "baby-hukou").id, "kiosk")
        link = VisitTicket.get()
        assert link.visit == view.visit and link.ticket_id == Ticket.get().id
        first_visit = view.visit
        await tap(pilot, "#done")
        await on_screen(pilot, "HomeScreen")
        await open_item(pilot, "guide", "jisheng", "hukou-in")  # the next resident
        await on_screen(pilot, "ItemDetailScreen")
        await wait_for(pilot, lambda: NoticeView.select().count() == 2)
        second = NoticeView.select().order_by(NoticeView.id.desc()).get()
        assert second.visit != first_visit and len(second.visit) == 16
