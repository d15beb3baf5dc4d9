"""好差评 by the resident alone: the visit's rating, the window's rating pad, the public indicators.

- :mod:`~models.ratings.refusals` — :class:`RatingRefused`, the words of a rating rule's no.
- :mod:`~models.ratings.visits` — 现场服务"一次一评": one rating per visit (ticket), at the pad, on the web page of the ticket's QR or at the kiosk, in the allowed time.
- :mod:`~models.ratings.requests` — the window's terminal *asks* its pad for a rating; what the pad shows and when a request ends.
- :mod:`~models.ratings.indicators` — GB/T 39734 Annex B's indicators per month, window and line; the window ranking.
- :mod:`~models.ratings.publication` — the last whole month's indicators as the board's and the web's notices.
- :mod:`~models.ratings.export` — the month's ratings and indicators as JSON or CSV for a provincial 好差评 platform.

A case's own rating (网上服务"一事一评") and its follow-up stay in
:mod:`models.cases.ratings`; both kinds take a rating only through a
resident's channel (:data:`models.cases.rules.RESIDENT_CHANNELS`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.lazy_exports import exports

if TYPE_CHECKING:
    from models.ratings.export import export_month, month_records
    from models.ratings.indicators import ranking
    from models.ratings.publication import last_month, notice_lines
    from models.ratings.refusals import RatingRefused
    from models.ratings.requests import ask, open_request, rate_at_pad
    from models.ratings.service import Ratings
    from models.ratings.visits import rate_visit_by_code, visit_rating_view

__getattr__, __all__ = exports(
    __name__,
    {
        "models.ratings.export": ("export_month", "month_records"),
        "models.ratings.indicators": ("ranking",),
        "models.ratings.publication": ("last_month", "notice_lines"),
        "models.ratings.refusals": ("RatingRefused",),
        "models.ratings.requests": ("ask", "open_request", "rate_at_pad"),
        "models.ratings.service": ("Ratings",),
        "models.ratings.visits": ("rate_visit_by_code", "visit_rating_view"),
    },
)
