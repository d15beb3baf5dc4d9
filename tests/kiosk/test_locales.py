"""Words shown to residents: complete in both languages, polite, never a forbidden phrase."""

from __future__ import annotations

import re
import string
import tomllib
from pathlib import Path

import pytest

from models.i18n import LANGUAGES, catalogue

LOCALES = Path(__file__).resolve().parents[2] / "models" / "locales"

# 禁止用语 (seed 000 三(三); seed 002 第三条(六) and 行为规范 四; DOMAIN §9), compared without punctuation.
FORBIDDEN_ZH = [
    "不知道",
    "不归我管",
    "我不管",
    "问别人去",
    "这是规定你懂不懂",
    "下班了明天再来",
    "急什么",
    "找领导去",
    "有意见找领导反映",
    "别啰嗦",
    "别唆",
    "快点讲",
    "我还没上班",
    "等会再说",
    "我要下班了",
    "你快点",
    "我刚才已经说过",
    "你怎么还问",
    "你这人真笨",
    "你的记性真差",
    "你能把我怎么样",
    "你去投诉好了",
    "没看见我在忙吗",
    "没看我正忙着吗",
    "怕麻烦你就不要办",
    "机器坏了我有啥子办法",
    "我不明白你去问",
    "有牌子自己看",
    "已经告诉你一遍了还不懂",
]
FORBIDDEN_EN = [
    "i don't know",
    "not my job",
    "not my problem",
    "those are the rules",
    "hurry up",
    "what's the rush",
    "go and ask someone else",
    "complain to the boss",
]

_PUNCT = re.compile(r"[\s" + re.escape(string.punctuation) + r"，。、；：！？“”‘’（）《》…·—]")


def _plain(text: str) -> str:
    return _PUNCT.sub("", text)


def test_every_key_is_in_both_languages_across_all_files():
    keys = {lang: set(catalogue(lang)) for lang in LANGUAGES}
    assert keys["zh"] - keys["en"] == set()
    assert keys["en"] - keys["zh"] == set()


def test_kiosk_files_own_only_their_tables():
    for lang in LANGUAGES:
        data = tomllib.loads((LOCALES / lang / "kiosk.toml").read_text(encoding="utf-8"))
        assert set(data) == {"kiosk", "board", "printer"}


def test_placeholders_match_between_languages():
    zh, en = catalogue("zh"), catalogue("en")
    fields = lambda text: {name for _, name, _, _ in string.Formatter().parse(text) if name}  # noqa: E731
    # Every word of the hall; only the date line may order (and so name) its fields differently.
    mismatched = [key for key in zh if key != "kiosk.now_format" and fields(zh[key]) != fields(en[key])]
    assert mismatched == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_forbidden_phrase_anywhere(lang):
    found = []
    for key, text in catalogue(lang).items():
        plain = _plain(text)
        found += [(key, phrase) for phrase in FORBIDDEN_ZH if phrase in plain]
        found += [(key, phrase) for phrase in FORBIDDEN_EN if phrase in text.lower()]
    assert found == []


def test_polite_phrases_are_used():
    zh = catalogue("zh")
    kiosk = " ".join(v for k, v in zh.items() if k.startswith(("kiosk.", "board.")))
    for phrase in ("您好", "请稍候", "请慢走"):
        assert phrase in kiosk
    assert zh["kiosk.ticket_window"] == "请您到 {windows} 号窗口办理"
    assert "号窗口办理" in zh["board.call"]


def test_the_forbidden_list_catches_seed_phrases():
    assert any(p in _plain("这是规定，你懂不懂") for p in FORBIDDEN_ZH)
    assert any(p in _plain("下班了，明天再来！") for p in FORBIDDEN_ZH)
