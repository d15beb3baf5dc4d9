"""Refusals by a hall rule, carrying words a resident or clerk can read."""

from __future__ import annotations

from models.i18n import DEFAULT_LANGUAGE, t


class Refused(Exception):
    """A hall rule said no. ``message(lang)`` is one plain sentence."""

    def __init__(self, key: str, **params):
        super().__init__(key)
        self.key = key
        self.params = params

    def message(self, language: str = DEFAULT_LANGUAGE) -> str:
        return t(f"refusal.{self.key}", language, **self.params)

    def __str__(self) -> str:
        return self.message()


class NotFound(Refused):
    """What was asked for does not exist (a ticket, a window, a code)."""


class StaffRefused(Refused):
    """A whereabouts, duty or attendance rule said no; the words are under ``refusal_staff.<key>``."""

    def message(self, language: str = DEFAULT_LANGUAGE) -> str:
        return t(f"refusal_staff.{self.key}", language, **self.params)
