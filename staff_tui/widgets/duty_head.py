"""The duty screen's head: the day, who is on duty and the leader, the hours, swaps and leave;
for a leader, a third line naming the working days nobody signed the closing of, while any are."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rich.text import Text
from textual.widgets import Static

from shared_ui.plain import visible
from shared_ui.words import tr
from staff_tui.text import fit


class DutyHead(Static):
    """Two lines (three with unsigned days); a day other than today is marked read only."""

    def show(self, history, today: date | None, unsigned: Sequence[date] = ()) -> None:
        duty = history.duty
        people = "、".join(f"{n}（{c}）" for c, n in zip(duty.staff, duty.names, strict=True)) or tr("duty.no_duty")
        leader = f"{duty.leader_name}（{duty.leader}）" if duty.leader else "-"
        head = Text()
        day_words = tr(
            "staff_ui.duty.day", day=history.day.isoformat(), weekday=tr(f"duty.weekday_{history.day.weekday()}")
        )
        head.append(day_words, style="bold")
        if history.day != today:
            head.append("  " + tr("staff_ui.duty.read_only"), style="bold reverse")
        head.append("  " + tr("staff_ui.duty.on_duty", people=people, leader=leader))
        head.append("\n")
        hours = " ".join(f"{a:%H:%M}-{b:%H:%M}" for a, b in duty.hours) or "-"
        head.append(tr("staff_ui.duty.hours", hours=hours, arrive=f"{duty.arrive_by:%H:%M}" if duty.arrive_by else "-"))
        if duty.swaps:
            head.append(
                "  " + tr("duty.swapped_note", swaps="、".join(f"{s.from_staff}→{s.to_staff}" for s in duty.swaps))
            )
        if duty.on_leave:
            head.append("  " + tr("duty.on_leave_note", staff="、".join(duty.on_leave)), style="bold")
        if unsigned:
            # Not a message that the next action overwrites: it stays until those days are dealt with.
            words = tr("staff_ui.duty.unsigned_head", days="、".join(d.isoformat() for d in unsigned))
            head.append("\n" + fit(words, max(10, (self.size.width or 80) - 2)).rstrip(), style="bold reverse")
        self.update(visible(head))
