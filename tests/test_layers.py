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
    "content": {"engine"},
    "ai": {"engine", "content"},
    "table": {"ai", "engine", "content"},
    "present": {"table", "ai", "engine", "content"},
    "text": {"present", "table", "ai", "engine", "content", "persistence", "saves", "storage", "paths"},
    "ui": {"present", "table", "ai", "engine", "content", "persistence", "saves", "storage", "paths", "settings"},
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
ROLLOUTS = {"ai/lookahead.py"}


def test_only_the_engine_and_the_table_resolve_turns() -> None:
    callers = []
    for path in GAME.rglob("*.py"):
        name = str(path.relative_to(GAME))
        if name.split("/")[0] in ("engine", "table") or name in ROLLOUTS:
            continue
        if "resolve_turn(" in path.read_text(encoding="utf-8"):
            callers.append(name)
    assert callers == []
