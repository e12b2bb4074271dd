"""`import` on the shapes real programme texts take: small texts of our own, one per shape, and
the invariants every draft keeps on every text of the import corpus (both parts, pass or fail
only) and on the archive's own sources."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from fidelity import coverage
from import_corpus.corpus import cases
from palarchiwum.clerk.importing.drafting import import_text, project_vocabularies
from palarchiwum.records.draft_records import to_complete
from palarchiwum.records.quotes import NormalisedText
from palarchiwum.records.schema_validation import schema_errors, validator
from palarchiwum.records.source_fidelity import compare
from palarchiwum.records.yaml_parsing import parse_yaml
from test_import import quotes

PROJECT = Path(__file__).resolve().parent.parent
VOCABULARIES = project_vocabularies(PROJECT / "programmes")
# Every corpus text (both parts: only pass or fail is looked at) and every source of the archive.
SOURCES = sorted((PROJECT / "programmes").glob("*/*/attachments/zrodlo.txt"))
TEXTS = {case.name: case.text for case in cases()} | {
    path.relative_to(PROJECT / "programmes").as_posix(): path.read_text(encoding="utf-8") for path in SOURCES
}


def record_of(text: str) -> dict[str, Any]:
    return yaml.safe_load(import_text(text, VOCABULARIES).record_yaml)


def items(record: dict[str, Any], section: str) -> list[str]:
    return [item.get("tresc") or item.get("brzmienie") for item in record.get(section) or []]


# --- every text: the draft keeps the text, quotes it, fits the schema, is the same every time


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_draft_of_any_text_keeps_it_quotes_only_it_and_fits_the_schema(name: str) -> None:
    text = TEXTS[name]
    draft = import_text(text, VOCABULARIES)
    assert coverage(text, draft.markdown)[0] == 1.0
    assert compare(text, draft.markdown).differences == []  # as the records' source check sees it
    findable = NormalisedText.of(draft.markdown)
    assert [q for q in quotes(yaml.safe_load(draft.record_yaml)) if findable.find(q) is None] == []
    doc = parse_yaml(draft.record_yaml)
    errors = [path for path, _, _ in schema_errors(validator("programme"), doc.data)]
    assert [path for path in errors if not to_complete(doc, path)] == []  # only what szkic marks
    assert import_text(text, VOCABULARIES) == draft


# --- one shape each, in texts of our own


def test_title_in_capitals_over_lines_with_the_year_after_na() -> None:
    record = record_of(
        "Załącznik do uchwały Nr VII/55/2023\nRady Gminy Modrzew\nz dnia 12 grudnia 2023 r.\n"
        "ROCZNY PROGRAM WSPÓŁPRACY\nGMINY MODRZEW\nZ ORGANIZACJAMI POZARZĄDOWYMI\nNA 2024 ROK\n"
        "I. Postanowienia ogólne\nProgram określa zasady współpracy gminy z organizacjami.\n"
    )
    assert (
        record["tytul"] == "ROCZNY PROGRAM WSPÓŁPRACY GMINY MODRZEW Z ORGANIZACJAMI POZARZĄDOWYMI NA 2024 ROK"
    )
    assert (record["okres"]["od"], record["okres"]["do"]) == (2024, 2024)


def test_title_with_a_quoted_name_and_a_spaced_range() -> None:
    record = record_of(
        "Gminny Program Aktywności Lokalnej\n„Razem przy studni”\nna lata 2025 – 2027\n\n"
        "Program powstał z inicjatywy sołtysów i koła gospodyń.\n"
    )
    assert record["tytul"] == "Gminny Program Aktywności Lokalnej „Razem przy studni” na lata 2025 – 2027"
    assert (record["okres"]["od"], record["okres"]["do"]) == (2025, 2027)


def test_a_programme_named_only_in_the_genitive_has_no_title_but_its_years() -> None:
    record = record_of(
        "Uchwała Nr IV/20/2024 Rady Gminy Jesionka z dnia 5 lutego 2024 r.\n"
        "w sprawie przyjęcia Programu Wspierania Rodziny na rok 2024\n\n"
        "§ 1. Przyjmuje się program stanowiący załącznik do uchwały.\n"
    )
    assert record["tytul"] is None  # never the genitive, never invented
    assert (record["okres"]["od"], record["okres"]["do"]) == (2024, 2024)


@pytest.mark.parametrize(
    ("header", "number", "date", "organ"),
    [
        (
            "Załącznik do Uchwały XI/90/24\nRady Gminy Dębowiec\n3.06.2024r.",
            "XI/90/24",
            "2024-06-03",
            "Rada Gminy Dębowiec",
        ),
        (
            "Uchwała Nr XXI / 301 / 2022\nRady Miejskiej w Lipnicy\nz dnia 7grudnia 2022r.",
            "XXI / 301 / 2022",
            "2022-12-07",
            "Rada Miejska w Lipnicy",
        ),
        (
            "UCHWAŁA NR 88/XII/2023\nRADY MIASTA STAROGRÓD WLKP.\nz dnia 30 marca 2023 r.",
            "88/XII/2023",
            "2023-03-30",
            "Rada Miasta Starogród Wlkp.",
        ),
        (
            "Załącznik do uchwały Nr ……/……/2024\nRady Gminy Zalesie Górne\nz dnia …… 2024 r.",
            None,
            None,
            "Rada Gminy Zalesie Górne",
        ),
    ],
)
def test_resolution_clauses_in_their_many_shapes(header: str, number: str, date: str, organ: str) -> None:
    adopted = record_of(header + "\n\nProgram określa zadania gminy.\n")["uchwala"]
    assert (adopted["numer"], adopted["data"], adopted["organ"]) == (number, date, organ)


def test_legal_basis_stops_before_the_council_that_adopts() -> None:
    adopted = record_of(
        "Uchwała Nr X/70/2024\nRady Gminy Kamionka Wielka\nz dnia 1 marca 2024 r.\n"
        "Na podstawie art. 18 ust. 2 pkt 15 ustawy z dnia 8 marca 1990 r. o samorządzie gminnym\n"
        "Rada Gminy Kamionka Wielka\nu c h w a l a, co następuje:\n§ 1. Przyjmuje się program.\n"
    )["uchwala"]
    assert adopted["podstawa_prawna"] == (
        "Na podstawie art. 18 ust. 2 pkt 15 ustawy z dnia 8 marca 1990 r. o samorządzie gminnym"
    )
    assert adopted["organ"] == "Rada Gminy Kamionka Wielka"


CONTENTS = (
    "Program Aktywności Lokalnej dla Gminy Olchowa na lata 2024-2026\n\n"
    "Spis treści\n1. Cele programu ......................... 3\n2. Adresaci programu .................. 4\n\n"
    "1. Cele programu\n\n1) rozwój wolontariatu;\n2) integracja sąsiedzka.\n\n"
    "2. Adresaci programu\n\nProgram skierowany jest do seniorów, rodzin z dziećmi oraz osób bezrobotnych.\n"
)


def test_a_table_of_contents_is_no_heading_and_no_item() -> None:
    draft = import_text(CONTENTS, VOCABULARIES)
    record = yaml.safe_load(draft.record_yaml)
    assert items(record, "cele") == ["rozwój wolontariatu", "integracja sąsiedzka"]
    assert not [line for line in draft.markdown.splitlines() if line.startswith("#") and "....." in line]


def test_a_table_of_contents_without_page_numbers_ends_where_its_first_entry_comes_again() -> None:
    text = (
        "SPIS TREŚCI\n1. Wstęp\n2. Cele szczegółowe programu\n3. Odbiorcy programu\n\n"
        "1. WSTĘP\nProgram opisuje pracę środowiskową w gminie.\n\n2. CELE SZCZEGÓŁOWE PROGRAMU\n"
        "1) aktywizacja seniorów;\n2) wsparcie rodzin.\n"
    )
    assert items(record_of(text), "cele") == ["aktywizacja seniorów", "wsparcie rodzin"]


def test_running_footers_and_page_numbers_stay_apart_from_items() -> None:
    text = (
        "Cele szczegółowe:\n1) rozwój klubu seniora,\n2) wsparcie rodzin wielodzietnych,\n"
        "Id: 0A1B2C3D-4E5F-6071-8293-A4B5C6D7E8F9. Podpisany Strona 1\n"
        "3) tworzenie grup samopomocowych.\n\n7\n\nKoniec części.\n"
    )
    draft = import_text(text, VOCABULARIES)
    assert items(yaml.safe_load(draft.record_yaml), "cele") == [
        "rozwój klubu seniora",
        "wsparcie rodzin wielodzietnych",
        "tworzenie grup samopomocowych",
    ]
    assert "<!-- 7 -->" in draft.markdown  # a page number alone: kept, not shown
    assert compare(text, draft.markdown).differences == []


def test_a_heading_hyphenated_at_a_line_end_still_names_its_part() -> None:
    text = "Kierunki dzia-\nłań programu\n\n1) festyn sąsiedzki;\n2) warsztaty dla rodziców.\n"
    assert items(record_of(text), "dzialania") == ["festyn sąsiedzki", "warsztaty dla rodziców"]


def test_a_main_goal_given_as_a_numbered_point_or_with_zwany_dalej() -> None:
    numbered = record_of(
        "Cele\n1. Celem głównym Programu jest ożywienie życia wsi.\n2. Cele szczegółowe to:\n"
    )
    assert numbered["cel_glowny"]["tresc"] == "Celem głównym Programu jest ożywienie życia wsi"
    assert items(numbered, "cele") == []
    named = record_of(
        "Wstęp\nCelem głównym Programu Współpracy, zwanego dalej „programem”, jest wzmacnianie organizacji.\n"
    )
    assert named["cel_glowny"]["tresc"].startswith("Celem głównym Programu Współpracy, zwanego dalej")


def test_points_run_together_in_one_paragraph() -> None:
    text = (
        "Cele szczegółowe\n\n"
        "Cele szczegółowe to: 1) pomoc sąsiedzka, 2) kultura w świetlicy, 3) sport dla młodzieży.\n"
    )
    draft = import_text(text, VOCABULARIES)
    assert items(yaml.safe_load(draft.record_yaml), "cele") == [
        "pomoc sąsiedzka",
        "kultura w świetlicy",
        "sport dla młodzieży",
    ]
    assert compare(text, draft.markdown).differences == []  # the paragraph itself stays as printed


def test_a_short_line_over_a_sentence_heads_it() -> None:
    text = "Wizja\nGmina przyjazna mieszkańcom.\nCel główny\nWzmocnienie więzi między mieszkańcami osiedla.\n"
    assert record_of(text)["cel_glowny"]["tresc"] == "Wzmocnienie więzi między mieszkańcami osiedla"


def test_labelled_tasks_and_a_schedule_flattened_from_a_table() -> None:
    record = record_of(
        "Zadania\nZadanie 1. Otwarcie punktu porad prawnych.\nZadanie 2. Spacery z przewodnikiem.\n"
        "Harmonogram\nLp. Zadanie Termin Realizator\n1 Punkt porad prawnych 2025 GOPS\n"
        "2 Spacery z przewodnikiem 2025-2026 Dom Kultury\nIII kwartał 2026 – podsumowanie programu\n"
    )
    assert items(record, "dzialania") == ["Otwarcie punktu porad prawnych", "Spacery z przewodnikiem"]
    assert items(record, "harmonogram") == [
        "Punkt porad prawnych",
        "Spacery z przewodnikiem",
        "podsumowanie programu",
    ]
    assert [(h["od"], h["do"]) for h in record["harmonogram"]][:2] == [(2025, 2025), (2025, 2026)]


def test_financing_stated_in_a_sentence() -> None:
    record = record_of(
        "Wysokość środków przeznaczonych na realizację programu\n"
        "Program realizuje Wójt. Na realizację programu przeznacza się 15 000 zł z budżetu gminy.\n"
    )
    assert items(record, "finansowanie") == [
        "Na realizację programu przeznacza się 15 000 zł z budżetu gminy"
    ]


def test_three_groups_named_as_a_b_oraz_c() -> None:
    record = record_of(
        "Odbiorcy\nProgram skierowany jest do seniorów mieszkających samotnie, rodzin z małymi dziećmi "
        "oraz młodzieży szkół średnich.\n"
    )
    assert items(record, "adresaci") == [
        "seniorów mieszkających samotnie",
        "rodzin z małymi dziećmi",
        "młodzieży szkół średnich",
    ]


def test_a_title_line_may_end_with_a_place_names_abbreviation() -> None:
    record = record_of(
        "Program Współpracy Miasta Starogród Wlkp.\n\nz organizacjami pozarządowymi\n\nna rok 2025\n\n"
        "§ 1. Program określa formy współpracy.\n"
    )
    assert (
        record["tytul"]
        == "Program Współpracy Miasta Starogród Wlkp. z organizacjami pozarządowymi na rok 2025"
    )
