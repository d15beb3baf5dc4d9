"""Taking a checklist tick back: a tick given by mistake, or an item found wrong
after all, is undone by a record of its own with the reason (the tick stays).

Anyone who may tick may take a tick back, on the day itself and while the
checklist is not signed off; the item then reads as not ticked, so the
sign-off asks for it again, and a problem noted with the tick taken back is
no longer one the closing must answer.
"""

from __future__ import annotations

from datetime import date

from models import clock, events
from models.db import database
from models.duty.checklists import Checklists, UndoInfo, _signed
from models.errors import StaffRefused
from models.plain_text import check as plain_check
from models.schema.duty import ChecklistTick, ChecklistUndo
from models.staff.presence import find_active_staff


class Undoing(Checklists):
    def undo_tick(self, day: date | None, checklist: str, item_index: int, staff_code: str, reason: str) -> UndoInfo:
        """Take back the standing tick of item ``item_index`` (0-based) of the day's ``checklist``."""
        today = clock.service_day(self.config.zone)
        day = day or today
        self.items(checklist)
        if day != today:
            raise StaffRefused("undo_only_today", day=day.isoformat())
        reason = plain_check("reason", (reason or "").strip())
        if not reason:
            raise StaffRefused("undo_reason_needed")
        with database.atomic():
            staff = find_active_staff(staff_code)
            if _signed(day, checklist) is not None:
                raise StaffRefused("already_signed", checklist=self._name(checklist), day=day.isoformat())
            latest = (
                ChecklistTick.select()
                .where(
                    (ChecklistTick.day == day)
                    & (ChecklistTick.checklist == checklist)
                    & (ChecklistTick.item_index == item_index)
                )
                .order_by(ChecklistTick.id.desc())
                .first()
            )
            if latest is None or ChecklistUndo.select().where(ChecklistUndo.tick == latest.id).exists():
                raise StaffRefused("undo_not_ticked", number=item_index + 1, checklist=self._name(checklist))
            row = ChecklistUndo.create(
                tick=latest.id,
                day=day,
                checklist=checklist,
                item_index=item_index,
                staff=staff.id,
                reason=reason,
                at=clock.now(),
            )
            events.record(
                "duty.tick_undone",
                row.id,
                day=day.isoformat(),
                checklist=checklist,
                item=item_index,
                tick=latest.id,
                staff=staff.code,
                reason=reason,
            )
        return UndoInfo(row.id, latest.id, day, checklist, item_index, staff.code, reason, row.at)
