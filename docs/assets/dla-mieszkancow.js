// "Dla mieszkańców": find the archive's programmes by group, place and status, in the browser.
//
// The choice lives in the address, as the form's own GET parameters
// (?grupa=…&wojewodztwo=…&gmina=…&status=…): it can be bookmarked or sent, a reload keeps it,
// and the back button returns to the previous one. A value the form does not offer is ignored
// (and dropped from the address); nothing from the address is ever written into the page but
// as a chosen option. The data file lists programmes in force first. Without JavaScript the
// form stays hidden and the page's lists of groups and voivodeships do the same job.

import { plural } from "./polski.js";

const PAGE = 50;
const FIELDS = ["grupa", "wojewodztwo", "gmina", "status"];

function element(tag, className, ...children) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  el.append(...children); // strings become text nodes
  return el;
}

// "brak w dokumencie źródłowym", or where the archive holds only part of the text, in that part.
function missing(programme) {
  return programme.niepelny ? "brak w części tekstu, którą ma archiwum" : "brak w dokumencie źródłowym";
}

function fact(label, value) {
  return element("p", "pal-znajdz__fakt", element("strong", "", `${label}: `), value);
}

function item(programme, data, root) {
  const place = data.gminy[programme.gmina];
  const link = element("a", "", programme.tytul);
  link.href = new URL(programme.adres, root).href;
  const groups = programme.grupy.map((i) => data.grupy[i].nazwa).join(" · ");
  return element(
    "li",
    "pal-znajdz__program",
    element("h2", "", link),
    element(
      "p",
      "pal-znajdz__gdzie",
      `${place.nazwa} (województwo ${place.wojewodztwo}) · ${programme.okres} · ${data.statusy[programme.status]}`,
    ),
    fact("Cel główny", programme.cel || missing(programme)),
    fact("Dla kogo", groups || missing(programme)),
  );
}

// Every status of the archive, each with how many programmes have it.
function fillStatuses(select, data) {
  const options = Object.entries(data.statusy).map(([code, label]) => {
    const count = data.programy.filter((p) => p.status === code).length;
    return new Option(`${label} (${count})`, code);
  });
  select.replaceChildren(new Option("każdy status", ""), ...options);
}

// The municipalities of the chosen voivodeship (of every one, when none is chosen), grouped by
// voivodeship in the order of the voivodeship list; the chosen municipality stays if listed.
function fillPlaces(form, data) {
  const region = form.elements.wojewodztwo.value;
  const select = form.elements.gmina;
  const chosen = select.value;
  const regions = [...form.elements.wojewodztwo.options]
    .map((option) => option.value)
    .filter((value) => value && (!region || value === region));
  const groups = regions.map((name) => {
    const group = document.createElement("optgroup");
    group.label = `województwo ${name}`;
    for (const [key, place] of Object.entries(data.gminy)) {
      if (place.wojewodztwo === name) group.append(new Option(place.nazwa, key));
    }
    return group;
  });
  select.replaceChildren(new Option("każda gmina", ""), ...groups);
  choose(select, chosen);
}

// A select set to `value` if it offers it, to its first option ("każda …") otherwise.
function choose(select, value) {
  select.value = [...select.options].some((option) => option.value === value) ? value : "";
}

// The form set to the choice in the address.
function restore(form, data) {
  const params = new URLSearchParams(window.location.search);
  choose(form.elements.grupa, params.get("grupa") ?? "");
  choose(form.elements.wojewodztwo, params.get("wojewodztwo") ?? "");
  fillPlaces(form, data);
  choose(form.elements.gmina, params.get("gmina") ?? "");
  choose(form.elements.status, params.get("status") ?? "");
}

// The address's query for the form's choice: the fields chosen, in the form's order.
function query(form) {
  const params = new URLSearchParams();
  for (const name of FIELDS) {
    if (form.elements[name].value) params.set(name, form.elements[name].value);
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

// A new entry in the history for a new choice (the back button returns to the one before);
// on load, the address corrected in place where it held values the form does not offer.
function remember(form, replace) {
  const search = query(form);
  if (search === window.location.search) return;
  const { pathname, hash } = window.location;
  if (replace) window.history.replaceState(null, "", `${pathname}${search}${hash}`);
  else window.history.pushState(null, "", `${pathname}${search}`);
}

async function main() {
  const form = document.getElementById("pal-dla-mnie");
  const status = document.getElementById("pal-dla-mnie-stan");
  const list = document.getElementById("pal-dla-mnie-wyniki");
  const more = document.getElementById("pal-dla-mnie-wiecej");
  const root = new URL(form.dataset.korzen, window.location.href);
  let data;
  try {
    const response = await fetch(new URL(form.dataset.dane, window.location.href));
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    data = await response.json();
  } catch {
    status.textContent =
      "Nie udało się wczytać listy programów. Te same programy znajdziesz w listach poniżej: według grupy i według gminy.";
    return;
  }
  let found = [];
  let shown = 0;

  function showMore() {
    const batch = found.slice(shown, shown + PAGE);
    list.append(...batch.map((p) => item(p, data, root)));
    shown += batch.length;
    more.hidden = shown >= found.length;
  }

  function update() {
    const group = data.grupy.findIndex((g) => g.id === form.elements.grupa.value);
    const region = form.elements.wojewodztwo.value;
    const municipality = form.elements.gmina.value;
    const chosenStatus = form.elements.status.value;
    found = data.programy.filter(
      (p) =>
        (group < 0 || p.grupy.includes(group)) &&
        (!region || data.gminy[p.gmina].wojewodztwo === region) &&
        (!municipality || p.gmina === municipality) &&
        (!chosenStatus || p.status === chosenStatus),
    );
    list.replaceChildren();
    shown = 0;
    status.textContent = found.length
      ? `Znaleziono ${plural(found.length, "program", "programy", "programów")}.`
      : "Brak programów dla tego wyboru. Wybierz inną grupę, „każda gmina”, „każde województwo” albo „każdy status”.";
    showMore();
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    update();
    remember(form, false);
  });
  form.addEventListener("change", (event) => {
    if (event.target === form.elements.wojewodztwo) fillPlaces(form, data);
    update();
    remember(form, false);
  });
  window.addEventListener("popstate", () => {
    restore(form, data);
    update();
  });
  more.addEventListener("click", showMore);
  fillStatuses(form.elements.status, data);
  restore(form, data);
  remember(form, true);
  form.hidden = false;
  update();
}

main();
