"""Helpers for the household and visit tests: two workers, a leader, two small areas."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from models import clock
from models.households.store import load_file
from models.staff import add_staff
from tests.conftest import SHANGHAI

PIN = "1234"

AREA_FILE = """\
[[area]]
code = "g1"
name = "第一网格"
worker = "S01"
grid_leader = "周网格"
grid_leader_phone = "13800001111"

[[area]]
code = "g2"
name = "第二网格"
worker = "S02"

[[household]]
code = "g1-001"
area = "g1"
address = "幸福小区"
building = "3栋"
unit = "2单元"
room = "501"
head = "王大明"
phone = "13900002222"
stairway_leader = "孙楼长"
care = "special"

[[household]]
code = "g1-002"
area = "g1"
address = "幸福小区"
building = "3栋"
unit = "2单元"
room = "502"
head = "陈小红"
phone = "13900003333"

[[household]]
code = "g1-003"
area = "g1"
address = "幸福小区"
building = "4栋"
room = "101"
head = "黄老伯"
care = "difficult"

[[household]]
code = "g2-001"
area = "g2"
address = "和平路8号"
head = "吴阿姨"
"""

PERSONAL = (
    "王大明",
    "陈小红",
    "黄老伯",
    "吴阿姨",
    "13900002222",
    "13900003333",
    "13800001111",
    "周网格",
    "孙楼长",
    "501",
)


def at(day: date, hour: int, minute: int = 0) -> None:
    """Move the frozen clock to a Shanghai wall time."""
    clock.set_now(datetime(day.year, day.month, day.day, hour, minute, tzinfo=SHANGHAI))


def add_people() -> None:
    add_staff("S01", "张一", PIN, posts=[(1, "A")])
    add_staff("S02", "王二", PIN, posts=[(1, "B")])
    add_staff("L01", "刘站长", PIN, role="leader")


@pytest.fixture
def areas(hall, frozen_clock, tmp_path):
    """The hall with the people and the two areas of ``AREA_FILE`` loaded."""
    add_people()
    path = tmp_path / "areas.toml"
    path.write_text(AREA_FILE, encoding="utf-8")
    load_file(str(path), "L01")
    return hall
