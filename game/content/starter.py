"""The starter scenario that ``python main.py new FILE`` writes: small, complete, commented to teach.

:func:`starter_text` builds the YAML text for the roles asked for; every section opens with a comment saying what it
is and where the modder's guide (``scenarios/README.md``) explains it. The text is checked by loading it before it is
written (see :mod:`game.new_scenario`), and the tests play it to an ending.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from game.content.models import ID_PATTERN

#: The most roles a starter scenario is written for (each role adds three actions).
MAX_ROLES = 6
#: The roles of a starter scenario when none are asked for.
DEFAULT_ROLES = ("north", "south")
#: Ids a role may not take: the starter's own indicators, flags and families, which players would confuse with them.
_RESERVED = frozenset(
    {"relations", "prosperity", "bay_control", "market_opened", "patrols_agreed", "talk", "trade", "pressure", "turn"}
)
_ID = re.compile(ID_PATTERN)
_GUIDE = "the modder's guide (scenarios/README.md in the game's folder)"


class StarterError(ValueError):
    """Role ids a starter scenario cannot be written for."""


@dataclass(frozen=True, slots=True)
class StarterRole:
    """A role of the starter: its id, the name derived from it, and its place in the list."""

    id: str
    name: str
    index: int


def parse_roles(spec: str | None) -> list[str]:
    """The role ids of ``--roles a,b`` (the default pair when ``None``); raises :class:`StarterError` saying what is
    wrong with them."""
    if spec is None:
        return list(DEFAULT_ROLES)
    ids = [part.strip() for part in spec.split(",")]
    if any(not part for part in ids):
        raise StarterError(f"--roles {spec!r}: an empty role id (write ids separated by commas, e.g. north,south)")
    for role in ids:
        if not _ID.match(role):
            raise StarterError(
                f"--roles: {role!r} is not an id: use lowercase letters, digits and '_', starting with a letter "
                "(e.g. north_shore)"
            )
        if role in _RESERVED:
            raise StarterError(f"--roles: {role!r} is a name the starter scenario already uses; choose another")
    repeated = sorted({role for role in ids if ids.count(role) > 1})
    if repeated:
        raise StarterError(f"--roles: {', '.join(repeated)} given more than once; each role needs its own id")
    if not 2 <= len(ids) <= MAX_ROLES:
        raise StarterError(f"--roles: give 2 to {MAX_ROLES} role ids, not {len(ids)}")
    return ids


def name_of(role_id: str) -> str:
    """A name for players made from an id: ``north_shore`` -> ``North Shore``."""
    return " ".join(word.capitalize() for word in role_id.split("_") if word)


def scenario_id(stem: str) -> str:
    """An id for the scenario from a file name's stem (``My Bay-2`` -> ``my_bay_2``)."""
    words = re.findall(r"[a-z0-9]+", stem.lower())
    text = "_".join(words)
    return text if text[:1].isalpha() else f"scenario_{text}".rstrip("_")


def starter_text(role_ids: Sequence[str], *, schema: str, stem: str, file_name: str = "") -> str:
    """The whole starter scenario for ``role_ids``, its first line pointing the editor at ``schema``; ``stem``
    gives its id and title, ``file_name`` (default ``STEM.yaml``) the commands its opening comment suggests."""
    roles = [StarterRole(r, name_of(r), i) for i, r in enumerate(role_ids)]
    title = " ".join(word.capitalize() for word in re.findall(r"[A-Za-z0-9]+", stem)) or "My Scenario"
    parts = [
        _head(schema, scenario_id(stem), title, roles, file_name or f"{stem}.yaml"),
        _indicators(roles),
        _families(),
        _ROLES_HEAD + "".join(_role(r, roles) for r in roles),
        _actions_head() + "".join(_actions(r, roles) for r in roles),
        _events(roles),
        _dynamics(),
        _endings(),
        _negotiation(roles),
    ]
    return "\n".join(part.strip("\n") + "\n" for part in parts)


def _head(schema: str, sid: str, title: str, roles: list[StarterRole], file_name: str) -> str:
    names = ", ".join(r.name for r in roles)
    return f"""\
# yaml-language-server: $schema={schema}
#
# A starter scenario written by `python main.py new`. It loads, validates and plays as it is: change it a
# little at a time and run `python main.py validate` on it after each change. Every section below says what
# it is and where {_GUIDE} explains it.
#
# Try it:   python main.py text --scenario {file_name}        (play it in the terminal)
#           python main.py simulate {file_name} --games 200   (let the computer play it many times)

format: 1
id: {sid}   # used in saves and reports; keep it unique among your scenarios
title: {title}
description: >-
  Replace this with what the scenario is about: who the sides are ({names}), what is at stake, and
  when it happens. Players read it before a game starts.
turns: 8                   # a game lasts 8 turns ("How a turn works" in the guide)
calendar: {{start_year: 2025, start_month: 1, months_per_turn: 3}}   # each turn is a quarter
events_per_turn: 1         # one random draw each turn among the events that may fire ...
quiet_weight: 2            # ... where "nothing happens" weighs 2 against each event's `weight` (1 by default)

# Sources: the reports and articles behind your numbers. Indicators, actions, events and negotiation
# items cite them by id in their `sources` lists ("History, invention and disputed rules" in the guide).
sources:
  - id: your_source
    title: Replace with the title of a report or article you rely on
    publisher: Who published it
    url: https://example.org/
    date: '2025-01-01'
"""


def _indicators(roles: list[StarterRole]) -> str:
    first, second = roles[0], roles[1]
    return f"""\
# Indicators: the numbers that describe the relationship. Actions, events and dynamics move them, and the
# scores and endings read them. Each stays within its min..max (0..100 unless you say otherwise).
# `good` says which direction is good news by default. See "Expressions" and the Indicator reference.
indicators:
  - id: relations
    label: Relations
    description: How well the governments get on, from open hostility (0) to close partnership (100).
    initial: 45
    sources: [your_source]
  - id: prosperity
    label: Shared prosperity
    description: How much trade and investment flow between the sides.
    initial: 40
  - id: bay_control
    label: Control of the bay
    description: Who holds the disputed bay, from all {second.name} (0) to all {first.name} (100).
    initial: 50
    good: neutral          # good news for one side is bad news for the other
  # Flags the story keeps: 0 or 1, never shown to players. The negotiation items below set them, so that
  # each can be agreed only once ("History, invention and disputed rules" in the guide).
  - id: market_opened
    label: Market opened
    description: Whether the market-opening deal has been carried out (1) or not (0).
    max: 1
    initial: 0
    hidden: true
  - id: patrols_agreed
    label: Joint patrols agreed
    description: Whether the joint patrols have been carried out (1) or not (0).
    max: 1
    initial: 0
    hidden: true
"""


def _families() -> str:
    return """\
# Families: strategies that group the actions. Each role's `personality` weighs them for the computer
# player. The computer players' negotiator treats actions of a family with the id `pressure` as
# provocations: they make the other side less ready to deal for two turns ("What the computer players
# read" in the guide).
families:
  - id: talk
    label: Dialogue
  - id: trade
    label: Trade
  - id: pressure
    label: Pressure
"""


_PERSONALITIES = ("{talk: 1.5, trade: 1.0, pressure: 0.5}", "{talk: 1.0, trade: 1.5, pressure: 1.0}")


def _side(role: StarterRole, roles: list[StarterRole]) -> tuple[str, str, str]:
    """The role's score, what it wants (for its objectives) and its push on the bay: the roles at even places want
    the bay in the first role's hands, the others out of them."""
    if role.index % 2 == 0:
        wants = f"good relations, trade, and the bay in {roles[0].name}'s hands"
        return "relations / 2 + prosperity + bay_control", wants, "bay_control += 6"
    wants = f"good relations, trade, and the bay out of {roles[0].name}'s hands"
    return "relations / 2 + prosperity + (100 - bay_control)", wants, "bay_control -= 6"


_ROLES_HEAD = """\
# Roles: the sides, played by people or by the computer. `score` is private: a formula over the
# indicators, higher is better, counted once, on the values at the end of the game ("When scores are
# counted" in the guide). `capital` is spent on actions each turn. `personality` tells every computer level
# how much it likes each family (1 when left out; "What the computer players read" in the guide).
roles:
"""


def _role(role: StarterRole, roles: list[StarterRole]) -> str:
    score, wants, _ = _side(role, roles)
    return f"""  - id: {role.id}
    name: {role.name}
    brief: Replace with what {role.name} is and wants, in a sentence or two. Every player reads it.
    objectives: Only {role.name} reads this. You score for {wants}.
    score: {score}
    capital: 3
    capital_max: 5           # unspent capital carries over, up to 5
    personality: {_PERSONALITIES[role.index % len(_PERSONALITIES)]}
"""


def _actions_head() -> str:
    return """
# Actions: what each role can do in the actions phase, paid with capital. An effect is `indicator += amount`
# (or -=, =), now, or later with `delay`, or spread over turns with `duration` ("Effects" in the guide).
# A `condition` keeps an action closed while it fails; `condition_reason` says why in plain words, and
# players see it instead of the formula.
actions:
"""


def _actions(role: StarterRole, roles: list[StarterRole]) -> str:
    other = roles[(role.index + 1) % len(roles)]
    push = _side(role, roles)[2]
    return f"""\
  - id: {role.id}_summit
    role: {role.id}
    family: talk
    label: Propose a summit
    description: Invite the other leaders to talk things over.
    cost: 2
    effects: [relations += 5]
  - id: {role.id}_trade_fair
    role: {role.id}
    family: trade
    label: Host a trade fair
    description: Bring the other side's firms to meet yours. It pays off over the next two turns.
    cost: 2
    condition: relations >= 40
    condition_reason: needs relations of 40 or more
    effects:
      - relations += 1
      - {{change: prosperity += 8, delay: 1, duration: 2}}   # +4 in each of the next two turns
  - id: {role.id}_patrol
    role: {role.id}
    family: pressure
    label: Send patrol boats
    description: Patrol the disputed bay to make a point to {other.name}.
    cost: 1
    cooldown: 1              # not again next turn
    target: {other.id}   # a note for readers: no rule reads it
    effects: [{push}, relations -= 5]
"""


def _events(roles: list[StarterRole]) -> str:
    first, second = roles[0], roles[1]
    return f"""
# Events: the news. An event with `at_turn` is scripted; the others are drawn at random within their
# `window` while their `condition` holds. An event with `choices` waits for its `role` to answer.
events:
  - id: fishing_dispute
    title: Trawlers in disputed waters
    text: Fishing boats from {second.name} are seen in waters that {first.name} claims. How does {first.name} answer?
    role: {first.id}
    window: [2, 7]
    once: true
    choices:
      - id: talk_it_over
        label: Raise it quietly
        description: Ask for talks between the coast guards.
        effects: [relations += 3, bay_control -= 3]
      - id: seize_boats
        label: Seize the boats
        description: Arrest the crews and impound the boats.
        effects: [bay_control += 6, relations -= 8]
  # Fired only when a party breaks an agreement (`break_event` below): a scripted event is never drawn at
  # random, and its condition keeps it from firing at its own turn, so nothing else brings it on ("Events
  # only a broken deal brings on" in the guide).
  - id: deal_broken
    title: A deal falls through
    text: An agreement between the sides has been broken before it was carried out. Each blames the other.
    at_turn: 1
    condition: turn > 1
    effects: [relations -= 3]
"""


def _dynamics() -> str:
    return """
# Dynamics: rules applied at the end of every turn, after the actions, in file order. An amount may be a
# formula: here trade loses a tenth of what it has each turn unless new deals renew it.
dynamics:
  - id: trade_dries_up
    description: Without new deals, trade slowly dries up.
    effects: [prosperity -= prosperity / 10]
  - id: hostility_hurts_trade
    description: Firms stay away while the governments quarrel.
    condition: relations < 30
    effects: [prosperity -= 3]
"""


def _endings() -> str:
    return """
# Endings: checked at the end of the last turn, in file order, best first; the first whose condition holds
# is the ending. An `early` one ends the game in any turn where it holds. The last one has no condition:
# it catches every other game.
endings:
  - id: partnership
    title: A lasting partnership
    text: The sides trust each other enough to plan together. Replace with what this means for each.
    condition: relations >= 65 and prosperity >= 50
  - id: clash_in_the_bay
    title: Clash in the bay
    text: Patrol boats collide, sailors die, and the talks end.
    condition: relations <= 10
    early: true
  - id: cold_peace
    title: A cold peace
    text: Nothing is settled, nothing breaks. Replace with what this means for each side.
"""


def _negotiation(roles: list[StarterRole]) -> str:
    first, second = roles[0], roles[1]
    return f"""
# Negotiation: commitments the roles can trade in proposals. An accepted proposal is carried out over each
# item's `turns`; keeping it raises trust, breaking it costs trust and applies `break_effects`
# ("Negotiation: items, agreements and trust" in the guide). `value` is what an item is worth to each role
# when the computer weighs a proposal.
negotiation:
  trust: {{initial: 40, kept: 5, broken: 15}}
  break_effects: [relations -= 6]
  break_event: deal_broken
  items:
    - id: {first.id}_open_market
      giver: {first.id}
      label: Open {first.name}'s market
      description: Lower the duties on the other side's goods.
      effects: [prosperity += 8, relations += 2, market_opened = 1]   # the flag is set in the last turn
      turns: 2
      condition: relations >= 35 and market_opened < 1
      condition_reason: needs relations of 35 or more, and the market opens only once
      value: {{{first.id}: -2, {second.id}: 6}}
    - id: {second.id}_joint_patrols
      giver: {second.id}
      label: Patrol the bay together
      description: Let {first.name}'s coast guard patrol the bay alongside {second.name}'s.
      effects: [bay_control += 5, relations += 3, patrols_agreed = 1]
      condition: patrols_agreed < 1
      condition_reason: the joint patrols are agreed only once
      value: {{{second.id}: -3, {first.id}: 5}}
"""
