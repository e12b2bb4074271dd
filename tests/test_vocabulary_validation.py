"""Vocabularies and the terms records carry: every mistake named, with the nearest right term."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import PROGRAMME_YML, RECORD, line_of, problems, write_archive

VOCABULARY = "programmes/slowniki/adresaci.yml"


@pytest.mark.parametrize(
    ("wrong", "right", "field", "vocabulary"),
    [
        ("    grupy: [osoby-bezrobotne]", "osoby-bezrobotni", "adresaci[a1].grupy[1]", "Adresaci"),
        ("    tematy: [wolontariat]", "wolontarjat", "cele[c2].tematy[1]", "Cele"),
        ("  tematy: [aktywnosc-mieszkancow]", "aktywnosc-mieszkancy", "cel_glowny.tematy[1]", "Cele"),
        (
            "    rodzaje: [aktywnosc-i-zaangazowanie]",
            "zaangazowanie",
            "rezultaty[r1].rodzaje[1]",
            "Rezultaty",
        ),
    ],
)
def test_an_unknown_term_names_the_place_and_the_nearest_term(
    tmp_path: Path, wrong: str, right: str, field: str, vocabulary: str
) -> None:
    original = wrong.split("[")[1].rstrip("]")
    record = PROGRAMME_YML.replace(wrong, wrong.replace(original, right))
    write_archive(tmp_path / "programmes", record=record)
    (found,) = problems(tmp_path)
    line = line_of(record, f"[{right}]")
    assert found == (
        f"{RECORD}:{line}: {field}: nieznany termin „{right}” "
        f"(słownik {vocabulary}: slowniki/{vocabulary.lower()}.yml) "
        f"(wskazówka: czy chodziło o „{original}”? Nowy termin dopisz najpierw do słownika)"
    )


def test_a_term_in_a_partner_or_financing_item_is_checked_too(tmp_path: Path) -> None:
    record = PROGRAMME_YML + (
        "partnerzy:\n  - id: pa1\n    rodzaje: [policjia]\n    brzmienie: osoby bezrobotne\n"
        "finansowanie:\n  - id: f1\n    zrodla: [budzet-gmin]\n    tresc: osoby bezrobotne\n"
    )
    write_archive(tmp_path / "programmes", record=record)
    found = problems(tmp_path)
    assert len(found) == 2
    assert "partnerzy[pa1].rodzaje[1]: nieznany termin „policjia”" in found[0]
    assert "czy chodziło o „policja”?" in found[0]
    assert "finansowanie[f1].zrodla[1]: nieznany termin „budzet-gmin”" in found[1]
    assert "czy chodziło o „budzet-gminy”?" in found[1]


def test_an_item_without_terms_is_refused(tmp_path: Path) -> None:
    record = PROGRAMME_YML.replace("    grupy: [osoby-bezrobotne]\n", "")
    write_archive(tmp_path / "programmes", record=record)
    (found,) = problems(tmp_path)
    assert "adresaci[a1].grupy: brak wymaganego pola" in found
    assert "programmes/slowniki/adresaci.yml" in found


def test_an_empty_term_list_is_refused(tmp_path: Path) -> None:
    record = PROGRAMME_YML.replace("    grupy: [osoby-bezrobotne]", "    grupy: []")
    write_archive(tmp_path / "programmes", record=record)
    (found,) = problems(tmp_path)
    assert f"{RECORD}:{line_of(record, 'grupy: []')}: adresaci[a1].grupy:" in found


def test_a_missing_vocabulary_is_named(tmp_path: Path) -> None:
    write_archive(tmp_path / "programmes")
    (tmp_path / VOCABULARY).unlink()
    (found,) = problems(tmp_path)
    assert found.startswith(f"{VOCABULARY}: brak słownika „adresaci”")
    assert "utwórz plik programmes/slowniki/adresaci.yml" in found


def test_a_term_defined_twice(tmp_path: Path) -> None:
    write_archive(tmp_path / "programmes")
    path = tmp_path / VOCABULARY
    text = path.read_text(encoding="utf-8").replace("  - id: osoby-bezdomne", "  - id: osoby-bezrobotne")
    path.write_text(text, encoding="utf-8")
    (found,) = problems(tmp_path)
    first = line_of(text, "- id: osoby-bezrobotne")
    assert found.startswith(f"{VOCABULARY}:{first + 4}: terminy[8].id: termin „osoby-bezrobotne” jest już")
    assert f"w wierszu {first}" in found


def test_result_kinds_must_say_hard_or_soft_and_other_terms_must_not(tmp_path: Path) -> None:
    write_archive(tmp_path / "programmes")
    results = tmp_path / "programmes/slowniki/rezultaty.yml"
    results.write_text(
        results.read_text(encoding="utf-8").replace("    charakter: miekki\n", "", 1), encoding="utf-8"
    )
    addressees = tmp_path / VOCABULARY
    addressees.write_text(
        addressees.read_text(encoding="utf-8").replace(
            "    nazwa: Osoby bezdomne\n", "    nazwa: Osoby bezdomne\n    charakter: twardy\n"
        ),
        encoding="utf-8",
    )
    found = problems(tmp_path)
    assert len(found) == 2
    assert (
        "adresaci.yml:" in found[0]
        and "terminy[osoby-bezdomne].charakter: pole „charakter” ma sens tylko" in found[0]
    )
    assert (
        "rezultaty.yml:" in found[1]
        and "terminy[integracja-spolecznosci].charakter: brak wymaganego pola" in found[1]
    )


def test_a_broken_vocabulary_does_not_bury_records_under_false_alarms(tmp_path: Path) -> None:
    write_archive(tmp_path / "programmes")
    path = tmp_path / VOCABULARY
    path.write_text(path.read_text(encoding="utf-8").replace("terminy:", "terminy: ["), encoding="utf-8")
    (found,) = problems(tmp_path)
    assert found.startswith(f"{VOCABULARY}:") and "błąd składni YAML" in found


def test_a_vocabulary_term_needs_a_description_for_readers(tmp_path: Path) -> None:
    write_archive(tmp_path / "programmes")
    path = tmp_path / VOCABULARY
    text = path.read_text(encoding="utf-8")
    text = text.replace("    opis: Osoby, które nie mają stałego miejsca do mieszkania.\n", "")
    path.write_text(text, encoding="utf-8")
    (found,) = problems(tmp_path)
    line = line_of(text, "- id: osoby-bezdomne")
    assert f"{VOCABULARY}:{line}: terminy[osoby-bezdomne].opis: brak wymaganego pola" in found
