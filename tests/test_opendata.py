"""Open data: JSON and CSV files valid against their schemas, JSON-LD, the programmes feed, sitemap."""

from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import jsonschema
import pytest
import referencing
import yaml
from bs4 import BeautifulSoup

from conftest import AS_OF, PROJECT
from pages import PROGRAMMES, key_of, municipalities, records, section_text, soup, status, successors

REAL = dict(records())
# The address the real project is built for without $PAL_SITE_URL (mkdocs.yml's default).
SITE_URL = re.search(
    r'site_url: !ENV \[PAL_SITE_URL, "([^"]+)"\]', (PROJECT / "mkdocs.yml").read_text("utf-8")
)[1]
HISTORY_URL = "programy/1234562-przykladowo/pal-2020-2022"


def validator(site: Path, name: str) -> jsonschema.Draft202012Validator:
    """A validator for one published schema, resolving its references to the other one."""
    schemas = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in (site / "dane/schemat").iterdir()}
    registry = referencing.Registry().with_resources(
        (uri, referencing.Resource.from_contents(schema)) for uri, schema in schemas.items()
    )
    return jsonschema.Draft202012Validator(
        schemas[name], registry=registry, format_checker=jsonschema.FormatChecker()
    )


def errors(validator: jsonschema.Draft202012Validator, data: object) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(data)]


def programme_files(site: Path) -> dict[str, dict]:
    return {
        p.relative_to(site / "dane/programy").as_posix().removesuffix(".json"): json.loads(
            p.read_text("utf-8")
        )
        for p in (site / "dane/programy").rglob("*.json")
    }


def test_data_files_are_valid_against_their_schemas(real_site: Path) -> None:
    everything = json.loads((real_site / "dane/programy.json").read_text(encoding="utf-8"))
    assert errors(validator(real_site, "programy.schema.json"), everything) == []
    assert everything["liczba_programow"] == len(REAL) == len(everything["programy"])
    single = programme_files(real_site)
    assert set(single) == {url.removeprefix("programy/") for url in REAL}
    check = validator(real_site, "program.schema.json")
    for key, record in single.items():
        assert errors(check, record) == [], key
        assert record == next(p for p in everything["programy"] if p["id"] == key) | {
            "$schema": record["$schema"],
            "licencja": everything["licencja"],
        }


def test_data_files_carry_the_record_its_terms_and_working_links(real_site: Path) -> None:
    for key, data in programme_files(real_site).items():
        record = REAL[f"programy/{key}"]
        assert data["tytul"] == record["tytul"] and data["adres"] == f"{SITE_URL}programy/{key}/"
        assert data["uchwala"]["numer"] == record["uchwala"]["numer"]  # null stays null
        assert [a["id"] for a in data["adresaci"]] == [a["id"] for a in record.get("adresaci") or []]
        assert (data["cel_glowny"] or {}).get("tresc") == (record.get("cel_glowny") or {}).get("tresc")
        for section in ("adresaci", "rezultaty", "finansowanie"):
            field = {"adresaci": "grupy", "rezultaty": "rodzaje", "finansowanie": "zrodla"}[section]
            for got, want in zip(data[section], record.get(section) or [], strict=True):
                assert [t["id"] for t in got[field]] == want[field]
                for term in got[field]:
                    assert (real_site / term["adres"].removeprefix(SITE_URL) / "index.html").is_file()
        page = soup(real_site, f"programy/{key}")
        for item in [data["cel_glowny"] or {}, *data["cele"], *data["dzialania"], *data["adresaci"]]:
            if not item:
                continue  # no main goal in the document
            anchor = item["w_tekscie"].split("#")[1]
            assert page.find(id=anchor) is not None, item["w_tekscie"]
        assert data["wersje"] and data["wersje"][0]["autor"] == "Redakcja Archiwum"


def test_csv_has_a_header_and_one_row_per_programme(real_site: Path) -> None:
    raw = (real_site / "dane/programy.csv").read_bytes()
    rows = list(csv.DictReader(raw.decode("utf-8").splitlines()))
    assert len(rows) == len(REAL)
    by_id = {row["id"]: row for row in rows}
    for url, record in REAL.items():
        row = by_id[url.removeprefix("programy/")]
        assert row["tytul"] == record["tytul"]
        assert row["uchwala_numer"] == (record["uchwala"]["numer"] or "")
        assert row["uchwala_data"] == (str(record["uchwala"]["data"]) if record["uchwala"]["data"] else "")
        assert row["adresaci"] == ";".join(
            dict.fromkeys(g for a in record.get("adresaci") or [] for g in a["grupy"])
        )
        assert sorted(filter(None, row["zastapiony_przez"].split(";"))) == sorted(
            key_of(other) for other, _ in successors(url)
        )
        for column in ("okres_od", "okres_do", "uchwala_data", "status_na_dzien", "ostatnia_zmiana"):
            assert re.fullmatch(r"(\d{4}(-\d{2}(-\d{2})?)?)?", row[column]), (column, row[column])
    assert any(row["zastapiony_przez"] for row in rows) == any(successors(url) for url in REAL)


def documented(page: BeautifulSoup, heading: str) -> list[str]:
    """The names in the first column of the table under a heading of the "Dane otwarte" page."""
    table = page.find(id=heading).find_next("table")
    return [td.code.get_text() for td in table.select("tbody td:first-child")]


def test_the_open_data_page_documents_every_field_and_column(real_site: Path) -> None:
    page = soup(real_site, "dane")
    schema = json.loads((real_site / "dane/schemat/program.schema.json").read_text(encoding="utf-8"))
    fields = documented(page, "pola-json")
    assert {name for name in schema["properties"] if name != "$schema"} <= set(fields)
    assert {"uchwala.numer", "gmina.teryt", "licencja.adres"} <= set(fields)
    # An extract item and a vocabulary term have one shape each, documented once, not again under
    # every list that holds them.
    assert len(fields) == len(set(fields))
    for shape, heading in (("pozycja", "pola-pozycji"), ("termin", "pola-terminu")):
        assert set(schema["$defs"][shape]["properties"]) == set(documented(page, heading)), shape
    lists = [name for name, spec in schema["properties"].items() if "pozycja" in json.dumps(spec)]
    rows = {
        tr.td.code.get_text(): tr for tr in page.find(id="pola-json").find_next("table").select("tbody tr")
    }
    for name in lists:
        assert rows[name].select_one('a[href="#pola-pozycji"]'), name
        assert not [field for field in fields if field.startswith((f"{name}.", f"{name}[]."))], name
    header = (real_site / "dane/programy.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    assert header == documented(page, "kolumny-csv")
    links = {a["href"] for a in page.select("article a")}
    assert {"../dane/programy.json", "../dane/programy.csv"} & links or {
        "programy.json",
        "programy.csv",
    } <= links


def test_the_open_data_page_and_the_data_files_state_the_licence(real_site: Path) -> None:
    everything = json.loads((real_site / "dane/programy.json").read_text(encoding="utf-8"))
    licence = everything["licencja"]
    assert licence["adres"].startswith("https://creativecommons.org/")
    assert all(record["licencja"] == licence for record in programme_files(real_site).values())
    page = soup(real_site, "dane")
    heading = page.find(id="licencja")
    text = section_text(page, "licencja")
    assert licence["nazwa"] in text
    # The official text of the licence is linked, and the texts' own status is explained: official
    # documents are outside copyright.
    official = []
    for part in heading.find_next_siblings():
        if part.name == "h2":
            break
        official += [a["href"] for a in part.select("a") if a["href"].startswith(licence["adres"])]
    assert any("legalcode" in href for href in official), official
    assert "art. 4" in text and "o prawie autorskim i prawach pokrewnych" in text
    assert any(a["href"] == "#licencja" for a in page.select("article a"))  # named at the top


def json_ld(page: BeautifulSoup) -> dict:
    (script,) = page.select('script[type="application/ld+json"]')
    return json.loads(script.string)


@pytest.mark.parametrize("url", sorted(REAL))
def test_programme_pages_describe_themselves_as_schema_org_legislation(real_site: Path, url: str) -> None:
    record = REAL[url]
    data = json_ld(soup(real_site, url))
    gmina = yaml.safe_load((PROGRAMMES / url.split("/")[1] / "gmina.yml").read_text(encoding="utf-8"))
    assert data["@context"] == "https://schema.org" and data["@type"] == "Legislation"
    assert data["name"] == record["tytul"] and data["url"] == f"{SITE_URL}{url}/"
    place = data["legislationJurisdiction"]
    assert place["name"] == gmina["nazwa"]
    assert place["identifier"] == {"@type": "PropertyValue", "propertyID": "TERYT", "value": gmina["teryt"]}
    assert data["temporalCoverage"] == f"{record['okres']['od']}/{record['okres']['do']}"
    # An adopted programme is law in force until it ends, is superseded or repealed.
    in_force = status(url, record, AS_OF) in ("obowiązujący", "przyjęty, realizacja jeszcze się nie zaczęła")
    assert data["legislationLegalForce"] == f"https://schema.org/{'InForce' if in_force else 'NotInForce'}"
    names = yaml.safe_load((PROGRAMMES / "slowniki/adresaci.yml").read_text(encoding="utf-8"))["terminy"]
    groups = {t["id"]: t["nazwa"] for t in names}
    wanted = list(dict.fromkeys(groups[g] for a in record.get("adresaci") or [] for g in a["grupy"]))
    assert [a["audienceType"] for a in data.get("audience", [])] == wanted
    resolution = record["uchwala"]
    # What the document does not state is left out, never guessed.
    assert data.get("legislationIdentifier") == resolution["numer"]
    assert data.get("legislationDate") == (str(resolution["data"]) if resolution["data"] else None)
    assert data.get("legislationPassedBy", {}).get("name") == resolution["organ"]


def test_only_programme_pages_carry_json_ld(real_site: Path) -> None:
    for folder in municipalities():
        assert not soup(real_site, f"gminy/{folder}").select('script[type="application/ld+json"]'), folder


def test_the_programmes_feed_lists_additions_and_changes(history_site: Path) -> None:
    feed = feedparser.parse((history_site / "programy/feed.xml").read_bytes())
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.feed.title.startswith("Programy")
    titles = [e.title for e in feed.entries]
    name = "Program Aktywności Lokalnej Gminy Przykładowo na lata 2020-2022 (Przykładowo)"
    # Three commits touched the programme (the fourth changed a hand-written page only).
    assert titles == [f"Zmieniono: {name}", f"Zmieniono: {name}", f"Dodano: {name}"]
    dates = [e.updated_parsed[:3] for e in feed.entries]
    assert dates == [(2024, 3, 5), (2024, 2, 20), (2024, 1, 10)]
    assert all(e.link == f"{SITE_URL}{HISTORY_URL}/" for e in feed.entries)
    related = [link.href for e in feed.entries for link in e.links if link.rel == "related"]
    assert all(href.startswith(f"{SITE_URL}{HISTORY_URL}/wersje/") for href in related) and len(related) == 3
    assert "Uzupełnienie publikacji uchwały" in feed.entries[0].summary


def test_the_sitemap_dates_pages_by_their_last_change(history_site: Path) -> None:
    tree = ET.parse(history_site / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    lastmod = {
        url.findtext("s:loc", namespaces=ns): url.findtext("s:lastmod", namespaces=ns)
        for url in tree.getroot().findall("s:url", ns)
    }
    assert lastmod[f"{SITE_URL}{HISTORY_URL}/"] == "2024-03-05"
    assert lastmod[f"{SITE_URL}o-archiwum/"] == "2024-04-01"
    versions = {u: d for u, d in lastmod.items() if "/wersje/" in u}
    assert sorted(versions.values()) == ["2024-01-10", "2024-02-20", "2024-03-05"]
    assert lastmod[f"{SITE_URL}adresaci/"] is None  # derived pages are not dated by the build
    assert all(loc.startswith(SITE_URL) for loc in lastmod)
