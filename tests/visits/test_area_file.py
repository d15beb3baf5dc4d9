"""The area file: every bad line as file:line, nothing loaded while one is bad, reloads retire."""

from __future__ import annotations

import pytest

from models.households.area_file import check_file
from models.households.store import AreaFileRefused, load_file
from models.schema.households import Area, Household
from tests.visits.conftest import AREA_FILE


def _problems(tmp_path, text: str, name: str = "areas.toml", staff=("S01", "S02")) -> list[str]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    _checked, problems = check_file(path, staff)
    return [str(p) for p in problems]


def test_a_good_file_checks_clean(tmp_path):
    path = tmp_path / "areas.toml"
    path.write_text(AREA_FILE, encoding="utf-8")
    checked, problems = check_file(path, ("S01", "S02"))
    assert problems == []
    assert [a.code for a in checked.areas] == ["g1", "g2"]
    assert [h.contact for h in checked.households] == ["monthly", "yearly", "monthly", "yearly"]


def test_every_bad_line_is_named(tmp_path):
    text = AREA_FILE.replace('worker = "S02"', 'worker = "S99"')  # line 11
    text = text.replace('care = "special"', 'care = "vip"')  # line 23
    text = text.replace('head = "陈小红"', 'head = "陈\\u202e小红"')  # line 32
    text = text.replace('phone = "13900003333"', 'phone = "call me"')  # line 33
    text = text.replace('code = "g2-001"\narea = "g2"', 'code = "g1-001"\narea = "g9"')
    problems = _problems(tmp_path, text)
    path = str(tmp_path / "areas.toml")
    assert f'{path}:11: area "g2": no active staff member has the code "S99"' in problems
    assert any(p.startswith(f"{path}:23: ") and '"care"' in p for p in problems)
    assert any(p.startswith(f"{path}:32: ") and "U+202E" in p for p in problems)
    assert any(p.startswith(f"{path}:33: ") and "phone number" in p for p in problems)
    assert any("is already given on line 13" in p for p in problems)
    assert any('the file has no area "g9"' in p for p in problems)


def test_a_special_family_cannot_be_yearly(tmp_path):
    text = AREA_FILE.replace('care = "special"', 'care = "special"\ncontact = "yearly"')
    problems = _problems(tmp_path, text)
    assert len(problems) == 1 and ":24: " in problems[0] and "at least once a month" in problems[0]


def test_unknown_fields_and_toml_errors(tmp_path):
    problems = _problems(tmp_path, AREA_FILE.replace('unit = "2单元"\nroom = "502"', 'flat = "2单元"\nroom = "502"'))
    assert len(problems) == 1 and ":30: " in problems[0] and 'unknown field "flat"' in problems[0]
    broken = _problems(tmp_path, AREA_FILE.replace('name = "第二网格"', 'name = "第二网格'))
    assert len(broken) == 1 and ":10: " in broken[0] and "not valid TOML" in broken[0]


CSV = """\
area,area_name,worker,grid_leader,code,address,building,unit,room,head,phone,care
g1,第一网格,S01,周网格,g1-001,幸福小区,3栋,2单元,501,王大明,13900002222,特殊
g1,,,,g1-002,幸福小区,3栋,2单元,502,陈小红,,
g2,第二网格,S02,,g2-001,和平路8号,,,,吴阿姨,,
"""


def test_a_csv_file(tmp_path):
    path = tmp_path / "areas.csv"
    path.write_bytes(b"\xef\xbb\xbf" + CSV.encode())  # as a spreadsheet saves it
    checked, problems = check_file(path, ("S01", "S02"))
    assert problems == []
    assert [(h.code, h.care, h.contact) for h in checked.households][0] == ("g1-001", "special", "monthly")
    bad = CSV.replace("g1,,,,g1-002", "g1,另一个名字,,,g1-002").replace("吴阿姨,,", "吴阿姨,12,")
    problems = _problems(tmp_path, bad, "bad.csv")
    assert any(":3: " in p and '"area_name" differs from line 2' in p for p in problems)
    assert any(":4: " in p and "phone number" in p for p in problems)
    assert any(":1: " in p and "unknown column" in p for p in _problems(tmp_path, "zone,code\n", "x.csv"))
    nameless = _problems(tmp_path, "area,code,address\ng3,g3-001,x\n", "y.csv")
    assert nameless == [f'{tmp_path / "y.csv"}:2: area "g3": "area_name" is missing']


def test_nothing_is_loaded_while_a_line_is_bad(areas, tmp_path):
    before = {h.code: h.head for h in Household.select()}
    path = tmp_path / "next.toml"
    path.write_text(
        AREA_FILE.replace('head = "吴阿姨"', 'head = "吴阿姨"\nroom = "\\u001b[2J"')
        + '\n[[household]]\ncode = "g2-002"\narea = "g2"\naddress = "x"\n',
        encoding="utf-8",
    )
    with pytest.raises(AreaFileRefused) as refused:
        load_file(str(path), "L01")
    assert len(refused.value.problems) == 1 and refused.value.problems[0].line == 49
    assert {h.code: h.head for h in Household.select()} == before


def test_a_reload_retires_and_brings_back(areas, tmp_path):
    path = tmp_path / "next.toml"
    dropped = AREA_FILE.replace('[[household]]\ncode = "g1-003"', '[[household]]\ncode = "g1-004"')
    path.write_text(dropped, encoding="utf-8")
    counts = load_file(str(path), "L01")
    assert counts["added"] == 1 and counts["retired"] == 1 and counts["unchanged"] == 3
    assert Household.get(Household.code == "g1-003").retired
    path.write_text(AREA_FILE, encoding="utf-8")
    counts = load_file(str(path), "L01")
    assert not Household.get(Household.code == "g1-003").retired
    assert Area.select().count() == 2 and Household.select().count() == 5


def test_only_a_leader_loads_an_area_file(areas, tmp_path):
    from models.households.rules import HouseholdRefused

    path = tmp_path / "next.toml"
    path.write_text(AREA_FILE.replace("幸福小区", "幸福新村"), encoding="utf-8")
    with pytest.raises(HouseholdRefused) as refused:
        load_file(str(path), "S01")
    assert refused.value.key == "load_leaders_only" and "S01" in refused.value.message("en")
    assert not Household.select().where(Household.address == "幸福新村").exists()
