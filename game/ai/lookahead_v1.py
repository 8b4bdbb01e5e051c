"""The lookahead of version 1, kept to measure the current one against (``simulate --policy us=lookahead-v1``).

A frozen copy of the lookahead policy as it was before its search was made faster (:mod:`game.ai.lookahead` is the
current one): 250 rollouts a decision spent over about ten candidate action sets with UCB1, each rollout playing the
game to its end with cheap greedy models. It imports nothing from :mod:`game.ai.lookahead`, so changes there cannot
change its decisions.

For its role's actions, :class:`LookaheadV1Policy` builds a short list of candidate action sets (the greedy set,
variations that drop, swap or add one action, saving the capital, and a few random sets drawn with its
personality's weights), then spends its budget of *rollouts* on them with UCB1; event choices and proposals are
searched the same way. Rollouts see a freshly seeded copy of the game's random generator, so the policy never peeks
at the real game's future events; all its randomness comes from its own ``rng``.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from game.ai.negotiator import answer_proposals, best_proposals
from game.engine import Action, Choose, Command, Commit, Effect, Game, Phase

#: Rollouts per decision. At this budget a decision on the default scenario (12 turns) takes at most about 0.3 s
#: of CPU time on the reference machine (turn 1, the longest rollouts), less later; see ``python main.py bench``.
DEFAULT_BUDGET = 250
#: How many turns a rollout plays, counting the turn being decided; the state is scored after the last one (or at
#: the end of the game, if that comes first), with the effects already scheduled folded in. 12 plays the default
#: scenario to its end, which measured slightly stronger than 4 turns at the same budget.
DEFAULT_DEPTH = 12
#: At most this many candidate action sets per decision.
DEFAULT_CANDIDATES = 10
#: Each candidate gets at least this many rollouts before UCB1 decides where the rest go (budget permitting).
MIN_VISITS = 2
#: UCB1 exploration constant, in units of the spread (standard deviation) of the rollout returns seen so far.
DEFAULT_EXPLORATION = 1.0
#: Score points added to a candidate per unit of capital spent in a family, per unit of family weight above 1
#: (negative below 1): the personality's taste, which decides between candidates the rollouts find close.
PERSONALITY_BONUS = 0.3
#: Per-turn discount of a delayed effect when actions are ranked by their forecast (as the greedy policy does).
DELAY_DISCOUNT = 0.9
#: Randomness of the cheap rollout players, as a fraction of the spread of their action values.
ROLLOUT_NOISE = 0.5
#: At most this many proposals are searched against sending none.
PROPOSAL_CANDIDATES = 3


@dataclass(frozen=True, slots=True)
class CandidateStats:
    """What the search found about one candidate: its label, rollouts spent, mean return and personality bonus."""

    label: str
    visits: int
    mean: float
    bonus: float

    @property
    def value(self) -> float:
        """The figure candidates are compared on: mean rollout return plus the personality bonus."""
        return self.mean + self.bonus


@dataclass(frozen=True, slots=True)
class SearchReport:
    """The last search of a :class:`LookaheadV1Policy`: every candidate's figures and the index of the chosen one."""

    role: str
    turn: int
    candidates: tuple[CandidateStats, ...]
    chosen: int
    rollouts: int


class _Model:
    """A cheap stand-in for a greedy player inside rollouts.

    Actions are ranked once, on the state at the root of the search, by their personality-weighted forecast gain
    per unit of capital; in a rollout the player takes the best-ranked legal actions it can afford, with some
    noise, and answers events with the choice whose forecast is best (also with noise).
    """

    __slots__ = ("choice_values", "noise", "partner_weight", "rank", "role", "root")

    def __init__(self, game: Game, role: str, personality: Mapping[str, float], partner_weight: float) -> None:
        self.role = role
        self.root = game  # the state at the root of the search (never changed: rollouts play on clones)
        self.partner_weight = partner_weight
        self.choice_values: dict[str, list[tuple[str, float]]] = {}
        self.rank: dict[str, float] = {}
        for action in game.scenario.actions_for(role):
            gain = effects_value(game, role, action.effects, partner_weight) * personality.get(action.family, 1.0)
            self.rank[action.id] = gain / max(action.cost, 1)
        spread = [abs(v) for v in self.rank.values() if v]
        self.noise = ROLLOUT_NOISE * (sum(spread) / len(spread) if spread else 1.0)

    def act(self, game: Game, draw: Callable[[], float]) -> None:
        """Commit a noisy-greedy affordable set of legal actions in ``game``."""
        rank, noise = self.rank, self.noise
        keyed = []
        for action in game.legal_actions(self.role):
            key = rank[action.id] + noise * (draw() - 0.5)
            if key > 0:
                keyed.append((key, action.cost, action.id))
        if not keyed:
            return
        keyed.sort(reverse=True)
        budget = game.capital(self.role)
        for _, cost, action_id in keyed:
            if cost <= budget:
                budget -= cost
                game.commit(self.role, action_id)

    def choose(self, game: Game, event_id: str, draw: Callable[[], float]) -> str:
        """The id of the choice this model gives to ``event_id``: each choice is valued once, on the state at the
        root of the search (as actions are ranked), plus noise."""
        values = self.choice_values.get(event_id)
        if values is None:
            root, role, weight = self.root, self.role, self.partner_weight
            choices = game.scenario.event(event_id).choices
            values = [(c.id, effects_value(root, role, c.effects, weight)) for c in choices]
            self.choice_values[event_id] = values
        best, best_value = values[0][0], -math.inf
        noise = self.noise
        for choice_id, value in values:
            value += noise * draw()
            if value > best_value:
                best, best_value = choice_id, value
        return best


def effects_value(game: Game, role: str, effects: Sequence[Effect], partner_weight: float = 0.0) -> float:
    """How much ``effects`` would raise ``role``'s score now (plus ``partner_weight`` times the other roles'
    gains), delayed parts discounted: the one-turn forecast the greedy policy also uses."""
    values = dict(game.state.values)
    for item in game.forecast_effects(effects).items:
        values[item.indicator] += item.delta * DELAY_DISCOUNT**item.delay
    gain = game.score_of(role, values) - game.score(role)
    if partner_weight:
        for other in game.scenario.roles:
            if other.id != role:
                gain += partner_weight * (game.score_of(other.id, values) - game.score(other.id))
    return gain


class LookaheadV1Policy:
    """Searches candidate decisions with Monte Carlo rollouts, within ``budget`` rollouts per decision.

    ``personality`` maps strategy families to weights (the role's ``personality`` in the scenario): it weighs the
    forecast that ranks actions when candidates are generated, the odds of each action in the random candidates,
    and a small bonus per capital spent in a favoured family when candidates are compared. ``depth`` is the number
    of turns a rollout plays; ``partner_weight`` adds that share of the other roles' scores to the returns.
    After each decision, :attr:`last_search` holds the figures of the search (``None`` when nothing was searched).
    """

    name = "lookahead-v1"

    def __init__(
        self,
        rng: random.Random,
        personality: Mapping[str, float] | None = None,
        *,
        budget: int = DEFAULT_BUDGET,
        depth: int = DEFAULT_DEPTH,
        candidates: int = DEFAULT_CANDIDATES,
        partner_weight: float = 0.0,
        exploration: float = DEFAULT_EXPLORATION,
        negotiate: bool = True,
    ) -> None:
        if budget < 1:
            raise ValueError(f"budget must be at least 1, got {budget}")  # i18n: not shown (a programming error)
        if depth < 1:
            raise ValueError(f"depth must be at least 1, got {depth}")  # i18n: not shown (a programming error)
        if candidates < 1:
            raise ValueError(f"candidates must be at least 1, got {candidates}")  # i18n: not shown
        self.rng = rng
        self.personality = dict(personality or {})
        self.budget = budget
        self.depth = depth
        self.candidates = candidates
        self.partner_weight = partner_weight
        self.exploration = exploration
        self.negotiate = negotiate
        self.last_search: SearchReport | None = None

    # ----------------------------------------------------------------- the Policy protocol
    def decide(self, game: Game, role: str) -> list[Command]:
        """Answers to ``role``'s pending choices in the news phase; its committed actions in the actions phase."""
        self.last_search = None
        if game.phase is Phase.NEWS:
            return self._decide_choices(game, role)
        if game.phase is not Phase.ACTIONS:
            return []
        sets = self.candidate_sets(game, role)
        if not sets:
            return []
        if len(sets) == 1 and not sets[0]:
            return []
        models = self._models(game, role)
        waiting = [r.id for r in game.scenario.roles if r.id != role and not game.committed(r.id)]

        def setup(index: int) -> Callable[[Game, Callable[[], float]], None]:
            chosen = sets[index]

            def apply(sim: Game, draw: Callable[[], float]) -> None:
                for action_id in chosen:
                    sim.commit(role, action_id)
                for other in waiting:
                    models[other].act(sim, draw)
                sim.resolve_turn()

            return apply

        bonuses = [self.personality_bonus(game, chosen) for chosen in sets]
        labels = ["+".join(chosen) or "(save capital)" for chosen in sets]  # i18n: not shown (a search report's ids)
        best = self._search(game, role, models, [setup(i) for i in range(len(sets))], bonuses, labels)
        return [Commit(role, action_id) for action_id in sets[best]]

    # ----------------------------------------------------------------- extension points and helpers
    def candidate_proposals(self, game: Game, role: str) -> list[Command]:
        """Proposals worth searching now: for each other role, the :data:`PROPOSAL_CANDIDATES` bundles its
        evaluator would accept that gain ``role`` most (``[]`` when negotiation is off or nothing helps)."""
        if not self.negotiate or game.scenario.negotiation is None:
            return []
        out: list[Command] = []
        for other in game.scenario.roles:
            if other.id != role:
                out.extend(o.command for o in best_proposals(game, role, other.id, limit=PROPOSAL_CANDIDATES))
        return out

    def propose(self, game: Game, role: str) -> list[Command]:
        """The proposal to send before acting, if the rollouts find one that beats sending none; else ``[]``.

        Candidates are "no proposal" and :meth:`candidate_proposals`; in each rollout the candidate is sent, every
        other role answers with its evaluator (:func:`~game.ai.negotiator.answer_proposals`, and ``role`` answers
        a counter the same way), then all roles act with the cheap models and the game plays on. The search gets
        half the budget of an action decision.
        """
        self.last_search = None
        if game.phase is not Phase.ACTIONS:
            return []
        proposals = self.candidate_proposals(game, role)
        if not proposals:
            return []
        models = self._models(game, role)
        roles = [r.id for r in game.scenario.roles]
        options: list[Command | None] = [None, *proposals]

        def setup(option: Command | None) -> Callable[[Game, Callable[[], float]], None]:
            def apply(sim: Game, draw: Callable[[], float]) -> None:
                if option is not None:
                    sim.apply(option)
                    for _ in range(2):  # the answer, and the answer to a counter
                        for who in roles:
                            for answer in answer_proposals(sim, who):
                                sim.apply(answer)
                for model in models.values():
                    model.act(sim, draw)
                sim.resolve_turn()

            return apply

        labels = ["(no proposal)"] + [_proposal_label(p) for p in proposals]  # i18n: not shown (a search report's ids)
        budget = max(len(options) * MIN_VISITS, self.budget // 2)
        best = self._search(game, role, models, [setup(o) for o in options], [0.0] * len(options), labels,
                            budget=budget)  # fmt: skip
        chosen = options[best]
        return [] if chosen is None else [chosen]

    def action_values(self, game: Game, role: str) -> dict[str, float]:
        """Each legal action's personality-weighted forecast gain for ``role`` (the ranking of the candidates)."""
        return {
            action.id: effects_value(game, role, action.effects, self.partner_weight)
            * self.personality.get(action.family, 1.0)
            for action in game.legal_actions(role)
        }

    def personality_bonus(self, game: Game, action_ids: Sequence[str]) -> float:
        """The personality's taste for an action set: :data:`PERSONALITY_BONUS` per capital spent, times the
        weight of the action's family minus 1."""
        bonus = 0.0
        for action_id in action_ids:
            action = game.scenario.action(action_id)
            bonus += action.cost * (self.personality.get(action.family, 1.0) - 1.0)
        return PERSONALITY_BONUS * bonus

    def candidate_sets(self, game: Game, role: str) -> list[tuple[str, ...]]:
        """The action sets worth searching, best guess first, each affordable and legal now, without repeats.

        The greedy set (by personality-weighted forecast gain per capital); the greedy set without each of its
        actions; with its weakest action swapped for each of the best ones left out; with the best affordable
        action added; saving all capital; and random affordable sets drawn with the personality's weights. At
        most ``candidates`` sets, and no more than the budget allows to roll out :data:`MIN_VISITS` times each.
        """
        legal = game.legal_actions(role)
        capital = game.capital(role)
        if not legal:
            return [()]
        values = self.action_values(game, role)
        by_id = {action.id: action for action in legal}
        ranked = sorted(legal, key=lambda a: values[a.id] / max(a.cost, 1), reverse=True)

        def fill(start: Sequence[str], pool: Sequence[Action], positive_only: bool = True) -> tuple[str, ...]:
            chosen = list(start)
            left = capital - sum(by_id[a].cost for a in chosen)
            for action in pool:
                if action.id in chosen or action.cost > left or (positive_only and values[action.id] <= 0):
                    continue
                chosen.append(action.id)
                left -= action.cost
            return tuple(chosen)

        greedy = fill((), ranked)
        out: list[tuple[str, ...]] = []
        seen: set[tuple[str, ...]] = set()

        def add(candidate: Sequence[str]) -> None:
            key = tuple(sorted(candidate))
            if key not in seen and sum(by_id[a].cost for a in candidate) <= capital:
                seen.add(key)
                out.append(tuple(candidate))

        add(greedy)
        left_out = [a for a in ranked if a.id not in greedy]
        if greedy:
            weakest = greedy[-1]
            for action in left_out[:3]:
                add(fill([a for a in greedy if a != weakest] + [action.id], ranked))
        spare = capital - sum(by_id[a].cost for a in greedy)
        for action in left_out:
            if action.cost <= spare:
                add((*greedy, action.id))
                break
        for dropped in greedy:
            add(tuple(a for a in greedy if a != dropped))
        add(())
        weights = [max(self.personality.get(a.family, 1.0), 0.05) for a in legal]
        for _ in range(3):
            add(self._random_set(legal, weights, capital))
        limit = min(self.candidates, max(1, self.budget // MIN_VISITS))
        return out[:limit]

    # ----------------------------------------------------------------- internals
    def _random_set(self, legal: Sequence[Action], weights: Sequence[float], capital: int) -> tuple[str, ...]:
        """An affordable random set: actions drawn one by one with the given weights until none fits."""
        pool, odds = list(legal), list(weights)
        chosen: list[str] = []
        left = capital
        while pool:
            (pick,) = self.rng.choices(range(len(pool)), weights=odds)
            action = pool.pop(pick)
            odds.pop(pick)
            if action.cost <= left and self.rng.random() < 0.8:
                chosen.append(action.id)
                left -= action.cost
        return tuple(chosen)

    def _models(self, game: Game, role: str) -> dict[str, _Model]:
        """The cheap rollout players: this role with its personality, the others with theirs from the scenario."""
        models = {}
        for other in game.scenario.roles:
            if other.id == role:
                models[other.id] = _Model(game, other.id, self.personality, self.partner_weight)
            else:
                models[other.id] = _Model(game, other.id, other.personality, 0.0)
        return models

    def _decide_choices(self, game: Game, role: str) -> list[Command]:
        pending = game.pending_choices(role)
        if not pending:
            return []
        work = game.clone()
        models = self._models(game, role)
        out: list[Command] = []
        for item in pending:
            event = game.scenario.event(item.event)
            ids = [choice.id for choice in event.choices]
            share = self.budget // len(pending)
            if len(ids) == 1 or share < len(ids):
                best_id = max(event.choices, key=lambda c: effects_value(work, role, c.effects, self.partner_weight)).id
            else:
                setups = [self._choice_setup(role, item.event, c, models) for c in ids]
                best = self._search(work, role, models, setups, [0.0] * len(ids), ids, budget=share)
                best_id = ids[best]
            command = Choose(role, item.event, best_id)
            work.apply(command)
            out.append(command)
        return out

    def _choice_setup(
        self, role: str, event_id: str, choice_id: str, models: Mapping[str, _Model]
    ) -> Callable[[Game, Callable[[], float]], None]:
        def apply(sim: Game, draw: Callable[[], float]) -> None:
            sim.choose(role, event_id, choice_id)
            self._play_turn(sim, models, draw)

        return apply

    @staticmethod
    def _play_turn(sim: Game, models: Mapping[str, _Model], draw: Callable[[], float]) -> None:
        """Answer pending choices, let every role act, resolve: one turn of a rollout with the cheap models."""
        while sim.phase is Phase.NEWS:
            pending = sim.state.pending[0]
            sim.choose(pending.role, pending.event, models[pending.role].choose(sim, pending.event, draw))
        for model in models.values():
            model.act(sim, draw)
        sim.resolve_turn()

    def _search(
        self,
        game: Game,
        role: str,
        models: Mapping[str, _Model],
        setups: Sequence[Callable[[Game, Callable[[], float]], None]],
        bonuses: Sequence[float],
        labels: Sequence[str],
        *,
        budget: int | None = None,
    ) -> int:
        """Spend ``budget`` rollouts over the candidates with UCB1; the index of the best mean plus bonus.

        Rollout ``k`` of every candidate uses the same seed (common random numbers), so candidates are compared
        on the same events and model noise as far as their paths allow.
        """
        budget = self.budget if budget is None else budget
        count = len(setups)
        if count == 1:
            self.last_search = SearchReport(role, game.turn, (CandidateStats(labels[0], 0, 0.0, bonuses[0]),), 0, 0)
            return 0
        seeds: list[int] = []
        visits = [0] * count
        totals = [0.0] * count
        sum_all = sq_all = 0.0
        for spent in range(budget):
            if spent < count * MIN_VISITS:
                index = spent % count
            else:
                mean_all = sum_all / spent
                spread = math.sqrt(max(sq_all / spent - mean_all * mean_all, 0.0)) or 1.0
                log_n = math.log(spent)
                index = max(
                    range(count),
                    key=lambda i: (
                        totals[i] / visits[i] + bonuses[i] + self.exploration * spread * math.sqrt(log_n / visits[i])
                    ),
                )
            k = visits[index]
            if k == len(seeds):
                seeds.append(self.rng.getrandbits(48))
            value = self._rollout(game, role, models, setups[index], seeds[k])
            visits[index] += 1
            totals[index] += value
            sum_all += value
            sq_all += value * value
        stats = tuple(
            CandidateStats(labels[i], visits[i], totals[i] / visits[i] if visits[i] else -math.inf, bonuses[i])
            for i in range(count)
        )
        best = max(range(count), key=lambda i: stats[i].value)
        self.last_search = SearchReport(role, game.turn, stats, best, budget)
        return best

    def _rollout(
        self,
        game: Game,
        role: str,
        models: Mapping[str, _Model],
        setup: Callable[[Game, Callable[[], float]], None],
        seed: int,
    ) -> float:
        sim = game.clone(record=False)  # the engine's fast path: a rollout never reads the history
        sim.state.rng.seed(seed)  # the real game's future events stay unknown
        draw = random.Random(seed ^ 0x5DEECE66D).random
        setup(sim, draw)
        for _ in range(self.depth - 1):
            if sim.is_over():
                break
            self._play_turn(sim, models, draw)
        return self._leaf_value(sim, role)

    def _leaf_value(self, sim: Game, role: str) -> float:
        """The return of a rollout: ``role``'s score (plus the partner share), with effects already scheduled for
        the rest of the game folded in when the rollout stopped before the end."""
        values = sim.state.values
        if not sim.is_over() and sim.state.scheduled:
            values = dict(values)
            last = sim.scenario.turns
            for due, items in sim.state.scheduled.items():
                if due > last:
                    continue
                for item in items:
                    if item.op == "+=":
                        values[item.indicator] += item.amount
                    elif item.op == "-=":
                        values[item.indicator] -= item.amount
                    else:
                        values[item.indicator] = item.amount
        value = sim.score_of(role, values)
        if self.partner_weight:
            for other in sim.scenario.roles:
                if other.id != role:
                    value += self.partner_weight * sim.score_of(other.id, values)
        return value


def _proposal_label(command: Command) -> str:
    """``give a+b for c`` for a proposal command (its label in a :class:`SearchReport`)."""
    give = getattr(command, "give", ())
    ask = getattr(command, "ask", ())
    return f"propose {'+'.join(give) or 'nothing'} for {'+'.join(ask) or 'nothing'}"  # i18n: not shown (ids)
