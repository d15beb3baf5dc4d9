"""The ledger and the reports as CSV and XLSX, in the reader's words, into the export folder."""

from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook

from models.cases import export_files as exports
from models.config import ExportsConfig, parse_config
from models.errors import Refused
from tests.cases.conftest import serve


@pytest.fixture
def folder(cases, tmp_path):
    target = tmp_path / "导出"
    cases.config = replace(cases.config, exports=ExportsConfig(folder=str(target)))
    return target


def a_case(hall, cases) -> str:
    number = serve(hall, "hukou-in", 1, "S01")
    return cases.open_case(staff="S01", ticket=number, kind="promised", name="张三丰", phone="13812345678").number


def read_csv(path: Path) -> list[list[str]]:
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # a BOM, so spreadsheet programs read the Chinese
    with path.open(encoding="utf-8-sig", newline="") as text:
        return list(csv.reader(text))


def test_the_ledger_as_csv_with_chinese_headers_and_masked_contacts(hall, cases, folder, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    number = a_case(hall, cases)
    path = cases.export_ledger(fmt="csv")
    assert path.parent == folder and path.name.startswith("便民服务登记台帐-") and path.suffix == ".csv"
    rows = read_csv(path)
    assert rows[0][:4] == ["受理编号", "类型", "状态", "事项"] and "联系电话" in rows[0] and "办结时间" in rows[0]
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["受理编号"] == number and row["类型"] == "承诺件" and row["事项"] == "户口迁入"
    text = path.read_text(encoding="utf-8-sig")
    assert "13812345678" not in text and "张三丰" not in text
    assert row["联系电话"].endswith("5678") and "*" in row["联系电话"]
    assert list(tmp_path.glob("*.csv")) == []  # nothing in the working directory


def test_the_ledger_as_xlsx_in_english(hall, cases, folder):
    number = a_case(hall, cases)
    path = cases.export_ledger(fmt="xlsx", lang="en")
    sheet = load_workbook(path).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0][0] == "Case number" and "Resident" in rows[0]
    assert rows[1][0] == number and "Promised" in str(rows[1][1])
    assert all("13812345678" not in str(v) for v in rows[1])


def test_the_report_as_xlsx_and_csv(hall, cases, folder):
    a_case(hall, cases)
    path = cases.export_report(month="2026-11", fmt="xlsx")
    rows = [[cell.value for cell in row] for row in load_workbook(path).active.iter_rows()]
    assert rows[0] == ["类别", "对象", "指标", "数值"]
    assert ["取号", "合计", "取号", 1] in rows
    assert ["办件类型", "承诺件", "件数", 1] in rows
    english = read_csv(cases.export_report(day="2026-11-23", fmt="csv", lang="en"))
    assert english[0] == ["Section", "Subject", "Figure", "Value"] and ["Tickets", "All", "Issued", "1"] in english


def test_a_typed_formula_stays_text(hall, cases, folder):
    sheet = exports.Sheet("t", ("a",), (("=1+1",), ("-3",), (3,)))
    rows = read_csv(exports.write_sheet(cases.config, sheet, "csv"))
    assert rows[1:] == [["'=1+1"], ["'-3"], ["3"]]


def test_a_folder_that_cannot_be_written_is_said(hall, cases, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    config = replace(cases.config, exports=ExportsConfig(folder=str(blocker / "sub")))
    with pytest.raises(Refused) as refused:
        exports.write_sheet(config, exports.Sheet("t", ("a",), ()), "csv")
    assert refused.value.key == "export_failed"
    with pytest.raises(Refused):
        exports.write_sheet(config, exports.Sheet("t", ("a",), ()), "pdf")


def test_the_default_folder_is_the_halls_data_directory():
    from platformdirs import user_data_dir

    assert exports.export_folder(parse_config({})) == Path(user_data_dir("hall")) / "exports"
    assert exports.export_folder(parse_config({"exports": {"folder": "/srv/hall/out"}})) == Path("/srv/hall/out")
