"""Open data: every programme's record as JSON (one file each, and all in one) and as CSV rows.

The JSON mirrors the catalogue record (same Polish keys), adds what the archive derives (status,
URLs, deep links, resolved vocabulary terms, versions) and is described field by field by
``schemas/dane-program.schema.json``; the "Dane otwarte" page is generated from that schema.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from palarchiwum.history.chronicle import Chronicle
from palarchiwum.records.archive import Archive
from palarchiwum.records.catalogue_records import SECTIONS, Item, Programme
from palarchiwum.records.vocabularies import term_field
from palarchiwum.reuse.shared_text import SharedText

from .shared_data import shared_data

DATA_DIR = "dane/"
ALL_JSON = "dane/programy.json"
ALL_CSV = "dane/programy.csv"
SCHEMA_DIR = "dane/schemat/"


@dataclass(frozen=True)
class Licence:
    """The licence of the data files: of the archive's own work (records, vocabularies, data). The
    programmes' texts need none: official documents are not protected by copyright (art. 4 of
    the Polish copyright act)."""

    id: str  # SPDX
    name: str
    url: str  # the licence's official page

    def data(self) -> dict[str, str]:
        return {"id": self.id, "nazwa": self.name, "adres": self.url}


# Public domain, no conditions: the data may join other collections (Wikidata takes CC0 only)
# without a chain of attributions; /dane/ (overrides/strony/dane.md) says the same to readers.
DATA_LICENCE = Licence(
    "CC0-1.0",
    "CC0 1.0 Universal — przekazanie do domeny publicznej",
    "https://creativecommons.org/publicdomain/zero/1.0/",
)


@dataclass(frozen=True)
class Urls:
    """Addresses in the data: absolute when the site's URL is known, else relative to the site root."""

    base: str  # "https://example.org/pal-archiwum/" or ""

    def of(self, path: str) -> str:
        return self.base + path

    def programme_json(self, programme: Programme) -> str:
        return f"{DATA_DIR}programy/{programme.key}.json"


def programme_data(
    programme: Programme, archive: Archive, chronicle: Chronicle, urls: Urls, shared: SharedText
) -> dict[str, Any]:
    """One programme's record for the open data files."""
    page = urls.of(programme.url)
    resolution = programme.resolution
    return {
        "id": programme.key,
        "adres": page,
        "dane": urls.of(urls.programme_json(programme)),
        "tytul": programme.title,
        "nazwa_skrocona": programme.short_name,
        "gmina": _municipality(programme, urls),
        "okres": {
            "od": programme.start.text,
            "do": programme.end.text,
            "brzmienie": programme.period_wording,
        },
        "status": {
            "kod": programme.status.code,
            "nazwa": programme.status.label,
            "na_dzien": archive.as_of.isoformat(),
        },
        "uchwala": {
            "numer": resolution.number,
            "data": resolution.date.isoformat() if resolution.date else None,
            "organ": resolution.organ,
            "podstawa_prawna": resolution.legal_basis,
            "wykonawca": resolution.executor,
            "wejscie_w_zycie": resolution.entry_into_force,
            "publikacja": resolution.publication,
        },
        "uchylenie": (
            {"data": programme.repealed_on.isoformat(), "akt": programme.repealed_by}
            if programme.repealed_on
            else None
        ),
        "realizator": programme.implementer,
        "kontakt": programme.contact,
        "cel_glowny": _item(programme.main_goal, page, archive, urls) if programme.main_goal else None,
        **{
            key: [_item(item, page, archive, urls) for item in programme.items.get(key, ())]
            for key, _ in SECTIONS
        },
        "relacje": {
            "zastepuje": list(programme.supersedes),
            "zastapiony_przez": list(programme.superseded_by),
            "zmienia": list(programme.amends),
            "zmieniony_przez": list(programme.amended_by),
        },
        "zalaczniki": [
            {
                "plik": a.path,
                "opis": a.description,
                "rola": a.role,
                "rozmiar": a.size,
                "sha256": a.sha256,
                "adres": urls.of(programme.url + a.path),
            }
            for a in programme.attachments
        ],
        "uwagi_redakcyjne": list(programme.notes),
        "poprawki_redakcyjne": [
            {"zrodlo": c.source, "tekst": c.text, "powod": c.reason} for c in programme.corrections
        ],
        "tekst_niepelny": (
            {
                "zawiera": programme.incomplete.holds,
                "powod": programme.incomplete.reason,
                "pelny_tekst": programme.incomplete.whole,
            }
            if programme.incomplete
            else None
        ),
        "wersje": [
            {
                "numer": change.version.number,
                "data": change.version.commit.date.isoformat(),
                "autor": change.version.commit.who.name,
                "funkcja": change.version.commit.who.role,
                "powod": change.version.commit.reason.text,
                "uzasadnienie": change.version.commit.reason.details,
                "adres": urls.of(change.version.src_uri.removesuffix("index.md")),
            }
            for change in chronicle.changes(programme)
        ],
        "wspolne_fragmenty": shared_data(programme, shared, urls.of),
    }


def _municipality(programme: Programme, urls: Urls) -> dict[str, Any]:
    m = programme.municipality
    return {
        "id": m.key,
        "nazwa": m.name,
        "nazwa_krotka": m.short_name,
        "typ": m.kind,
        "teryt": m.teryt,
        "teryt_zweryfikowany": m.teryt_verified,
        "wojewodztwo": m.voivodeship,
        "powiat": m.county,
        "adres": urls.of(m.url),
    }


def _item(item: Item, page: str, archive: Archive, urls: Urls) -> dict[str, Any]:
    data: dict[str, Any] = {"id": item.id, "tresc": item.quote, "w_tekscie": f"{page}#{item.anchor}"}
    carried = term_field(item.section)
    if carried:
        vocabulary_key, field = carried
        vocabulary = archive.vocabulary(vocabulary_key)
        data[field] = [
            {"id": t, "nazwa": vocabulary.term(t).name, "adres": urls.of(vocabulary.term(t).url)}
            for t in item.terms
        ]
    if item.goals:
        data["cele"] = list(item.goals)
    if item.actions:
        data["dzialania"] = list(item.actions)
    if item.start and item.end:
        data["od"], data["do"] = item.start.text, item.end.text
    return data


def collection_head(count: int, archive: Archive, urls: Urls) -> str:
    """programy.json up to its first programme; the programmes follow one per line (``,\\n``)."""
    data = {
        "$schema": urls.of(SCHEMA_DIR + "programy.schema.json"),
        "stan_na": archive.as_of.isoformat(),
        "liczba_programow": count,
        "licencja": DATA_LICENCE.data(),
    }
    return json.dumps(data, ensure_ascii=False)[:-1] + ', "programy": [\n'


COLLECTION_TAIL = "\n]}\n"


def collection_line(record: dict[str, Any]) -> str:
    """One programme in programy.json: compact for the big file, still readable line by line."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def record_json(record: dict[str, Any], urls: Urls) -> str:
    """One programme, indented for people who open the file."""
    data = {"$schema": urls.of(SCHEMA_DIR + "program.schema.json"), "licencja": DATA_LICENCE.data(), **record}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


@dataclass(frozen=True)
class Column:
    name: str
    description: str  # shown on the "Dane otwarte" page
    value: Callable[[dict[str, Any]], object]


def _terms(section: str, field: str) -> Callable[[dict[str, Any]], str]:
    """The distinct term ids of one section, in first-use order, joined with ";"."""

    def value(record: dict[str, Any]) -> str:
        items = [record["cel_glowny"]] if section == "cele" and record["cel_glowny"] else []
        ids = [t["id"] for item in items + record[section] for t in item.get(field, [])]
        return ";".join(dict.fromkeys(ids))

    return value


def _at(*path: str) -> Callable[[dict[str, Any]], object]:
    """A value inside the record, or None where a part on the way is missing (null)."""

    def value(record: dict[str, Any]) -> object:
        found: Any = record
        for key in path:
            found = found.get(key) if found else None
        return found

    return value


def _joined(*path: str) -> Callable[[dict[str, Any]], str]:
    return lambda record: ";".join(_at(*path)(record) or [])


def _count(section: str) -> Callable[[dict[str, Any]], int]:
    return lambda record: len(record[section])


def _last_change(record: dict[str, Any]) -> str | None:
    return record["wersje"][0]["data"][:10] if record["wersje"] else None


TERM_IDS = "identyfikatory terminów oddzielone „;”"
CSV_COLUMNS: tuple[Column, ...] = (
    Column("id", "identyfikator programu w archiwum: folder gminy/folder programu", _at("id")),
    Column("tytul", "tytuł programu w brzmieniu dokumentu", _at("tytul")),
    Column("nazwa_skrocona", "krótka nazwa nadana przez redakcję", _at("nazwa_skrocona")),
    Column("gmina", "nazwa gminy", _at("gmina", "nazwa")),
    Column("teryt", "kod TERYT (TERC) gminy, 7 cyfr", _at("gmina", "teryt")),
    Column("wojewodztwo", "województwo", _at("gmina", "wojewodztwo")),
    Column("powiat", "powiat", _at("gmina", "powiat")),
    Column("okres_od", "początek okresu realizacji: RRRR, RRRR-MM albo RRRR-MM-DD", _at("okres", "od")),
    Column("okres_do", "koniec okresu realizacji: RRRR, RRRR-MM albo RRRR-MM-DD", _at("okres", "do")),
    Column("status", "kod statusu na dzień z kolumny status_na_dzien", _at("status", "kod")),
    Column("status_na_dzien", "dzień, na który podano status (RRRR-MM-DD)", _at("status", "na_dzien")),
    Column("uchwala_numer", "numer uchwały; puste, gdy dokument go nie podaje", _at("uchwala", "numer")),
    Column("uchwala_data", "data podjęcia uchwały (RRRR-MM-DD); puste, gdy nieznana", _at("uchwala", "data")),
    Column("uchwala_organ", "organ, który podjął uchwałę; puste, gdy nieznany", _at("uchwala", "organ")),
    Column(
        "uchylenie_data", "dzień uchylenia (RRRR-MM-DD); puste, gdy nie uchylono", _at("uchylenie", "data")
    ),
    Column(
        "realizator", "realizator programu; puste, gdy dokument go nie podaje", _at("realizator", "nazwa")
    ),
    Column("adresaci", f"grupy adresatów: {TERM_IDS}", _terms("adresaci", "grupy")),
    Column("tematy_celow", f"tematy celu głównego i celów: {TERM_IDS}", _terms("cele", "tematy")),
    Column("rodzaje_rezultatow", f"rodzaje rezultatów: {TERM_IDS}", _terms("rezultaty", "rodzaje")),
    Column("rodzaje_partnerow", f"rodzaje partnerów: {TERM_IDS}", _terms("partnerzy", "rodzaje")),
    Column("zrodla_finansowania", f"źródła finansowania: {TERM_IDS}", _terms("finansowanie", "zrodla")),
    Column("liczba_celow", "liczba celów szczegółowych", _count("cele")),
    Column("liczba_dzialan", "liczba działań", _count("dzialania")),
    Column("liczba_rezultatow", "liczba przewidywanych rezultatów", _count("rezultaty")),
    Column(
        "zastepuje",
        "programy, które ten zastępuje: identyfikatory oddzielone „;”",
        _joined("relacje", "zastepuje"),
    ),
    Column(
        "zastapiony_przez", "programy, które zastąpiły ten program", _joined("relacje", "zastapiony_przez")
    ),
    Column(
        "ostatnia_zmiana",
        "dzień ostatniej zmiany w archiwum (RRRR-MM-DD); puste bez historii git",
        _last_change,
    ),
    Column(
        "tekst_niepelny",
        "true, gdy archiwum ma tylko część tekstu dokumentu (co i dlaczego: plik JSON); inaczej false",
        lambda record: "true" if record["tekst_niepelny"] else "false",
    ),
    Column(
        "wspolny_tekst",
        "część tekstu (0–1), która występuje też w innych programach; puste, gdy archiwum tego nie bada",
        _at("wspolne_fragmenty", "udzial"),
    ),
    Column("adres", "adres strony programu", _at("adres")),
    Column("dane", "adres pliku JSON z pełnym rekordem programu", _at("dane")),
)


def csv_header() -> list[str]:
    return [column.name for column in CSV_COLUMNS]


def csv_row(record: dict[str, Any]) -> list[object]:
    """One programme's row of programy.csv; unknown values are empty cells."""
    return ["" if (v := column.value(record)) is None else v for column in CSV_COLUMNS]
