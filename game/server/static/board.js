// The board: the turn's review (what moved and why), the news of this turn, and every indicator with its value,
// a bar, its move since the seat last looked and the causes of its recent changes.
import { el, num, signed, fill } from "./dom.js";
import { t, tn } from "./i18n.js";

export function drawBoard(root, view) {
  fill(root, 
    el("h2", {}, t("Turn {turn} of {turns} · {date}", {turn: view.turn, turns: view.turns, date: view.date})),
    view.review ? drawReview(view.review) : null,
    drawNews(view),
    drawIndicators(view),
  );
}

/** The turn review: what each side did, the moves that mattered most with their causes, and every change. */
export function drawReview(review) {
  const did = review.did.map((side) => el("li", {}, el("strong", {}, t("{side}:", {side: side.name}) + " "),
    side.did.length ? side.did.join("; ") + "." : t("no action.")));
  const moves = review.moves.map((move) => el("li", {},
    el("strong", {}, move.label + " "), num(move.before) + " → " + num(move.after) + " (" + signed(move.after - move.before) + ")",
    el("ul", {}, move.causes.map((c) => el("li", {}, signed(c.delta) + ": " + c.why)),
      move.more_causes ? el("li", {class: "muted"}, tn("and {n} smaller cause", "and {n} smaller causes", move.more_causes)) : null)));
  const every = review.changes.map((c) => el("li", {}, labelOf(c) + " " + signed(c.after - c.before) + ": " + c.why));
  return el("section", {class: "review", "aria-labelledby": "review-title"},
    el("h3", {id: "review-title"}, t("What happened in turn {turn} ({date})", {turn: review.turn, date: review.date})),
    el("h4", {}, t("What each side did")), el("ul", {}, did),
    el("h4", {}, t("What mattered most")),
    moves.length ? el("ul", {class: "moves"}, moves) : el("p", {}, t("No indicator moved by a whole point.")),
    review.left_out ? el("p", {class: "muted"}, t("Left out: {what}.", {what: review.left_out})) : null,
    every.length ? el("details", {"data-key": "every:" + review.turn}, el("summary", {}, t("Every change of the turn's end ({n})", {n: every.length})), el("ul", {}, every)) : null);
}

let labels = {};
function labelOf(change) { return labels[change.indicator] || change.indicator; }

function drawNews(view) {
  const items = view.news_items.map((n) => el("article", {class: "news"},
    el("h4", {}, n.title),
    n.asked ? el("p", {class: "ask"}, t("Your team decides on this now: see the decision above.")) : el("p", {}, n.text),
    n.decides && !n.asked ? el("p", {class: "muted"}, n.decides) : null,
    n.effects.length ? el("p", {class: "effects"}, t("At once: {changes}.", {changes: n.effects.join("; ")})) : null));
  return el("section", {"aria-labelledby": "news-title"}, el("h3", {id: "news-title"}, t("News this turn")),
    items.length ? items : el("p", {}, t("A quiet turn: no news.")));
}

function drawIndicators(view) {
  labels = Object.fromEntries(view.indicators.map((i) => [i.id, i.label]));
  const since = view.turn === 1;
  const items = view.indicators.map((ind) => {
    const recent = view.history.filter((c) => c.indicator === ind.id && c.turn >= view.turn - 1);
    return el("li", {class: "indicator"},
      el("div", {class: "ind-head"}, el("span", {class: "ind-label"}, ind.label), el("span", {class: "ind-value"}, num(ind.value))),
      bar(ind),
      el("p", {class: "ind-move " + judge(ind)}, moveWords(ind, since)),
      WANTS[ind.yours] ? el("p", {class: "muted ind-want"}, WANTS[ind.yours]()) : null,  // i18n: not shown
      recent.length ? el("details", {"data-key": "why:" + ind.id}, el("summary", {}, t("Why did {indicator} move?", {indicator: ind.label.toLowerCase()})),
        el("ul", {}, recent.map((c) => el("li", {}, t("Turn {turn}, {change}: {why}", {turn: c.turn, change: signed(c.after - c.before), why: c.why}))))) : null);
  });
  return el("section", {"aria-labelledby": "ind-title"}, el("h3", {id: "ind-title"}, t("Indicators")),
    el("p", {class: "muted"}, t("Each bar runs from the lowest to the highest value; “for you” says what a move does to your own score.")),
    el("ul", {class: "indicators"}, items));
}

/** What the seat's own score wants of an indicator now (from the server's ``yours``). */
const WANTS = {
  high: () => t("Your score gains if it rises."),
  low: () => t("Your score gains if it falls."),
  here: () => t("Your score is best with it where it is."),
};

function bar(ind) {
  const span = ind.high - ind.low || 1;
  const fill = el("span", {class: "fill"});
  fill.style.width = Math.max(0, Math.min(100, ((ind.value - ind.low) / span) * 100)) + "%";
  return el("span", {class: "bar", role: "img", "aria-label": t("{indicator} {value} on a scale of {low} to {high}", {indicator: ind.label, value: num(ind.value), low: num(ind.low), high: num(ind.high)})}, fill);
}

function moveWords(ind, fromStart) {
  const delta = Math.round(ind.value) - Math.round(ind.before);
  if (delta === 0) return fromStart ? t("no change since the start") : t("no change since last turn");
  const n = {n: Math.abs(delta)};
  let words = delta > 0 ? (fromStart ? t("up {n} since the start", n) : t("up {n} since last turn", n))
    : (fromStart ? t("down {n} since the start", n) : t("down {n} since last turn", n));
  if (Math.abs(ind.gain) >= 0.005) words = ind.gain > 0 ? t("{move}, better for you", {move: words}) : t("{move}, worse for you", {move: words});
  return words;
}

function judge(ind) {
  if (Math.round(ind.value) === Math.round(ind.before) || Math.abs(ind.gain) < 0.005) return "";
  return ind.gain > 0 ? "good" : "bad";
}
