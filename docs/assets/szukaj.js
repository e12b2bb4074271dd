// Search page: Pagefind's index, queried as a Polish reader means it.
//
// Polish letters don't matter: every query is folded (lower case, no diacritics, "ł" as "l")
// before Pagefind sees it, so "Wałbrzych" and "walbrzych" are one query with one answer. The
// index holds the pages folded the same way: Pagefind strips diacritics itself, and "ł", which
// has no Unicode decomposition, is indexed as "l" with a combining overlay (L_OVERLAY; see
// hooks/palarchiwum/search/searchable_pages.py) that Pagefind strips too. What the page shows
// has its "ł" back.
//
// Ranking: first the pages the query names (a municipality, then its programmes, then a topic);
// then programmes whose full title it names; then other pages it names by their title; then
// programmes (in force, yet to start, ended, replaced, repealed), municipalities, topics and
// pages about the archive; within each, Pagefind's order. The clerks' guides are listed only when
// the query names them. Snippets come from the page's own text (for a programme, the adopted
// document; the index leaves out its extract), never from labels or links.
//
// When no indexed word starts with a query word, Pagefind falls back to the longest prefix that
// does ("zlobek" → "z"), which finds unrelated pages. Such a fallback is accepted when it only
// cuts an inflectional ending ("bezrobotni" → "bezrobotnych"), and refused otherwise; a query
// that finds nothing gets the archive's closest words as suggestions.

import { plural } from "./polski.js";

const PAGE = 5; // results shown at a time (as in Pagefind's own interface): each downloads a fragment
const EXCERPT_WORDS = 24;
const L_OVERLAY = "\u0337";
const FILTERS = ["rodzaj", "status", "wojewodztwo"];
const HIDDEN = { slownik: "tak" }; // the dictionary page of an index in parts (pagefind_index.py)
const CLERKS = { odbiorcy: "redakcja" };
const SHOWN = "pal-brak--widoczne"; // "nothing found": shown by the class (archiwum.css), not `hidden`
const TITLE_WEIGHT = 7; // Pagefind's weight of an h1: a snippet is taken from the text below it
// Function words that every page has: searching them only costs downloads (each word loads a
// part of the index) and narrows nothing. Dropped unless the query has nothing else.
const STOP_WORDS = new Set(
  "a albo bez by czy dla do i jak jest lub na nad o od oraz po pod przez przy sa sie to u w we z za ze".split(" "),
);

// A word or a query as the index spells it: lower case, no diacritics, "ł" as "l".
export function fold(text) {
  return text.toLowerCase().replace(/ł/g, "l").normalize("NFD").replace(/\p{M}/gu, "");
}

// What the index spells with an overlaid "l", as written: with "ł".
function shown(text) {
  return (text || "").replaceAll("l" + L_OVERLAY, "ł").replaceAll("L" + L_OVERLAY, "Ł");
}

// The query's words, folded, letters and digits only; function words dropped unless that is all.
export function queryWords(query) {
  const words = query
    .split(/\s+/)
    .map((w) => fold(w).replace(/[^\p{L}\p{N}]+/gu, ""))
    .filter(Boolean);
  const meaningful = words.filter((w) => !STOP_WORDS.has(w));
  return meaningful.length ? meaningful : words;
}

// Whether a word found in a page answers a query word: it starts with it, or they differ only
// in an ending of up to four letters (Polish inflection, which Pagefind's Polish stemmer follows:
// "było" finds "była", "były") and share at least three letters.
export function answers(queryWord, foundWord) {
  const q = fold(queryWord);
  const w = fold(foundWord);
  let shared = 0;
  while (shared < q.length && shared < w.length && q[shared] === w[shared]) shared += 1;
  return shared === q.length || shared >= Math.max(3, q.length - 4);
}

// The index, loaded once per page: the entry file is asked for by the index's version, which the
// search page carries, so a browser keeps it (and every other file of the index) until it changes.
let opened = null;
export function openSearch(root, version) {
  opened ||= load(root, version);
  return opened;
}

async function load(root, version) {
  const tag = version || String(Date.now());
  const file = (name) => new URL(`pagefind/${name}?v=${tag}`, root);
  const pagefind = await import(new URL("pagefind/pagefind.js", root).href);
  // Programmes are long documents: do not rank them far below short pages for that alone. The
  // kind of page shown under its title ranks nothing. No web worker: it would be one more script
  // to download (41 kB) for a search that takes milliseconds on the page's own thread.
  const ranking = { pageLength: 0.25, metaWeights: { opis: 0 } };
  const options = { baseUrl: root.pathname, excerptLength: EXCERPT_WORDS, ranking, noWorker: true };
  await pagefind.options({ ...options, metaCacheTag: tag });
  await pagefind.init();
  const json = (name, empty) => fetch(file(name)).then((r) => (r.ok ? r.json() : empty));
  // A large archive is indexed in parts (hooks/palarchiwum/search/pagefind_index.py): search them all.
  const [parts, labels] = await Promise.all([json("czesci.json", []), json("filtry.json", {})]);
  for (const part of parts) await pagefind.mergeIndex(new URL(part, root).pathname, { ...options, metaCacheTag: tag });
  // Every part's filters (a small file per filter and part), which results are ordered by.
  await pagefind.filters();
  return new Search(pagefind, labels, (name) => json(`slowa/${name}.json`, []));
}

class Search {
  constructor(pagefind, labels, words) {
    this.pagefind = pagefind;
    this.labels = labels; // each filter's values in their order, with the words they are offered by
    this.words = words;
    this.shards = new Map();
  }

  // Pagefind's search for folded words under `filters`, leaving out the dictionary page and
  // any `excluded` pages.
  search(words, filters = {}, excluded = []) {
    return this.pagefind.search(words.join(" "), { filters: { ...filters, none: [HIDDEN, ...excluded] } });
  }

  // The same, without a fallback to unrelated prefixes (see the top of this file): results are
  // all genuine or all a fallback, and genuine matches rank first, so the top result tells.
  async genuine(words, filters = {}, excluded = []) {
    const search = await this.search(words, filters, excluded);
    if (!search.results.length) return { results: [], counts: search.filters };
    const data = await search.results[0].data();
    // Its words, compounds split ("Krakowsko-Wieluńskiej" has "wieluńskiej", as Pagefind indexes it).
    const found = fold(`${data.content} ${Object.values(data.meta).join(" ")}`).split(/[^\p{L}\p{N}]+/u);
    const genuine = words.every((q) => found.some((w) => answers(q, w)));
    return genuine ? { results: search.results, counts: search.filters } : { results: [], counts: {} };
  }

  // The ids of `results` that have each value of `key` (one search per value present).
  async valuesOf(words, filters, key, counts) {
    const values = new Map();
    for (const value of Object.keys(this.labels[key] || {})) {
      if (!counts?.[key]?.[value]) continue;
      const { results } = await this.search(words, { ...filters, [key]: value }, [CLERKS]);
      for (const r of results) values.set(r.id, value);
    }
    return values;
  }

  // For each result, the meta fields that every query word matched ("nazwa": the query names it).
  async namedBy(words, filters, results) {
    const fields = new Map(results.map((r) => [r.id, new Set(r.matchedMetaFields || [])]));
    if (words.length === 1) return fields;
    for (const word of words) {
      const { results: one } = await this.search([word], filters);
      const matched = new Map(one.map((r) => [r.id, new Set(r.matchedMetaFields || [])]));
      for (const [id, set] of fields) for (const f of set) if (!matched.get(id)?.has(f)) set.delete(f);
    }
    return fields;
  }

  // The results for `query` under the chosen `filters`, in the archive's order (top of this
  // file), with the count of results each filter value would give.
  async find(query, filters = {}) {
    const words = queryWords(query);
    if (!words.length) return { words, results: [], counts: {} };
    const found = await this.genuine(words, filters, [CLERKS]);
    const { counts } = found;
    const kinds = Object.keys(this.labels.rodzaj || {});
    const statuses = Object.keys(this.labels.status || {});
    const kindOf = await this.valuesOf(words, filters, "rodzaj", counts);
    const statusOf = await this.valuesOf(words, filters, "status", counts);
    const named = await this.namedBy(words, filters, found.results);
    // Pages named by another form of the words, which their text need not have: their filters
    // come with them (a fragment each, the first results shown anyway).
    const known = new Set(found.results.map((r) => r.id));
    const others = (await this.namedByForms(words, filters)).filter((r) => !known.has(r.id));
    for (const r of others) {
      const { filters: values } = await r.data();
      kindOf.set(r.id, values.rodzaj?.[0]);
      if (values.status) statusOf.set(r.id, values.status[0]);
      named.set(r.id, new Set(["nazwa"]));
    }
    const results = [...found.results, ...others];
    // The clerks' guides the query names stand with the other pages it names by their title.
    const clerks = await this.clerksNamed(words, filters);
    const clerkIds = new Set(clerks.map((r) => r.id));
    const group = (r) => {
      if (clerkIds.has(r.id)) return 12;
      const kind = kindOf.get(r.id);
      const status = Math.max(0, statuses.indexOf(statusOf.get(r.id)));
      const by = named.get(r.id);
      if (by.has("nazwa")) return kind === "gmina" ? 0 : kind === "program" ? 1 + status : 6;
      if (by.has("dokument")) return 7 + status; // a programme by its full title
      if (by.has("title") && kind !== "program") return 12;
      if (kind === "program") return 20 + status;
      return 30 + (kinds.includes(kind) ? kinds.indexOf(kind) : kinds.length);
    };
    // Within a group by Pagefind's score, to six digits; equal scores by page. (Pagefind's scores
    // differ in their last digits, and its order of equal ones, with the parts of the index it
    // happens to have loaded: "Społecznej" and "spolecznej" would list two pages each way.)
    const key = (r) => [group(r), -Number(r.score.toPrecision(6)), r.id];
    const order = [...results, ...clerks]
      .map((r) => [key(r), r])
      .sort(([a], [b]) => a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : 1));
    return { words, results: order.map(([, r]) => r), counts };
  }

  // The municipalities, programmes and topics named by another form of each query word: the word
  // with one to three letters of its ending cut, as Polish declines a name ("Wałbrzycha",
  // "w Kętrzynie", "Jaktorowa" name "Wałbrzych", "Kętrzyn", "Jaktorów"), down to four letters.
  // For queries of up to three words (a name; a longer query is a title or a phrase).
  async namedByForms(words, filters) {
    if (words.length > 3) return [];
    let named = null;
    for (const word of words) {
      const found = new Map();
      for (let cut = 1; cut <= 3 && word.length - cut >= 4; cut += 1) {
        const { results } = await this.genuine([word.slice(0, -cut)], filters, [CLERKS]);
        for (const r of results) if (r.matchedMetaFields?.includes("nazwa")) found.set(r.id, r);
      }
      named = named ? new Map([...named].filter(([id]) => found.has(id))) : found;
    }
    return [...named.values()];
  }

  // The clerks' guides whose title has every query word.
  async clerksNamed(words, filters) {
    if (filters.rodzaj && filters.rodzaj !== "archiwum") return [];
    const { results } = await this.genuine(words, { ...filters, ...CLERKS });
    if (!results.length) return [];
    const named = await this.namedBy(words, { ...filters, ...CLERKS }, results);
    return results.filter((r) => named.get(r.id).has("title"));
  }

  // Up to five queries close to one that found nothing: each word that finds nothing alone
  // replaced by the closest of the archive's words (the most common first among equally close),
  // or, when each word finds something alone, the words one at a time. Each suggestion finds.
  async suggest(query, filters = {}) {
    const words = queryWords(query);
    const alone = [];
    for (const w of words) alone.push((await this.genuine([w], filters)).results.length > 0);
    const queries = [];
    if (words.length > 1 && alone.every(Boolean)) queries.push(...words);
    else {
      const options = await Promise.all(words.map((w, i) => (alone[i] ? [w] : this.closest(w))));
      for (let n = 0; n < 5; n += 1) {
        if (options.some((o) => !o.length)) break;
        queries.push(options.map((o) => o[Math.min(n, o.length - 1)]).join(" "));
      }
    }
    const found = [];
    for (const q of [...new Set(queries)]) {
      if (q !== query && (await this.genuine(queryWords(q), filters)).results.length) found.push(q);
      if (found.length === 5) break;
    }
    return found;
  }

  // The archive's words at most two edits from `word` (one for short words), closest first.
  async closest(word) {
    const key = /^[a-z]{2}/.test(word) ? word.slice(0, 2) : "_";
    if (!this.shards.has(key)) this.shards.set(key, this.words(key));
    const limit = word.length <= 4 ? 1 : 2;
    return (await this.shards.get(key))
      .filter(([w]) => Math.abs(w.length - word.length) <= limit)
      .map(([w, pages]) => [w, pages, distance(fold(w), word)])
      .filter(([, , d]) => d <= limit)
      .sort((a, b) => a[2] - b[2] || b[1] - a[1])
      .map(([w]) => w)
      .filter((w, i, all) => all.findIndex((other) => fold(other) === fold(w)) === i)
      .slice(0, 5);
  }
}

// Edits (a letter added, removed, changed, or two swapped) that turn `a` into `b`.
export function distance(a, b) {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j += 1) d[0][j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

function element(tag, attrs = {}, children = []) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "text") el.textContent = value;
    else el.setAttribute(key, value);
  }
  el.append(...children);
  return el;
}

// The words of `content` around the densest of the `locations` the query matched below the
// page's title, those words marked; null when the query matched the title only (it is shown).
function snippet(content, locations) {
  const words = content.split(/\s+/);
  const marked = new Set(locations.filter((l) => l.weight < TITLE_WEIGHT).map((l) => l.location));
  if (!marked.size) return null;
  let start = 0;
  let best = -1;
  for (const at of marked) {
    const from = Math.max(0, at - Math.floor(EXCERPT_WORDS / 3));
    let n = 0;
    for (const other of marked) if (other >= from && other < from + EXCERPT_WORDS) n += 1;
    if (n > best) [best, start] = [n, from];
  }
  const parts = [start > 0 ? "… " : ""];
  for (let i = start; i < Math.min(words.length, start + EXCERPT_WORDS); i += 1) {
    const word = shown(words[i]);
    parts.push(marked.has(i) ? element("mark", { text: word }) : word, " ");
  }
  if (start + EXCERPT_WORDS < words.length) parts.push("…");
  return element("p", { class: "pal-wynik__fragment" }, parts);
}

// A result: its title, what kind of page it is, the snippet, and up to three places in the
// text (its headings) with a snippet each, other than the one shown already.
function resultItem(data) {
  const title = shown(data.meta.title) || data.url;
  const text = snippet(data.content, data.weighted_locations || []);
  const seen = new Set([text?.textContent]);
  const places = (data.sub_results || [])
    .filter((sub) => sub.url !== data.url && sub.url.includes("#") && shown(sub.title) !== title)
    .map((sub) => [sub, snippet(data.content, sub.weighted_locations || [])])
    .filter(([, place]) => place && !seen.has(place.textContent) && seen.add(place.textContent))
    .slice(0, 3)
    .map(([sub, place]) => element("li", {}, [element("a", { href: sub.url, text: shown(sub.title) }), place]));
  return element("li", {}, [
    element("h2", {}, [element("a", { href: data.url, text: title })]),
    element("p", { class: "pal-wynik__opis", text: shown(data.meta.opis) }),
    ...(text ? [text] : []),
    ...(places.length ? [element("ul", { class: "pal-wynik__miejsca", "aria-label": "W tekście" }, places)] : []),
  ]);
}

// The chosen filters from the address, each only if the index has that value.
function chosenFilters(params, labels) {
  const chosen = {};
  for (const key of FILTERS) {
    const value = params.get(key);
    if (value && labels[key] && Object.hasOwn(labels[key], value)) chosen[key] = value;
  }
  return chosen;
}

function fillControls(form, labels, chosen, counts) {
  for (const key of FILTERS) {
    const select = form.elements[key];
    if (!select) continue;
    const options = Object.entries(labels[key] || {}).map(([value, label]) => {
      const n = counts?.[key]?.[value] ?? 0;
      const option = new Option(`${label} (${n})`, value, false, chosen[key] === value);
      option.disabled = n === 0 && chosen[key] !== value;
      return option;
    });
    const every = select.options[0]; // "wszystkie rodzaje", "każdy status": written in the page
    select.replaceChildren(every, ...options);
    select.value = chosen[key] || "";
  }
}

async function main() {
  const form = document.getElementById("pal-szukaj");
  const input = document.getElementById("pal-q");
  const status = document.getElementById("pal-szukaj-stan");
  const list = document.getElementById("pal-wyniki");
  const more = document.getElementById("pal-wiecej");
  const none = document.getElementById("pal-brak");
  const suggestions = document.getElementById("pal-podpowiedzi");
  const root = new URL(form.dataset.korzen, window.location.href);
  const version = document.querySelector('meta[name="pal-wersja-indeksu"]')?.content;
  let results = [];
  let shown = 0;

  async function showMore() {
    const batch = await Promise.all(results.slice(shown, shown + PAGE).map((r) => r.data()));
    list.append(...batch.map((data) => resultItem(data)));
    shown += batch.length;
    more.hidden = shown >= results.length;
  }

  async function showSuggestions(search, query, chosen) {
    const found = await search.suggest(query, chosen);
    const links = found.map((q) => {
      const url = new URL(window.location.href);
      url.searchParams.set("q", q);
      return element("a", { href: url.pathname + url.search, text: q });
    });
    suggestions.replaceChildren(
      ...(links.length ? ["Może chodziło o: ", ...links.flatMap((a, i) => (i ? [", ", a] : [a])), "."] : []),
    );
    suggestions.hidden = !links.length;
    none.classList.add(SHOWN);
  }

  async function run() {
    const params = new URL(window.location.href).searchParams;
    const query = (params.get("q") || "").trim();
    input.value = query;
    list.replaceChildren();
    more.hidden = true;
    none.classList.remove(SHOWN);
    shown = 0;
    if (!queryWords(query).length) {
      status.textContent = "Wpisz słowo lub kilka słów.";
      return;
    }
    status.textContent = "Szukam…";
    let search;
    let found;
    try {
      search = await openSearch(root, version);
      const chosen = chosenFilters(params, search.labels);
      found = await search.find(query, chosen);
      fillControls(form, search.labels, chosen, found.counts);
      results = found.results;
      await showMore();
      if (!results.length) await showSuggestions(search, query, chosen);
    } catch (error) {
      status.textContent = "Nie udało się wczytać wyszukiwarki. Odśwież stronę albo skorzystaj z list programów.";
      throw error;
    }
    // Announced once the first results are on the page, so a screen reader can go straight to them.
    status.textContent = results.length
      ? `Znaleziono ${plural(results.length, "wynik", "wyniki", "wyników")} dla „${query}”.`
      : `Brak wyników dla „${query}”.`;
  }

  // The query and the filters live in the address: a search can be bookmarked or sent, and the
  // back button returns to the one before.
  function go() {
    const url = new URL(window.location.href);
    url.search = "";
    url.searchParams.set("q", input.value);
    for (const key of FILTERS) if (form.elements[key]?.value) url.searchParams.set(key, form.elements[key].value);
    window.history.pushState(null, "", url);
    run();
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    go();
  });
  for (const key of FILTERS) form.elements[key]?.addEventListener("change", go);
  more.addEventListener("click", showMore);
  window.addEventListener("popstate", run);
  if (new URL(window.location.href).searchParams.get("q")) run();
}

if (typeof document !== "undefined" && document.getElementById("pal-szukaj")) main();
