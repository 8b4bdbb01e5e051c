// The end screen: the ending, each side's score and objectives (revealed at the end), the last turn's review, a
// chart of the indicators over the game, and what each computer counterpart thought (the debrief).
import { drawChart } from "./chart.js";
import { drawReview } from "./board.js";
import { el, fill } from "./dom.js";

export function drawEnd(root, view) {
  const end = view.end;
  if (!end) { fill(root, el("h1", {id: "end-title"}, "The game is over")); return; }
  const rows = end.sides.map((s) => el("tr", {class: s.you ? "you" : ""},
    el("th", {scope: "row"}, s.name + (s.you ? " (you)" : "")), el("td", {}, s.score)));
  const objectives = end.sides.map((s) => el("details", {open: s.you},
    el("summary", {}, (s.you ? "Your" : s.name + "'s") + " objectives"), el("p", {}, s.objectives)));
  fill(root, 
    el("h1", {id: "end-title"}, "Game over: " + end.title),
    el("p", {class: "muted"}, end.when),
    el("p", {class: "lead"}, end.text),
    el("h2", {}, "Scores"),
    el("p", {class: "muted"}, "Each side scores against its own objectives, so the scores of different sides are not compared."),
    el("table", {class: "scores"}, el("thead", {}, el("tr", {}, el("th", {scope: "col"}, "Side"), el("th", {scope: "col"}, "Score"))), el("tbody", {}, rows)),
    ...objectives,
    el("h2", {}, "Your decisions, turn by turn"),
    el("ul", {}, end.recap.map((t) => el("li", {}, el("strong", {}, "Turn " + t.turn + " (" + t.date + "): "),
      t.did.length ? t.did.join("; ") + "." : "no action."))),
    drawChart(view),
    view.review ? drawReview(view.review) : null,
    ...end.debriefs.map(drawDebrief),
  );
}

function drawDebrief(d) {
  return el("section", {class: "debrief", "aria-label": "Debrief: how " + d.name + " saw the game"},
    el("h2", {}, "Debrief: how " + d.name + " saw the game"),
    el("p", {class: "lead"}, d.summary),
    el("h3", {}, "What " + d.name + " cared about"),
    el("ul", {}, d.cared.map((line) => el("li", {}, line))),
    d.stances.length ? el("h3", {}, "The proposals between you") : null,
    d.stances.length ? el("ul", {}, d.stances.map((line) => el("li", {}, line))) : null,
    d.willingness.length ? el("h3", {}, "How your moves shifted its willingness to deal") : null,
    d.willingness.length ? el("ul", {}, d.willingness.map((line) => el("li", {}, line))) : null);
}
