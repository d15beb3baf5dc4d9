"""The words of households and visits, their refusal, and how their personal data is masked.

Seed 000 一(四)3 and 003 §4-5: every household of an area visited at least
once a year, at least 30 households a month on average, and the families of
special people (特殊人员) contacted at least once a month; difficult families
(困难家庭) are helped first, and the hall holds them to the same month.
"""

from __future__ import annotations

from models.errors import Refused
from models.i18n import DEFAULT_LANGUAGE, t

CARES = ("", "special", "difficult")  # 普通, 特殊人员家庭, 困难家庭
CONTACTS = ("yearly", "monthly")  # the contact rule: at least once a year / a month
# A special or difficult family is contacted at least once a month, whatever the file says.
MONTHLY_CARES = ("special", "difficult")
HOWS = ("home", "phone")  # 上门走访, 电话联系: only a home visit counts as visited
MET = ("head", "family", "other", "nobody")  # 户主, 家庭成员, 其他人, 未遇
ANSWER_HOWS = ("home", "phone", "letter", "other")

MONTHLY_TARGET = 30  # households visited a month (seed 000 一(四)3)
YEARLY_COVERAGE = 100  # per cent of the area's households visited a year


class HouseholdRefused(Refused):
    """A household or visit rule said no; the words are under ``refusal_households.<key>``."""

    def message(self, language: str = DEFAULT_LANGUAGE) -> str:
        return t(f"refusal_households.{self.key}", language, **self.params)


def contact_rule(care: str, contact: str) -> str:
    return "monthly" if care in MONTHLY_CARES else (contact or "yearly")


def mask_text(text: str) -> str:
    """The first character and stars: 王** , 5**; enough to tell two apart, not to find anyone."""
    if not text:
        return ""
    return text[0] + "*" * max(1, len(text) - 1)


def mask_phone(phone: str) -> str:
    if not phone:
        return ""
    return phone[:3] + "****" + phone[-4:] if len(phone) >= 11 else "*" * max(0, len(phone) - 4) + phone[-4:]
