// How a proposal weighs: a whole evaluation from the server, or one added up from the server's parts while the
// proposal is built (the evaluator is a sum of independent reasons; see views_deal_weigh.py, ``compose``).
import { el, points, score } from "./deal_dom.js";
import { parts, t } from "./i18n.js";

/** The weighing of ``give`` for ``ask`` from the server's ``parts`` (its ``weigh_parts``): the same sum as the
 * server's ``compose``. */
export function compose(parts, give, ask) {
  const [first, second] = parts.first === "give" ? [give, ask] : [ask, give];
  const reasons = [...first, ...second].map((id) => parts.items[id]).filter(Boolean);
  let gain = 0;
  for (const reason of reasons) gain += reason.points;
  const all = reasons.concat(parts.context);
  let total = 0;
  for (const reason of all) total += reason.points;
  if (reasons.length && total >= parts.threshold && gain < parts.min_gain) {
    const words = parts.no_gain.replace("{gain}", points(gain)).replace("{min_gain}", points(parts.min_gain));
    all.push({label: words, points: 0});
  }
  const accept = total >= parts.threshold && gain >= parts.min_gain;
  return {reasons: all, score: total, threshold: parts.threshold, accept: accept,
          verdict: accept ? parts.verdict[0] : parts.verdict[1]};
}

function sign(value) { return value > 0 ? "plus" : value < 0 ? "minus" : "zero"; }

/** A list of reasons with their points (coloured by sign, always with the number). */
export function reasonList(reasons) {
  return el("ul", {className: "deal-reasons"}, reasons.map((reason) =>
    el("li", {}, el("span", {className: "deal-points " + sign(reason.points)}, points(reason.points)), el("span", {}, reason.label))));
}

/** The total against the threshold and the verdict, in one sentence. */
export function totalLine(weighing) {
  const sentence = t("Total {score} against a threshold of {threshold}:");
  return el("p", {className: "deal-total"}, ...parts(sentence, {score: el("strong", {}, score(weighing.score)), threshold: score(weighing.threshold)}), " ",
    el("strong", {className: weighing.accept ? "deal-yes" : "deal-no"}, weighing.verdict + "."));
}

/** A titled breakdown: the reasons, then the total and the verdict. */
export function breakdown(title, weighing, level) {
  return el("div", {className: "deal-breakdown"}, el(level || "h4", {}, title), reasonList(weighing.reasons), totalLine(weighing));
}
