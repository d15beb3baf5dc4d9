"""A month's 好差评 as a file for a provincial 好差评 platform: JSON or CSV.

JSON holds the month, when it was read (``as_of``), the hall's name, the
indicators (:mod:`models.ratings.indicators`) and every rating's record
(:mod:`models.ratings.records`). CSV holds the records alone, one row each,
the header being the field names; lists are joined with ``;``, a yes/no is
``1``/``0`` (empty when it does not apply). Every field is documented in
``docs/ratings_export.md``.

No resident's name or phone is in either: a rating names the visit (ticket)
or the case, and whether the rater is known by name (``real_name``). The
files go into the export folder, named after the month and the minute they
were made, so a second export never overwrites the first.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from models import clock
from models.cases.export_files import export_folder
from models.config import Config
from models.ratings.indicators import indicators
from models.ratings.records import FIELDS, month_records, month_span

FORMATS = ("json", "csv")


def month_document(config: Config, month: str) -> dict:
    """What the JSON file holds."""
    month_span(month)
    records = month_records(config, month)
    return {
        "month": month,
        "as_of": clock.local(clock.now(), config.zone).isoformat(timespec="seconds"),
        "hall": config.hall_name,
        "indicators": indicators(config, month, records),
        "ratings": records,
    }


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text  # never a spreadsheet formula


def export_month(config: Config, month: str, fmt: str = "json") -> Path:
    """Write the month's file into the export folder; its path."""
    if fmt not in FORMATS:
        raise ValueError(fmt)
    document = month_document(config, month)
    folder = export_folder(config)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = clock.local(clock.now(), config.zone).strftime("%Y%m%d-%H%M")
    path = folder / f"ratings-{month}-{stamp}.{fmt}"
    index = 2
    while path.exists():
        path = folder / f"ratings-{month}-{stamp}-{index}.{fmt}"
        index += 1
    if fmt == "json":
        path.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        return path
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(FIELDS)
        for record in document["ratings"]:
            writer.writerow([_cell(record[name]) for name in FIELDS])
    return path
