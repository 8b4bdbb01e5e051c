// The briefing: the situation, the seat's role and brief, its private objectives and its capital (always
// reachable from the nav's Briefing).
import { button, el, fill } from "./dom.js";
import { parts, t } from "./i18n.js";

/** Draw the briefing; ``go(panel)`` switches to another part of the page. */
export function drawBriefing(root, view, go) {
  const b = view.briefing;
  const others = b.others.map((r) => el("details", {"data-key": "brief:" + r.name}, el("summary", {}, t("{side}: their public brief", {side: r.name})), el("p", {}, r.brief)));
  fill(root, 
    el("h2", {}, t("Your briefing")),
    el("p", {class: "lead"}, ...parts(t("You play {side} in “{title}”."), {side: el("strong", {}, view.role_name), title: b.title})),
    el("h3", {}, t("The situation")),
    el("p", {}, b.situation),
    el("p", {class: "muted"}, b.length),
    el("h3", {}, t("Your brief")),
    el("p", {}, b.brief),
    el("div", {class: "secret"},
      el("h3", {}, t("Your private objectives (your score)")),
      el("p", {}, b.objectives),
      el("p", {class: "muted"}, b.revealed.length ? t("The teacher has shown every side's objectives to the room.")
        : t("Only your team sees these until the end of the game."))),
    el("h3", {}, t("Political capital")),
    el("p", {}, b.capital),
    b.revealed.length ? el("section", {class: "secret", "aria-label": t("Objectives the teacher revealed")},
      el("h3", {}, t("Revealed by the teacher: the other sides' objectives")),
      b.revealed.map((r) => el("p", {}, el("strong", {}, t("{side}:", {side: r.name}) + " "), r.objectives))) : null,
    others.length ? el("h3", {}, t("The other sides")) : null,
    ...others,
    el("p", {}, button(view.decision && view.decision.kind === "choose" ? t("To the board: a decision waits for you") : t("To the board"),
      () => go("board"), {class: "primary", "data-key": "to-board"})),
  );
}
