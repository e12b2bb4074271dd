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
    const municipality = form.elements.gmina.value;
    const onlyNow = form.elements.teraz.checked;
    const groupAt = data.grupy.indexOf(group);
    found = programy.filter(
      (p) =>
        (!group || p.grupy.includes(groupAt)) &&
        (!municipality || p.gmina === municipality) &&
        (!onlyNow || p.status === "obowiazujacy"),
    );
    list.replaceChildren();
    shown = 0;
    status.textContent = found.length
      ? `Znaleziono ${plural(found.length, "program", "programy", "programów")}.`
      : "Brak programów dla tego wyboru. Wybierz inną grupę albo „każda gmina”.";
    showMore();
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    update();
  });
  form.addEventListener("change", update);
  more.addEventListener("click", showMore);
  form.hidden = false;
  update();
}

main();
