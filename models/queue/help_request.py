"""「请工作人员帮忙」: a resident at a kiosk asks for a person.

The request is one event on the feed (``kiosk.help_asked``) with which
kiosk and which screen, so every staff terminal shows it within the feed's
latency (well under a second). Nothing about the resident is in it: only the
kiosk's name and the screen's title, both cut to a short length and stripped
of control characters.
"""

from __future__ import annotations

from models import events
from models.db import database

HELP_ASKED = "kiosk.help_asked"
MAX_TEXT = 60


def _plain(text: str) -> str:
    return "".join(ch for ch in str(text) if ch.isprintable())[:MAX_TEXT]


def ask_for_help(kiosk: str, screen: str) -> int:
    """Record the request; returns its event id."""
    with database.atomic():
        return events.record(HELP_ASKED, None, kiosk=_plain(kiosk), screen=_plain(screen))
