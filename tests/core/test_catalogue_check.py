"""The bundled catalogue, the catalogue checker and catalogue diffs.

One module, though long: each problem the checker knows has its case here,
one short test apiece, in the order of the checker's own list.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from models.catalogue import (
    CATEGORIES,
    KINDS,
    Catalogue,
    Problem,
    check_file,
    check_text,
    default_catalogue_path,
    diff,
    load_default,
    load_file,
)

# ─────────────────────────────────────────────────────────────────────────────
# The bundled catalogue
# ─────────────────────────────────────────────────────────────────────────────

# Every item of seed 001 第三篇 (办事须知) must be in the catalogue.
SEED_ITEMS = [
    "婴儿入户",
    "取环（带环怀孕）",
    "取环（患妇科疾病）",
    "取环（申报二孩）",
    "初婚未育、迁户等证明",
    "独生子女光荣证",
    "收养证",
    "生殖保健证、生育证、流动人口婚育证明",
    "一孩生殖保健服务证",
    "二孩生育证",
    "独生子女父母光荣证",
    "户口迁入",
    "户口迁出",
    "小城镇户口",
    "失地农民养老金资格认证",
    "申报领取失地农民养老保险金",
    "农村低保",
    "大病救助（农村）",
    "城镇居民大病救助",
    "企业离退休人员养老资格认证",
    "社会保险补贴",
    "遗属补助资格认证",
    "农村五保",
    "重度残疾人生活救助",
    "就业失业登记证",
    "零就业家庭",
    "廉租房",
    "城镇低保",
]

# A few items of 001 第五篇 (服务窗口职能) for lines with no 第三篇 items.
WINDOW_DUTY_ITEMS = [
    "党员组织关系接转",
    "来访登记",
    "家电下乡补贴申报",
    "农村建房用地手续初审",
    "老年优待证",
]

SEED_LINES = ["计生服务", "劳动保障", "民政救济", "财政服务", "党员服务", "村镇建设", "信访稳定"]


@pytest.fixture(scope="module")
def cat() -> Catalogue:
    return load_default()


def by_name(cat: Catalogue, name: str):
    matches = [it for it in cat.items if it.name == name]
    assert len(matches) == 1, name
    return matches[0]


def test_bundled_catalogue_checks_clean():
    path = default_catalogue_path()
    assert path.name == "default_catalogue.toml" and path.is_file()
    cat, problems = check_file(path)
    assert problems == [], "\n".join(map(str, problems))
    assert cat is not None


def test_bundled_catalogue_has_every_seed_item(cat):
    names = {it.name for it in cat.items}
    missing = [n for n in SEED_ITEMS + WINDOW_DUTY_ITEMS if n not in names]
    assert missing == []
    assert len(cat.items) >= len(SEED_ITEMS) + len(WINDOW_DUTY_ITEMS)


def test_bundled_lines_and_windows(cat):
    assert sorted(ln.name for ln in cat.lines) == sorted(SEED_LINES)
    prefixes = [ln.prefix for ln in cat.lines]
    assert len(set(prefixes)) == len(prefixes)
    assert all(len(p) == 1 and "A" <= p <= "Z" for p in prefixes)
    assert all(ln.category in CATEGORIES for ln in cat.lines)
    assert cat.line("xinfang").name == "信访稳定"
    # every line is served, and one window serves more than one line
    for ln in cat.lines:
        assert cat.windows_for_line(ln.code), ln.code
        assert cat.items_for_line(ln.code), ln.code
    assert any(len(w.lines) > 1 for w in cat.windows)
    numbers = [w.number for w in cat.windows]
    assert len(set(numbers)) == len(numbers)


def test_bundled_items_are_consistent(cat):
    codes = [it.code for it in cat.items]
    assert len(set(codes)) == len(codes)
    line_codes = {ln.code for ln in cat.lines}
    for it in cat.items:
        assert it.line in line_codes
        assert it.kind in KINDS
        assert it.service_minutes > 0
        if it.kind in ("immediate", "consultation"):
            assert it.promised_days == 0
        assert cat.item(it.code) is it


def test_bundled_english_is_complete(cat):
    for ln in cat.lines:
        assert ln.name_en.strip()
    for w in cat.windows:
        assert w.name_en.strip()
    for it in cat.items:
        assert it.name_en.strip(), it.code
        assert len(it.notes) == len(it.notes_en), it.code
        assert all(n.strip() for n in it.notes_en), it.code
        for m in it.materials:
            assert m.name_en.strip(), (it.code, m.name)
            assert bool(m.note) == bool(m.note_en), (it.code, m.name)
            assert bool(m.photo_size) == bool(m.photo_size_en), (it.code, m.name)
            # every material says what is needed
            assert m.original or m.copies or m.photos or m.form, (it.code, m.name)
        for f in it.fees:
            assert f.name_en.strip() and f.unit_en.strip()


def test_bundled_seasonal_periods(cat):
    periods = {it.name: (it.open_from, it.open_to) for it in cat.items if it.seasonal}
    assert periods == {
        "失地农民养老金资格认证": ((12, 1), (12, 31)),
        "企业离退休人员养老资格认证": ((11, 15), (12, 31)),
        "企业离退休人员养老资格认证（逾期补办）": ((1, 1), (11, 14)),  # seed 001's 逾期 path: the rest of the year
        "遗属补助资格认证": ((7, 15), (8, 15)),
    }
    survivor = by_name(cat, "遗属补助资格认证")
    assert survivor.is_open_on(dt.date(2024, 7, 15))
    assert survivor.is_open_on(dt.date(2024, 8, 15))
    assert not survivor.is_open_on(dt.date(2024, 8, 16))
    assert survivor.next_opening(dt.date(2024, 8, 16)) == dt.date(2025, 7, 15)
    assert survivor.next_opening(dt.date(2024, 8, 1)) == dt.date(2024, 8, 1)
    assert by_name(cat, "户口迁入").is_open_on(dt.date(2024, 3, 3))


def test_bundled_fees(cat):
    hukou_in = by_name(cat, "户口迁入")
    fees = {(f.name, f.amount, f.unit, f.deposit) for f in hukou_in.fees}
    assert ("卫生费", 12.0, "元/人", False) in fees
    assert ("基础设施建设配套费", 200.0, "元/人", False) in fees
    deposits = [f for f in hukou_in.fees if f.deposit]
    assert [f.amount for f in deposits] == [400.0]
    hukou_out = by_name(cat, "户口迁出")
    assert [(f.name, f.amount, f.unit) for f in hukou_out.fees] == [("卫生费", 12.0, "元/人")]
    assert all(isinstance(f.amount, float) for it in cat.items for f in it.fees)


def test_bundled_publicity(cat):
    severe = by_name(cat, "重度残疾人生活救助")
    assert severe.publicity_days == 5
    assert any("3天" in n for n in severe.notes)
    assert by_name(cat, "廉租房").publicity_days == 15


def test_bundled_materials(cat):
    first = by_name(cat, "一孩生殖保健服务证")
    ids = next(m for m in first.materials if m.name == "双方身份证")
    assert ids.original and ids.copies == 2
    photo = next(m for m in first.materials if m.photos)
    assert (photo.photos, photo.photo_size, photo.photo_size_en) == (1, "二寸", "2-inch")
    assert any(m.form and "若是单位职工" in m.note for m in first.materials)

    second = by_name(cat, "二孩生育证")
    assert any(m.form and m.name == "《生育证审批表》" for m in second.materials)

    urban = by_name(cat, "城镇低保")
    photo = next(m for m in urban.materials if m.photos)
    assert (photo.photos, photo.photo_size) == (4, "一寸")

    claim = by_name(cat, "申报领取失地农民养老保险金")
    assert [(m.photos, m.photo_size) for m in claim.materials if m.photos] == [(3, "一寸")]

    subsidy = by_name(cat, "社会保险补贴")
    assert sum(1 for m in subsidy.materials if m.note.startswith("首次申报")) == 3

    rural = by_name(cat, "农村低保")
    assert len(rural.materials) >= 9


# ─────────────────────────────────────────────────────────────────────────────
# The checker
# ─────────────────────────────────────────────────────────────────────────────

BASE = """\
# a small but complete catalogue
[[line]]
code = "jisheng"
prefix = "A"
name = "计生服务"
name_en = "Family planning"
category = "人口计生"

[[line]]
code = "laobao"
prefix = "B"
name = "劳动保障"
name_en = "Labour"
category = "劳动和就业保障"

[[window]]
number = 1
name = "计生"
name_en = "Family planning"
lines = [
    "jisheng",
    "laobao",
]

[[item]]
code = "hukou-in"
line = "jisheng"
name = "户口迁入"
name_en = "Moving in"
kind = "promised"
promised_days = 5
service_minutes = 20
notes = ["一", "二"]
notes_en = ["one", "two"]

[[item.fees]]
name = "卫生费"
name_en = "Sanitation fee"
amount = 12
unit = "元/人"
unit_en = "yuan per person"

[[item.materials]]
name = "身份证"
name_en = "ID card"
original = true
copies = 1

[[item.materials]]
name = "照片"
name_en = "Photo"
photos = 2
photo_size = "一寸"
photo_size_en = "1-inch"

[[item]]
code = "pension-cert"
line = "laobao"
name = "资格认证"
name_en = "Eligibility check"
kind = "immediate"
promised_days = 0
service_minutes = 10
open_from = "12-01"
open_to = "12-31"

[[item.materials]]
name = "身份证"
name_en = "ID card"
original = true
"""

PATH = "cat.toml"


def line_no(text: str, needle: str, nth: int = 1) -> int:
    """1-based line number of the nth line containing ``needle``."""
    seen = 0
    for n, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            seen += 1
            if seen == nth:
                return n
    raise AssertionError(f"{needle!r} not in text")


def replace(text: str, old: str, new: str, count: int = 1) -> str:
    assert old in text, old
    return text.replace(old, new, count)


def problems_of(text: str) -> list[Problem]:
    cat, problems = check_text(text, PATH)
    assert (cat is None) == bool(problems)
    return problems


def only(text: str) -> Problem:
    problems = problems_of(text)
    assert len(problems) == 1, "\n".join(map(str, problems))
    return problems[0]


def test_base_is_clean():
    cat, problems = check_text(BASE, PATH)
    assert problems == []
    assert cat is not None
    assert [it.code for it in cat.items] == ["hukou-in", "pension-cert"]
    assert cat.item("hukou-in").fees[0].amount == 12.0
    assert cat.item("pension-cert").open_from == (12, 1)
    assert cat.windows_for_line("laobao")[0].lines == ("jisheng", "laobao")


def test_problem_str():
    p = Problem("default_catalogue.toml", 42, 'item "hukou-in": unknown key "x"')
    assert str(p) == 'default_catalogue.toml:42: item "hukou-in": unknown key "x"'


def test_syntax_error_reports_its_line():
    text = replace(BASE, 'kind = "promised"', "kind = promised")
    p = only(text)
    assert p.line == line_no(text, "kind = promised")
    assert "syntax" in p.message
    assert str(p).startswith(f"{PATH}:{p.line}: ")


def test_syntax_error_at_end_of_file():
    p = only(BASE + 'name = "unterminated\n')
    assert p.line >= line_no(BASE, 'open_to = "12-31"')
    assert "syntax" in p.message


def test_unknown_key_with_suggestion():
    text = replace(BASE, "promised_days = 5", "promis_days = 5")
    p = only(text)
    assert p.line == line_no(text, "promis_days")
    assert p.message == 'item "hukou-in": unknown key "promis_days" (did you mean "promised_days"?)'


def test_unknown_key_in_material_and_top_level():
    text = replace(BASE, "original = true", "orignal = true")
    p = only(text)
    assert p.line == line_no(text, "orignal")
    assert 'material "身份证"' in p.message and '"original"' in p.message

    text = replace(BASE, "[[window]]", "[[windwo]]")
    problems = problems_of(text)
    assert any(pr.line == line_no(text, "[[windwo]]") and 'did you mean "window"' in pr.message for pr in problems)


def test_missing_required_key_reports_the_table_header():
    text = replace(BASE, 'name_en = "Moving in"\n', "")
    p = only(text)
    assert p.line == line_no(text, "[[item]]")
    assert 'missing required key "name_en"' in p.message
    assert 'item "hukou-in"' in p.message


@pytest.mark.parametrize(
    "old, new, key",
    [
        ("promised_days = 5", 'promised_days = "5"', "promised_days"),
        ("promised_days = 5", "promised_days = 5.5", "promised_days"),
        ("original = true", 'original = "yes"', "original"),
        ("amount = 12", 'amount = "12元"', "amount"),
        ('notes_en = ["one", "two"]', 'notes_en = "one, two"', "notes_en"),
        ('name = "户口迁入"', "name = 1", "name"),
        ("number = 1", 'number = "1"', "number"),
    ],
)
def test_wrong_type(old, new, key):
    text = replace(BASE, old, new)
    problems = problems_of(text)
    assert any(pr.line == line_no(text, new) and f'"{key}" should be' in pr.message for pr in problems), "\n".join(
        map(str, problems)
    )


def test_wrong_type_inside_a_list():
    text = replace(BASE, 'notes = ["一", "二"]', 'notes = ["一", 2]')
    p = only(text)
    assert p.line == line_no(text, 'notes = ["一", 2]')
    assert 'entry 2 of "notes"' in p.message


def test_duplicate_item_code():
    text = replace(BASE, 'code = "pension-cert"', 'code = "hukou-in"')
    p = only(text)
    assert p.line == line_no(text, 'code = "hukou-in"', nth=2)
    assert "duplicate item code" in p.message
    assert f"first defined at line {line_no(text, '[[item]]')}" in p.message


def test_duplicate_line_code_and_prefix():
    text = replace(BASE, 'prefix = "B"', 'prefix = "A"')
    p = only(text)
    assert p.line == line_no(text, 'prefix = "A"', nth=2)
    assert 'prefix "A" is already used by line "jisheng"' in p.message

    text = replace(BASE, 'code = "laobao"', 'code = "jisheng"')
    problems = problems_of(text)
    assert any(
        pr.line == line_no(text, 'code = "jisheng"', nth=2) and "duplicate line code" in pr.message for pr in problems
    )


def test_duplicate_window_number():
    extra = '\n[[window]]\nnumber = 1\nname = "又一个"\nname_en = "Another"\nlines = ["laobao"]\n'
    text = BASE + extra
    p = only(text)
    assert p.line == line_no(text, "number = 1", nth=2)
    assert "duplicate window number 1" in p.message


@pytest.mark.parametrize("prefix", ["a", "AB", "1", "", "Ä"])
def test_bad_prefix(prefix):
    text = replace(BASE, 'prefix = "B"', f'prefix = "{prefix}"')
    p = only(text)
    assert p.line == line_no(text, f'prefix = "{prefix}"')
    assert "prefix" in p.message


def test_item_names_unknown_line():
    text = replace(BASE, 'line = "laobao"', 'line = "laobaoo"')
    p = only(text)
    assert p.line == line_no(text, 'line = "laobaoo"')
    assert p.message == 'item "pension-cert": unknown line "laobaoo" (did you mean "laobao"?)'


def test_window_names_unknown_line_on_its_own_line():
    text = replace(BASE, '    "laobao",\n]', '    "laobao",\n    "minzheng",\n]')
    p = only(text)
    assert p.line == line_no(text, '"minzheng",')
    assert 'window 1: unknown line "minzheng"' in p.message


def test_line_with_no_window():
    text = replace(BASE, '    "laobao",\n', "")
    p = only(text)
    assert p.line == line_no(text, "[[line]]", nth=2)
    assert 'line "laobao" is not served by any window' in p.message


@pytest.mark.parametrize(
    "kind, hint",
    [("promise", 'did you mean "promised"'), ("即办件", 'write "immediate"'), ("supplement", "outcome")],
)
def test_bad_kind(kind, hint):
    text = replace(BASE, 'kind = "immediate"', f'kind = "{kind}"')
    p = only(text)
    assert p.line == line_no(text, f'kind = "{kind}"')
    assert "unknown kind" in p.message and hint in p.message


def test_kind_and_promised_days_agree():
    text = replace(BASE, "promised_days = 0", "promised_days = 3")
    p = only(text)
    assert p.line == line_no(text, "promised_days = 3")
    assert "should be 0" in p.message

    text = replace(BASE, "promised_days = 5", "promised_days = 0")
    p = only(text)
    assert p.line == line_no(text, "promised_days = 0")


@pytest.mark.parametrize("bad", ["02-30", "13-01", "00-10", "12-32", "1-5", "12/01", "2024-12-01"])
def test_bad_dates(bad):
    text = replace(BASE, 'open_from = "12-01"', f'open_from = "{bad}"')
    p = only(text)
    assert p.line == line_no(text, f'open_from = "{bad}"')
    assert "not a valid date" in p.message and "MM-DD" in p.message


def test_leap_day_and_year_end_periods_are_allowed():
    text = replace(BASE, 'open_from = "12-01"\nopen_to = "12-31"', 'open_from = "12-15"\nopen_to = "02-29"')
    cat, problems = check_text(text, PATH)
    assert problems == []
    item = cat.item("pension-cert")
    assert item.is_open_on(dt.date(2023, 1, 10))
    assert item.is_open_on(dt.date(2023, 12, 20))
    assert not item.is_open_on(dt.date(2023, 6, 1))
    assert item.next_opening(dt.date(2023, 6, 1)) == dt.date(2023, 12, 15)


def test_period_needs_both_ends():
    text = replace(BASE, 'open_to = "12-31"\n', "")
    p = only(text)
    assert p.line == line_no(text, "open_from")
    assert '"open_to" is missing' in p.message


@pytest.mark.parametrize(
    "old, new",
    [
        ("promised_days = 5", "promised_days = -5"),
        ("service_minutes = 10", "service_minutes = -1"),
        ("copies = 1", "copies = -1"),
        ("photos = 2", "photos = -2"),
        ("amount = 12", "amount = -12"),
    ],
)
def test_negative_numbers(old, new):
    text = replace(BASE, old, new)
    p = only(text)
    assert p.line == line_no(text, new)
    assert "must not be negative" in p.message


def test_window_number_must_be_positive():
    text = replace(BASE, "number = 1", "number = 0")
    problems = problems_of(text)
    assert any(pr.line == line_no(text, "number = 0") and "1 or more" in pr.message for pr in problems)


def test_notes_length_mismatch():
    text = replace(BASE, 'notes_en = ["one", "two"]', 'notes_en = ["one"]')
    p = only(text)
    assert p.line == line_no(text, 'notes_en = ["one"]')
    assert '"notes" has 2 entries but "notes_en" has 1' in p.message

    text = replace(BASE, 'notes_en = ["one", "two"]\n', "")
    p = only(text)
    assert p.line == line_no(text, "notes = ")
    assert '"notes_en"' in p.message


def test_english_twins_of_material_texts():
    text = replace(BASE, "copies = 1\n", 'copies = 1\nnote = "首次申报还需"\n')
    p = only(text)
    assert p.line == line_no(text, "note = ")
    assert '"note_en"' in p.message

    text = replace(BASE, 'photo_size_en = "1-inch"\n', "")
    p = only(text)
    assert p.line == line_no(text, 'photo_size = "一寸"')


def test_material_must_say_what_is_needed():
    text = replace(BASE, "original = true\ncopies = 1\n", "")
    p = only(text)
    assert p.line == line_no(text, "[[item.materials]]")
    assert "says nothing is needed" in p.message


def test_bad_category_and_slug():
    text = replace(BASE, 'category = "人口计生"', 'category = "计生"')
    p = only(text)
    assert p.line == line_no(text, 'category = "计生"')
    assert "unknown category" in p.message

    text = replace(BASE, 'code = "pension-cert"', 'code = "Pension Cert"')
    p = only(text)
    assert p.line == line_no(text, 'code = "Pension Cert"')
    assert "slug" in p.message


def test_inline_tables_are_located_too():
    text = BASE + (
        '\n[[item]]\ncode = "inline"\nline = "jisheng"\nname = "内联"\nname_en = "Inline"\n'
        'kind = "immediate"\npromised_days = 0\nservice_minutes = 5\n'
        "materials = [\n"
        '    { name = "甲", name_en = "A", original = true },\n'
        '    { name = "乙", name_en = "B", orignal = true },\n'
        "]\n"
    )
    problems = problems_of(text)
    assert any(pr.line == line_no(text, '"乙"') and 'unknown key "orignal"' in pr.message for pr in problems), (
        "\n".join(map(str, problems))
    )


def test_many_problems_are_all_reported_in_line_order():
    text = BASE
    text = replace(text, 'prefix = "B"', 'prefix = "bb"')
    text = replace(text, "promised_days = 5", "promis_days = 5")
    text = replace(text, "amount = 12", "amount = -12")
    text = replace(text, 'kind = "immediate"', 'kind = "instant"')
    text = replace(text, 'open_to = "12-31"', 'open_to = "02-30"')
    problems = problems_of(text)
    expected_lines = [
        line_no(text, 'prefix = "bb"'),
        line_no(text, "promis_days"),
        line_no(text, "amount = -12"),
        line_no(text, 'kind = "instant"'),
        line_no(text, 'open_to = "02-30"'),
    ]
    assert [p.line for p in problems] == expected_lines, "\n".join(map(str, problems))
    assert all(str(p).startswith(f"{PATH}:") for p in problems)


def test_top_level_shape():
    text = BASE.replace("[[item]]", "[[items]]")
    problems = problems_of(text)
    assert any('unknown top-level key "items"' in p.message and 'did you mean "item"' in p.message for p in problems)

    text = BASE.split("[[item]]")[0]
    p = only(text)
    assert p.line == 1 and "no [[item]] tables" in p.message

    text = "title = 'x'\n"
    problems = problems_of(text)
    assert len(problems) == 4  # unknown "title" + three missing sections


def test_check_file_errors(tmp_path):
    missing = tmp_path / "nope.toml"
    cat, problems = check_file(missing)
    assert cat is None and len(problems) == 1
    assert problems[0].line == 0 and "not found" in problems[0].message
    assert problems[0].path == str(missing)

    bad = tmp_path / "gbk.toml"
    bad.write_bytes(b"# ok\n# ok\nname = '" + "户口".encode("gbk") + b"'\n")
    cat, problems = check_file(bad)
    assert cat is None and len(problems) == 1
    assert problems[0].line == 3 and "UTF-8" in problems[0].message

    bom = tmp_path / "bom.toml"
    bom.write_bytes(b"\xef\xbb\xbf" + BASE.encode("utf-8"))
    cat, problems = check_file(bom)
    assert problems == [] and cat is not None

    broken = tmp_path / "broken.toml"
    broken.write_text(replace(BASE, "promised_days = 5", "promised_days = -5"), encoding="utf-8")
    with pytest.raises(ValueError) as info:
        load_file(broken)
    assert f"{broken}:{line_no(broken.read_text(encoding='utf-8'), 'promised_days = -5')}:" in str(info.value)


# ─────────────────────────────────────────────────────────────────────────────
# Diff
# ─────────────────────────────────────────────────────────────────────────────


def test_diff_of_same_catalogue_is_empty(cat):
    assert diff(cat, cat) == []


def test_diff_reports_added_removed_and_changed():
    old, _ = check_text(BASE, PATH)
    text = replace(BASE, "copies = 1", "copies = 2")  # hukou-in materials change
    text = replace(text, 'name = "计生"', 'name = "计生窗口"')  # window 1 renamed
    text = replace(text, 'code = "pension-cert"', 'code = "pension-check"')  # remove + add
    new, problems = check_text(text, PATH)
    assert problems == []
    changes = diff(old, new)
    assert "~ item hukou-in 户口迁入 (materials)" in changes
    assert "~ window 1 计生窗口 (name)" in changes
    assert "- item pension-cert 资格认证" in changes
    assert "+ item pension-check 资格认证" in changes
    assert len(changes) == 4


def test_diff_lines_and_fields(cat):
    line = cat.line("xinfang")
    new = dataclasses.replace(
        cat,
        lines=tuple(dataclasses.replace(ln, prefix="Z") if ln is line else ln for ln in cat.lines),
        items=tuple(
            dataclasses.replace(it, promised_days=it.promised_days + 1, notes=()) if it.code == "hukou-in" else it
            for it in cat.items
        ),
    )
    changes = diff(cat, new)
    assert changes == [
        "~ line xinfang 信访稳定 (prefix)",
        "~ item hukou-in 户口迁入 (promised_days, notes)",
    ]
    smaller = dataclasses.replace(cat, windows=cat.windows[:-1])
    assert diff(cat, smaller) == [f"- window {cat.windows[-1].number} {cat.windows[-1].name}"]
    assert diff(smaller, cat) == [f"+ window {cat.windows[-1].number} {cat.windows[-1].name}"]


def test_multiline_strings_do_not_confuse_line_numbers():
    text = replace(BASE, 'name_en = "Moving in"', 'name_en = """Moving\n[[item]]\ncode = "zz"\nin"""')
    text = replace(text, "promised_days = 5", "promis_days = 5")
    newline, key = problems_of(text)  # a name holds no line break: it is refused where it starts
    assert newline.line == line_no(text, 'name_en = """Moving') and "U+000A" in newline.message
    assert key.line == line_no(text, "promis_days") and "promis_days" in key.message


def test_bad_window_lines_is_one_problem_not_many():
    text = replace(BASE, 'lines = [\n    "jisheng",\n    "laobao",\n]', 'lines = "jisheng"')
    p = only(text)
    assert p.line == line_no(text, 'lines = "jisheng"')
