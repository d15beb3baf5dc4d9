"""Cases (办件): what a case is, every step of its life, and every view of it.

- :mod:`~models.cases.rules` — kinds and states, and :func:`fold`: a case's facts from its history.
- :mod:`~models.cases.privacy` — phone numbers read and masked, names masked, free text checked for personal data.
- :mod:`~models.cases.store` — the one write path of every step, and finding cases, staff, items.
- :mod:`~models.cases.service` — :class:`Cases`: open, supplement, receive, extend, escalate, complete, notify, hand over.
- :mod:`~models.cases.rights` — who may see a case and take which step on it.
- :mod:`~models.cases.ledger` — the ledger (台帐) and a case's detail.
- :mod:`~models.cases.notices` — the written notices a resident is handed, and the public notice board.
- :mod:`~models.cases.ratings` — 好差评, and the leader's follow-up of a 差评.
- :mod:`~models.cases.bad_ratings` — the 差评 loop: verification, class, rectification or appeal, feedback.
- :mod:`~models.cases.reports` — day and month reports.
- :mod:`~models.cases.public_view` — what a tracking code shows: never a name or a phone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.lazy_exports import exports

if TYPE_CHECKING:
    from models.cases.service import Cases, DraftRefused
    from models.cases.store import catalogue_materials, facts_of, find_item, find_record, find_staff, normalise_number

__getattr__, __all__ = exports(
    __name__,
    {
        "models.cases.service": ("Cases", "DraftRefused"),
        "models.cases.store": (
            "catalogue_materials",
            "facts_of",
            "find_item",
            "find_record",
            "find_staff",
            "normalise_number",
        ),
    },
)
