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


def tracked(hall, text: str) -> dict:
    """What a code shows at the kiosk: the public view and, for a ticket, its visit's rating
    (``visit``: whether it may be rated now, or how it was; :func:`models.ratings.visit_rating_view`)."""
    from models.cases.public_view import public_view

    view = public_view(hall.config, text)
    if view.get("ticket"):
        view["visit"] = hall.ratings.visit_view(view["tracking_code"])
    return view


def subjects(view: dict) -> list[tuple[str, str]]:
    """What the resident may rate now under this code, as (kind, number): the visit (一次一评,
    by its ticket), each finished case not yet rated (一事一评), and each case or visit whose
    差评's handling they were told and have not rated."""
    out: list[tuple[str, str]] = []
    visit = view.get("visit") or {}
    if visit.get("can_rate"):
        out.append(("visit", str(visit.get("ticket") or "")))
    for case in view.get("cases") or []:
        if case.get("can_rate"):
            out.append(("case", str(case.get("number") or "")))
    for case in view.get("cases") or []:
        if (case.get("followup_result") or {}).get("can_rate_handling"):
            out.append(("handling", str(case.get("number") or "")))
    if (visit.get("followup") or {}).get("can_rate_handling"):  # the visit's own 差评, handled and told
        out.append(("visithandling", str(visit.get("ticket") or "")))
    return out


def anything_rated(view: dict) -> bool:
    """Whether something under the code was rated already (then 'nothing to rate' thanks instead)."""
    if (view.get("visit") or {}).get("rated"):
        return True
    return any(
        case.get("rated") or (case.get("followup_result") or {}).get("handling_level")
        for case in view.get("cases") or []
    )
