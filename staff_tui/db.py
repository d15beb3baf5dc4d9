"""Saying plainly what failed at the database.

:func:`error_words` turns a refusal or a database fault into one sentence
for the clerk; nothing else reaches the screen.
"""

from __future__ import annotations

from peewee import DatabaseError, InterfaceError, OperationalError

from models.db import is_disk_full
from models.errors import Refused
from models.i18n import t
from models.plain_text import TextRefused


def is_database_fault(exc: BaseException) -> bool:
    if isinstance(exc, (DatabaseError, InterfaceError, OperationalError)):
        return True
    name = type(exc).__module__ or ""
    return name.startswith("psycopg")


def error_words(exc: BaseException, language: str) -> str:
    """One plain sentence for ``exc``."""
    if isinstance(exc, Refused | TextRefused):
        return exc.message(language)
    if is_disk_full(exc):
        return t("staff_ui.db_full", language)
    if is_database_fault(exc):
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        if "locked" in first.lower() or "busy" in first.lower():
            return t("staff_ui.db_locked", language)
        return t("staff_ui.db_failed", language, reason=first[:160])
    return t("staff_ui.unexpected", language, error=f"{type(exc).__name__}: {exc}"[:200])
