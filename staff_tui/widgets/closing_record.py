"""Under the checklists: what the closing's sign-offs recorded besides the ticks (a
leader's reason for closing early, the notes answering open problems) and the
day's reopenings, in the order they happened, as ``hall duty history`` prints
them. Hidden when there is none."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.widgets import Static

from shared_ui.plain import visible
from shared_ui.words import tr
from staff_tui.text import fit, hhmm

MOST_LINES = 4  # the duty screen's 24 rows leave no more under the list


def _signed_lines(early_reason: str, answers: dict[str, str]) -> list[str]:
    lines = [tr("duty.early_reason_note", reason=early_reason)] if early_reason else []
    return lines + [tr("duty.answer_note", ref=key, note=note) for key, note in answers.items()]


def closing_record_lines(history, who: Callable[[str | None], str], zone) -> list[str]:
    lines = []
    for r in history.reopenings:  # each reopened sign-off, then its reopening
        lines += _signed_lines(r.early_reason, r.answers)
        lines.append(tr("duty.reopened_line", leader=who(r.leader), time=hhmm(r.at, zone), reason=r.reason))
    signed = history.closing.signed_off
    if signed is not None:
        lines += _signed_lines(signed.early_reason, signed.answers)
    return lines


class ClosingRecord(Static):
    """One line each, cut to the box; past :data:`MOST_LINES` the last says how many more."""

    def show(self, history, who: Callable[[str | None], str], zone, width: int) -> None:
        lines = closing_record_lines(history, who, zone)
        if len(lines) > MOST_LINES:
            more = len(lines) - MOST_LINES + 1
            lines = lines[: MOST_LINES - 1] + [tr("staff_ui.duty.record_more", n=more)]
        self.display = bool(lines)
        text = Text()
        for number, line in enumerate(lines):
            text.append(("\n" if number else "") + fit(line, max(10, width - 4)).rstrip())
        self.update(visible(text))
