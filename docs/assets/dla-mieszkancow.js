// "Dla mieszkańców": filter the archive's programmes by group and municipality in the browser.
// The data file lists programmes in force first; without JavaScript the form stays hidden and
// the page's links to term and municipality pages do the same job.

import { plural } from "./polski.js";

const PAGE = 50;

function item(programme, data, root) {
  const place = data.gminy[programme.gmina];
  const li = document.createElement("li");
  const heading = document.createElement("h2");
  const link = document.createElement("a");
  link.href = new URL(programme.adres, root).href;
  link.textContent = programme.tytul;
  heading.append(link);
  const facts = document.createElement("p");
  facts.className = "pal-wynik__opis";
  facts.textContent = `${place.nazwa} (${place.wojewodztwo}) · ${programme.okres} · ${data.statusy[programme.status]}`;
  li.append(heading, facts);
  return li;
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
  select.value = [...select.options].some((option) => option.value === chosen) ? chosen : "";
}

async function main() {
  const form = document.getElementById("pal-dla-mnie");
  const status = document.getElementById("pal-dla-mnie-stan");
  const list = document.getElementById("pal-dla-mnie-wyniki");
  const more = document.getElementById("pal-dla-mnie-wiecej");
  const root = new URL(form.dataset.korzen, window.location.href);
  const response = await fetch(new URL(form.dataset.dane, window.location.href));
  const data = await response.json();
  const programy = data.programy;
  let found = [];
  let shown = 0;

  function showMore() {
    const batch = found.slice(shown, shown + PAGE);
    list.append(...batch.map((p) => item(p, data, root)));
    shown += batch.length;
    more.hidden = shown >= found.length;
  }

  function update() {
    const group = form.elements.grupa.value;
    const region = form.elements.wojewodztwo.value;
    const municipality = form.elements.gmina.value;
    const onlyNow = form.elements.teraz.checked;
    const groupAt = data.grupy.indexOf(group);
    found = programy.filter(
      (p) =>
        (!group || p.grupy.includes(groupAt)) &&
        (!region || data.gminy[p.gmina].wojewodztwo === region) &&
        (!municipality || p.gmina === municipality) &&
        (!onlyNow || p.status === "obowiazujacy"),
    );
    list.replaceChildren();
    shown = 0;
    status.textContent = found.length
      ? `Znaleziono ${plural(found.length, "program", "programy", "programów")}.`
      : "Brak programów dla tego wyboru. Wybierz inną grupę, „każda gmina” albo „każde województwo”.";
    showMore();
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    update();
  });
  form.addEventListener("change", (event) => {
    if (event.target === form.elements.wojewodztwo) fillPlaces(form, data);
    update();
  });
  more.addEventListener("click", showMore);
  fillPlaces(form, data);
  form.hidden = false;
  update();
}

main();
