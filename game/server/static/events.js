// What the seat must decide now, shown above everything else: an event's choices (the event's text, each
// choice with what it means and its forecast), or a pointer to a proposal waiting at the negotiation table.
import { button, el, fill } from "./dom.js";
import { t } from "./i18n.js";

/** Draw the decision into ``root`` (hidden when there is none); ``act(command)`` sends; ``go(panel)`` switches tab. */
export function drawDecision(root, view, act, blocked, go) {
  const d = view.decision;
  root.hidden = !d || d.kind === "act";
  if (root.hidden) { fill(root, ); return; }
  if (d.kind !== "choose") {
    // A proposal to answer: the negotiation table shows it with its weighing; here only its sentence and the
    // decision's own answers, so the team sees at once that the game waits for it.
    const answering = view.negotiation && view.negotiation.answering;
    const answers = d.options.filter((o) => o.command.type === "respond").map((o) =>
      button(o.label, () => act(o.command), {disabled: blocked, "data-key": "answer:" + d.proposal + ":" + (o.command.accept ? "accept" : "refuse")}));
    fill(root, el("h2", {id: "decision-title"}, t("A proposal waits for your answer")),
      el("p", {}, answering ? answering.text : t("Read it at the negotiation table, with how it weighs for you.")),
      el("p", {}, button(t("See it at the negotiation table"), () => go("negotiation"), {class: "primary", "data-key": "to-negotiation"}), answers));
    return;
  }
  const choices = d.options.map((o, index) => el("li", {class: "choice"},
    el("h3", {}, o.label),
    o.description ? el("p", {}, o.description) : null,
    o.forecast ? el("p", {class: "forecast"}, t("Forecast: {forecast}", {forecast: o.forecast})) : null,
    button(t("Choose “{choice}”", {choice: o.label}), () => act(o.command), {class: "primary", disabled: blocked, "data-key": "choose:" + d.event + ":" + index})));
  fill(root, 
    el("h2", {id: "decision-title"}, t("Decision needed: {event}", {event: d.title})),
    el("p", {}, d.text),
    el("ol", {class: "plain choices"}, choices));  // i18n: not shown
}
