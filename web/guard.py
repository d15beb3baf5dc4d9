"""The ASGI layer in front of every route: bad input stopped, headers added, one log line.

- A path longer than :data:`MAX_PATH`, a path or query that is not UTF-8, a
  method other than GET, HEAD and POST, a body over :data:`MAX_BODY` bytes
  or of no stated length gets a plain 4xx sentence before any route runs
  (the server holds a body to its stated length).
- Every answer carries the Content-Security-Policy (nothing but the hall's
  own files, no inline script or style) and the usual security headers, and
  is not cached (it may be a resident's progress).
- The client's address is the peer's, unless the peer is one of the
  configured proxies: then the nearest address in ``X-Forwarded-For`` that is
  not a proxy.
- The access log line names no one: the address is cut to its network
  (``192.168.1.x``), and a tracking or booking code in the path to its first four symbols.
"""

from __future__ import annotations

import logging
import re
import time
from urllib.parse import unquote_to_bytes

from models.i18n import t
from web.words import choose

MAX_PATH = 512
MAX_BODY = 8192
METHODS = {"GET", "HEAD", "POST"}
log = logging.getLogger("hall.web.access")

HEADERS = [
    (
        b"content-security-policy",
        b"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
        b"form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), payment=()"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"cache-control", b"no-store"),
]
_CODE = re.compile(r"(/track/|/book/)([^/?]{4})[^/?]*")


def shorten(path: str) -> str:
    """The path as the log shows it: a tracking or booking code cut to its first four symbols."""
    return _CODE.sub(lambda m: m.group(1) + m.group(2) + "…", path[:200])


def masked(address: str) -> str:
    """An address cut to its network: no single phone in the log."""
    if "." in address and address.count(".") == 3:
        return ".".join(address.split(".")[:3]) + ".x"
    if ":" in address:
        return ":".join(address.split(":")[:3]) + "::x"
    return "-"


def client_address(peer: str, forwarded: str | None, proxies: frozenset[str]) -> str:
    """Who asked: ``X-Forwarded-For`` is believed only from a configured proxy, read from the right."""
    if peer not in proxies or not forwarded:
        return peer
    for hop in reversed([h.strip() for h in forwarded[:1000].split(",") if h.strip()]):
        if hop not in proxies:
            return hop
    return peer


class Guard:
    def __init__(self, app, proxies=(), secure: bool = False) -> None:
        self.app = app
        self.proxies = frozenset(proxies)
        self.headers = HEADERS + ([(b"strict-transport-security", b"max-age=31536000")] if secure else [])

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers") or []}
        peer = (scope.get("client") or ("-", 0))[0]
        client = client_address(peer, headers.get("x-forwarded-for"), self.proxies)
        scope.setdefault("state", {})["client"] = client
        status = {"code": 0}

        head = scope.get("method") == "HEAD"

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
                message = {**message, "headers": list(message.get("headers") or []) + self.headers}
            elif head and message["type"] == "http.response.body":
                message = {**message, "body": b""}  # HEAD: the answer to GET, without its body
            await send(message)

        problem = self._problem(scope, headers)
        try:
            if problem is not None:
                await self._refuse(problem, scope, headers, send_with_headers)
            else:
                await self.app({**scope, "method": "GET"} if head else scope, receive, send_with_headers)
        finally:
            # The path as sent (percent-encoded, so a %0A cannot start a false log line), cut short.
            raw = scope.get("raw_path") or scope.get("path", "").encode("utf-8", "surrogateescape")
            path = raw[:200].decode("ascii", "backslashreplace")
            log.info(
                "%s %s %s %d %.1fms",
                masked(client),
                str(scope.get("method", "-"))[:10],
                shorten(path if problem is None else path[:40]),
                status["code"],
                (time.perf_counter() - started) * 1000,
            )

    def _problem(self, scope, headers) -> tuple[int, str] | None:
        raw = scope.get("raw_path") or scope.get("path", "").encode("utf-8", "surrogateescape")
        if len(raw) > MAX_PATH or len(scope.get("query_string") or b"") > MAX_PATH:
            return 414, "web.too_long"
        try:
            unquote_to_bytes(raw).decode("utf-8")
            unquote_to_bytes(scope.get("query_string") or b"").decode("utf-8")
            scope.get("path", "").encode("utf-8")
        except (UnicodeDecodeError, UnicodeEncodeError):
            return 400, "web.bad_request"
        if scope.get("method") not in METHODS:
            return 405, "web.method"
        if scope.get("method") == "POST" and "content-length" not in headers:
            return 411, "web.too_large"  # a body of unknown length is not read at all
        length = headers.get("content-length", "0")
        if not length.isdigit() or int(length) > MAX_BODY:
            return 413, "web.too_large"
        return None

    async def _refuse(self, problem, scope, headers, send) -> None:
        code, key = problem
        query = scope.get("query_string", b"").decode("latin-1")
        language = choose("en" if "lang=en" in query else None, headers.get("accept-language"))
        body = (t(key, language) + "\n").encode()
        extra = [(b"allow", b"GET, HEAD, POST")] if code == 405 else []
        await send(
            {
                "type": "http.response.start",
                "status": code,
                "headers": [
                    (b"content-type", b"text/plain; charset=utf-8"),
                    (b"content-length", str(len(body)).encode()),
                ]
                + extra,
            }
        )
        await send({"type": "http.response.body", "body": body})
