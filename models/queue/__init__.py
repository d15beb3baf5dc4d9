"""The queue: taking tickets, calling and moving them, and every picture of it.

- :mod:`~models.queue.tickets` — :class:`Queue`: take, call, recall, no-show, start, finish, transfer, pause; waits.
- :mod:`~models.queue.at_window` — :class:`AtWindow`: the same actions by one proven person, posted at the window or a leader.
- :mod:`~models.queue.sql` — the hand-written SQL of the two hot paths (taking and calling).
- :mod:`~models.queue.day_hold` — the service day held against its closing sign-off.
- :mod:`~models.queue.day_end` — a service day's end: its tickets still open get their final state, once.
- :mod:`~models.queue.tracking` — the tracking code a resident holds.
- :mod:`~models.queue.view` — read-only pictures of the queue for the board, the kiosk, terminals and ``hall queue``.
- :mod:`~models.queue.day_curves` — a day's arrivals and people waiting, hour by hour.
- :mod:`~models.queue.help_request` — 「请工作人员帮忙」 from a kiosk, as an event every terminal sees.
- :mod:`~models.queue.late_warning` — whether a ticket taken now is likely reached only after the session ends.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.lazy_exports import exports

if TYPE_CHECKING:
    from models.queue.at_window import AtWindow
    from models.queue.day_end import DAY_ENDED_STATES, FINAL_STATES, end_days_before
    from models.queue.day_hold import DAY_LOCK_SPACE, closed_for_day, hold_day, refuse_if_closed_for_day
    from models.queue.tickets import CalledTicket, Queue, TicketReceipt, find_ticket

__getattr__, __all__ = exports(
    __name__,
    {
        "models.queue.at_window": ("AtWindow",),
        "models.queue.day_end": ("DAY_ENDED_STATES", "FINAL_STATES", "end_days_before"),
        "models.queue.day_hold": ("DAY_LOCK_SPACE", "closed_for_day", "hold_day", "refuse_if_closed_for_day"),
        "models.queue.tickets": ("CalledTicket", "Queue", "TicketReceipt", "find_ticket"),
    },
)
