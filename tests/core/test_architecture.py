"""The house rules that a reader relies on: the core stays UI-free, imports
run one way (no circle, function-level imports included), and a module past
~400 lines says at its top why it is one module.

The import contracts between packages are in ``pyproject.toml`` and run by
``make lint`` (``lint-imports``); these tests hold without it.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("models", "kiosk", "staff_tui", "shared_ui", "themes", "cli", "web")
OTHER_CODE = ("tests", "benchmarks", "scripts")
UI_PACKAGES = {"textual", "rich", "kiosk", "staff_tui", "shared_ui", "themes"}
LONG_MODULE = 400


def module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")


def project_modules() -> dict[str, Path]:
    return {module_name(p): p for package in PACKAGES for p in (ROOT / package).rglob("*.py")}


def _type_checking(node: ast.AST) -> bool:
    test = getattr(node, "test", None)
    return isinstance(node, ast.If) and (
        (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING")
        or (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")
    )


def _run_time_nodes(tree: ast.AST):
    """Every node, less the bodies of ``if TYPE_CHECKING:`` (read by type checkers, never run)."""
    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        if _type_checking(node):
            stack.extend(node.orelse)  # type: ignore[attr-defined]
            continue
        stack.extend(ast.iter_child_nodes(node))


def imported_names(path: Path, name: str) -> set[str]:
    """Every module ``path`` imports when it runs, wherever the statement is (functions included)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in _run_time_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.add(module)
            found |= {f"{module}.{alias.name}" for alias in node.names}
    return found


def import_graph() -> dict[str, set[str]]:
    modules = project_modules()

    def resolve(name: str) -> str | None:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    graph = {}
    for name, path in modules.items():
        targets = {resolve(n) for n in imported_names(path, name)}
        # A submodule always runs after its own package's __init__: that edge is no circle.
        graph[name] = {t for t in targets if t and t != name and not name.startswith(t + ".")}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in graph.get(node, ()):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_circles_anywhere_function_level_imports_included():
    graph = import_graph()
    assert len(graph) > 100
    assert cycles(graph) == []


def test_the_circle_finder_finds_a_circle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_imports_for_type_checkers_only_are_no_edge(tmp_path):
    module = tmp_path / "m.py"
    module.write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import a\nelse:\n    import b\nimport c\n"
    )
    assert imported_names(module, "m") == {"typing", "typing.TYPE_CHECKING", "b", "c"}


def test_models_source_imports_no_ui():
    graph = import_graph()
    offenders = []
    for name, path in project_modules().items():
        if name.split(".")[0] != "models":
            continue
        external = {n.split(".")[0] for n in imported_names(path, name)}
        offenders += [f"{name}: {n}" for n in sorted(external & UI_PACKAGES)]
        offenders += [f"{name}: {t}" for t in sorted(graph[name]) if t.split(".")[0] in UI_PACKAGES | {"cli"}]
    assert offenders == []


def edges_between(graph: dict[str, set[str]], source: str, target_of) -> list[str]:
    return sorted(
        f"{name} -> {target}"
        for name, targets in graph.items()
        if name == source or name.startswith(source + ".")
        for target in targets
        if target_of(name, target)
    )


def test_the_apps_layers():
    """shared_ui serves both apps and knows neither; the apps never import each other; nothing imports the CLI."""
    graph = import_graph()

    def package(name: str) -> str:
        return name.split(".")[0]

    assert edges_between(graph, "shared_ui", lambda _n, t: package(t) in ("kiosk", "staff_tui", "cli")) == []
    assert edges_between(graph, "staff_tui", lambda _n, t: package(t) == "kiosk") == []
    assert edges_between(graph, "kiosk", lambda _n, t: package(t) == "staff_tui") == []
    # hall web is models and its own templates only: no terminal UI in a web server.
    assert edges_between(graph, "web", lambda _n, t: package(t) in UI_PACKAGES | {"cli"}) == []
    assert [f"{n} -> {t}" for n, ts in graph.items() if package(n) != "cli" for t in ts if package(t) == "cli"] == []


def test_no_kiosk_screen_imports_another():
    """The navigator decides which screen comes next; a screen only says what the resident chose."""
    graph = import_graph()

    def other_screen(name: str, target: str) -> bool:
        return target.startswith("kiosk.screens.") and target != "kiosk.screens.base"

    assert edges_between(graph, "kiosk.screens", other_screen) == []


def test_every_package_offers_what_its_init_names_and_loads_it_on_first_use():
    """The names under TYPE_CHECKING (for readers and mypy) are exactly those offered at run time."""
    import importlib

    for init in sorted((ROOT / "models").glob("*/__init__.py")):
        package = importlib.import_module(module_name(init))
        if not hasattr(package, "__getattr__"):
            continue
        typed = set()
        for node in ast.walk(ast.parse(init.read_text(encoding="utf-8"))):
            if _type_checking(node):
                typed |= {a.asname or a.name for i in node.body if isinstance(i, ast.ImportFrom) for a in i.names}
        assert set(package.__all__) == typed, package.__name__
        for name in package.__all__:
            assert getattr(package, name) is not None


def test_importing_every_model_module_loads_no_textual():
    modules = sorted(n for n in project_modules() if n.split(".")[0] == "models")
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')]\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_a_long_module_says_at_its_top_why_it_is_one():
    unexplained = []
    others = {module_name(p): p for folder in OTHER_CODE for p in (ROOT / folder).rglob("*.py")}
    for name, path in {**project_modules(), **others}.items():
        text = path.read_text(encoding="utf-8")
        if text.count("\n") <= LONG_MODULE:
            continue
        docstring = ast.get_docstring(ast.parse(text)) or ""
        if "One module" not in docstring and "one module" not in docstring:
            unexplained.append(f"{name} ({text.count(chr(10))} lines)")
    assert unexplained == []
