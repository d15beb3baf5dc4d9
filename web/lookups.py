"""Tracking-code lookups for phones, under the shared limit on unknown codes.

Guessing codes is slowed down by the hall's one rule for shared limits
(:class:`models.throttle.Throttle`, the kiosk's too): an unknown or malformed
code counts against the client's address (hashed) and against all clients
together, in the database, so several ``hall web`` processes share one limit.
While either is used up, lookups of that client (or of everyone) are refused
for the rest of the window, with the seconds left. A known code costs no count.

A view is kept per code, with its JSON, until the change feed moves on (or
a few seconds pass, for the expected wait). The feed's last id is read at
most every :data:`_EVENT_SECONDS`, so while nothing changes a polling page is
answered from memory without touching the database.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import threading
import time

from models.cases.public_view import public_view
from models.db import database
from models.hall import get_setting
from models.queue import tracking
from models.schema import Setting
from models.throttle import Rate, Throttle, hashed

_FRESH_SECONDS = 5.0
_EVENT_SECONDS = 0.05
_LAST_EVENT = 'SELECT MAX(id) FROM "event"'
_CACHE_SIZE = 5000


def hall_secret(db) -> str:
    """The hall's own random secret (CSRF tokens, hashed addresses), the same for every process."""
    with db.atomic():
        # Two processes may start at once: the first one's secret stays, and both read it.
        Setting.insert(key="web_secret", value=secrets.token_hex(32)).on_conflict_ignore().execute()
        return str(get_setting("web_secret"))


def version_of(view: dict) -> str:
    """A short fingerprint of a view: the page asks again only when it changes."""
    return hashlib.blake2s(json.dumps(view, sort_keys=True, ensure_ascii=False).encode(), digest_size=8).hexdigest()


class Lookups:
    def __init__(self, hall, secret: str) -> None:
        self.hall = hall
        self.secret = secret
        web = hall.config.web
        window = web.unknown_window_seconds
        self._throttle = Throttle(
            "web.unknown", per_key=Rate(web.unknown_per_client, window), overall=Rate(web.unknown_in_all, window)
        )
        self._cache: dict[str, tuple[int, float, dict, bytes]] = {}
        self._event = (-1.0, 0)  # (monotonic time read, the feed's last id then)
        self.event_seconds = _EVENT_SECONDS
        self._lock = threading.Lock()

    def _last_event(self) -> int:
        """The change feed's last id, read again when the one known is older than _EVENT_SECONDS."""
        read_at, seen = self._event
        now = time.monotonic()
        if now - read_at >= self.event_seconds:
            seen = database.execute_sql(_LAST_EVENT).fetchone()[0] or 0
            self._event = (now, seen)
        return seen

    def cached(self, text: str) -> bytes | None:
        """The JSON of a code's view if it is known to be current, without the database; else None."""
        try:
            code = tracking.normalise(text)
        except tracking.BadCode:
            return None
        read_at, seen = self._event
        now = time.monotonic()
        entry = self._cache.get(code)
        if entry is None or now - read_at >= self.event_seconds or entry[0] != seen or now - entry[1] >= _FRESH_SECONDS:
            return None
        return entry[3]

    def body(self, text: str, client: str) -> bytes:
        """The view's JSON, as the API answers it."""
        self.view(text, client)
        return self._cache[tracking.normalise(text)][3]

    def view(self, text: str, client: str) -> dict:
        """The public view of ``text`` (a code as typed or scanned), with its version; raises Refused."""
        try:
            code = tracking.normalise(text)
        except tracking.BadCode:
            code = None
        if code is not None:
            seen = self._last_event()
            cached = self._cache.get(code)
            if cached and cached[0] == seen and time.monotonic() - cached[1] < _FRESH_SECONDS:
                return cached[2]

        def look_up() -> dict:
            if code is None:
                tracking.read(text)  # raises the refusal a resident can read
            return public_view(self.hall.config, text, self.hall.queue)

        view = self._throttle.lookup(hashed(client, self.secret), look_up)
        assert code is not None
        view = {**view, "version": version_of(view)}
        body = json.dumps(view, ensure_ascii=False, separators=(",", ":")).encode()
        with self._lock:
            if len(self._cache) >= _CACHE_SIZE:
                self._cache.clear()
            self._cache[code] = (seen, time.monotonic(), view, body)
        return view

    def booking(self, code: str, client: str):
        """The booking of ``code`` under the same limit as tracking codes: an unknown code counts
        against the client and everyone, a booking's own refusal does not."""
        from models.appointments.booking import unknown_code

        return self._throttle.lookup(
            hashed(client, self.secret), lambda: self.hall.appointments.find(code), counts=unknown_code
        )

    def forget(self, text: str) -> None:
        """Drop a code's kept view (after this process changed it, e.g. a rating)."""
        try:
            code = tracking.normalise(text)
        except tracking.BadCode:
            return
        with self._lock:
            self._cache.pop(code, None)
