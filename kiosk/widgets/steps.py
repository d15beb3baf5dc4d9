"""A row of steps: ``● 受理 ━━━ ● 办理中 ━━━ ○ 办结``, each step's time under it.

Done steps are filled and bold, the current one reversed, the steps to come
hollow: the three states differ by shape and weight, never by a paler colour
(the kiosk's text keeps 7:1 everywhere).
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.widget import Widget

from kiosk.progress import Step

CONNECTOR = " ━━━ "
LONGEST = 16  # a connector's cells at most, where the row has room to spare
MARKS = {"done": "●", "now": "◎", "todo": "○"}  # all three in GB 2312: every CJK font has them


def steps_text(steps: tuple[Step, ...], width: int) -> Text:
    """Two lines, the labels and their times, as wide as they need; when wider than ``width``
    the connectors shrink, then each step goes on lines of its own."""
    cells = [f"{MARKS[step.state]} {step.label}" for step in steps]
    columns = [max(cell_len(cell), cell_len(step.when)) for cell, step in zip(cells, steps, strict=True)]
    connector = CONNECTOR
    gaps = max(1, len(steps) - 1)
    spare = (width - sum(columns)) // gaps
    if spare > cell_len(CONNECTOR):
        connector = " " + "━" * (min(LONGEST, spare) - 2) + " "
    elif spare < cell_len(CONNECTOR):
        connector = " ━ "
    if sum(columns) + cell_len(connector) * (len(steps) - 1) > width:
        text = Text()
        for index, (cell, step) in enumerate(zip(cells, steps, strict=True)):
            text.append(("\n" if index else "") + cell, style=_style(step))
            if step.when:
                text.append("  " + step.when)
        return text
    top, bottom = Text(), Text()
    for index, (cell, step, column) in enumerate(zip(cells, steps, columns, strict=True)):
        if index:
            top.append(connector, style="bold" if step.state != "todo" else "")
            bottom.append(" " * cell_len(connector))
        top.append(cell, style=_style(step))
        top.append(" " * (column - cell_len(cell)))
        bottom.append(step.when + " " * (column - cell_len(step.when)))
    return Text("\n").join([top, bottom])


def _style(step: Step) -> str:
    if step.state == "now":
        return "bold reverse"
    return "bold" if step.state == "done" else ""


class Steps(Widget):
    DEFAULT_CSS = "Steps { height: auto; }"

    def __init__(self, steps: tuple[Step, ...] = (), *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.steps = steps

    def update(self, steps: tuple[Step, ...]) -> None:
        self.steps = steps
        self.refresh(layout=True)

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(steps_text(self.steps, width).plain.split("\n")) if self.steps else 0

    def render(self) -> Text:
        return steps_text(self.steps, self.content_region.width or self.size.width or 80)
