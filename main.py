"""Common Ground: run ``python main.py --help`` for the commands."""

import importlib.util
import sys

#: The packages the game needs (import name: the name to install), as pyproject.toml lists them.
REQUIRED = {
    "yaml": "PyYAML",
    "pydantic": "pydantic",
    "platformdirs": "platformdirs",
    "pygame": "pygame-ce",
    "pygame_gui": "pygame_gui",
    "fpdf": "fpdf2",
    "uharfbuzz": "uharfbuzz",
    "starlette": "starlette",
    "uvicorn": "uvicorn",
    "segno": "segno",
}


def missing_packages() -> list[str]:
    """The packages of :data:`REQUIRED` that this Python cannot import (by the name to install)."""
    return [package for module, package in REQUIRED.items() if importlib.util.find_spec(module) is None]


def explain_missing(missing: list[str]) -> str:
    """What to do when this Python lacks the game's packages: usually the virtual environment is not active."""
    return (
        f"Common Ground cannot start: this Python ({sys.executable}) lacks {', '.join(missing)}.\n"
        "Run the game with the Python of its virtual environment, for example\n"
        "  .venv/bin/python main.py          (Windows: .venv\\Scripts\\python main.py)\n"
        "or activate the environment first (source .venv/bin/activate; Windows: .venv\\Scripts\\activate).\n"
        "No environment yet? Create one with: python3 -m venv .venv && .venv/bin/pip install -e .\n"
    )


if __name__ == "__main__":
    absent = missing_packages()
    if absent:
        sys.stderr.write(explain_missing(absent))
        sys.exit(1)

    from game.cli import main

    sys.exit(main())
