"""Who may import whom among the apps: shared_ui serves both and knows neither; the staff
terminal never imports the kiosk; a kiosk screen never imports another (kiosk.navigator
decides which comes next). Imports inside functions count too."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def imports_of(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def offenders(folder: str, forbidden) -> list[str]:
    return [
        f"{path.relative_to(ROOT)}: {name}"
        for path in sorted((ROOT / folder).rglob("*.py"))
        for name in imports_of(path)
        if forbidden(path, name)
    ]


def test_shared_ui_imports_neither_app():
    assert offenders("shared_ui", lambda path, name: name.split(".")[0] in ("kiosk", "staff_tui")) == []


def test_the_staff_terminal_never_imports_the_kiosk():
    assert offenders("staff_tui", lambda path, name: name.split(".")[0] == "kiosk") == []


def test_no_kiosk_screen_imports_another():
    def other_screen(path: Path, name: str) -> bool:
        return name.startswith("kiosk.screens.") and name not in ("kiosk.screens.base", f"kiosk.screens.{path.stem}")

    assert offenders("kiosk/screens", other_screen) == []


def test_the_models_import_no_shared_ui():
    assert offenders("models", lambda path, name: name.split(".")[0] == "shared_ui") == []
