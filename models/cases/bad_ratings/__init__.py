"""The 差评 loop: a poor rating verified, classed, put right or explained or appealed, and fed back.

- :mod:`~models.cases.bad_ratings.loop_rules` — classes, stages and :func:`fold_loop`: a loop from its steps.
- :mod:`~models.cases.bad_ratings.subjects` — what a loop is about: a case's rating, or a visit's (named ``YYYY-MM-DD/A003``), and where each keeps its steps.
- :mod:`~models.cases.bad_ratings.steps` — :class:`BadRatings` (``hall.bad_ratings``): every step, and who may take it.
- :mod:`~models.cases.bad_ratings.due` — the leader's list of what is due and overdue (cases' and visits'), one loop's view, the resident's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.lazy_exports import exports

if TYPE_CHECKING:
    from models.cases.bad_ratings.due import due_list, public_result
    from models.cases.bad_ratings.loop_rules import CLASSES, STAGES, TELL_HOWS, FollowupRefused, Loop, fold_loop
    from models.cases.bad_ratings.steps import BadRatings

__getattr__, __all__ = exports(
    __name__,
    {
        "models.cases.bad_ratings.due": ("due_list", "public_result"),
        "models.cases.bad_ratings.loop_rules": (
            "CLASSES",
            "STAGES",
            "TELL_HOWS",
            "FollowupRefused",
            "Loop",
            "fold_loop",
        ),
        "models.cases.bad_ratings.steps": ("BadRatings",),
    },
)
