"""Pydantic models of the scenario file format (version 1): the structure a scenario YAML file must have.

These models check shapes, types and ranges only. Cross-references (an action's role exists, an expression names
declared indicators, ...) are checked by :mod:`game.content.loader`, which then builds the engine's
:class:`game.engine.scenario.Scenario`. The ``description`` of every field is written for scenario authors: the
modder's reference in ``scenarios/README.md`` and the JSON Schema are generated from it by :mod:`game.content.docs`.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, WithJsonSchema

#: Every discriminator tag starts with this character, so error locations can tell tags from keys.
TAG_PREFIX = "\x00"

ID_PATTERN = r"^[a-z][a-z0-9_]*$"
LANG_PATTERN = r"^[a-z]{2,3}(-[A-Za-z]{2,4})?$"
COLOR_PATTERN = r"^#[0-9a-fA-F]{6}$"
NONBLANK_PATTERN = r"\S"

#: The largest number of turns a scenario may have.
MAX_TURNS = 200

Id = Annotated[str, Field(pattern=ID_PATTERN)]
LangCode = Annotated[str, Field(pattern=LANG_PATTERN)]
NonBlank = Annotated[str, Field(pattern=NONBLANK_PATTERN)]
TurnNumber = Annotated[int, Field(ge=1, le=MAX_TURNS)]
Delay = Annotated[int, Field(ge=0, le=50)]


TEXT_STRING = TAG_PREFIX + "text"
TEXT_MAP = TAG_PREFIX + "text-map"
EXPR_STRING = TAG_PREFIX + "expression"
EXPR_NUMBER = TAG_PREFIX + "number"
EFFECT_STRING = TAG_PREFIX + "effect"
EFFECT_MAP = TAG_PREFIX + "effect-map"

#: Error types raised when a value is none of the kinds a Text, Expression or Effect may be.
TEXT_KIND_ERROR = "text_kind"
EXPRESSION_KIND_ERROR = "expression_kind"
EFFECT_KIND_ERROR = "effect_kind"


# YAML data holds exact types only, so a lookup by type is enough (and ``bool`` is not mistaken for ``int``).
_TEXT_KINDS: dict[type, str] = {str: TEXT_STRING, dict: TEXT_MAP}
_EXPRESSION_KINDS: dict[type, str] = {str: EXPR_STRING, int: EXPR_NUMBER, float: EXPR_NUMBER}
_EFFECT_KINDS: dict[type, str] = {str: EFFECT_STRING, dict: EFFECT_MAP}


def _text_kind(value: Any) -> str | None:
    return _TEXT_KINDS.get(type(value))


def _expression_kind(value: Any) -> str | None:
    return _EXPRESSION_KINDS.get(type(value))


def _effect_kind(value: Any) -> str | None:
    if isinstance(value, EffectSpec):  # a model built in Python rather than read from a file
        return EFFECT_MAP
    return _EFFECT_KINDS.get(type(value))


_TEXT_SCHEMA: dict[str, Any] = {
    "oneOf": [
        {"type": "string", "pattern": NONBLANK_PATTERN},
        {
            "type": "object",
            "minProperties": 1,
            "propertyNames": {"pattern": LANG_PATTERN},
            "additionalProperties": {"type": "string", "pattern": NONBLANK_PATTERN},
        },
    ]
}

Text = Annotated[
    Annotated[NonBlank, Tag(TEXT_STRING)] | Annotated[dict[LangCode, NonBlank], Field(min_length=1), Tag(TEXT_MAP)],
    Discriminator(
        _text_kind,
        custom_error_type=TEXT_KIND_ERROR,
        custom_error_message="expected text: a string, or a mapping of language codes to strings",
    ),
    WithJsonSchema(_TEXT_SCHEMA),
]
"""Player-visible text: a string, or a mapping of language code (``en``, ``km``, ``pt-BR``) to string."""

Expression = Annotated[
    Annotated[NonBlank, Tag(EXPR_STRING)] | Annotated[float, Tag(EXPR_NUMBER)],
    Discriminator(
        _expression_kind,
        custom_error_type=EXPRESSION_KIND_ERROR,
        custom_error_message="expected an expression (such as 'relations > 50') or a number",
    ),
]
"""A formula in the expression language, or a plain number meaning that constant."""


class _Model(BaseModel):
    """Base of every format model: strict types, unknown keys refused, no infinities or NaN."""

    model_config = ConfigDict(extra="forbid", strict=True, allow_inf_nan=False)


#: The base of format models kept in modules of their own (strict types, unknown keys refused).
FormatModel = _Model


class EffectSpec(_Model):
    """An effect written as a mapping, to delay it or spread it over several turns."""

    change: NonBlank = Field(
        description="The change itself: `<indicator> += <expression>`, `-=` or `=`, e.g. `relations += 5`."
    )
    delay: Delay = Field(default=0, description="Turns to wait before the change applies (0 = this turn).")
    duration: Annotated[int, Field(ge=1, le=50)] = Field(
        default=1,
        description="Number of turns over which a `+=`/`-=` amount is spread evenly. An `=` change may not "
        "have a duration above 1.",
    )


Effect = Annotated[
    Annotated[NonBlank, Tag(EFFECT_STRING)] | Annotated[EffectSpec, Tag(EFFECT_MAP)],
    Discriminator(
        _effect_kind,
        custom_error_type=EFFECT_KIND_ERROR,
        custom_error_message="expected an effect such as 'relations += 5', or a mapping with 'change', "
        "'delay' and 'duration'",
    ),
]
"""A change to one indicator: ``"relations += 5"`` or ``{change: ..., delay: 0, duration: 1}``."""

Effects = list[Effect]
SourceRefs = list[Id]

#: The shared value types, as the documentation names and explains them (see :mod:`game.content.docs`).
VALUE_TYPES: tuple[tuple[object, str, str], ...] = (
    (
        Id,
        "id",
        "A name other parts of the file refer to: lowercase letters, digits and `_`, starting with a letter "
        "(`relations`, `us_visit`). Unique within its list.",
    ),
    (LangCode, "language code", "`en`, `km`, `fr`, `pt-BR`: two or three lowercase letters, optionally a region."),
    (NonBlank, "string", "Text that is not empty."),
    (
        Text,
        "Text",
        "Player-visible text: a string (in the file's `language`), or a mapping of language code to string, "
        "e.g. `{en: Relations, km: ទំនាក់ទំនង}`.",
    ),
    (
        Expression,
        "Expression",
        "A formula in the expression language (e.g. `relations > 50 and turn >= 3`), or a plain number.",
    ),
    (
        Effect,
        "Effect",
        "A change to one indicator: `relations += 5` (also `-=` and `=`), or a mapping "
        "`{change: 'relations += 6', delay: 1, duration: 3}` (see EffectSpec).",
    ),
)


class Calendar(_Model):
    """How turns map to dates shown to players."""

    start_year: Annotated[int, Field(ge=1900, le=2200)] = Field(default=2023, description="Year of turn 1.")
    start_month: Annotated[int, Field(ge=1, le=12)] = Field(default=1, description="Month of turn 1 (1 = January).")
    months_per_turn: Annotated[int, Field(ge=1, le=24)] = Field(default=3, description="Months that pass each turn.")
    record_until: TurnNumber | None = Field(
        default=None,
        description="Last turn whose events follow the public record; later turns are a plausible future, not "
        "history. Omit it when the whole game follows the record or none of it does.",
    )


class Source(_Model):
    """A reference that backs the scenario's claims; indicators, actions and events cite it by id."""

    id: Id = Field(description="Unique id of the source, cited in `sources` lists.")
    title: NonBlank = Field(description="Title of the article, report or book.")
    publisher: str = Field(default="", description="Who published it.")
    url: str = Field(default="", description="Where to read it.")
    date: str = Field(default="", description="Publication date, as text (quote it, e.g. `'2023-05-01'`).")
    note: Text | None = Field(default=None, description="What the scenario takes from this source.")


class Indicator(_Model):
    """A named number with a range: the state of the relationship that actions, events and dynamics move."""

    id: Id = Field(description="Unique id; expressions and effects use it as a variable name.")
    label: Text = Field(description="Short name shown to players.")
    description: Text = Field(description="What the number means, shown when a player asks.")
    min: float = Field(default=0, description="Lowest possible value; every change is clamped to the range.")
    max: float = Field(default=100, description="Highest possible value; must be greater than `min`.")
    initial: float = Field(description="Value at the start of the game, between `min` and `max`.")
    good: Literal["high", "low", "neutral"] = Field(
        default="high", description="Which direction is good news: `high`, `low` or `neutral`."
    )
    sources: SourceRefs = Field(default_factory=list, description="Ids of the sources behind this indicator.")
    hidden: bool = Field(
        default=False,
        description="A flag the story keeps for its conditions (for example `gsp_renewed`, 0 or 1: whether a law "
        "has passed), never shown to players: not on the board, in reviews, charts or the end screen.",
    )


class Family(_Model):
    """A strategy family that groups actions (diplomacy, economy, rights, ...)."""

    id: Id = Field(description="Unique id; actions and personalities refer to it.")
    label: Text = Field(description="Name shown to players.")
    description: Text | None = Field(default=None, description="What the strategies of this family have in common.")


class Role(_Model):
    """A side in the game, played by a person or by the computer."""

    id: Id = Field(description="Unique id; actions, events and targets refer to it.")
    name: Text = Field(description="Name shown to players.")
    brief: Text = Field(description="Public brief: who this side is and what it wants.")
    objectives: Text = Field(description="Private explanation of how this role scores.")
    score: Expression = Field(description="Private score formula over the indicators; higher is better.")
    capital: Annotated[int, Field(ge=0, le=100)] = Field(description="Political capital gained each turn.")
    capital_max: Annotated[int, Field(ge=0, le=1000)] | None = Field(
        default=None,
        description="Unspent capital carries over up to this amount; at least `capital`. Default: `capital`.",
    )
    personality: dict[Id, Annotated[float, Field(ge=0, le=10)]] = Field(
        default_factory=dict,
        description="How much the computer player likes each strategy family: family id -> weight 0..10 (1 when "
        "left out). Every computer level multiplies the forecast gain of the family's actions by it.",
    )
    color: Annotated[str, Field(pattern=COLOR_PATTERN)] = Field(
        default="", description="Colour of the role as `#rrggbb`; quote it (`'#3366aa'`), since `#` starts a comment."
    )


class Action(_Model):
    """Something a role can do in the action phase, paid with political capital."""

    id: Id = Field(description="Unique id of the action.")
    role: Id = Field(description="Id of the role that may take this action.")
    family: Id = Field(description="Id of the strategy family the action belongs to.")
    label: Text = Field(description="Short name shown on the action's button.")
    description: Text = Field(description="What the action is, in a sentence or two.")
    cost: Annotated[int, Field(ge=0, le=100)] = Field(description="Political capital it costs.")
    cooldown: Delay = Field(default=0, description="Turns after use before it can be used again.")
    condition: Expression | None = Field(default=None, description="The action is available only while this holds.")
    condition_reason: Text | None = Field(
        default=None,
        description="What the `condition` asks, in plain words, shown to players instead of the expression while "
        "the action is not available (e.g. `needs relations of 40 or more`). Only with a `condition`.",
    )
    target: Id | None = Field(
        default=None,
        description="Id of the role the action is aimed at, if any. It must name a role, but it is a note for "
        "readers of the file: no rule, view or computer level reads it.",
    )
    effects: Annotated[Effects, Field(min_length=1)] = Field(description="What the action changes.")
    contested: Text | None = Field(
        default=None,
        description="A note for players and teachers saying that the cause and effect this action models is "
        "disputed, and by whom.",
    )
    sources: SourceRefs = Field(default_factory=list, description="Ids of the sources behind this action.")


class Choice(_Model):
    """One answer the affected role may give to an event."""

    id: Id = Field(description="Id of the choice, unique within its event.")
    label: Text = Field(description="Short name of the answer.")
    description: Text = Field(description="What answering this way means.")
    effects: Effects = Field(default_factory=list, description="What this answer changes.")
    opens: list[Id] = Field(
        default_factory=list,
        description="Ids of negotiation items this answer puts on the table from then on (items with "
        "`on_table: false`).",
    )
    contested: Text | None = Field(
        default=None,
        description="A note for players and teachers saying that the cause and effect this answer models is "
        "disputed, and by whom.",
    )


class Event(_Model):
    """News that happens to the players: scripted at a turn, or drawn at random."""

    id: Id = Field(description="Unique id of the event.")
    title: Text = Field(description="Headline.")
    text: Text = Field(description="The news itself.")
    role: Id | None = Field(default=None, description="Id of the affected role, who answers the choices.")
    condition: Expression | None = Field(default=None, description="The event may fire only while this holds.")
    window: Annotated[list[TurnNumber], Field(min_length=2, max_length=2)] | None = Field(
        default=None, description="`[first_turn, last_turn]`: the turns in which it may be drawn."
    )
    at_turn: TurnNumber | None = Field(
        default=None,
        description="Scripted: fires at this turn (if its condition holds); weight and window then do not apply.",
    )
    weight: Annotated[float, Field(gt=0)] = Field(default=1.0, description="Relative chance of being drawn.")
    cooldown: Delay = Field(default=0, description="Turns after firing before it may fire again.")
    once: bool = Field(default=False, description="Fires at most once per game.")
    effects: Effects = Field(default_factory=list, description="Applied when the event fires.")
    opens: list[Id] = Field(
        default_factory=list,
        description="Ids of negotiation items the event puts on the table from then on, whatever the answer (items "
        "with `on_table: false`).",
    )
    choices: Annotated[list[Choice], Field(min_length=2, max_length=6)] | None = Field(
        default=None, description="2 to 6 answers the affected role chooses from; requires `role`."
    )
    sources: SourceRefs = Field(default_factory=list, description="Ids of the sources behind this event.")


class Dynamic(_Model):
    """A rule applied every turn after the players' effects, coupling indicators."""

    id: Id = Field(description="Unique id of the dynamic.")
    description: Text = Field(description="Shown to players as the cause of the change.")
    condition: Expression | None = Field(default=None, description="Applies only in turns where this holds.")
    effects: Annotated[Effects, Field(min_length=1)] = Field(description="What changes each turn.")
    contested: Text | None = Field(
        default=None,
        description="A note for players and teachers saying that the cause and effect this rule models is "
        "disputed, and by whom.",
    )


class Ending(_Model):
    """How a game can end: a band over the final state, or an early end."""

    id: Id = Field(description="Unique id of the ending.")
    title: Text = Field(description="Name of the outcome.")
    text: Text = Field(description="What it means for both sides.")
    condition: Expression | None = Field(
        default=None, description="Reached when this holds. The last ending with `early: false` must have none."
    )
    early: bool = Field(default=False, description="Ends the game as soon as its condition holds, in any turn.")


class Trust(_Model):
    """How trust between two roles starts and moves. Every pair of roles has its own trust, 0..100, which
    expressions read as `trust_<a>_<b>` (the two role ids sorted, e.g. `trust_cambodia_us`). A scenario with two
    roles may instead name one of its indicators as their trust (`indicator`): then that indicator is the trust,
    shown with the others, moved by kept and broken commitments as well as by actions, events and dynamics."""

    indicator: Id | None = Field(
        default=None,
        description="Only with exactly two roles: id of the indicator that is their trust (its `initial` is the "
        "trust at the start, and `trust_<a>_<b>` is not defined).",
    )
    initial: Annotated[float, Field(ge=0, le=100)] = Field(
        default=50, description="Trust between every pair of roles at the start (not with `indicator`)."
    )
    kept: Annotated[float, Field(ge=0, le=100)] = Field(
        default=3, description="Trust both parties gain each time an agreement item is fully implemented."
    )
    broken: Annotated[float, Field(ge=0, le=100)] = Field(
        default=15, description="Trust the pair loses when one party breaks an agreement."
    )


class NegotiationItem(_Model):
    """Something one role can give in a proposal; once agreed, its effects apply over its implementation."""

    id: Id = Field(description="Unique id of the item among the negotiation items.")
    giver: Id = Field(description="Id of the role that gives (implements) this item.")
    label: Text = Field(description="Short name shown on the negotiation table.")
    description: Text = Field(description="What giving the item means, in a sentence or two.")
    effects: Annotated[Effects, Field(min_length=1)] = Field(
        description="What the item changes. Applied from the turn the agreement is made: each `+=`/`-=` amount "
        "is split evenly over `turns` turns, an `=` change applies in the last one."
    )
    turns: Annotated[int, Field(ge=1, le=12)] = Field(
        default=1, description="Turns implementation takes; trust rises by `kept` when the last one resolves."
    )
    condition: Expression | None = Field(
        default=None, description="The item can be offered or asked for only while this holds."
    )
    condition_reason: Text | None = Field(
        default=None,
        description="What the `condition` asks, in plain words, shown to players instead of the expression while "
        "the item cannot be put on the table (e.g. `needs trust of 35 or more`). Only with a `condition`.",
    )
    repeatable: bool = Field(
        default=False,
        description="Whether the item is meant to be agreed again once an agreement on it has been carried out (a "
        "new round of the same commitment). `validate` warns about an item that can be agreed again unless this "
        "is `true`; the rules are the same either way.",
    )
    on_table: bool = Field(
        default=True,
        description="Whether the item is on the table from the start. With `false` it comes onto the table when an "
        "event, or an answer to one, that `opens` it happens, and stays there; its `condition` still applies.",
    )
    contested: Text | None = Field(
        default=None,
        description="A note for players and teachers saying that the cause and effect this item models is "
        "disputed, and by whom.",
    )
    follows: Id | None = Field(
        default=None,
        description="Id of an item (of the same giver) that this one is a later form of: this one comes onto the "
        "table once an agreement on that item has been fully implemented, and takes its place (the earlier form is "
        "then off the table for good). Its `condition` still applies.",
    )
    value: dict[Id, Annotated[float, Field(ge=-100, le=100)]] = Field(
        default_factory=dict,
        description="Base worth of the item to each role: role id -> number. Roles not listed value it 0; the "
        "giver's own value is usually negative (its domestic cost).",
    )
    sources: SourceRefs = Field(default_factory=list, description="Ids of the sources behind this item.")


class Negotiation(_Model):
    """The negotiation table: items roles can give each other in proposals, trust, and the price of breaking an
    agreement. Optional; without it the scenario has no negotiation."""

    relations_indicator: Id | None = Field(
        default="relations",
        description="Id of the indicator the computer players read as the relations when they weigh a proposal: its "
        "distance from the middle of its range, divided by 10, adds to their willingness. `null`: they read none. "
        "Left out, they read an indicator `relations` if there is one (a warning says so when there is none).",
    )
    pressure_family: Id | None = Field(
        default="pressure",
        description="Id of the strategy family whose actions the computer players count as pressure: each one the "
        "proposer took in the last two turns takes 2 points off their willingness. `null`: no family counts. Left "
        "out, a family `pressure` if there is one (a warning says so when there is none).",
    )
    trust: Trust = Field(default=Trust(), description="How trust starts and moves.")
    break_effects: Effects = Field(
        default_factory=list, description="Applied at once whenever a role breaks an agreement."
    )
    break_event: Id | None = Field(
        default=None, description="Id of an event that fires in the next turn's news after a break."
    )
    threshold: float = Field(
        default=0, description="A receiving role accepts a proposal when its evaluation score is at least this."
    )
    min_gain: Annotated[float, Field(ge=0)] = Field(
        default=0.5,
        description="A computer player also accepts only when the items alone (what it gets less what it gives, "
        "each at its `value` plus the forecast change of its score) gain it at least this, however much trust and "
        "relations add to its score.",
    )
    items: Annotated[list[NegotiationItem], Field(min_length=1)] = Field(description="What can be given and asked for.")


class ScoreRange(_Model):
    """Where one side's final score usually falls when computer players play every side."""

    low: float = Field(description="Low end of the usual range: one game in ten ends lower (the 10th percentile).")
    typical: float = Field(description="The typical final score: half the games end lower (the median).")
    high: float = Field(description="High end of the usual range: one game in ten ends higher (the 90th percentile).")


class ScoreReference(_Model):
    """Each side's usual range of final scores, against which the end of a game places that side's score (the
    scores of different sides are not comparable). Optional: `python main.py reference FILE` computes it and prints
    this block (`--write` puts it in the file); without it the game works out a range itself and caches it."""

    policy: Id = Field(
        description="Who played every side: a computer level (`beginner`, `standard`, `strong`) or a policy name."
    )
    games: Annotated[int, Field(ge=1)] = Field(description="How many games the ranges come from.")
    budget: Annotated[int, Field(ge=1)] | None = Field(
        default=None, description="Iterations per decision of a searching policy, when not its level's own."
    )
    roles: dict[Id, ScoreRange] = Field(
        description="Role id -> that side's range (`low` <= `typical` <= `high`). A side left out is shown without one."
    )
