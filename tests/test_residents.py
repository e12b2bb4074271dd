"""Pages for residents and NGOs, read from the built HTML: harmonogram, finders, collaboration."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup, Tag

from conftest import copy_project, run_build
from pages import article_text, records, soup, target

REAL = dict(records())
KLOBUCK = "programy/2406013-klobuck/pal-2021-2022"
KETRZYN_NEW = "programy/2808011-ketrzyn/pal-2021-2030"
COLLABORATION = {"organizacje-pozarzadowe", "wolontariat", "partnerstwo-i-wspolpraca"}


def positions(site: Path) -> dict[str, float]:
    """What each position class of the harmonogram's stylesheet sets (--x, --w), by class."""
    css = (site / "assets/harmonogram.css").read_text(encoding="utf-8")
    return {name: float(value) for name, value in re.findall(r"\.(pal-[xw]-\d+)\{--[xw]:([\d.]+)\}", css)}


def position(tag: Tag, axis: str, site: Path) -> float | None:
    """A drawn element's position (axis "x") or width ("w"), in percent, from its class."""
    names = [c for c in tag["class"] if c.startswith(f"pal-{axis}-")]
    return positions(site)[names[0]] if names else None


def bars(page: BeautifulSoup, site: Path) -> list[tuple[str, float | None, float | None, bool]]:
    """(label, left %, width %, running) of every bar in the drawn harmonogram."""
    found = []
    for row in page.select(".pal-hg__wiersz"):
        bar = row.select_one(".pal-hg__pasek")
        label = row.select_one(".pal-hg__etykieta").get_text(strip=True)
        left, width = position(bar, "x", site), position(bar, "w", site)
        found.append((label, left, width, "pal-hg__pasek--trwa" in bar["class"]))
    return found


def marker(page: BeautifulSoup, site: Path) -> tuple[str, float | None]:
    mark = page.select_one(".pal-hg__dzis")
    side = next(c for c in mark["class"] if c.startswith("pal-hg__dzis--")).removeprefix("pal-hg__dzis--")
    return side, position(mark, "x", site)


def table_rows(page: BeautifulSoup) -> list[list[str]]:
    table = page.select_one("#harmonogram").find_next("table")
    return [[" ".join(td.get_text(" ").split()) for td in tr.select("td")] for tr in table.select("tbody tr")]


def test_harmonogram_draws_one_bar_per_entry_on_a_month_axis(real_site: Path) -> None:
    page = soup(real_site, KLOBUCK)
    entries = REAL[KLOBUCK]["harmonogram"]
    drawn = bars(page, real_site)
    assert [label for label, *_ in drawn] == [f"{i}. {e['tresc']}" for i, e in enumerate(entries, 1)]
    # The axis runs from January 2021 to December 2022: 24 months; drawn to half a percent.
    assert drawn[0][1:3] == (0.0, 12.5)  # 01.2021–03.2021
    assert drawn[7][1:3] == (25.0, pytest.approx(100 * 13 / 24, abs=0.25))  # 07.2021–07.2022
    assert drawn[10][1:3] == (pytest.approx(100 * 23 / 24, abs=0.25), pytest.approx(100 / 24, abs=0.25))
    assert [t.get_text() for t in page.select(".pal-hg__rok")] == ["2021", "2022"]
    # On 25 November 2026 everything has ended: the date is marked past the axis' end.
    assert marker(page, real_site) == ("po", None)
    assert not any(running for *_, running in drawn)
    caption = page.select_one(".pal-hg figcaption").get_text(" ", strip=True)
    assert "od styczeń 2021 do grudzień 2022" in caption and "po końcu osi" in caption


def test_the_picture_has_a_table_alternative_for_screen_readers(real_site: Path) -> None:
    page = soup(real_site, KLOBUCK)
    assert page.select_one(".pal-hg__wykres")["aria-hidden"] == "true"
    rows = table_rows(page)
    entries = REAL[KLOBUCK]["harmonogram"]
    assert [r[1] for r in rows] == [" ".join(e["tresc"].split()) for e in entries]
    assert rows[0][2:5] == ["styczeń 2021", "marzec 2021", "zakończona"]
    assert all(r[5] == "w tekście" for r in rows)


def test_a_programme_without_dated_entries_shows_its_period(real_site: Path) -> None:
    page = soup(real_site, KETRZYN_NEW)
    assert REAL[KETRZYN_NEW]["harmonogram"] == []
    assert bars(page, real_site) == [("Okres realizacji programu", 0.0, 100.0, True)]
    side, left = marker(page, real_site)
    # 25 November 2026 on a 2021–2030 axis of 120 months: 70 months and 24/30 of one.
    assert side == "na-osi" and left == pytest.approx(100 * (70 + 24 / 30) / 120, abs=0.25)
    assert "Dokument nie podaje harmonogramu z datami" in article_text(page)


@pytest.fixture(scope="module")
def summer_2021(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real archive as of 15 August 2021, when Kłobuck's programme is under way."""
    project = copy_project(tmp_path_factory.mktemp("lato") / "projekt")
    result = run_build(project, as_of="2021-08-15")
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_the_as_of_date_is_marked_and_running_entries_stand_out(summer_2021: Path) -> None:
    page = soup(summer_2021, KLOBUCK)
    side, left = marker(page, summer_2021)
    assert side == "na-osi" and left == pytest.approx(100 * (7 + 14 / 31) / 24, abs=0.25)
    entries = REAL[KLOBUCK]["harmonogram"]
    running = [e["id"] for e, (*_, on) in zip(entries, bars(page, summer_2021), strict=True) if on]
    assert running == ["h2", "h5", "h6", "h7", "h8", "h9", "h10"]
    states = [r[4] for r in table_rows(page)]
    assert [e["id"] for e, s in zip(entries, states, strict=True) if s == "trwa"] == running
    assert states[0] == "zakończona" and states[10] == "przed rozpoczęciem"


def test_finder_data_lists_every_programme_with_its_groups(real_site: Path) -> None:
    data = json.loads((real_site / "dla-mieszkancow/programy.json").read_text(encoding="utf-8"))
    assert data["stan_na"] == "2026-11-25"
    rows = {row["adres"].strip("/"): row for row in data["programy"]}
    assert set(rows) == set(REAL)
    for url, record in REAL.items():
        groups = {g for item in record["adresaci"] for g in item["grupy"]}
        assert {data["grupy"][i] for i in rows[url]["grupy"]} == groups
    assert data["programy"][0]["status"] == "obowiazujacy"  # in force first


def test_residents_page_works_without_javascript_too(real_site: Path) -> None:
    page = soup(real_site, "dla-mieszkancow")
    assert page.select_one("#pal-dla-mnie").has_attr("hidden")  # shown by its script
    vocabulary = yaml.safe_load((Path("programmes/slowniki/adresaci.yml")).read_text(encoding="utf-8"))
    links = [target("dla-mieszkancow", a["href"]) for a in page.select("#grupy ~ ul a")]
    assert links[: len(vocabulary["terminy"])] == [f"adresaci/{t['id']}" for t in vocabulary["terminy"]]
    places = {url.split("/")[1] for url in REAL}
    regions = {gmina(place)["wojewodztwo"] for place in places}
    listed = [o["value"] for o in page.select("#pal-wojewodztwo option") if o["value"]]
    assert sorted(listed) == sorted(regions) and len(listed) == len(regions)
    # The municipalities come from the data file, so the page stays small with 2,500 of them.
    assert [o["value"] for o in page.select("#pal-gmina option")] == [""]
    data = json.loads((real_site / "dla-mieszkancow/programy.json").read_text(encoding="utf-8"))
    assert {key: place["wojewodztwo"] for key, place in data["gminy"].items()} == {
        place: gmina(place)["wojewodztwo"] for place in places
    }


def gmina(folder: str) -> dict:
    return yaml.safe_load((Path("programmes") / folder / "gmina.yml").read_text(encoding="utf-8"))


def collaboration_points(record: dict) -> tuple[list[str], list[str]]:
    actions = [d["id"] for d in record["dzialania"] if COLLABORATION & set(d["tematy"])]
    return actions, [p["id"] for p in record["partnerzy"]]


def test_ngo_page_lists_collaboration_points_with_links_into_the_text(real_site: Path) -> None:
    page = soup(real_site, "dla-organizacji")
    text = article_text(page)
    assert "Programy z punktami współpracy 5, w tym obowiązujące na dzień 25 listopada 2026 r.: 1" in text
    groups = [h.get_text(" ", strip=True).rstrip("¶").strip() for h in page.select("article h2")]
    assert groups == ["Obowiązujące", "Zakończone lub zastąpione"]
    for url, record in REAL.items():
        actions, partners = collaboration_points(record)
        anchors = {
            a["href"].split("#")[1] for a in page.select(f"article a[href*='{url.split('/', 1)[1]}/#tekst-']")
        }
        assert anchors == {f"tekst-{i}" for i in actions + partners}, url
        programme = soup(real_site, url)
        assert all(programme.find(id=anchor) for anchor in anchors)


def test_ngo_page_shows_what_is_running_on_the_as_of_date(summer_2021: Path, real_site: Path) -> None:
    now = article_text(soup(summer_2021, "dla-organizacji"))
    running = [e for e in REAL[KLOBUCK]["harmonogram"] if e["id"] in {"h2", "h6"}]
    assert "Teraz według harmonogramu" in now
    assert all(" ".join(e["tresc"].split()) in now for e in running)
    assert "Teraz według harmonogramu" not in article_text(soup(real_site, "dla-organizacji"))
