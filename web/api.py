"""The read-only JSON API, described by the OpenAPI document at ``/api/openapi.json``.

The same answers the pages show: a code's progress (``version`` changes
whenever anything in it changes, so a page can poll cheaply), the guide,
the published notices, the live queue summary the board shows.
"""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from starlette.concurrency import run_in_threadpool

from models.schema import migrations
from web import views
from web.asking import ask

router = APIRouter(prefix="/api", tags=["hall"])


@router.get("", summary="What this API offers")
def index(request: Request) -> dict:
    return {
        "hall": request.app.state.hall.config.hall_name,
        "endpoints": ["/api/track/{code}", "/api/guide", "/api/notices", "/api/queue", "/api/health"],
        "openapi": "/api/openapi.json",
        "docs": "/api/docs",
    }


@router.get(
    "/track/{code}",
    summary="Progress of a ticket and the cases of its visit",
    description="The public view of a tracking code (as on the ticket, with or without dashes): the ticket's state, "
    "people ahead, expected wait and windows, then every case with kind, state, dates, missing materials and "
    "rating. No name, phone or ID is ever in it. Unknown codes answer 404 and count against a shared limit "
    "(429 with Retry-After while it is used up).",
    response_class=Response,
    responses={200: {"content": {"application/json": {}}, "description": "the public view, with its version"}},
)
async def track(request: Request, code: str) -> Response:
    state = request.app.state
    lookups = state.lookups
    # A polling page whose view has not changed is answered from memory, without a worker thread.
    body = lookups.cached(code)
    if body is None:
        body = await run_in_threadpool(ask, state.hall, lambda: lookups.body(code, request.state.client))
    return Response(body, media_type="application/json")


@router.get("/guide", summary="Every line and service item with its complete one-time notice")
def guide(request: Request) -> dict:
    return {"lines": ask(request.app.state.hall, lambda: views.guide(request.app.state.hall.queue.today()))}


@router.get("/notices", summary="Published completion notices (办结公告), newest first")
def notices(request: Request) -> dict:
    hall = request.app.state.hall
    return {"notices": ask(hall, lambda: hall.cases.public_notices(limit=100))}


@router.get("/queue", summary="The live queue summary the display board shows")
def queue(request: Request) -> dict:
    return ask(request.app.state.hall, lambda: views.queue_summary(request.app.state.hall.queue.today()))


@router.get("/health", summary="Whether the service reaches its database, and the schema version")
def health(request: Request) -> dict:
    hall = request.app.state.hall
    version = ask(hall, migrations.current_version)
    return {"ok": version == migrations.CURRENT, "schema_version": version, "hall": hall.config.hall_name}
