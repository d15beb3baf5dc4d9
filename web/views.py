"""What the pages and the JSON share, read from ``models/``: the guide, notices, the queue summary.

Every function touches the database, so it runs in a worker thread with the
thread's own connection (see :func:`web.app.connected`).
"""

from __future__ import annotations

from models.cases.notices import material_detail
from models.i18n import pick, t
from models.queue.view import item_entries, line_states, snapshot


def guide(day) -> list[dict]:
    """Every line in use with every item and its whole 一次性告知 (the catalogue is public)."""
    entries: dict[str, list] = {}
    for entry in item_entries():
        entries.setdefault(entry.line, []).append(entry)
    out = []
    for line in line_states(day):
        items = entries.get(line.code) or []
        if not items:
            continue
        out.append(
            {
                "code": line.code,
                "prefix": line.prefix,
                "name": line.name,
                "name_en": line.name_en,
                "windows": list(line.windows),
                "items": [
                    {
                        "code": e.code,
                        "name": e.name,
                        "name_en": e.name_en,
                        "kind": e.kind,
                        "promised_days": e.promised_days,
                        "open_from": e.open_from,
                        "open_to": e.open_to,
                        "materials": list(e.data.get("materials") or []),
                        "fees": list(e.data.get("fees") or []),
                        "publicity_days": e.data.get("publicity_days") or 0,
                        "notes": list(e.data.get("notes") or []),
                        "notes_en": list(e.data.get("notes_en") or []),
                    }
                    for e in items
                ],
            }
        )
    return out


def material_text(material: dict, language: str) -> str:
    """A material as the written notice says it: its name and what form of it is needed."""
    return pick(material.get("name", ""), material.get("name_en", ""), language) + material_detail(material, language)


def fee_text(fee: dict, language: str) -> str:
    amount = fee.get("amount", 0)
    shown = str(int(amount)) if float(amount).is_integer() else f"{amount:.2f}"
    key = "kiosk.notice_deposit" if fee.get("deposit") else "kiosk.notice_fee"
    name = pick(fee.get("name", ""), fee.get("name_en", ""), language)
    return t(key, language, name=name, amount=shown, unit=pick(fee.get("unit", ""), fee.get("unit_en", ""), language))


def season_text(item: dict, language: str) -> str:
    if not (item.get("open_from") and item.get("open_to")):
        return ""
    (m1, d1), (m2, d2) = ((int(x) for x in item[k].split("-")) for k in ("open_from", "open_to"))
    start = t("time.date_format", language, month=m1, day=d1)
    end = t("time.date_format", language, month=m2, day=d2)
    return t("kiosk.notice_season", language, start=start, end=end)


def queue_summary(day) -> dict:
    """What the board shows: waiting per line, windows (paused, the number at each), the latest calls."""
    data = snapshot(day, with_waiting=False, calls=8).as_dict()
    data.pop("waiting", None)
    return data


def written_notices(hall, view: dict, language: str) -> dict[str, list[tuple[str, str]]]:
    """Per case number, the written notices that apply, each (title, text) as the resident is handed it."""
    out: dict[str, list[tuple[str, str]]] = {}
    for case in view.get("cases") or []:
        out[case["number"]] = [
            (t(f"notice.title_{kind}", language), hall.cases.notice_text(case["number"], kind, language))
            for kind in case.get("notices") or []
        ]
    return out
