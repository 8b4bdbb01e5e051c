// The end screen: the ending, each side's score and objectives (revealed at the end), the last turn's review, a
// chart of the indicators over the game, and what each computer counterpart thought (the debrief).
import { drawChart } from "./chart.js";
import { drawReview } from "./board.js";
import { el, fill } from "./dom.js";
import { t } from "./i18n.js";

export function drawEnd(root, view) {
  const end = view.end;
  if (!end) { fill(root, el("h1", {id: "end-title"}, t("The game is over"))); return; }
  const rows = end.sides.map((s) => el("tr", {class: s.you ? "you" : ""},
    el("th", {scope: "row"}, s.you ? t("{side} (you)", {side: s.name}) : s.name), el("td", {}, s.score)));
  const objectives = end.sides.map((s) => el("details", {open: s.you},
    el("summary", {}, s.you ? t("Your objectives") : t("Objectives of {side}", {side: s.name})), el("p", {}, s.objectives)));
  fill(root, 
    el("h1", {id: "end-title"}, t("Game over: {ending}", {ending: end.title})),
    el("p", {class: "muted"}, end.when),
    el("p", {class: "lead"}, end.text),
    el("h2", {}, t("Scores")),
    el("p", {class: "muted"}, t("Each side scores against its own objectives, so the scores of different sides are not compared.")),
    el("table", {class: "scores"}, el("thead", {}, el("tr", {}, el("th", {scope: "col"}, t("Side")), el("th", {scope: "col"}, t("Score")))), el("tbody", {}, rows)),
    ...objectives,
    el("h2", {}, t("Your decisions, turn by turn")),
    el("ul", {}, end.recap.map((r) => el("li", {}, el("strong", {}, t("Turn {turn} ({date}):", {turn: r.turn, date: r.date}) + " "),
      r.did.length ? r.did.join("; ") + "." : t("no action.")))),
    drawChart(view),
    view.review ? drawReview(view.review) : null,
    ...end.debriefs.map(drawDebrief),
  );
}

function drawDebrief(d) {
  const title = t("Debrief: how {side} saw the game", {side: d.name});
  return el("section", {class: "debrief", "aria-label": title},
    el("h2", {}, title),
    el("p", {class: "lead"}, d.summary),
    el("h3", {}, t("What {side} cared about", {side: d.name})),
    el("ul", {}, d.cared.map((line) => el("li", {}, line))),
    d.stances.length ? el("h3", {}, t("The proposals between you")) : null,
    d.stances.length ? el("ul", {}, d.stances.map((line) => el("li", {}, line))) : null,
    d.willingness.length ? el("h3", {}, t("How your moves shifted its willingness to deal")) : null,
    d.willingness.length ? el("ul", {}, d.willingness.map((line) => el("li", {}, line))) : null);
}
