"""History from git: registers, earlier versions, comparisons, metryczka; shallow and no-git builds."""

from __future__ import annotations

import os
import shutil
import stat
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import EDITED, ORIGINAL, copy_project, git, run_build
from pages import article_text, records, section_text, soup, target
from palarchiwum.records.polish import plural

URL = "programy/1234562-przykladowo/pal-2020-2022"
ATOM = "{http://www.w3.org/2005/Atom}"
DOCS = Path(__file__).resolve().parent.parent / "docs"
PROGRAMMES = DOCS.parent / "programmes"


@pytest.fixture(scope="module")
def site(history_site: Path) -> Path:
    log = (history_site.parent / "build.log").read_text(encoding="utf-8")
    assert "pal-archiwum:" not in log  # a full history: no warning
    return history_site


def versions_of(site: Path) -> list[str]:
    return sorted(p.name for p in (site / URL / "wersje").iterdir())


def test_the_programme_register_lists_every_change_newest_first(site: Path) -> None:
    page = soup(site, URL)
    rows = [
        [td.get_text(" ", strip=True) for td in tr.select("td")]
        for tr in page.select("#rejestr-zmian ~ table tbody tr")
    ]
    assert rows == [
        [
            "3 (bieżąca)",
            "5 marca 2024 r., godz. 12:00",
            "Anna Nowak (spoza listy redaktorów)",
            "Uzupełnienie publikacji uchwały",
            "z wersją 2",
        ],
        [
            "2",
            "20 lutego 2024 r., godz. 12:00",
            "Jan Kowalski (spoza listy redaktorów)",
            "Poprawka zgodna z uchwałą — Tekst przepisano ponownie z oryginału.",
            "z wersją 1",
        ],
        [
            "1",
            "10 stycznia 2024 r., godz. 12:00",
            "Anna Nowak (spoza listy redaktorów)",
            "Dodanie programu gminy Przykładowo",
            "pierwsza wersja",
        ],
    ]
    links = [target(URL, a["href"]) for a in page.select("#rejestr-zmian ~ table tbody td:first-child a")]
    assert links == [f"{URL}/wersje/{v}" for v in sorted(versions_of(site), reverse=True)]
    compared = [a["href"] for a in page.select("#rejestr-zmian ~ table tbody td:last-child a")]
    assert all(href.endswith("/#porownanie") for href in compared) and len(compared) == 2


def test_a_version_page_shows_the_text_as_it_was(site: Path) -> None:
    first, second, third = versions_of(site)
    assert (
        first.startswith("2024-01-10-")
        and second.startswith("2024-02-20-")
        and third.startswith("2024-03-05-")
    )
    old = soup(site, f"{URL}/wersje/{first}")
    text = article_text(old)
    assert "Wersja archiwalna" in text and ORIGINAL in section_text(old, "tekst")
    assert EDITED not in text
    current = [
        a for a in old.select("article a") if a.get_text(strip=True) == "zobacz aktualną wersję programu"
    ]
    assert target(f"{URL}/wersje/{first}", current[0]["href"]) == URL
    newest = soup(site, f"{URL}/wersje/{third}")
    assert "Wersja bieżąca" in article_text(newest) and "Wersja archiwalna" not in article_text(newest)
    # The current version's record is the programme page's; an earlier one is shown as that page
    # showed it then: the same facts, without what was added later.
    assert "To jest bieżący opis programu" in section_text(newest, "rekord")
    earlier = section_text(old, "rekord")
    assert (
        "I/1/2020" in earlier and "Rada Gminy Przykładowo" in earlier and "Dz. Urz. Woj. Maz." not in earlier
    )
    assert "Dz. Urz. Woj. Maz. z 2020 r. poz. 7" in section_text(soup(site, URL), "uchwala")


def test_the_current_version_links_to_the_programme_text_instead_of_a_copy(site: Path) -> None:
    first, _, third = versions_of(site)
    newest = soup(site, f"{URL}/wersje/{third}")
    text = section_text(newest, "tekst")
    assert "To jest bieżący tekst programu" in text and EDITED not in text
    (link,) = newest.select("#tekst ~ p a")
    assert target(f"{URL}/wersje/{third}", link["href"]) == URL and link["href"].endswith("#pelny-tekst")
    assert EDITED in section_text(soup(site, URL), "pelny-tekst")
    assert "bieżący tekst" not in section_text(soup(site, f"{URL}/wersje/{first}"), "tekst")


def test_a_current_version_edited_since_its_commit_keeps_its_own_text(
    history_repo: Path, tmp_path: Path
) -> None:
    """Uncommitted edits are on the programme page; the version's page must not claim them."""
    clone = tmp_path / "edited"
    git(tmp_path, "clone", "-q", f"file://{history_repo}", str(clone))
    text = clone / "programmes/1234562-przykladowo/pal-2020-2022/programme.md"
    edited = text.read_text(encoding="utf-8").replace(EDITED, f"{EDITED} Zdanie po zmianie.")
    text.write_text(edited, encoding="utf-8")
    result = run_build(clone)
    assert result.returncode == 0, result.stderr
    site = clone / "site"
    current = soup(site, f"{URL}/wersje/{versions_of(site)[-1]}")
    shown = section_text(current, "tekst")
    assert EDITED in shown and "Zdanie po zmianie." not in shown and "bieżący tekst" not in shown
    assert "Zdanie po zmianie." in section_text(soup(site, URL), "pelny-tekst")


def test_the_comparison_marks_insertions_and_deletions_without_colour(site: Path) -> None:
    second = versions_of(site)[1]
    page = soup(site, f"{URL}/wersje/{second}")
    diff = page.select_one("#porownanie-tekst ~ .pal-porownanie")
    (inserted,) = diff.select("ins")
    assert inserted.get_text() == "[dodano: i wyłącznie ]"  # words for screen readers
    changed = inserted.find_parent(class_="pal-w")
    assert "pal-w--changed" in changed["class"]
    assert changed.select_one(".pal-w__znak").get_text() == "±"  # a sign, not only a colour
    assert "Dodano 2 słowa, usunięto 0 słów." in diff.get_text(" ")
    assert "Bez zmian." in section_text(page, "porownanie")  # the record did not change
    third = soup(site, f"{URL}/wersje/{versions_of(site)[2]}")
    (sentence,) = third.select("#porownanie-rekord ~ ul.pal-zmiany-rekordu li")
    assert sentence.get_text() == (
        "Dodano publikację uchwały w dzienniku urzędowym: [dodano: Dz. Urz. Woj. Maz. z 2020 r. poz. 7]"
    )


def test_the_metryczka_comes_from_the_record_and_from_git(site: Path) -> None:
    box = soup(site, URL).select_one(".pal-metryczka")
    facts = dict(
        zip(
            [dt.get_text(strip=True) for dt in box.select("dt")],
            [dd.get_text(" ", strip=True) for dd in box.select("dd")],
            strict=True,
        )
    )
    assert facts["Informację wytworzył(a)"] == "Rada Gminy Przykładowo"
    assert facts["Data wytworzenia"] == "15 stycznia 2020 r."
    assert facts["Informację wprowadził(a)"] == "Anna Nowak"
    assert facts["Data udostępnienia"] == "10 stycznia 2024 r."
    assert facts["Ostatnia zmiana"] == "5 marca 2024 r. , Anna Nowak"
    # A version is named by its number and date; the repository's id waits folded, for watchdogs.
    assert facts["Wersja"].startswith("3, z 5 marca 2024 r.")
    folded = box.select_one("details.pal-identyfikator")
    assert folded is not None and "open" not in folded.attrs and len(folded.code.get_text()) >= 7
    assert box.select_one("time")["datetime"] == "2020-01-15"
    page = soup(site, "o-archiwum").select_one(".pal-metryczka")
    assert "Jan Kowalski" in page.get_text(" ") and "1 kwietnia 2024 r." in page.get_text(" ")


def test_the_site_register_and_its_feed_list_every_change(site: Path) -> None:
    page = soup(site, "rejestr-zmian")
    rows = [
        [td.get_text(" ", strip=True) for td in tr.select("td")] for tr in page.select("article tbody tr")
    ]
    assert [row[0] for row in rows] == [
        "1 kwietnia 2024 r., godz. 13:00",  # 12:00 +01:00 is 13:00 in Poland's summer time
        "5 marca 2024 r., godz. 12:00",
        "20 lutego 2024 r., godz. 12:00",
        "10 stycznia 2024 r., godz. 12:00",
    ]
    assert rows[0][3] == "O archiwum" and rows[1][3] == (
        "Program Aktywności Lokalnej Gminy Przykładowo na lata 2020-2022 — Przykładowo : "
        "opis programu w archiwum (uchwała, cele, adresaci i inne dane)"
    )
    feed = ET.parse(site / "rejestr-zmian" / "feed.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [
        "Nowy akapit na stronie O archiwum",
        "Uzupełnienie publikacji uchwały",
        "Poprawka zgodna z uchwałą",
        "Dodanie programu gminy Przykładowo",
    ]
    assert entries[1].find(f"{ATOM}link").get("href").endswith(f"/{URL}/")
    assert feed.findtext(f"{ATOM}updated") == "2024-04-01T12:00:00+01:00"


def test_history_is_read_with_one_git_call(history_repo: Path, tmp_path: Path) -> None:
    real_git = shutil.which("git")
    log = tmp_path / "calls.txt"
    wrapper = tmp_path / "bin" / "git"
    wrapper.parent.mkdir()
    wrapper.write_text(f'#!/bin/sh\necho "$@" >> {log}\nexec {real_git} "$@"\n', encoding="utf-8")
    wrapper.chmod(wrapper.stat().st_mode | stat.S_IEXEC)
    path = f"{wrapper.parent}{os.pathsep}{os.environ['PATH']}"
    result = run_build(history_repo, site="site-counted", env={"PATH": path})
    assert result.returncode == 0, result.stderr
    calls = log.read_text(encoding="utf-8").splitlines()
    assert len(calls) == 1 and " log " in f" {calls[0]} "


def test_a_shallow_clone_warns_and_builds(history_repo: Path, tmp_path: Path) -> None:
    clone = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{history_repo}", str(clone))
    result = run_build(clone)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "płytkim klonem" in result.stderr and "git fetch --unshallow" in result.stderr
    site = clone / "site"
    assert len(versions_of(site)) == 1  # only what the clone holds
    assert "Historia w repozytorium jest niepełna" in section_text(soup(site, URL), "rejestr-zmian")
    assert "Historia niepełna" in article_text(soup(site, "rejestr-zmian"))


@pytest.mark.parametrize("how", ["not a repository", "no git program"])
def test_without_git_the_build_warns_and_uses_the_record(
    history_repo: Path, tmp_path: Path, how: str
) -> None:
    project = copy_project(tmp_path / "copy", ("mkdocs.yml", "docs", "overrides", "hooks"))
    shutil.copytree(history_repo / "programmes", project / "programmes")
    env = {"PATH": str(tmp_path / "empty")} if how == "no git program" else {}
    result = run_build(project, env=env)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    expected = "nie znaleziono programu git" if env else "nie jest repozytorium git"
    assert expected in result.stderr
    page = soup(project / "site", URL)
    assert "Rejestr zmian jest niedostępny" in section_text(page, "rejestr-zmian")
    facts = page.select_one(".pal-metryczka").get_text(" ", strip=True)
    assert "15 stycznia 2020 r." in facts  # the resolution's date, from the record
    assert "Informację wprowadził(a) brak danych" in facts


def test_a_change_to_many_pages_names_the_programmes_first_and_lists_every_page_on_its_own(
    real_site: Path,
) -> None:
    """The real archive's one commit touches every programme and every hand-written page."""
    rows = soup(real_site, "rejestr-zmian").select("article tbody tr")
    assert len(rows) == 1
    named = rows[0].select("td")[3].select("a")
    programmes = [url for url, _ in records()]
    handwritten = sorted(DOCS.rglob("*.md"))
    # Municipalities' and vocabularies' files are published pages too, and so are the register's
    # descriptions of past changes.
    data_files = sorted(PROGRAMMES.glob("*/gmina.yml")) + sorted(PROGRAMMES.glob("slowniki/*.yml"))
    data_files += sorted(PROGRAMMES.glob("opisy-zmian.yml"))
    touched = len(programmes) + len(handwritten) + len(data_files)
    assert touched > 11, "the real archive no longer makes a long entry: the test needs another"
    assert len(named) == 11  # ten pages and the link to the rest
    first = [target("rejestr-zmian", a["href"]) for a in named[: min(len(programmes), 10)]]
    assert set(first) <= set(programmes), "the programmes are named first"
    if len(programmes) <= 10:
        assert sorted(first) == programmes
    more = plural(touched - 10, "strona", "strony", "stron")
    assert named[-1].get_text() == f"i jeszcze {more}: pełna lista zmiany"
    entry_url = target("rejestr-zmian", named[-1]["href"])
    entry = soup(real_site, entry_url)
    listed = entry.select("article ol li a")
    assert len(listed) == touched
    assert {target(entry_url, a["href"]) for a in listed} >= set(programmes)
    labels = [a.get_text() for a in listed]
    assert "Archiwum Programów Aktywności Lokalnej" in labels  # the home page, by its heading
    assert "Publikacja pięciu programów" in article_text(entry)
    for a in listed:
        assert (real_site / target(entry_url, a["href"]) / "index.html").is_file(), a["href"]
    feed = ET.parse(real_site / "rejestr-zmian" / "feed.xml").getroot()
    links = feed.find(f"{ATOM}entry").findall(f"{ATOM}link")
    assert len(links) == 11 and links[0].get("href").endswith(f"/{entry_url}/")
