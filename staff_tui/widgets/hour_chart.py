"""A value per hour as a Textual Sparkline, with the hours and the numbers under it.

Each hour gets the same number of cells (at least one), so the labels line
up with their bars; when there is room each bar carries its number and its
hour ("08"), otherwise every other hour is labelled. The peak is named in
the title line in words, so the chart does not rely on bar height or colour.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Sparkline, Static

from shared_ui.words import tr


class HourChart(Vertical):
    DEFAULT_CSS = """
    HourChart { height: auto; width: 1fr; padding: 0 1 0 0; }
    HourChart .chart-title { height: 1; text-style: bold; }
    HourChart Sparkline { height: 3; width: auto; }
    HourChart .chart-axis { height: 1; color: $text-muted; }
    """

    def __init__(self, title_key: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.title_key = title_key
        self.hours: tuple[int, ...] = ()
        self.values: tuple[int, ...] = ()

    def compose(self) -> ComposeResult:
        yield Static("", classes="chart-title")
        yield Sparkline([], summary_function=max)
        yield Static("", classes="chart-axis", id="values")
        yield Static("", classes="chart-axis", id="hours")

    def show(self, hours: tuple[int, ...], values: tuple[int, ...]) -> None:
        self.hours, self.values = tuple(hours), tuple(values)
        self._draw()

    def on_resize(self) -> None:
        self._draw()

    def _draw(self) -> None:
        title = self.query_one(".chart-title", Static)
        spark = self.query_one(Sparkline)
        if not self.hours:
            title.update(tr(self.title_key) + "  " + tr("staff_ui.report.no_data"))
            spark.data = []
            spark.styles.width = 1
            self.query_one("#values", Static).update("")
            self.query_one("#hours", Static).update("")
            return
        peak = max(self.values)
        at = self.hours[self.values.index(peak)]
        title.update(tr(self.title_key) + "  " + tr("staff_ui.report.peak", value=peak, hour=f"{at:02d}"))
        room = max(len(self.hours), (self.size.width or 40) - 1)
        cell = max(1, min(5, room // len(self.hours)))
        # Sparkline scales from the smallest value: a zero first keeps "none" at the bottom.
        spark.data = (
            [0] * cell + [v for v in self.values for _ in range(cell)]
            if min(self.values) > 0
            else [v for v in self.values for _ in range(cell)]
        )
        spark.styles.width = cell * len(self.hours) + (cell if min(self.values) > 0 else 0)
        pad = " " * cell if min(self.values) > 0 else ""
        step = 1 if cell >= 3 else (2 if cell >= 2 else 3)
        values = pad
        for index, value in enumerate(self.values):
            values += (str(value) if index % step == 0 else "").ljust(cell)[:cell]
        self.query_one("#values", Static).update(values.rstrip() if cell >= 2 else "")
        self.query_one("#hours", Static).update(self._hour_axis(cell, step, pad))

    def _hour_axis(self, cell: int, step: int, pad: str) -> str:
        line = list(pad + " " * (cell * len(self.hours)))
        for index, hour in enumerate(self.hours):
            if index % step:
                continue
            start = len(pad) + index * cell
            for offset, ch in enumerate(f"{hour:02d}"):
                if start + offset < len(line):
                    line[start + offset] = ch
                else:
                    line.append(ch)
        return "".join(line).rstrip()
