"""Checking an area file (TOML or CSV) and building the areas and households from it.

Like the catalogue, every mistake is reported at once as ``file:line:
sentence``, and nothing is loaded while any line is wrong. TOML holds
``[[area]]`` tables and ``[[household]]`` tables; CSV holds one household a
line under a header, its area's fields on the area's first line (later lines
may leave them empty, or repeat them exactly).
"""

from __future__ import annotations

import csv
import io
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from models.catalogue.entries import Problem
from models.catalogue.files import read_text_file
from models.catalogue.positions import PosTable, key_line, scan_positions, sub_table
from models.households.rules import CARES, CONTACTS, MONTHLY_CARES
from models.plain_text import bad_index

AREA_FIELDS = ("code", "name", "worker", "grid_leader", "grid_leader_phone")
HOUSEHOLD_FIELDS = (
    "code",
    "area",
    "address",
    "building",
    "unit",
    "room",
    "head",
    "phone",
    "stairway_leader",
    "care",
    "contact",
)
# A CSV line: the household's fields, its area's as area_name, worker, grid_leader, grid_leader_phone.
CSV_COLUMNS = (*HOUSEHOLD_FIELDS, "area_name", "worker", "grid_leader", "grid_leader_phone")

_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$")
_PHONE_CHARS = re.compile(r"[\s\-()（）]")
_CARE_WORDS = {"特殊": "special", "特殊人员": "special", "困难": "difficult", "困难家庭": "difficult", "普通": ""}
_CONTACT_WORDS = {"每月": "monthly", "每年": "yearly"}
_TOML_LINE = re.compile(r"at line (\d+)")


@dataclass(frozen=True)
class AreaEntry:
    code: str
    name: str
    worker: str  # a staff code, "" for nobody yet
    grid_leader: str
    grid_leader_phone: str
    line: int


@dataclass(frozen=True)
class HouseholdEntry:
    code: str
    area: str
    address: str
    building: str
    unit: str
    room: str
    head: str
    phone: str
    stairway_leader: str
    care: str
    contact: str
    line: int


@dataclass(frozen=True)
class AreaFile:
    areas: tuple[AreaEntry, ...]
    households: tuple[HouseholdEntry, ...]


def check_file(path: str | Path, staff_codes: Iterable[str] | None = None) -> tuple[AreaFile | None, list[Problem]]:
    """Read and check an area file; ``staff_codes``, when given, are the workers it may name."""
    name = str(path)
    text, problems = read_text_file(path, "area file")
    if text is None:
        return None, problems
    text = text.removeprefix("\ufeff")  # spreadsheet programs save CSV with a byte-order mark
    if name.lower().endswith(".csv"):
        return check_csv(text, name, staff_codes)
    return check_toml(text, name, staff_codes)


class _Checker:
    def __init__(self, path: str, staff_codes: Iterable[str] | None):
        self.path = path
        self.staff = set(staff_codes) if staff_codes is not None else None
        self.problems: list[Problem] = []
        self.area_codes: list[tuple[str, int]] = []  # every area and household named, good or bad
        self.house_codes: list[tuple[str, str, int]] = []

    def bad(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.path, line, message))

    def text(self, what: str, key: str, value: Any, line: int) -> str:
        if value is None:
            return ""
        if not isinstance(value, str):
            self.bad(line, f'{what}: "{key}" must be text in quotes')
            return ""
        value = value.strip()
        index = bad_index(value)
        if index is not None:
            self.bad(
                line,
                f'{what}: "{key}" holds a control or invisible character (U+{ord(value[index]):04X}) '
                f"at position {index + 1}; type it again without it",
            )
            return ""
        if len(value) > 200:
            self.bad(line, f'{what}: "{key}" is longer than 200 characters')
            return ""
        return value

    def code(self, what: str, key: str, value: str, line: int) -> str:
        if not value:
            self.bad(line, f'{what}: "{key}" is missing')
        elif not _CODE.match(value):
            self.bad(line, f'{what}: "{key}" "{value}" may hold only letters, digits, "-" and "_" (at most 32)')
            return ""
        return value

    def phone(self, what: str, key: str, value: str, line: int) -> str:
        if not value:
            return ""
        digits = _PHONE_CHARS.sub("", value)
        digits = digits[3:] if digits.startswith("+86") else digits
        if not digits.isdigit() or not 5 <= len(digits) <= 15:
            self.bad(line, f'{what}: "{key}" is not a phone number (5 to 15 digits)')
            return ""
        return digits

    def area(
        self, values: dict[str, Any], lines: dict[str, int], line: int, name_key: str = "name"
    ) -> AreaEntry | None:
        before = len(self.problems)
        code = self.code("area", "code", self.text("area", "code", values.get("code"), lines.get("code", line)), line)
        what = f'area "{code}"' if code else "area"
        if code:
            self.area_codes.append((code, line))
        got = {key: self.text(what, key, values.get(key), lines.get(key, line)) for key in AREA_FIELDS[1:]}
        if not got["name"]:
            self.bad(lines.get("name", line), f'{what}: "{name_key}" is missing')
        if got["worker"] and self.staff is not None and got["worker"] not in self.staff:
            self.bad(lines.get("worker", line), f'{what}: no active staff member has the code "{got["worker"]}"')
        got["grid_leader_phone"] = self.phone(
            what, "grid_leader_phone", got["grid_leader_phone"], lines.get("grid_leader_phone", line)
        )
        if len(self.problems) > before:
            return None
        return AreaEntry(code=code, line=line, **got)

    def household(self, values: dict[str, Any], lines: dict[str, int], line: int) -> HouseholdEntry | None:
        before = len(self.problems)
        code = self.code(
            "household", "code", self.text("household", "code", values.get("code"), lines.get("code", line)), line
        )
        what = f'household "{code}"' if code else "household"
        got = {key: self.text(what, key, values.get(key), lines.get(key, line)) for key in HOUSEHOLD_FIELDS[1:]}
        if code:
            self.house_codes.append((code, got["area"], line))
        if not got["area"]:
            self.bad(lines.get("area", line), f'{what}: "area" is missing')
        if not (got["address"] or got["building"]):
            self.bad(line, f'{what}: give its "address" or its "building", so a worker can find it')
        got["phone"] = self.phone(what, "phone", got["phone"], lines.get("phone", line))
        care = _CARE_WORDS.get(got["care"], got["care"])
        if care not in CARES:
            self.bad(lines.get("care", line), f'{what}: "care" must be "special", "difficult" or left out')
        contact = _CONTACT_WORDS.get(got["contact"], got["contact"]) or (
            "monthly" if care in MONTHLY_CARES else "yearly"
        )
        if contact not in CONTACTS:
            self.bad(lines.get("contact", line), f'{what}: "contact" must be "monthly" or "yearly"')
        elif care in MONTHLY_CARES and contact != "monthly":
            self.bad(
                lines.get("contact", line),
                f'{what}: a {care} family is contacted at least once a month: write contact = "monthly" or leave it out',
            )
        got.update(care=care, contact=contact)
        if len(self.problems) > before:
            return None
        return HouseholdEntry(code=code, line=line, **got)

    def whole(self, areas: list[AreaEntry | None], households: list[HouseholdEntry]) -> AreaFile | None:
        seen_areas: dict[str, int] = {}
        for code, line in self.area_codes:
            if code in seen_areas:
                self.bad(line, f'area "{code}" is already given on line {seen_areas[code]}')
            seen_areas.setdefault(code, line)
        seen: dict[str, int] = {}
        for code, area, line in self.house_codes:
            if code in seen:
                self.bad(line, f'household "{code}" is already given on line {seen[code]}')
            seen.setdefault(code, line)
            if area and area not in seen_areas:
                self.bad(line, f'household "{code}": the file has no area "{area}"')
        if not self.house_codes and not self.problems:
            self.bad(1, "the file names no household")
        self.problems.sort(key=lambda p: p.line)
        if self.problems:
            return None
        return AreaFile(tuple(a for a in areas if a is not None), tuple(households))


def check_toml(text: str, path: str, staff_codes: Iterable[str] | None = None) -> tuple[AreaFile | None, list[Problem]]:
    checker = _Checker(path, staff_codes)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = _TOML_LINE.search(str(exc))
        return None, [Problem(path, int(found.group(1)) if found else 1, f"not valid TOML: {exc}")]
    pos = scan_positions(text)
    for key in data:
        if key not in ("area", "household"):
            checker.bad(key_line(pos, key), f'unknown table "{key}": an area file holds [[area]] and [[household]]')

    def tables(key: str, fields: tuple[str, ...]):
        """Each table of ``[[key]]`` with the lines of its keys and of its header."""
        found = data.get(key, [])
        if not isinstance(found, list):
            checker.bad(key_line(pos, key), f'"{key}" must be written [[{key}]]')
            return
        for index, table in enumerate(found):
            where = sub_table(pos, key, index) or PosTable(key_line(pos, key))
            if not isinstance(table, dict):
                checker.bad(where.line, f'"{key}" must be written [[{key}]]')
                continue
            lines = {name: key_line(where, name) for name in table}
            for name in table:
                if name not in fields:
                    checker.bad(lines[name], f'{key}: unknown field "{name}"; the fields are {", ".join(fields)}')
            yield table, lines, where.line

    areas = [checker.area(*found) for found in tables("area", AREA_FIELDS)]
    households = [h for h in (checker.household(*found) for found in tables("household", HOUSEHOLD_FIELDS)) if h]
    result = checker.whole(areas, households)
    return result, checker.problems


def check_csv(text: str, path: str, staff_codes: Iterable[str] | None = None) -> tuple[AreaFile | None, list[Problem]]:
    checker = _Checker(path, staff_codes)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [column.strip() for column in next(reader)]
    except StopIteration:
        return None, [Problem(path, 1, "the file is empty: its first line names the columns")]
    except csv.Error as exc:
        return None, [Problem(path, 1, f"not valid CSV: {exc}")]
    for column in header:
        if column not in CSV_COLUMNS:
            checker.bad(1, f'unknown column "{column}"; the columns are {", ".join(CSV_COLUMNS)}')
    for column in ("code", "area"):
        if column not in header:
            checker.bad(1, f'the column "{column}" is missing')
    if checker.problems:
        return None, checker.problems
    areas: dict[str, tuple[dict[str, Any], int]] = {}
    households: list[HouseholdEntry] = []
    line = 1
    try:
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) > len(header):
                checker.bad(line, f"the line has {len(row)} cells, the header {len(header)}")
                continue
            values = dict(zip(header, row, strict=False))
            area_code = (values.get("area") or "").strip()
            given = {
                "code": area_code,
                "name": values.get("area_name", ""),
                **{key: values.get(key, "") for key in AREA_FIELDS[2:]},
            }
            if area_code in areas:
                first, first_line = areas[area_code]
                for key, value in given.items():
                    if value.strip() and value.strip() != first[key].strip():
                        shown = "area_name" if key == "name" else key
                        checker.bad(line, f'area "{area_code}": "{shown}" differs from line {first_line}')
            elif area_code:
                areas[area_code] = (given, line)
            house = checker.household(values, {}, line)
            if house is not None:
                households.append(house)
    except csv.Error as exc:
        checker.bad(reader.line_num or line, f"not valid CSV: {exc}")
    built = [checker.area(given, {}, first_line, "area_name") for given, first_line in areas.values()]
    result = checker.whole(built, households)
    return result, checker.problems
