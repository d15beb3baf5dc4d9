"""Notices: every kind, both languages, the facts they must state, polite words only."""

from __future__ import annotations

import re
import tomllib
from datetime import date
from pathlib import Path

import pytest

from models.cases.rules import CHANNELS, LEVELS, NOTICE_KINDS, RATING_CHANNELS, RATING_TAGS, STATES, CaseRefused
from models.i18n import all_texts
from models.queue import tracking
from models.schema import Item, Window
from tests.cases.conftest import at

LOCALES = Path(__file__).resolve().parents[2] / "models" / "locales"
FORBIDDEN = ("不知道", "这是规定", "你懂不懂", "下班了", "明天再来", "不归我管", "找领导去", "急什么", "没办法")


def _flat(table: dict, prefix: str = "") -> set[str]:
    keys = set()
    for key, value in table.items():
        keys |= _flat(value, f"{prefix}{key}.") if isinstance(value, dict) else {prefix + key}
    return keys


def _cases_file(lang: str) -> dict:
    return tomllib.loads((LOCALES / lang / "cases.toml").read_text(encoding="utf-8"))


def test_the_case_catalogues_have_the_same_keys_in_both_languages():
    zh, en = _cases_file("zh"), _cases_file("en")
    assert _flat(zh) == _flat(en)
    assert "refusal" not in zh  # core.toml owns [refusal]
    for lang in ("zh", "en"):
        texts = all_texts(lang)
        for level in LEVELS:
            assert texts[f"rating.level_{level}"]
        for tag in RATING_TAGS:
            assert texts[f"rating.tag_{tag}"]
        for kind in NOTICE_KINDS:
            assert texts[f"notice.title_{kind}"]
        for channel in CHANNELS + RATING_CHANNELS:  # a case's history names both
            assert texts[f"case.channel_{channel}"]


def test_every_case_refusal_raised_in_the_code_has_words_in_both_languages():
    root = LOCALES.parents[1]
    source = "".join(
        (root / path).read_text(encoding="utf-8")
        for path in sorted(p.relative_to(root) for p in (root / "models" / "cases").glob("*.py"))
    )
    keys = set(re.findall(r'CaseRefused\(\s*"(\w+)"', source))
    keys = {k for k in keys if not k.endswith("_")}  # prefixes completed below
    keys |= {"state_" + state for state in STATES}  # _need_state refuses with the case's state
    keys |= {"already_called_back", "already_rectified"}  # built from the step's name
    assert len(keys) > 30
    for lang in ("zh", "en"):
        texts = all_texts(lang)
        assert sorted(k for k in keys if f"refusal_case.{k}" not in texts) == [], lang


def test_no_forbidden_phrase_anywhere_in_the_case_words():
    texts = all_texts("zh")
    for key in _flat(_cases_file("zh")):
        for phrase in FORBIDDEN:
            assert phrase not in texts[key], (key, phrase)


@pytest.fixture
def every_notice(hall, cases):
    """One case for each notice kind, in the state where that notice applies."""
    at(2026, 11, 23)
    Window.update(phone="0571-88001234").where(Window.number == 1).execute()
    names = [m["name"] for m in Item.get(Item.code == "hukou-in").data["materials"]]
    consult = cases.open_case(staff="S05", item="party-consult", window=6, result="请携带党员证到6号窗口办理转接")
    promise = cases.open_case(staff="S01", item="hukou-in", kind="promised", window=1)
    supplement = cases.open_case(
        staff="S01", item="hukou-in", kind="supplement", window=1, missing=names[:2], other=["单位证明"]
    )
    returned = cases.open_case(staff="S01", item="hukou-in", kind="returned", window=1, reason="迁出地不属于本市")
    extended = cases.open_case(staff="S01", item="hukou-in", kind="promised", window=1)
    cases.extend(extended.number, "S01", "2026-12-15", "需要实地核查")
    escalated = cases.open_case(
        staff="S03", item="rural-dibao", window=3, authority="街道民政科", authority_due=date(2026, 12, 28)
    )
    completed = cases.open_case(staff="S01", item="hukou-in", kind="promised", window=1)
    at(2026, 11, 26, 10)
    cases.complete(completed.number, "S01", "户口已迁入本社区")
    petition = cases.open_case(staff="S05", item="petition-visit", window=6)
    return {
        "consultation_receipt": consult,
        "promise": promise,
        "supplement": supplement,
        "return": returned,
        "extension": extended,
        "escalation": escalated,
        "completion": completed,
        "petition_receipt": petition,
    }, names


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_notice_states_the_hall_the_case_and_a_polite_closing(hall, cases, every_notice, language):
    made, _ = every_notice
    config = hall.config
    hall_name = config.hall_name if language == "zh" else config.hall_name_en
    closing = all_texts(language)["notice.closing"]
    for kind, facts in made.items():
        text = cases.notice_text(facts.number, kind, language)
        item = Item.get_by_id(facts.item_id)
        assert text.splitlines()[0] == hall_name, kind
        assert all_texts(language)[f"notice.title_{kind}"] in text
        assert facts.number in text
        assert tracking.display(facts.tracking_code) in text
        assert (item.name if language == "zh" else item.name_en) in text
        assert closing in text
        assert "{" not in text and "notice." not in text
        for phrase in FORBIDDEN:
            assert phrase not in text
        if language == "zh":
            assert "您好" in text and "请慢走" in text


def test_notice_facts_and_dates(hall, cases, every_notice):
    made, names = every_notice
    zh = lambda kind: cases.notice_text(made[kind].number, kind, "zh")  # noqa: E731
    en = lambda kind: cases.notice_text(made[kind].number, kind, "en")  # noqa: E731
    assert "2026年11月30日" in zh("promise") and "2026-11-30" in en("promise")
    assert "窗口电话：0571-88001234" in zh("promise") and "1号窗口" in zh("promise")
    supplement = zh("supplement")
    for name in names[:2] + ["单位证明"]:
        assert name in supplement
    assert "1. " in supplement and "3. " in supplement and "5个工作日" in supplement
    supplement_en = en("supplement")
    english = [m["name_en"] for m in Item.get(Item.code == "hukou-in").data["materials"][:2]]
    assert all(name in supplement_en for name in english)
    assert "迁出地不属于本市" in zh("return")
    extension = zh("extension")
    assert "需要实地核查" in extension and "2026年12月15日" in extension and "2026年11月30日" in extension
    escalation = zh("escalation")
    assert "街道民政科" in escalation and "2026年12月28日" in escalation
    completion = zh("completion")
    assert "2026年11月26日" in completion and "户口已迁入本社区" in completion and "请核对" in completion
    assert "2026年12月17日" in zh("petition_receipt")  # 15 working days after 11-26
    assert "请携带党员证到6号窗口办理转接" in zh("consultation_receipt")


def test_a_notice_that_does_not_fit_the_case_is_refused(hall, cases, every_notice):
    made, _ = every_notice
    with pytest.raises(CaseRefused) as refused:
        cases.notice_text(made["promise"].number, "return", "zh")
    assert refused.value.key == "notice_not_applicable"
    assert "退回件通知书" in refused.value.message("zh")
    with pytest.raises(CaseRefused) as unknown:
        cases.notice_text(made["promise"].number, "love_letter", "zh")
    assert unknown.value.key == "bad_notice"


def test_a_promise_notice_after_the_materials_states_the_restart(hall, cases, every_notice):
    made, _ = every_notice
    at(2026, 12, 1, 9)
    cases.materials_received(made["supplement"].number, "S01")
    text = cases.notice_text(made["supplement"].number, "promise", "zh")
    assert "重新计算" in text and "2026年12月8日" in text


def test_the_counter_notice_is_the_most_specific_that_applies(hall, cases):
    from models.cases.notices import applicable_notices, counter_notice

    opened = {
        "consultation_receipt": cases.open_case(staff="S05", item="party-consult", window=6, result="已答复"),
        "promise": cases.open_case(staff="S01", item="hukou-in", kind="promised", window=1),
        "supplement": cases.open_case(staff="S01", item="hukou-in", kind="supplement", window=1, other=["单位证明"]),
        "return": cases.open_case(staff="S01", item="hukou-in", kind="returned", window=1, reason="迁出地不属于本市"),
        "escalation": cases.open_case(staff="S03", item="rural-dibao", window=3, authority="街道民政科"),
        "petition_receipt": cases.open_case(staff="S05", item="petition-visit", window=6),
        "completion": cases.open_case(staff="S01", item="baby-hukou", window=1, result="已办结"),
    }
    for kind, facts in opened.items():
        assert counter_notice(facts) == kind
        assert kind in applicable_notices(facts)
        assert cases.notice_text(facts.number, kind, "zh")  # it can be written
    assert applicable_notices(opened["promise"]) == ("promise",)
    assert list(applicable_notices(opened["consultation_receipt"])) == ["consultation_receipt", "completion"]
