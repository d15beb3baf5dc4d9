"""Every table of the hall, grouped by concern; the append-only base; schema versions.

- :mod:`~models.schema.base` — the database binding, JSON columns, :class:`AppendOnlyModel` for every history table.
- :mod:`~models.schema.hall` — schema version, settings, lines, windows, service items, catalogue versions.
- :mod:`~models.schema.tickets` — tickets, their per-day counters, and the change feed (:class:`Event`).
- :mod:`~models.schema.cases` — cases (办件), their history, contacts, contact access and ratings.
- :mod:`~models.schema.staff` — staff, A/B posts, the sign-in logs.
- :mod:`~models.schema.whereabouts` — whereabouts changes and leave.
- :mod:`~models.schema.duty` — duty swaps, checklist ticks and their undoing, sign-offs and reopenings, the leader's log.
- :mod:`~models.schema.throttle` — the counts behind shared limits.
- :mod:`~models.schema.notice_views` — who read an item's notice before coming, and the ticket of that visit.
- :mod:`~models.schema.migrations` — ``upgrade`` to the current version; ``all_tables`` in copy order.

Rules live in the packages that use these tables, never here.
"""

from models.schema.base import AppendOnlyModel, BaseModel, JSONField, guard_table
from models.schema.cases import (
    APPEND_ONLY,
    CASE_TABLES,
    CaseContact,
    CaseCounter,
    CaseEvent,
    CaseRating,
    CaseRecord,
    CaseState,
    ContactAccess,
)
from models.schema.duty import (
    CHECKLISTS,
    DUTY_TABLES,
    REOPEN_TABLES,
    UNDO_TABLES,
    ChecklistTick,
    ChecklistUndo,
    DutyLog,
    DutyReopen,
    DutySignOff,
    DutySwap,
)
from models.schema.hall import CatalogueLoad, Item, Line, SchemaVersion, Setting, Window, WindowLine
from models.schema.migrations import CORE_TABLES
from models.schema.staff import SIGNIN_TABLES, SigninAttempt, SigninLockout, Staff, StaffPost
from models.schema.throttle import THROTTLE_TABLES, ThrottleCount
from models.schema.tickets import Event, Ticket, TicketCounter
from models.schema.whereabouts import (
    DAY_START_TABLES,
    STATES,
    WHEREABOUTS_TABLES,
    CoverDayStart,
    LeaveDecision,
    LeaveRequest,
    WhereaboutsChange,
)

__all__ = [
    "APPEND_ONLY",
    "CASE_TABLES",
    "CHECKLISTS",
    "CORE_TABLES",
    "DAY_START_TABLES",
    "DUTY_TABLES",
    "REOPEN_TABLES",
    "SIGNIN_TABLES",
    "STATES",
    "THROTTLE_TABLES",
    "UNDO_TABLES",
    "WHEREABOUTS_TABLES",
    "AppendOnlyModel",
    "BaseModel",
    "CaseContact",
    "CaseCounter",
    "CaseEvent",
    "CaseRating",
    "CaseRecord",
    "CaseState",
    "CatalogueLoad",
    "ChecklistTick",
    "ChecklistUndo",
    "ContactAccess",
    "DutyLog",
    "DutyReopen",
    "CoverDayStart",
    "DutySignOff",
    "DutySwap",
    "Event",
    "Item",
    "JSONField",
    "LeaveDecision",
    "LeaveRequest",
    "Line",
    "SchemaVersion",
    "Setting",
    "SigninAttempt",
    "SigninLockout",
    "Staff",
    "StaffPost",
    "ThrottleCount",
    "Ticket",
    "TicketCounter",
    "Window",
    "WindowLine",
    "WhereaboutsChange",
    "guard_table",
]
