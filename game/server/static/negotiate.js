// The negotiation table of the student's page: proposals sent and received with how each weighs for the team,
// building and sending a proposal (with the computer counterpart's likely weighing), and the agreements with their
// schedules and breaking one. Everything drawn comes from the view's ``negotiation`` (see views_deal.py).
import { el } from "./deal_dom.js";
import { drawPicker } from "./deal_picker.js";
import { drawAgreements, drawProposals } from "./deal_lists.js";

//: What the page keeps between views: the proposal being built, the proposals already announced, the agreement
//: whose break is being confirmed, and where the keyboard focus was.
const state = {counterpart: null, chosen: new Set(), seen: null, confirming: null, focus: null, sent: null, redraw: () => {}};
let live = null, body = null;

/** The parts of the section kept across views: a live region (so new proposals are announced) and the body. */
function skeleton(root) {
  if (live && root.contains(live) && root.contains(body)) return;
  live = el("p", {className: "deal-live", role: "status", "aria-live": "polite"});
  body = el("div", {className: "deal-body"});
  root.replaceChildren(el("h2", {}, "Negotiation"), live, body);
}

/** Announce proposals received since the last view (not those already there when the page opened). */
function announce(deal) {
  const received = deal.proposals.filter((p) => !p.sent && p.status === "open");
  const fresh = state.seen === null ? [] : received.filter((p) => !state.seen.has(p.id));
  state.seen = new Set(deal.proposals.map((p) => p.id));
  if (fresh.length) {
    live.textContent = fresh.map((p) => "New proposal from " + p.other_name + ": you give " + (p.you_give.join("; ") || "nothing") +
      ", you get " + (p.you_get.join("; ") || "nothing") + ".").join(" ");
  } else if (state.sent) {
    live.textContent = "Proposal sent to " + state.sent + ".";
  }
  state.sent = null;
}

function draw(deal, act) {
  const focused = document.activeElement && body.contains(document.activeElement) ? document.activeElement.id : null;
  const wanted = state.focus || focused;
  state.focus = null;
  const proposals = el("section", {className: "deal-part", "aria-label": "Proposals"});
  const picker = el("section", {className: "deal-part", "aria-label": "Make a proposal"});
  const agreements = el("section", {className: "deal-part", "aria-label": "Agreements"});
  drawProposals(proposals, deal, act);
  if (deal.counterparts.length) drawPicker(picker, deal, state, act);
  drawAgreements(agreements, deal, state, act);
  body.replaceChildren(el("p", {className: "deal-moment" + (deal.moment.now ? " deal-now" : "")},
    deal.moment.now ? "You may negotiate now." : deal.moment.why), proposals, picker, agreements);
  const again = wanted && document.getElementById(wanted);
  if (again && !again.disabled) again.focus();
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
