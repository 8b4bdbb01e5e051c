// What the seat must decide now, shown above everything else: an event's choices (the event's text, each
// choice with what it means and its forecast), or a pointer to a proposal waiting at the negotiation table.
import { button, el, fill } from "./dom.js";

/** Draw the decision into ``root`` (hidden when there is none); ``act(command)`` sends; ``go(panel)`` switches tab. */
export function drawDecision(root, view, act, blocked, go) {
  const d = view.decision;
  root.hidden = !d || d.kind === "act";
  if (root.hidden) { fill(root, ); return; }
  if (d.kind !== "choose") {
    fill(root, el("h2", {id: "decision-title"}, "A proposal waits for your answer"),
      el("p", {}, "Read it and answer it at the negotiation table."),
      button("Open the negotiation table", () => go("negotiation"), {"data-key": "to-negotiation"}));
    return;
  }
  const choices = d.options.map((o, index) => el("li", {class: "choice"},
    el("h3", {}, o.label),
    o.description ? el("p", {}, o.description) : null,
    o.forecast ? el("p", {class: "forecast"}, "Forecast: " + o.forecast) : null,
    button("Choose “" + o.label + "”", () => act(o.command), {class: "primary", disabled: blocked, "data-key": "choose:" + d.event + ":" + index})));
  fill(root, 
    el("h2", {id: "decision-title"}, "Decision needed: " + d.title),
    el("p", {}, d.text),
    el("ol", {class: "plain choices"}, choices));
}
