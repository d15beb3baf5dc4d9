"""The last whole month's 好差评 published: on the board's notices and the web's /notices."""

from __future__ import annotations

import pytest

from tests.ratings.test_indicators import november  # noqa: F401  (the fixture month)


def test_the_board_cycles_the_months_indicators(hall, november):  # noqa: F811
    from kiosk.screens.board import board_notices

    assert hall.ratings.last_month() == "2026-11"  # the fixture ends on 2026-12-28
    zh = board_notices(hall, "zh")
    head = next(line for line in zh if line.startswith("2026-11 好差评公示"))
    assert "全厅评价7次" in head and "好评率57.1%" in head and "差评率42.9%" in head
    assert "差评整改率100.0%" in head and "实名差评回访率100.0%" in head and "整改按期率66.7%" in head
    assert "3号窗口：评价1次，好评率100.0%，差评率0.0%。" in zh
    en = board_notices(hall, "en")
    assert any(line.startswith("Ratings of 2026-11: The hall was rated 7 times") for line in en)


def test_a_month_without_ratings_publishes_nothing(hall, cases):
    from kiosk.screens.board import board_notices

    assert not any("好差评公示" in line for line in board_notices(hall, "zh"))
    assert hall.ratings.notice_lines("zh", "2026-10") == []


@pytest.fixture
def client(hall):
    from fastapi.testclient import TestClient

    from web.app import create_app

    with TestClient(create_app(hall), base_url="http://hall.test") as client:
        yield client


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_web_notices_show_the_table(hall, november, client, lang):  # noqa: F811
    page = client.get(f"/notices?lang={lang}").text
    assert 'id="ratings"' in page
    if lang == "zh":
        assert "2026-11 好差评公示" in page and "实名差评回访率" in page and "全厅" in page and "3号窗口" in page
        assert "<td>57.1%</td>" in page and "<td>50.0%</td>" in page and "计生服务" in page
    else:
        assert "Ratings of 2026-11" in page and "Window 6" in page and "<td>42.9%</td>" in page
        assert "Family planning" in page
    assert "13812345678" not in page and "张三" not in page


def test_no_table_without_ratings(hall, cases, client):
    assert 'id="ratings"' not in client.get("/notices").text
