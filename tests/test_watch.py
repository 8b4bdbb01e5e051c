"""``--watch``: a game follows its scenario file as it is edited. The match log is replayed on the new version to
the current turn; a file with errors is reported with its positions while the old version plays on; a log the new
version cannot replay says at which turn, and the game may restart on the new version."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from game.cli import main
from game.content.loader import load_scenario
from game.engine import Commit
from game.table import PERSON, Done, Match
from game.table.reload import Reloaded, ReplayFailed, reload_match, restart
from game.text.play import run
from game.watch import FileBroken, FileWatcher, reload_from_file

FIXTURES = Path(__file__).resolve().parent / "fixtures"
TINY = (FIXTURES / "tiny.yaml").read_text(encoding="utf-8")
#: The edit of the tests: alpha's "Build x" adds 20 instead of 10.
STRONGER = TINY.replace("      - x += 10\n", "      - x += 20\n", 1)
#: An edit that removes the action alpha took in turn 1 (it is renamed).
RENAMED = TINY.replace("  - id: alpha_build", "  - id: alpha_grow")
#: An edit with an error: an effect on an indicator that does not exist.
BROKEN = TINY.replace("      - x += 10\n", "      - z += 10\n", 1)


def write(path: Path, text: str) -> Path:
    """Write ``text`` and make sure the file's stamp moves on (some file systems keep whole seconds)."""
    before = path.stat().st_mtime_ns if path.exists() else 0
    path.write_text(text, encoding="utf-8")
    if path.stat().st_mtime_ns == before:
        os.utime(path, ns=(before + 1_000_000_000, before + 1_000_000_000))
    return path


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    return write(tmp_path / "tiny.yaml", TINY)


def played_a_turn(path: Path) -> Match:
    """A match of ``path`` where alpha (a person) built x in turn 1: it waits for alpha's part of turn 2."""
    match = Match.start(load_scenario(path), {"alpha": PERSON}, 5, scenario_path=str(path))
    match.apply("alpha", Commit("alpha", "alpha_build"))
    match.apply("alpha", Done("alpha"))
    return match


def test_a_reload_keeps_the_turn_and_the_history_and_follows_the_new_rules(tiny: Path) -> None:
    match = played_a_turn(tiny)
    outcome = reload_from_file(write(tiny, STRONGER), match)
    assert isinstance(outcome, Reloaded)
    new = outcome.match
    assert (new.game.turn, new.game.phase) == (match.game.turn, match.game.phase) == (2, match.game.phase)
    assert list(new.log) == list(match.log)
    assert [r.turn for r in new.reports] == [r.turn for r in match.reports] == [1]
    built = [c for c in new.game.changes_in_turn(1) if c.cause_id == "alpha_build"]
    assert [c.after - c.before for c in built] == [20]
    assert new.game.state.values["x"] == match.game.state.values["x"] + 10
    assert new.decision() == match.decision()
    assert new.scenario.fingerprint != match.scenario.fingerprint


def test_a_broken_edit_is_reported_with_file_line_col_and_the_old_game_goes_on(tiny: Path) -> None:
    match = played_a_turn(tiny)
    before = match.to_dict()
    outcome = reload_from_file(write(tiny, BROKEN), match)
    assert isinstance(outcome, FileBroken)
    line = BROKEN.splitlines().index("      - z += 10") + 1
    assert any(text.startswith(f"{tiny}:{line}:") and "error" in text for text in outcome.lines())
    assert match.to_dict() == before
    match.apply("alpha", Done("alpha"))  # the old version plays on
    assert match.game.turn == 3


def test_a_removed_action_stops_the_replay_at_its_turn(tiny: Path) -> None:
    match = played_a_turn(tiny)
    outcome = reload_from_file(write(tiny, RENAMED), match)
    assert isinstance(outcome, ReplayFailed)
    assert outcome.turn == 1
    assert "alpha_build" in outcome.reason and "turn 1" in outcome.message()
    fresh = restart(match, outcome.scenario)
    assert fresh.game.turn == 1 and fresh.seats == match.seats and fresh.seed == match.seed


def test_a_role_gone_from_the_file_cannot_be_replayed(tiny: Path) -> None:
    match = played_a_turn(tiny)
    renamed = load_scenario(write(tiny, TINY.replace("beta", "gamma")))
    outcome = reload_match(match, renamed)
    assert isinstance(outcome, ReplayFailed) and outcome.turn == 1 and "'beta' is gone" in outcome.reason


def test_a_shorter_game_is_reloaded_at_its_length(tmp_path: Path) -> None:
    path = write(tmp_path / "long.yaml", TINY.replace("turns: 3", "turns: 6"))
    from game.engine import of_length

    match = Match.start(of_length(load_scenario(path), 4), {"alpha": PERSON}, 5, scenario_path=str(path))
    match.apply("alpha", Done("alpha"))
    outcome = reload_from_file(write(path, STRONGER.replace("turns: 3", "turns: 6")), match, turns=4)
    assert isinstance(outcome, Reloaded) and outcome.match.scenario.turns == 4


def test_the_watcher_sees_a_change_once_and_polls_at_most_twice_a_second(tiny: Path) -> None:
    now = [0.0]
    watcher = FileWatcher(tiny, clock=lambda: now[0])
    assert not watcher.changed()
    write(tiny, STRONGER)
    assert not watcher.poll()  # too soon after the last look
    now[0] = 0.6
    assert watcher.poll()
    now[0] = 1.2
    assert not watcher.poll()  # seen already
    tiny.unlink()
    assert watcher.changed()  # gone is a change too
    write(tiny, TINY)
    assert watcher.changed()


class EditingInput(io.StringIO):
    """Standard input that writes a new version of the scenario file just before it hands over answer ``at``."""

    def __init__(self, answers: list[str], path: Path, edits: dict[int, str]) -> None:
        super().__init__()
        self.answers = list(answers)
        self.path = path
        self.edits = edits
        self.read = 0

    def readline(self, size: int | None = -1) -> str:
        if self.read in self.edits:
            write(self.path, self.edits[self.read])
        self.read += 1
        return self.answers.pop(0) + "\n" if self.answers else ""


def play_text(path: Path, answers: list[str], edits: dict[int, str]) -> str:
    out = io.StringIO()
    stdin = EditingInput(answers, path, edits)
    status = run(load_scenario(path), role="alpha", seed=3, stdin=stdin, stdout=out, scenario_path=str(path),
                 watch=str(path))  # fmt: skip
    assert status == 0
    return out.getvalue()


def test_the_terminal_picks_up_an_edit_between_two_prompts(tiny: Path) -> None:
    # Turn 1: build x, end the turn; at the review's prompt the file is saved with the stronger action.
    out = play_text(tiny, ["1", "e", "", "1", "e", ""], {2: STRONGER})
    head, sep, tail = out.partition("was saved again: the game is replayed on the new version")
    assert sep and "Turn 2 of 3" in tail.split("\n\n")[0]
    assert "1. Build x (cost 1): X +10" in head
    assert "1. Build x (cost 1): X +20" in tail
    assert "+20: Build x (action by Alpha)" in tail  # turn 2 is played on the new version


def test_the_terminal_shows_a_broken_edit_before_the_next_prompt_and_plays_on(tiny: Path) -> None:
    out = play_text(tiny, ["1", "e", "", "1", "e", ""], {2: BROKEN})
    line = BROKEN.splitlines().index("      - z += 10") + 1
    assert "was saved with errors; the game goes on with the version loaded before:" in out
    assert f"  {tiny}:{line}:" in out
    after = out.partition("saved with errors")[2]
    assert "Committed: Build x." in after and "1. Build x (cost 1): X +10" in after
    assert "Turn 3 of 3" in after  # the old version played on


def test_the_terminal_says_where_the_replay_stops_and_restarts_on_yes(tiny: Path) -> None:
    out = play_text(tiny, ["1", "e", "", "y", "e", ""], {2: RENAMED})
    assert "cannot replay this game past turn 1" in out
    assert "Restart the game on the new version?" in out
    assert "A new game of the edited scenario starts, Turn 1 of 3" in out


def test_the_terminal_keeps_the_old_version_on_no(tiny: Path) -> None:
    out = play_text(tiny, ["1", "e", "", "n", "1", "e", ""], {2: RENAMED})
    assert "The game goes on with the version loaded before." in out
    assert "Committed: Build x." in out.partition("loaded before.")[2]


def test_watch_needs_a_scenario_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["text", "--watch", "--no-save"]) == 2
    assert "--watch follows a scenario file" in capsys.readouterr().err
    assert main(["play", "--watch"]) == 2


def test_text_watch_on_the_command_line_replays_the_game_on_the_edited_file(
    tiny: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sys

    monkeypatch.setattr(sys, "stdin", EditingInput(["1", "e", "", "e", ""], tiny, {2: STRONGER}))
    args = ["text", "--scenario", str(tiny), "--watch", "--role", "alpha", "--seed", "3", "--no-save"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "was saved again: the game is replayed on the new version" in out
    assert "1. Build x (cost 1): X +20" in out
