"""The real archive, built in tmp_path: what a reader finds on each page."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import copy_project, run_build
from pages import PROGRAMMES, article_text, plain, programme_links, records, section_text, soup, target

REAL = records()
IDS = [url for url, _ in REAL]


def test_all_five_programmes_are_published(real_site: Path) -> None:
    assert len(REAL) == 5
    for url, record in REAL:
        page = soup(real_site, url)
        assert plain(record["tytul"]) in page.select_one("h1").get_text(" ")


@pytest.mark.parametrize(("url", "record"), REAL, ids=IDS)
def test_programme_page_shows_goals_addressees_and_results(real_site: Path, url: str, record: dict) -> None:
    page = soup(real_site, url)
    sections = {
        "cele": section_text(page, "cele"),
        "adresaci": section_text(page, "adresaci"),
        "rezultaty": section_text(page, "rezultaty"),
        "dzialania": section_text(page, "dzialania"),
        "finansowanie": section_text(page, "finansowanie"),
    }
    for key, shown in sections.items():
        for item in record.get(key, []):
            quote = plain(item.get("tresc") or item["brzmienie"])
            assert quote in shown, f"{key} {item['id']} is not shown in its section"
    if record["cel_glowny"]:
        assert plain(record["cel_glowny"]["tresc"]) in section_text(page, "cel-glowny")


@pytest.mark.parametrize(("url", "record"), REAL, ids=IDS)
def test_every_item_links_to_its_place_in_the_full_text(real_site: Path, url: str, record: dict) -> None:
    page = soup(real_site, url)
    full_text = page.select_one(".pal-tekst")
    links = {a["href"][1:] for a in page.select('a[href^="#tekst-"]')}
    expected = {
        f"tekst-{item['id']}" for key in ("cele", "adresaci", "rezultaty") for item in record.get(key, [])
    }
    assert expected <= links
    for anchor in links:
        target = full_text.find(id=anchor)
        assert target is not None, f"#{anchor} does not land in the full text"


def _term_names(vocabulary: str) -> dict[str, str]:
    data = yaml.safe_load((PROGRAMMES / "slowniki" / f"{vocabulary}.yml").read_text(encoding="utf-8"))
    return {term["id"]: term["nazwa"] for term in data["terminy"]}


def _answer(summary: BeautifulSoup, question: str) -> BeautifulSoup:
    return summary.find("dt", string=question).find_next_sibling("dd")


@pytest.mark.parametrize(("url", "record"), REAL, ids=IDS)
def test_w_skrocie_answers_from_the_record(real_site: Path, url: str, record: dict) -> None:
    page = soup(real_site, url)
    summary = page.select_one("#w-skrocie").find_parent("section")
    assert page.select_one("article h1").find_next_sibling() is summary, "W skrócie opens the page"
    goal = " ".join(_answer(summary, "Po co").get_text(" ").split())
    assert goal.startswith(plain(record["cel_glowny"]["tresc"]))
    groups = _term_names("adresaci")
    wanted = {groups[g] for item in record["adresaci"] for g in item["grupy"]}
    links = {a.get_text(strip=True): a["href"] for a in _answer(summary, "Dla kogo").select("a")}
    assert wanted <= set(links)
    assert all(target(url, links[name]).startswith("adresaci/") for name in wanted)
    sources = _term_names("finansowanie")
    money = {a.get_text(strip=True) for a in _answer(summary, "Skąd pieniądze").select("a")}
    assert {sources[z] for item in record["finansowanie"] for z in item["zrodla"]} <= money
    when = " ".join(_answer(summary, "Kiedy").get_text(" ").split())
    facts = " ".join(page.select_one(".pal-fakty").get_text(" ").split())
    assert f"Okres realizacji w brzmieniu dokumentu „{plain(record['okres']['brzmienie'])}”" in facts
    assert f"na dzień 25 listopada 2026 r.: {summary.select_one('.pal-status').get_text()}" in when
    runner = _answer(summary, "Kto realizuje").get_text(" ", strip=True)
    implementer = record["realizator"]
    assert runner == (implementer["nazwa"] if implementer else "brak w dokumencie źródłowym")
    contact = " ".join(_answer(summary, "Kontakt").get_text(" ").split())
    assert record["kontakt"] is None  # none of the five documents gives one
    gmina = yaml.safe_load((PROGRAMMES / url.split("/")[1] / "gmina.yml").read_text(encoding="utf-8"))
    assert contact.startswith("Dokument nie podaje kontaktu. Jednostki gminy:")
    for unit in gmina["jednostki"]:
        assert f"{unit['nazwa']} (adres, telefon, e-mail: brak danych w archiwum)" in contact


def test_w_skrocie_shows_contact_details_the_record_gives(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "projekt")
    record = project / "programmes/2808011-ketrzyn/pal-2021-2030/programme.yml"
    text = record.read_text(encoding="utf-8")
    contact = "kontakt:\n  nazwa: Punkt PAL\n  telefon: 89 000 00 00\n  email: pal@example.org\n"
    record.write_text(text.replace("kontakt: null\n", contact), encoding="utf-8")
    assert run_build(project).returncode == 0
    page = soup(project / "site", "programy/2808011-ketrzyn/pal-2021-2030")
    answer = _answer(page.select_one("#w-skrocie").find_parent("section"), "Kontakt")
    assert " ".join(answer.get_text(" ").split()) == "Punkt PAL: tel. 89 000 00 00, pal@example.org"
    assert answer.select_one("a")["href"] == "mailto:pal@example.org"


def test_unknown_resolution_is_shown_as_unknown(real_site: Path) -> None:
    facts = soup(real_site, "programy/0265011-walbrzych/pal-2010-2013").select_one(".pal-fakty")
    uchwala = facts.find("dt", string="Uchwała").find_next_sibling("dd").get_text(" ").strip()
    assert uchwala == "brak w dokumencie źródłowym"


def test_superseded_programme_links_to_its_successor(real_site: Path) -> None:
    old = article_text(soup(real_site, "programy/2808011-ketrzyn/pal-2014-2020"))
    new = article_text(soup(real_site, "programy/2808011-ketrzyn/pal-2021-2030"))
    assert "zastąpiony" in old
    assert "Zastąpiony przez Program Aktywności Lokalnej dla Gminy Miejskiej Kętrzyn na lata 2021-2030" in old
    assert "Zastępuje Program Aktywności Lokalnej Miasta Kętrzyn na lata 2014 – 2020" in new
    assert "obowiązujący" in new


def test_statuses_follow_the_as_of_date(real_site: Path) -> None:
    statuses = {
        url: soup(real_site, url).select_one(".pal-skrot .pal-status").get_text(strip=True) for url, _ in REAL
    }
    assert statuses == {
        "programy/0265011-walbrzych/pal-2010-2013": "zakończony",
        "programy/1405052-jaktorow/pal-2011-2016": "zakończony",
        "programy/2406013-klobuck/pal-2021-2022": "zakończony",
        "programy/2808011-ketrzyn/pal-2014-2020": "zastąpiony",
        "programy/2808011-ketrzyn/pal-2021-2030": "obowiązujący",
    }


def test_as_of_date_is_configurable(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "projekt")
    result = run_build(project, as_of="2016-06-01")
    assert result.returncode == 0, result.stderr
    site = project / "site"
    page = soup(site, "programy/2808011-ketrzyn/pal-2014-2020")
    assert page.select_one(".pal-skrot .pal-status").get_text(strip=True) == "obowiązujący"
    assert "na dzień 1 czerwca 2016 r.: obowiązujący" in article_text(page)
    klobuck = soup(site, "programy/2406013-klobuck/pal-2021-2022").select_one(".pal-skrot .pal-status")
    assert klobuck.get_text(strip=True) == "przyjęty, realizacja jeszcze się nie zaczęła"


def test_municipality_page_lists_its_programmes_newest_first(real_site: Path) -> None:
    page = soup(real_site, "gminy/2808011-ketrzyn")
    items = [" ".join(li.get_text(" ").split()) for li in page.select("article ul li")]
    assert len(items) == 2
    assert "2021–2030" in items[0]
    assert "obowiązujący" in items[0]
    assert "2014–2020" in items[1] and "zastąpiony" in items[1]


def test_all_programmes_page_leads_to_every_programme_by_year_and_by_voivodeship(real_site: Path) -> None:
    page = soup(real_site, "programy")
    years = [a.get_text(strip=True) for a in page.select("#wedlug-lat ~ ul")[0].select("a")]
    assert years == ["2021", "2014", "2011", "2010"]
    voivodeships = [a.get_text(strip=True) for a in page.select("#wedlug-wojewodztw ~ ul")[0].select("a")]
    assert voivodeships == ["dolnośląskie", "mazowieckie", "śląskie", "warmińsko-mazurskie"]
    for grouping in ("lata", "wojewodztwa"):
        found = []
        for listing in sorted((real_site / "programy" / grouping).glob("*/index.html")):
            url = listing.parent.relative_to(real_site).as_posix()
            html = soup(real_site, url)
            found += programme_links(html, url, "article li a")
            if grouping == "lata":
                assert all(f"{listing.parent.name}–" in li.get_text() for li in html.select("article li"))
        assert sorted(found) == sorted(url for url, _ in REAL), grouping


def test_home_shows_newest_programmes_and_entry_points(real_site: Path) -> None:
    page = soup(real_site, "")
    newest = [a.get_text(" ", strip=True) for a in page.select(".pal-najnowsze li a")]
    assert newest[0] == "Program Aktywności Lokalnej dla Gminy Miejskiej Kętrzyn na lata 2021-2030"
    assert len(newest) == 5
    text = article_text(page)
    assert "Dla mieszkańców" in text and "Dla organizacji pozarządowych" in text


def test_interface_is_polish_and_nothing_loads_from_other_hosts(real_site: Path) -> None:
    pages = list(real_site.rglob("*.html"))
    assert len(pages) > 10
    for html in pages:
        text = html.read_text(encoding="utf-8")
        assert '<html lang="pl"' in text
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text
        page = BeautifulSoup(text, "html.parser")
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for element in page.find_all(tag):
                loads = {"stylesheet", "icon", "preload", "modulepreload"} & set(element.get("rel", []))
                if tag == "link" and not loads:
                    continue
                value = element.get(attr) or ""
                assert not re.match(r"^(https?:)?//", value), f"{html}: {tag} loads {value}"


def test_navigation_does_not_list_programmes(real_site: Path) -> None:
    page = soup(real_site, "programy/2406013-klobuck/pal-2021-2022")
    nav_links = [a.get("href", "") for a in page.select("nav.md-nav--primary a")]
    assert nav_links, "the page has a navigation"
    assert not [href for href in nav_links if re.search(r"programy/[^/]+/[^/]+/", href)]


def test_source_text_is_published_with_its_checksum(real_site: Path) -> None:
    url = "programy/2406013-klobuck/pal-2021-2022"
    published = real_site / url / "attachments" / "zrodlo.txt"
    digest = hashlib.sha256(published.read_bytes()).hexdigest()
    assert digest in article_text(soup(real_site, url))
    link = soup(real_site, url).select_one('a[href="attachments/zrodlo.txt"]')
    assert link is not None
