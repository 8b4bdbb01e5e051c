"""The typed scenario the engine plays: plain frozen values built by ``game.content``.

Every player-visible text is a :data:`Text`: a mapping from language code to string.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from game.engine.expr import Expr
from game.engine.lesson import Lesson
from game.engine.tutorial import Tutorial

Text = Mapping[str, str]


def localize(text: Text, lang: str = "en") -> str:
    """Pick ``lang`` from a text, falling back to English and then to any language."""
    if lang in text:
        return text[lang]
    if "en" in text:
        return text["en"]
    return next(iter(text.values()), "")


class Op(enum.Enum):
    """How an effect changes its indicator."""

    ADD = "+="
    SUB = "-="
    SET = "="


@dataclass(frozen=True, slots=True)
class Source:
    """A reference that backs claims made in the scenario."""

    id: str
    title: str
    publisher: str = ""
    url: str = ""
    date: str = ""
    note: Text = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Indicator:
    """A named number with a range. ``good`` says which direction is good news: high, low or neutral. A ``hidden``
    indicator is a flag the story keeps for its conditions (a law passed, a deal done): never shown to players.
    ``trust_of``: the two roles (sorted ids) whose trust this indicator is, when the loader made it because the
    scenario's negotiation names no trust indicator (see :func:`trust_indicators`); such an indicator is shown with
    the negotiation, not among the scenario's own indicators."""

    id: str
    label: Text
    description: Text
    min: float
    max: float
    initial: float
    good: str = "high"
    sources: tuple[str, ...] = ()
    hidden: bool = False
    trust_of: tuple[str, str] | None = None


@dataclass(frozen=True, slots=True)
class Effect:
    """``indicator op value``, applied after ``delay`` turns and spread over ``duration`` turns."""

    indicator: str
    op: Op
    value: Expr
    delay: int = 0
    duration: int = 1


@dataclass(frozen=True, slots=True)
class Family:
    """A strategy family that groups actions (diplomacy, economy, rights, ...)."""

    id: str
    label: Text
    description: Text = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Role:
    """A side. ``objectives`` and ``score`` are private to the role."""

    id: str
    name: Text
    brief: Text
    objectives: Text
    score: Expr
    capital: int
    capital_max: int
    personality: Mapping[str, float] = field(default_factory=dict)
    color: str = ""


@dataclass(frozen=True, slots=True)
class Action:
    """Something a role can do in the action phase."""

    id: str
    role: str
    family: str
    label: Text
    description: Text
    cost: int
    effects: tuple[Effect, ...]
    cooldown: int = 0
    condition: Expr | None = None
    target: str | None = None
    sources: tuple[str, ...] = ()
    #: A note saying that the cause and effect this action models is disputed, and by whom (``None``: not marked).
    contested: Text | None = None
    #: What the condition asks, in plain words, shown instead of the expression while it fails (``None``: none).
    condition_reason: Text | None = None


@dataclass(frozen=True, slots=True)
class Choice:
    """One answer the affected role may give to an event. ``opens``: negotiation items it puts on the table;
    ``contested``: a note saying that the cause and effect it models is disputed, and by whom."""

    id: str
    label: Text
    description: Text
    effects: tuple[Effect, ...] = ()
    opens: tuple[str, ...] = ()
    contested: Text | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """News that happens to the players.

    Scripted events fire at ``at_turn`` (when their condition holds); the others are drawn at random,
    by ``weight``, among those whose window, condition, cooldown and once-only rule allow them. ``opens``: negotiation
    items its firing puts on the table.
    """

    id: str
    title: Text
    text: Text
    effects: tuple[Effect, ...] = ()
    choices: tuple[Choice, ...] = ()
    role: str | None = None
    condition: Expr | None = None
    first_turn: int = 1
    last_turn: int | None = None
    at_turn: int | None = None
    weight: float = 1.0
    cooldown: int = 0
    once: bool = False
    sources: tuple[str, ...] = ()
    opens: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Dynamic:
    """A per-turn rule that couples indicators, applied after the players' effects."""

    id: str
    description: Text
    effects: tuple[Effect, ...]
    condition: Expr | None = None
    contested: Text | None = None


@dataclass(frozen=True, slots=True)
class Ending:
    """A band over the state. Early endings are checked every turn; the others at the last turn, best first."""

    id: str
    title: Text
    text: Text
    condition: Expr | None = None
    early: bool = False


@dataclass(frozen=True, slots=True)
class Calendar:
    """How turns map to dates: turn 1 starts at ``start_year``/``start_month``."""

    start_year: int = 2023
    start_month: int = 1
    months_per_turn: int = 3
    #: The last turn whose events follow the public record; later turns are a plausible future (``None``: not said).
    record_until: int | None = None

    def on_record(self, turn: int) -> bool | None:
        """Whether ``turn`` follows the public record (``None`` when the scenario does not say)."""
        return None if self.record_until is None else turn <= self.record_until

    def label(self, turn: int) -> str:
        """A short date label such as ``Apr 2023`` for a turn (1-based): the month it starts in."""
        return self._month((turn - 1) * self.months_per_turn)

    def end_label(self, turn: int) -> str:
        """The month a turn ends in, such as ``Sep 2023`` for a quarter that starts in July."""
        return self._month(turn * self.months_per_turn - 1)

    def _month(self, offset: int) -> str:
        """``Apr 2023``: the month ``offset`` months after the start."""
        months = (self.start_month - 1) + offset
        name = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")[months % 12]
        return f"{name} {self.start_year + months // 12}"


def trust_pair(first: str, second: str) -> tuple[str, str]:
    """The two role ids of a trust pair in canonical (sorted) order."""
    return (first, second) if first <= second else (second, first)


def trust_name(first: str, second: str) -> str:
    """The name under which expressions read a pair's trust: ``trust_<a>_<b>`` with the role ids sorted."""
    low, high = trust_pair(first, second)
    return f"trust_{low}_{high}"


@dataclass(frozen=True, slots=True)
class Item:
    """Something a role can give in a negotiation; implemented over ``turns`` turns once agreed.

    ``value`` is the item's base worth to each role (roles not listed value it 0); the giver's own value is
    usually negative: its domestic cost.

    The agenda: an item with ``on_table`` false is off the table until an event or a choice that ``opens`` it has
    happened; an item that ``follows`` another is a later form of it, off the table until an agreement on that
    item has been fully implemented, and from then on in its place (the earlier form is off the table for good).
    ``condition`` applies on top of both.
    """

    id: str
    giver: str
    label: Text
    description: Text
    effects: tuple[Effect, ...]
    turns: int = 1
    condition: Expr | None = None
    value: Mapping[str, float] = field(default_factory=dict)
    sources: tuple[str, ...] = ()
    on_table: bool = True
    follows: str | None = None
    contested: Text | None = None
    #: What the condition asks, in plain words, shown instead of the expression while it fails (``None``: none).
    condition_reason: Text | None = None
    #: Meant to be agreed again once implemented (``validate`` does not warn that it can be).
    repeatable: bool = False


@dataclass(frozen=True, slots=True)
class Negotiation:
    """The negotiation rules of a scenario: the items on the table, how trust moves and what breaking costs."""

    items: tuple[Item, ...]
    trust_initial: float = 50.0
    trust_kept: float = 3.0
    trust_broken: float = 15.0
    break_effects: tuple[Effect, ...] = ()
    break_event: str | None = None
    threshold: float = 0.0
    #: With two roles: the scenario indicator that *is* their trust (kept and broken commitments move it, and so
    #: may actions, events and dynamics). ``None``: each pair has an indicator ``trust_<a>_<b>`` that the loader
    #: makes (:func:`trust_indicators`). Either way a pair's trust is an indicator: :meth:`Scenario.trust_indicator_id`.
    trust_indicator: str | None = None
    #: A computer counterpart accepts only when the items alone (what it gets less what it gives) are worth at least
    #: this to it, whatever trust and relations add to its score.
    min_gain: float = 0.5

    def item(self, item_id: str) -> Item:
        """The item with this id (``KeyError`` if there is none)."""
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(item_id)


_TRUST_DESCRIPTION = (
    "How far each side trusts the other to keep its word in negotiations: kept agreements raise it, broken ones cut it."
)


def trust_indicators(roles: Sequence[Role], negotiation: Negotiation | None) -> tuple[Indicator, ...]:
    """The indicators a scenario needs for trust: none without a negotiation or when it names its trust indicator;
    else one per pair of roles, ``trust_<a>_<b>`` (ids sorted), 0..100, starting at ``negotiation.trust_initial``."""
    if negotiation is None or negotiation.trust_indicator is not None:
        return ()
    names = {r.id: localize(r.name) for r in roles}
    ids = sorted(names)
    initial = float(negotiation.trust_initial)
    return tuple(
        Indicator(
            trust_name(a, b),
            {"en": f"Trust between {names[a]} and {names[b]}"},
            {"en": _TRUST_DESCRIPTION},
            0.0,
            100.0,
            initial,
            trust_of=(a, b),
        )
        for i, a in enumerate(ids)
        for b in ids[i + 1 :]
    )


@dataclass(frozen=True, slots=True)
class ScoreRange:
    """Where one role's final score usually falls when computer players play every side: from ``low`` to ``high``
    (the 10th and 90th percentiles of the games), ``typical`` (the median) in between."""

    low: float
    typical: float
    high: float


@dataclass(frozen=True, slots=True)
class ScoreReference:
    """Each role's usual range of final scores, measured with ``policy`` (a computer level such as ``strong``, or a
    policy name) on every side over ``games`` games. A side's score is read against its own range only: the scores
    of different sides are not comparable."""

    policy: str
    games: int
    roles: Mapping[str, ScoreRange]
    budget: int | None = None


@dataclass(frozen=True, slots=True)
class Length:
    """A shorter game a scenario offers: ``turns`` turns, called ``name`` on the new-game screen.

    Each optional part replaces what would otherwise be mapped proportionally from the full game: how many months a
    turn lasts, the last turn that follows the public record, the turn of scripted events (event id -> turn) and the
    windows of random events (event id -> first and last turn). ``score_reference``: each side's usual range of final
    scores measured for games of this length."""

    turns: int
    name: Text
    months_per_turn: int | None = None
    record_until: int | None = None
    at_turn: Mapping[str, int] = field(default_factory=dict)
    windows: Mapping[str, tuple[int, int]] = field(default_factory=dict)
    score_reference: ScoreReference | None = None


@dataclass(frozen=True, slots=True, eq=False)
class Scenario:
    """A whole scenario, cross-references already checked by the loader."""

    id: str
    title: Text
    description: Text
    turns: int
    indicators: tuple[Indicator, ...]
    roles: tuple[Role, ...]
    families: tuple[Family, ...]
    actions: tuple[Action, ...]
    events: tuple[Event, ...] = ()
    dynamics: tuple[Dynamic, ...] = ()
    endings: tuple[Ending, ...] = ()
    sources: tuple[Source, ...] = ()
    calendar: Calendar = field(default_factory=Calendar)
    events_per_turn: int = 1
    quiet_weight: float = 1.0
    fingerprint: str = ""
    negotiation: Negotiation | None = None
    #: Each role's usual range of final scores, when the file stores one (``score_reference``).
    score_reference: ScoreReference | None = None
    #: Material for teachers (the file's ``lesson`` section), when it has one; it never changes how a game plays.
    lesson: Lesson | None = None
    #: The steps of a game that teaches itself (the file's ``tutorial`` section), when it has one.
    tutorial: Tutorial | None = None
    #: The shorter games the scenario offers besides its full one (the file's ``lengths``); see
    #: :func:`game.engine.lengths.of_length`.
    lengths: tuple[Length, ...] = ()
    #: What the computer players read by name (the file declares it in ``negotiation``): the indicator whose
    #: distance from the middle of its range makes a counterpart readier to deal (``None``: none).
    relations_indicator: str | None = "relations"
    #: The strategy family whose actions a counterpart counts as pressure from the proposer (``None``: none).
    pressure_family: str | None = "pressure"
    _ids: dict[str, dict[str, object]] = field(init=False, repr=False, compare=False)
    #: Derived data the engine computes once per scenario (compiled rule plans); never part of the scenario's value.
    cache: dict[str, object] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        ids: dict[str, dict[str, object]] = {}
        for kind in ("indicators", "roles", "families", "actions", "events", "dynamics", "endings", "sources"):
            ids[kind] = {item.id: item for item in getattr(self, kind)}
        object.__setattr__(self, "_ids", ids)
        object.__setattr__(self, "cache", {})
        negotiation = self.negotiation
        if negotiation is not None:
            names = [self.trust_indicator_id(a, b) for a, b in self.trust_pairs()]
            missing = [n for n in names if n not in ids["indicators"]]
            if missing:
                raise ValueError(
                    f"no indicator for the trust {', '.join(map(repr, missing))}: a scenario whose negotiation names no"
                    " trust indicator holds one per pair of roles (trust_indicators() makes them)"
                )

    @property
    def shown_indicators(self) -> tuple[Indicator, ...]:
        """The indicators players see, in file order (the hidden flags left out)."""
        cached = self.cache.get("shown-indicators")
        if not isinstance(cached, tuple):
            cached = tuple(i for i in self.indicators if not i.hidden and i.trust_of is None)
            self.cache["shown-indicators"] = cached
        return cached

    def relations(self) -> Indicator | None:
        """The indicator the computer players read as the relations (:attr:`relations_indicator`), if there is one."""
        name = self.relations_indicator
        found = self._ids["indicators"].get(name) if name is not None else None
        return found if isinstance(found, Indicator) else None

    def indicator(self, indicator_id: str) -> Indicator:
        """The indicator with this id (``KeyError`` if there is none), the trust between two roles included."""
        return self._ids["indicators"][indicator_id]  # type: ignore[return-value]

    def role(self, role_id: str) -> Role:
        """The role with this id."""
        return self._ids["roles"][role_id]  # type: ignore[return-value]

    def action(self, action_id: str) -> Action:
        """The action with this id."""
        return self._ids["actions"][action_id]  # type: ignore[return-value]

    def event(self, event_id: str) -> Event:
        """The event with this id."""
        return self._ids["events"][event_id]  # type: ignore[return-value]

    def ending(self, ending_id: str) -> Ending:
        """The ending with this id."""
        return self._ids["endings"][ending_id]  # type: ignore[return-value]

    def family(self, family_id: str) -> Family:
        """The strategy family with this id."""
        return self._ids["families"][family_id]  # type: ignore[return-value]

    def source(self, source_id: str) -> Source:
        """The source with this id."""
        return self._ids["sources"][source_id]  # type: ignore[return-value]

    def trust_names(self) -> dict[str, tuple[str, str]]:
        """Indicator id -> role pair, for the trust indicators the loader made (:attr:`Indicator.trust_of`); empty
        without a negotiation section, or when trust is one of the scenario's own indicators
        (``Negotiation.trust_indicator``)."""
        return {i.id: i.trust_of for i in self.indicators if i.trust_of is not None}

    def trust_pairs(self) -> tuple[tuple[str, str], ...]:
        """Every pair of roles (sorted ids) with a trust between them: all pairs in a negotiating scenario."""
        if self.negotiation is None:
            return ()
        ids = sorted(r.id for r in self.roles)
        return tuple((a, b) for i, a in enumerate(ids) for b in ids[i + 1 :])

    def trust_indicator_id(self, first: str, second: str) -> str:
        """The id of the indicator that is the trust between two roles: the scenario's own trust indicator when it
        names one, else the pair's ``trust_<a>_<b>``."""
        negotiation = self.negotiation
        if negotiation is not None and negotiation.trust_indicator is not None:
            return negotiation.trust_indicator
        return trust_name(first, second)

    def actions_for(self, role_id: str) -> tuple[Action, ...]:
        """Every action of one role, in file order."""
        return tuple(a for a in self.actions if a.role == role_id)
