"""Play whole games with computer players, and summarise many of them (``python main.py simulate``)."""

from __future__ import annotations

import itertools
import multiprocessing
import multiprocessing.pool
import random
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from game.ai.lookahead import DEFAULT_BUDGET
from game.ai.policies import RESTRICTED_PREFIX, SEARCHING, Policy
from game.content.clauses import Clauses
from game.engine import Game, ItemStatus, NewsKind, Scenario
from game.table.balance import Diagnostics, GameFacts, ending_clauses, game_facts
from game.table.match import Match
from game.table.seats import Seat, make_player, seat_rng

#: The most games one run may play (more would take years; a count above it is a typo).
MAX_GAMES = 1_000_000
#: ``--jobs``: how many chunks of games each worker gets per batch of seeds (see :func:`_in_pool`).
CHUNKS_PER_WORKER = 64


def search_budgets(names: Mapping[str, str], budget: int | None = None) -> dict[str, int]:
    """The rollouts per decision of each seat whose player searches (role -> budget): ``budget`` when given, else
    the seat's level's, else the policy's own default."""
    out: dict[str, int] = {}
    for role, name in names.items():
        seat = Seat(name)
        default = SEARCHING.get(seat.policy)
        if default is not None:
            out[role] = budget if budget is not None else seat.budget if seat.budget is not None else default
    return out


def game_seeds(seed: int, games: int) -> Iterator[int]:
    """The seed of each game in a run, one at a time (a long run never holds them all): derived from the run's seed,
    so the same seed gives the same games."""
    rng = random.Random(seed)
    for _ in range(games):
        yield rng.randrange(2**31)


def check_games(games: int) -> None:
    """Raise ``ValueError`` unless ``games`` is a count of games a run can play (1 to :data:`MAX_GAMES`)."""
    if isinstance(games, bool) or not isinstance(games, int) or not 1 <= games <= MAX_GAMES:
        raise ValueError(f"the number of games must be between 1 and {MAX_GAMES:,}, got {games!r}")


def policies_for(
    game: Game, names: Mapping[str, str], seed: int, budget: int | None = None, *, negotiate: bool = True
) -> dict[str, Policy]:
    """A computer player for every role (``random`` for roles not named), each with the generator of its seat
    (:func:`~game.table.seat_rng`); ``budget`` replaces the default of the policies that search."""
    return {
        role.id: make_player(game, role.id, Seat(names.get(role.id, "random")), seat_rng(seed, index),
                             budget=budget, negotiate=negotiate)
        for index, role in enumerate(game.scenario.roles)
    }  # fmt: skip


def step(game: Game, players: Mapping[str, Policy], *, negotiate: bool = True) -> None:
    """Play one turn of ``game`` with these computer players (in the table's order of a turn)."""
    Match.around(game, players, negotiate=negotiate).play(1)


def play(
    scenario: Scenario,
    seed: int,
    policy_names: Mapping[str, str],
    budget: int | None = None,
    *,
    negotiate: bool = True,
    record: bool = True,
) -> tuple[Game, Counter[str]]:
    """Play one whole game at a table of computer seats (``random`` for roles not named); returns it and how often
    each action was chosen. ``record=False`` plays the engine's fast path: the same game, without its history."""
    seats = {role.id: Seat(policy_names.get(role.id, "random")) for role in scenario.roles}
    match = Match.start(scenario, seats, seed, negotiate=negotiate, budget=budget, record=record)
    game = match.game
    action = NewsKind.ACTION
    chosen = Counter(n.id for n in game.state.news if n.kind == action)
    return game, chosen


@dataclass
class SimulationResult:
    """What ``simulate`` measured over many games."""

    games: int
    seed: int
    turns: int = 0
    seconds: float = 0.0
    endings: Counter[str] = field(default_factory=Counter)
    policies: dict[str, str] = field(default_factory=dict)
    score_totals: dict[str, float] = field(default_factory=dict)
    #: Every game's final score of each role, in the order of the games' seeds.
    scores: dict[str, list[float]] = field(default_factory=dict)
    actions: Counter[str] = field(default_factory=Counter)
    rule_errors: int = 0
    budget: int = DEFAULT_BUDGET
    #: The rollouts per decision of each seat whose player searches (role -> budget; see :func:`search_budgets`).
    budgets: dict[str, int] = field(default_factory=dict)
    negotiate: bool = True
    agreements_made: int = 0
    agreements_kept: int = 0
    agreements_broken: int = 0
    balance: dict[str, Any] | None = None
    #: The balancing figures: indicators' spreads, ending clauses, failed rules (:mod:`game.table.balance`).
    diagnostics: Diagnostics = field(default_factory=Diagnostics)

    @property
    def turns_per_second(self) -> float:
        """Turns resolved per second of wall time (including the policies' thinking)."""
        return self.turns / self.seconds if self.seconds > 0 else 0.0

    def mean_score(self, role: str) -> float:
        """The mean final score of ``role``."""
        return self.score_totals.get(role, 0.0) / self.games if self.games else 0.0

    def to_dict(self) -> dict[str, Any]:
        """The JSON object ``simulate --json`` prints."""
        return {
            "games": self.games,
            "seed": self.seed,
            "budget": self.budget,
            "turns": self.turns,
            "seconds": round(self.seconds, 4),
            "turns_per_second": round(self.turns_per_second, 1),
            "endings": dict(sorted(self.endings.items())),
            "roles": {
                role: {"policy": policy, "mean_score": round(self.mean_score(role), 3)}
                for role, policy in self.policies.items()
            },
            "actions": dict(sorted(self.actions.items())),
            "rule_errors": self.rule_errors,
            "negotiation": self.negotiate,
            "agreements": {
                "made": self.agreements_made,
                "kept": self.agreements_kept,
                "broken": self.agreements_broken,
            },
            **({"balance": self.balance} if self.balance is not None else {}),
            **self.diagnostics.to_dict(self.endings, self.actions, self.turns),
        }


def simulate(
    scenario: Scenario,
    games: int,
    seed: int = 0,
    policies: Mapping[str, str] | None = None,
    budget: int | None = None,
    *,
    negotiate: bool = True,
    balance: bool = False,
    jobs: int = 1,
    progress: Callable[[int], None] | None = None,
) -> SimulationResult:
    """Play ``games`` games; every role not named in ``policies`` plays ``random``.

    ``jobs`` above 1 shares the games out among that many worker processes (where processes can be forked):
    the result is the same, only ``seconds`` differs.

    ``budget`` is the iterations per decision of the searching policies (``lookahead``); ``None`` keeps their
    default. Raises ``ValueError`` if it is below 1. ``negotiate`` false turns negotiation off (no proposals, no
    agreements). ``balance`` adds :func:`balance` over the same seeds (which multiplies the work). ``progress`` is
    called with the number of games finished so far, after each game. Raises ``ValueError`` if ``games`` is not
    between 1 and :data:`MAX_GAMES`. The games' seeds are made one at a time as the games are played.
    """
    check_games(games)
    if budget is not None and budget < 1:
        raise ValueError(f"budget must be at least 1, got {budget}")
    names = {role.id: (policies or {}).get(role.id, "random") for role in scenario.roles}
    job = _Job(scenario, names, budget, negotiate, ending_clauses(scenario))
    result = job.empty(games)
    result.seed, result.budget, result.negotiate = seed, DEFAULT_BUDGET if budget is None else budget, negotiate
    result.budgets = search_budgets(names, budget)
    started = time.perf_counter()
    seeds = game_seeds(seed, games)
    if jobs > 1 and games > 1 and "fork" in multiprocessing.get_all_start_methods():
        # Workers inherit the scenario by fork (its compiled rules are not picklable); results come back in seed
        # order, so the totals are the same as one process's.
        global _JOB
        _JOB = job
        try:
            searching = bool(result.budgets)
            pool = multiprocessing.get_context("fork").Pool(min(jobs, games))
            try:
                done = 0
                for part in _in_pool(pool, seeds, games, jobs, searching=searching):
                    _merge(result, part)
                    if progress is not None:
                        for count in range(done + 1, done + part.games + 1):
                            progress(count)
                    done += part.games
                # The workers are told there is no more work and end by themselves: ending them by a signal (what
                # the pool's context manager does) can leave one waiting for ever where the signal is blocked.
                pool.close()
            except BaseException:
                pool.terminate()
                raise
            finally:
                pool.join()
        finally:
            _JOB = None
    else:
        for summary in _counted(map(job.run, seeds), progress):
            _add(result, summary)
    if balance:
        result.balance = balance_of(scenario, games, seed, negotiate=negotiate)
    result.seconds = time.perf_counter() - started
    return result


def _in_pool(
    pool: multiprocessing.pool.Pool, seeds: Iterator[int], games: int, jobs: int, *, searching: bool
) -> Iterator[SimulationResult]:
    """The games of ``seeds`` played by the pool's workers, a chunk at a time: each chunk's games added up by the
    worker that played them (so the parent only merges), in seed order.

    The seeds are handed over a batch at a time: the pool reads all it is given at once, and a long run's seeds must
    not pile up. Between two batches a worker may wait for the others' last chunk, so a batch holds many chunks
    (:data:`CHUNKS_PER_WORKER` a worker); a chunk is one game when a player searches (a game then takes seconds),
    else enough games that handing them over costs little next to playing them."""
    size = 1 if searching else max(1, min(games // (jobs * CHUNKS_PER_WORKER), 500))
    while batch := list(itertools.islice(seeds, size * jobs * CHUNKS_PER_WORKER)):
        chunks = [batch[start : start + size] for start in range(0, len(batch), size)]
        yield from pool.imap(_play_in_worker, chunks)


def _merge(result: SimulationResult, part: SimulationResult) -> None:
    """Add the games ``part`` counted (the next ones in seed order) to ``result``: the same totals as adding their
    summaries one by one (the scores are summed game by game, in order, as :func:`_add` does)."""
    result.turns += part.turns
    result.endings.update(part.endings)
    for role, scores in part.scores.items():
        total = result.score_totals[role]
        for score in scores:
            total += score
        result.score_totals[role] = total
        result.scores[role].extend(scores)
    result.actions.update(part.actions)
    result.rule_errors += part.rule_errors
    result.agreements_made += part.agreements_made
    result.agreements_kept += part.agreements_kept
    result.agreements_broken += part.agreements_broken
    result.diagnostics.merge(part.diagnostics)


def _add(result: SimulationResult, summary: _GameSummary) -> None:
    """Count one game's summary in ``result``."""
    result.turns += summary.turns
    result.endings[summary.ending] += 1
    for role, score in summary.scores.items():
        result.score_totals[role] += score
        result.scores[role].append(score)
    result.actions.update(summary.chosen)
    result.rule_errors += summary.errors
    result.agreements_made += summary.made
    result.agreements_kept += summary.kept
    result.agreements_broken += summary.broken
    if summary.facts is not None:
        result.diagnostics.add(summary.facts)


def _counted(summaries: Iterable[_GameSummary], progress: Callable[[int], None] | None) -> Iterable[_GameSummary]:
    """``summaries``, calling ``progress`` with the count so far after each one."""
    for done, summary in enumerate(summaries, 1):
        yield summary
        if progress is not None:
            progress(done)


@dataclass(frozen=True, slots=True)
class _GameSummary:
    """What :func:`simulate` keeps of one game (small, so worker processes can send it back)."""

    ending: str
    turns: int
    scores: dict[str, float]
    chosen: Counter[str]
    errors: int
    made: int
    kept: int
    broken: int
    facts: GameFacts | None = None


@dataclass(frozen=True, slots=True)
class _Job:
    """One simulate run's settings: :meth:`run` plays the game of one seed and summarises it."""

    scenario: Scenario
    names: Mapping[str, str]
    budget: int | None
    negotiate: bool
    #: The endings' clauses to check at the end of each game (``None``: keep no balancing figures).
    clauses: Mapping[str, Clauses] | None = None

    def empty(self, games: int) -> SimulationResult:
        """A result with nothing counted yet, for ``games`` games of this run."""
        result = SimulationResult(games=games, seed=0, policies=dict(self.names), negotiate=self.negotiate)
        result.endings.update({ending.id: 0 for ending in self.scenario.endings})
        result.score_totals = dict.fromkeys(self.names, 0.0)
        result.scores = {role: [] for role in self.names}
        if self.clauses is not None:
            result.diagnostics = Diagnostics.of(self.scenario, self.clauses)
        return result

    def run_chunk(self, game_seeds: list[int]) -> SimulationResult:
        """The games of ``game_seeds`` played and added up, in order (what a worker of ``--jobs`` sends back)."""
        part = self.empty(len(game_seeds))
        for game_seed in game_seeds:
            _add(part, self.run(game_seed))
        return part

    def run(self, game_seed: int) -> _GameSummary:
        game, chosen = play(self.scenario, game_seed, self.names, self.budget, negotiate=self.negotiate, record=False)
        outcome = game.outcome
        if outcome is None:  # pragma: no cover - play() only returns finished games
            raise RuntimeError("a simulated game did not finish")
        agreements = game.agreements()
        return _GameSummary(
            ending=outcome.ending,
            turns=outcome.turn,
            scores=dict(outcome.scores),
            chosen=chosen,
            errors=len(game.state.errors),
            made=len(agreements),
            kept=sum(all(i.status == ItemStatus.IMPLEMENTED for i in a.items) for a in agreements),
            broken=sum(a.broken for a in agreements),
            facts=None if self.clauses is None else game_facts(game, self.clauses),
        )


#: The run a forked worker process plays games of (set only while a pool is open).
_JOB: _Job | None = None


def _play_in_worker(game_seeds: list[int]) -> SimulationResult:
    if _JOB is None:  # pragma: no cover - only called by a pool that simulate() opened
        raise RuntimeError("no simulation to work on")
    return _JOB.run_chunk(game_seeds)


def balance_of(scenario: Scenario, games: int, seed: int = 0, *, negotiate: bool = True) -> dict[str, Any]:
    """For each strategy family, each role's mean score when it plays greedy restricted to that family's actions
    against unrestricted greedy opponents, and every role's mean score when all play unrestricted greedy, over the
    seeds of ``simulate(scenario, games, seed)``: ``{"families": {family: {role: mean}}, "unrestricted": {role:
    mean}}``. A role without actions of a family is left out of that family."""
    check_games(games)
    greedy = {role.id: "greedy" for role in scenario.roles}

    def means(names: Mapping[str, str]) -> dict[str, float]:
        totals = dict.fromkeys(names, 0.0)
        job = _Job(scenario, names, None, negotiate)
        for game_seed in game_seeds(seed, games):
            for role, score in job.run(game_seed).scores.items():
                totals[role] += score
        return {role: round(total / games, 3) for role, total in totals.items()}

    families: dict[str, dict[str, float]] = {}
    for family in sorted({a.family for a in scenario.actions}):
        for role in scenario.roles:
            if any(a.family == family for a in scenario.actions_for(role.id)):
                names = {**greedy, role.id: RESTRICTED_PREFIX + family}
                families.setdefault(family, {})[role.id] = means(names)[role.id]
    return {"families": families, "unrestricted": means(greedy)}
