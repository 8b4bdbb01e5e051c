"""The layers of docs/architecture.md: each package imports only those below it (imports inside functions count
too), and only the engine and the table resolve turns."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

GAME = Path(__file__).resolve().parent.parent / "game"

#: What each package of game/ may import from game/ (besides itself).
ALLOWED: dict[str, set[str]] = {
    "engine": set(),
    "i18n": set(),
    "content": {"engine", "i18n"},
    "ai": {"engine", "content", "i18n"},
    "table": {"ai", "engine", "content", "i18n"},
    "present": {"table", "ai", "engine", "content", "i18n"},
    "text": {
        "present",
        "table",
        "ai",
        "engine",
        "content",
        "persistence",
        "saves",
        "storage",
        "paths",
        "watch",
        "i18n",
    },
    "reports": {"present", "table", "ai", "engine", "content", "persistence", "saves", "storage", "paths", "i18n"},
    "server": {"present", "table", "ai", "engine", "content", "persistence", "storage", "paths", "reports", "i18n"},
    "ui": {
        "i18n",
        "present",
        "table",
        "ai",
        "engine",
        "content",
        "persistence",
        "saves",
        "storage",
        "paths",
        "settings",
        "reports",
        "watch",
    },
}


def game_imports(path: Path) -> set[str]:
    """The first-level parts of game/ that a module imports (``game.engine.state`` -> ``engine``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        for name in names:
            parts = name.split(".")
            if parts[0] == "game" and len(parts) > 1:
                found.add(parts[1])
    return found


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_each_package_imports_only_the_layers_below_it(package: str) -> None:
    wrong = {}
    for path in sorted((GAME / package).rglob("*.py")):
        extra = game_imports(path) - ALLOWED[package] - {package}
        if extra:
            wrong[str(path.relative_to(GAME))] = sorted(extra)
    assert not wrong, f"imports across layers: {wrong}"


#: The lookahead policy's rollouts play future turns on throwaway copies of the game, inside its own search: they
#: model what may happen, they do not drive a match.
ROLLOUTS = {"ai/lookahead.py", "ai/lookahead_v1.py"}


def test_only_the_engine_and_the_table_resolve_turns() -> None:
    callers = []
    for path in GAME.rglob("*.py"):
        name = str(path.relative_to(GAME))
        if name.split("/")[0] in ("engine", "table") or name in ROLLOUTS:
            continue
        if "resolve_turn(" in path.read_text(encoding="utf-8"):
            callers.append(name)
    assert callers == []


# --------------------------------------------------------------------- inside the desktop front end
UI = GAME / "ui"


def module_name(path: Path) -> str:
    """``game/ui/screens/board/screen.py`` -> ``game.ui.screens.board.screen`` (a package is its ``__init__``)."""
    parts = list(path.relative_to(GAME.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def ui_imports(root: Path = UI) -> dict[str, set[str]]:
    """Every module under ``root`` (game/ui by default) and the modules under it that it imports: at the top, inside
    functions or only for type checking, all alike (``from game.ui.widgets import mix`` imports
    ``game.ui.widgets``). A module's own parent packages do not count: Python runs them first whatever the module
    imports."""
    modules = {module_name(p): p for p in root.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                targets = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            else:
                continue
            found.update(t for t in targets if t in modules and not (name + ".").startswith(t + "."))
        graph[name] = found
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The groups of modules that import each other in a loop (strongly connected components of two or more)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_desktop_modules_import_each_other_in_no_circle() -> None:
    graph = ui_imports()
    assert len(graph) > 20  # the walk found the package
    assert cycles(graph) == []


def test_no_modules_of_the_game_import_each_other_in_a_circle() -> None:
    """The whole package, not only the desktop: a circle is an order of imports that works only by luck."""
    graph = ui_imports(GAME)
    assert len(graph) > 150 and "game.content.scenario_file" in graph
    assert cycles(graph) == []


def test_a_screen_knows_neither_the_app_nor_the_flow() -> None:
    """Screens end with typed results; only the flow (and the entry points above it) decide which screen is next."""
    graph = ui_imports()
    screens = {name: deps for name, deps in graph.items() if name.startswith("game.ui.screens")}
    assert "game.ui.screens.board" in screens
    wrong = {name: sorted(deps & {"game.ui.app", "game.ui.flow"}) for name, deps in screens.items()}
    assert {name: deps for name, deps in wrong.items() if deps} == {}


def test_the_loop_finds_a_planted_circle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


#: The most lines a module of the desktop front end, and a function in it, may have: each small enough to read at
#: once (a screen that outgrows this becomes a package of components).
MODULE_LINES, FUNCTION_LINES = 400, 60


def test_every_desktop_module_and_function_is_small_enough_to_read_at_once() -> None:
    too_long = []
    for path in sorted(UI.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        name = str(path.relative_to(GAME))
        if len(source.splitlines()) > MODULE_LINES:
            too_long.append(f"{name}: {len(source.splitlines())} lines")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > FUNCTION_LINES:
                    too_long.append(f"{name}: {node.name} is {length} lines")
    assert too_long == []
