"""The loop's deadlines on the hall calendar, its config checked, its words in both languages,
and follow-ups recorded before the loop."""

from __future__ import annotations

import re
import tomllib
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from models.cases.bad_ratings import BadRatings
from models.cases.bad_ratings.loop_rules import CLASSES, STAGE_STEPS, STAGES, TELL_HOWS, fold_loop
from models.config import ConfigError, load_config
from models.hall import open_hall
from models.i18n import all_texts
from tests.bad_ratings.conftest import poor_case
from tests.cases.conftest import at

NATIONAL_DAY = tuple(date(2026, 10, d) for d in range(1, 8))  # 国庆 holiday week
MAKE_UP = (date(2026, 9, 27), date(2026, 10, 10))  # 调休: a Sunday and a Saturday worked
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def holiday_hall(hall, leaders, frozen_clock):
    reopened = open_hall(replace(hall.config, holidays=NATIONAL_DAY, workdays=MAKE_UP))
    yield reopened
    reopened.close()


def test_every_deadline_skips_the_holiday_week(holiday_hall):
    loops, cases = holiday_hall.bad_ratings, holiday_hall.cases
    at(2026, 9, 30)  # the eve of the holiday
    facts = poor_case(cases)
    loops.assign(facts.number, "L01")
    loops.call(facts.number, "S05", reached=False)
    view = loops.view(facts.number)
    assert view["callback_due"] == "2026-10-08"  # one working day: after the week off
    assert view["retry_due"] == "2026-10-08"
    loops.call(facts.number, "S05", reached=True)
    loops.classify(facts.number, "S05", "mistaken")
    loops.appeal(facts.number, "S05", "群众误点")
    # five working days: 10-08, 10-09, 10-10 (调休 Saturday), 10-12, 10-13
    assert loops.view(facts.number)["appeal_due"] == "2026-10-13"
    loops.decide(facts.number, "L02", upheld=False, note="不成立")
    loops.plan(facts.number, "S05", "增开窗口")
    # ten working days: 10-08 … 10-10, then seven weekdays from 10-12
    assert loops.view(facts.number)["plan_due"] == "2026-10-20"
    at(2026, 10, 8)
    assert loops.view(facts.number)["marks"] == []  # nothing is late on the first working day after the week
    at(2026, 10, 21)
    assert loops.view(facts.number)["marks"] == ["plan"]


def test_the_limits_are_the_configs(hall, leaders, frozen_clock):
    config = replace(hall.config, bad_ratings=replace(hall.config.bad_ratings, retry_days=2, callback_attempts=1))
    loops = BadRatings(config)
    facts = poor_case(hall.cases)
    loops.assign(facts.number, "L01")
    loops.call(facts.number, "S05", reached=False)
    assert loops.view(facts.number)["retry_due"] == "2026-11-25"
    loops.classify(facts.number, "S05", "unverifiable")  # one try is enough here


@pytest.mark.parametrize(
    ("text", "key", "words"),
    [
        ("retry_days = 0", "bad_ratings.retry_days", "at least 1"),
        ("callback_attempts = 0", "bad_ratings.callback_attempts", "at least 1"),
        ("plan_days = 40", "bad_ratings.plan_days", "not be more than bad_ratings.plan_days_max"),
        ("appeal_days = -1", "bad_ratings.appeal_days", "whole number"),
    ],
)
def test_a_bad_limit_is_refused_naming_its_key(tmp_path, text, key, words):
    path = tmp_path / "hall.toml"
    path.write_text(f"[bad_ratings]\n{text}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_config(str(path))
    message = str(error.value)
    assert key in message and words in message and "\n" not in message


def test_every_refusal_and_word_of_the_loop_exists_in_both_languages():
    source = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "models/cases/bad_ratings").glob("*.py"))
    keys = {k for k in re.findall(r'FollowupRefused\(\s*"(\w+)"', source) if not k.endswith("_")}
    keys |= {k for k in re.findall(r'needed="(\w+)"', source)}
    keys |= {"not_now_" + stage for stage in STAGES} | {"not_for_" + name for name in CLASSES}
    files = {
        lang: tomllib.loads((ROOT / f"models/locales/{lang}/bad_ratings.toml").read_text("utf-8"))
        for lang in ("zh", "en")
    }
    assert files["zh"].keys() == files["en"].keys()
    for section in files["zh"]:
        assert files["zh"][section].keys() == files["en"][section].keys(), section
    steps = {step for steps in STAGE_STEPS.values() for step in steps}
    for lang in ("zh", "en"):
        texts = all_texts(lang)
        for key in keys:
            assert texts[f"refusal_followup.{key}"], key
        for name in CLASSES:
            assert texts[f"followup.class_{name}"]
        for stage in STAGES:
            assert texts[f"followup.stage_{stage}"]
        for step in steps:
            assert texts[f"followup.step_{step}"]
        for how in TELL_HOWS:
            assert texts[f"followup.how_{how}"]
        for mark in ("callback", "retry", "plan", "appeal", "feedback"):
            assert texts[f"followup.mark_{mark}"]
        for step in (*steps, "handling_rated"):  # a case's history names each step's event
            assert texts[f"staff_case.event_followup_{step}"]
        for how in TELL_HOWS:
            assert texts[f"case.how_{how}"]


def test_a_follow_up_recorded_before_the_loop_folds_as_its_steps():
    from datetime import UTC, datetime

    at_ = datetime(2026, 11, 23, 2, tzinfo=UTC)
    rated = (1, at_, "rated", None, {"level": "unsatisfied", "callback_due": "2026-11-24", "rectify_due": "2026-12-14"})
    called = (2, at_, "called_back", 7, {"note": "已回访"})
    fixed = (3, at_, "rectified", 7, {"note": "已整改"})
    assert fold_loop([rated]).stage == "assign"
    assert fold_loop([rated, called]).stage == "classify"
    loop = fold_loop([rated, called, fixed])
    assert (loop.stage, loop.verifier_id, loop.classification, loop.result) == ("done", 7, "actual", "已整改")
