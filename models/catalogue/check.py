"""Checking catalogue TOML text and building a :class:`Catalogue` from it.

Every mistake is reported at once, each with the line in the file where it
is, so a maintainer who edits the file can fix them all in one go.

One module, though long: every check walks the same parsed tables with the
same positions, and one reads the checks of a table as a list.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import math
import re
import tomllib
from collections.abc import Iterable
from typing import Any

from models.catalogue.characters import character_problems
from models.catalogue.entries import (
    CATEGORIES,
    KINDS,
    Catalogue,
    Fee,
    Item,
    Line,
    Material,
    Problem,
    Window,
)
from models.catalogue.positions import (
    PosTable,
    element_line,
    key_line,
    scan_positions,
    sub_table,
)

__all__ = ["check_text"]

# What a maintainer may write for "kind" instead of one of KINDS, for a precise hint.
_KIND_ZH = {
    "咨询件": "consultation",
    "即办件": "immediate",
    "承诺件": "promised",
    "上报件": "escalated",
    "信访件": "petition",
}
_OUTCOME_KINDS = {"supplement", "returned", "补充件", "退回件"}

_STR, _INT, _BOOL, _NUM, _STRLIST, _TABLES = "str", "int", "bool", "num", "strlist", "tables"

_EXPECTED = {
    _STR: "a string (text in quotes)",
    _INT: "a whole number",
    _BOOL: "true or false",
    _NUM: "a number",
    _STRLIST: 'a list of strings, like ["…", "…"]',
    _TABLES: "a list of tables",
}

# field name -> (type, required)
_LINE_FIELDS = {
    "code": (_STR, True),
    "prefix": (_STR, True),
    "name": (_STR, True),
    "name_en": (_STR, True),
    "category": (_STR, True),
}
_WINDOW_FIELDS = {
    "number": (_INT, True),
    "name": (_STR, True),
    "name_en": (_STR, True),
    "lines": (_STRLIST, True),
    "phone": (_STR, False),
}
_ITEM_FIELDS = {
    "code": (_STR, True),
    "line": (_STR, True),
    "name": (_STR, True),
    "name_en": (_STR, True),
    "kind": (_STR, True),
    "promised_days": (_INT, True),
    "service_minutes": (_INT, True),
    "open_from": (_STR, False),
    "open_to": (_STR, False),
    "publicity_days": (_INT, False),
    "notes": (_STRLIST, False),
    "notes_en": (_STRLIST, False),
    "fees": (_TABLES, False),
    "materials": (_TABLES, False),
}
_MATERIAL_FIELDS = {
    "name": (_STR, True),
    "name_en": (_STR, True),
    "original": (_BOOL, False),
    "copies": (_INT, False),
    "photos": (_INT, False),
    "photo_size": (_STR, False),
    "photo_size_en": (_STR, False),
    "form": (_BOOL, False),
    "note": (_STR, False),
    "note_en": (_STR, False),
}
_FEE_FIELDS = {
    "name": (_STR, True),
    "name_en": (_STR, True),
    "amount": (_NUM, True),
    "unit": (_STR, True),
    "unit_en": (_STR, True),
    "deposit": (_BOOL, False),
}
_TOP_LEVEL = {"line": "[[line]]", "window": "[[window]]", "item": "[[item]]"}

_SLUG = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
_PREFIX = re.compile(r"^[A-Z]$")
_MMDD = re.compile(r"^(\d{2})-(\d{2})$")


def _what(value: Any) -> str:
    if isinstance(value, bool):
        return f"{'true' if value else 'false'}"
    if isinstance(value, int):
        return f"the whole number {value}"
    if isinstance(value, float):
        return f"the decimal number {value!r}"
    if isinstance(value, str):
        shown = value if len(value) <= 30 else value[:29] + "…"
        return f'the string "{shown}"'
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, (_dt.date, _dt.time)):
        return f"the date/time {value}"
    return type(value).__name__


def _type_ok(kind: str, value: Any) -> bool:
    if kind == _STR:
        return isinstance(value, str)
    if kind == _INT:
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == _BOOL:
        return isinstance(value, bool)
    if kind == _NUM:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if kind == _STRLIST:
        return isinstance(value, list)  # elements are checked separately
    if kind == _TABLES:
        return isinstance(value, list) and all(isinstance(v, dict) for v in value)
    return False


def _suggest(word: str, choices: Iterable[str]) -> str:
    match = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f' (did you mean "{match[0]}"?)' if match else ""


class _Checker:
    def __init__(self, path: str):
        self.path = path
        self.problems: list[Problem] = []

    def add(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.path, max(int(line), 0), message))

    def fields(
        self,
        data: dict,
        pos: PosTable | None,
        spec: dict[str, tuple[str, bool]],
        label: str,
        table_line: int,
    ) -> dict[str, Any]:
        """Check keys and types of one table; return the values that passed."""
        good: dict[str, Any] = {}
        suggested: set[str] = set()  # misspelt keys already reported
        for key in data:
            if key not in spec:
                match = difflib.get_close_matches(key, list(spec), n=1, cutoff=0.6)
                if match and match[0] not in data:
                    suggested.add(match[0])
                self.add(
                    key_line(pos, key, table_line),
                    f'{label}: unknown key "{key}"{_suggest(key, spec)}',
                )
        for key, (kind, required) in spec.items():
            if key not in data:
                if required and key not in suggested:
                    self.add(table_line, f'{label}: missing required key "{key}"')
                continue
            value = data[key]
            line = key_line(pos, key, table_line)
            if not _type_ok(kind, value):
                expected = _EXPECTED[kind]
                if kind == _TABLES:
                    expected += f" (write each one under its own [[item.{key}]] header)"
                self.add(line, f'{label}: "{key}" should be {expected}, not {_what(value)}')
                continue
            if kind == _STRLIST:
                bad = False
                for n, elem in enumerate(value):
                    if not isinstance(elem, str):
                        bad = True
                        self.add(
                            element_line(pos, key, n, line),
                            f'{label}: entry {n + 1} of "{key}" should be a string, not {_what(elem)}',
                        )
                if bad:
                    continue
            if kind == _STR and required and not value.strip():
                self.add(line, f'{label}: "{key}" must not be empty')
                continue
            good[key] = value
        return good

    def not_negative(self, good: dict, pos, key: str, label: str, table_line: int) -> None:
        value = good.get(key)
        if isinstance(value, (int, float)) and value < 0:
            self.add(
                key_line(pos, key, table_line),
                f'{label}: "{key}" must not be negative (it is {value})',
            )
            del good[key]

    def twin(self, good: dict, data: dict, pos, key: str, label: str, table_line: int) -> None:
        """A Chinese text needs its English twin and vice versa."""
        en = f"{key}_en"
        if key in data and en not in data:
            self.add(
                key_line(pos, key, table_line),
                f'{label}: "{key}" is given but "{en}" (its English text) is missing',
            )
        elif en in data and key not in data:
            self.add(
                key_line(pos, en, table_line),
                f'{label}: "{en}" is given but "{key}" (the Chinese text) is missing',
            )
        elif isinstance(good.get(key), str) and good[key].strip() and not str(good.get(en, "x")).strip():
            self.add(key_line(pos, en, table_line), f'{label}: "{en}" must not be empty')


def _mmdd(value: str) -> tuple[int, int] | None:
    m = _MMDD.match(value)
    if not m:
        return None
    month, day = int(m.group(1)), int(m.group(2))
    try:
        _dt.date(2000, month, day)  # a leap year, so "02-29" is allowed
    except ValueError:
        return None
    return month, day


def _label(kind: str, data: dict, index: int, key: str = "code") -> str:
    value = data.get(key)
    if kind == "window":
        if isinstance(value, int) and not isinstance(value, bool):
            return f"window {value}"
        return f"window #{index + 1}"
    if isinstance(value, str) and value.strip():
        return f'{kind} "{value}"'
    return f"{kind} #{index + 1}"


def check_text(text: str, path: str = "<catalogue>") -> tuple[Catalogue | None, list[Problem]]:
    """Parse and check catalogue TOML text.

    Returns ``(catalogue, [])`` when the text is good, or ``(None, problems)``
    listing every problem found, each with the line in the file where it is.
    """
    path = str(path)
    if text.startswith("\ufeff"):  # a byte-order mark from a Windows editor
        text = text[1:]
    try:
        data = tomllib.loads(text)
    except RecursionError:
        return None, [Problem(path, 1, "TOML nested too deeply to read")]
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        m = re.search(r"\s*\(at line (\d+), column (\d+)\)", msg)
        if m:
            line = int(m.group(1))
            detail = f"{msg[: m.start()]} (column {m.group(2)})"
        else:
            line = max(text.count("\n") + (0 if text.endswith("\n") else 1), 1)
            detail = re.sub(r"\s*\(at end of document\)", " (at the end of the file)", msg)
        return None, [Problem(path, line, f"TOML syntax error: {detail}")]

    pos = scan_positions(text)
    ck = _Checker(path)
    ck.problems.extend(character_problems(text, data, path))

    # -- top level -------------------------------------------------------------
    sections: dict[str, list[dict]] = {}
    for key, value in data.items():
        line = key_line(pos, key, 1)
        if key not in _TOP_LEVEL:
            ck.add(
                line,
                f'unknown top-level key "{key}"{_suggest(key, _TOP_LEVEL)}; '
                "expected [[line]], [[window]] and [[item]] tables",
            )
        elif not _type_ok(_TABLES, value):
            ck.add(line, f'"{key}" should be written as {_TOP_LEVEL[key]} tables, not {_what(value)}')
        else:
            sections[key] = value
    for key, header in _TOP_LEVEL.items():
        if key not in data:
            ck.add(1, f"no {header} tables: the catalogue needs at least one")

    # -- lines -----------------------------------------------------------------
    lines: list[Line] = []
    line_first: dict[str, int] = {}  # code -> line in file
    line_codes_all: set[str] = set()
    prefix_first: dict[str, tuple[str, int]] = {}
    line_at: dict[str, int] = {}
    for i, d in enumerate(sections.get("line", [])):
        p = sub_table(pos, "line", i)
        tl = p.line if p else 1
        label = _label("line", d, i)
        g = ck.fields(d, p, _LINE_FIELDS, label, tl)
        code = g.get("code")
        if isinstance(code, str):
            line_codes_all.add(code)
            if not _SLUG.match(code):
                ck.add(
                    key_line(p, "code", tl),
                    f'{label}: code should be a short ASCII slug: lowercase letters, digits and "-"',
                )
                g.pop("code")
            elif code in line_first:
                ck.add(
                    key_line(p, "code", tl), f'duplicate line code "{code}" (first defined at line {line_first[code]})'
                )
                g.pop("code")
            else:
                line_first[code] = tl
                line_at[code] = tl
        prefix = g.get("prefix")
        if isinstance(prefix, str):
            if not _PREFIX.match(prefix):
                ck.add(key_line(p, "prefix", tl), f'{label}: prefix "{prefix}" must be a single capital letter A–Z')
                g.pop("prefix")
            elif prefix in prefix_first:
                other, other_line = prefix_first[prefix]
                ck.add(
                    key_line(p, "prefix", tl),
                    f'{label}: prefix "{prefix}" is already used by line "{other}" (line {other_line})',
                )
                g.pop("prefix")
            else:
                prefix_first[prefix] = (str(code), key_line(p, "prefix", tl))
        cat = g.get("category")
        if isinstance(cat, str) and cat not in CATEGORIES:
            ck.add(
                key_line(p, "category", tl),
                f'{label}: unknown category "{cat}"{_suggest(cat, CATEGORIES)}; use one of: {", ".join(CATEGORIES)}',
            )
            g.pop("category")
        if len(g) == len(_LINE_FIELDS):
            lines.append(Line(**g))

    # -- windows ---------------------------------------------------------------
    windows: list[Window] = []
    window_first: dict[int, int] = {}
    served: set[str] = set()
    all_window_lines_read = True  # else "not served" would be noise
    for i, d in enumerate(sections.get("window", [])):
        p = sub_table(pos, "window", i)
        tl = p.line if p else 1
        label = _label("window", d, i, key="number")
        g = ck.fields(d, p, _WINDOW_FIELDS, label, tl)
        number = g.get("number")
        if isinstance(number, int):
            if number < 1:
                ck.add(key_line(p, "number", tl), f"{label}: window number must be 1 or more (it is {number})")
                g.pop("number")
            elif number in window_first:
                ck.add(
                    key_line(p, "number", tl),
                    f"duplicate window number {number} (first defined at line {window_first[number]})",
                )
                g.pop("number")
            else:
                window_first[number] = tl
        wl = g.get("lines")
        if not isinstance(wl, list):
            all_window_lines_read = False
        else:
            ok = True
            if not wl:
                ck.add(key_line(p, "lines", tl), f'{label}: "lines" must name at least one line')
                ok = False
            seen: set[str] = set()
            for n, code in enumerate(wl):
                eline = element_line(p, "lines", n, tl)
                if code in seen:
                    ck.add(eline, f'{label}: line "{code}" is listed twice')
                    ok = False
                seen.add(code)
                if code not in line_codes_all:
                    ck.add(eline, f'{label}: unknown line "{code}"{_suggest(code, line_codes_all)}')
                    ok = False
                else:
                    served.add(code)
            if ok:
                g["lines"] = tuple(wl)
            else:
                g.pop("lines")
        if "phone" in g:
            g["phone"] = g["phone"].strip()
        required = [k for k, (_, req) in _WINDOW_FIELDS.items() if req]
        if all(k in g for k in required):
            windows.append(Window(**g))

    for code, tl in line_at.items():
        if code not in served and "window" in sections and all_window_lines_read:
            ck.add(tl, f'line "{code}" is not served by any window (add it to the "lines" of a [[window]])')

    # -- items -----------------------------------------------------------------
    items: list[Item] = []
    item_first: dict[str, int] = {}
    for i, d in enumerate(sections.get("item", [])):
        p = sub_table(pos, "item", i)
        tl = p.line if p else 1
        label = _label("item", d, i)
        g = ck.fields(d, p, _ITEM_FIELDS, label, tl)
        broken = len([k for k, (_, req) in _ITEM_FIELDS.items() if req and k not in g]) > 0

        code = g.get("code")
        if isinstance(code, str):
            if not _SLUG.match(code):
                ck.add(
                    key_line(p, "code", tl),
                    f'{label}: code should be a short ASCII slug: lowercase letters, digits and "-"',
                )
                broken = True
            elif code in item_first:
                ck.add(
                    key_line(p, "code", tl), f'duplicate item code "{code}" (first defined at line {item_first[code]})'
                )
                broken = True
            else:
                item_first[code] = tl

        lc = g.get("line")
        if isinstance(lc, str) and lc not in line_codes_all:
            ck.add(key_line(p, "line", tl), f'{label}: unknown line "{lc}"{_suggest(lc, line_codes_all)}')
            broken = True

        kind = g.get("kind")
        if isinstance(kind, str) and kind not in KINDS:
            if kind in _KIND_ZH:
                hint = f' (write "{_KIND_ZH[kind]}" for {kind})'
            elif kind in _OUTCOME_KINDS:
                hint = " (supplement and returned are outcomes at the window, not an item's default kind)"
            else:
                hint = _suggest(kind, KINDS)
            ck.add(key_line(p, "kind", tl), f'{label}: unknown kind "{kind}"{hint}; use one of: {", ".join(KINDS)}')
            broken = True
            kind = None

        for key in ("promised_days", "service_minutes", "publicity_days"):
            if key in g:
                ck.not_negative(g, p, key, label, tl)
                if key not in g:
                    broken = True
        days = g.get("promised_days")
        if isinstance(days, int) and kind in ("immediate", "consultation") and days != 0:
            ck.add(
                key_line(p, "promised_days", tl),
                f'{label}: a {kind} item is finished on the spot, so "promised_days" should be 0 (it is {days})',
            )
            broken = True
        if days == 0 and kind == "promised":
            ck.add(key_line(p, "promised_days", tl), f'{label}: a promised item needs "promised_days" of 1 or more')
            broken = True

        period: dict[str, tuple[int, int]] = {}
        for key in ("open_from", "open_to"):
            if isinstance(g.get(key), str):
                md = _mmdd(g[key])
                if md is None:
                    ck.add(
                        key_line(p, key, tl),
                        f'{label}: "{key}" "{g[key]}" is not a valid date; write it as "MM-DD", e.g. "12-01"',
                    )
                    broken = True
                else:
                    period[key] = md
            elif key in d:
                broken = True
        if ("open_from" in d) != ("open_to" in d):
            have, lack = ("open_from", "open_to") if "open_from" in d else ("open_to", "open_from")
            ck.add(
                key_line(p, have, tl),
                f'{label}: "{have}" is given but "{lack}" is missing (a seasonal item needs both)',
            )
            broken = True

        if "notes" in d or "notes_en" in d:
            notes, notes_en = g.get("notes"), g.get("notes_en")
            if "notes" in d and "notes_en" not in d:
                ck.add(
                    key_line(p, "notes", tl), f'{label}: "notes" is given but "notes_en" (the English notes) is missing'
                )
                broken = True
            elif "notes_en" in d and "notes" not in d:
                ck.add(
                    key_line(p, "notes_en", tl),
                    f'{label}: "notes_en" is given but "notes" (the Chinese notes) is missing',
                )
                broken = True
            elif isinstance(notes, list) and isinstance(notes_en, list) and len(notes) != len(notes_en):
                ck.add(
                    key_line(p, "notes_en", tl),
                    f'{label}: "notes" has {len(notes)} entries but "notes_en" has {len(notes_en)}; '
                    "each note needs its English twin",
                )
                broken = True
            for key in ("notes", "notes_en"):
                for n, text_ in enumerate(g.get(key) or []):
                    if not text_.strip():
                        ck.add(element_line(p, key, n, tl), f'{label}: entry {n + 1} of "{key}" is empty')
                        broken = True

        fees: list[Fee] = []
        for n, fd in enumerate(g.get("fees") or []):
            fp = sub_table(p, "fees", n)
            ftl = fp.line if fp else element_line(p, "fees", n, tl)
            flabel = f"{label}, {_label('fee', fd, n, key='name')}"
            fg = ck.fields(fd, fp, _FEE_FIELDS, flabel, ftl)
            if "amount" in fg:
                amount = fg["amount"]
                if not math.isfinite(amount):
                    ck.add(key_line(fp, "amount", ftl), f'{flabel}: "amount" must be a real number')
                    fg.pop("amount")
                else:
                    ck.not_negative(fg, fp, "amount", flabel, ftl)
            if all(k in fg for k, (_, req) in _FEE_FIELDS.items() if req):
                fg["amount"] = float(fg["amount"])
                fees.append(Fee(**fg))
            else:
                broken = True

        materials: list[Material] = []
        if not d.get("materials") and g.get("kind") not in (None, "consultation"):
            # 一次讲清: the kiosk's list is the written one-time notice; only a consultation needs nothing.
            ck.add(tl, f"{label}: lists no materials; every item but a consultation says what to bring")
            broken = True
        for n, md_ in enumerate(g.get("materials") or []):
            mp = sub_table(p, "materials", n)
            mtl = mp.line if mp else element_line(p, "materials", n, tl)
            mlabel = f"{label}, {_label('material', md_, n, key='name')}"
            before = len(ck.problems)
            mg = ck.fields(md_, mp, _MATERIAL_FIELDS, mlabel, mtl)
            for key in ("copies", "photos"):
                ck.not_negative(mg, mp, key, mlabel, mtl)
            ck.twin(mg, md_, mp, "note", mlabel, mtl)
            ck.twin(mg, md_, mp, "photo_size", mlabel, mtl)
            if mg.get("photo_size") and "photos" in md_ and mg.get("photos") == 0:
                ck.add(key_line(mp, "photos", mtl), f'{mlabel}: "photo_size" is given but "photos" is 0')
            if (
                len(ck.problems) == before
                and not mg.get("original")
                and not mg.get("copies")
                and not mg.get("photos")
                and not mg.get("form")
            ):
                ck.add(mtl, f"{mlabel}: says nothing is needed; set original = true, copies, photos or form = true")
            if len(ck.problems) == before:
                materials.append(Material(**mg))
            else:
                broken = True

        if not broken:
            items.append(
                Item(
                    code=g["code"],
                    line=g["line"],
                    name=g["name"],
                    name_en=g["name_en"],
                    kind=g["kind"],
                    promised_days=g["promised_days"],
                    service_minutes=g["service_minutes"],
                    open_from=period.get("open_from"),
                    open_to=period.get("open_to"),
                    publicity_days=g.get("publicity_days"),
                    notes=tuple(g.get("notes") or ()),
                    notes_en=tuple(g.get("notes_en") or ()),
                    fees=tuple(fees),
                    materials=tuple(materials),
                )
            )

    problems = sorted(ck.problems, key=lambda pr: pr.line)  # stable: keeps order within a line
    if problems:
        return None, problems
    return Catalogue(tuple(lines), tuple(windows), tuple(items)), []
