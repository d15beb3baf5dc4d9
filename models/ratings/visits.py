"""现场服务"一次一评": the resident rates a visit (one ticket at a window) once.

Three ways in, all the resident's: the window's rating pad while the window's
terminal asks for it (:func:`models.ratings.requests.rate_at_pad`, holding the
request the pad was shown), and the web page of the ticket's QR or the kiosk
(:func:`rate_visit_by_code`, channel ``web`` or ``kiosk``, holding the ticket's
tracking code). No staff identity opens either: the clerk may ask, never
give. A visit's 差评 opens its 差评 loop in the same transaction, with a
case's deadlines on the hall calendar (:mod:`models.cases.bad_ratings.subjects`). The level, the reasons of a 差评 and the
resident's words follow the case's rule
(:func:`models.cases.ratings.checked_choice`).

A visit is rated once (a unique key on the ticket, the last word under
races) and within ``ratings.visit_hours`` of its ticket's finish (GB/T 39734
§7.2); at the pad also while the resident is still at the window.
"""

from __future__ import annotations

from datetime import timedelta

from peewee import IntegrityError

from models import clock, events
from models.cases.bad_ratings.due import public_result
from models.cases.bad_ratings.loop_rules import fold_loop
from models.cases.bad_ratings.subjects import open_visit_loop, visit_events
from models.cases.ratings import checked_choice, resident_channel, still_open
from models.cases.store import CaseStore
from models.config import Config
from models.db import database
from models.plain_text import check as plain_check
from models.queue import tracking
from models.ratings.refusals import RatingRefused
from models.schema import Ticket, Window
from models.schema.ratings import VisitRating

# A ticket at the window or just finished there: what the pad may rate.
AT_WINDOW = ("called", "serving")


def check_open(config: Config, ticket: Ticket, *, at_window_too: bool) -> None:
    if VisitRating.select().where(VisitRating.ticket == ticket.id).exists():
        raise RatingRefused("visit_already_rated", ticket=ticket.number)
    if at_window_too and ticket.status in AT_WINDOW:
        return
    if ticket.status != "done" or ticket.finished_at is None:
        raise RatingRefused("visit_not_finished", ticket=ticket.number)
    if not still_open(ticket.finished_at, timedelta(hours=config.ratings.visit_hours)):
        raise RatingRefused("visit_rating_closed", hours=config.ratings.visit_hours)


def record_rating(config: Config, ticket: Ticket, level: str, reasons, text: str, channel: str) -> dict:
    chosen, words = checked_choice(level, reasons, text)
    with database.atomic():
        try:
            with database.atomic():  # a savepoint: the unique key decides "once" under races
                rating = VisitRating.create(
                    ticket=ticket.id,
                    window=ticket.window_id,
                    line=ticket.line_id,
                    level=level,
                    reasons=chosen,
                    text=words,
                    channel=channel,
                    at=clock.now(),
                )
        except IntegrityError:
            raise RatingRefused("visit_already_rated", ticket=ticket.number) from None
        open_visit_loop(CaseStore(config), rating)
        window = Window.get_by_id(ticket.window_id).number if ticket.window_id else None
        events.record("rating.given", ticket.id, ticket=ticket.number, window=window, level=level)
    return {"id": rating.id, "ticket": ticket.number, "window": window, "level": level, "reasons": chosen}


def rate_visit_by_code(
    config: Config, tracking_code: str, level: str, reasons=(), text: str = "", *, channel: str = "web"
) -> dict:
    """The phone's and the kiosk's way in: the visit of the ticket whose code the resident holds."""
    if resident_channel(channel) == "pad":
        raise RatingRefused("pad_needs_request")
    plain_check("code", str(tracking_code or ""))
    code = tracking.read(tracking_code)
    ticket = Ticket.get_or_none(Ticket.tracking_code == code)
    if ticket is None:
        raise RatingRefused("no_visit_for_code")
    check_open(config, ticket, at_window_too=False)
    return record_rating(config, ticket, level, reasons, text, channel)


def visit_rating_view(config: Config, tracking_code: str) -> dict:
    """What the ticket's web page offers: whether its visit may be rated now, or how it was."""
    code = tracking.read(tracking_code)
    ticket = Ticket.get_or_none(Ticket.tracking_code == code)
    if ticket is None:
        return {"ticket": None, "can_rate": False, "rated": None}
    rated = VisitRating.get_or_none(VisitRating.ticket == ticket.id)
    try:
        check_open(config, ticket, at_window_too=False)
        can = True
    except RatingRefused:
        can = False
    return {
        "ticket": ticket.number,
        "can_rate": can,
        "rated": rated.level if rated is not None else None,
        "hours": config.ratings.visit_hours,
        # How the visit's 差评 was handled, once it is (GB/T 39734 §9: the result fed back).
        "followup": public_result(fold_loop(visit_events(rated.id))) if rated is not None else None,
    }
