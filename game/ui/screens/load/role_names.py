"""Who plays which side in a save, in words: the sides' names are read from the save's scenario (once per file)."""

from __future__ import annotations

from game.content.loader import load_scenario
from game.content.problems import ScenarioError
from game.engine import localize
from game.i18n import tr
from game.saves import SaveInfo, is_person
from game.table import LEVELS


class RoleNames:
    """The display names of the sides of each scenario file, cached; and a save's seats described with them."""

    def __init__(self) -> None:
        self.names: dict[str, dict[str, str]] = {}  # scenario path -> role id -> display name

    def of(self, scenario_path: str) -> dict[str, str]:
        """Role id -> display name in the scenario at ``scenario_path`` (empty if it cannot be loaded)."""
        if scenario_path not in self.names:
            try:
                scenario = load_scenario(scenario_path)
            except ScenarioError:
                self.names[scenario_path] = {}
            else:
                self.names[scenario_path] = {r.id: localize(r.name) for r in scenario.roles}
        return self.names[scenario_path]

    def roles_text(self, info: SaveInfo) -> str:
        """``You: United States · Computer (Standard): Cambodia``; ``People: United States, Cambodia`` for a
        hot-seat game."""
        names = self.of(info.scenario_path)
        humans = [names.get(role, role) for role, player in info.roles.items() if is_person(player)]
        computers = [(names.get(role, role), player) for role, player in info.roles.items() if not is_person(player)]
        parts = []
        if humans:
            parts.append((tr("You: ") if len(humans) == 1 else tr("People: ")) + ", ".join(humans))
        levels = {player for _, player in computers}
        if len(levels) == 1:
            level = LEVELS.get(next(iter(levels)))
            parts.append(
                (tr("Computer ({level}): ", level=level.name) if level else tr("Computer: "))
                + ", ".join(n for n, _ in computers)
            )
        elif computers:
            parts.append(
                tr("Computer: ") + ", ".join(f"{n} ({tr(LEVELS[p].name) if p in LEVELS else p})" for n, p in computers)
            )
        return " · ".join(parts)
