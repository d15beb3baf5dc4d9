"""One duty checklist (开门/关门): each item, who ticked it and when, and the problem noted."""

from __future__ import annotations

from collections.abc import Callable

from rich.cells import cell_len
from rich.text import Text

from shared_ui.words import tr
from staff_tui.text import fit, hhmm
from staff_tui.widgets.keyed_table import KeyedTable


def checklist_columns(width: int) -> list[tuple[str, str, int]]:
    """(key, label, width) for a list ``width`` cells wide."""
    tick = 14
    problem = tr("staff_ui.duty.col_problem")
    header = cell_len(problem)  # the item gives up room before the header is cut
    # The last 3: a scrollbar and a spare cell, for a hall whose list outgrows its box.
    rest = max(16, width - 2 - 2 - tick - 4 * 2 - 3)
    item = max(10, min(rest - max(8, header), 24))
    return [
        ("no", "#", 2),
        ("item", tr("staff_ui.duty.col_item"), item),
        ("tick", tr("staff_ui.duty.col_tick"), tick),
        ("problem", problem, max(header, rest - item)),
    ]


def checklist_title(name: str, state, who: Callable[[str | None], str], zone) -> str:
    """The list's name and who signed it off when, or how many items are ticked."""
    title = tr(f"duty.checklist_{name}")
    if state.signed_off is not None:
        signed = state.signed_off
        return title + " " + tr("staff_ui.duty.signed", name=who(signed.staff), time=hhmm(signed.at, zone))
    done = sum(1 for item in state.items if item.ticked)
    return title + " " + tr("staff_ui.duty.progress", done=done, count=len(state.items))


class ChecklistTable(KeyedTable):
    """Rows keyed by the item's index: "✓ who hh:mm", or "□ 未勾选" in bold."""

    def fit_columns(self, width: int) -> None:
        self.set_columns(checklist_columns(width))

    def show(self, state, who: Callable[[str | None], str], zone, width: int) -> None:
        columns = checklist_columns(width)
        item_width, problem_width = columns[1][2], columns[3][2]
        rows = []
        for item in state.items:
            if item.ticked:
                tick = Text(f"✓ {fit(who(item.staff), 6).rstrip()} {hhmm(item.at, zone)}")
            else:
                tick = Text(tr("staff_ui.duty.not_ticked"), style="bold")
            problem = item.problem
            if not item.ticked and item.undos:
                problem = tr("staff_ui.duty.undone_note", reason=item.undos[-1].reason)
            if len(item.ticks) > 1:
                problem = (problem + " " if problem else "") + tr("staff_ui.duty.ticks_n", n=len(item.ticks))
            rows.append(
                (
                    str(item.index),
                    (
                        str(item.index + 1),
                        fit(item.text, item_width).rstrip(),
                        tick,
                        fit(problem, problem_width).rstrip(),
                    ),
                )
            )
        self.sync(rows)
