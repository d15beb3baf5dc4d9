"""Who may do what with a contact.

Every active staff member may record one: whoever picks up the hall's phone
or opens its post. Passing it on, reporting it up and recording the reply
belong to the person it was passed to (its handler: at first whoever
recorded it) or a leader. The terminal asks :func:`contact_actions` with
what was proved at sign-in; the write path asks :func:`require_contact_right`
with the stored person, so the CLI and the terminal meet the same rule.
"""

from __future__ import annotations

from models.errors import Refused
from models.i18n import DEFAULT_LANGUAGE, t
from models.schema import Staff
from models.staff.signin import Shift

CONTACT_STEPS = ("pass", "report_up", "reply")


class ContactRefused(Refused):
    """A contacts rule said no; the words are under ``refusal_contact.<key>``."""

    def message(self, language: str = DEFAULT_LANGUAGE) -> str:
        return t(f"refusal_contact.{self.key}", language, **self.params)


def require_contact_right(staff: Staff, handler_id: int, step: str, number: str) -> None:
    """Raise ContactRefused unless ``staff`` may take ``step`` on the contact its case ``number`` names."""
    if staff.role == "leader" or staff.id == handler_id:
        return
    raise ContactRefused(f"not_yours_{step}", case=number)


def contact_actions(shift: Shift, row: dict) -> set[str]:
    """The steps ``shift`` may take now on a contact (a :class:`models.contacts.listing.ContactRow` as a dict)."""
    if row.get("state") == "replied":
        return set()
    if not (shift.is_leader or row.get("handler") == shift.code):
        return set()
    allowed = set(CONTACT_STEPS)
    if row.get("state") == "reported_up":
        allowed.discard("report_up")
    return allowed
