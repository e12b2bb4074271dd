"""Contacts as data: a municipality's office and units on its page, the publisher's missing details
said in sentences, and the details a BIP must show that are missing named to the clerk."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from conftest import (
    GMINA_YML,
    PROGRAMME_MD,
    PROGRAMME_YML,
    clerk,
    copy_project,
    line_of,
    problems,
    run_build,
    write_archive,
)
from pages import article_text, records, soup
from palarchiwum.publisher import publisher_from
from palarchiwum.settings import archive_options

PROJECT = Path(__file__).resolve().parent.parent
FULL = "1234562-przykladowo"  # a municipality whose file gives every contact detail
BARE = "7654322-bez-danych"  # one whose file gives none
OFFICE = {
    "nazwa": "Urząd Gminy Przykładowo",
    "adres": "ul. Główna 1, 00-001 Przykładowo",
    "telefon": "89 752 05 00 wew. 12",
    "email": "urzad@przykladowo.example.pl",
    "www": "https://przykladowo.example.pl",
    "bip": "https://bip.przykladowo.example.pl",
    "epuap": "/UGPrzykladowo/SkrytkaESP",
}
UNIT = {"nazwa": "Gminny Ośrodek Pomocy Społecznej w Przykładowie", "telefon": "+48 89 752 11 11"}
BARE_YML = GMINA_YML.replace("Przykładowo", "Bez Danych").replace("1234562", "7654322")
NEVER_ON_A_PAGE = ("null", "None", "nie podano", "konfiguracj", "mkdocs", "extra.archiwum")
PUBLISHER_PAGES = ("redakcja", "deklaracja-dostepnosci", "informacja-nieudostepniona")


def _contact_yaml(key: str, contact: dict[str, str]) -> str:
    return f"{key}:\n" + "".join(f"  {field}: {value}\n" for field, value in contact.items())


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """A small archive: one municipality with every detail, one with none; a publisher known by
    its address alone (no name, e-mail, phone, editors nor accessibility contact)."""
    project = copy_project(tmp_path_factory.mktemp("kontakty"), ("mkdocs.yml", "docs", "overrides", "hooks"))
    unit = "".join(f"    {field}: {value}\n" for field, value in UNIT.items())
    full = GMINA_YML + _contact_yaml("urzad", OFFICE) + "jednostki:\n  -" + unit.removeprefix("   ")
    write_archive(project / "programmes", gmina=full, record=PROGRAMME_YML, text=PROGRAMME_MD)
    (project / "programmes" / BARE).mkdir()
    (project / "programmes" / BARE / "gmina.yml").write_text(BARE_YML, encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    name = next(line for line in text.splitlines() if line.startswith("      nazwa: "))
    text = text.replace(name + "\n", "      nazwa:\n").replace(
        "      adres:\n", "      adres: ul. Testowa 2\n"
    )
    config.write_text(text, encoding="utf-8")
    return project, run_build(project)


def _facts(page, heading_id: str) -> dict[str, tuple[str, list[str]]]:
    """What the block under one contact's heading says: label -> (text, link targets)."""
    block = page.find(id=heading_id).find_next_sibling()
    assert block.name == "div", block
    return {
        dt.get_text(" ", strip=True): (
            " ".join(dt.find_next_sibling("dd").get_text(" ").split()),
            [a["href"] for a in dt.find_next_sibling("dd").select("a")],
        )
        for dt in block.select("dt")
    }


def test_a_municipality_page_shows_every_contact_detail_with_links(built) -> None:
    project, result = built
    assert result.returncode == 0, result.stderr
    page = soup(project / "site", f"gminy/{FULL}")
    assert page.find(id="urzad").get_text(" ", strip=True).startswith(OFFICE["nazwa"])
    assert _facts(page, "urzad") == {
        "Adres": (OFFICE["adres"], []),
        "Telefon": (OFFICE["telefon"], ["tel:+48897520500"]),
        "E-mail": (OFFICE["email"], [f"mailto:{OFFICE['email']}"]),
        "Strona internetowa": (OFFICE["www"], [OFFICE["www"]]),
        "Biuletyn Informacji Publicznej": (OFFICE["bip"], [OFFICE["bip"]]),
        "Skrzynka ePUAP": (OFFICE["epuap"], []),
    }
    assert page.find(id="jednostka-1").get_text(" ", strip=True).startswith(UNIT["nazwa"])
    assert _facts(page, "jednostka-1") == {"Telefon": (UNIT["telefon"], ["tel:+48897521111"])}


def test_a_municipality_without_contact_details_says_so_in_a_sentence(built) -> None:
    project, _ = built
    page = soup(project / "site", f"gminy/{BARE}")
    text = article_text(page)
    assert "Archiwum nie ma jeszcze danych kontaktowych urzędu tej gminy." in text
    assert not page.select("#kontakt ~ div dl"), "no empty list of details"
    for phrase in NEVER_ON_A_PAGE:
        assert phrase not in text, phrase


def test_the_publishers_missing_details_are_said_in_sentences(built) -> None:
    project, _ = built
    site = project / "site"
    redakcja = article_text(soup(site, "redakcja"))
    assert "Adres ul. Testowa 2" in redakcja
    assert "Wydawca nie podał jeszcze swojej nazwy, adresu e-mail ani numeru telefonu." in redakcja
    assert "Wydawca nie wskazał jeszcze redaktorów archiwum." in redakcja
    statement = soup(site, "deklaracja-dostepnosci")
    assert statement.find(id="a11y-podmiot").get_text() == "Wydawca archiwum"
    contact = " ".join(statement.find(id="a11y-osoba").find_parent("p").get_text(" ").split())
    assert contact.startswith("Wydawca nie wskazał jeszcze osoby kontaktowej w sprawach dostępności")
    assert "można wysyłać pocztą na adres wydawcy: ul. Testowa 2." in contact
    metryczka = soup(site, "redakcja").select_one(".pal-metryczka").get_text(" ", strip=True)
    assert "Wydawca archiwum nie podał jeszcze swojej nazwy." in metryczka
    for url in PUBLISHER_PAGES:
        text = " ".join(soup(site, url).get_text(" ").split())
        for phrase in NEVER_ON_A_PAGE:
            assert phrase not in text, (url, phrase)


def test_the_real_archives_publisher_pages_name_no_configuration(real_site: Path) -> None:
    publisher = publisher_from(archive_options(PROJECT / "mkdocs.yml"))
    for url in (*PUBLISHER_PAGES, records()[0][0]):  # a programme page, for its metryczka
        text = " ".join(soup(real_site, url).get_text(" ").split())
        for phrase in ("konfiguracj", "mkdocs", "nie podano", "extra.archiwum"):
            assert phrase not in text, (url, phrase)
    redakcja = article_text(soup(real_site, "redakcja"))
    if not (publisher.address and publisher.email and publisher.phone):
        assert "Wydawca nie podał jeszcze" in redakcja
    if not publisher.editors:
        assert "Wydawca nie wskazał jeszcze redaktorów archiwum." in redakcja


def test_the_build_names_the_missing_bip_details_and_still_succeeds(built) -> None:
    _, result = built
    assert result.returncode == 0, result.stderr  # --strict: the notes are not warnings
    notes = [line for line in result.stderr.splitlines() if "Uwaga: " in line]
    assert all(line.startswith("INFO") for line in notes), notes
    said = "\n".join(notes)
    assert (
        "mkdocs.yml: extra.archiwum.wydawca: BIP ma podawać dane wydawcy, a brakuje: nazwy, "
        "adresu e-mail, numeru telefonu" in said
    )
    assert "extra.archiwum.wydawca.redaktorzy: BIP ma podawać redaktorów strony" in said
    assert "extra.archiwum.wydawca.dostepnosc:" in said and "osoby kontaktowej" in said
    assert (
        f"programmes/{BARE}/gmina.yml: urzad: BIP ma podawać dane urzędu gminy, a brakuje: nazwy, "
        "adresu, numeru telefonu, adresu e-mail, adresu strony BIP, adresu skrytki ePUAP" in said
    )
    assert f"programmes/{FULL}/gmina.yml" not in said  # every detail given: nothing to say


def test_check_lists_the_missing_bip_details_apart_from_problems(built) -> None:
    project, _ = built
    result = clerk(project, "check")
    assert result.returncode == 0, result.stderr
    heading = "Dane, które BIP ma podawać, a których jeszcze brak (nie blokują publikacji):"
    assert heading in result.stdout
    listed = result.stdout.split(heading)[1]
    assert f"programmes/{BARE}/gmina.yml" in listed and f"programmes/{FULL}/gmina.yml" not in listed
    assert "mkdocs.yml: extra.archiwum.wydawca.redaktorzy:" in listed


@pytest.mark.parametrize(
    ("field", "value", "hint"),
    [
        ("bip", "http://bip.przykladowo.example.pl", "adres zaczynający się od https://"),
        ("epuap", "UGPrzykladowo skrytka", "ukośnik, identyfikator urzędu, ukośnik, nazwa skrytki"),
    ],
)
def test_a_bad_bip_or_epuap_address_is_named_in_polish(
    tmp_path: Path, field: str, value: str, hint: str
) -> None:
    office = {"nazwa": "Urząd Gminy Przykładowo", field: value}
    gmina = GMINA_YML + _contact_yaml("urzad", office)
    write_archive(tmp_path / "programmes", gmina=gmina)
    line = line_of(gmina, f"  {field}:")
    found = [p for p in problems(tmp_path) if f"gmina.yml:{line}: urzad.{field}:" in p]
    assert len(found) == 1, problems(tmp_path)
    assert f"programmes/{FULL}/gmina.yml:{line}: urzad.{field}: wartość „{value}” ma zły format" in found[0]
    assert "(wskazówka: " in found[0] and hint in found[0]
