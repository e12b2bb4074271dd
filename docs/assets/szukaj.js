// Search page: Pagefind's index, queried with Polish spelling in mind.
//
// Pagefind (with the page language "pl") folds most diacritics and matches words by prefix, so
// "ketrzyn" finds "Kętrzynie". "ł" has no Unicode decomposition, so every indexed page also
// carries its "ł" words spelled without Polish letters in the meta field "lacinka" (written at
// build time, see hooks/palarchiwum/search/searchable_pages.py): "zlobek" finds "żłobek" in one search.
//
// When no indexed word starts with a query word, Pagefind falls back to the longest prefix
// that does ("zlobek" → "z"), which finds unrelated pages. Such a fallback is accepted when it
// only cuts an inflectional ending ("bezrobotni" → "bezrobotnych"), and refused otherwise.

import { plural } from "./polski.js";

const PAGE = 5; // results shown at a time (as in Pagefind's own interface): each downloads a fragment
const EXCERPT_WORDS = 24;
// Function words that every page has: searching them only costs downloads (each word loads a
// part of the index) and narrows nothing. Dropped unless the query has nothing else.
const STOP_WORDS = new Set(
  "a albo bez by czy dla do i jak jest lub na nad o od oraz po pod przez przy sa się sie to u w we z za ze że".split(" "),
);

// Fold a word for comparison: lower case, no diacritics, "ł" as "l", letters and digits only.
function fold(text) {
  return text
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ł/g, "l")
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

function queryWords(query) {
  const words = query.split(/\s+/).filter((w) => fold(w));
  const meaningful = words.filter((w) => !STOP_WORDS.has(w.toLowerCase()));
  return meaningful.length ? meaningful : words;
}

// Whether a word found in a page answers a query word: it starts with it, or they differ only
// in an ending of up to four letters (Polish inflection) and share at least four letters.
export function answers(queryWord, foundWord) {
  const q = fold(queryWord);
  const w = fold(foundWord);
  let shared = 0;
  while (shared < q.length && shared < w.length && q[shared] === w[shared]) shared += 1;
  return shared === q.length || shared >= Math.max(4, q.length - 4);
}

// The words a result matched: in its text, and in the meta fields that matched (title, lacinka).
function matchedWords(result, data) {
  const words = data.content.split(/\s+/);
  const inText = data.locations.map((i) => words[i] || "");
  const inMeta = (result.matchedMetaFields || []).flatMap((f) => (data.meta[f] || "").split(/\s+/));
  return inText.concat(inMeta);
}

// Results are all genuine or all a fallback (Pagefind falls back per word only when the word
// has no match at all), and genuine matches rank first: the top result tells.
async function genuineResults(pagefind, query) {
  const search = await pagefind.search(queryWords(query).join(" "), { filters: { not: { rodzaj: "slownik" } } });
  if (!search.results.length) return [];
  const top = search.results[0];
  const found = matchedWords(top, await top.data());
  return queryWords(query).every((q) => found.some((w) => answers(q, w))) ? search.results : [];
}

function element(tag, attrs = {}, children = []) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "html") el.innerHTML = value; // Pagefind's excerpts: escaped text with <mark>
    else if (key === "text") el.textContent = value;
    else el.setAttribute(key, value);
  }
  el.append(...children);
  return el;
}

// A page found through its "ł"-free spellings has no marked words in Pagefind's excerpt: show
// the text around the first word that answers the query, that word marked.
function excerpt(data, words) {
  if (data.excerpt.includes("<mark>")) return element("p", { html: data.excerpt });
  const content = data.content.split(/\s+/);
  const at = content.findIndex((w) => words.some((q) => answers(q, w)));
  if (at < 0) return element("p", { html: data.excerpt });
  const start = Math.max(0, at - Math.floor(EXCERPT_WORDS / 2));
  const before = content.slice(start, at).join(" ");
  const after = content.slice(at + 1, start + EXCERPT_WORDS).join(" ");
  return element("p", {}, [before + " ", element("mark", { text: content[at] }), " " + after]);
}

function resultItem(data, words) {
  const subs = (data.sub_results || [])
    .filter((sub) => sub.url !== data.url && sub.url.includes("#") && sub.title !== data.meta.title)
    .slice(0, 3)
    .map((sub) =>
      element("li", {}, [element("a", { href: sub.url, text: sub.title }), " — ", element("span", { html: sub.excerpt })]),
    );
  return element("li", {}, [
    element("h2", {}, [element("a", { href: data.url, text: data.meta.title || data.url })]),
    element("p", { class: "pal-wynik__opis", text: data.meta.opis || "" }),
    excerpt(data, words),
    ...(subs.length ? [element("ul", { class: "pal-wynik__miejsca" }, subs)] : []),
  ]);
}

async function main() {
  const form = document.getElementById("pal-szukaj");
  const input = document.getElementById("pal-q");
  const status = document.getElementById("pal-szukaj-stan");
  const list = document.getElementById("pal-wyniki");
  const more = document.getElementById("pal-wiecej");
  const root = new URL(form.dataset.korzen, window.location.href);
  let pagefind = null;
  let results = [];
  let words = [];
  let shown = 0;

  async function load() {
    if (!pagefind) {
      pagefind = await import(new URL("pagefind/pagefind.js", root).href);
      // Programmes are long documents: do not rank them far below short pages for that alone.
      // No web worker: it would be one more script to download (41 kB) for a search that takes
      // milliseconds on the page's own thread.
      const ranking = { pageLength: 0.25 };
      const options = { baseUrl: root.pathname, excerptLength: EXCERPT_WORDS, ranking, noWorker: true };
      await pagefind.options(options);
      await pagefind.init();
      // A large archive is indexed in parts (hooks/palarchiwum/search/pagefind_index.py): search them all.
      const parts = await fetch(new URL("pagefind/czesci.json", root)).then((r) => (r.ok ? r.json() : []));
      for (const part of parts) await pagefind.mergeIndex(new URL(part, root).pathname, options);
    }
    return pagefind;
  }

  async function showMore() {
    const batch = await Promise.all(results.slice(shown, shown + PAGE).map((r) => r.data()));
    list.append(...batch.map((data) => resultItem(data, words)));
    shown += batch.length;
    more.hidden = shown >= results.length;
  }

  async function run(query) {
    list.replaceChildren();
    more.hidden = true;
    shown = 0;
    words = queryWords(query);
    if (!words.length) {
      status.textContent = "Wpisz słowo lub kilka słów.";
      return;
    }
    status.textContent = "Szukam…";
    try {
      results = await genuineResults(await load(), query.trim());
    } catch (error) {
      status.textContent = "Nie udało się wczytać wyszukiwarki. Odśwież stronę albo skorzystaj z list programów.";
      throw error;
    }
    await showMore();
    // Announced once the first results are on the page, so a screen reader can go straight to them.
    status.textContent = results.length
      ? `Znaleziono ${plural(results.length, "wynik", "wyniki", "wyników")} dla „${query.trim()}”.`
      : `Brak wyników dla „${query.trim()}”. Spróbuj innego słowa albo krótszej formy.`;
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const url = new URL(window.location.href);
    url.searchParams.set("q", input.value);
    window.history.replaceState(null, "", url);
    run(input.value);
  });
  more.addEventListener("click", showMore);
  const query = new URL(window.location.href).searchParams.get("q") || "";
  if (query) {
    input.value = query;
    run(query);
  }
}

if (typeof document !== "undefined" && document.getElementById("pal-szukaj")) main();
