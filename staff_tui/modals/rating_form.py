"""The rating form (好差评 at the counter): the resident's level and reasons for a finished case."""

from __future__ import annotations

from models.cases.rules import LEVELS, RATING_TAGS
from shared_ui.words import tr
from staff_tui.modals.form import Field, FormDialog


def rating_dialog(number: str, *, cases) -> FormDialog:
    """Record the rating the resident gives ``number``; the save answers the case's facts."""
    levels = [(tr(f"rating.level_{level}"), level) for level in LEVELS]
    tags = [(tr(f"rating.tag_{tag}"), tag) for tag in RATING_TAGS]
    return FormDialog(
        tr("staff_case.rate_title", number=number),
        [
            Field("level", tr("staff_case.rate_level"), "select", value="satisfied", options=levels),
            Field("tags", tr("staff_case.rate_tags"), "multi", options=tags),
        ],
        lambda v: cases.rate(number, v["level"] or "", v["tags"], channel="counter"),
        intro=tr("staff_case.rate_intro"),
    )
