"""The built archive in a real browser: accessibility, small screens, keyboard, no outside requests."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser

from browser import ARTIFACTS, as_function, axe_violations, open_page, policy_violations, serve
from conftest import AS_OF
from pages import (
    STATUS_CODES,
    Axis,
    dated,
    folded,
    municipalities,
    municipality_of,
    pick,
    plural,
    records,
    soup,
    status,
    target,
)

REAL = dict(records())
TODAY = dt.date.fromisoformat(AS_OF)
# The pages to try, each chosen from the records by what it has to show.
PROGRAMME, PROGRAMME_RECORD = pick(
    "a harmonogram with entries of different dates, goals, and an action serving no particular goal",
    lambda _, r: (
        len({(e["od"], e["do"]) for _, e in dated(r)}) >= 2
        and r.get("cele")
        and any(not d.get("cele") for d in r.get("dzialania") or [])
    ),
)
NO_RESOLUTION, _ = pick(
    "a resolution of unknown number, date and body",
    lambda _, r: not any((r["uchwala"] or {}).get(f) for f in ("numer", "data", "organ")),
)
BUSIEST = max(municipalities(), key=lambda folder: sum(url.split("/")[1] == folder for url in REAL))
TERM = next(
    f"adresaci/{group}"
    for record in REAL.values()
    for item in record.get("adresaci") or []
    for group in item["grupy"]
)
QUERY = folded(municipality_of(PROGRAMME)["nazwa_krotka"]).lower()

PAGES = {
    "start": "",
    "program": f"{PROGRAMME}/",
    "program-bez-uchwaly": f"{NO_RESOLUTION}/",
    "gmina": f"gminy/{BUSIEST}/",
    "wszystkie-programy": "programy/",
    "gminy": "gminy/",
    "tematy": "tematy/",
    "slownik": "rezultaty/",
    "termin": f"{TERM}/",
    "rejestr-zmian": "rejestr-zmian/",
    "archiwum": "archiwum/",
    "deklaracja-dostepnosci": "deklaracja-dostepnosci/",
    "tekst-latwy": "tekst-latwy/",
    "redakcja": "redakcja/",
    "szukaj": f"szukaj/?q={QUERY}",
    "dla-mieszkancow": "dla-mieszkancow/",
    "dla-organizacji": "dla-organizacji/",
    "dane-otwarte": "dane/",
    "jak-dodac-program": "jak-dodac-program/",
}


# Pages whose address the build decides: a change's own page is named by its commit, a version's
# by its date and commit.
LATER = ["wpis-rejestru", "wersja"]


@pytest.fixture(scope="module")
def site_url(real_site: Path) -> Iterator[str]:
    yield from serve(real_site)


@pytest.fixture(scope="module")
def urls(real_site: Path) -> dict[str, str]:
    entry = soup(real_site, "rejestr-zmian").select("article tbody td:last-child a")[-1]["href"]
    version = min((real_site / PROGRAMME / "wersje").iterdir())
    return {
        **PAGES,
        "wpis-rejestru": target("rejestr-zmian", entry) + "/",
        "wersja": f"{PROGRAMME}/wersje/{version.name}/",
    }


@pytest.mark.parametrize("name", [*PAGES, *LATER])
def test_each_kind_of_page_is_accessible_keeps_to_the_site_and_fits_a_phone(
    browser: Browser, site_url: str, urls: dict[str, str], name: str
) -> None:
    """One page load for all of it: the skip link, what the page fetches as it is read to its
    end, axe at 1280 px, then the same page at a phone's 360 px, which must not scroll sideways."""
    page, requests = open_page(browser, site_url + urls[name])
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}-1280.png"), full_page=False)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Przejdź do treści"
    page.keyboard.press("Enter")
    heading_top = "document.querySelector('article h1').getBoundingClientRect().top"
    page.wait_for_function(as_function(f"{heading_top} < 200"), timeout=2000)
    assert page.evaluate(heading_top) >= 0  # the skip link leads to the page's own heading
    page.mouse.wheel(0, 5000)
    page.wait_for_timeout(300)
    ours = urlsplit(site_url).netloc
    outside = [
        url for url in requests if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc != ours
    ]
    assert requests and outside == []
    assert policy_violations(page) == []  # the page works within its Content-Security-Policy
    page.evaluate("window.scrollTo(0, 0)")
    violations = axe_violations(page)  # (which waits for the page to be laid out)
    assert violations == [], json.dumps(violations, ensure_ascii=False, indent=1)
    page.set_viewport_size({"width": 360, "height": 900})
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    overflow = page.evaluate("document.scrollingElement.scrollWidth - window.innerWidth")
    page.screenshot(path=str(ARTIFACTS / f"{name}-360.png"), full_page=False)
    assert overflow <= 0, f"the page is {overflow}px wider than a 360px screen"
    page.context.close()


def test_deep_link_from_a_goal_lands_on_the_quoted_text(browser: Browser, site_url: str) -> None:
    page, _ = open_page(browser, site_url + PAGES["program"])
    first_goal = PROGRAMME_RECORD["cele"][0]["id"]
    page.click(f"#poz-{first_goal} ~ .pal-odnosnik a[href^='#tekst-']")
    page.wait_for_timeout(300)
    target = page.evaluate("location.hash")
    top = page.evaluate(
        "id => document.getElementById(id).parentElement.getBoundingClientRect().top", target[1:]
    )
    visible = 0 <= top < page.viewport_size["height"]
    assert target.startswith("#tekst-c") and visible
    page.context.close()


def test_a_term_page_leads_to_the_quoted_place_in_a_programme(browser: Browser, site_url: str) -> None:
    page, _ = open_page(browser, site_url + PAGES["termin"])
    link = page.locator("article a[href*='#tekst-']").first
    anchor = link.get_attribute("href").split("#")[1]
    link.click()
    page.wait_for_load_state()
    page.wait_for_timeout(300)
    assert "/programy/" in page.url and page.url.endswith(f"#{anchor}")
    top = page.evaluate("id => document.getElementById(id).getBoundingClientRect().top", anchor)
    assert 0 <= top < page.viewport_size["height"]
    page.context.close()


def test_the_only_version_of_a_programme_says_it_is_the_current_one(
    browser: Browser, site_url: str, real_site: Path
) -> None:
    (version,) = (real_site / PROGRAMME / "wersje").iterdir()
    page, _ = open_page(browser, f"{site_url}{PROGRAMME}/wersje/{version.name}/")
    assert page.locator("text=Wersja bieżąca").count() == 1
    page.context.close()


@pytest.fixture(scope="module")
def history_url(history_site: Path) -> Iterator[str]:
    """The small archive with four commits, built and served: its version pages have comparisons."""
    yield from serve(history_site)


def test_a_comparison_of_two_versions_is_accessible(browser: Browser, history_url: str) -> None:
    versions = f"{history_url}programy/1234562-przykladowo/pal-2020-2022/"
    page, _ = open_page(browser, versions)
    page.click("article a[href*='wersje/2024-02-20-']")  # version 2: the text changed
    page.wait_for_load_state()
    assert "/wersje/2024-02-20-" in page.url
    violations = axe_violations(page)
    assert violations == [], json.dumps(violations, ensure_ascii=False, indent=1)
    inserted = page.locator(".pal-porownanie ins").first
    assert inserted.evaluate("e => getComputedStyle(e).textDecorationLine") == "underline"
    assert "i wyłącznie" in inserted.inner_text()
    # "[dodano: … ]" is there for screen readers, and takes no room on the screen.
    label = inserted.locator(".pal-sr").first
    assert label.text_content() == "[dodano: "
    assert label.evaluate("e => e.getBoundingClientRect().width") <= 1
    # An earlier version shows its record as the programme page does, not as YAML.
    assert page.locator("#rekord ~ .pal-wyciag #w-skrocie").count() == 1
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "wersja-porownanie.png"), full_page=True)
    # The record's changes in sentences, marked as the text's are; on a phone too.
    page.set_viewport_size({"width": 360, "height": 800})
    page.click("text=zobacz aktualną wersję programu")
    page.wait_for_load_state()
    page.click("article a[href*='wersje/2024-03-05-']")
    page.wait_for_load_state()
    sentence = page.locator("ul.pal-zmiany-rekordu li").first
    assert sentence.inner_text().startswith("Dodano publikację uchwały")
    assert sentence.locator("ins").evaluate("e => getComputedStyle(e).textDecorationLine") == "underline"
    violations = axe_violations(page)
    assert violations == [], json.dumps(violations, ensure_ascii=False, indent=1)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.screenshot(path=str(ARTIFACTS / "wersja-rekord-360.png"), full_page=True)
    page.context.close()


def test_a_programme_prints_as_a_clean_document_with_its_metryczka(browser: Browser, site_url: str) -> None:
    page, _ = open_page(browser, site_url + PAGES["program"])
    page.emulate_media(media="print")
    hidden = page.evaluate(
        """() => ['.md-header', '.md-tabs', '.md-sidebar--primary', '.md-sidebar--secondary',
                  '.md-footer', '.md-banner']
            .map(s => document.querySelector(s))
            .filter(e => e && getComputedStyle(e).display !== 'none')
            .map(e => e.className)"""
    )
    assert hidden == []
    assert page.locator(".pal-metryczka").is_visible()
    assert page.locator("article h1").is_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    pdf = page.pdf(path=str(ARTIFACTS / "program-wydruk.pdf"), format="A4")
    assert pdf.startswith(b"%PDF")
    page.context.close()


@pytest.mark.parametrize("width", [360, 1280])
def test_harmonogram_bars_and_the_as_of_line_sit_on_their_months(
    browser: Browser, site_url: str, width: int
) -> None:
    page, _ = open_page(browser, site_url + PAGES["program"], width=width)
    geometry = page.evaluate(
        """() => [...document.querySelectorAll('.pal-hg__wiersz')].map(row => {
              const track = row.querySelector('.pal-hg__tor').getBoundingClientRect();
              const bar = row.querySelector('.pal-hg__pasek').getBoundingClientRect();
              return [(bar.left - track.left) / track.width, bar.width / track.width];
           })"""
    )
    entries = dated(PROGRAMME_RECORD)
    axis = Axis([(e["od"], e["do"]) for _, e in entries])
    expected = [[pytest.approx(x / 100, abs=0.01) for x in axis.bar(e["od"], e["do"])] for _, e in entries]
    assert geometry == expected
    ARTIFACTS.mkdir(exist_ok=True)
    page.locator(".pal-hg").screenshot(path=str(ARTIFACTS / f"harmonogram-{width}.png"))
    page.context.close()


def finder_choice() -> tuple[str, str, str]:
    """A group, a voivodeship and a municipality for the finder to narrow by, each step leaving
    fewer programmes where the archive allows: a group of several programmes, a voivodeship with
    fewer of them, a municipality where "in force now" leaves fewer still."""
    in_force = {url for url, record in REAL.items() if status(url, record, AS_OF) == "obowiązujący"}
    choices = []
    for url, record in REAL.items():
        place = url.split("/")[1]
        region = municipality_of(url)["wojewodztwo"]
        for group in sorted({g for item in record.get("adresaci") or [] for g in item["grupy"]}):
            having = {u for u, r in REAL.items() if any(group in a["grupy"] for a in r.get("adresaci") or [])}
            there = {u for u in having if municipality_of(u)["wojewodztwo"] == region}
            here = {u for u in there if u.split("/")[1] == place}
            score = (len(having) >= 2, len(there) < len(having), bool(here & in_force), bool(here - in_force))
            choices.append((score, group, region, place))
    _, group, region, place = max(choices, key=lambda choice: choice[0])
    return group, region, place


def test_the_residents_finder_narrows_by_group_municipality_and_status(
    browser: Browser, site_url: str
) -> None:
    page, _ = open_page(browser, site_url + PAGES["dla-mieszkancow"])

    def shown() -> set[str]:
        page.wait_for_timeout(100)
        while page.locator("#pal-dla-mnie-wiecej").is_visible():  # results come 50 at a time
            page.click("#pal-dla-mnie-wiecej")
            page.wait_for_timeout(100)
        return {
            urlsplit(h).path.strip("/")
            for h in page.eval_on_selector_all("#pal-dla-mnie-wyniki a", "links => links.map(a => a.href)")
        }

    group, region, place = finder_choice()
    assert shown() == set(REAL)
    page.select_option("#pal-grupa", group)
    wanted = {u for u, r in REAL.items() if any(group in a["grupy"] for a in r.get("adresaci") or [])}
    assert shown() == wanted
    page.select_option("#pal-wojewodztwo", region)
    wanted = {u for u in wanted if municipality_of(u)["wojewodztwo"] == region}
    assert shown() == wanted
    places = page.eval_on_selector_all("#pal-gmina option", "options => options.map(o => o.value)")
    in_region = {url.split("/")[1] for url in REAL if municipality_of(url)["wojewodztwo"] == region}
    assert places[0] == "" and sorted(places[1:]) == sorted(in_region)
    page.select_option("#pal-gmina", place)
    wanted = {u for u in wanted if u.split("/")[1] == place}
    assert shown() == wanted
    page.select_option("#pal-status", "obowiazujacy")
    wanted = {u for u in wanted if STATUS_CODES[status(u, REAL[u], AS_OF)] == "obowiazujacy"}
    assert shown() == wanted
    found = page.locator("#pal-dla-mnie-stan").inner_text()
    if wanted:
        assert found == f"Znaleziono {plural(len(wanted), 'program', 'programy', 'programów')}."
    else:
        assert found.startswith("Brak programów dla tego wyboru.")
    page.context.close()
