// The negotiation table of the student's page: the seat's open proposals and agreements (see views_deal.py).

/** Draw the negotiation part of a team's view into ``root``; ``act(command)`` sends a command of the seat. */
export function drawNegotiation(root, msg, act) {
  root.replaceChildren();
  const deal = msg.view && msg.view.negotiation;
  if (!deal) return;
  const heading = document.createElement("h2");
  heading.textContent = "Agreements in force: " + deal.agreements.length;
  root.append(heading);
}
