// The indicators over the game as small inline SVG charts (one per indicator, drawn here: no library), each with
// a text alternative, and the same values as a table for screen readers and for reading exact numbers.
import { el, num } from "./dom.js";
import { t } from "./i18n.js";

const SVG = "http:\/\/www.w3.org/2000/svg";  // (escaped: no comment marker in a string)
const W = 160, H = 48, PAD = 4;

function svg(tag, attrs) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  return node;
}

/** One indicator's values (``series``: the start, then the end of each turn) as a line on its own scale. */
export function sparkline(ind) {
  const series = ind.series.length ? ind.series : [ind.value];
  // The window is zoomed on the values played (a tenth of the scale at least), so small moves show.
  const least = Math.min(...series), most = Math.max(...series);
  const room = Math.max((ind.high - ind.low) / 10, most - least) * 0.6;
  const low = Math.max(ind.low, (least + most) / 2 - room), high = Math.min(ind.high, (least + most) / 2 + room);
  const span = high - low || 1;
  const x = (i) => PAD + (series.length > 1 ? (i * (W - 2 * PAD)) / (series.length - 1) : (W - 2 * PAD) / 2);
  const y = (v) => H - PAD - ((Math.min(high, Math.max(low, v)) - low) / span) * (H - 2 * PAD);
  const points = series.map((v, i) => x(i).toFixed(1) + "," + y(v).toFixed(1)).join(" ");
  const then = t(", then ");
  const words = t("{indicator}: {values} (scale {low} to {high})", {indicator: ind.label, values: series.map(num).join(then), low: num(ind.low), high: num(ind.high)});
  const chart = svg("svg", {viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": words, class: "spark", preserveAspectRatio: "none"});
  const title = svg("title", {}); title.textContent = words; chart.append(title);
  chart.append(svg("line", {x1: PAD, x2: W - PAD, y1: y(series[0]), y2: y(series[0]), class: "mid"}));
  chart.append(svg("polyline", {points, class: "line"}));
  series.forEach((v, i) => chart.append(svg("circle", {cx: x(i), cy: y(v), r: 2.5, class: "dot"})));
  return chart;
}

/** Every indicator's chart, then a table of the values turn by turn. */
export function drawChart(view) {
  const cells = view.indicators.map((ind) => el("li", {class: "chart-cell"},
    el("p", {class: "chart-label"}, ind.label, el("span", {class: "muted"}, " " + num(ind.series[0] ?? ind.value) + " → " + num(ind.value))),
    sparkline(ind)));
  const length = Math.max(...view.indicators.map((i) => i.series.length));
  const heads = Array.from({length}, (_, i) => el("th", {scope: "col"}, i === 0 ? t("Start") : t("After turn {turn}", {turn: i})));
  const rows = view.indicators.map((ind) => el("tr", {}, el("th", {scope: "row"}, ind.label), ind.series.map((v) => el("td", {}, num(v)))));
  return el("section", {"aria-labelledby": "chart-title"},
    el("h2", {id: "chart-title"}, t("The indicators over the game")),
    el("p", {class: "muted"}, t("Each line runs from the start of the game to its end, zoomed on the values it took; the dashed line is where it started.")),
    el("ul", {class: "charts"}, cells),
    el("details", {}, el("summary", {}, t("The same values as a table")),
      el("div", {class: "scroll", tabindex: "0", role: "region", "aria-label": t("Indicator values by turn")},
        el("table", {}, el("thead", {}, el("tr", {}, el("th", {scope: "col"}, t("Indicator")), heads)), el("tbody", {}, rows)))));
}
