"""Line numbers of the tables, keys and array elements in catalogue TOML text.

tomllib gives no positions, so a small scanner walks the (already valid)
TOML text and builds a tree of the same shape as tomllib's result, holding
only line numbers: for each table the line of its header and of each key;
for each array the line of each element.
"""

from __future__ import annotations

import re
import tomllib

__all__ = ["PosEntry", "PosTable", "element_line", "key_line", "scan_positions", "sub_table"]


class PosTable:
    __slots__ = ("line", "keys")

    def __init__(self, line: int):
        self.line = line
        self.keys: dict[str, PosEntry] = {}


class PosEntry:
    __slots__ = ("line", "node")

    def __init__(self, line: int, node: PosTable | list[PosEntry] | None):
        self.line = line
        self.node = node


_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


class _Scanner:
    def __init__(self, text: str):
        self.s = text
        self.n = len(text)
        self.i = 0
        self.ln = 1

    # -- low level ----------------------------------------------------------
    def _peek(self) -> str:
        return self.s[self.i] if self.i < self.n else ""

    def _adv(self, count: int = 1) -> None:
        end = min(self.i + count, self.n)
        self.ln += self.s.count("\n", self.i, end)
        self.i = end

    def _starts(self, tok: str) -> bool:
        return self.s.startswith(tok, self.i)

    def _skip_ws(self) -> None:
        while self.i < self.n and self.s[self.i] in " \t":
            self.i += 1

    def _skip_ws_nl(self) -> None:
        while self.i < self.n:
            c = self.s[self.i]
            if c in " \t\r":
                self.i += 1
            elif c == "\n":
                self.i += 1
                self.ln += 1
            elif c == "#":
                j = self.s.find("\n", self.i)
                self.i = self.n if j < 0 else j
            else:
                break

    def _skip_string(self) -> str:
        start = self.i
        for q in ('"""', "'''"):
            if self._starts(q):
                self._adv(3)
                while self.i < self.n:
                    if q == '"""' and self._starts("\\"):
                        self._adv(2)
                    elif self._starts(q):
                        self._adv(3)
                        while self._peek() == q[0]:  # up to 2 quotes may close
                            self._adv()
                        return self.s[start : self.i]
                    else:
                        self._adv()
                return self.s[start : self.i]
        q = self._peek()
        self._adv()
        while self.i < self.n:
            c = self.s[self.i]
            if q == '"' and c == "\\":
                self._adv(2)
            elif c == q:
                self._adv()
                break
            elif c == "\n":
                break
            else:
                self._adv()
        return self.s[start : self.i]

    def _key(self) -> list[str]:
        parts: list[str] = []
        while True:
            self._skip_ws()
            c = self._peek()
            if c in ('"', "'"):
                raw = self._skip_string()
                try:
                    parts.append(tomllib.loads(f"k = {raw}")["k"])
                except Exception:
                    parts.append(raw.strip("\"'"))
            else:
                m = _BARE_KEY.match(self.s, self.i)
                if not m:
                    raise ValueError("key expected")
                parts.append(m.group())
                self.i = m.end()
            self._skip_ws()
            if self._peek() == ".":
                self._adv()
                continue
            return parts

    @staticmethod
    def _descend(table: PosTable, keys: list[str], line: int) -> PosTable:
        for k in keys:
            e = table.keys.get(k)
            if e is None or not isinstance(e.node, (PosTable, list)):
                e = PosEntry(line, PosTable(line))
                table.keys[k] = e
            if isinstance(e.node, list):
                if not e.node or not isinstance(e.node[-1].node, PosTable):
                    e.node.append(PosEntry(line, PosTable(line)))
                table = e.node[-1].node  # type: ignore[assignment]
            else:
                table = e.node  # type: ignore[assignment]
        return table

    # -- values ---------------------------------------------------------------
    def _value(self) -> PosTable | list[PosEntry] | None:
        c = self._peek()
        if c in ('"', "'"):
            self._skip_string()
            return None
        if c == "[":
            self._adv()
            elems: list[PosEntry] = []
            while self.i < self.n:
                self._skip_ws_nl()
                if self._peek() == "]":
                    self._adv()
                    break
                before = self.i
                line = self.ln
                elems.append(PosEntry(line, self._value()))
                self._skip_ws_nl()
                if self._peek() == ",":
                    self._adv()
                if self.i == before:
                    self._adv()
            return elems
        if c == "{":
            table = PosTable(self.ln)
            self._adv()
            while self.i < self.n:
                self._skip_ws_nl()
                if self._peek() == "}":
                    self._adv()
                    break
                before = self.i
                line = self.ln
                keys = self._key()
                self._skip_ws()
                if self._peek() == "=":
                    self._adv()
                self._skip_ws()
                node = self._value()
                self._descend(table, keys[:-1], line).keys[keys[-1]] = PosEntry(line, node)
                self._skip_ws_nl()
                if self._peek() == ",":
                    self._adv()
                if self.i == before:
                    self._adv()
            return table
        while self.i < self.n and self.s[self.i] not in ",]}\n#":
            self.i += 1
        return None

    # -- document -------------------------------------------------------------
    def document(self) -> PosTable:
        root = PosTable(1)
        current = root
        try:
            while True:
                self._skip_ws_nl()
                if self.i >= self.n:
                    break
                line = self.ln
                before = self.i
                if self._starts("[["):
                    self._adv(2)
                    keys = self._key()
                    self._skip_ws()
                    if self._starts("]]"):
                        self._adv(2)
                    parent = self._descend(root, keys[:-1], line)
                    e = parent.keys.get(keys[-1])
                    if e is None or not isinstance(e.node, list):
                        e = PosEntry(line, [])
                        parent.keys[keys[-1]] = e
                    current = PosTable(line)
                    e.node.append(PosEntry(line, current))  # type: ignore[union-attr]
                elif self._starts("["):
                    self._adv()
                    keys = self._key()
                    self._skip_ws()
                    if self._starts("]"):
                        self._adv()
                    parent = self._descend(root, keys[:-1], line)
                    e = parent.keys.get(keys[-1])
                    if e is not None and isinstance(e.node, PosTable):
                        e.node.line = e.line = line  # was created implicitly
                        current = e.node
                    else:
                        current = PosTable(line)
                        parent.keys[keys[-1]] = PosEntry(line, current)
                else:
                    keys = self._key()
                    self._skip_ws()
                    if self._peek() == "=":
                        self._adv()
                    self._skip_ws()
                    node = self._value()
                    target = self._descend(current, keys[:-1], line)
                    target.keys[keys[-1]] = PosEntry(line, node)
                # the rest of the line is whitespace or a comment
                self._skip_ws()
                if self._peek() == "#":
                    j = self.s.find("\n", self.i)
                    self.i = self.n if j < 0 else j
                if self.i == before:
                    self._adv()
        except Exception:
            pass  # positions are best effort; what was found so far is kept
        return root


def scan_positions(text: str) -> PosTable:
    return _Scanner(text).document()


def key_line(pos: PosTable | None, key: str, default: int = 1) -> int:
    if pos is None:
        return default
    e = pos.keys.get(key)
    return e.line if e is not None else pos.line


def sub_table(pos: PosTable | None, key: str, index: int) -> PosTable | None:
    """Position table of element ``index`` of the array ``key`` of ``pos``."""
    if pos is None:
        return None
    e = pos.keys.get(key)
    if e is None or not isinstance(e.node, list) or index >= len(e.node):
        return None
    node = e.node[index].node
    if isinstance(node, PosTable):
        return node
    return PosTable(e.node[index].line)


def element_line(pos: PosTable | None, key: str, index: int, default: int) -> int:
    if pos is None:
        return default
    e = pos.keys.get(key)
    if e is None:
        return pos.line
    if isinstance(e.node, list) and index < len(e.node):
        return e.node[index].line
    return e.line
