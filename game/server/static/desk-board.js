// A table's public board, as the server sends it (public JSON and its words): a compact card or the projector.
import { el, clock } from "./desk-dom.js";
import { t } from "./i18n.js";

const DOING = {
  choose: (side) => t("{side} answers the news", {side: side}),
  answer: (side) => t("{side} answers a proposal", {side: side}),
  act: (side) => t("{side} plays its part", {side: side}),
};

/** A table's state in words: waiting, turn N of M (paused), over. */
export function statusText(table) {
  if (!table.started) return t("Waiting to start");
  const p = table.public;
  if (p.over) return t("Over (turn {turn} of {turns})", {turn: p.turn, turns: p.turns});
  const turn = t("Turn {turn} of {turns} · {date}", {turn: p.turn, turns: p.turns, date: p.date});
  return p.paused ? t("Paused · {turn}", {turn: turn}) : turn;
}

/** Whose part of the turn it is, in words ("" when nobody's). */
export function momentText(table) {
  const m = table.started && table.public.moment;
  return !m ? "" : DOING[m.kind] ? DOING[m.kind](m.name) : m.name + " " + m.kind;
}

/** The countdown element of a table's turn timer (kept live by ``tickClocks``); null without a timer. */
export function countdown(table) {
  if (!table.started || table.seconds_left === null || table.public.over) return null;
  const p = table.public;
  const running = !p.paused && p.moment !== null && p.moment.kind === "act";
  return el("span", {class: "countdown", "data-left": table.seconds_left, "data-running": running ? "1" : ""},
    t("{time} left", {time: clock(table.seconds_left)}));
}

/** Count every visible timer down (a display only: the server ends the turn when its own count runs out). */
export function tickClocks(since) {
  for (const node of document.querySelectorAll(".countdown")) {
    const left = Number(node.dataset.left) - (node.dataset.running ? (performance.now() - since) / 1000 : 0);
    node.textContent = (left <= 0 ? t("Time is up") : t("{time} left", {time: clock(left)}));
  }
}

function move(indicator) {
  const s = indicator.series;
  const delta = s.length > 1 ? s[s.length - 1] - s[s.length - 2] : 0;
  const rounded = Math.round(delta * 10) / 10;
  if (rounded === 0) return el("span", {class: "move same"}, t("no change"));  // i18n: not shown
  const better = indicator.good === "high" ? rounded > 0 : indicator.good === "low" ? rounded < 0 : null;
  const cls = better === null ? "move" : better ? "move better" : "move worse";  // i18n: not shown
  return el("span", {class: cls}, (rounded > 0 ? "▲ +" : "▼ −") + Math.abs(rounded));
}

function indicatorRow(indicator) {
  const span = indicator.high - indicator.low || 1;
  const share = Math.min(100, Math.max(0, ((indicator.value - indicator.low) / span) * 100));
  const fill = el("span", {class: "fill"});
  fill.style.width = share.toFixed(1) + "%";
  const value = Math.round(indicator.value * 10) / 10;
  return el("li", {class: "indicator"},
    el("span", {class: "label"}, indicator.label),
    el("span", {class: "bar", role: "img", "aria-label": t("{indicator}: {value} of {high}", {indicator: indicator.label, value: value, high: indicator.high})}, fill),
    el("span", {class: "value"}, String(value)),
    move(indicator));
}

function list(title, items, empty) {
  return el("section", {class: "board-part"}, el("h4", {}, title),
    items.length ? el("ul", {}, items.map((text) => el("li", {}, text))) : el("p", {class: "quiet"}, empty));
}

/** The public board of a started table: indicators with bars and moves, this turn's news, last turn's actions,
 * agreements, and the objectives once revealed. */
export function board(table) {
  const p = table.public, words = table.words;
  const news = words.news.filter((n) => n.turn === p.turn && n.kind !== "action").map((n) => n.text);
  const actions = words.news.filter((n) => n.turn === p.turn - 1 && n.kind === "action").map((n) => n.text);
  const parts = [
    el("div", {class: "indicators-part"},
      el("ul", {class: "indicators", "aria-label": t("Indicators")}, p.indicators.map(indicatorRow)),
      el("p", {class: "quiet moves-note"}, t("Arrows: the change in turn {turn} so far.", {turn: p.turn}))),  // i18n: not shown
    list(t("News this turn"), news, t("A quiet turn so far.")),
    list(t("Last turn's actions"), actions, p.turn > 1 ? t("No action last turn.") : t("The first turn: no actions yet.")),
    list(t("Agreements"), words.agreements, t("No agreement yet.")),
  ];
  const objectives = Object.entries(p.objectives);
  if (objectives.length) {
    parts.push(list(t("Objectives"), objectives.map(([role, text]) => (table.roles[role] || role) + ": " + text), ""));
  }
  return el("div", {class: "board"}, parts);
}
