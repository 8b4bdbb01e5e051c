"""The lookahead policy: a small Monte Carlo search over candidate decisions, within a budget of rollouts.

For its role's actions, :class:`LookaheadPolicy` builds a short list of candidate action sets (the greedy set,
variations that drop, swap or add one action, saving the capital, and a few random sets drawn with its
personality's weights), then spends its budget of *rollouts* on them by sequential halving: each rollout clones the
game, applies the candidate, lets every other role play a cheap model of a greedy player, resolves the turn and
plays on for a few more turns with the same cheap models, and scores the cut-off (or final) state for its own role,
with the effects already scheduled folded in. Round after round the better half of the candidates goes on, every
candidate still in the running rolled out on the same seeds as the others (common random numbers); the search
stops as soon as its leader is settled. The candidate with the best mean, plus a small bonus for the strategy
families its personality favours, wins.

Event choices are searched the same way, one pending choice at a time, with each choice as a candidate.

Rollouts see a freshly seeded copy of the game's random generator, so the policy never peeks at the real game's
future events; all its randomness comes from its own ``rng``, so a game with lookahead players is reproducible.

Negotiation: before its actions, :meth:`LookaheadPolicy.propose` searches "no proposal" against the proposals of
:meth:`LookaheadPolicy.candidate_proposals` (the acceptable bundles that gain it most, see
:mod:`game.ai.negotiator`) the same way: each candidate is sent in a copy of the game and answered there with the
receiver's evaluator (once: the answers involve no chance), and its rollouts start from that copy and play at
least :data:`PROPOSAL_DEPTH` turns (an agreement's items take turns to implement); a proposal is sent only when its
rollouts beat sending nothing.

:mod:`game.ai.lookahead_v1` keeps the lookahead of version 1 (UCB1 over whole-game rollouts, 250 a decision), to
measure this one against.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from game.ai.negotiator import answer_proposals, best_proposals
from game.engine import Action, Choose, Command, Commit, Effect, Game, Phase

#: Rollouts per action decision, at most (a search whose leader is settled stops sooner). At this budget a decision
#: on the default scenario, proposal search included, takes a few hundredths of a second of CPU time on the
#: reference machine; see ``python main.py bench``. The lookahead of version 1 spent 250 whole-game rollouts.
DEFAULT_BUDGET = 100
#: How many turns a rollout plays, counting the turn being decided; the state is scored after the last one (or at
#: the end of the game, if that comes first), with the effects already scheduled folded in. Short rollouts cost
#: less and differ less between candidates compared on the same seeds: against the lookahead of version 1 (whose
#: rollouts play to the end), this search scored best at 3 turns over both sides of the default scenario, of the
#: 2, 3, 5 and 8 measured in 30 games a side (2 a little better as Cambodia but worse as the United States; 8 below
#: version 1 on both).
DEFAULT_DEPTH = 3
#: At most this many candidate action sets per decision.
DEFAULT_CANDIDATES = 10
#: The first round of the search gives every candidate at least this many rollouts (else fewer are searched).
MIN_VISITS = 2
#: Score points added to a candidate per unit of capital spent in a family, per unit of family weight above 1
#: (negative below 1): the personality's taste, which decides between candidates the rollouts find close.
PERSONALITY_BONUS = 0.3
#: Per-turn discount of a delayed effect when actions are ranked by their forecast (as the greedy policy does).
DELAY_DISCOUNT = 0.9
#: Randomness of the cheap rollout players, as a fraction of the spread of their action values.
ROLLOUT_NOISE = 0.5
#: A search stops early once its leader is settled: for every other candidate still in the running, the mean of
#: their paired differences (same seeds) plus this many standard errors is below :data:`INDIFFERENCE` ...
SETTLE_Z = 2.5
#: ... score points (a gap this small is not worth more rollouts) ...
INDIFFERENCE = 0.1
#: ... once the candidates still in the running have been rolled out on at least this many seeds.
SETTLE_AFTER = 4
#: At most this many proposals are searched against sending none.
PROPOSAL_CANDIDATES = 3
#: Rollouts of the proposal search play at least this many turns: an agreement's items take turns to implement.
#: Against the lookahead of version 1 on the default scenario (200 games), the United States scored below it with
#: 3 turns and level with it with 6 (+0.02 points, standard error 0.24), reaching a comprehensive partnership more
#: often; Cambodia scored 2.1 points above it.
PROPOSAL_DEPTH = 6
#: The share of the budget the proposal search gets (every turn a proposal is possible, before the actions).
PROPOSAL_SHARE = 0.5
#: The share of the budget the answers to the news get, split among the choices pending at once.
CHOICE_SHARE = 0.5


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
    """The last search of a :class:`LookaheadPolicy`: every candidate's figures and the index of the chosen one."""

    role: str
    turn: int
    candidates: tuple[CandidateStats, ...]
    chosen: int
    rollouts: int


#: One turn of a rollout's chance for the cheap models: a number in [0, 1) for each action and each event choice of
#: the scenario (see :class:`_Noise`).
Row = Sequence[float]


class _Noise:
    """Where each action and each event choice of a scenario reads its noise in a rollout's :data:`Row`.

    A rollout draws one row per turn from its seed, and a model adds ``row[slot]`` (scaled) to the value of the
    action or choice in that slot. Every candidate rolled out on a seed therefore sees the same noise for the same
    action in the same turn, whatever was decided before (common random numbers that stay aligned when the
    candidates' paths part), and the rows of a seed are drawn once for all the candidates.
    """

    __slots__ = ("actions", "choices", "width")

    def __init__(self, game: Game) -> None:
        scenario = game.scenario
        self.actions = {action.id: slot for slot, action in enumerate(scenario.actions)}
        self.choices: dict[tuple[str, str], int] = {}
        slot = len(self.actions)
        for event in scenario.events:
            for choice in event.choices:
                self.choices[event.id, choice.id] = slot
                slot += 1
        self.width = slot

    def rows(self, seed: int, turns: int) -> list[list[float]]:
        """The noise of ``turns`` turns of the rollouts seeded ``seed``."""
        draw = random.Random(seed ^ 0x5DEECE66D).random
        width = range(self.width)
        return [[draw() for _ in width] for _ in range(turns)]


class _Model:
    """A cheap stand-in for a greedy player inside rollouts.

    Actions are ranked once, on the state at the root of the search, by their personality-weighted forecast gain
    per unit of capital; in a rollout the player takes the best-ranked legal actions it can afford, with some
    noise, and answers events with the choice whose forecast is best (also with noise). The noise comes from the
    rollout's :data:`Row` of the turn (see :class:`_Noise`).
    """

    __slots__ = ("choice_values", "noise", "partner_weight", "ranked", "role", "root", "slots")

    def __init__(
        self, game: Game, role: str, personality: Mapping[str, float], partner_weight: float, slots: _Noise
    ) -> None:
        self.role = role
        self.root = game  # the state at the root of the search (never changed: rollouts play on clones)
        self.partner_weight = partner_weight
        self.slots = slots
        self.choice_values: dict[str, list[tuple[str, float, int]]] = {}
        rank: dict[str, float] = {}
        for action in game.scenario.actions_for(role):
            gain = effects_value(game, role, action.effects, partner_weight) * personality.get(action.family, 1.0)
            rank[action.id] = gain / max(action.cost, 1)
        spread = [abs(v) for v in rank.values() if v]
        self.noise = ROLLOUT_NOISE * (sum(spread) / len(spread) if spread else 1.0)
        hopeless = -0.5 * self.noise  # an action ranked at or below this never gets a positive key
        #: action id -> (rank - noise / 2, noise slot), for the actions whose noise can lift them above 0.
        self.ranked = {a: (v - 0.5 * self.noise, slots.actions[a]) for a, v in rank.items() if v > hopeless}

    def act(self, game: Game, row: Row) -> None:
        """Commit a noisy-greedy affordable set of legal actions in ``game``."""
        ranked, noise, role = self.ranked, self.noise, self.role
        keyed = []
        for action in game.legal_actions(role):
            found = ranked.get(action.id)
            if found is not None:
                key = found[0] + noise * row[found[1]]
                if key > 0:
                    keyed.append((key, action.cost, action.id))
        if not keyed:
            return
        keyed.sort(reverse=True)
        budget = game.state.capital[role]
        commit = game.commit
        for _, cost, action_id in keyed:
            if cost <= budget:
                budget -= cost
                commit(role, action_id)

    def choose(self, game: Game, event_id: str, row: Row) -> str:
        """The id of the choice this model gives to ``event_id``: each choice is valued once, on the state at the
        root of the search (as actions are ranked), plus noise."""
        values = self.choice_values.get(event_id)
        if values is None:
            root, role, weight, slots = self.root, self.role, self.partner_weight, self.slots.choices
            choices = game.scenario.event(event_id).choices
            values = [(c.id, effects_value(root, role, c.effects, weight), slots[event_id, c.id]) for c in choices]
            self.choice_values[event_id] = values
        best, best_value = values[0][0], -math.inf
        noise = self.noise
        for choice_id, value, slot in values:
            value += noise * row[slot]
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


class LookaheadPolicy:
    """Searches candidate decisions with Monte Carlo rollouts, within ``budget`` rollouts per decision.

    ``personality`` maps strategy families to weights (the role's ``personality`` in the scenario): it weighs the
    forecast that ranks actions when candidates are generated, the odds of each action in the random candidates,
    and a small bonus per capital spent in a favoured family when candidates are compared. ``depth`` is the number
    of turns a rollout plays; ``partner_weight`` adds that share of the other roles' scores to the returns.
    After each decision, :attr:`last_search` holds the figures of the search (``None`` when nothing was searched).
    """

    name = "lookahead"

    def __init__(
        self,
        rng: random.Random,
        personality: Mapping[str, float] | None = None,
        *,
        budget: int = DEFAULT_BUDGET,
        depth: int = DEFAULT_DEPTH,
        candidates: int = DEFAULT_CANDIDATES,
        partner_weight: float = 0.0,
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

        def setup(index: int) -> Callable[[Game, Row], None]:
            chosen = sets[index]

            def apply(sim: Game, row: Row) -> None:
                for action_id in chosen:
                    sim.commit(role, action_id)
                for other in waiting:
                    models[other].act(sim, row)
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
        a counter the same way), then all roles act with the cheap models and the game plays on, for at least
        :data:`PROPOSAL_DEPTH` turns. The search gets :data:`PROPOSAL_SHARE` of the budget of an action decision.
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
        # The answers are the evaluators' (no chance in them): each option is sent and answered once, on a copy of
        # the game its rollouts then start from, rather than again in every rollout.
        roots = []
        base = game.clone(record=False)  # copied onto the fast path once (working out its past of proposals once)
        for option in options:
            root = base.clone()
            if option is not None:
                root.apply(option)
                for _ in range(2):  # the answer, and the answer to a counter
                    for who in roles:
                        for answer in answer_proposals(root, who):
                            root.apply(answer)
            roots.append(root)

        def apply(sim: Game, row: Row) -> None:
            for model in models.values():
                model.act(sim, row)
            sim.resolve_turn()

        labels = ["(no proposal)"] + [_proposal_label(p) for p in proposals]  # i18n: not shown (a search report's ids)
        budget = max(len(options) * MIN_VISITS, int(self.budget * PROPOSAL_SHARE))
        best = self._search(game, role, models, [apply] * len(options), [0.0] * len(options), labels,
                            budget=budget, roots=roots, depth=max(self.depth, PROPOSAL_DEPTH))  # fmt: skip
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
        most ``candidates`` sets, and no more than the budget allows to roll out :data:`MIN_VISITS` times each in
        the first round of the search.
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
        limit = self.candidates
        while limit > 1 and limit * math.ceil(math.log2(limit)) * MIN_VISITS > self.budget:
            limit -= 1  # the first round of the search must give every candidate MIN_VISITS rollouts
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
        slots = _Noise(game)
        for other in game.scenario.roles:
            if other.id == role:
                models[other.id] = _Model(game, other.id, self.personality, self.partner_weight, slots)
            else:
                models[other.id] = _Model(game, other.id, other.personality, 0.0, slots)
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
            share = int(self.budget * CHOICE_SHARE) // len(pending)
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
    ) -> Callable[[Game, Row], None]:
        def apply(sim: Game, row: Row) -> None:
            sim.choose(role, event_id, choice_id)
            self._play_turn(sim, models, row)

        return apply

    @staticmethod
    def _play_turn(sim: Game, models: Mapping[str, _Model], row: Row) -> None:
        """Answer pending choices, let every role act, resolve: one turn of a rollout with the cheap models."""
        while sim.phase is Phase.NEWS:
            pending = sim.state.pending[0]
            sim.choose(pending.role, pending.event, models[pending.role].choose(sim, pending.event, row))
        for model in models.values():
            model.act(sim, row)
        sim.resolve_turn()

    def _search(
        self,
        game: Game,
        role: str,
        models: Mapping[str, _Model],
        setups: Sequence[Callable[[Game, Row], None]],
        bonuses: Sequence[float],
        labels: Sequence[str],
        *,
        budget: int | None = None,
        roots: Sequence[Game] | None = None,
        depth: int | None = None,
    ) -> int:
        """Spend at most ``budget`` rollouts over the candidates by sequential halving; the index of the best mean
        plus bonus. Candidate ``i``'s rollouts start from a copy of ``roots[i]`` when given, else of ``game``, and
        play ``depth`` turns (default :attr:`depth`).

        The budget is shared out over ``ceil(log2(candidates))`` rounds; in each round every candidate still in
        the running is rolled out on the same new seeds (common random numbers: the same events and model noise as
        far as their paths allow), then the better half (by mean plus bonus over all their seeds so far) goes on.
        Candidates still in the running have always been compared on exactly the same seeds. The search stops as
        soon as its leader is settled (see :data:`SETTLE_Z`), so a clear decision costs only a few rollouts.
        """
        budget = self.budget if budget is None else budget
        count = len(setups)
        if count == 1:
            self.last_search = SearchReport(role, game.turn, (CandidateStats(labels[0], 0, 0.0, bonuses[0]),), 0, 0)
            return 0
        if roots is None and game.state.recorded:
            # One copy on the fast path for all the rollouts: a copy of a recorded game works out what the fast path
            # must remember of its past (when each proposal was sent), which is done once here.
            game = game.clone(record=False)
        visits = [0] * count
        totals = [0.0] * count
        returns: list[list[float]] = [[] for _ in range(count)]

        def value(i: int) -> float:
            return totals[i] / visits[i] + bonuses[i] if visits[i] else -math.inf

        def settled(alive: Sequence[int]) -> bool:
            """Whether the leader is, beyond doubt, better than each other candidate or no worse than it by more
            than :data:`INDIFFERENCE` (paired differences on their common seeds)."""
            seeds = visits[alive[0]]
            if seeds < SETTLE_AFTER:
                return False
            leader = min(alive, key=lambda i: (-value(i), i))
            mine = returns[leader]
            for other in alive:
                if other == leader:
                    continue
                gaps = [b - a for a, b in zip(mine, returns[other], strict=True)]
                mean = sum(gaps) / seeds + bonuses[other] - bonuses[leader]
                var = sum((g - mean) ** 2 for g in gaps) / (seeds - 1)
                if mean + SETTLE_Z * math.sqrt(var / seeds) >= INDIFFERENCE:
                    return False
            return True

        alive = list(range(count))
        noise = next(iter(models.values())).slots
        turns = max(1, min(depth or self.depth, game.scenario.turns - game.turn + 1))  # the turns a rollout can play
        rounds = math.ceil(math.log2(count))
        spent = 0
        stop = False
        for done in range(rounds):
            left = budget - spent
            share = left // len(alive) if done == rounds - 1 else left // (rounds - done) // len(alive)
            for _ in range(max(share, 1)):
                if spent + len(alive) > budget:
                    break
                seed = self.rng.getrandbits(48)
                rows = noise.rows(seed, turns)
                for index in alive:
                    start = game if roots is None else roots[index]
                    result = self._rollout(start, role, models, setups[index], seed, rows)
                    totals[index] += result
                    returns[index].append(result)
                    visits[index] += 1
                spent += len(alive)
                stop = settled(alive)
                if stop:
                    break
            if stop:
                alive = [min(alive, key=lambda i: (-value(i), i))]
                break
            if done < rounds - 1:
                ranked = sorted(alive, key=lambda i: (-value(i), i))
                alive = sorted(ranked[: (len(alive) + 1) // 2])
        best = min(alive, key=lambda i: (-value(i), i))
        stats = tuple(
            CandidateStats(labels[i], visits[i], totals[i] / visits[i] if visits[i] else -math.inf, bonuses[i])
            for i in range(count)
        )
        self.last_search = SearchReport(role, game.turn, stats, best, spent)
        return best

    def _rollout(
        self,
        game: Game,
        role: str,
        models: Mapping[str, _Model],
        setup: Callable[[Game, Row], None],
        seed: int,
        rows: Sequence[Row],
    ) -> float:
        """One rollout from a copy of ``game``: ``setup`` plays the candidate's turn, the models the turns after,
        up to :attr:`depth` turns in all (``rows`` holds their noise); the return of the state reached."""
        # The engine's fast path (a rollout never reads the history), and a generator of its own: the real game's
        # future events stay unknown.
        sim = game.clone(record=False, reseed=seed)
        setup(sim, rows[0])
        for row in rows[1:]:
            if sim.is_over():
                break
            self._play_turn(sim, models, row)
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
