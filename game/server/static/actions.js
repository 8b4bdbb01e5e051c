// The seat's actions, grouped by strategy: cost, forecast, why one cannot be taken now, commit / withdraw, what
// the seat committed, and "Done for this turn". The buttons send the options of the server's decision only.
import { button, el, fill } from "./dom.js";
import { t } from "./i18n.js";

/** Draw the actions into ``root``; ``act(command)`` sends a command; ``blocked`` (paused, offline) disables them. */
export function drawActions(root, view, act, blocked) {
  const decision = view.decision && view.decision.kind === "act" ? view.decision : null;
  const option = (type, id) => decision && decision.options.find((o) => o.command.type === type && (!id || o.command.action === id));
  const labels = Object.fromEntries(view.actions.map((a) => [a.id, a.label]));
  const committed = view.committed.map((id) => labels[id] || id);
  const done = option("done");
  const groups = [];
  for (const action of view.actions) {
    let group = groups.at(-1);
    if (!group || group.family !== action.family) groups.push(group = {family: action.family, label: action.family_label, items: []});
    group.items.push(drawAction(action, option, act, blocked));
  }
  fill(root, 
    el("h2", {}, t("Your actions")),
    el("div", {class: "summary", "aria-live": "polite"},
      el("p", {}, el("strong", {}, t("Capital left: {capital}", {capital: view.capital}))),
      el("p", {}, committed.length ? t("Committed this turn: {actions}.", {actions: committed.join("; ")}) : t("Committed this turn: nothing yet.")),
      el("p", {class: "muted"}, whereYouAre(view, decision))),
    done ? button(t("Done for this turn"), () => act(done.command), {class: "primary", disabled: blocked, "data-key": "done"}) : null,
    ...groups.map((g) => el("section", {class: "family", "aria-label": g.label}, el("h3", {}, g.label), el("ul", {class: "plain"}, g.items))),
  );
}

function whereYouAre(view, decision) {
  if (view.phase !== "actions") return t("Actions open once this turn's news is answered.");
  if (view.decision && view.decision.kind !== "act") return t("Answer the proposal waiting for you first: see the negotiation table.");
  if (decision) return t("Commit the actions you want (each costs capital), then press “Done for this turn”. Forecasts leave out trends and the other side's moves.");
  if (!view.moment) {
    if (!view.done) return t("The other side acts first: your actions open when it is done.");
    return t("You are done for this turn: the turn ends when the other side is done too (or the time is up).");
  }
  const who = view.moment.name;
  if (!view.done) return t("{side} acts first: your actions open when it is done.", {side: who});
  return t("You are done for this turn: the turn ends when {side} is done too (or the time is up).", {side: who});
}

function drawAction(action, option, act, blocked) {
  const commit = action.status === "available" ? option("commit", action.id) : null;
  const withdraw = action.status === "committed" ? option("withdraw", action.id) : null;
  const state = action.status === "committed" ? el("p", {class: "state state-on"}, t("Committed"))  // i18n: not shown
    : action.status === "available" ? null : el("p", {class: "state state-off"}, t("Not available: {reason}", {reason: action.status}));  // i18n: not shown
  return el("li", {class: "action" + (action.status === "committed" ? " committed" : "")},
    el("div", {class: "action-head"}, el("h4", {}, action.label), el("span", {class: "cost"}, t("Cost {cost}", {cost: action.cost}))),
    el("p", {class: "forecast"}, t("Forecast: {forecast}", {forecast: action.forecast_text})),
    state,
    action.description ? el("details", {"data-key": "more:" + action.id}, el("summary", {}, t("More about this action")), el("p", {}, action.description)) : null,
    commit ? button(t("Commit"), () => act(commit.command), {disabled: blocked, "aria-label": t("Commit: {action}", {action: action.label}), "data-key": "commit:" + action.id}) : null,
    withdraw ? button(t("Withdraw"), () => act(withdraw.command), {disabled: blocked, "aria-label": t("Withdraw: {action}", {action: action.label}), "data-key": "withdraw:" + action.id}) : null);
}
