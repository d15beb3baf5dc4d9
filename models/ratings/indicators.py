"""GB/T 39734-2020 Annex B's public indicators of a month, for the hall, each window and each line.

Which ratings each one counts, exactly (the records of
:mod:`models.ratings.records`, read at the moment the indicators are):

- **评价量** ``count``: every rating given in the month (the hall's local
  month of its time): the visits' (现场服务"一次一评": the window's pad, the
  web page of the ticket's QR, the kiosk) and the cases' (网上服务"一事一评":
  the kiosk, the web page) alike. The resident's rating of how a 差评 was
  handled is no rating of a service and is not among them; nor is a 差评
  whose 申诉复核 the deciding leader upheld (误评, 恶意差评): it stays stored
  and in the export, marked ``excluded``, and counts in no indicator here
  (``excluded`` says how many).
- **好评率** ``good_rate``: 非常满意, 满意 and 基本满意 among ``count``.
- **差评率** ``bad_rate``: 不满意 and 非常不满意 among ``count``, visits' and
  cases' alike.
- **差评整改率** ``rectified_rate``: of the month's 差评, visits' and cases'
  alike (each opens its 差评 loop), those whose disposal is recorded: put
  right at once (立行立改), a rectification plan's completion, or an
  explanation that it had no basis.
- **实名差评回访率** ``callback_rate``: of the month's 差评 whose resident the
  hall knows by a contact phone (a case's contact; for a visit, that of a
  case of the same visit — a visit without one is anonymous: in neither
  part), those whose call-back is recorded: a call that reached the
  resident, or the 差评 classed (unreached, that is 无法核实 after the
  configured tries).
- **整改按期率** ``on_time_rate``: of the disposed ones counted by
  ``rectified_rate``, those disposed on or before their rectification
  deadline (the hall's local day).

A rate is a percentage with one decimal, or None when nothing was there to
count (never a 0 % that was not measured).

The window ranking (:func:`ranking`) orders windows by 好评率 (highest
first), then 差评率 (lowest), then 评价量 (most), then number; windows with
no rating come last.
"""

from __future__ import annotations

from collections import defaultdict

from models.config import Config
from models.ratings.records import month_records
from models.schema import Window

NAMES = ("count", "good", "bad", "good_rate", "bad_rate", "rectified_rate", "callback_rate", "on_time_rate")


def _rate(part: int, whole: int) -> float | None:
    return round(100.0 * part / whole, 1) if whole else None


def count(records: list[dict]) -> dict:
    """The indicators of these records (those an upheld 申诉复核 excluded count in none but ``excluded``)."""
    excluded = sum(1 for r in records if r["excluded"])
    records = [r for r in records if not r["excluded"]]
    bad = [r for r in records if r["bad"]]
    followed = [r for r in bad if r["followup"]]
    rectified = [r for r in followed if r["rectified_at"]]
    named = [r for r in bad if r["real_name"]]
    return {
        "count": len(records),
        "good": len(records) - len(bad),
        "bad": len(bad),
        "good_rate": _rate(len(records) - len(bad), len(records)),
        "bad_rate": _rate(len(bad), len(records)),
        "followups": len(followed),
        "rectified": len(rectified),
        "rectified_rate": _rate(len(rectified), len(followed)),
        "real_name_bad": len(named),
        "called_back": sum(1 for r in named if r["called_back_at"]),
        "callback_rate": _rate(sum(1 for r in named if r["called_back_at"]), len(named)),
        "rectified_on_time": sum(1 for r in rectified if r["rectified_on_time"]),
        "on_time_rate": _rate(sum(1 for r in rectified if r["rectified_on_time"]), len(rectified)),
        "excluded": excluded,
    }


def indicators(config: Config, month: str, records: list[dict] | None = None) -> dict:
    """The month's indicators: ``hall``, ``windows`` (by number) and ``lines`` (by code)."""
    records = month_records(config, month) if records is None else records
    by_window: dict[int, list[dict]] = defaultdict(list)
    by_line: dict[str, list[dict]] = defaultdict(list)
    for record in records:
        if record["window"] is not None:
            by_window[record["window"]].append(record)
        by_line[record["line"]].append(record)
    return {
        "month": month,
        "hall": count(records),
        "windows": [{"window": number, **count(by_window[number])} for number in sorted(by_window)],
        "lines": [{"line": code, **count(by_line[code])} for code in sorted(by_line)],
    }


def ranking(config: Config, month: str, found: dict | None = None) -> list[dict]:
    """The windows of the hall ranked for the leader (see the module's words), each with its place."""
    found = indicators(config, month) if found is None else found
    rated = {row["window"]: row for row in found["windows"]}
    rows = []
    for window in Window.select().where(~Window.retired).order_by(Window.number):
        row = rated.get(window.number) or {"window": window.number, **count([])}
        rows.append({**row, "name": window.name, "name_en": window.name_en})
    rows.sort(
        key=lambda r: (
            r["count"] == 0,
            -(r["good_rate"] or 0.0),
            r["bad_rate"] or 0.0,
            -r["count"],
            r["window"],
        )
    )
    for place, row in enumerate(rows, 1):
        row["place"] = place if row["count"] else None
    return rows
