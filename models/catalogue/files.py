"""Reading catalogue files: every problem at once, or the checked catalogue.

>>> cat, problems = check_file("my_catalogue.toml")
>>> for p in problems:
...     print(p)            # my_catalogue.toml:42: item "hukou-in": ...
"""

from __future__ import annotations

from pathlib import Path

from models.catalogue.check import check_text
from models.catalogue.entries import Catalogue, CatalogueError, Problem


def read_text_file(path: str | Path, what: str = "catalogue file") -> tuple[str | None, list[Problem]]:
    """The UTF-8 text of a file a maintainer wrote, or the one problem that keeps it from being read."""
    name = str(path)
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        return None, [Problem(name, 0, "file not found")]
    except IsADirectoryError:
        return None, [Problem(name, 0, f"this is a directory, not a {what}")]
    except OSError as exc:
        return None, [Problem(name, 0, f"cannot read the file: {exc.strerror or exc}")]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        return None, [Problem(name, line, "the file is not valid UTF-8 text; save it as UTF-8")]


def check_file(path: str | Path) -> tuple[Catalogue | None, list[Problem]]:
    """Read and check a catalogue file (UTF-8 TOML)."""
    text, problems = read_text_file(path)
    if text is None:
        return None, problems
    return check_text(text, str(path))


def default_catalogue_path() -> Path:
    """The catalogue bundled with the package."""
    return Path(__file__).with_name("default_catalogue.toml")


def load_file(path: str | Path) -> Catalogue:
    """Load a catalogue, raising :class:`CatalogueError` (a ValueError) if it has problems."""
    cat, problems = check_file(path)
    if problems or cat is None:
        raise CatalogueError(problems)
    return cat


def load_default() -> Catalogue:
    """The bundled catalogue, parsed and checked."""
    return load_file(default_catalogue_path())
