// The briefing: the situation, the seat's role and brief, its private objectives and its capital (always
// reachable from the nav's Briefing).
import { button, el, fill } from "./dom.js";

/** Draw the briefing; ``go(panel)`` switches to another part of the page. */
export function drawBriefing(root, view, go) {
  const b = view.briefing;
  const others = b.others.map((r) => el("details", {"data-key": "brief:" + r.name}, el("summary", {}, r.name + ": their public brief"), el("p", {}, r.brief)));
  fill(root, 
    el("h2", {}, "Your briefing"),
    el("p", {class: "lead"}, "You play ", el("strong", {}, view.role_name), " in “" + b.title + "”."),
    el("h3", {}, "The situation"),
    el("p", {}, b.situation),
    el("p", {class: "muted"}, b.length),
    el("h3", {}, "Your brief"),
    el("p", {}, b.brief),
    el("div", {class: "secret"},
      el("h3", {}, "Your private objectives (your score)"),
      el("p", {}, b.objectives),
      el("p", {class: "muted"}, b.revealed.length ? "The teacher has shown every side's objectives to the room."
        : "Only your team sees these until the end of the game.")),
    el("h3", {}, "Political capital"),
    el("p", {}, b.capital),
    b.revealed.length ? el("section", {class: "secret", "aria-label": "Objectives the teacher revealed"},
      el("h3", {}, "Revealed by the teacher: the other sides' objectives"),
      b.revealed.map((r) => el("p", {}, el("strong", {}, r.name + ": "), r.objectives))) : null,
    others.length ? el("h3", {}, "The other sides") : null,
    ...others,
    el("p", {}, button(view.decision && view.decision.kind === "choose" ? "To the board: a decision waits for you" : "To the board",
      () => go("board"), {class: "primary", "data-key": "to-board"})),
  );
}
