"""The refusal of a rating rule; its words are under ``refusal_rating.<key>``."""

from __future__ import annotations

from models.errors import Refused
from models.i18n import DEFAULT_LANGUAGE, t


class RatingRefused(Refused):
    def message(self, language: str = DEFAULT_LANGUAGE) -> str:
        return t(f"refusal_rating.{self.key}", language, **self.params)
