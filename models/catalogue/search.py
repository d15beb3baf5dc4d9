"""Finding a service item by what a clerk types: part of its name (Chinese or
English), or the pinyin initials of its Chinese name (``ylk`` finds 养老卡…,
``lnz`` finds 老年人优待证).

Initials come from pypinyin, worked out the first time a name is searched and
kept: the catalogue's few hundred names cost nothing after that, and nobody
pays for the pinyin dictionary who never searches.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import TypeVar

T = TypeVar("T")


@lru_cache(maxsize=8192)
def initials(text: str) -> str:
    """The first letter of each character's pinyin (lower case); letters and digits as they are."""
    from pypinyin import Style, lazy_pinyin

    letters: list[str] = []
    for part in lazy_pinyin(text or "", style=Style.FIRST_LETTER, errors=lambda chars: list(chars)):
        letters.extend(ch.lower() for ch in part if ch.isascii() and ch.isalnum())
    return "".join(letters)


def matches(query: str, names: Iterable[str]) -> bool:
    """Whether ``query`` (spaces ignored, any case) is part of one of ``names`` or of its initials."""
    wanted = "".join((query or "").split()).lower()
    if not wanted:
        return True
    for name in names:
        plain = "".join((name or "").split()).lower()
        if wanted in plain or (wanted.isascii() and wanted in initials(name or "")):
            return True
    return False


def narrow(entries: Sequence[T], query: str, names: Callable[[T], Iterable[str]]) -> list[T]:
    """The ``entries`` that :func:`matches` ``query``, in their order; those whose
    name starts with it first (a clerk typing the first syllables wants those)."""
    found = [e for e in entries if matches(query, names(e))]
    wanted = "".join((query or "").split()).lower()

    def leading(entry: T) -> bool:
        first = next(iter(names(entry)), "") or ""
        return first.lower().startswith(wanted) or initials(first).startswith(wanted)

    return sorted(found, key=lambda e: not leading(e))
