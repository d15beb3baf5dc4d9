"""The ledger (台帐) and the reports as spreadsheet files: CSV or XLSX.

Headers and words are the reader's language (Chinese by default, English
with ``lang="en"``); kinds, states and sections are words, not codes. Files
go into ``[exports] folder`` of the config (by default ``exports`` under the
hall's data directory, never the directory a command happens to run in),
named after what they hold and the minute they were made, so a second
export never overwrites the first. A resident's name and phone stay masked,
as the ledger shows them: an export is read by more people than a screen.

CSV is UTF-8 with a byte-order mark, so spreadsheet programs read the
Chinese; XLSX is written with openpyxl.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from models import clock
from models.cases import ledger as case_ledger
from models.cases.reports import Report
from models.config import Config
from models.errors import Refused
from models.i18n import pick, t
from models.schema import Item, Line

FORMATS = ("csv", "xlsx")
_PAGE = 1000

# A cell a spreadsheet would run as a formula is written as text.
_FORMULA = re.compile(r"^[=+\-@\t\r]")


@dataclass(frozen=True)
class Sheet:
    name: str  # the file's stem and the worksheet's title
    headers: tuple[str, ...]
    rows: tuple[tuple, ...]


def export_folder(config: Config) -> Path:
    if config.exports.folder:
        return Path(config.exports.folder).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("hall")) / "exports"


def ledger_sheet(config: Config, flt=None, lang: str = "zh") -> Sheet:
    """Every case the filter finds (all pages), with the ledger's columns."""
    heads = (
        "number",
        "kind",
        "state",
        "item",
        "window",
        "accepted_at",
        "due",
        "completed_at",
        "handler",
        "first_responder",
        "name",
        "contact",
        "flags",
    )
    rows = []
    page = 1
    while True:
        answer = case_ledger.ledger(config, flt, page, _PAGE)
        for row in answer.rows:
            rows.append(
                (
                    row.number,
                    t(f"case.kind_{row.kind}", lang),
                    t(f"case.state_{row.state}", lang),
                    pick(row.item_name, row.item_name_en, lang),
                    row.window or "",
                    row.accepted_at.replace("T", " ")[:16],
                    row.due_date or "",
                    (row.completed_at or "").replace("T", " ")[:16],
                    row.handler,
                    row.first_responder,
                    row.name_masked,
                    row.phone_masked,
                    "、".join(ledger_flags(row, lang)),
                )
            )
        if not answer.has_more:
            break
        page += 1
    headers = tuple(t(f"ledger.{h}" if h != "name" else "export.resident", lang) for h in heads)
    return Sheet(t("export.ledger_name", lang), headers, tuple(rows))


def ledger_flags(row, lang: str) -> list[str]:
    """A ledger row's marks in words: 超期, 即办超时, 延期N次, 补充件, 已公告, 待整改."""
    flags = []
    if row.overdue:
        flags.append(t("ledger.flag_overdue", lang))
    if row.over_time:
        flags.append(t("ledger.flag_over_time", lang))
    if row.extensions:
        flags.append(t("ledger.flag_extended", lang, count=row.extensions))
    if row.supplement:
        flags.append(t("ledger.flag_supplement", lang))
    if row.published:
        flags.append(t("ledger.flag_published", lang))
    if row.followup == "open":
        flags.append(t("ledger.flag_followup", lang))
    return flags


def report_sheet(report: Report, lang: str = "zh", names: dict[str, str] | None = None) -> Sheet:
    """The report's figures as rows of section, subject, figure, value; ``names``
    turns line and item codes into their names."""
    names = names or {}

    def w(key: str, **params) -> str:
        return t(f"export.{key}", lang, **params)

    def metric(key: str) -> str:
        return w(f"metric_{key}")

    everything = w("all")
    rows: list[tuple] = [(w("section_period"), report.period, w("metric_start"), report.start.isoformat())]
    rows.append((w("section_period"), report.period, w("metric_end"), report.end.isoformat()))
    rows += [(w("section_tickets"), everything, metric(k), v) for k, v in report.tickets.items()]
    for line, counts in report.tickets_by_line.items():
        rows += [(w("section_by_line"), names.get(line, line), metric(k), v) for k, v in counts.items()]
    for window, counts in report.tickets_by_window.items():
        subject = w("window", window=window)
        rows += [(w("section_by_window"), subject, metric(k), v) for k, v in counts.items()]
    for key in ("wait_median_minutes", "wait_p90_minutes", "service_median_minutes"):
        value = getattr(report, key)
        rows.append((w("section_times"), everything, metric(key), "" if value is None else round(value, 1)))
    rows += [
        (w("section_by_kind"), t(f"case.kind_{kind}", lang), metric("cases"), n)
        for kind, n in report.cases_by_kind.items()
    ]
    for key in ("cases_total", "overdue_cases", "extended_cases", "extensions", "over_time_immediate"):
        rows.append((w("section_cases"), everything, metric(key), getattr(report, key)))
    for item, counts in report.supplement_by_item.items():
        rows += [(w("section_supplement"), names.get(item, item), metric(k), v) for k, v in counts.items()]
    rows += [
        (w("section_ratings"), t(f"rating.level_{level}", lang), metric("ratings"), n)
        for level, n in report.ratings_by_level.items()
    ]
    for key in ("bad_ratings", "open_followups", "overdue_followups"):
        rows.append((w("section_ratings"), everything, metric(key), getattr(report, key)))
    rows += [
        (w("section_visit_ratings"), t(f"rating.level_{level}", lang), metric("ratings"), n)
        for level, n in report.visit_ratings_by_level.items()
    ]
    rows.append((w("section_visit_ratings"), everything, metric("bad_ratings"), report.visit_bad_ratings))
    for key in ("open_followups", "overdue_followups"):
        rows.append((w("section_visit_ratings"), everything, metric(key), getattr(report, "visit_" + key)))
    headers = (w("col_section"), w("col_subject"), w("col_metric"), w("col_value"))
    return Sheet(w("report_name", period=report.period), headers, tuple(rows))


def code_names(lang: str = "zh") -> dict[str, str]:
    """Line and item codes and their names, for :func:`report_sheet`."""
    names = {code: pick(name, en, lang) for code, name, en in Line.select(Line.code, Line.name, Line.name_en).tuples()}
    names.update(
        (code, pick(name, en, lang)) for code, name, en in Item.select(Item.code, Item.name, Item.name_en).tuples()
    )
    return names


def export_ledger(config: Config, flt=None, fmt: str = "csv", lang: str = "zh") -> Path:
    return write_sheet(config, ledger_sheet(config, flt, lang), fmt)


def export_report(config: Config, report: Report, fmt: str = "csv", lang: str = "zh") -> Path:
    return write_sheet(config, report_sheet(report, lang, code_names(lang)), fmt)


def _cell(value):
    if isinstance(value, str) and _FORMULA.match(value):
        return "'" + value
    return value


def write_sheet(config: Config, sheet: Sheet, fmt: str) -> Path:
    """Write ``sheet`` into the export folder as ``fmt``; returns the file's full path."""
    if fmt not in FORMATS:
        raise Refused("export_format", format=fmt)
    folder = export_folder(config)
    stamp = clock.local(clock.now(), config.zone).strftime("%Y%m%d-%H%M%S")
    path = (folder / f"{sheet.name}-{stamp}.{fmt}").absolute()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if fmt == "csv":
            with path.open("w", encoding="utf-8-sig", newline="") as out:
                writer = csv.writer(out, lineterminator="\r\n")
                writer.writerow(sheet.headers)
                writer.writerows([_cell(v) for v in row] for row in sheet.rows)
        else:
            from openpyxl import Workbook

            book = Workbook()
            page = book.active
            page.title = sheet.name[:31]  # the longest worksheet title a spreadsheet takes
            page.append(list(sheet.headers))
            for row in sheet.rows:
                page.append([_cell(v) for v in row])
            page.freeze_panes = "A2"
            book.save(path)
    except OSError as exc:
        raise Refused("export_failed", path=str(path), reason=exc.strerror or str(exc)) from None
    return path
