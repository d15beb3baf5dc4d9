"""The booking pages (预约) on residents' phones: ``/book`` and ``/book/{code}``.

``/book`` walks through the item, the day and the slot in plain GET forms
(``?item=…&day=…``), then posts the slot and a phone number for the reminder;
the answer is a redirect to the booking's own page (post/redirect/get); a
refusal leads back to the day's slots, read afresh, with its sentence (a
slot taken meanwhile says so). That
page shows the booking code and its QR (the address of the page: scanned at
the kiosk, it checks the resident in), the time to come, the item's complete
一次性告知, and a button to cancel. Both posts carry the hall's CSRF token,
as the rating form does; the rules (limits, cut-off, the last place) are the
models'.
"""

from __future__ import annotations

from datetime import date
from io import BytesIO
from urllib.parse import parse_qs, quote

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse
from markupsafe import Markup
from starlette.concurrency import run_in_threadpool

from models.appointments.booking import AppointmentRefused
from models.errors import Refused
from web import csrf, views
from web.asking import ask
from web.guard import MAX_BODY
from web.pages import _render
from web.words import Words, for_request

router = APIRouter(include_in_schema=False)

BOOKING_PATH = "/book/{code}"


def qr_svg(text: str) -> Markup:
    """``text`` as an inline SVG QR code, black on white whatever the page's colours."""
    import qrcode
    from qrcode.image.svg import SvgPathImage

    out = BytesIO()
    qrcode.make(text, image_factory=SvgPathImage, border=4, box_size=8).save(out)
    svg = out.getvalue().decode()
    return Markup(svg[svg.index("<svg") :])  # noqa: S704 - the SVG is the qrcode library's own drawing


def _token(request: Request) -> tuple[str, bool]:
    secret = request.app.state.secret
    cookie = request.cookies.get(csrf.COOKIE)
    if csrf.valid(cookie, secret):
        return str(cookie), False
    return csrf.new_token(secret), True


def _with_token(request: Request, response, token: str, fresh: bool):
    if fresh:
        response.set_cookie(
            csrf.COOKIE, token, httponly=True, samesite="strict", secure=request.app.state.secure, path="/"
        )
    return response


def _item_notice(hall, item_code: str) -> tuple[dict, dict] | None:
    """The item's line and the item as the guide shows them (its whole 一次性告知)."""
    for line in views.guide(hall.queue.today()):
        for item in line["items"]:
            if item["code"] == item_code:
                return line, item
    return None


@router.get("/book")
def book(request: Request, item: str = "", day: str = "", message: str = ""):
    words = for_request(request)
    hall = request.app.state.hall
    token, fresh = _token(request)
    context: dict = {"item_code": item, "day": day, "token": token, "message": message}
    if not item:
        context["lines"] = ask(hall, lambda: views.guide(hall.queue.today()))
        return _with_token(request, _render(request, "book.html", words, step="item", **context), token, fresh)
    notice = ask(hall, lambda: _item_notice(hall, item))
    if notice is None:
        raise Refused("unknown_item", item=item[:40])
    context["line"], context["item"] = notice
    if not day:
        context["days"] = ask(hall, lambda: hall.appointments.open_days(item))
        return _with_token(request, _render(request, "book.html", words, step="day", **context), token, fresh)
    try:
        chosen = date.fromisoformat(day)
    except ValueError:
        raise AppointmentRefused("no_such_slot", time="", day=day[:20]) from None
    answer = ask(hall, lambda: hall.appointments.slots(item, chosen))
    refusal = ask(hall, lambda: hall.appointments.why_no_slots(item, answer))
    context["slots"] = [slot for slot in answer.slots if slot.free]
    context["why"] = refusal.message(words.language) if refusal else ""
    page = _render(request, "book.html", words, step="slot", chosen=chosen, **context)
    return _with_token(request, page, token, fresh)


@router.post("/book")
async def book_slot(request: Request):
    words = for_request(request)
    body = await request.body()
    form = parse_qs(body[:MAX_BODY].decode("utf-8", "replace"), max_num_fields=20)
    first = lambda name: (form.get(name) or [""])[0]  # noqa: E731
    state = request.app.state
    item, day = first("item")[:60], first("day")[:10]
    if not csrf.matches(request.cookies.get(csrf.COOKIE), first("csrf"), state.secret):
        return _again(words, item, day, words("web_book.bad_form"))

    def book_it():
        return state.hall.appointments.book(
            item, date.fromisoformat(day), first("time")[:5], first("phone")[:40], channel="web"
        )

    try:
        made = await run_in_threadpool(ask, state.hall, book_it)
    except (Refused, ValueError) as exc:
        reason = exc.message(words.language) if isinstance(exc, Refused) else words("web_book.bad_form")
        if isinstance(exc, AppointmentRefused) and exc.key == "slot_full":
            reason = words("web_book.full_reloaded")  # the page it leads to reads the slots afresh
        return _again(words, item, day, reason)
    return RedirectResponse(words.link(BOOKING_PATH.format(code=made.code)), status_code=303)


def _again(words: Words, item: str, day: str, message: str):
    """Back to the slots of the day, saying why (a redirect: a reload never posts twice)."""
    query = f"item={quote(item)}&day={quote(day)}&message={quote(message)}"
    return RedirectResponse(f"/book?{query}" + (f"&lang={words.language}" if words.suffix else ""), status_code=303)


@router.get("/book/{code}")
def booking(request: Request, code: str, cancelled: str = ""):
    words = for_request(request)
    hall = request.app.state.hall
    lookups = request.app.state.lookups
    made = ask(hall, lambda: lookups.booking(code, request.state.client))
    notice = ask(hall, lambda: _item_notice(hall, made.item))
    token, fresh = _token(request)
    path = BOOKING_PATH.format(code=made.code)
    base = hall.config.web.base_url.rstrip("/")
    page = _render(
        request,
        "booking.html",
        words,
        made=made,
        qr=qr_svg(base + path),
        line=notice[0] if notice else None,
        item=notice[1] if notice else None,
        token=token,
        cancelled=cancelled == "1",
        views=views,
    )
    return _with_token(request, page, token, fresh)


@router.post("/book/{code}/cancel")
async def cancel(request: Request, code: str):
    words = for_request(request)
    body = await request.body()
    form = parse_qs(body[:MAX_BODY].decode("utf-8", "replace"), max_num_fields=5)
    state = request.app.state
    made = await run_in_threadpool(ask, state.hall, lambda: state.lookups.booking(code, request.state.client))
    canonical = made.code
    if not csrf.matches(request.cookies.get(csrf.COOKIE), (form.get("csrf") or [""])[0], state.secret):
        raise AppointmentRefused("not_open", code=canonical)
    await run_in_threadpool(ask, state.hall, lambda: state.hall.appointments.cancel(canonical))
    target = BOOKING_PATH.format(code=canonical) + "?cancelled=1" + (f"&lang={words.language}" if words.suffix else "")
    return RedirectResponse(target, status_code=303)
