"""The month's summary file: the counts against the seed's numbers, in the export folder, no resident's details."""

from __future__ import annotations

import csv
from dataclasses import replace
from datetime import datetime

from models.config import ExportsConfig
from models.worklog import export_month
from tests.cases.conftest import at
from tests.conftest import SHANGHAI


def test_the_month_summary_as_csv(hall, staff, frozen_clock, tmp_path):
    config = replace(hall.config, exports=ExportsConfig(folder=str(tmp_path / "exports")))
    at(2026, 11, 20, 10)
    hall.meetings.record("L01", "weekly", datetime(2026, 11, 16, 8, tzinfo=SHANGHAI), "例会", ["S01", "S02"])
    hall.meetings.record("L01", "study", datetime(2026, 11, 18, 15, tzinfo=SHANGHAI), "学习条例", ["S01"])
    hall.worklog.write("S01", "窗口值班")
    letter = hall.contacts.record(staff="S01", channel="letter", sender="王建国", matter="积水", phone="13812345678")
    hall.contacts.reply(letter.number, "S01", "已疏通")
    hall.contacts.record(staff="S01", channel="email", sender="李四", matter="噪音")
    at(2026, 11, 25, 10)
    path = export_month(config, "2026-11", lang="zh")
    assert path.parent == tmp_path / "exports" and path.name.startswith("worklog-2026-11-")
    text = path.read_text(encoding="utf-8-sig")
    assert "王建国" not in text and "13812345678" not in text and "窗口值班" not in text
    rows = list(csv.reader(text.splitlines()))
    assert rows[0] == ["类别", "时间", "项目", "次数", "应达", "说明"]
    assert [
        "会议学习",
        "2026-11",
        "工作例会",
        "1",
        "5",
        "无例会的周（周一）：2026-11-02、2026-11-09、2026-11-23、2026-11-30",
    ] in rows
    assert ["会议学习", "2026-11", "集中学习", "1", "2", "还差 1 次"] in rows
    assert ["工作日志", "2026-11", "王芳（S01）", "1", "", ""] in rows
    assert any(r[0] == "来电来信" and r[2] == "来信" and "按时回复 1" in r[5] for r in rows)
    assert any(r[0] == "来电来信" and r[2] == "电子邮件" and "其中逾期 1" in r[5] for r in rows)
    assert any(r[0] == "会议" and r[1] == "2026-11-18 15:00" and "学习条例 — 王芳" in r[5] for r in rows)
    english = export_month(config, "2026-11", lang="en").read_text(encoding="utf-8-sig")
    assert english.splitlines()[0] == "Section,When,What,Count,Asked,Detail"
