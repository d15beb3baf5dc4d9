"""The service catalogue: lines of work, windows and service items.

The catalogue is a human-editable TOML file (see ``default_catalogue.toml``).
This module holds the frozen dataclasses it is parsed into, the problems a
check reports, and how two versions differ (:func:`diff`). Checking lives in
:mod:`models.catalogue.check`, reading files in :mod:`models.catalogue.files`.

Pure: no database, no UI.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

# The groups of community work in seed 003 §10 (simplified characters).
CATEGORIES: tuple[str, ...] = (
    "社区党群",
    "民政老龄残联",
    "文教体育",
    "环境卫生",
    "综合治理",
    "人口计生",
    "劳动和就业保障",
)

# Default case kinds an item may have (DOMAIN §5).  Supplement and returned
# cases are outcomes decided at the window, never an item's default.
KINDS: tuple[str, ...] = ("consultation", "immediate", "promised", "escalated", "petition")


@dataclass(frozen=True)
class Material:
    """One material line of the one-time notice (一次性告知)."""

    name: str
    name_en: str
    original: bool = False  # 原件
    copies: int = 0  # 复印件份数
    photos: int = 0  # 照片张数
    photo_size: str = ""  # "一寸" / "二寸"
    photo_size_en: str = ""  # "1-inch" / "2-inch"
    form: bool = False  # a form (表) to fill in
    note: str = ""  # condition, e.g. "首次申报还需提供"
    note_en: str = ""


@dataclass(frozen=True)
class Fee:
    name: str
    name_en: str
    amount: float  # yuan
    unit: str  # "元/人"
    unit_en: str
    deposit: bool = False  # 押金: refundable


@dataclass(frozen=True)
class Line:
    """A line of work; also a queue, whose tickets start with ``prefix``."""

    code: str
    prefix: str
    name: str
    name_en: str
    category: str


@dataclass(frozen=True)
class Window:
    number: int
    name: str
    name_en: str
    lines: tuple[str, ...]
    phone: str = ""


@dataclass(frozen=True)
class Item:
    """A service item (办事事项)."""

    code: str
    line: str
    name: str
    name_en: str
    kind: str
    promised_days: int
    service_minutes: int
    open_from: tuple[int, int] | None = None  # (month, day)
    open_to: tuple[int, int] | None = None
    publicity_days: int | None = None
    notes: tuple[str, ...] = ()
    notes_en: tuple[str, ...] = ()
    fees: tuple[Fee, ...] = ()
    materials: tuple[Material, ...] = ()

    @property
    def seasonal(self) -> bool:
        """True if the item is only open part of the year."""
        return self.open_from is not None and self.open_to is not None

    def is_open_on(self, day: _dt.date) -> bool:
        """Whether tickets can be issued for this item on ``day``."""
        if not self.seasonal:
            return True
        md = (day.month, day.day)
        start, end = self.open_from, self.open_to
        assert start is not None and end is not None
        if start <= end:
            return start <= md <= end
        return md >= start or md <= end  # a period across the new year

    def next_opening(self, day: _dt.date) -> _dt.date:
        """The first date on or after ``day`` on which the item is open."""
        d = day
        for _ in range(366 * 4 + 1):  # 4 years covers a "02-29" period
            if self.is_open_on(d):
                return d
            d += _dt.timedelta(days=1)
        return day  # unreachable for a checked catalogue


@dataclass(frozen=True)
class Catalogue:
    lines: tuple[Line, ...]
    windows: tuple[Window, ...]
    items: tuple[Item, ...]

    def line(self, code: str) -> Line:
        for ln in self.lines:
            if ln.code == code:
                return ln
        raise KeyError(f"no line {code!r}")

    def item(self, code: str) -> Item:
        for it in self.items:
            if it.code == code:
                return it
        raise KeyError(f"no item {code!r}")

    def window(self, number: int) -> Window:
        for w in self.windows:
            if w.number == number:
                return w
        raise KeyError(f"no window {number!r}")

    def windows_for_line(self, code: str) -> tuple[Window, ...]:
        return tuple(w for w in self.windows if code in w.lines)

    def items_for_line(self, code: str) -> tuple[Item, ...]:
        return tuple(it for it in self.items if it.line == code)


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class CatalogueError(ValueError):
    """Raised by the loaders when a catalogue has problems."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def _changed_fields(a: Any, b: Any, skip: str) -> list[str]:
    return [f.name for f in dataclasses.fields(a) if f.name != skip and getattr(a, f.name) != getattr(b, f.name)]


def _diff_section(kind: str, key: str, old: Iterable[Any], new: Iterable[Any]) -> list[str]:
    old_by = {getattr(x, key): x for x in old}
    new_by = {getattr(x, key): x for x in new}
    out: list[str] = []
    for k, x in old_by.items():
        if k not in new_by:
            out.append(f"- {kind} {k} {x.name}")
    for k, x in new_by.items():
        if k not in old_by:
            out.append(f"+ {kind} {k} {x.name}")
        else:
            changed = _changed_fields(old_by[k], x, key)
            if changed:
                out.append(f"~ {kind} {k} {x.name} ({', '.join(changed)})")
    return out


def diff(old: Catalogue, new: Catalogue) -> list[str]:
    """Human-readable changes from ``old`` to ``new``.

    One line per change: ``+ item hukou-in 户口迁入`` (added),
    ``- item …`` (removed), ``~ item hukou-in 户口迁入 (fees, materials)``
    (changed, with the fields that changed).  Lines, then windows, then items.
    """
    return (
        _diff_section("line", "code", old.lines, new.lines)
        + _diff_section("window", "number", old.windows, new.windows)
        + _diff_section("item", "code", old.items, new.items)
    )
