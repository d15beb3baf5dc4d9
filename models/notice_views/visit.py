"""A visit's key: random, so it tells nothing about who it was (light: the kiosk draws one before any database code loads)."""

from __future__ import annotations

import secrets

VISIT_LENGTH = 16


def new_visit() -> str:
    """A fresh visit key, 16 hex digits."""
    return secrets.token_hex(VISIT_LENGTH // 2)
