// The page's words in the room's language: ``t("Turn {turn}", {turn: 3})`` and ``tn("{n} team", "{n} teams", n)``
// look the English words up in the catalog the server sends (GET /i18n.json: the room's language), fill the
// ``{name}`` placeholders and fall back to English. The catalog is fetched before any other module runs (this
// module waits for it), so every word drawn is already in the room's language. Static HTML marks its words with
// ``data-i18n`` (the element's text) and ``data-i18n-ATTR`` (an attribute's value): ``translatePage`` turns them.

let catalog = {lang: "en", messages: {}, plurals: {}, plural_index: []};

try {
  const answer = await fetch("/i18n.json", {cache: "no-store"});
  if (answer.ok) catalog = Object.assign(catalog, await answer.json());
} catch {
  // no catalog: the page shows English
}

// The fonts of the catalog's script (the game serves Noto Sans Khmer), regular and bold, before the first draw: a
// phone without them would otherwise show empty boxes until they arrive (at most 3 s of waiting; then the page draws).
const sample = Object.values(catalog.messages).slice(0, 20).join("");
if (sample && document.fonts) {
  const family = getComputedStyle(document.body).fontFamily;
  const loading = ["1em ", "bold 1em "].map((font) => document.fonts.load(font + family, sample).catch(() => []));
  await Promise.race([Promise.all(loading), new Promise((done) => setTimeout(done, 3000))]);
}

/** The page's language code (``en``, ``km``...). */
export function lang() { return catalog.lang; }

function fill(text, values) {
  if (!values) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

/** ``msgid`` in the page's language, with its ``{name}`` placeholders filled from ``values``. */
export function t(msgid, values) {
  return fill(catalog.messages[msgid] || msgid, values);
}

/** The singular or plural form for the count ``n``; ``{n}`` is filled with ``n``. */
export function tn(singular, plural, n, values) {
  const all = Object.assign({n: n}, values || {});
  const forms = catalog.plurals[singular];
  if (!forms || !forms.length) return fill(n === 1 ? singular : plural, all);
  const rule = catalog.plural_index;
  const count = Math.abs(Math.trunc(n));
  const index = !rule.length ? 0 : count < rule.length ? rule[count] : rule[(count % 100) + 100];
  return fill(forms[Math.min(index, forms.length - 1)] || (n === 1 ? singular : plural), all);
}

/** A translated sentence as a list of strings and elements: ``parts(t("Total {score}"), {score: strongElement})``
 * puts each value (an element or a string) where its placeholder is, wherever the translation puts it. */
export function parts(sentence, values) {
  const out = [];
  let last = 0;
  for (const found of sentence.matchAll(/\{(\w+)\}/g)) {
    if (!(found[1] in values)) continue;
    out.push(sentence.slice(last, found.index), values[found[1]]);
    last = found.index + found[0].length;
  }
  out.push(sentence.slice(last));
  return out.filter((part) => part !== "");
}

/** Translate the marked words of ``root`` (the whole page by default) and set the page's language. */
export function translatePage(root) {
  const top = root || document;
  if (!root) document.documentElement.lang = catalog.lang;
  for (const node of top.querySelectorAll("[data-i18n]")) {
    const source = node.dataset.i18nSource || node.textContent.replace(/\s+/g, " ").trim();
    node.dataset.i18nSource = source;
    node.textContent = t(source);
  }
  for (const node of top.querySelectorAll("*")) {
    for (const attr of Array.from(node.attributes)) {
      if (!attr.name.startsWith("data-i18n-") || attr.name === "data-i18n-source") continue;
      const target = attr.name.slice("data-i18n-".length);
      const value = node.getAttribute(target);
      if (value) node.setAttribute(target, t(value));
    }
  }
}

translatePage();
