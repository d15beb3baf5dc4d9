"""一次性告知 that measures itself: who read an item's notice before coming, and whether it was enough.

- :mod:`~models.notice_views.log` — :class:`NoticeViews` (``hall.notice_views``): a notice read
  (kiosk or web, within a visit), and the ticket that visit took.
- :mod:`~models.notice_views.visit` — a visit's random key.
- :mod:`~models.notice_views.report` — a month per item: how often each material was missing at
  a 补充件, how often the resident had read the notice first, and the items whose notice keeps failing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.lazy_exports import exports

if TYPE_CHECKING:
    from models.notice_views.log import CHANNELS, NoticeViews
    from models.notice_views.report import month_report
    from models.notice_views.visit import new_visit

__getattr__, __all__ = exports(
    __name__,
    {
        "models.notice_views.log": ("CHANNELS", "NoticeViews"),
        "models.notice_views.report": ("month_report",),
        "models.notice_views.visit": ("new_visit",),
    },
)
