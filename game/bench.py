"""``python main.py bench``: measure and print the speed figures (no pass/fail; figures for people)."""

from __future__ import annotations

import json
import random
import statistics
import time
from pathlib import Path
from typing import Any, TextIO

from game.ai.lookahead import DEFAULT_BUDGET, LookaheadPolicy
from game.ai.negotiation import evaluate
from game.ai.negotiator import best_proposals
from game.ai.policies import GreedyPolicy, Policy
from game.content.loader import load_scenario, load_scenario_text
from game.engine import Command, Game, Phase
from game.paths import DEFAULT_SCENARIO
from game.table import Match, Seat
from game.table.simulate import play

#: The loader refuses files above this size; the big benchmark file stays just under it.
ONE_MB = 1_048_576


def measure_engine(seconds: float, windows: int = 5) -> dict[str, float]:
    """Random players on the default scenario: turns per second of CPU time, engine and players together, on the
    engine's fast path (no history), as ``simulate`` and the lookahead's rollouts play.

    Runs ``windows`` windows of ``seconds / windows`` each and reports the best one (as ``timeit`` does: the
    other windows only measure interference from the rest of the machine) and the mean.
    """
    scenario = load_scenario(DEFAULT_SCENARIO)
    names = {role.id: "random" for role in scenario.roles}
    play(scenario, 0, names, record=False)  # warm up: the first game compiles the scenario's rules
    seeds = random.Random(12345)
    seats = {role: Seat(name) for role, name in names.items()}
    rates = []
    total_turns = games = 0
    for _ in range(windows):
        turns = 0
        started = time.process_time()
        while True:
            match = Match.start(scenario, seats, seeds.randrange(2**31), record=False)
            turns += match.game.turn
            games += 1
            elapsed = time.process_time() - started
            if elapsed >= seconds / windows:
                break
        rates.append(turns / elapsed)
        total_turns += turns
    return {
        "turns_per_second": max(rates),
        "turns_per_second_mean": statistics.fmean(rates),
        "games": games,
        "turns": total_turns,
    }


def measure_lookahead(decisions: int = 10, budget: int = DEFAULT_BUDGET) -> dict[str, float]:
    """Median CPU time of a lookahead decision (actions phase) on the default scenario at ``budget`` (the most
    rollouts an action search spends: one whose leader is settled stops sooner; the proposal search gets half).

    Games between a lookahead United States and a greedy Cambodia; the first ``decisions`` turns of the lookahead
    player over a few games (turns 1 to 5 of each) are timed: its proposal search and its action decision.
    """
    scenario = load_scenario(DEFAULT_SCENARIO)
    play(scenario, 0, {role.id: "random" for role in scenario.roles})  # warm up the compiled rules
    times: list[float] = []
    seed = 0
    while len(times) < decisions:
        game = Game.new(scenario, seed)
        first, *others = [role.id for role in scenario.roles]
        searcher = _Timed(LookaheadPolicy(random.Random(seed), scenario.role(first).personality, budget=budget))
        players: dict[str, Policy] = {first: searcher}
        players.update({r: GreedyPolicy(random.Random(seed), dict(scenario.role(r).personality)) for r in others})
        match = Match.around(game, players)
        while not game.is_over() and game.turn <= 5 and len(times) < decisions:
            searcher.spent = 0.0
            match.play(1)
            times.append(searcher.spent)
        seed += 1
    return {"lookahead_decision_seconds": statistics.median(times), "lookahead_budget": float(budget)}


class _Timed:
    """A computer player that adds the CPU time of its proposals and action decisions to :attr:`spent`."""

    def __init__(self, policy: LookaheadPolicy) -> None:
        self.policy = policy
        self.name = policy.name
        self.rng = policy.rng
        self.spent = 0.0

    def propose(self, game: Game, role: str) -> list[Command]:
        started = time.process_time()
        try:
            return self.policy.propose(game, role)
        finally:
            self.spent += time.process_time() - started

    def decide(self, game: Game, role: str) -> list[Command]:
        if game.phase is not Phase.ACTIONS:
            return self.policy.decide(game, role)
        started = time.process_time()
        try:
            return self.policy.decide(game, role)
        finally:
            self.spent += time.process_time() - started


def measure_simulate_jobs(games: int = 20000, jobs: int = 2) -> dict[str, float]:
    """``simulate`` of ``games`` games of random players on the default scenario, in one process and in ``jobs``:
    wall-clock games per second of each, and the speed-up (``jobs`` would be a perfect one). Only meaningful when
    the machine has ``jobs`` cores free."""
    from game.table.simulate import simulate

    scenario = load_scenario(DEFAULT_SCENARIO)
    simulate(scenario, 50, seed=1)  # warm up: compile the rules before the workers are forked
    figures: dict[str, float] = {}
    for count in (1, jobs):
        started = time.perf_counter()
        simulate(scenario, games, seed=7, jobs=count)
        figures[f"simulate_games_per_second_{count}_jobs"] = games / (time.perf_counter() - started)
    figures["simulate_speedup"] = (
        figures[f"simulate_games_per_second_{jobs}_jobs"] / figures["simulate_games_per_second_1_jobs"]
    )
    figures["simulate_jobs"] = float(jobs)
    return figures


def measure_lookahead_game(games: int = 3) -> dict[str, float]:
    """Mean CPU seconds of a whole game of the default scenario with the lookahead (default budget) on every side:
    every decision, proposal and answer of both players (games of seeds 0 to ``games - 1``)."""
    scenario = load_scenario(DEFAULT_SCENARIO)
    names = {role.id: "lookahead" for role in scenario.roles}
    play(scenario, 0, {role.id: "random" for role in scenario.roles}, record=False)  # warm up the compiled rules
    started = time.process_time()
    for seed in range(games):
        play(scenario, seed, names, record=False)
    return {"lookahead_game_seconds": (time.process_time() - started) / games, "lookahead_games": float(games)}


def big_scenario_text(target: int = ONE_MB - 4096) -> str:
    """A valid generated scenario of almost 1 MB: many indicators, actions, events and dynamics."""
    lines = [
        "format: 1",
        "id: big",
        "title: Generated benchmark scenario",
        "description: Many rules, to measure the loader.",
        "turns: 12",
        "indicators:",
    ]
    count = 200
    for i in range(count):
        lines += [
            f"  - id: ind_{i}",
            f"    label: Indicator {i}",
            f"    description: Generated indicator number {i} for the loader benchmark.",
            f"    initial: {i % 100}",
        ]
    lines += ["families:", "  - id: fam", "    label: Family", "roles:"]
    for role in ("r1", "r2"):
        lines += [
            f"  - id: {role}",
            f"    name: Role {role}",
            "    brief: A generated role.",
            "    objectives: Raise the first indicators.",
            "    score: ind_0 + ind_1 / 2",
            "    capital: 5",
        ]
    lines += ["endings:", "  - id: done", "    title: Done", "    text: The end.", "actions:"]
    body = "\n".join(lines)
    chunks = [body]
    size = len(body)
    rng = random.Random(1)
    n = 0
    while size < target:
        a, b, c = rng.randrange(count), rng.randrange(count), rng.randrange(count)
        chunk = (
            f"\n  - id: act_{n}\n    role: r{1 + n % 2}\n    family: fam\n    label: Action {n}\n"
            f"    description: A generated action that moves indicators {a} and {b}.\n    cost: {1 + n % 3}\n"
            f"    condition: ind_{a} > 10 and ind_{b} < 90\n"
            f"    effects:\n      - ind_{a} += 2\n      - change: ind_{b} -= min(ind_{c}, 3) / 2\n        delay: 1"
        )
        if size + len(chunk) > target:
            break
        chunks.append(chunk)
        size += len(chunk)
        n += 1
    return "".join(chunks) + "\n"


def _median_ms(fn: Any, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        started = time.process_time()
        fn()
        times.append((time.process_time() - started) * 1000.0)
    return statistics.median(times)


def measure_proposal_eval(repeats: int = 2000) -> dict[str, float]:
    """Median time of one :func:`~game.ai.negotiation.evaluate` on the default scenario, in ms: the first role's
    best acceptable proposal to the second at the start of the actions phase of a game (seed 0)."""
    scenario = load_scenario(DEFAULT_SCENARIO)
    game = Game.new(scenario, 0)
    greedy = GreedyPolicy(random.Random(0))
    while game.phase is Phase.NEWS:
        role = game.pending_choices()[0].role
        for command in greedy.decide(game, role):
            game.apply(command)
    first, second = (role.id for role in scenario.roles[:2])
    offers = best_proposals(game, first, second, limit=1)
    mine, theirs = game.legal_items(first), game.legal_items(second)
    proposal = offers[0].command if offers else (tuple(i.id for i in mine[:2]), tuple(i.id for i in theirs[:2]))
    evaluate(game, proposal, second)  # warm up
    return {"proposal_eval_ms": _median_ms(lambda: evaluate(game, proposal, second), repeats)}


def measure_loading(repeats: int) -> dict[str, float]:
    """Median load+validate time of the default scenario and of a generated 1 MB one."""
    default_text = Path(DEFAULT_SCENARIO).read_bytes()
    big = big_scenario_text().encode()
    load_scenario_text(default_text, str(DEFAULT_SCENARIO))  # warm up imports and caches
    return {
        "load_default_ms": _median_ms(lambda: load_scenario_text(default_text, str(DEFAULT_SCENARIO)), repeats * 4),
        "load_1mb_ms": _median_ms(lambda: load_scenario_text(big, "big.yaml"), repeats),
        "big_file_bytes": float(len(big)),
    }


def measure_ui(quick: bool) -> dict[str, float]:
    """The desktop figures (pygame is only imported here)."""
    from game.ui import bench as ui

    return {
        "frame_ms_median": round(ui.frame_ms_median(1.0, 60 if quick else 300), 3),
        "frame_ms_median_scale150": round(ui.frame_ms_median(1.5, 60 if quick else 300), 3),
        "first_frame_seconds": round(ui.first_frame_seconds(), 3),
        "idle_cpu_percent": round(ui.idle_cpu_percent(1.0 if quick else 3.0), 2),
    }


def measure_class(quick: bool) -> dict[str, Any]:
    """The class server under load (see :mod:`game.server.loadtest`): 30 tables playing a whole game of the
    server's default length (``quick``: 8 tables, 3 turns, quicker teams); every figure ``None`` when it could not
    run, with the reason under ``class_error``."""
    from game.server.loadtest import LoadError, LoadPlan, measure_class_server

    plan = LoadPlan(tables=8, turns=3, think=(0.1, 0.4)) if quick else LoadPlan()
    try:
        load = measure_class_server(plan)
    except (LoadError, OSError) as exc:
        return {"class_p50_ms": None, "class_p95_ms": None, "class_cpu_percent": None, "class_rss_mb": None,
                "class_error": str(exc)}  # fmt: skip
    return {
        "class_p50_ms": round(load.p50_ms, 1),
        "class_p95_ms": round(load.p95_ms, 1),
        "class_max_ms": round(load.max_ms, 1),
        "class_cpu_percent": None if load.cpu_percent is None else round(load.cpu_percent, 1),
        "class_rss_mb": None if load.rss_peak_mb is None else round(load.rss_peak_mb, 1),
        "class_rss_final_mb": None if load.rss_final_mb is None else round(load.rss_final_mb, 1),
        "class_tables": load.tables,
        "class_clients": load.clients,
        "class_commands": load.commands,
        "class_refused": load.errors,
        "class_games_over": load.games_over,
        "class_dashboard_messages": load.dashboard_messages,
        "class_dashboard_tables_over": load.dashboard_tables_over,
        "class_wall_seconds": round(load.wall_seconds, 1),
        "class_load_average": None if load.load_average is None else round(load.load_average, 2),
    }


def _print_class(figures: dict[str, Any], out: TextIO) -> None:
    if figures["class_p95_ms"] is None:
        print(f"  class server under load: not measured ({figures['class_error']})", file=out)
        return
    print(
        f"  class server, command to updated view:    {figures['class_p95_ms']:>12.1f} ms"
        f"  (95th percentile; median {figures['class_p50_ms']:.1f} ms, slowest {figures['class_max_ms']:.0f} ms)",
        file=out,
    )
    cpu = "n/a" if figures["class_cpu_percent"] is None else f"{figures['class_cpu_percent']:.0f} % of one core"
    rss = "n/a" if figures["class_rss_mb"] is None else f"{figures['class_rss_mb']:.0f} MB peak resident"
    print(
        f"    {figures['class_tables']} tables of two teams and a dashboard ({figures['class_clients']} clients), "
        f"{figures['class_games_over']} games played to the end (the dashboard saw "
        f"{figures['class_dashboard_tables_over']} end), {figures['class_commands']:,} commands measured, "
        f"{figures['class_refused']} refused, in {figures['class_wall_seconds']:.0f} s; server: {cpu}, {rss}",
        file=out,
    )
    if figures["class_load_average"] is not None:
        print(f"    the machine's load average at the end: {figures['class_load_average']:.2f}", file=out)


def run_bench(*, json_output: bool, quick: bool, out: TextIO) -> int:
    """Run every benchmark and print the figures."""
    figures: dict[str, Any] = {}
    engine = measure_engine(0.5 if quick else 3.0)
    figures["turns_per_second"] = round(engine["turns_per_second"], 1)
    figures["turns_per_second_mean"] = round(engine["turns_per_second_mean"], 1)
    figures["engine_games"] = int(engine["games"])
    loading = measure_loading(2 if quick else 5)
    figures["load_default_ms"] = round(loading["load_default_ms"], 2)
    figures["load_1mb_ms"] = round(loading["load_1mb_ms"], 2)
    figures["big_file_bytes"] = int(loading["big_file_bytes"])
    lookahead = measure_lookahead(5 if quick else 10)
    figures["lookahead_decision_seconds"] = round(lookahead["lookahead_decision_seconds"], 3)
    figures["lookahead_budget"] = int(lookahead["lookahead_budget"])
    figures["proposal_eval_ms"] = round(measure_proposal_eval(500 if quick else 2000)["proposal_eval_ms"], 4)
    whole = measure_lookahead_game(1 if quick else 3)
    figures["lookahead_game_seconds"] = round(whole["lookahead_game_seconds"], 3)
    figures["lookahead_games"] = int(whole["lookahead_games"])
    jobs = measure_simulate_jobs(1000 if quick else 20000)
    figures["simulate_games_per_second_1_jobs"] = round(jobs["simulate_games_per_second_1_jobs"], 1)
    figures["simulate_games_per_second_2_jobs"] = round(jobs["simulate_games_per_second_2_jobs"], 1)
    figures["simulate_speedup"] = round(jobs["simulate_speedup"], 2)
    figures.update(measure_ui(quick))
    figures.update(measure_class(quick))
    if json_output:
        json.dump(figures, out, indent=2)
        out.write("\n")
        return 0
    print("Common Ground benchmarks (one core)", file=out)
    print(
        f"  engine, default scenario, random players: {figures['turns_per_second']:>12,.0f} turns/s"
        f"  (fast path; best of 5 windows; mean {figures['turns_per_second_mean']:,.0f})",
        file=out,
    )
    print(f"  load + validate default scenario:         {figures['load_default_ms']:>12.2f} ms", file=out)
    print(
        f"  load + validate generated 1 MB scenario:  {figures['load_1mb_ms']:>12.2f} ms"
        f"  ({figures['big_file_bytes']:,} bytes)",
        file=out,
    )
    print(
        f"  lookahead decision at the default budget: {figures['lookahead_decision_seconds']:>12.3f} s"
        f"  (median of CPU times per turn, proposal search included; at most {figures['lookahead_budget']} rollouts"
        " an action decision, half that for proposals)",
        file=out,
    )
    print(f"  evaluating a proposal (median):           {figures['proposal_eval_ms']:>12.4f} ms", file=out)
    thousand = figures["lookahead_game_seconds"] * 1000 / 2 / 60
    print(
        f"  lookahead on both sides, a whole game:    {figures['lookahead_game_seconds']:>12.3f} s"
        f"  (CPU, mean of {figures['lookahead_games']} games; 1,000 games on 2 cores: about {thousand:.1f} min)",
        file=out,
    )
    print(
        f"  simulate, random players, 1 job:          {figures['simulate_games_per_second_1_jobs']:>12,.0f} games/s",
        file=out,
    )
    print(
        f"  simulate, random players, 2 jobs:         {figures['simulate_games_per_second_2_jobs']:>12,.0f} games/s"
        f"  (speed-up {figures['simulate_speedup']:.2f}x; wall clock, needs 2 free cores)",
        file=out,
    )
    print(f"  main board frame, 1280x720 (median):      {figures['frame_ms_median']:>12.2f} ms", file=out)
    print(f"  main board frame, scale 150% (median):    {figures['frame_ms_median_scale150']:>12.2f} ms", file=out)
    print(f"  process start to first frame:             {figures['first_frame_seconds']:>12.2f} s", file=out)
    print(f"  idle CPU on the main board:               {figures['idle_cpu_percent']:>12.1f} % of one core", file=out)
    _print_class(figures, out)
    return 0
