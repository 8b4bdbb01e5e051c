// The proposals the seat sent and received (with how each weighs for it and its answers) and the agreements (with
// their schedule, status and breaking one after seeing what it costs).
import { el, labels, safeId } from "./deal_dom.js";
import { breakdown } from "./deal_weigh.js";
import { t } from "./i18n.js";

function counterButton(p, state) {
  const button = el("button", {type: "button", id: safeId("deal-counter", p.id)}, t("Counter-propose…"));
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
  const title = p.sent ? t("Your proposal to {side}", {side: p.other_name}) : p.name.charAt(0).toUpperCase() + p.name.slice(1);
  const card = el("article", {className: "deal-card" + (p.status === "open" && !p.sent ? " deal-waiting" : ""),
    id: safeId("deal-proposal", p.id), "aria-labelledby": safeId("deal-proposal", p.id) + "-title"});
  card.append(el("h4", {id: safeId("deal-proposal", p.id) + "-title"}, title),
    el("p", {className: "deal-status"}, t("Turn {turn} · {status}", {turn: p.turn, status: p.status_words})),
    el("dl", {className: "deal-terms"}, el("dt", {}, t("You give")), el("dd", {}, labels(p.you_give)),
      el("dt", {}, t("You get")), el("dd", {}, labels(p.you_get))));
  if (p.reply_to) card.append(el("p", {className: "deal-muted"}, t("In answer to {proposal}.", {proposal: p.reply_to})));
  if (p.weighing) card.append(breakdown(t("How it weighs for you"), p.weighing, "h5"));
  if (p.answers.length) {
    card.append(el("div", {className: "deal-buttons"}, p.answers.map((answer) => {
      const button = el("button", {type: "button", id: safeId("deal-answer", p.id) + "-" + (answer.command.accept ? "accept" : "refuse")},
        t("{answer} {proposal}", {answer: answer.label, proposal: p.name}));
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
  box.append(el("h3", {}, t("Proposals")));
  if (!deal.proposals.length) box.append(el("p", {className: "deal-muted"}, t("No proposals yet.")));
  for (const p of open) box.append(proposalCard(p, state, act));
  if (done.length) {
    box.append(el("details", {className: "deal-earlier", id: "deal-earlier"}, el("summary", {}, t("Answered proposals ({n})", {n: done.length})),
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
      t("Break {agreement}…", {agreement: a.name.toLowerCase()}));
    ask.addEventListener("click", () => { state.confirming = a.id; state.focus = id + "-keep"; state.redraw(); });
    return el("div", {}, ask, rule.why_not ? el("p", {className: "deal-muted", id: id + "-why"}, rule.why_not) : null);
  }
  const yes = el("button", {type: "button", id: id + "-yes", className: "deal-danger"}, t("Yes, break it"));
  yes.addEventListener("click", () => { state.confirming = null; act(rule.command); });
  const keep = el("button", {type: "button", id: id + "-keep"}, t("Keep it"));
  keep.addEventListener("click", () => { state.confirming = null; state.focus = id; state.redraw(); });
  return el("div", {className: "deal-confirm", role: "group", "aria-labelledby": id + "-ask"},
    el("p", {id: id + "-ask"}, el("strong", {}, t("Break {agreement}? What it would do:", {agreement: a.name.toLowerCase()}))),
    el("ul", {}, rule.forecast.map((line) => el("li", {}, line))), yes, keep);
}

function agreementCard(a, state, act) {
  const id = safeId("deal-agreement", a.id);
  return el("article", {className: "deal-card", id: id, "aria-labelledby": id + "-title"},
    el("h4", {id: id + "-title"}, t("{agreement} with {side}", {agreement: a.name, side: a.with})),
    el("p", {className: "deal-status"}, t("Made in {when} · {status}", {when: a.made, status: a.status_words || a.status})),
    el("ul", {className: "deal-parts"}, a.items.map((part) =>
      el("li", {}, el("strong", {}, part.label), " — " + t("given by {side}, {when}: {status}", {side: part.giver, when: part.when, status: part.status})))),
    el("details", {className: "deal-schedule", id: id + "-schedule"}, el("summary", {}, t("Schedule")), el("ul", {}, a.schedule.map((line) => el("li", {}, line)))),
    breakPart(a, state, act));
}

/** Draw the agreements, newest first: those in force in full, the others (implemented or broken) folded away. */
export function drawAgreements(box, deal, state, act) {
  box.append(el("h3", {}, t("Agreements")));
  if (!deal.agreements.length) box.append(el("p", {className: "deal-muted"}, t("No agreements yet.")));
  const current = deal.agreements.filter((a) => a.status === "being implemented");  // i18n: not shown
  const past = deal.agreements.filter((a) => a.status !== "being implemented");  // i18n: not shown
  for (const a of current) box.append(agreementCard(a, state, act));
  if (past.length) {
    box.append(el("details", {className: "deal-earlier", id: "deal-past-agreements"},
      el("summary", {}, t("Implemented or broken ({n})", {n: past.length})), past.map((a) => agreementCard(a, state, act))));
  }
}
