"""``create_app(hall)``: the FastAPI application of ``hall web``.

The routes are in :mod:`web.pages` (HTML) and :mod:`web.api` (JSON); this
module wires them to the hall, the templates and the static files, puts
:class:`web.guard.Guard` in front, and turns every error into one plain
sentence with its 4xx status (HTML for pages, JSON under ``/api``), never a
traceback. FastAPI's own documentation pages are off: they load scripts from
elsewhere; ``/api/docs`` is the hall's own page of the OpenAPI document.
"""

from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path

import anyio
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from peewee import DatabaseError, InterfaceError
from starlette.exceptions import HTTPException

from models.db import DatabaseUnavailable
from models.errors import NotFound, Refused
from models.throttle import LookupPaused
from web import api, booking, item_pages, pages
from web.lookups import Lookups, hall_secret
from web.words import Words, for_request

HERE = Path(__file__).parent


# Worker threads that ask the database, each holding its own connection: few, so two
# processes on PostgreSQL stay far below its connection limit; the answers are quick.
WORKER_THREADS = 8


@asynccontextmanager
async def _lifespan(app: FastAPI):
    anyio.to_thread.current_default_thread_limiter().total_tokens = WORKER_THREADS
    yield


def create_app(hall) -> FastAPI:
    app = FastAPI(
        lifespan=_lifespan,
        title=hall.config.hall_name + " · hall web",
        summary="The hall on residents' phones: progress of a ticket and its cases, the guide, notices, the live queue.",
        version="1",
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    with hall.db.connection_context():
        secret = hall_secret(hall.db)
    app.state.hall = hall
    app.state.secret = secret
    app.state.lookups = Lookups(hall, secret)
    app.state.templates = Jinja2Templates(directory=str(HERE / "templates"))
    app.state.secure = hall.config.web.base_url.startswith("https://")
    app.include_router(pages.router)
    app.include_router(item_pages.router)
    app.include_router(api.router)
    app.include_router(booking.router)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    _errors(app)
    from web.guard import Guard

    app.add_middleware(Guard, proxies=hall.config.web.proxies, secure=app.state.secure)
    return app


def sentence_response(request: Request, status: int, text: str, headers: dict | None = None):
    """One sentence: JSON under /api, else the plain page in the resident's language."""
    if request.url.path.startswith("/api"):
        return JSONResponse({"error": text}, status_code=status, headers=headers)
    words = for_request(request)
    templates = getattr(request.app.state, "templates", None)
    if templates is None:  # pragma: no cover - the app is always built by create_app
        return PlainTextResponse(text, status_code=status, headers=headers)
    return templates.TemplateResponse(
        request, "sentence.html", {"w": words, "hall": request.app.state.hall, "text": text}, status, headers
    )


def refusal_response(request: Request, exc: Refused, words: Words | None = None):
    words = words or for_request(request)
    if isinstance(exc, LookupPaused):
        return sentence_response(
            request, 429, words("web.paused", seconds=exc.seconds), {"Retry-After": str(max(1, exc.seconds))}
        )
    status = 404 if isinstance(exc, NotFound) or exc.key == "bad_tracking_code" else 400
    return sentence_response(request, status, exc.message(words.language))


def _errors(app: FastAPI) -> None:
    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        words = for_request(request)
        key = {404: "web.not_found_page", 405: "web.method", 413: "web.too_large"}.get(
            exc.status_code, "web.bad_request"
        )
        return sentence_response(request, exc.status_code if exc.status_code < 500 else 400, words(key))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        return sentence_response(request, 400, for_request(request)("web.bad_request"))

    @app.exception_handler(Refused)
    async def refused(request: Request, exc: Refused):
        return refusal_response(request, exc)

    @app.exception_handler(DatabaseError)
    @app.exception_handler(InterfaceError)
    @app.exception_handler(DatabaseUnavailable)
    async def unavailable(request: Request, exc: Exception):
        return sentence_response(request, 503, for_request(request)("web.unavailable"), {"Retry-After": "5"})
