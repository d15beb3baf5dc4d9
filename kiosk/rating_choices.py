"""The rating's choices as the models name them (levels, 差评 levels, reasons), read on first use:
the kiosk's and the pad's first frame loads no model code."""

from __future__ import annotations


def levels() -> tuple[str, ...]:
    from models.cases.rules import LEVELS

    return LEVELS


def bad_levels() -> tuple[str, ...]:
    from models.cases.rules import BAD_LEVELS

    return BAD_LEVELS


def reasons() -> tuple[str, ...]:
    from models.cases.rules import BAD_REASONS

    return BAD_REASONS
