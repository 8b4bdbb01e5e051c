// Building a proposal: the counterpart, the items to give and to ask for, how it weighs before it is sent, and
// sending it (a Propose command). What may be picked and every number come from the server's JSON.
import { el, points, safeId } from "./deal_dom.js";
import { breakdown, compose, reasonList } from "./deal_weigh.js";

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
  return el("p", {className: "deal-worth"}, "On its own, worth to you: " + points(mine.points) +
    (theirs ? " · to " + other.name + ": " + points(theirs.points) : ""));
}

function itemBox(item, other, state, changed) {
  const id = safeId("deal-item", item.id);
  const box = el("input", {type: "checkbox", id: id, checked: state.chosen.has(item.id), "aria-describedby": id + "-what"});
  box.addEventListener("change", () => {
    if (box.checked) state.chosen.add(item.id); else state.chosen.delete(item.id);
    changed();
  });
  const what = el("span", {className: "deal-what", id: id + "-what"}, item.when);
  const more = el("details", {className: "deal-more", id: id + "-more"}, el("summary", {}, "What it does"),
    el("ul", {}, item.effects.length ? item.effects.map((line) => el("li", {}, line)) : el("li", {}, "No direct effect.")),
    worth(item, other), el("p", {}, item.description),
    item.contested ? el("p", {className: "deal-contested"}, "Note on this rule: " + item.contested) : null);
  return el("li", {className: "deal-item"}, box, el("label", {for: id}, el("strong", {}, item.label), el("br"), what), more);
}

function itemFieldset(legend, items) {
  return el("fieldset", {className: "deal-side"}, el("legend", {}, legend),
    items.length ? el("ul", {className: "deal-items"}, items) : el("p", {className: "deal-muted"}, "Nothing can be put on the table now."));
}

/** The weigh panel: the computer counterpart's likely weighing and the seat's own; facing a team, its own only. */
export function weighPanel(other, state) {
  const give = picked(other.give, state), ask = picked(other.ask, state);
  const panel = el("div", {className: "deal-weigh"});
  if (!give.length && !ask.length) {
    if (other.computer) {
      panel.append(el("p", {}, "Pick items to see how " + other.name + " would weigh them. Before any item, " + other.name + " counts:"),
        reasonList(other.theirs.context));
    } else {
      panel.append(el("p", {}, "Pick items to see how they weigh for your own objectives. " + other.name +
        " is played by a team, who weighs a proposal by their own private objectives."));
    }
    return {panel: panel, summary: "Nothing picked yet."};
  }
  const yours = compose(other.yours, give, ask);
  let summary = "For you: " + yours.verdict + ".";
  if (other.computer) {
    const theirs = compose(other.theirs, give, ask);
    panel.append(breakdown("How " + other.name + " is likely to weigh it", theirs, "h5"));
    summary = theirs.verdict + ". " + summary;
  }
  panel.append(breakdown("How it weighs for you", yours, "h5"));
  if (!other.computer) panel.append(el("p", {className: "deal-muted"}, other.name + " answers in their own part of the turn, by their own objectives."));
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
  form.append(el("h3", {id: "deal-new-title", tabIndex: -1}, state.replyTo ? "Make a counter-proposal" : "Make a proposal"));
  if (state.replyTo) {
    const cancel = el("button", {type: "button", id: "deal-counter-cancel"}, "Cancel the counter-proposal");
    cancel.addEventListener("click", () => { state.replyTo = null; state.chosen = new Set(); state.focus = "deal-new-title"; state.redraw(); });
    form.append(el("p", {className: "deal-reply"}, "In answer to " + state.replyTo.name + ": sending this refuses it. " +
      "It starts from their terms turned round: you give what they asked, and ask what they offered."), cancel);
  }
  if (deal.counterparts.length > 1) {
    const pick = el("select", {id: "deal-counterpart"}, deal.counterparts.map((c) =>
      el("option", {value: c.role, selected: c.role === other.role}, c.name)));
    pick.addEventListener("change", () => { state.counterpart = pick.value; state.chosen = new Set(); state.replyTo = null; state.redraw(); });
    form.append(el("label", {for: "deal-counterpart"}, "Negotiate with"), pick);
  }
  form.append(el("p", {}, "With " + other.name + " (played by " + (other.computer ? "the computer" : "a team") + "). " + other.trust));
  const choose = el("div", {className: "deal-choose"},
    itemFieldset("You give", other.give.map((item) => itemBox(item, other, state, update))),
    itemFieldset("You ask of " + other.name, other.ask.map((item) => itemBox(item, other, state, update))));
  if (other.unavailable.length) {
    choose.append(el("details", {className: "deal-off", id: "deal-off"}, el("summary", {}, "Not on the table now (" + other.unavailable.length + ")"),
      el("ul", {}, other.unavailable.map((item) => el("li", {}, el("strong", {}, item.label), " (given by " + item.giver_name + "): " + item.why_not + ".")))));
  }
  const why = deal.moment.now ? other.blocked : deal.moment.why;
  const send = el("button", {type: "submit", id: "deal-send", disabled: Boolean(why), "aria-describedby": why ? "deal-send-why" : null},
    state.replyTo ? "Send the counter-proposal to " + other.name : "Send the proposal to " + other.name);
  const bar = el("div", {className: "deal-sendbar"}, summary, error, send);
  if (why) bar.append(el("p", {className: "deal-muted", id: "deal-send-why"}, why));
  form.append(el("div", {className: "deal-columns"}, choose,
    el("section", {className: "deal-weigh-box", "aria-labelledby": "deal-weigh-title"},
      el("h4", {id: "deal-weigh-title", className: "deal-weigh-title"}, "Before you send: how it weighs"), weigh)), bar);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const give = picked(other.give, state), ask = picked(other.ask, state);
    if (!give.length && !ask.length) { error.textContent = "Pick at least one item to give or to ask for."; return; }
    act(Object.assign({}, state.replyTo ? state.replyTo.command : other.command, {give: give, ask: ask}));
  });
  update();
  box.append(form);
}
