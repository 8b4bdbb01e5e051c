// The proposals the seat sent and received (with how each weighs for it and its answers) and the agreements (with
// their schedule, status and breaking one after seeing what it costs).
import { el, labels, safeId } from "./deal_dom.js";
import { breakdown } from "./deal_weigh.js";

function counterButton(p, state) {
  const button = el("button", {type: "button", id: safeId("deal-counter", p.id)}, "Counter-propose…");
  button.addEventListener("click", () => {
    state.replyTo = {id: p.id, name: p.name, command: p.counter.command};
    state.counterpart = p.other;
    state.chosen = new Set(p.counter.items);
    state.focus = "deal-new-title";
    state.redraw();
  });
  return button;
}

function proposalCard(p, state, act) {
  const title = p.sent ? "Your proposal to " + p.other_name : p.name.charAt(0).toUpperCase() + p.name.slice(1);
  const card = el("article", {className: "deal-card" + (p.status === "open" && !p.sent ? " deal-waiting" : ""),
    id: safeId("deal-proposal", p.id), "aria-labelledby": safeId("deal-proposal", p.id) + "-title"});
  card.append(el("h4", {id: safeId("deal-proposal", p.id) + "-title"}, title),
    el("p", {className: "deal-status"}, "Turn " + p.turn + " · " + p.status_words),
    el("dl", {className: "deal-terms"}, el("dt", {}, "You give"), el("dd", {}, labels(p.you_give)),
      el("dt", {}, "You get"), el("dd", {}, labels(p.you_get))));
  if (p.reply_to) card.append(el("p", {className: "deal-muted"}, "In answer to " + p.reply_to + "."));
  if (p.weighing) card.append(breakdown("How it weighs for you", p.weighing, "h5"));
  if (p.answers.length) {
    card.append(el("div", {className: "deal-buttons"}, p.answers.map((answer) => {
      const button = el("button", {type: "button", id: safeId("deal-answer", p.id) + "-" + answer.label.toLowerCase()},
        answer.label + " " + p.name);
      button.addEventListener("click", () => act(answer.command));
      return button;
    }), p.counter ? counterButton(p, state) : null));
  }
  if (p.answer_note) card.append(el("p", {className: "deal-muted"}, p.answer_note));
  return card;
}

/** Draw the proposals: open ones first, in full; answered ones folded away. */
export function drawProposals(box, deal, state, act) {
  const open = deal.proposals.filter((p) => p.status === "open");
  const done = deal.proposals.filter((p) => p.status !== "open");
  box.append(el("h3", {}, "Proposals"));
  if (!deal.proposals.length) box.append(el("p", {className: "deal-muted"}, "No proposals yet."));
  for (const p of open) box.append(proposalCard(p, state, act));
  if (done.length) {
    box.append(el("details", {className: "deal-earlier", id: "deal-earlier"}, el("summary", {}, "Answered proposals (" + done.length + ")"),
      done.map((p) => proposalCard(p, state, act))));
  }
  box.append(el("p", {className: "deal-muted"}, deal.note));
}

function breakPart(a, state, act) {
  const rule = a.break;
  if (!rule) return null;
  if (!rule.command) return el("p", {className: "deal-muted"}, rule.why_not);
  const id = safeId("deal-break", a.id);
  if (state.confirming !== a.id) {
    const ask = el("button", {type: "button", id: id, disabled: !rule.allowed, "aria-describedby": rule.allowed ? null : id + "-why"},
      "Break " + a.name.toLowerCase() + "…");
    ask.addEventListener("click", () => { state.confirming = a.id; state.focus = id + "-keep"; state.redraw(); });
    return el("div", {}, ask, rule.why_not ? el("p", {className: "deal-muted", id: id + "-why"}, rule.why_not) : null);
  }
  const yes = el("button", {type: "button", id: id + "-yes", className: "deal-danger"}, "Yes, break it");
  yes.addEventListener("click", () => { state.confirming = null; act(rule.command); });
  const keep = el("button", {type: "button", id: id + "-keep"}, "Keep it");
  keep.addEventListener("click", () => { state.confirming = null; state.focus = id; state.redraw(); });
  return el("div", {className: "deal-confirm", role: "group", "aria-labelledby": id + "-ask"},
    el("p", {id: id + "-ask"}, el("strong", {}, "Break " + a.name.toLowerCase() + "? What it would do:")),
    el("ul", {}, rule.forecast.map((line) => el("li", {}, line))), yes, keep);
}

function agreementCard(a, state, act) {
  const id = safeId("deal-agreement", a.id);
  return el("article", {className: "deal-card", id: id, "aria-labelledby": id + "-title"},
    el("h4", {id: id + "-title"}, a.name + " with " + a.with),
    el("p", {className: "deal-status"}, "Made in " + a.made + " · " + a.status),
    el("ul", {className: "deal-parts"}, a.items.map((part) =>
      el("li", {}, el("strong", {}, part.label), " — given by " + part.giver + ", " + part.when + ": " + part.status))),
    el("details", {className: "deal-schedule", id: id + "-schedule"}, el("summary", {}, "Schedule"), el("ul", {}, a.schedule.map((line) => el("li", {}, line)))),
    breakPart(a, state, act));
}

/** Draw the agreements, newest first: those in force in full, the others (implemented or broken) folded away. */
export function drawAgreements(box, deal, state, act) {
  box.append(el("h3", {}, "Agreements"));
  if (!deal.agreements.length) box.append(el("p", {className: "deal-muted"}, "No agreements yet."));
  const current = deal.agreements.filter((a) => a.status === "being implemented");
  const past = deal.agreements.filter((a) => a.status !== "being implemented");
  for (const a of current) box.append(agreementCard(a, state, act));
  if (past.length) {
    box.append(el("details", {className: "deal-earlier", id: "deal-past-agreements"},
      el("summary", {}, "Implemented or broken (" + past.length + ")"), past.map((a) => agreementCard(a, state, act))));
  }
}
