"""The command line: ``python main.py COMMAND ...`` (also installed as ``common-ground``)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from game.content.problems import ScenarioError
from game.engine import Scenario, localize
from game.paths import DEFAULT_SCENARIO
from game.table.simulate import SimulationResult

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A command line that cannot be carried out as given (exit status 2)."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="common-ground",
        description="Common Ground: a turn-based diplomatic negotiation game.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    play = sub.add_parser("play", help="open the desktop game (the default command)")
    play.add_argument("--scenario", type=Path, default=None, help="start a game of this scenario at once")
    play.add_argument("--role", default=None, help="the role you play (default: the scenario's first role)")
    play.add_argument("--seed", type=int, default=None, help="random seed (default: a fresh one)")
    play.add_argument("--scale", type=float, default=None, help="UI scale for this run, 1.0 to 2.0")
    play.add_argument("--size", default=None, metavar="WxH", help="window size, e.g. 1280x720")
    play.add_argument("--autoplay", action="store_true", help="the computer plays every side to the end screen")
    play.add_argument("--frames", type=int, default=None, help="quit after this many frames")
    play.add_argument("--screenshot", type=Path, default=None, help="save the last frame as PNG")
    play.add_argument(
        "--seat",
        action="append",
        default=[],
        metavar="ROLE=WHO",
        help="start a game at once with these seats: person, or a computer level (beginner, standard, strong)",
    )

    text = sub.add_parser("text", help="play a whole game in the terminal")
    text.add_argument("--scenario", type=Path, default=None, help="scenario file (default: Cambodia-US)")
    text.add_argument("--role", default=None, help="the role you play (asked if omitted)")
    text.add_argument("--seed", type=int, default=None, help="random seed (default: a fresh one)")
    text.add_argument("--lang", default="en", help="language code for scenario texts (default: en)")
    text.add_argument(
        "--seat",
        action="append",
        default=[],
        metavar="ROLE=WHO",
        help="who plays a role: person, a computer level (beginner, standard, strong) or a policy; repeat for each "
        "role (default: you play --role against the standard computer). Two people: --seat us=person "
        "--seat cambodia=person",
    )
    text.add_argument(
        "--continue",
        dest="resume",
        action="store_true",
        help="continue the latest saved game (the terminal and the desktop share their saves)",
    )
    text.add_argument("--no-save", dest="save", action="store_false", help="do not write the autosave")

    replay = sub.add_parser("replay", help="print a saved game turn by turn from its log and check it rebuilds")
    replay.add_argument("save", type=Path, metavar="SAVE", help="a save file (e.g. the autosave)")

    validate = sub.add_parser("validate", help="check scenario files and print every problem")
    validate.add_argument("paths", nargs="+", type=Path, metavar="PATH")

    sub.add_parser("schema", help="print the JSON Schema of scenario files")

    simulate = sub.add_parser("simulate", help="play many games with computer players and summarise them")
    simulate.add_argument("path", type=Path, metavar="PATH", nargs="?", default=None)
    simulate.add_argument("--games", type=int, default=100, help="number of games (default 100)")
    simulate.add_argument("--seed", type=int, default=0, help="seed of the run (default 0)")
    simulate.add_argument(
        "--policy", action="append", default=[], metavar="ROLE=NAME", help="policy for a role (default random)"
    )
    simulate.add_argument(
        "--budget",
        type=int,
        default=None,
        metavar="N",
        help="iterations per decision of the lookahead policy (default: its own default)",
    )
    simulate.add_argument(
        "--no-negotiation",
        dest="negotiate",
        action="store_false",
        help="computer players make and answer no proposals (no agreements)",
    )
    simulate.add_argument(
        "--balance",
        action="store_true",
        help="also measure balance: for each strategy family, each role's mean score as greedy restricted to "
        "that family against unrestricted greedy, and all-greedy's, over the same seeds (many times the work)",
    )
    simulate.add_argument(
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help="play the games in N processes at once (same results, sooner on a machine with N cores; default 1)",
    )
    simulate.add_argument(
        "--json", action="store_true", help="print one JSON object (with agreements made/kept/broken, and balance)"
    )

    bench = sub.add_parser("bench", help="measure the speed of the engine and the loader")
    bench.add_argument("--json", action="store_true", help="print one JSON object")
    bench.add_argument("--quick", action="store_true", help="shorter measurements (less precise)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            args = parser.parse_args(["play"])
        if args.command == "text":
            return _text(args)
        if args.command == "replay":
            from game.text.replay import run_replay

            return run_replay(args.save, sys.stdout, sys.stderr)
        if args.command == "play":
            return _play(args)
        if args.command == "validate":
            return _validate(args.paths, sys.stdout)
        if args.command == "schema":
            return _schema(sys.stdout)
        if args.command == "simulate":
            return _simulate(args, sys.stdout)
        if args.command == "bench":
            from game.bench import run_bench

            return run_bench(json_output=args.json, quick=args.quick, out=sys.stdout)
    except UsageError as exc:
        print(f"common-ground: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except ScenarioError as exc:
        print(exc, file=sys.stderr)
        return EXIT_INVALID
    except KeyboardInterrupt:
        print("", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): stop quietly, and keep Python from complaining at exit.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    parser.error(f"unknown command {args.command!r}")
    return EXIT_USAGE  # pragma: no cover - parser.error exits


def load(path: Path | None) -> Scenario:
    """Load a scenario file (the default one when ``path`` is None); raises ScenarioError."""
    from game.content.loader import load_scenario

    return load_scenario(path if path is not None else DEFAULT_SCENARIO)


def check_role(scenario: Scenario, role: str | None) -> None:
    """Raise a usage error when ``role`` is given and the scenario has no such role."""
    if role is not None and role not in {r.id for r in scenario.roles}:
        known = ", ".join(r.id for r in scenario.roles)
        raise UsageError(f"unknown role {role!r}; this scenario has: {known}")


def _text(args: argparse.Namespace) -> int:
    import random

    from game.persistence import autosave_match, load_match
    from game.saves import SaveError, latest_save
    from game.table import SeatError, parse_seat
    from game.text.play import run

    save = autosave_match if args.save else None
    if args.resume:
        if args.seat or args.role is not None or args.scenario is not None or args.seed is not None:
            raise UsageError("--continue takes the saved game as it is: leave out --seat, --role, --scenario, --seed")
        info = latest_save()
        if info is None:
            raise UsageError("there is no saved game to continue yet")
        try:
            match = load_match(info.path)
        except SaveError as exc:
            raise UsageError(f"the latest save ({info.path.name}) cannot be continued: {exc}") from None
        return run(match.scenario, role=None, seed=match.seed, stdin=sys.stdin, stdout=sys.stdout,
                   lang=match.game.lang, match=match, save=save)  # fmt: skip
    scenario_path = getattr(args, "scenario", None) or DEFAULT_SCENARIO
    scenario = load(scenario_path)
    role = getattr(args, "role", None)
    check_role(scenario, role)
    try:
        seats = dict(parse_seat(text) for text in args.seat)
        check_roles(scenario, seats)
    except SeatError as exc:
        raise UsageError(str(exc)) from None
    seed = getattr(args, "seed", None)
    if seed is None:
        seed = random.SystemRandom().randrange(1_000_000)
    return run(scenario, role=role, seed=seed, stdin=sys.stdin, stdout=sys.stdout, lang=getattr(args, "lang", "en"),
               seats=seats, scenario_path=str(scenario_path), save=save)  # fmt: skip


def check_roles(scenario: Scenario, seats: dict[str, object]) -> None:
    """Raise a usage error when a seat names a role the scenario lacks."""
    for role in seats:
        check_role(scenario, role)


def _play(args: argparse.Namespace) -> int:
    from game.ui.main import run_play

    if args.scale is not None and not 1.0 <= args.scale <= 2.0:
        raise UsageError(f"--scale must be between 1.0 and 2.0, got {args.scale}")
    if args.frames is not None and args.frames < 1:
        raise UsageError(f"--frames must be at least 1, got {args.frames}")
    size = None
    if args.size is not None:
        width, sep, height = args.size.lower().partition("x")
        if not sep or not width.isdigit() or not height.isdigit():
            raise UsageError(f"--size expects WIDTHxHEIGHT, e.g. 1280x720, got {args.size!r}")
        size = (int(width), int(height))
    seats = None
    if args.role is not None or args.scenario is not None or args.seat:
        scenario = load(args.scenario)
        check_role(scenario, args.role)
        if args.seat:
            from game.table import SeatError, parse_seat

            try:
                seats = dict(parse_seat(text) for text in args.seat)
            except SeatError as exc:
                raise UsageError(str(exc)) from None
            check_roles(scenario, seats)
    return run_play(
        seats=seats,
        scenario_path=args.scenario if args.scenario is not None or args.autoplay or args.role else None,
        role=args.role,
        seed=args.seed,
        scale=args.scale,
        autoplay=args.autoplay,
        frames=args.frames,
        screenshot=args.screenshot,
        size=size,
    )


def _validate(paths: Sequence[Path], out: TextIO) -> int:
    from game.content.loader import load_scenario

    status = EXIT_OK
    for path in paths:
        try:
            scenario = load_scenario(path)
        except (RecursionError, MemoryError):
            print(f"{path}:0:0: error: the file is too complex to load", file=out)
            status = EXIT_INVALID
            continue
        except ScenarioError as exc:
            status = EXIT_INVALID
            for problem in exc.problems:
                print(problem.format(), file=out)
            count = len(exc.problems)
            print(f"{path}: {count} problem{'s' if count != 1 else ''}", file=out)
            continue
        print(
            f"{path}: ok ({localize(scenario.title)}: {len(scenario.indicators)} indicators, "
            f"{len(scenario.roles)} roles, {len(scenario.actions)} actions, {len(scenario.events)} events, "
            f"{len(scenario.endings)} endings)",
            file=out,
        )
    return status


def _schema(out: TextIO) -> int:
    from game.content.loader import json_schema

    json.dump(json_schema(), out, indent=2, sort_keys=True)
    out.write("\n")
    return EXIT_OK


def parse_policies(specs: Sequence[str], scenario: Scenario) -> dict[str, str]:
    """``["us=greedy"]`` -> ``{"us": "greedy"}``, checked against the scenario's roles and the known policies and
    computer levels (``us=strong``)."""
    from game.ai import POLICIES
    from game.table import LEVELS

    roles = {r.id for r in scenario.roles}
    out: dict[str, str] = {}
    for spec in specs:
        role, sep, name = spec.partition("=")
        if not sep or not role or not name:
            raise UsageError(f"--policy expects ROLE=NAME, got {spec!r}")
        if role not in roles:
            raise UsageError(f"--policy: unknown role {role!r}; roles: {', '.join(sorted(roles))}")
        if name not in POLICIES and name not in LEVELS:
            raise UsageError(f"--policy: unknown policy {name!r}; policies: {', '.join(sorted(POLICIES))}; levels: "
                             f"{', '.join(LEVELS)}")  # fmt: skip
        out[role] = name
    return out


def _simulate(args: argparse.Namespace, out: TextIO) -> int:
    from game.table.simulate import simulate

    if args.games < 1:
        raise UsageError(f"--games must be at least 1, got {args.games}")
    if args.budget is not None and args.budget < 1:
        raise UsageError(f"--budget must be at least 1, got {args.budget}")
    if args.jobs < 1:
        raise UsageError(f"--jobs must be at least 1, got {args.jobs}")
    scenario = load(args.path)
    policies = parse_policies(args.policy, scenario)
    result = simulate(
        scenario, args.games, args.seed, policies, args.budget, negotiate=args.negotiate, balance=args.balance,
        jobs=args.jobs,
    )  # fmt: skip
    if args.json:
        json.dump(result.to_dict(), out, indent=2)
        out.write("\n")
        return EXIT_OK
    _print_simulation(scenario, result, out)
    return EXIT_OK


def _print_simulation(scenario: Scenario, result: SimulationResult, out: TextIO) -> None:
    from game.table import Seat

    searching = any(Seat(name).policy == "lookahead" for name in result.policies.values())
    budget = f", budget {result.budget} per decision" if searching else ""
    print(f"{localize(scenario.title)}: {result.games} games, seed {result.seed}{budget}", file=out)
    print(f"{result.turns} turns in {result.seconds:.2f} s ({result.turns_per_second:,.0f} turns/s)", file=out)
    print("\nEndings", file=out)
    for ending in scenario.endings:
        count = result.endings.get(ending.id, 0)
        share = 100.0 * count / result.games
        print(f"  {localize(ending.title):<32} {count:>7}  {share:5.1f}%", file=out)
    print("\nRoles", file=out)
    for role_id, policy in result.policies.items():
        name = localize(scenario.role(role_id).name)
        print(f"  {name:<32} {policy:<10} mean score {result.mean_score(role_id):7.2f}", file=out)
    print("\nActions (times chosen)", file=out)
    for action in scenario.actions:
        print(f"  {action.id:<40} {result.actions.get(action.id, 0):>7}", file=out)
    if result.negotiate:
        made, kept, broken = result.agreements_made, result.agreements_kept, result.agreements_broken
        print(f"\nAgreements: {made} made, {kept} kept (fully implemented), {broken} broken", file=out)
    else:
        print("\nNegotiation off", file=out)
    if result.balance is not None:
        unrestricted = result.balance["unrestricted"]
        print("\nBalance (mean score, greedy restricted to one family vs unrestricted greedy)", file=out)
        for family, by_role in result.balance["families"].items():
            cells = "  ".join(f"{role} {score:7.2f}" for role, score in by_role.items())
            print(f"  {family:<32} {cells}", file=out)
        cells = "  ".join(f"{role} {score:7.2f}" for role, score in unrestricted.items())
        print(f"  {'(unrestricted)':<32} {cells}", file=out)
    if result.rule_errors:
        print(f"\n{result.rule_errors} rule errors at run time (see `validate`)", file=out)
