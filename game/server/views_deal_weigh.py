"""How a proposal weighs, for the student's page: a whole evaluation, or its parts to add up while one is built.

The evaluator (:mod:`game.ai.negotiation`) is a sum of independent reasons: one for each item, whatever else is in
the bundle, and the ones counted before any item (trust, relations, recent pressure). So the server sends each
legal item's reason and the context's, worked out by :func:`~game.ai.negotiation.evaluate_for` exactly as the
desktop does, and the page adds up the reasons of the items picked (:func:`compose` is that sum, the reference the
tests hold the page to). The counterpart's parts are sent only when the computer plays it: facing a person, how
the other side values a deal comes from their private objectives and stays theirs.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from game.ai.negotiation import Evaluation, Reason, evaluate_for
from game.engine import Game, Item
from game.i18n import N_, tr
from game.present import role_name

#: The words of the evaluator's rule that a deal must gain enough by its items alone (see ``_NO_GAIN`` there).
NO_GAIN = N_("The items alone are worth {gain} to us, short of the {min_gain} a deal must gain")


def weigh_parts(
    game: Game, role: str, other: str, gives: Sequence[Item], asks: Sequence[Item], weigher: str
) -> dict[str, Any]:
    """How ``weigher`` weighs ``role`` giving some of ``gives`` to ``other`` for some of ``asks``, in parts: each
    item's reason, the reasons counted before any item, the threshold and the least gain; ``first`` says whose
    items the evaluator lists first (the sender's gifts: ``give`` when ``other`` weighs, ``ask`` when ``role``
    does)."""
    base = evaluate_for(game, role, other, (), (), weigher)
    items = {i.id: _reason_json(evaluate_for(game, role, other, (i.id,), (), weigher).reasons[0]) for i in gives}
    items.update({i.id: _reason_json(evaluate_for(game, role, other, (), (i.id,), weigher).reasons[0]) for i in asks})
    return {
        "weigher": weigher,
        "first": "give" if weigher == other else "ask",
        "items": items,
        "context": [_reason_json(r) for r in base.reasons],
        "threshold": base.threshold,
        "min_gain": base.min_gain,
        "no_gain": tr(NO_GAIN),
        "verdict": _verdicts(game, role, weigher),
    }


def compose(parts: dict[str, Any], give: Sequence[str], ask: Sequence[str]) -> dict[str, Any]:
    """The weighing of a bundle from :func:`weigh_parts`, added up as the student's page does: the reasons in the
    evaluator's order, the total, the items' gain and whether the weigher would take it."""
    first, second = (give, ask) if parts["first"] == "give" else (ask, give)
    reasons = [parts["items"][i] for i in (*first, *second)]
    gain = 0.0
    for reason in reasons:
        gain += reason["points"]
    reasons += parts["context"]
    total = 0.0
    for reason in reasons:
        total += reason["points"]
    if reasons and (give or ask) and total >= parts["threshold"] and gain < parts["min_gain"]:
        words = parts["no_gain"].format(gain=f"{gain:+.1f}", min_gain=f"{parts['min_gain']:+.1f}")
        reasons.append({"label": words, "points": 0.0})
    return {"reasons": reasons, "score": total, "gain": gain,
            "accept": total >= parts["threshold"] and gain >= parts["min_gain"]}  # fmt: skip


def _verdicts(game: Game, role: str, weigher: str) -> list[str]:
    """The words for a weighing that would be accepted, then for one that would not."""
    if weigher == role:
        return [tr("good for you on balance"), tr("not worth it for you on balance")]
    name = role_name(game, weigher)
    return [tr("{side} would accept", side=name), tr("{side} would refuse", side=name)]


def _reason_json(reason: Reason) -> dict[str, Any]:
    return {"label": reason.label, "points": reason.points}


def evaluation_json(game: Game, role: str, weigher: str, evaluation: Evaluation) -> dict[str, Any]:
    """A whole evaluation: its reasons, the total against the threshold, and the verdict in words."""
    accept, refuse = _verdicts(game, role, weigher)
    return {
        "reasons": [_reason_json(r) for r in evaluation.reasons],
        "score": evaluation.score,
        "threshold": evaluation.threshold,
        "accept": evaluation.accept,
        "verdict": accept if evaluation.accept else refuse,
    }
