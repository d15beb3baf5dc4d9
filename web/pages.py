"""The HTML pages: home, a code's progress (live part and rating form), the guide, notices, the API page.

Every page works without JavaScript: the rating form is a plain POST that
answers with a redirect to the page (post/redirect/get). ``/static/track.js``
only asks ``/api/track/{code}`` for the view's version and, when it changes,
swaps in ``/track/{code}/live``.
"""

from __future__ import annotations

from urllib.parse import parse_qs, quote

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse
from starlette.concurrency import run_in_threadpool

from models.cases.ratings import rate_by_code
from models.cases.rules import BAD_LEVELS, BAD_REASONS, LEVELS, RATING_TEXT_MAX
from models.errors import Refused
from models.plain_text import TextRefused
from models.queue import tracking
from models.schema import Line
from web import csrf, views
from web.asking import ask
from web.guard import MAX_BODY
from web.item_pages import link_visit
from web.words import Words, for_request

router = APIRouter(include_in_schema=False)

# 好差评公示 on /notices: GB/T 39734 Annex B's indicators, in this order.
RATING_COLUMNS = ("count", "good_rate", "bad_rate", "rectified_rate", "callback_rate", "on_time_rate")


def _render(request: Request, template: str, words: Words, status: int = 200, **context):
    state = request.app.state
    return state.templates.TemplateResponse(
        request, template, {"w": words, "hall": state.hall, **context}, status_code=status
    )


@router.get("/")
def home(request: Request):
    return _render(request, "home.html", for_request(request))


@router.get("/track")
def track_form(request: Request, code: str = ""):
    words = for_request(request)
    if not code.strip():
        return _render(request, "home.html", words)
    try:
        canonical = tracking.normalise(code)
    except tracking.BadCode:
        canonical = quote(code.strip()[:40], safe="")
    else:
        canonical = tracking.display(canonical)
    return RedirectResponse(words.link(f"/track/{canonical}"), status_code=303)


def _view(request: Request, code: str) -> dict:
    state = request.app.state
    return ask(state.hall, lambda: state.lookups.view(code, request.state.client))


def _token(request: Request) -> tuple[str, bool]:
    """The CSRF token of this browser, and whether it is new (then the cookie is set)."""
    secret = request.app.state.secret
    cookie = request.cookies.get(csrf.COOKIE)
    if csrf.valid(cookie, secret):
        return str(cookie), False
    return csrf.new_token(secret), True


def _live_context(request: Request, view: dict, words: Words) -> dict:
    hall = request.app.state.hall
    notices = ask(hall, lambda: views.written_notices(hall, view, words.language))
    visit = ask(hall, lambda: hall.ratings.visit_view(view["tracking_code"])) if view.get("ticket") else None
    token, fresh = _token(request)
    return {
        "view": view,
        "notices": notices,
        "token": token,
        # The only cookie: set where there is a form to protect.
        "fresh_token": fresh
        and (
            any(_has_form(case) for case in view.get("cases") or [])
            or bool(visit and (visit["can_rate"] or (visit["followup"] or {}).get("can_rate_handling")))
        ),
        "levels": LEVELS,
        "bad_levels": BAD_LEVELS,
        "tags": BAD_REASONS,
        "text_max": RATING_TEXT_MAX,
        "visit": visit,
        "poll": hall.config.web.poll_milliseconds,
    }


def _has_form(case: dict) -> bool:
    """Whether the case's part of the page holds a form: its rating, or the rating of its 差评's handling."""
    handled = case.get("followup_result") or {}
    return bool(case.get("can_rate") or handled.get("can_rate_handling"))


def _with_cookie(request: Request, response, context: dict):
    if context.get("fresh_token"):
        response.set_cookie(
            csrf.COOKIE,
            context["token"],
            httponly=True,
            samesite="strict",
            secure=request.app.state.secure,
            path="/",
        )
    return response


@router.get("/track/{code}")
def track(request: Request, code: str, rated: str = ""):
    words = for_request(request)
    view = _view(request, code)
    link_visit(request, code)
    context = _live_context(request, view, words)
    return _with_cookie(request, _render(request, "track.html", words, rated=rated == "1", **context), context)


@router.get("/track/{code}/live")
def live(request: Request, code: str):
    words = for_request(request)
    view = _view(request, code)
    context = _live_context(request, view, words)
    return _with_cookie(request, _render(request, "live.html", words, rated=False, **context), context)


@router.post("/track/{code}/rate")
async def rate(request: Request, code: str):
    """网上服务"一事一评" of one case of the visit."""

    def rate_it(state, view, form):
        first = lambda name: (form.get(name) or [""])[0]  # noqa: E731
        rate_by_code(
            state.hall.config,
            view["tracking_code"],
            first("case"),
            first("level"),
            form.get("tag") or (),
            first("text"),
            channel="web",
        )

    return await _rated(request, code, rate_it)


@router.post("/track/{code}/rate-visit")
async def rate_visit(request: Request, code: str):
    """现场服务"一次一评" of the ticket whose QR this page is, in the allowed time."""

    def rate_it(state, view, form):
        first = lambda name: (form.get(name) or [""])[0]  # noqa: E731
        state.hall.ratings.rate_visit(
            view["tracking_code"], first("level"), form.get("tag") or (), first("text"), channel="web"
        )

    return await _rated(request, code, rate_it)


@router.post("/track/{code}/rate-handling")
async def rate_handling(request: Request, code: str):
    """The resident rates how their 差评 was handled, once, after being told the result."""

    def rate_it(state, view, form):
        first = lambda name: (form.get(name) or [""])[0]  # noqa: E731
        state.hall.bad_ratings.rate_handling(view["tracking_code"], first("case"), first("level"))

    return await _rated(request, code, rate_it)


@router.post("/track/{code}/rate-visit-handling")
async def rate_visit_handling(request: Request, code: str):
    """The resident rates how their visit's 差评 was handled, once, after being told the result."""

    def rate_it(state, view, form):
        state.hall.bad_ratings.rate_visit_handling(view["tracking_code"], (form.get("level") or [""])[0])

    return await _rated(request, code, rate_it)


async def _rated(request: Request, code: str, rate_with):
    """A rating form posted: the CSRF check, the rating, then back to the page or the page with the refusal's sentence."""
    words = for_request(request)
    body = await request.body()
    form = parse_qs(body[:MAX_BODY].decode("utf-8", "replace"), max_num_fields=40)
    state = request.app.state
    if not csrf.matches(request.cookies.get(csrf.COOKIE), (form.get("csrf") or [""])[0], state.secret):
        return await run_in_threadpool(_failed, request, code, words, words("web.bad_form"), 403)

    def rate_it():
        view = state.lookups.view(code, request.state.client)  # the same limit as any lookup
        rate_with(state, view, form)
        state.lookups.forget(code)
        return view

    try:
        view = await run_in_threadpool(ask, state.hall, rate_it)
    except Refused as exc:
        if exc.key in ("lookup_paused", "unknown_tracking_code", "bad_tracking_code"):
            raise
        reason = exc.message(words.language)
        return await run_in_threadpool(_failed, request, code, words, words("web.rate_failed", reason=reason), 400)
    except TextRefused as exc:  # a field holding a control or invisible character: said, never stored
        reason = exc.message(words.language)
        return await run_in_threadpool(_failed, request, code, words, words("web.rate_failed", reason=reason), 400)
    target = f"/track/{quote(view['tracking_code'])}?rated=1" + (f"&lang={words.language}" if words.suffix else "")
    return RedirectResponse(target, status_code=303)


def _failed(request: Request, code: str, words: Words, message: str, status: int):
    view = _view(request, code)
    context = _live_context(request, view, words)
    page = _render(request, "track.html", words, status=status, rated=False, message=message, **context)
    return _with_cookie(request, page, context)


@router.get("/guide")
def guide(request: Request):
    words = for_request(request)
    lines = ask(request.app.state.hall, lambda: views.guide(request.app.state.hall.queue.today()))
    return _render(request, "guide.html", words, lines=lines, views=views)


@router.get("/notices")
def notices(request: Request):
    words = for_request(request)
    hall = request.app.state.hall
    found = ask(hall, lambda: hall.cases.public_notices(limit=100))
    ratings = ask(hall, lambda: hall.ratings.indicators(hall.ratings.last_month()))
    lines = ask(hall, lambda: {line.code: words.both(line.name, line.name_en) for line in Line.select()})
    return _render(
        request,
        "notices.html",
        words,
        notices=found,
        ratings=ratings,
        rating_columns=RATING_COLUMNS,
        line_names=lines,
    )


@router.get("/api/docs")
def api_docs(request: Request):
    words = for_request(request)
    spec = request.app.openapi()
    operations = [
        {
            "method": method.upper(),
            "path": path,
            "summary": op.get("summary", ""),
            "description": op.get("description", ""),
        }
        for path, methods in spec.get("paths", {}).items()
        for method, op in methods.items()
    ]
    return _render(request, "api.html", words, operations=operations, spec=spec)
