"""What a BIP owes its readers: chrome on every page, its pages, publisher, statuses, archive."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import AS_OF, PROGRAMME_YML, commit, copy_project, init_repo, run_build, write_archive
from pages import (
    article_text,
    listed_programmes,
    plural,
    programme_links,
    records,
    section_text,
    soup,
    status,
    target,
)
from palarchiwum.publisher import publisher_from
from palarchiwum.records.archive import build_archive
from palarchiwum.records.catalogue_records import Status
from palarchiwum.settings import archive_options

A11Y_IDS = (
    "a11y-wstep", "a11y-podmiot", "a11y-url", "a11y-data-publikacja", "a11y-data-aktualizacja",
    "a11y-status", "a11y-data-sporzadzenie", "a11y-ocena", "a11y-kontakt", "a11y-osoba", "a11y-email",
    "a11y-telefon", "a11y-procedura", "a11y-architektura", "a11y-aplikacje",
)  # fmt: skip
BIP_PAGES = ("redakcja", "instrukcja", "informacja-nieudostepniona", "deklaracja-dostepnosci", "tekst-latwy")
REAL = records()
STATUS_GROUPS = {
    "przyjęty, realizacja jeszcze się nie zaczęła": "Przyjęte, realizacja jeszcze się nie zaczęła",
    "obowiązujący": "Obowiązujące",
    "zakończony": "Zakończone",
    "zastąpiony": "Zastąpione",
    "uchylony": "Uchylone",
}
UNKNOWN_YEAR = "rok nieznany (uchwała nie podaje daty)"


def test_every_page_has_the_bip_logo_and_the_accessibility_statement_link(real_site: Path) -> None:
    pages = [p for p in real_site.rglob("index.html") if "search" not in p.parts]
    assert len(pages) > 100
    for path in pages:
        url = path.parent.relative_to(real_site).as_posix()
        url = "" if url == "." else url
        page = soup(real_site, url)
        logo = page.select_one("a.pal-bip")
        assert logo["href"] == "https://www.bip.gov.pl", url
        assert logo.get_text(strip=True) == "Biuletyn Informacji Publicznej"
        (statement,) = [
            a for a in page.select("footer a") if a.get_text(strip=True) == "Deklaracja dostępności"
        ]
        assert target(url, statement["href"]) == "deklaracja-dostepnosci", url


def test_the_accessibility_statement_follows_the_official_template(real_site: Path) -> None:
    page = soup(real_site, "deklaracja-dostepnosci")
    for element_id in A11Y_IDS:
        assert page.find(id=element_id) is not None, element_id
    published = page.find(id="a11y-data-publikacja")
    assert published.name == "time" and published["datetime"] == "2026-11-20"  # the first commit
    assert page.find(id="a11y-data-sporzadzenie")["datetime"] == "2026-11-20"
    assert "częściowo zgodna" in page.find(id="a11y-status").get_text()


@pytest.mark.parametrize("url", BIP_PAGES)
def test_bip_pages_exist_and_carry_a_metryczka(real_site: Path, url: str) -> None:
    page = soup(real_site, url)
    box = page.select_one(".pal-metryczka")
    assert box is not None
    assert "Redakcja Archiwum" in box.get_text(" ")  # who committed it
    assert "20 listopada 2026 r." in box.get_text(" ")


def test_publisher_details_come_from_configuration(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8")
        .replace("      adres:\n", "      adres: ul. Przykładowa 1, 00-001 Przykładowo\n")
        .replace("      email:\n", "      email: redakcja@przykladowo.pl\n")
        .replace("      telefon:\n", "      telefon: +48 22 000 00 00\n")
        .replace(
            "      redaktorzy: []",
            "      redaktorzy: [{nazwa: Anna Nowak, funkcja: redaktor naczelna, email: anna@przykladowo.pl}]",
        )
        .replace(
            "      nazwa: Archiwum Programów Aktywności Lokalnej (pal-archiwum)",
            "      nazwa: Urząd Gminy Przykładowo",
        ),
        encoding="utf-8",
    )
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    text = article_text(soup(site, "redakcja"))
    for fact in (
        "Urząd Gminy Przykładowo",
        "ul. Przykładowa 1, 00-001 Przykładowo",
        "redakcja@przykladowo.pl",
        "+48 22 000 00 00",
        "Anna Nowak",
        "redaktor naczelna",
    ):
        assert fact in text
    statement = soup(site, "deklaracja-dostepnosci")
    assert statement.find(id="a11y-podmiot").get_text() == "Urząd Gminy Przykładowo"
    assert statement.find(id="a11y-email").get_text() == "redakcja@przykladowo.pl"
    for url, _ in REAL:
        metryczka = soup(site, url).select_one(".pal-metryczka")
        assert "Urząd Gminy Przykładowo" in metryczka.get_text(" "), url


def test_unknown_publisher_details_are_said_in_a_sentence(real_site: Path) -> None:
    publisher = publisher_from(archive_options(Path(__file__).resolve().parent.parent / "mkdocs.yml"))
    text = article_text(soup(real_site, "redakcja"))
    unknown = [
        name
        for value, name in (
            (publisher.address, "adresu"),
            (publisher.email, "adresu e-mail"),
            (publisher.phone, "numeru telefonu"),
        )
        if not value
    ]
    if unknown:
        sentence = text.split("Wydawca nie podał jeszcze ")[1].split(".")[0]
        assert all(name in sentence for name in unknown), sentence
    if not publisher.editors:
        assert "Wydawca nie wskazał jeszcze redaktorów archiwum." in text
    assert "nie podano" not in text and "mkdocs.yml" not in text


def test_a_bad_publication_date_in_the_configuration_is_named(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "      data_publikacji: ", "      data_publikacji: wczoraj "
        ),
        encoding="utf-8",
    )
    result = run_build(project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "mkdocs.yml: extra.archiwum.wydawca: data_publikacji:" in result.stderr


def repealed_archive(root: Path, repealed_on: str) -> Path:
    record = (
        PROGRAMME_YML
        + f"uchylenie:\n  data: {repealed_on}\n  akt: Uchwała nr V/30/2021 Rady Gminy Przykładowo\n"
    )
    write_archive(root / "programmes", record=record)
    return root


@pytest.mark.parametrize(
    ("repealed_on", "status"), [("2021-03-01", Status.REPEALED), ("2021-09-01", Status.IN_FORCE)]
)
def test_a_programme_is_repealed_from_the_day_of_repeal(
    tmp_path: Path, repealed_on: str, status: Status
) -> None:
    root = repealed_archive(tmp_path, repealed_on)
    (programme,) = build_archive(root / "programmes", root, dt.date(2021, 6, 1)).programmes
    assert programme.status is status


def test_a_repealed_programme_is_shown_so_and_listed_in_the_archive(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p", ("mkdocs.yml", "docs", "overrides", "hooks"))
    repealed_archive(project, "2021-03-01")
    init_repo(project)
    commit(project, "Program uchylony", "Anna Nowak", "2021-03-02")
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    page = soup(site, "programy/1234562-przykladowo/pal-2020-2022")
    summary = page.select_one(".pal-skrot").get_text(" ", strip=True)
    assert "Kiedy 2020–2022 · na dzień 25 listopada 2026 r.: uchylony (od 1 marca 2021 r.)" in summary
    banner = page.select_one("article h1").find_previous_sibling(class_="pal-baner").get_text(" ", strip=True)
    assert banner.startswith("Ten program uchylono 1 marca 2021 r.")
    facts = page.find(id="uchwala").find_next_sibling("div").get_text(" ", strip=True)
    assert "1 marca 2021 r.: Uchwała nr V/30/2021 Rady Gminy Przykładowo" in facts
    archive = soup(site, "archiwum")
    links = {a.get_text(strip=True): target("archiwum", a["href"]) for a in archive.select("article li a")}
    listed = programme_links(soup(site, links["Uchylone"]), links["Uchylone"])
    assert listed == ["programy/1234562-przykladowo/pal-2020-2022"]


def test_the_archive_page_groups_by_adoption_year_and_status(real_site: Path) -> None:
    page = soup(real_site, "archiwum")
    by_status = section_text(page, "wedlug-statusu")
    statuses = {url: status(url, record, AS_OF) for url, record in REAL}
    for label, group in STATUS_GROUPS.items():
        count = sum(1 for shown in statuses.values() if shown == label)
        assert f"{group} : {plural(count, 'program', 'programy', 'programów')}" in by_status, group
    for link in page.select("#wedlug-statusu ~ ul")[0].select("a"):
        label = next(label for label, group in STATUS_GROUPS.items() if group == link.get_text(strip=True))
        url = target("archiwum", link["href"])
        assert sorted(listed_programmes(real_site, url)) == sorted(
            programme for programme, shown in statuses.items() if shown == label
        ), label
    adopted = {
        url: str(record["uchwala"]["data"])[:4] if record["uchwala"]["data"] else UNKNOWN_YEAR
        for url, record in REAL
    }
    known = sorted({year for year in adopted.values() if year != UNKNOWN_YEAR}, reverse=True)
    links = page.select("#wedlug-roku-przyjecia ~ ul a")
    years = [a.get_text(strip=True) for a in links]
    assert years == known + ([UNKNOWN_YEAR] if UNKNOWN_YEAR in adopted.values() else [])
    for link in links:
        url = target("archiwum", link["href"])
        assert sorted(listed_programmes(real_site, url)) == sorted(
            programme for programme, year in adopted.items() if year == link.get_text(strip=True)
        ), url


def test_a_typo_in_a_page_placeholder_is_named_without_a_traceback(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    page = project / "docs" / "redakcja.md"
    text = page.read_text(encoding="utf-8").replace("wydawca.address", "wydawca.adres")
    page.write_text(text, encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "wydawca.adres" in row)
    assert f"docs/redakcja.md:{line}: błąd we wstawce" in result.stderr
    assert "has no attribute 'adres'" in result.stderr and "wydawca.address" in result.stderr
    assert not (project / "site").exists()
