// The negotiation table of the student's page: proposals sent and received with how each weighs for the team,
// building and sending a proposal (with the computer counterpart's likely weighing), and the agreements with their
// schedules and breaking one. Everything drawn comes from the view's ``negotiation`` (see views_deal.py).
import { el } from "./deal_dom.js";
import { drawPicker } from "./deal_picker.js";
import { drawAgreements, drawProposals } from "./deal_lists.js";
import { t } from "./i18n.js";

//: What the page keeps between views: the proposal being built, the proposals already announced, the agreement
//: whose break is being confirmed, and where the keyboard focus was.
const state = {counterpart: null, chosen: new Set(), statuses: null, replyTo: null, confirming: null, focus: null, redraw: () => {}};
let live = null, body = null;

/** The parts of the section kept across views: a live region (so new proposals are announced) and the body. */
function skeleton(root) {
  if (live && root.contains(live) && root.contains(body)) return;
  live = el("p", {className: "deal-live", role: "status", "aria-live": "polite"});
  body = el("div", {className: "deal-body"});
  root.replaceChildren(el("h2", {}, t("Negotiation")), live, body);
}

/** What changed since the last view, in words: proposals received, and answers to the seat's own (nothing for
 * what was already there when the page opened). */
function news(deal) {
  const before = state.statuses;
  state.statuses = new Map(deal.proposals.map((p) => [p.id, p.status]));
  if (before === null) return [];
  const out = [];
  for (const p of deal.proposals) {
    const was = before.get(p.id);
    if (!p.sent && p.status === "open" && was === undefined) {
      out.push(t("New proposal from {side}: you give {give}, you get {get}.", {side: p.other_name,
        give: p.you_give.join("; ") || t("nothing"), get: p.you_get.join("; ") || t("nothing")}));
    } else if (p.sent && was !== undefined && was !== p.status) {
      out.push(t("Your proposal to {side}: {status}.", {side: p.other_name, status: p.status_words}));
    } else if (p.sent && was === undefined) {
      state.chosen = new Set();  // it reached the table: the builder starts afresh
      state.replyTo = null;
      out.push(p.status === "open" ? t("Proposal sent to {side}.", {side: p.other_name})
        : t("Proposal sent to {side}: {status}.", {side: p.other_name, status: p.status_words}));
    }
  }
  return out;
}

/** Announce what changed; the words stay until the next change (and go once the proposals are settled). */
function announce(deal) {
  const said = news(deal);
  if (said.length) live.textContent = said.join(" ");
  else if (!deal.proposals.some((p) => p.status === "open")) live.textContent = "";
}

function draw(deal, act) {
  const focused = document.activeElement && body.contains(document.activeElement) ? document.activeElement.id : null;
  const wanted = state.focus || focused, moved = Boolean(state.focus);
  const opened = [...body.querySelectorAll("details[open]")].map((d) => d.id).filter(Boolean);
  state.focus = null;
  const proposals = el("section", {className: "deal-part", "aria-label": t("Proposals")});
  const picker = el("section", {className: "deal-part", "aria-label": t("Make a proposal")});
  const agreements = el("section", {className: "deal-part", "aria-label": t("Agreements")});
  drawProposals(proposals, deal, state, act);
  if (deal.counterparts.length) drawPicker(picker, deal, state, act);
  drawAgreements(agreements, deal, state, act);
  body.replaceChildren(el("p", {className: "deal-moment" + (deal.moment.now ? " deal-now" : "")},
    deal.moment.now ? t("You may negotiate now.") : deal.moment.why), proposals, agreements, picker);
  for (const id of opened) { const d = document.getElementById(id); if (d) d.open = true; }
  const again = wanted && document.getElementById(wanted);
  if (again && !again.disabled) {
    again.focus({preventScroll: true});
    if (moved) again.scrollIntoView({block: "center"});
  }
}

/** Draw the negotiation part of a team's view into ``root``; ``act(command)`` sends a command of the seat. */
export function drawNegotiation(root, msg, act) {
  const deal = msg.view && msg.view.negotiation;
  if (!deal || !deal.active) { root.replaceChildren(); live = body = null; root.hidden = true; return; }
  root.hidden = false;
  skeleton(root);
  announce(deal);
  state.redraw = () => draw(deal, act);
  draw(deal, act);
}
