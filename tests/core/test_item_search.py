"""Service items are found by part of their name or by the pinyin initials of their Chinese name."""

from __future__ import annotations

from models.catalogue.search import initials, matches, narrow

NAMES = [
    ("农村低保", "Rural minimum living allowance"),
    ("城镇低保", "Urban minimum living allowance"),
    ("老年优待证", "Senior citizen card"),
    ("户口迁入", "Moving a hukou in"),
]


def test_initials_of_a_chinese_name_keep_letters_and_digits():
    assert initials("老年优待证") == "lnydz"
    assert initials("A窗口 1号") == "ack1h"
    assert initials("取环（带环怀孕）") == "qhdhhy"


def test_a_query_matches_part_of_either_name_or_the_initials():
    assert matches("低保", NAMES[0]) and matches("ncdb", NAMES[0]) and matches("NC DB", NAMES[0])
    assert matches("rural", NAMES[0]) and matches("", NAMES[0])
    assert not matches("czdb", NAMES[0]) and not matches("养老", NAMES[0])


def test_narrowing_keeps_the_order_with_leading_matches_first():
    assert narrow(NAMES, "低保", lambda n: n) == NAMES[:2]
    assert narrow(NAMES, "db", lambda n: n) == NAMES[:2]
    assert narrow(NAMES, "lny", lambda n: n) == [NAMES[2]]
    assert narrow(NAMES, "hk", lambda n: n) == [NAMES[3]]
    assert narrow(NAMES, "c", lambda n: n)[0] == NAMES[1]  # 城镇… starts with c
    assert narrow(NAMES, "zz", lambda n: n) == []
