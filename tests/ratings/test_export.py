"""The monthly export for a provincial 好差评 platform: JSON and CSV, every field documented."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

from models.ratings.indicators import count
from models.ratings.records import FIELDS
from tests.ratings.test_indicators import november  # noqa: F401  (the fixture month)

DOC = Path(__file__).resolve().parents[2] / "docs" / "ratings_export.md"


def _documented(section: str) -> list[str]:
    text = DOC.read_text(encoding="utf-8")
    part = text.split(f"## {section}", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\| `([a-z_]+)` \|", part, flags=re.M)


def test_every_field_is_documented_in_order():
    assert _documented("A rating's record") == list(FIELDS)
    assert _documented("The indicators") == list(count([]))
    assert _documented("The JSON document") == ["month", "as_of", "hall", "indicators", "ratings"]


def _written(out: str) -> Path:
    return Path(out.strip().rsplit("：", 1)[-1].rsplit(": ", 1)[-1])


def test_the_json_export_holds_the_indicators_and_every_rating(hall, november, exports_folder, run):  # noqa: F811
    code, out, err = run("ratings", "export", "--month", "2026-11", "--format", "json")
    assert (code, err) == (0, "")
    path = _written(out)
    assert path.parent == exports_folder and path.name.startswith("ratings-2026-11-") and path.suffix == ".json"
    document = json.loads(path.read_text(encoding="utf-8"))
    assert list(document) == ["month", "as_of", "hall", "indicators", "ratings"]
    assert document["indicators"]["hall"]["count"] == 7 and document["indicators"]["hall"]["good_rate"] == 57.1
    assert all(list(record) == list(FIELDS) for record in document["ratings"])
    assert len(document["ratings"]) == 7
    assert "13812345678" not in path.read_text(encoding="utf-8")


def test_the_csv_export_has_a_row_per_rating(hall, november, exports_folder, run):  # noqa: F811
    code, out, _ = run("ratings", "export", "--month", "2026-11", "--format", "csv", lang="en")
    assert code == 0 and "Ratings of 2026-11 exported" in out
    path = _written(out)
    with path.open(encoding="utf-8-sig", newline="") as data:
        rows = list(csv.DictReader(data))
    assert list(rows[0]) == list(FIELDS) and len(rows) == 7
    c1 = next(row for row in rows if row["case"] == november["c1"])
    assert (c1["bad"], c1["real_name"], c1["rectified_on_time"], c1["reasons"]) == ("1", "1", "1", "attitude")
    visit = rows[0]
    assert (visit["kind"], visit["case"], visit["rectified_on_time"], visit["bad"]) == ("visit", "", "", "0")
    v3 = next(row for row in rows if row["ticket"] == november["v3"])  # a visit's 差评, in its loop
    assert (v3["bad"], v3["followup"], v3["rectified_on_time"], v3["excluded"]) == ("1", "open", "1", "0")


def test_indicators_and_ranking_at_the_command_line(hall, november, run):  # noqa: F811
    code, out, _ = run("ratings", "indicators", "--month", "2026-11")
    assert code == 0 and "全厅评价7次" in out and "好评率57.1%" in out and "整改按期率66.7%" in out
    code, out, _ = run("ratings", "ranking", "--month", "2026-11", "--json")
    assert [row["window"] for row in json.loads(out)][:3] == [3, 1, 6]
    code, _, err = run("ratings", "export", "--month", "2026-13")
    assert code == 2 and "2026-13" in err
