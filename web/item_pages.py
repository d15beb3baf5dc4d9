"""One item's page of the guide (``/guide/{item}``): its whole 一次性告知, read and counted.

Each page shown is one notice view on the web (:meth:`models.notice_views.NoticeViews.viewed`):
the item, the time and a visit key kept in a cookie of its own — random,
never a person. When the same browser later opens a ticket's tracking page,
that ticket is linked to the visit (:func:`link_visit`), so the month's check
knows the resident had read the notice before coming.
"""

from __future__ import annotations

from fastapi import APIRouter, Request

from models.errors import NotFound, Refused
from models.notice_views.visit import VISIT_LENGTH, new_visit
from web import views
from web.asking import ask
from web.words import for_request

router = APIRouter(include_in_schema=False)
VISIT_COOKIE = "hall_visit"
_VISIT_DAYS = 30


def _visit_of(request: Request) -> str | None:
    key = request.cookies.get(VISIT_COOKIE) or ""
    return key if len(key) == VISIT_LENGTH and all(ch in "0123456789abcdef" for ch in key) else None


@router.get("/guide/{item_code}")
def item_page(request: Request, item_code: str):
    words = for_request(request)
    hall = request.app.state.hall
    lines = ask(hall, lambda: views.guide(hall.queue.today()))
    shown = []
    for line in lines:
        items = [item for item in line["items"] if item["code"] == item_code]
        if items:
            shown.append({**line, "items": items})
    if not shown:
        raise NotFound("unknown_item", item=item_code[:40])
    visit = _visit_of(request) or new_visit()
    ask(hall, lambda: hall.notice_views.viewed(item_code, "web", visit))
    state = request.app.state
    page = state.templates.TemplateResponse(
        request, "guide.html", {"w": words, "hall": hall, "lines": shown, "views": views}
    )
    page.set_cookie(
        VISIT_COOKIE,
        visit,
        max_age=_VISIT_DAYS * 86400,
        httponly=True,
        samesite="lax",
        secure=request.app.state.secure,
        path="/",
    )
    return page


def link_visit(request: Request, code: str) -> None:
    """A tracking page opened by a browser that read notices: its ticket belongs to that visit."""
    visit = _visit_of(request)
    if visit is None:
        return
    hall = request.app.state.hall
    try:
        ask(hall, lambda: hall.notice_views.ticket_taken(visit, code))
    except Refused:  # an unknown or mistyped code: the page says so itself
        pass
