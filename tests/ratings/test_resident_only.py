"""Only the resident rates: no staff way in, one rating per visit and per case, in the allowed time,
reasons of a 差评 from the classified list."""

from __future__ import annotations

from datetime import timedelta

import pytest

from models import clock
from models.cases.public_view import public_view
from models.cases.ratings import rate_by_code
from models.cases.rules import BAD_REASONS, RESIDENT_CHANNELS, CaseRefused
from models.config import ConfigError, load_config
from models.plain_text import TextRefused
from models.ratings import RatingRefused
from models.schema import Ticket
from models.schema.cases import CaseRating
from models.schema.ratings import VisitRating
from tests.cases.conftest import advance, serve
from tests.ratings.conftest import shift_of


def _visit_code(number: str) -> str:
    return Ticket.get(Ticket.number == number).tracking_code


def _finished_case(hall, cases):
    number = serve(hall, "baby-hukou", 1, "S01")
    return cases.open_case(staff="S01", ticket=number)


@pytest.mark.parametrize("channel", ["staff", "counter", "terminal", ""])
def test_no_staff_channel_can_rate_a_case_or_a_visit(hall, ratings, channel):
    facts = _finished_case(hall, hall.cases)
    with pytest.raises(CaseRefused) as case:
        rate_by_code(hall.config, facts.tracking_code, facts.number, "satisfied", channel=channel)
    assert case.value.key == "resident_only"
    assert "工作人员不能代为评价" in case.value.message("zh") and "staff cannot rate" in case.value.message("en")
    with pytest.raises(CaseRefused) as visit:
        ratings.rate_visit(facts.tracking_code, "satisfied", channel=channel)
    assert visit.value.key == "resident_only"
    assert CaseRating.select().count() == 0 and VisitRating.select().count() == 0


def test_the_staff_api_and_terminal_offer_no_way_to_rate(hall, cases):
    from staff_tui.screens.case_detail import ACTIONS, CaseDetailScreen

    assert not hasattr(cases, "rate")
    assert "rate" not in {name for name, _ in ACTIONS}
    assert not any("rate" in binding.action for binding in CaseDetailScreen.BINDINGS)
    assert set(RESIDENT_CHANNELS) == {"kiosk", "web", "pad"}


def test_the_staff_cli_cannot_rate(hall, cases, run):
    facts = _finished_case(hall, cases)
    code, _, err = run("case", "rate", facts.number, "--code", facts.tracking_code, "--level", "satisfied")
    assert code == 2 and "rate" in err
    code, _, err = run("ratings", "give", "--level", "satisfied")
    assert code == 2
    assert CaseRating.select().count() == 0


def test_the_pad_channel_needs_the_windows_request(hall, ratings):
    number = serve(hall, "baby-hukou", 1, "S01")
    with pytest.raises(RatingRefused) as by_code:
        ratings.rate_visit(_visit_code(number), "satisfied", channel="pad")
    assert by_code.value.key == "pad_needs_request"
    with pytest.raises(RatingRefused) as unasked:
        ratings.rate_at_pad(1, 1, "satisfied")
    assert unasked.value.key == "not_asked" and "工作人员请您评价时" in unasked.value.message("zh")
    assert VisitRating.select().count() == 0


def test_one_rating_per_visit_on_the_web_in_the_allowed_time(hall, ratings):
    number = serve(hall, "baby-hukou", 1, "S01")
    code = _visit_code(number)
    assert ratings.visit_view(code)["can_rate"]
    rated = ratings.rate_visit(code, "very_satisfied")
    assert rated["ticket"] == number and rated["window"] == 1
    with pytest.raises(RatingRefused) as again:
        ratings.rate_visit(code, "unsatisfied")
    assert again.value.key == "visit_already_rated" and "已经评价过" in again.value.message("zh")
    assert ratings.visit_view(code) == {
        "ticket": number,
        "can_rate": False,
        "rated": "very_satisfied",
        "hours": 24,
        "followup": None,
    }
    with pytest.raises(RatingRefused) as asked:  # the pad is not asked for a visit already rated
        ratings.ask(shift_of("S01", 1))
    assert asked.value.key == "visit_already_rated"
    late = serve(hall, "baby-hukou", 1, "S01")
    clock.set_now(clock.now() + timedelta(hours=hall.config.ratings.visit_hours, minutes=1))
    with pytest.raises(RatingRefused) as closed:
        ratings.rate_visit(_visit_code(late), "satisfied")
    assert closed.value.key == "visit_rating_closed" and "24" in closed.value.message("zh")
    assert VisitRating.select().count() == 1


def test_a_visit_still_at_the_window_is_not_rated_on_the_web(hall, ratings):
    number = serve(hall, "baby-hukou", 1, "S01", finish=False)
    with pytest.raises(RatingRefused) as busy:
        ratings.rate_visit(_visit_code(number), "satisfied")
    assert busy.value.key == "visit_not_finished"
    assert not ratings.visit_view(_visit_code(number))["can_rate"]


def test_a_case_is_rated_once_and_only_within_its_days(hall, cases, ratings):
    facts = _finished_case(hall, cases)
    ratings.rate_case(facts.tracking_code, facts.number, "satisfied", channel="web")
    with pytest.raises(CaseRefused) as again:
        ratings.rate_case(facts.tracking_code, facts.number, "basic", channel="kiosk")
    assert again.value.key == "already_rated"
    old = _finished_case(hall, cases)
    code = old.tracking_code
    clock.set_now(clock.now() + timedelta(days=hall.config.ratings.case_days, minutes=1))
    assert not public_view(hall.config, code)["cases"][0]["can_rate"]
    with pytest.raises(CaseRefused) as closed:
        ratings.rate_case(code, old.number, "satisfied", channel="kiosk")
    assert closed.value.key == "rating_closed" and "15" in closed.value.message("zh")
    assert CaseRating.select().count() == 1


def test_reasons_come_from_the_classified_list_and_only_with_a_bad_rating(hall, cases, ratings):
    facts = _finished_case(hall, cases)
    rate = lambda *a, **k: ratings.rate_case(facts.tracking_code, facts.number, *a, channel="kiosk", **k)  # noqa: E731
    with pytest.raises(CaseRefused) as good:
        rate("satisfied", ["attitude"])
    assert good.value.key == "reasons_for_bad_only"
    with pytest.raises(CaseRefused) as good_words:
        rate("basic", [], "还行")
    assert good_words.value.key == "reasons_for_bad_only"
    with pytest.raises(CaseRefused) as unknown:
        rate("unsatisfied", ["slow"])  # an old tag, no longer offered
    assert unknown.value.key == "bad_tag"
    with pytest.raises(CaseRefused) as long:
        rate("unsatisfied", [], "慢" * 201)
    assert long.value.key == "rating_text_too_long"
    with pytest.raises(CaseRefused) as phone:
        rate("unsatisfied", [], "请打13812345678")
    assert phone.value.key == "personal_data"
    with pytest.raises(TextRefused) as control:
        rate("unsatisfied", ["process"], "等\x1b[2J太久")
    assert control.value.field == "text"
    rated = rate("very_unsatisfied", ["other", "attitude", "other"], "  窗口无人  ")
    assert rated.rating_tags == ["attitude", "other"] and rated.followup == "open"
    assert BAD_REASONS == ("attitude", "efficiency", "process", "policy", "environment", "other")


def test_every_reason_has_words_in_both_languages():
    from models.i18n import t

    for reason in BAD_REASONS:
        assert t(f"rating.tag_{reason}", "zh") != f"rating.tag_{reason}"
        assert t(f"rating.tag_{reason}", "en") != f"rating.tag_{reason}"
    assert t("rating.tag_attitude", "zh") == "服务态度不好" and t("rating.tag_process", "zh") == "办事流程繁琐"


def test_a_rating_stored_by_staff_before_stays_readable(hall, cases):
    """Ratings typed in at the counter before the rule: still in the history, the ledger and the export."""
    from models.ratings.records import month_records
    from models.schema.cases import CaseEvent

    facts = _finished_case(hall, cases)
    old = {"level": "satisfied", "tags": ["warm"], "channel": "counter"}
    CaseRating.create(case=facts.id, level="satisfied", tags=["warm"], channel="counter", at=clock.now())
    CaseEvent.create(case=facts.id, kind="rated", data=old, at=clock.now())
    assert cases.get(facts.number).rating_tags == ["warm"]
    assert cases.rebuild_projection() >= 1
    records = month_records(hall.config, "2026-11")
    assert [(r["kind"], r["channel"], r["reasons"]) for r in records] == [("case", "counter", ["warm"])]
    assert not public_view(hall.config, facts.tracking_code)["cases"][0]["can_rate"]


@pytest.mark.parametrize(
    ("key", "value"), [("visit_hours", 0), ("case_days", 366), ("pad_seconds", 5), ("pad_seconds", 601)]
)
def test_the_time_limits_are_checked_in_the_config(tmp_path, key, value):
    path = tmp_path / "hall.toml"
    path.write_text(f"[ratings]\n{key} = {value}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as bad:
        load_config(str(path))
    assert f"ratings.{key}" in str(bad.value) and "must be a whole number" in str(bad.value)


def test_the_time_limits_take_the_configured_values(hall, ratings, tmp_path):
    from dataclasses import replace

    from models.config import RatingsConfig

    config = replace(hall.config, ratings=RatingsConfig(visit_hours=2))
    number = serve(hall, "baby-hukou", 1, "S01")
    advance(121)
    from models.ratings.visits import rate_visit_by_code

    with pytest.raises(RatingRefused) as closed:
        rate_visit_by_code(config, _visit_code(number), "satisfied")
    assert "2" in closed.value.message("en")
