"""Where the shipped scenarios live."""

from __future__ import annotations

import os
from pathlib import Path

#: The folder of shipped scenarios: ``$COMMON_GROUND_SCENARIOS`` if set, else ``scenarios/`` beside ``game/``.
SCENARIO_DIR = Path(os.environ.get("COMMON_GROUND_SCENARIOS", Path(__file__).resolve().parent.parent / "scenarios"))

#: The default scenario file.
DEFAULT_SCENARIO = SCENARIO_DIR / "cambodia_us.yaml"

#: The tutorial scenario, a short game that teaches itself ("Learn to play").
TUTORIAL_SCENARIO = SCENARIO_DIR / "tutorial.yaml"
