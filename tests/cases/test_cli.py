"""``hall case …``, ``hall ledger`` and ``hall report``: output and exit statuses (0 done, 1 refused, 2 usage)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from models.cases.ratings import rate_by_code
from models.schema import Item
from models.schema.cases import ContactAccess
from tests.cases.conftest import serve


def test_a_case_from_opening_to_rating(hall, cases, run):
    number = serve(hall, "hukou-in", 1, "S01")
    material = Item.get(Item.code == "hukou-in").data["materials"][0]["name"]
    code, out, err = run(
        "case",
        "open",
        "--ticket",
        number,
        "--staff",
        "S01",
        "--missing",
        material,
        "--missing",
        "单位证明",
        "--name",
        "张三",
        "--phone",
        "13812345678",
    )
    assert (code, err) == (0, "")
    assert "2026-000001" in out and "补充件通知书" in out and material in out and "单位证明" in out
    assert "13812345678" not in out and "张三" not in out
    assert run("case", "materials-received", "2026-1", "--staff", "S01")[0] == 0
    code, out, _ = run("case", "notice", "2026-000001", "promise")
    assert code == 0 and "2026年11月30日" in out
    assert (
        run("case", "extend", "2026-000001", "--to", "2026-12-31", "--reason", "需要实地核查", "--staff", "S01")[0] == 0
    )
    assert run("case", "complete", "2026-000001", "--staff", "S01", "--result", "已迁入")[0] == 0
    code, out, _ = run("case", "notify", "2026-000001", "--how", "phone", "--staff", "S01", "--json")
    assert code == 0 and json.loads(out)["state"] == "closed"
    tracking_code = cases.detail("2026-000001")["tracking_code"]
    code, _, err = run("case", "rate", "2026-000001", "--code", tracking_code, "--level", "satisfied")
    assert code == 2 and "rate" in err  # no command rates: the resident does, at the kiosk
    rate_by_code(hall.config, tracking_code, "2026-000001", "very_unsatisfied", ["efficiency"], channel="kiosk")
    code, out, _ = run("case", "followups")
    assert code == 0 and "2026-000001" in out
    assert run("case", "callback", "2026-000001", "--staff", "S01")[0] == 1  # not a leader
    assert run("case", "callback", "2026-000001", "--staff", "L01", "--note", "已回访")[0] == 0
    code, _, err = run("case", "publish", "2026-000001", "--text", "张三的户口已迁入", "--staff", "S01")
    assert code == 1 and "个人信息" in err
    assert run("case", "publish", "2026-000001", "--text", "一户户口迁入已办结", "--staff", "S01")[0] == 0
    code, out, _ = run("case", "notices")
    assert code == 0 and "一户户口迁入已办结" in out


def test_show_ledger_and_contact(hall, cases, run):
    facts = cases.open_case(staff="S01", item="hukou-in", kind="promised", window=1, name="张三", phone="13812345678")
    code, out, _ = run("case", "show", facts.tracking_code)
    assert code == 0 and facts.number in out and "承诺办结" in out and "张" not in out
    code, out, _ = run("case", "show", facts.tracking_code, "--json")
    assert json.loads(out)["cases"][0]["number"] == facts.number
    code, out, _ = run("case", "show", facts.number, "--staff", "S02")
    assert code == 0 and "opened" in out and "138****5678" in out
    code, out, _ = run("ledger", "--search", "5678", "--json")
    rows = json.loads(out)["rows"]
    assert code == 0 and [r["number"] for r in rows] == [facts.number] and rows[0]["phone_masked"] == "138****5678"
    code, out, _ = run("ledger", "--open", "--window", "1", "--handler", "S01")
    assert code == 0 and facts.number in out and "138****5678" in out and "13812345678" not in out
    code, out, _ = run("ledger", "--overdue", lang="en")
    assert code == 0 and "no cases match" in out
    assert ContactAccess.select().count() == 0
    code, out, _ = run("case", "contact", facts.number, "--staff", "S02", "--purpose", "告知结果")
    assert code == 0 and "13812345678" in out and "张三" in out
    assert ContactAccess.select().count() == 1


def test_other_channels_and_steps(hall, cases, run):
    code, out, _ = run("case", "open", "--channel", "letter", "--item", "party-consult", "--staff", "S05")
    assert code == 0 and "咨询件受理通知书" in out and "2026年11月26日" in out  # reply due in 3 working days
    code, out, _ = run(
        "case", "open", "--item", "rural-dibao", "--window", "3", "--staff", "S03", "--authority", "街道民政科"
    )
    assert code == 0 and "上报件告知书" in out
    code, out, _ = run(
        "case",
        "open",
        "--item",
        "hukou-in",
        "--kind",
        "returned",
        "--window",
        "1",
        "--staff",
        "S01",
        "--reason",
        "不符合条件",
    )
    assert code == 0 and "退回件通知书" in out and "不符合条件" in out
    assert run("case", "handover", "2026-000002", "--to", "S04", "--reason", "外出", "--staff", "S03")[0] == 0
    assert run("case", "correct", "2026-000002", "--reason", "窗口录错", "--window", "4", "--staff", "S04")[0] == 0
    assert (
        run("case", "escalate", "2026-000002", "--authority", "区民政局", "--due", "2026-12-20", "--staff", "S04")[0]
        == 0
    )
    assert run("case", "return", "2026-000002", "--reason", "不符合条件", "--staff", "S04")[0] == 0
    code, out, _ = run("case", "supplement", "2026-000002", "--missing", "收入证明", "--staff", "S04")
    assert code == 1  # a returned case takes no more steps
    assert cases.detail("2026-000002")["handler"] == "S04"


def test_exit_statuses_for_usage_and_refusals(hall, cases, run):
    assert run("case", "open", "--item", "hukou-in", "--window", "1")[0] == 2  # --staff missing
    assert run("case", "open", "--item", "hukou-in", "--window", "1", "--staff", "S01", "--kind", "urgent")[0] == 2
    assert run("case", "extend", "2026-000001", "--to", "someday", "--reason", "x", "--staff", "S01")[0] == 2
    assert run("case", "extend", "2026-000001", "--to", "2026-12-01", "--staff", "S01")[0] == 2
    code, _, err = run("case", "complete", "2026-000009", "--staff", "S01")
    assert code == 1 and "2026-000009" in err
    code, _, err = run("case", "open", "--item", "hukou-in", "--staff", "S01", lang="en")
    assert code == 1 and "window number" in err
    assert run("ledger", "--kind", "bogus")[0] == 2
    assert run("ledger", "--search", "hello")[0] == 1
    assert run("report")[0] == 2
    assert run("report", "--date", "2026-11-23", "--month", "2026-11")[0] == 2
    assert run("report", "--month", "2026-13")[0] == 2


def test_report_command(hall, cases, run, exports_folder):
    serve(hall, "baby-hukou", 1, "S01")
    cases.open_case(staff="S05", item="party-consult", window=6, result="已答复")
    code, out, _ = run("report", "--date", "2026-11-23")
    assert code == 0 and "日报 2026-11-23" in out and "取号 1，办理 1，过号 0" in out and "咨询件：1 件" in out
    code, out, _ = run("report", "--month", "2026-11", "--csv")
    path = Path(out.strip().removeprefix("已导出："))
    assert code == 0 and path.parent == exports_folder and path.suffix == ".csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert rows[0] == ["类别", "对象", "指标", "数值"] and ["取号", "合计", "取号", "1"] in rows
    code, out, _ = run("report", "--date", "2026-11-23", "--xlsx", lang="en")
    assert code == 0 and out.startswith("Exported to ") and out.strip().endswith(".xlsx")
    code, out, _ = run("ledger", "--xlsx")
    assert code == 0 and Path(out.strip().removeprefix("已导出：")).parent == exports_folder
    code, out, _ = run("ledger", "--csv", "--json")
    assert code == 2
    code, out, _ = run("report", "--month", "2026-11", "--json", lang="en")
    assert code == 0 and json.loads(out)["cases_by_kind"] == {"consultation": 1}
    code, out, _ = run("report", "--date", "2026-11-23", lang="en")
    assert "daily report" in out and "Consultation: 1" in out
