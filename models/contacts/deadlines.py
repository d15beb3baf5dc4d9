"""When a contact's reply is due, on the hall calendar.

Seed 000 一(三): an ordinary letter is answered within 3 days of receipt,
e-mail and online messages promptly; a call's promise is kept as soon. The
days are the hall's working days (holidays skipped, 调休 days counted), set
per channel in ``[contacts]`` of the config, counted from the day the
contact came in, that day itself not counted.
"""

from __future__ import annotations

from datetime import date

from models.calendar import HallCalendar
from models.config import Config

CONTACT_CHANNELS = ("phone", "letter", "email", "message")  # 来电 来信 电子邮件 网络留言
# How a reply goes back by default: a call is called back, a letter answered in
# writing, an e-mail or online message answered the way it came.
REPLY_HOWS = {"phone": "phone", "letter": "letter", "email": "message", "message": "message"}


def reply_days(config: Config, channel: str) -> int:
    return int(getattr(config.contacts, f"{channel}_reply_days"))


def reply_due(config: Config, calendar: HallCalendar, channel: str, received_on: date) -> date:
    """The last day on which a contact received on ``received_on`` is answered in time."""
    return calendar.add_working_days(received_on, reply_days(config, channel))
