// Building a proposal: the counterpart, the items to give and to ask for, how it weighs before it is sent, and
// sending it (a Propose command). What may be picked and every number come from the server's JSON.
import { el, points, safeId } from "./deal_dom.js";
import { breakdown, compose, reasonList } from "./deal_weigh.js";
import { t } from "./i18n.js";

/** The counterpart picked now (the first one by default). */
function counterpartOf(deal, state) {
  return deal.counterparts.find((c) => c.role === state.counterpart) || deal.counterparts[0];
}

/** The picked items still on the table for ``side`` (``give`` or ``ask``), in the server's order. */
function picked(side, state) {
  return side.filter((item) => state.chosen.has(item.id)).map((item) => item.id);
}

/** ``Worth to you: +3.5 · to Cambodia: -7.7`` (the counterpart's only when the computer plays it). */
function worth(item, other) {
  const mine = other.yours.items[item.id];
  if (!mine) return null;
  const theirs = other.computer ? other.theirs.items[item.id] : null;
  return el("p", {className: "deal-worth"}, theirs
    ? t("On its own, worth to you: {mine} · to {side}: {theirs}", {mine: points(mine.points), side: other.name, theirs: points(theirs.points)})
    : t("On its own, worth to you: {mine}", {mine: points(mine.points)}));
}

function itemBox(item, other, state, changed) {
  const id = safeId("deal-item", item.id);
  const box = el("input", {type: "checkbox", id: id, checked: state.chosen.has(item.id), "aria-describedby": id + "-what"});
  box.addEventListener("change", () => {
    if (box.checked) state.chosen.add(item.id); else state.chosen.delete(item.id);
    changed();
  });
  const what = el("span", {className: "deal-what", id: id + "-what"}, item.when);
  const more = el("details", {className: "deal-more", id: id + "-more"}, el("summary", {}, t("What it does")),
    el("ul", {}, item.effects.length ? item.effects.map((line) => el("li", {}, line)) : el("li", {}, t("No direct effect."))),
    worth(item, other), el("p", {}, item.description),
    item.contested ? el("p", {className: "deal-contested"}, t("Note on this rule: {note}", {note: item.contested})) : null);
  return el("li", {className: "deal-item"}, box, el("label", {for: id}, el("strong", {}, item.label), el("br"), what), more);
}

function itemFieldset(legend, items) {
  return el("fieldset", {className: "deal-side"}, el("legend", {}, legend),
    items.length ? el("ul", {className: "deal-items"}, items) : el("p", {className: "deal-muted"}, t("Nothing can be put on the table now.")));
}

/** The weigh panel: the computer counterpart's likely weighing and the seat's own; facing a team, its own only. */
export function weighPanel(other, state) {
  const give = picked(other.give, state), ask = picked(other.ask, state);
  const panel = el("div", {className: "deal-weigh"});
  if (!give.length && !ask.length) {
    if (other.computer) {
      panel.append(el("p", {}, t("Pick items to see how {side} would weigh them. Before any item, {side} counts:", {side: other.name})),
        reasonList(other.theirs.context));
    } else {
      panel.append(el("p", {}, t("Pick items to see how they weigh for your own objectives. {side} is played by a team, who weighs a proposal by their own private objectives.", {side: other.name})));
    }
    return {panel: panel, summary: t("Nothing picked yet.")};
  }
  const yours = compose(other.yours, give, ask);
  let summary = t("For you: {verdict}.", {verdict: yours.verdict});
  if (other.computer) {
    const theirs = compose(other.theirs, give, ask);
    panel.append(breakdown(t("How {side} is likely to weigh it", {side: other.name}), theirs, "h5"));
    summary = t("{verdict}. {yours}", {verdict: theirs.verdict, yours: summary});
  }
  panel.append(breakdown(t("How it weighs for you"), yours, "h5"));
  if (!other.computer) panel.append(el("p", {className: "deal-muted"}, t("{side} answers in their own part of the turn, by their own objectives.", {side: other.name})));
  return {panel: panel, summary: summary};
}

/** Draw the proposal builder into ``box``; ``act(command)`` sends. */
export function drawPicker(box, deal, state, act) {
  const answering = state.replyTo && deal.proposals.find((p) => p.id === state.replyTo.id && p.counter);
  if (!answering) state.replyTo = null;
  const other = counterpartOf(deal, state);
  if (!other) return;
  if (state.counterpart !== other.role) { state.counterpart = other.role; state.chosen = new Set(); }
  const weigh = el("div", {id: "deal-weigh"});
  const summary = el("p", {className: "deal-summary", role: "status", "aria-live": "polite"});
  const error = el("p", {className: "error", role: "alert", id: "deal-send-error"});
  const update = () => {
    const drawn = weighPanel(other, state);
    weigh.replaceChildren(drawn.panel);
    summary.textContent = drawn.summary;
    error.textContent = "";
  };
  const form = el("form", {className: "deal-picker", "aria-labelledby": "deal-new-title"});
  form.append(el("h3", {id: "deal-new-title", tabIndex: -1}, state.replyTo ? t("Make a counter-proposal") : t("Make a proposal")));
  if (state.replyTo) {
    const cancel = el("button", {type: "button", id: "deal-counter-cancel"}, t("Cancel the counter-proposal"));
    cancel.addEventListener("click", () => { state.replyTo = null; state.chosen = new Set(); state.focus = "deal-new-title"; state.redraw(); });
    const reply = {proposal: state.replyTo.name};
    form.append(el("p", {className: "deal-reply"}, t("In answer to {proposal}: sending this refuses it. It starts from their terms turned round: you give what they asked, and ask what they offered.", reply)), cancel);
  }
  if (deal.counterparts.length > 1) {
    const pick = el("select", {id: "deal-counterpart"}, deal.counterparts.map((c) =>
      el("option", {value: c.role, selected: c.role === other.role}, c.name)));
    pick.addEventListener("change", () => { state.counterpart = pick.value; state.chosen = new Set(); state.replyTo = null; state.redraw(); });
    form.append(el("label", {for: "deal-counterpart"}, t("Negotiate with")), pick);
  }
  const played = other.computer ? t("With {side} (played by the computer).", {side: other.name}) : t("With {side} (played by a team).", {side: other.name});
  form.append(el("p", {}, played + " " + other.trust));
  const choose = el("div", {className: "deal-choose"},
    itemFieldset(t("You give"), other.give.map((item) => itemBox(item, other, state, update))),
    itemFieldset(t("You ask of {side}", {side: other.name}), other.ask.map((item) => itemBox(item, other, state, update))));
  if (other.unavailable.length) {
    choose.append(el("details", {className: "deal-off", id: "deal-off"}, el("summary", {}, t("Not on the table now ({n})", {n: other.unavailable.length})),
      el("ul", {}, other.unavailable.map((item) => el("li", {}, el("strong", {}, item.label), " " + t("(given by {side}): {reason}.", {side: item.giver_name, reason: item.why_not}))))));
  }
  const why = deal.moment.now ? other.blocked : deal.moment.why;
  const send = el("button", {type: "submit", id: "deal-send", disabled: Boolean(why), "aria-describedby": why ? "deal-send-why" : null},
    state.replyTo ? t("Send the counter-proposal to {side}", {side: other.name}) : t("Send the proposal to {side}", {side: other.name}));
  const bar = el("div", {className: "deal-sendbar"}, summary, error, send);
  if (why) bar.append(el("p", {className: "deal-muted", id: "deal-send-why"}, why));
  form.append(el("div", {className: "deal-columns"}, choose,
    el("section", {className: "deal-weigh-box", "aria-labelledby": "deal-weigh-title"},
      el("h4", {id: "deal-weigh-title", className: "deal-weigh-title"}, t("Before you send: how it weighs")), weigh)), bar);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const give = picked(other.give, state), ask = picked(other.ask, state);
    if (!give.length && !ask.length) { error.textContent = t("Pick at least one item to give or to ask for."); return; }
    act(Object.assign({}, state.replyTo ? state.replyTo.command : other.command, {give: give, ask: ask}));
  });
  update();
  box.append(form);
}
