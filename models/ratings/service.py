"""``Ratings(config)``: the 好差评 API bound to one hall's config, as ``hall.ratings``."""

from __future__ import annotations

from models.cases import ratings as case_ratings
from models.config import Config
from models.ratings import export, indicators, publication, requests, visits
from models.staff.signin import Shift


class Ratings:
    def __init__(self, config: Config):
        self.config = config

    # --- the resident's ways in ------------------------------------------------------

    def rate_case(self, code: str, number: str, level: str, reasons=(), text: str = "", *, channel: str):
        """A case of the visit, by its tracking code (kiosk or phone)."""
        return case_ratings.rate_by_code(self.config, code, number, level, reasons, text, channel=channel)

    def rate_visit(self, code: str, level: str, reasons=(), text: str = "", *, channel: str = "web") -> dict:
        """The visit of the ticket whose QR the phone scanned."""
        return visits.rate_visit_by_code(self.config, code, level, reasons, text, channel=channel)

    def rate_at_pad(self, window: int, request_id: int, level: str, reasons=(), text: str = "") -> dict:
        return requests.rate_at_pad(self.config, window, request_id, level, reasons, text)

    def visit_view(self, code: str) -> dict:
        return visits.visit_rating_view(self.config, code)

    # --- the window's terminal asks, the pad shows -------------------------------------

    def ask(self, shift: Shift) -> requests.RatingAsked:
        return requests.ask(self.config, shift)

    def open_request(self, window: int) -> dict | None:
        return requests.open_request(self.config, window)

    # --- publication -------------------------------------------------------------------

    def indicators(self, month: str) -> dict:
        return indicators.indicators(self.config, month)

    def ranking(self, month: str) -> list[dict]:
        return indicators.ranking(self.config, month)

    def last_month(self) -> str:
        return publication.last_month(self.config)

    def notice_lines(self, language: str, month: str | None = None) -> list[str]:
        return publication.notice_lines(self.config, language, month)

    def export(self, month: str, fmt: str = "json"):
        return export.export_month(self.config, month, fmt)
