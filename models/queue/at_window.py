"""The counter's actions taken by one proven person: the door the terminal and the CLI use.

:class:`models.queue.tickets.Queue` is the mechanism; the hall itself drives
it too (the day's start pauses windows, a case finishes its ticket), so its
methods take no one's word. A person acts through :class:`AtWindow`, built
for the staff code they proved (the terminal's sign-in, the CLI's PIN):
every call, recall, no-show, start, finish, transfer, pause and resume at
window N is refused unless that person is posted at N or is a leader, and a
no-show's return unless they are on the staff. So ``hall window pause 2 --staff
S01`` fails for a clerk of window 1 exactly as the terminal would.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from models.errors import Refused
from models.staff.accounts import find_staff

if TYPE_CHECKING:
    from models.queue.tickets import CalledTicket, Queue


class AtWindow:
    def __init__(self, queue: Queue, staff_code: str) -> None:
        if not (staff_code or "").strip():
            raise Refused("staff_needed")
        self.queue = queue
        self.staff_code = staff_code.strip()

    def _posted(self, window_number: int) -> None:
        self.queue._staff(self.staff_code, self.queue._window(window_number))

    def call_next(self, window_number: int) -> CalledTicket:
        self._posted(window_number)
        return self.queue.call_next(window_number, self.staff_code)

    def call_number(self, number: str, window_number: int) -> CalledTicket:
        self._posted(window_number)
        return self.queue.call_number(number, window_number, self.staff_code)

    def recall(self, number: str, window_number: int) -> CalledTicket:
        self._posted(window_number)
        return self.queue.recall(number, window_number)

    def no_show(self, number: str, window_number: int) -> CalledTicket:
        self._posted(window_number)
        return self.queue.no_show(number, window_number)

    def start(self, number: str, window_number: int) -> CalledTicket:
        self._posted(window_number)
        return self.queue.start(number, window_number)

    def finish(self, number: str, window_number: int) -> CalledTicket:
        self._posted(window_number)
        return self.queue.finish(number, window_number)

    def return_no_show(self, number: str) -> CalledTicket:
        """Any clerk on duty may put a resident who missed the call back in line."""
        find_staff(self.staff_code, active_or=Refused)
        return self.queue.return_no_show(number)

    def transfer(self, number: str, window_number: int, **where: Any) -> CalledTicket:
        """``where``: ``to_line``, ``to_window`` and ``note``, as :meth:`Queue.transfer` takes them."""
        self._posted(window_number)
        return self.queue.transfer(number, window_number, staff_code=self.staff_code, **where)

    def pause(self, window_number: int, reason: str = "", resume: str | None = None) -> datetime | None:
        self._posted(window_number)
        return self.queue.pause(window_number, self.staff_code, reason, resume)

    def resume(self, window_number: int) -> None:
        self._posted(window_number)
        self.queue.resume(window_number, self.staff_code)
