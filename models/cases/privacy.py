"""Residents' personal data in the cases' words: phone numbers read and masked, names masked,
and free text checked for a phone or ID number before it is stored where lists show it."""

from __future__ import annotations

import re

from models.cases.rules import CaseRefused

_PHONE_CHARS = re.compile(r"[\s\-()（）]")
_SPACES = re.compile(r"\s")
_MOBILE = re.compile(r"1[3-9]\d(?:-?\d){8}")
_LANDLINE = re.compile(r"0\d{2,3}-?\d{7,8}")
_ID_NUMBER = re.compile(r"\d{17}[\dXx]|\d{15}")
_LONG_DIGITS = re.compile(r"\d{7,}")


def normalise_phone(text: str) -> str:
    """Digits only (a leading +86 dropped); raises CaseRefused when not a phone number."""
    raw = _PHONE_CHARS.sub("", text or "")
    if raw.startswith("+86"):
        raw = raw[3:]
    if not raw.isdigit() or not 5 <= len(raw) <= 15:
        raise CaseRefused("bad_phone")
    return raw


def mask_phone(phone: str) -> str:
    """138****5678: enough for staff to recognise, not enough to call."""
    if not phone:
        return ""
    if len(phone) >= 11:
        return phone[:3] + "****" + phone[-4:]
    if len(phone) > 4:
        return "*" * (len(phone) - 4) + phone[-4:]
    return "*" * len(phone)


def mask_name(name: str) -> str:
    """王** : the family name only."""
    if not name:
        return ""
    return name[0] + "*" * max(1, len(name) - 1)


def has_personal_data(text: str, known: tuple[str, ...] = ()) -> bool:
    """Whether ``text`` holds a phone or ID number, or one of the ``known`` names/phones."""
    if not text:
        return False
    squeezed = _SPACES.sub("", text)  # "138 1234 5678" is a phone number too
    if any(p.search(squeezed) for p in (_MOBILE, _LANDLINE, _ID_NUMBER, _LONG_DIGITS)):
        return True
    return any(value and len(value) >= 2 and value in text for value in known)
