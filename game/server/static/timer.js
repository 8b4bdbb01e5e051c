// The turn timer in the page's header: counted down on the page from the server's ``seconds_left``, set again at
// each view (the server alone ends a turn whose time ran out).
import { clock } from "./dom.js";
import { t } from "./i18n.js";

let shown = null, left = null, deadline = null;

/** A new view: the time left as the server counts it. */
export function setTimer(msg) {
  shown = msg.view || null;
  left = timeLeft(msg);
  deadline = left === null ? null : Date.now() + left * 1000;
  tick();
}

/** Seconds left in the turn as the server counts them (``null``: no timer); a timer the teacher has just set and
 * the server has not counted yet starts full. */
function timeLeft(msg) {
  if (msg.seconds_left !== null && msg.seconds_left !== undefined) return msg.seconds_left;
  return msg.view && msg.view.turn_seconds ? msg.view.turn_seconds : null;
}

/** The turn timer, counted down on the page from the server's ``seconds_left`` (set again at each view). The server
 * counts only while the seat's side acts (not during the news, nor in a pause), and so does the page. */
export function tick() {
  const view = shown;
  const out = document.getElementById("fact-timer");
  if (!view) return;
  const running = view.phase === "actions" && !view.paused;
  if (deadline !== null && !running) deadline = Date.now() + left * 1000;
  if (view.paused) out.textContent = t("paused");
  else if (deadline === null) out.textContent = t("no limit");
  else if (!running) out.textContent = t("{time} after the news", {time: clock(left)});
  else {
    const now = (deadline - Date.now()) / 1000;
    out.textContent = now > 0 ? clock(now) : t("time is up");
    out.classList.toggle("short", now > 0 && now <= 30);
  }
}

setInterval(tick, 1000);
