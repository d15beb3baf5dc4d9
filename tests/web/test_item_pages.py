"""An item's page of the guide is counted as its notice read on the web, and a later tracking page links the ticket."""

from __future__ import annotations

from models.queue import tracking
from models.schema.notice_views import NoticeView, VisitTicket


def test_an_item_page_is_a_notice_read_and_the_tracking_page_links_its_ticket(client, hall):
    guide = client.get("/guide")
    assert 'href="/guide/hukou-in"' in guide.text
    page = client.get("/guide/hukou-in")
    assert page.status_code == 200 and "请带齐以下材料" in page.text and "婴儿入户" not in page.text
    assert "hall_visit" in page.headers["set-cookie"] and "HttpOnly" in page.headers["set-cookie"]
    view = NoticeView.get()
    assert view.channel == "web" and view.item.code == "hukou-in"
    client.get("/guide/hukou-in?lang=en")
    assert {v.visit for v in NoticeView.select()} == {view.visit}  # the same visit: the cookie came back
    receipt = hall.queue.take("hukou-in")
    url = f"/track/{tracking.display(receipt.tracking_code)}"
    client.get(url)
    client.get(url)
    link = VisitTicket.get()
    assert VisitTicket.select().count() == 1 and link.visit == view.visit and link.ticket.number == receipt.number
    assert client.get("/guide/no-such-item").status_code == 404
