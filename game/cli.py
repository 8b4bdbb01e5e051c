"""The command line: ``python main.py COMMAND ...`` (also installed as ``common-ground``)."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from game.content.problems import Problem, ScenarioError
from game.engine import Scenario, ScoreReference, localize
from game.i18n import tr, tr_n
from game.paths import DEFAULT_SCENARIO, TUTORIAL_SCENARIO
from game.present.words import plural
from game.table.simulate import SimulationResult

if TYPE_CHECKING:
    from game.table.reference import Found, ReferenceCache

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A command line that cannot be carried out as given (exit status 2)."""


#: The help of every command's --lang.
LANG_HELP = "the language of the interface and the scenario's texts, e.g. km (default: the one chosen last, else en)"


#: The help of --watch (play and text).
WATCH_HELP = (
    "follow the --scenario file as you edit it: each time it is saved, the game is replayed on the new version to "
    "the current turn (its errors are shown and the game goes on when it does not load)"
)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="common-ground",
        description="Common Ground: a turn-based diplomatic negotiation game.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    play = sub.add_parser("play", help="open the desktop game (the default command)")
    play.add_argument("--scenario", type=Path, default=None, help="start a game of this scenario at once")
    play.add_argument("--watch", action="store_true", help=WATCH_HELP)
    play.add_argument("--role", default=None, help="the role you play (default: the scenario's first role)")
    play.add_argument("--seed", type=int, default=None, help="random seed (default: a fresh one)")
    play.add_argument("--turns", type=int, default=None, metavar="N",
        help="a shorter game of N turns: from 3 to the scenario's turns, or a length it offers")  # fmt: skip
    play.add_argument("--scale", type=float, default=None, help="UI scale for this run, 1.0 to 2.0")
    play.add_argument("--lang", default=None, metavar="CODE", help=LANG_HELP)
    play.add_argument("--size", default=None, metavar="WxH", help="window size, e.g. 1280x720")
    play.add_argument("--autoplay", action="store_true", help="the computer plays every side to the end screen")
    play.add_argument("--frames", type=int, default=None, help="quit after this many frames")
    play.add_argument("--screenshot", type=Path, default=None, help="save the last frame as PNG")
    play.add_argument("--pin", default=None, metavar="NNNN", help="guard the teacher's console (F2) with this PIN")
    play.add_argument(
        "--public", action="store_true", help="start a game at once on the public board (for a projector; F3 switches)"
    )
    play.add_argument(
        "--seat",
        action="append",
        default=[],
        metavar="ROLE=WHO",
        help="start a game at once with these seats: person, or a computer level (beginner, standard, strong)",
    )

    text = sub.add_parser("text", help="play a whole game in the terminal")
    text.add_argument("--scenario", type=Path, default=None, help="scenario file (default: Cambodia-US)")
    text.add_argument("--watch", action="store_true", help=WATCH_HELP)
    text.add_argument("--role", default=None, help="the role you play (asked if omitted)")
    text.add_argument("--seed", type=int, default=None, help="random seed (default: a fresh one)")
    text.add_argument("--turns", type=int, default=None, metavar="N",
        help="a shorter game of N turns: from 3 to the scenario's turns, or a length it offers")  # fmt: skip
    text.add_argument("--lang", default=None, metavar="CODE", help=LANG_HELP)
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
    text.add_argument(
        "--full-review",
        action="store_true",
        help="after every turn show the full list of changes and their causes (default: the few that mattered "
        "most, with the full list on the f key)",
    )
    text.add_argument("--tutorial", action="store_true", help="learn to play: a short game that teaches itself")

    replay = sub.add_parser("replay", help="print a saved game turn by turn from its log and check it rebuilds")
    replay.add_argument("save", type=Path, metavar="SAVE", help="a save file (e.g. the autosave)")
    replay.add_argument("--lang", default=None, metavar="CODE", help=LANG_HELP)

    report = sub.add_parser(
        "report",
        help="write the debrief report of saved games (HTML, CSV of every change, JSON; a class summary for several)",
    )
    report.add_argument("saves", nargs="+", type=Path, metavar="SAVE", help="save files (a class's tables)")
    report.add_argument("--out", type=Path, required=True, metavar="DIR", help="the folder to write the reports into")
    report.add_argument("--lang", default=None, metavar="CODE", help=LANG_HELP)

    validate = sub.add_parser("validate", help="check scenario files and print every problem")
    validate.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    validate.add_argument(
        "--strict", action="store_true", help="exit 1 when there is any warning, not only when there is an error"
    )
    validate.add_argument(
        "--lang",
        default=None,
        metavar="CODE",
        help="also list every text with no version in this language (e.g. km), where it is written",
    )

    sub.add_parser("schema", help="print the JSON Schema of scenario files")
    new = sub.add_parser("new", help="write a commented starter scenario that validates and plays")
    new.add_argument("file", type=Path, help="the scenario file to write (e.g. my_scenario.yaml)")
    new.add_argument("--roles", metavar="A,B", help="the role ids, separated by commas (default: north,south)")
    new.add_argument("--force", action="store_true", help="overwrite the file if it exists")
    new.add_argument(
        "--schema-copy", action="store_true", help="write a copy of the schema beside the file and point to it"
    )

    notes = sub.add_parser(
        "notes", help="print a teacher's notes on a scenario: history or invention, objectives, disputed rules, sources"
    )
    notes.add_argument("path", nargs="?", type=Path, metavar="SCENARIO", help="a scenario file (default: the default)")
    notes.add_argument("--lang", default=None, metavar="CODE", help=LANG_HELP)

    handouts = sub.add_parser(
        "handouts",
        help="write a scenario's lesson materials (role cards, rules sheet, facilitator guide) as HTML and PDF",
    )
    handouts.add_argument(
        "path", nargs="?", type=Path, metavar="SCENARIO", help="a scenario file (default: the default)"
    )
    handouts.add_argument("--out", type=Path, required=True, metavar="DIR", help="the folder to write them into")
    handouts.add_argument("--lang", default=None, metavar="CODE", help=LANG_HELP)

    simulate = sub.add_parser("simulate", help="play many games with computer players and summarise them")
    simulate.add_argument("path", type=Path, metavar="PATH", nargs="?", default=None)
    simulate.add_argument("--games", type=int, default=100, help="number of games (default 100, at most 1,000,000)")
    simulate.add_argument("--seed", type=int, default=0, help="seed of the run (default 0)")
    simulate.add_argument("--turns", type=int, default=None, metavar="N",
        help="play games of N turns: from 3 to the scenario's turns, or a length it offers")  # fmt: skip
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

    reference = sub.add_parser(
        "reference",
        help="work out each side's usual range of final scores and print the score_reference block for the file",
        description="Play GAMES games with the same computer players on every side and print each side's usual "
        "range of final scores (10th, 50th and 90th percentiles) as a score_reference block to paste at the top "
        "level of the scenario file. The end of a game places each side's score against its own range. The result "
        "is also cached for this computer.",
    )
    reference.add_argument("path", type=Path, metavar="PATH", nargs="?", default=None,
                           help="scenario file (default: Cambodia-US)")  # fmt: skip
    reference.add_argument("--games", type=int, default=None, metavar="N",
                           help="games to play (default 40; more games, steadier ranges)")  # fmt: skip
    reference.add_argument(
        "--policy",
        default=None,
        metavar="NAME",
        help="who plays every side: a computer level (beginner, standard, strong) or a policy (default: strong; "
        "about half a second a game for the default scenario, some 20 s in all)",
    )
    reference.add_argument("--budget", type=int, default=None, metavar="N",
                           help="iterations per decision of the lookahead policy (default: its level's)")  # fmt: skip
    reference.add_argument("--jobs", type=int, default=1, metavar="N",
                           help="play the games in N processes at once (same result, sooner)")  # fmt: skip
    reference.add_argument("--turns", type=int, default=None, metavar="N",
        help="measure games of N turns (with --write: stored in the entry of that length)")  # fmt: skip
    reference.add_argument("--write", action="store_true",
                           help="write the block into the scenario file (replacing its score_reference)")  # fmt: skip

    host = sub.add_parser("host", help="serve the class: students play from browsers, the teacher runs a dashboard")
    host.add_argument("--port", type=int, default=8000, help="the port to listen on (default 8000)")
    host.add_argument("--bind", default="0.0.0.0", metavar="ADDRESS",
                      help="the address to listen on (default: every address of this machine)")  # fmt: skip
    host.add_argument("--scenario", type=Path, default=None, help="scenario of new tables (default: Cambodia-US)")
    host.add_argument("--turns", type=int, default=None, metavar="N", help="new tables play a shorter game of N turns")
    host.add_argument("--new", action="store_true", help="put the last class aside and start a new room")
    host.add_argument("--lang", default=None, metavar="CODE", help=LANG_HELP)

    bench = sub.add_parser("bench", help="measure the speed of the engine, the loader and the class server")
    bench.add_argument("--json", action="store_true", help="print one JSON object")
    bench.add_argument("--quick", action="store_true", help="shorter measurements (less precise)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    from game.content.controls import terminal_safe

    # Scenario and save text is printed below (titles, labels, problems): nothing of it may act on the terminal.
    out, err = terminal_safe(sys.stdout), terminal_safe(sys.stderr)
    try:
        if args.command is None:
            args = parser.parse_args(["play"])
        chosen_lang = getattr(args, "lang", None)  # the room keeps a language given on the command line
        if args.command in LANGUAGE_COMMANDS:
            args.lang = use_language(args.lang, remember=args.command in ("play", "text"), err=err)
        if args.command == "text":
            return _text(args, out)
        if args.command == "replay":
            from game.text.replay import run_replay

            return run_replay(args.save, out, err)
        if args.command == "report":
            from game.reports.report_cli import run_report

            return run_report(args.saves, args.out, out, err)
        if args.command == "play":
            return _play(args)
        if args.command == "validate":
            return _validate(args.paths, out, strict=args.strict, lang=translation_language(args.lang))
        if args.command == "schema":
            return _schema(sys.stdout)
        if args.command == "new":
            from game.new_scenario import NewRequest, run_new

            return run_new(NewRequest(args.file, args.roles, args.force, args.schema_copy), out, err)
        if args.command == "notes":
            return _notes(args.path, out, args.lang)
        if args.command == "handouts":
            from game.reports.cli import run_handouts

            sheets = load(args.path)
            _say_language(sheets, args.lang)
            return run_handouts(sheets, args.out, args.lang, out, err)
        if args.command == "simulate":
            return _simulate(args, out)
        if args.command == "reference":
            return _reference(args, out, err)
        if args.command == "host":
            from game.server.host import run_host

            of_turns(load(args.scenario), args.turns)  # a bad scenario or length: a clear message, nothing started
            scenario = args.scenario or DEFAULT_SCENARIO
            return run_host(scenario, args.turns, args.bind, args.port, out, err, new=args.new, lang=chosen_lang)
        if args.command == "bench":
            from game.bench import run_bench

            return run_bench(json_output=args.json, quick=args.quick, out=sys.stdout)
    except UsageError as exc:
        print(tr("common-ground: error: {problem}", problem=exc), file=err)
        return EXIT_USAGE
    except ScenarioError as exc:
        print(exc, file=err)
        return EXIT_INVALID
    except KeyboardInterrupt:
        print("", file=err)
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): stop quietly, and keep Python from complaining at exit.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    parser.error(f"unknown command {args.command!r}")
    return EXIT_USAGE  # pragma: no cover - parser.error exits


#: The commands whose output is for players, teachers and students: they speak the chosen language (the modder's
#: tools, validate, simulate, new and the rest, speak English).
LANGUAGE_COMMANDS = ("play", "text", "report", "handouts", "host", "notes", "replay")


def use_language(chosen: str | None, *, remember: bool, err: TextIO) -> str:
    """Make the language of ``--lang`` (else the one in Settings, else English) the interface's, and return it.

    With ``remember`` a language given on the command line is kept in Settings for the next start. A language the
    interface has no translation for is said once, on ``err``; a code that is no language code is a usage error.
    """
    from game.i18n import has_interface, language_name, set_language, tr
    from game.settings import load_settings, save_settings
    from game.storage import StorageError

    settings = load_settings()
    if chosen is not None:
        try:
            remembered = settings.with_(language=chosen)
        except ValueError:
            raise UsageError(f"--lang expects a language code such as km or en, got {chosen!r}") from None
        if remember and remembered != settings:
            with contextlib.suppress(StorageError):  # the language is used all the same; it is only not remembered
                save_settings(remembered)
    lang = chosen or settings.language or "en"
    set_language(lang)
    if not has_interface(lang):
        note = tr("no {language} translation of the interface; showing English", language=language_name(lang))
        print(tr("common-ground: note: {note}", note=note), file=err)
    return lang


def load(path: Path | None) -> Scenario:
    """Load a scenario file (the default one when ``path`` is None); raises ScenarioError."""
    from game.content.loader import load_scenario

    name = path if path is not None else DEFAULT_SCENARIO
    warnings: list[Problem] = []
    scenario = load_scenario(name, warnings=warnings)
    if warnings:
        said = tr_n(
            "{file}: {n} warning: it plays as they say (python main.py validate {file} lists them)",
            "{file}: {n} warnings: it plays as they say (python main.py validate {file} lists them)",
            len(warnings),
            file=name,
        )
        print(said, file=sys.stderr)
    return scenario


def of_turns(scenario: Scenario, turns: int | None) -> Scenario:
    """The scenario of a game of ``turns`` turns (the full game when None); a usage error for a length it cannot be
    played at."""
    from game.engine import LengthError, of_length

    if turns is None:
        return scenario
    try:
        return of_length(scenario, turns)
    except LengthError as exc:
        raise UsageError(f"--turns: {exc}") from None


def check_role(scenario: Scenario, role: str | None) -> None:
    """Raise a usage error when ``role`` is given and the scenario has no such role."""
    if role is not None and role not in {r.id for r in scenario.roles}:
        known = ", ".join(r.id for r in scenario.roles)
        raise UsageError(tr("unknown role {role}; this scenario has: {known}", role=repr(role), known=known))


def _text(args: argparse.Namespace, out: TextIO) -> int:
    import random

    from game.persistence import autosave_match, load_match
    from game.saves import SaveError, latest_save
    from game.table import SeatError, parse_seat
    from game.text.play import run

    save = autosave_match if args.save else None
    check_watch(args)
    if args.resume:
        given = (args.role, args.scenario, args.seed, args.turns)
        if args.seat or args.tutorial or any(value is not None for value in given):
            raise UsageError(
                tr(
                    "--continue takes the saved game as it is: leave out --seat, --role, --scenario, --seed, --turns, "
                    "--tutorial"
                )
            )
        info = latest_save()
        if info is None:
            raise UsageError(tr("there is no saved game to continue yet"))
        try:
            match = load_match(info.path)
        except SaveError as exc:
            raise UsageError(
                tr("the latest save ({file}) cannot be continued: {problem}", file=info.path.name, problem=exc)
            ) from None
        return run(match.scenario, role=None, seed=match.seed, stdin=sys.stdin, stdout=out,
                   lang=match.game.lang, match=match, save=save,
                   full_review=getattr(args, "full_review", False))  # fmt: skip
    scenario_path = getattr(args, "scenario", None) or DEFAULT_SCENARIO
    if getattr(args, "tutorial", False):
        if args.scenario is not None:
            raise UsageError(tr("--tutorial plays the shipped tutorial: leave out --scenario"))
        scenario_path = TUTORIAL_SCENARIO
    scenario = of_turns(load(scenario_path), getattr(args, "turns", None))
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
    _say_language(scenario, getattr(args, "lang", None) or "en")
    return run(scenario, role=role, seed=seed, stdin=sys.stdin, stdout=out, lang=getattr(args, "lang", None) or "en",
               seats=seats, scenario_path=str(scenario_path), save=save,
               full_review=getattr(args, "full_review", False),
               watch=str(scenario_path) if getattr(args, "watch", False) else None,
               turns=getattr(args, "turns", None))  # fmt: skip


def check_roles(scenario: Scenario, seats: Mapping[str, object]) -> None:
    """Raise a usage error when a seat names a role the scenario lacks."""
    for role in seats:
        check_role(scenario, role)


def _play(args: argparse.Namespace) -> int:
    from game.ui.main import run_play

    if args.scale is not None and not 1.0 <= args.scale <= 2.0:
        raise UsageError(f"--scale must be between 1.0 and 2.0, got {args.scale}")
    if args.frames is not None and args.frames < 1:
        raise UsageError(f"--frames must be at least 1, got {args.frames}")
    if args.screenshot is not None:
        check_screenshot(args.screenshot)
    size = None
    if args.size is not None:
        width, sep, height = args.size.lower().partition("x")
        if not sep or not width.isdigit() or not height.isdigit():
            raise UsageError(f"--size expects WIDTHxHEIGHT, e.g. 1280x720, got {args.size!r}")
        size = (int(width), int(height))
    pin = check_pin(args.pin, starts=args.scenario is not None or bool(args.seat) or args.autoplay)
    check_watch(args)
    seats = None
    if args.role is not None or args.scenario is not None or args.seat or args.turns is not None or args.public:
        scenario = of_turns(load(args.scenario), args.turns)
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
        scenario_path=args.scenario if args.scenario is not None or args.autoplay or args.role or args.public else None,
        turns=args.turns,
        role=args.role,
        seed=args.seed,
        scale=args.scale,
        autoplay=args.autoplay,
        frames=args.frames,
        screenshot=args.screenshot,
        size=size,
        pin=pin,
        public=args.public,
        watch=args.watch,
    )


def check_watch(args: argparse.Namespace) -> None:
    """A usage error when ``--watch`` has no scenario file to follow."""
    if not getattr(args, "watch", False):
        return
    if getattr(args, "resume", False) or getattr(args, "tutorial", False):
        raise UsageError("--watch follows a scenario file you edit: give it with --scenario (not --continue or "
                         "--tutorial)")  # fmt: skip
    if args.scenario is None:
        raise UsageError("--watch follows a scenario file as you edit it: give the file with --scenario FILE")


def check_pin(pin: str | None, *, starts: bool) -> str:
    """The teacher's PIN of ``--pin`` (``""``: none); a usage error when it is not 4 to 8 digits or no game starts
    from the command line (the New game screen has its own PIN field)."""
    if pin is None:
        return ""
    if not (pin.isdigit() and 4 <= len(pin) <= 8):
        raise UsageError(tr("--pin expects 4 to 8 digits, got {pin}", pin=repr(pin)))
    if not starts:
        raise UsageError(
            tr("--pin guards a game started here: add --scenario or --seat (or type the PIN on the New game screen)")
        )
    return pin


def check_screenshot(path: Path) -> None:
    """Raise a usage error when ``--screenshot`` names something that cannot become a PNG file (checked before the
    game starts, so that a run is not lost to a typo at its end)."""
    try:
        if path.is_dir():
            raise UsageError(
                f"--screenshot expects the name of a PNG file, but {path} is a folder (try {path / 'shot.png'})"
            )
        for parent in path.parents:
            if parent.exists():
                if not parent.is_dir():
                    raise UsageError(f"--screenshot: {parent} is not a folder, so {path} cannot be written")
                break
    except OSError:  # a folder that cannot be looked into: saving the screenshot will say so
        return


def _validate(paths: Sequence[Path], out: TextIO, *, strict: bool = False, lang: str | None = None) -> int:
    from game.content.loader import load_scenario
    from game.content.lookahead import look_ahead_file

    status = EXIT_OK
    for path in paths:
        warnings: list[Problem] = []
        try:
            scenario = load_scenario(path, warnings=warnings)
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
        warnings += look_ahead_file(path, scenario)  # rules the scenario can never use, found without playing
        for warning in warnings:  # the file plays, changed as each warning says
            print(warning.format(), file=out)
        if strict and warnings:
            status = EXIT_INVALID
        if lang is not None and not _untranslated(path, lang, out) and strict:
            status = EXIT_INVALID
        own = len(scenario.indicators) - len(scenario.trust_names())  # without the trust indicators the loader made
        parts = [(own, "indicator"), (len(scenario.roles), "role"), (len(scenario.actions), "action"),
                 (len(scenario.events), "event"), (len(scenario.endings), "ending")]  # fmt: skip
        counts = ", ".join(plural(count, word) for count, word in parts)
        print(f"{path}: ok ({localize(scenario.title)}: {counts})", file=out)
    return status


def translation_language(code: str | None) -> str | None:
    """The language code of ``validate --lang`` (None without it); a usage error when it is no language code."""
    import re

    from game.content.models import LANG_PATTERN

    if code is None or re.fullmatch(LANG_PATTERN, code):
        return code
    raise UsageError(f"--lang expects a language code such as km or fr, got {code!r}")


def _untranslated(path: Path, lang: str, out: TextIO) -> bool:
    """Print each text of the (loadable) file at ``path`` that has no version in ``lang``, then a count line;
    whether every text has one."""
    from game.content.translations import untranslated
    from game.content.yamlsafe import load_yaml_file
    from game.i18n import language_name

    name = language_name(lang)
    report = untranslated(load_yaml_file(path), str(path), lang, name=name)
    for problem in report.missing:
        print(problem.format(), file=out)
    if report.complete:
        print(f"{path}: every text has a {name} version ({plural(report.total, 'text')})", file=out)
    else:
        missing = len(report.missing)
        print(f"{path}: {missing} of {plural(report.total, 'text')} {'has' if missing == 1 else 'have'} no {name} "
              "version", file=out)  # fmt: skip
    return report.complete


def _notes(path: Path | None, out: TextIO, lang: str = "en") -> int:
    from game.present.notes import teacher_notes
    from game.text.console import wrap

    scenario = load(path)
    _say_language(scenario, lang)
    for line in teacher_notes(scenario, lang):
        indent = "  " if line.startswith("- ") else ""
        print("\n".join(wrap(line, 100, hanging=indent)) if line else "", file=out)
    return EXIT_OK


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
    from game.table.simulate import MAX_GAMES, simulate

    if args.games < 1:
        raise UsageError(f"--games must be at least 1, got {args.games}")
    if args.games > MAX_GAMES:
        raise UsageError(f"--games must be at most {MAX_GAMES:,} (one run of that many takes days), got {args.games:,}")
    if args.budget is not None and args.budget < 1:
        raise UsageError(f"--budget must be at least 1, got {args.budget}")
    if args.jobs < 1:
        raise UsageError(f"--jobs must be at least 1, got {args.jobs}")
    scenario = of_turns(load(args.path), args.turns)
    policies = parse_policies(args.policy, scenario)
    result = simulate(
        scenario, args.games, args.seed, policies, args.budget, negotiate=args.negotiate, balance=args.balance,
        jobs=args.jobs,
    )  # fmt: skip
    from game.table.reference import find_reference

    found = find_reference(scenario, reference_cache())
    from game.content.rule_places import rule_places

    places = rule_places(args.path if args.path is not None else DEFAULT_SCENARIO)
    if args.json:
        data = result.to_dict()
        for failure in data["rule_failures"]:
            failure["where"] = places.where(failure["rule"], failure["message"])
        if found is not None:
            data["score_reference"] = _reference_json(scenario, result, found.reference)
        json.dump(data, out, indent=2)
        out.write("\n")
        return EXIT_OK
    _print_simulation(scenario, result, out, found)
    from game.present.balance import diagnostics_lines

    counts = (result.endings, result.actions, result.turns)
    for line in diagnostics_lines(scenario, result.diagnostics, counts, localize, places.where):
        print(line, file=out)
    return EXIT_OK


def reference_cache() -> ReferenceCache:
    """The cache of score references in the user's data folder (``cache/``), written atomically."""
    from game.storage import data_dir, read_json, write_json_atomic
    from game.table.reference import ReferenceCache

    return ReferenceCache(lambda: data_dir() / "cache", read_json, write_json_atomic)


def _reference_json(scenario: Scenario, result: SimulationResult, reference: ScoreReference) -> dict[str, object]:
    """``simulate --json``'s ``score_reference``: the reference, and where each role's mean score falls in it."""
    from game.table.reference import placement, reference_to_json

    data: dict[str, object] = reference_to_json(reference)
    data["mean_score_placement"] = {
        role.id: placement(result.mean_score(role.id), reference.roles[role.id]).value
        for role in scenario.roles if role.id in reference.roles
    }  # fmt: skip
    return data


def _print_simulation(scenario: Scenario, result: SimulationResult, out: TextIO, found: Found | None = None) -> None:
    import textwrap

    from game.present.reference import NOT_COMPARED, how_measured, short_verdict, span_note

    budget = ""
    if len(set(result.budgets.values())) == 1:
        budget = f", budget {next(iter(result.budgets.values()))} per decision"
    elif result.budgets:
        budget = ", budget per decision: " + ", ".join(f"{role} {n}" for role, n in result.budgets.items())
    print(f"{localize(scenario.title)}: {result.games} games, seed {result.seed}{budget}", file=out)
    print(f"{result.turns} turns in {result.seconds:.2f} s ({result.turns_per_second:,.0f} turns/s)", file=out)
    print("\nEndings", file=out)
    for ending in scenario.endings:
        count = result.endings.get(ending.id, 0)
        share = 100.0 * count / result.games
        print(f"  {localize(ending.title):<32} {count:>7}  {share:5.1f}%", file=out)
    print("\nRoles" + (" (each mean score against its own side's usual range)" if found is not None else ""),
          file=out)  # fmt: skip
    for role_id, policy in result.policies.items():
        name = localize(scenario.role(role_id).name)
        mean = result.mean_score(role_id)
        line = f"  {name:<32} {policy:<10} mean score {mean:7.2f}"
        if found is not None:
            bounds = found.reference.roles.get(role_id)
            verdict = short_verdict(mean, bounds) or "no usual range known"
            line += f"  {verdict}" + (f" ({span_note(bounds)})" if bounds else "")
        print(line, file=out)
    if found is not None:
        for text in (NOT_COMPARED, how_measured(found)):
            print(textwrap.fill(text, 110, initial_indent="  ", subsequent_indent="  "), file=out)
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


# ----------------------------------------------------------------------------------------------- reference
def _reference(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``reference``: compute each side's usual range, print the block (and with ``--write`` put it in the file)."""
    import time

    from game.present.reference import players
    from game.table import LEVELS
    from game.table.reference import DEFAULT_GAMES, DEFAULT_POLICY, compute_reference

    games = DEFAULT_GAMES if args.games is None else args.games
    if games < 1:
        raise UsageError(f"--games must be at least 1, got {games}")
    if args.budget is not None and args.budget < 1:
        raise UsageError(f"--budget must be at least 1, got {args.budget}")
    if args.jobs < 1:
        raise UsageError(f"--jobs must be at least 1, got {args.jobs}")
    policy = (args.policy or DEFAULT_POLICY).strip().lower()
    from game.ai import POLICIES

    if policy not in LEVELS and policy not in POLICIES:
        raise UsageError(f"--policy: unknown policy {policy!r}; levels: {', '.join(LEVELS)}; policies: "
                         f"{', '.join(sorted(POLICIES))}")  # fmt: skip
    path = args.path if args.path is not None else DEFAULT_SCENARIO
    full = load(path)
    scenario = of_turns(full, args.turns)
    if args.write and scenario is not full:
        raise UsageError("--write stores only the full game's reference; paste the block printed for --turns into "
                         f"the entry of 'lengths' with turns: {args.turns}, indented under it")  # fmt: skip
    if args.write:
        _check_writable(path)
    stored = scenario.score_reference
    if stored is not None:
        print(f"{path} already stores a score_reference ({stored.policy}, {stored.games} games); "
              f"{'--write replaces it' if args.write else 'the block below would replace it'}.", file=err)  # fmt: skip
    started = time.perf_counter()
    print(f"Playing {games} games with {players(_probe(policy, games))} on every side of "
          f"{localize(scenario.title)}...", file=err, flush=True)  # fmt: skip
    reference = compute_reference(scenario, games, policy, budget=args.budget, jobs=args.jobs,
                                  progress=_progress(games, started, err))  # fmt: skip
    seconds = time.perf_counter() - started
    if err.isatty():
        err.write("\n")
    print(f"Done in {seconds:.1f} s ({seconds / games:.2f} s a game).", file=err)
    block = reference_block(reference)
    out.write(block)
    out.flush()
    cached = reference_cache().save(scenario, reference)
    if cached is not None:
        print(f"Cached for this computer in {cached}.", file=err)
    if args.write:
        _write_reference(path, block, reference)
        print(f"Wrote the score_reference block into {path}.", file=err)
    elif args.turns is not None:
        print(f"Paste the block into the entry of 'lengths' with turns: {args.turns} in {path}, indented under it.",
              file=err)  # fmt: skip
    else:
        print(f"Paste the block at the top level of {path} (or run again with --write).", file=err)
    return EXIT_OK


def _probe(policy: str, games: int) -> ScoreReference:
    """A reference-shaped stand-in, to name who plays before any game is played."""
    return ScoreReference(policy, games, {})


def _progress(games: int, started: float, err: TextIO) -> Callable[[int], None] | None:
    """Progress on a terminal: games done and the time so far (nothing when stderr is not a terminal)."""
    import time

    if not err.isatty():
        return None
    err = getattr(err, "raw", err)  # the carriage return that rewrites the line is this line's own

    def report(done: int) -> None:
        elapsed = time.perf_counter() - started
        left = elapsed / done * (games - done)
        err.write(f"\r  {done}/{games} games, {elapsed:.0f} s so far, about {left:.0f} s to go   ")
        err.flush()

    return report


def reference_block(reference: ScoreReference) -> str:
    """The ``score_reference`` block as YAML, with a comment that says how it was made."""
    from game.present.reference import players
    from game.table.reference import SEED, VERSION

    def number(value: float) -> str:
        return f"{value + 0.0:.1f}"

    lines = [
        f"# Each side's usual range of final scores: {players(reference)} on every side, {reference.games} games",
        f"# (seed {SEED}), from `python main.py reference` (version {VERSION}). Work it out again after changing "
        "the rules.",
        "score_reference:",
        f"  policy: {reference.policy}",
        f"  games: {reference.games}",
    ]
    if reference.budget is not None:
        lines.append(f"  budget: {reference.budget}")
    lines.append("  roles:")
    for role, bounds in reference.roles.items():
        lines.append(f"    {role}: {{low: {number(bounds.low)}, typical: {number(bounds.typical)}, "
                     f"high: {number(bounds.high)}}}")  # fmt: skip
    return "\n".join(lines) + "\n"


def with_reference_block(text: str, block: str) -> str:
    """The scenario file's ``text`` with its top-level ``score_reference`` block (and the comment lines just above
    it) replaced by ``block``, or ``block`` appended after a blank line when it has none. Line endings follow the
    file's."""
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.splitlines()
    new = block.rstrip("\n").split("\n")
    start = next((i for i, line in enumerate(lines) if line.startswith("score_reference:")), None)
    if start is None:
        while lines and not lines[-1].strip():
            lines.pop()
        lines += ["", *new]
    else:
        end = start + 1
        while end < len(lines) and (not lines[end].strip() or lines[end][0] in " \t"):
            end += 1
        while end > start + 1 and not lines[end - 1].strip():
            end -= 1  # blank lines after the block stay
        first = start
        while first > 0 and lines[first - 1].startswith("#"):
            first -= 1
        lines[first:end] = new
    return newline.join(lines) + newline


def _check_writable(path: Path) -> None:
    import os

    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise UsageError(f"cannot write {path}: the file or its folder is read-only (leave out --write and paste "
                         "the block yourself)")  # fmt: skip


def _write_reference(path: Path, block: str, reference: ScoreReference) -> None:
    """Put ``block`` into the scenario file, atomically, once the new text has loaded back with this very
    reference; raises UsageError (the file untouched) otherwise."""
    import contextlib
    import os
    import stat
    import tempfile

    from game.content.loader import load_scenario_text

    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError(f"cannot write {path}: it is not UTF-8 text") from None
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    new_text = bom + with_reference_block(text.removeprefix(bom), block)
    payload = new_text.encode("utf-8")
    try:
        check = load_scenario_text(payload, str(path))
    except ScenarioError as exc:
        raise UsageError(f"the file would not load with the block in it, so it was left as it was:\n{exc}") from None
    if check.score_reference != reference:
        raise UsageError(f"the block did not read back as written, so {path} was left as it was; paste it yourself")
    tmp_name: str | None = None
    try:
        fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, stat.S_IMODE(os.stat(path).st_mode))
        os.replace(tmp_name, path)
        tmp_name = None
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)


def _say_language(scenario: Scenario, lang: str) -> None:
    """Say once, on stderr, that the scenario has no text in ``lang`` (the game goes on in English)."""
    from game.content.languages import language_notice

    notice = language_notice(scenario, lang)
    if notice is not None:
        print(tr("common-ground: note: {note}", note=notice), file=sys.stderr)
