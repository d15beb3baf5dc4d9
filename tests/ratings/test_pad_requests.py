"""The window's terminal asks its pad for a rating; the request ends on rating, timeout or the next call."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from models import clock, events
from models.ratings import RatingRefused
from models.schema.ratings import RatingRequest, VisitRating
from models.staff.signin import SigninRefused
from tests.cases.conftest import advance, serve
from tests.ratings.conftest import shift_of


def test_asked_then_tapped_is_recorded_once_and_ends_the_request(hall, ratings):
    number = serve(hall, "baby-hukou", 1, "S01", finish=False)  # still at the window
    assert ratings.open_request(1) is None
    since = events.last_id()
    asked = ratings.ask(shift_of("S01", 1))
    assert asked.number == number and asked.window == 1
    assert [e.kind for e in events.after(since)] == ["rating.asked"]  # what wakes the pad
    shown = ratings.open_request(1)
    assert shown["id"] == asked.id and shown["ticket"] == number
    assert ratings.open_request(2) is None  # another window's pad stays idle
    rated = ratings.rate_at_pad(1, asked.id, "unsatisfied", ["efficiency"])
    assert rated["level"] == "unsatisfied" and rated["reasons"] == ["efficiency"]
    row = VisitRating.get()
    assert (row.channel, row.window.number, row.line.code) == ("pad", 1, "jisheng")
    assert ratings.open_request(1) is None
    with pytest.raises(RatingRefused) as again:
        ratings.rate_at_pad(1, asked.id, "satisfied")
    assert again.value.key == "not_asked"
    assert VisitRating.select().count() == 1


def test_a_request_times_out(hall, ratings):
    serve(hall, "baby-hukou", 1, "S01")
    asked = ratings.ask(shift_of("S01", 1))
    clock.set_now(clock.now() + timedelta(seconds=hall.config.ratings.pad_seconds - 1))
    assert ratings.open_request(1) is not None
    clock.set_now(clock.now() + timedelta(seconds=1))
    assert ratings.open_request(1) is None
    with pytest.raises(RatingRefused) as late:
        ratings.rate_at_pad(1, asked.id, "satisfied")
    assert late.value.key == "not_asked"


def test_the_next_call_ends_the_request(hall, ratings):
    serve(hall, "baby-hukou", 1, "S01")
    asked = ratings.ask(shift_of("S01", 1))
    hall.queue.take("baby-hukou")
    advance(0.5)
    hall.queue.call_next(1, "S01")
    assert ratings.open_request(1) is None
    with pytest.raises(RatingRefused):
        ratings.rate_at_pad(1, asked.id, "satisfied")
    assert VisitRating.select().count() == 0


def test_a_later_request_replaces_the_earlier(hall, ratings):
    serve(hall, "baby-hukou", 1, "S01")
    first = ratings.ask(shift_of("S01", 1))
    second = ratings.ask(shift_of("S01", 1))
    assert ratings.open_request(1)["id"] == second.id
    with pytest.raises(RatingRefused):
        ratings.rate_at_pad(1, first.id, "satisfied")
    ratings.rate_at_pad(1, second.id, "satisfied")
    assert RatingRequest.select().count() == 2 and VisitRating.select().count() == 1


def test_nothing_to_ask_for_and_nobody_else_asks(hall, ratings):
    with pytest.raises(RatingRefused) as nobody:
        ratings.ask(shift_of("S01", 1))
    assert nobody.value.key == "nobody_to_rate" and "1号窗口" in nobody.value.message("zh")
    serve(hall, "baby-hukou", 1, "S01")
    with pytest.raises(SigninRefused):  # a shift for a window the person has no post at
        ratings.ask(shift_of("S03", 1, windows=(3,)))
    with pytest.raises(RatingRefused) as gone:
        ratings.ask(shift_of("S99", 1))
    assert gone.value.key == "unknown_staff"
    assert RatingRequest.select().count() == 0


def test_a_pad_rating_after_the_visit_ended_long_ago_is_refused(hall, ratings):
    ratings.config = replace(ratings.config, ratings=replace(ratings.config.ratings, visit_hours=1))
    serve(hall, "baby-hukou", 1, "S01")
    clock.set_now(clock.now() + timedelta(hours=1, minutes=1))
    with pytest.raises(RatingRefused) as closed:
        ratings.ask(shift_of("S01", 1))
    assert closed.value.key == "visit_rating_closed"


def test_the_next_morning_the_pad_is_not_offered_yesterdays_last_visit(hall, ratings):
    serve(hall, "baby-hukou", 1, "S01")  # still within its 24 hours to be rated: on the phone or at a kiosk
    served_on = clock.service_day(hall.config.zone)
    clock.set_now(clock.now() + timedelta(hours=20))
    assert clock.service_day(hall.config.zone) > served_on
    with pytest.raises(RatingRefused) as nobody:
        ratings.ask(shift_of("S01", 1))
    assert nobody.value.key == "nobody_to_rate"
