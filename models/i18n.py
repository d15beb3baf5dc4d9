"""Words shown to people, one catalogue per language (``locales/<lang>/``).

A language's catalogue is every ``.toml`` file in its folder, one file per
part of the hall (core, cases, kiosk, staff …); a key may be defined once.

Keys are dotted (``refusal.out_of_season``); values are ``str.format``
templates. Simplified Chinese is the default; English is complete, and a test
fails when either language lacks a key the other has.

Parsing the TOML costs a kiosk's start more than drawing its first screen, so
a language's merged catalogue is kept as JSON in the user's cache directory,
with the sizes and times of the files it was read from: an edited file is read
again, and a cache that cannot be written or read is simply not used.
"""

from __future__ import annotations

import json
import os
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
    paths = sorted((_DIR / language).glob("*.toml"))
    kept, stamp = _kept_path(language), _stamp(paths)
    if kept is not None:
        try:
            held = json.loads(kept.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            held = None
        if isinstance(held, dict) and held.get("stamp") == stamp and isinstance(held.get("words"), dict):
            return held["words"]
    merged = _read(language, paths)
    if kept is not None:
        _keep(kept, {"stamp": stamp, "words": merged})
    return merged


def _kept_path(language: str) -> Path | None:
    """Where the merged catalogue is kept; None: there is no cache directory."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    if not os.path.isabs(base):  # no home to keep it in
        return None
    return Path(base) / "hall" / f"words-{language}.json"


def _stamp(paths: list[Path]) -> str:
    """The files a catalogue was read from, as they were: a file edited since reads again."""
    parts = []
    for path in paths:
        try:
            info = path.stat()
        except OSError:
            return ""
        parts.append(f"{path}:{info.st_size}:{info.st_mtime_ns}")
    return "|".join(parts)


def _keep(kept: Path, held: dict) -> None:
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        partial = kept.with_name(f"{kept.name}.{os.getpid()}")
        partial.write_text(json.dumps(held, ensure_ascii=False), encoding="utf-8")
        os.replace(partial, kept)  # another process keeping it at once: one whole file stands
    except OSError:
        pass


def _read(language: str, paths: list[Path]) -> dict[str, str]:
    import tomllib  # only when the kept catalogue does not serve

    merged: dict[str, str] = {}
    for path in paths:
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
