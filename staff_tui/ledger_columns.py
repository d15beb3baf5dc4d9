"""The ledger table's columns for a terminal width: each fixed one at least as wide as
its header, the item's name taking what is left."""

from __future__ import annotations

from rich.cells import cell_len

from models.cases.rules import KINDS, STATES
from shared_ui.words import tr


def _widest(prefix: str, keys) -> int:
    return max(cell_len(tr(f"{prefix}{key}")) for key in keys)


def ledger_columns(width: int, wide: bool) -> list[tuple[str, str, int]]:
    """(key, header, cells) for each column of a ledger ``width`` cells wide."""
    fixed = [
        ("mark", tr("ledger.flags"), 7 if wide else 6),
        ("number", tr("ledger.number"), 11),
        ("kind", tr("ledger.kind"), _widest("staff_ledger.kind_", KINDS)),
        ("state", tr("ledger.state"), _widest("staff_ledger.state_", STATES)),
        ("accepted", tr("ledger.accepted_at") if wide else tr("ledger.accepted_short"), 11 if wide else 5),
        ("due", tr("ledger.due") if wide else tr("ledger.due_short"), 10 if wide else 5),
        ("completed", tr("ledger.completed_at") if wide else tr("ledger.completed_short"), 11 if wide else 5),
        ("handler", tr("ledger.handler"), 8 if wide else 6),
    ]
    if wide:
        fixed[4:4] = [("window", tr("ledger.window"), 4)]
        fixed.append(("phone", tr("ledger.contact"), 11))
    fixed = [(key, label, max(cells, cell_len(label))) for key, label, cells in fixed]

    def room() -> int:  # two cells of padding a column, the table's border and a scrollbar
        return width - sum(cells for _, _, cells in fixed) - (len(fixed) + 1) * 2 - 3

    # Where the words are long (English) the times give way before the item's name does.
    for key in ("accepted", "completed"):
        if room() < 7 and not wide:
            fixed = [column for column in fixed if column[0] != key]
    return fixed[:4] + [("item", tr("ledger.item"), max(7, room()))] + fixed[4:]
