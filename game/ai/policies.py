"""Policies decide for one role: which choice to give a pending event, which actions to commit.

A policy never changes the game: it returns command objects, and whoever runs the game applies them.
Each policy owns a ``random.Random`` seeded by its creator, so games with computer players stay reproducible.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Protocol

from game.ai import lookahead, lookahead_v1
from game.ai.lookahead import LookaheadPolicy, effects_value
from game.ai.lookahead_v1 import LookaheadV1Policy
from game.ai.negotiator import best_proposals
from game.engine import Choose, Command, Commit, Effect, Game, Phase, Respond
from game.i18n import tr


class Policy(Protocol):
    """Anything that can play a role."""

    name: str
    rng: random.Random

    def decide(self, game: Game, role: str) -> list[Command]:
        """The commands ``role`` gives now: answers to its pending choices, or the actions it commits."""
        ...


#: Commands are immutable values: the random policy makes each one once, for every game (the scenarios a process
#: plays bound their number): role -> action -> its commit, and (role, event, choice) -> its answer.
_COMMITS: dict[str, dict[str, Commit]] = {}
_CHOOSES: dict[tuple[str, str, str], Choose] = {}
_NEWS, _ACTIONS = Phase.NEWS, Phase.ACTIONS  # bound once: a module global is read faster than an enum member


class RandomPolicy:
    """Answers events at random and commits a random affordable set of legal actions."""

    name = "random"

    def __init__(self, rng: random.Random, *, skip: float = 0.25) -> None:
        self.rng = rng
        self.skip = skip

    def decide(self, game: Game, role: str) -> list[Command]:
        """Random choices for pending events, else a random affordable subset of legal actions."""
        state = game.state
        phase = state.phase
        if phase is _NEWS:
            out: list[Command] = []
            getrandbits = self.rng.getrandbits
            for pending in state.pending:
                if pending.role != role:
                    continue
                choices = game.events[pending.event].choices
                # ``rng.choice(choices)`` written out (the draws of ``Random._randbelow_with_getrandbits``): the
                # same answer from the same generator, without three calls in Python.
                count = len(choices)
                bits = count.bit_length()
                index = getrandbits(bits)
                while index >= count:
                    index = getrandbits(bits)
                answer = (role, pending.event, choices[index].id)
                choose = _CHOOSES.get(answer)
                if choose is None:
                    choose = _CHOOSES[answer] = Choose(*answer)
                out.append(choose)
            return out
        if phase is not _ACTIONS:
            return []
        legal = game.legal_actions(role)
        if not legal:
            return []
        draw = self.rng.random
        # Start at a random place and go round in a random direction: cheap, and every action gets its turn first.
        start = int(draw() * len(legal))
        legal = legal[start:] + legal[:start]
        if draw() < 0.5:
            legal.reverse()
        budget = state.capital[role]
        commits = _COMMITS.get(role)
        if commits is None:
            commits = _COMMITS[role] = {}
        skip = self.skip
        commands: list[Command] = []
        for action in legal:
            cost = action.cost
            if cost <= budget and draw() >= skip:
                budget -= cost
                command = commits.get(action.id)
                if command is None:
                    command = commits[action.id] = Commit(role, action.id)
                commands.append(command)
        return commands


class PassivePolicy:
    """Does nothing of its own, for balance checks: answers every event with its first choice, commits no action,
    proposes nothing and refuses every proposal addressed to it."""

    name = "passive"

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng  # never drawn from: kept so that a match can save every computer player's generator

    def decide(self, game: Game, role: str) -> list[Command]:
        """The first choice of each pending event; no actions."""
        if game.phase is not Phase.NEWS:
            return []
        scenario = game.scenario
        return [Choose(role, p.event, scenario.event(p.event).choices[0].id) for p in game.pending_choices(role)]

    def answer(self, game: Game, role: str) -> list[Command]:
        """A refusal of every open proposal addressed to ``role``."""
        return [Respond(role, p.id, False) for p in game.open_proposals(role)]


class GreedyPolicy:
    """Picks what most improves its own score by forecast, weighted by its personality per strategy family.

    ``restrict`` limits it to one family's actions (used to measure balance); ``noise`` adds a little randomness
    to break ties and vary games. With ``negotiate`` it also sends, at most once a turn, the proposal of
    :func:`~game.ai.negotiator.make_proposal` that gains it most (see :meth:`propose`).
    """

    name = "greedy"

    def __init__(
        self,
        rng: random.Random,
        personality: dict[str, float] | None = None,
        *,
        restrict: str | None = None,
        noise: float = 0.05,
        partner_weight: float = 0.0,
        negotiate: bool = True,
    ) -> None:
        self.rng = rng
        self.personality = personality or {}
        self.restrict = restrict
        self.noise = noise
        self.partner_weight = partner_weight
        self.negotiate = negotiate

    def propose(self, game: Game, role: str) -> list[Command]:
        """The best acceptable proposal to any other role, by ``role``'s own gain (plus ``partner_weight`` times the
        receiver's), when one serves ``role``; else ``[]``."""
        if not self.negotiate or game.scenario.negotiation is None:
            return []
        offers = [
            o
            for r in game.scenario.roles
            if r.id != role
            for o in best_proposals(game, role, r.id, limit=1, partner_weight=self.partner_weight)
        ]
        if not offers:
            return []
        return [max(offers, key=lambda o: o.gain).command]

    def value_of(self, game: Game, role: str, effects: tuple[Effect, ...]) -> float:
        """How much ``effects`` would raise ``role``'s score (plus ``partner_weight`` times the other roles'
        scores), delayed parts discounted."""
        return effects_value(game, role, effects, self.partner_weight)

    def decide(self, game: Game, role: str) -> list[Command]:
        """Best choice for each pending event; else the best-value affordable actions."""
        phase = game.state.phase
        if phase is _NEWS:
            out: list[Command] = []
            for pending in game.pending_choices(role):
                event = game.scenario.event(pending.event)
                best = max(event.choices, key=lambda c: self.value_of(game, role, c.effects) + self._jitter())
                out.append(Choose(role, pending.event, best.id))
            return out
        if game.phase is not Phase.ACTIONS:
            return []
        scored = []
        for action in game.legal_actions(role):
            if self.restrict is not None and action.family != self.restrict:
                continue
            gain = self.value_of(game, role, action.effects) * self.personality.get(action.family, 1.0)
            gain += self._jitter()
            if gain > 0:
                scored.append((gain / max(action.cost, 1), action))
        scored.sort(key=lambda pair: pair[0], reverse=True)
        budget = game.capital(role)
        commands: list[Command] = []
        for _, action in scored:
            if action.cost <= budget:
                budget -= action.cost
                commands.append(Commit(role, action.id))
        return commands

    def _jitter(self) -> float:
        return self.rng.uniform(0.0, self.noise) if self.noise else 0.0


PolicyFactory = Callable[[Game, str, random.Random], Policy]


def _random(game: Game, role: str, rng: random.Random) -> Policy:
    return RandomPolicy(rng)


def _passive(game: Game, role: str, rng: random.Random) -> Policy:
    return PassivePolicy(rng)


def _greedy(game: Game, role: str, rng: random.Random) -> Policy:
    return GreedyPolicy(rng, dict(game.scenario.role(role).personality))


#: ``greedy:FAMILY`` names a greedy policy restricted to one strategy family's actions (``simulate --balance``).
RESTRICTED_PREFIX = "greedy:"


def _cooperative(game: Game, role: str, rng: random.Random) -> Policy:
    policy = GreedyPolicy(rng, dict(game.scenario.role(role).personality), partner_weight=1.0)
    policy.name = "cooperative"
    return policy


#: The tie-breaking noise of the ``casual`` policy: large enough that it often prefers a weaker move.
CASUAL_NOISE = 2.0


def _casual(game: Game, role: str, rng: random.Random) -> Policy:
    policy = GreedyPolicy(rng, dict(game.scenario.role(role).personality), noise=CASUAL_NOISE)
    policy.name = "casual"
    return policy


def _lookahead(game: Game, role: str, rng: random.Random) -> Policy:
    return LookaheadPolicy(rng, dict(game.scenario.role(role).personality))


def _lookahead_v1(game: Game, role: str, rng: random.Random) -> Policy:
    return LookaheadV1Policy(rng, dict(game.scenario.role(role).personality))


#: The policies by name, as ``simulate --policy ROLE=NAME`` knows them.
POLICIES: dict[str, PolicyFactory] = {
    "passive": _passive,
    "random": _random,
    "casual": _casual,
    "greedy": _greedy,
    "cooperative": _cooperative,
    "lookahead": _lookahead,
    "lookahead-v1": _lookahead_v1,  # the lookahead of version 1, kept to measure the current one against
}
#: The policies that search (a game takes them seconds, not milliseconds), each with its rollouts per decision
#: when no budget is given.
SEARCHING: dict[str, int] = {"lookahead": lookahead.DEFAULT_BUDGET, "lookahead-v1": lookahead_v1.DEFAULT_BUDGET}


def make_policy(name: str, game: Game, role: str, rng: random.Random) -> Policy:
    """Build a policy by name; raises ``ValueError`` naming the known ones if it does not exist.

    Besides :data:`POLICIES`, ``greedy:FAMILY`` is the greedy policy restricted to the actions of one family.
    """
    if name.startswith(RESTRICTED_PREFIX):
        family = name[len(RESTRICTED_PREFIX) :]
        families = {a.family for a in game.scenario.actions}
        if family not in families:
            known = ", ".join(sorted(families))
            raise ValueError(tr("unknown strategy family {family}; known: {known}", family=repr(family), known=known))
        return GreedyPolicy(rng, dict(game.scenario.role(role).personality), restrict=family)
    try:
        factory = POLICIES[name]
    except KeyError:
        known = ", ".join(sorted(POLICIES))
        raise ValueError(tr("unknown policy {name}; known: {known}", name=repr(name), known=known)) from None
    return factory(game, role, rng)
