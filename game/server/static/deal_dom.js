// Small DOM helpers shared by the negotiation table's modules.
import { t } from "./i18n.js";

/** A new element: ``attrs`` are properties (``className``, ``type``, ``id``...) or ``aria-*``/``data-*``
 * attributes; ``children`` are nodes or strings. */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("aria-") || key.startsWith("data-") || key === "role" || key === "for") node.setAttribute(key, value);
    else node[key] = value;
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== "") node.append(child);
  }
  return node;
}

/** Points of a weighing as people read them: signed, one decimal (``+2.0``, ``-0.5``). */
export function points(value) {
  const rounded = Math.round(value * 10) / 10 + 0;
  return (rounded >= 0 ? "+" : "") + rounded.toFixed(1);
}

/** A total or threshold: one decimal, signed only when negative (``45.1``, ``-3.0``). */
export function score(value) {
  return (Math.round(value * 10) / 10 + 0).toFixed(1);
}

/** A list of labels in words: ``A; B`` or ``nothing``. */
export function labels(list) {
  return list.length ? list.join("; ") : t("nothing");
}

/** An element's id made safe from a server id. */
export function safeId(prefix, id) {
  return prefix + "-" + String(id).replace(/[^A-Za-z0-9_-]/g, "_");
}
