"""The rating form's CSRF token: a random value signed with the hall's secret.

The same token is in a cookie (``hall_csrf``: HttpOnly, SameSite=Strict, the
only cookie the service sets) and in the form; a post counts only when both
are there, equal, and signed by this hall. Every process of the hall
shares the secret, so a form from one is good at another.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

COOKIE = "hall_csrf"


def _sign(nonce: str, secret: str) -> str:
    return hmac.new(secret.encode(), nonce.encode(), hashlib.sha256).hexdigest()[:32]


def new_token(secret: str) -> str:
    nonce = secrets.token_urlsafe(16)
    return f"{nonce}.{_sign(nonce, secret)}"


def valid(token: str | None, secret: str) -> bool:
    if not token or len(token) > 100 or token.count(".") != 1:
        return False
    nonce, signature = token.split(".")
    return hmac.compare_digest(signature, _sign(nonce, secret))


def matches(cookie: str | None, form: str | None, secret: str) -> bool:
    return bool(cookie and form) and hmac.compare_digest(str(cookie), str(form)) and valid(cookie, secret)
