"""How a case's values read on the terminal: times, people and an event's data.

Pure text, shared by the case screen and its panels: :func:`head_text` (the
case's number, kind, state and due mark), :func:`local_text` (a time in the
hall's zone, a date, or "-"), :func:`person_text` (a name with its staff
code) and :func:`summarize` (the words of a history event's data).
"""

from __future__ import annotations

from datetime import date, datetime

from rich.text import Text

from models import clock
from models.cases.ledger import case_mark
from shared_ui.words import tr

# Which words of an event's data the history shows, in order.
_DATA_KEYS = (
    "kind",
    "channel",
    "ticket",
    "subject",
    "due",
    "promised_days",
    "minutes",
    "catalogue",
    "other",
    "authority",
    "authority_due",
    "reason",
    "result",
    "how",
    "told_at",
    "text",
    "to",
    "level",
    "tags",
    "verifier",
    "class",
    "decision",
    "note",
)


def _value(key: str, value, zone) -> str:
    if key == "kind":
        return tr(f"case.kind_{value}")
    if key == "channel":
        return tr(f"case.channel_{value}")
    if key == "how":
        return tr(f"case.how_{value}")
    if key == "level":
        return tr(f"rating.level_{value}")
    if key in ("class", "decision"):  # a 差评's class, an appeal's decision
        return tr(f"followup.{key}_{value}")
    if key == "tags":
        return "、".join(tr(f"rating.tag_{tag}") for tag in value)
    if isinstance(value, (list, tuple)):
        return "、".join(str(v) for v in value)
    if key == "told_at" and value:
        return clock.reading(value, zone)
    return str(value)


def summarize(data: dict, zone) -> str:
    """The words of an event's data; a time in it reads in the hall's zone ``zone``."""
    parts = []
    for key in _DATA_KEYS:
        value = data.get(key)
        if value in (None, "", [], ()):
            continue
        parts.append(tr("staff_case.data_pair", name=tr(f"staff_case.data_{key}"), value=_value(key, value, zone)))
    return tr("staff_case.data_sep").join(parts)


def person_text(code: str | None, names: dict) -> str:
    """``王芳（S01）`` for a known code, the bare code otherwise, "-" for none."""
    if not code:
        return "-"
    return f"{names.get(code, code)}（{code}）" if code in names else code


def local_text(value, zone) -> str:
    """A time in the hall's zone to the minute, a date as ISO, "-" for none."""
    if value is None:
        return "-"
    if isinstance(value, datetime):
        return clock.reading(value, zone)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def head_text(detail: dict, days_left: int | None) -> Text:
    """The case's number, kind and state and, when it is late or nearly so, the ledger's mark."""
    mark = case_mark(detail.get("overdue", False), days_left, detail["state"])
    head = Text()
    head.append(detail["number"], style="bold")
    head.append("  " + tr(f"case.kind_{detail['kind']}") + " · " + tr(f"case.state_{detail['state']}"))
    if mark == "overdue":
        head.append("  " + tr("staff_ledger.mark_overdue"), style="bold reverse")
    elif mark == "due_soon":
        head.append("  " + tr("staff_ledger.mark_due_soon"), style="bold")
    return head
