"""Putting a checked catalogue into the database, and reading it back.

Loading never deletes: a line, window or item missing from the new version is
retired (hidden from residents, kept for the tickets and cases that refer to
it) and comes back if a later version names it again. Each accepted version
is recorded with what changed and announced on the event feed.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict

from models import events
from models.catalogue.entries import Catalogue
from models.catalogue.entries import Item as ItemEntry
from models.catalogue.files import check_file
from models.db import database
from models.schema import CatalogueLoad, Item, Line, Window, WindowLine


class CatalogueRefused(Exception):
    """The file has problems; ``problems`` lists them as ``file:line: message``."""

    def __init__(self, problems):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = list(problems)


def _month_day(value) -> str | None:
    return f"{value[0]:02d}-{value[1]:02d}" if value else None


def load_file(path: str) -> list[str]:
    catalogue, problems = check_file(path)
    if problems or catalogue is None:
        raise CatalogueRefused(problems)
    with open(path, "rb") as handle:
        digest = hashlib.sha256(handle.read()).hexdigest()
    return load(catalogue, source=str(path), digest=digest)


def load(catalogue: Catalogue, *, source: str = "", digest: str = "") -> list[str]:
    """Make the database match ``catalogue``; returns the list of changes."""
    changes: list[str] = []
    with database.atomic():
        lines = _load_lines(catalogue, changes)
        windows = _load_windows(catalogue, changes)
        _load_links(catalogue, lines, windows, changes)
        _load_items(catalogue, lines, changes)
        CatalogueLoad.create(source=source, digest=digest, changes=changes)
        events.record("catalogue.loaded", None, changes=len(changes))
    return changes


def _load_lines(catalogue: Catalogue, changes: list[str]) -> dict[str, Line]:
    existing = {line.code: line for line in Line.select()}
    result = {}
    for entry in catalogue.lines:
        fields = dict(
            prefix=entry.prefix, name=entry.name, name_en=entry.name_en, category=entry.category, retired=False
        )
        result[entry.code] = _upsert(
            Line, existing.get(entry.code), dict(code=entry.code, **fields), f"line {entry.code} {entry.name}", changes
        )
    _retire(
        Line,
        [row for code, row in existing.items() if code not in result],
        lambda r: f"line {r.code} {r.name}",
        changes,
    )
    return result


def _load_windows(catalogue: Catalogue, changes: list[str]) -> dict[int, Window]:
    existing = {window.number: window for window in Window.select()}
    result = {}
    for entry in catalogue.windows:
        fields = dict(name=entry.name, name_en=entry.name_en, phone=entry.phone or "", retired=False)
        result[entry.number] = _upsert(
            Window,
            existing.get(entry.number),
            dict(number=entry.number, **fields),
            f"window {entry.number} {entry.name}",
            changes,
        )
    _retire(
        Window,
        [row for number, row in existing.items() if number not in result],
        lambda r: f"window {r.number} {r.name}",
        changes,
    )
    return result


def _load_links(catalogue, lines, windows, changes) -> None:
    wanted = {(windows[w.number].id, lines[code].id) for w in catalogue.windows for code in w.lines}
    existing = {(link.window_id, link.line_id): link for link in WindowLine.select()}
    for key in wanted:
        link = existing.get(key)
        if link is None:
            WindowLine.create(window=key[0], line=key[1])
        elif link.retired:
            WindowLine.update(retired=False).where(WindowLine.id == link.id).execute()
    for key, link in existing.items():
        if key not in wanted and not link.retired:
            WindowLine.update(retired=True).where(WindowLine.id == link.id).execute()


def _item_fields(entry: ItemEntry, lines: dict[str, Line]) -> dict:
    return dict(
        line=lines[entry.line].id,
        name=entry.name,
        name_en=entry.name_en,
        kind=entry.kind,
        promised_days=entry.promised_days,
        service_minutes=entry.service_minutes,
        open_from=_month_day(entry.open_from),
        open_to=_month_day(entry.open_to),
        data=asdict(entry),
        retired=False,
    )


def _load_items(catalogue: Catalogue, lines: dict[str, Line], changes: list[str]) -> None:
    existing = {item.code: item for item in Item.select()}
    seen = set()
    for entry in catalogue.items:
        seen.add(entry.code)
        fields = _item_fields(entry, lines)
        _upsert(
            Item, existing.get(entry.code), dict(code=entry.code, **fields), f"item {entry.code} {entry.name}", changes
        )
    _retire(
        Item, [row for code, row in existing.items() if code not in seen], lambda r: f"item {r.code} {r.name}", changes
    )


def _upsert(model, row, values: dict, label: str, changes: list[str]):
    if row is None:
        changes.append(f"+ {label}")
        return model.create(**values)
    current = {name: getattr(row, name + "_id" if name == "line" else name) for name in values}
    if current != values:
        changed = sorted(name for name in values if current[name] != values[name])
        changes.append(f"~ {label} ({', '.join(changed)})" if not (changed == ["retired"]) else f"+ {label} (restored)")
        model.update(**values).where(model.id == row.id).execute()
        row = model.get_by_id(row.id)
    return row


def _retire(model, rows, label, changes: list[str]) -> None:
    for row in rows:
        if not row.retired:
            model.update(retired=True).where(model.id == row.id).execute()
            changes.append(f"- {label(row)} (retired)")


def loaded() -> bool:
    return Item.select().where(~Item.retired).exists()
