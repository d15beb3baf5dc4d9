"""Words shown to people, one catalogue per language (``locales/<lang>/``).

A language's catalogue is every ``.toml`` file in its folder, one file per
part of the hall (core, cases, kiosk, staff …); a key may be defined once.

Keys are dotted (``refusal.out_of_season``); values are ``str.format``
templates. Simplified Chinese is the default; English is complete, and a test
fails when either language lacks a key the other has.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

LANGUAGES = ("zh", "en")
DEFAULT_LANGUAGE = "zh"
_DIR = Path(__file__).with_name("locales")


def _flatten(table: dict, prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, name + "."))
        else:
            flat[name] = value
    return flat


@cache
def catalogue(language: str) -> dict[str, str]:
    merged: dict[str, str] = {}
    for path in sorted((_DIR / language).glob("*.toml")):
        part = _flatten(tomllib.loads(path.read_text(encoding="utf-8")))
        clash = merged.keys() & part.keys()
        if clash:
            raise ValueError(f"{path}: keys defined twice in the {language} catalogue: {sorted(clash)[:5]}")
        merged.update(part)
    return merged


def t(key: str, language: str = DEFAULT_LANGUAGE, **params) -> str:
    """The text for ``key`` in ``language``, falling back to Chinese."""
    lang = language if language in LANGUAGES else DEFAULT_LANGUAGE
    template = catalogue(lang).get(key) or catalogue(DEFAULT_LANGUAGE).get(key) or key
    return template.format(**params) if params else template


def pick(zh: str, en: str, language: str) -> str:
    """Choose between a catalogue entry's Chinese and English text."""
    return en if language == "en" and en else zh


def all_texts(language: str) -> dict[str, str]:
    return dict(catalogue(language))
