"""Who may write and read the worker's log, and record a meeting.

A log is its worker's own: each writes and corrects only their own entries;
a leader reads everyone's, staff read their own. A meeting or study session
is recorded by a leader (the station head calls it, seed 003 §11(1)) or by
someone who attended it (whoever took the minutes); a correction likewise,
by someone who attended it as it was recorded: nobody adds themselves to a
meeting they were not at.
"""

from __future__ import annotations

from models.errors import Refused
from models.i18n import DEFAULT_LANGUAGE, t
from models.schema import Staff


class WorklogRefused(Refused):
    """A worker's log or meetings rule said no; the words are under ``refusal_worklog.<key>``."""

    def message(self, language: str = DEFAULT_LANGUAGE) -> str:
        return t(f"refusal_worklog.{self.key}", language, **self.params)


def require_own_log(actor: Staff, author_id: int) -> None:
    if actor.id != author_id:
        raise WorklogRefused("not_your_log")


def require_may_read(actor: Staff, of: Staff) -> None:
    if actor.role != "leader" and actor.id != of.id:
        raise WorklogRefused("not_your_log_to_read", staff=of.code)


def require_may_record_meeting(actor: Staff, attendee_ids: set[int]) -> None:
    if actor.role != "leader" and actor.id not in attendee_ids:
        raise WorklogRefused("meeting_not_attended", staff=actor.code)


def require_may_correct_meeting(actor: Staff, recorded_ids: set[int], corrected_ids: set[int]) -> None:
    """A leader, or someone among the attendees both as recorded and as corrected."""
    require_may_record_meeting(actor, recorded_ids)
    require_may_record_meeting(actor, corrected_ids)
