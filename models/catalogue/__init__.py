"""The service catalogue: lines of work, windows and service items, from a TOML file a maintainer edits.

- :mod:`~models.catalogue.entries` — the frozen dataclasses a catalogue is made of, its problems, :func:`diff`.
- :mod:`~models.catalogue.check` — :func:`check_text`: every mistake at once, each with its line.
- :mod:`~models.catalogue.positions` — the scanner that finds those lines (tomllib gives none).
- :mod:`~models.catalogue.files` — reading a file: :func:`check_file`, :func:`load_file`, the bundled default.
- :mod:`~models.catalogue.store` — loading a checked catalogue into the database (retiring, never deleting).
- :mod:`~models.catalogue.search` — finding an item by part of its name or its pinyin initials.
- ``default_catalogue.toml`` — the hall's own catalogue, written from its rules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.lazy_exports import exports

if TYPE_CHECKING:
    from models.catalogue.check import check_text
    from models.catalogue.entries import (
        CATEGORIES,
        KINDS,
        Catalogue,
        CatalogueError,
        Fee,
        Item,
        Line,
        Material,
        Problem,
        Window,
        diff,
    )
    from models.catalogue.files import check_file, default_catalogue_path, load_default, load_file

__getattr__, __all__ = exports(
    __name__,
    {
        "models.catalogue.check": ("check_text",),
        "models.catalogue.entries": (
            "CATEGORIES",
            "KINDS",
            "Catalogue",
            "CatalogueError",
            "Fee",
            "Item",
            "Line",
            "Material",
            "Problem",
            "Window",
            "diff",
        ),
        "models.catalogue.files": ("check_file", "default_catalogue_path", "load_default", "load_file"),
    },
)
