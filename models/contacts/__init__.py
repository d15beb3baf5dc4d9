"""The contacts register (来电、来信、电子邮件、网络留言): what reaches the hall
other than at a window, each becoming a case with a reply deadline.

- :mod:`~models.contacts.deadlines` — the channels and each one's reply deadline on the hall calendar.
- :mod:`~models.contacts.rights` — who may record, pass on, report up and reply.
- :mod:`~models.contacts.register` — :class:`Contacts`: record, pass on, report up, reply, reveal.
- :mod:`~models.contacts.listing` — the open and overdue contacts, one contact with its history.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.lazy_exports import exports

if TYPE_CHECKING:
    from models.contacts.deadlines import CONTACT_CHANNELS, REPLY_HOWS, reply_due
    from models.contacts.listing import ContactRow
    from models.contacts.register import Contacts
    from models.contacts.rights import ContactRefused, contact_actions

__getattr__, __all__ = exports(
    __name__,
    {
        "models.contacts.deadlines": ("CONTACT_CHANNELS", "REPLY_HOWS", "reply_due"),
        "models.contacts.listing": ("ContactRow",),
        "models.contacts.register": ("Contacts",),
        "models.contacts.rights": ("ContactRefused", "contact_actions"),
    },
)
