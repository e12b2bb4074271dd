"""Bad input fails with every problem listed as file:line: field: message, in Polish."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from conftest import (
    GMINA_YML,
    PROGRAMME_MD,
    PROGRAMME_YML,
    RECORD,
    copy_project,
    line_of,
    problems,
    run_build,
    write_archive,
)
from conftest import VALIDATION_AS_OF as AS_OF
from pages import pick, records
from palarchiwum.records.archive import build_archive
from palarchiwum.records.schema_validation import _inline_refs


def test_the_minimal_archive_is_valid(tmp_path: Path) -> None:
    write_archive(tmp_path / "programmes")
    archive = build_archive(tmp_path / "programmes", tmp_path, AS_OF)
    assert [p.key for p in archive.programmes] == ["1234562-przykladowo/pal-2020-2022"]


def test_yaml_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    record = PROGRAMME_YML.replace("  od: 2020\n", "  od: [2020\n")
    write_archive(tmp_path / "programmes", record=record)
    (found,) = problems(tmp_path)
    assert found.startswith(f"{RECORD}:")
    assert "błąd składni YAML: niezamknięty nawias kwadratowy „[”" in found
    assert "wskazówka:" in found


def test_unquoted_colon_in_a_quote_is_explained(tmp_path: Path) -> None:
    record = PROGRAMME_YML.replace("tresc: Rozwój wolontariatu", "tresc: Rozwój: wolontariatu")
    write_archive(tmp_path / "programmes", record=record)
    (found,) = problems(tmp_path)
    line = line_of(record, "Rozwój: wolontariatu")
    assert found.startswith(f"{RECORD}:{line}: błąd składni YAML: dwukropek w niedozwolonym miejscu")


def test_missing_required_field(tmp_path: Path) -> None:
    record = PROGRAMME_YML.replace(
        "tytul: Program Aktywności Lokalnej Gminy Przykładowo na lata 2020-2022\n", ""
    )
    write_archive(tmp_path / "programmes", record=record)
    (found,) = problems(tmp_path)
    assert found.startswith(f"{RECORD}:")
    assert "tytul: brak wymaganego pola" in found
    assert "Tytuł programu dokładnie tak, jak w dokumencie" in found  # the hint says what is right


def test_wrong_type(tmp_path: Path) -> None:
    record = PROGRAMME_YML.replace("  numer: I/1/2020", "  numer: [12]")
    write_archive(tmp_path / "programmes", record=record)
    (found,) = problems(tmp_path)
    line = line_of(record, "numer: [12]")
    assert found.startswith(f"{RECORD}:{line}: uchwala.numer: zły typ wartości: jest lista")
    assert "powinien być tekst albo null" in found


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2020-02-30", "„2020-02-30” nie jest prawdziwą datą kalendarzową"),
        ("15.01.2020", "wartość „15.01.2020” ma zły format"),
    ],
)
def test_a_date_that_is_not_a_date(tmp_path: Path, value: str, message: str) -> None:
    record = PROGRAMME_YML.replace("data: 2020-01-15", f"data: {value}")
    write_archive(tmp_path / "programmes", record=record)
    (found,) = problems(tmp_path)
    line = line_of(record, f"data: {value}")
    assert found.startswith(f"{RECORD}:{line}: uchwala.data: {message}")
    assert "RRRR-MM-DD" in found


def test_period_end_before_start(tmp_path: Path) -> None:
    record = PROGRAMME_YML.replace("  do: 2022", "  do: 2019")
    write_archive(tmp_path / "programmes", record=record)
    (found,) = problems(tmp_path)
    line = line_of(record, "do: 2019")
    assert found.startswith(f"{RECORD}:{line}: okres.do: koniec (2019) jest wcześniej niż początek (2020)")


def test_harmonogram_entry_ending_before_it_starts(tmp_path: Path) -> None:
    record = PROGRAMME_YML.replace('do: "2020-03"', 'do: "2019-12"')
    write_archive(tmp_path / "programmes", record=record)
    (found,) = problems(tmp_path)
    assert "harmonogram[h1].do: koniec (2019-12) jest wcześniej niż początek (2020-01)" in found


def test_duplicate_ids(tmp_path: Path) -> None:
    record = PROGRAMME_YML.replace("  - id: c2", "  - id: c1")
    write_archive(tmp_path / "programmes", record=record)
    found = problems(tmp_path)
    assert any("cele[2].id: identyfikator „c1” powtarza się" in p for p in found)
    assert any("jest już użyty w cele[1]" in p for p in found)


def test_reference_to_an_unknown_id(tmp_path: Path) -> None:
    record = PROGRAMME_YML.replace("    cele: [c1]", "    cele: [c9]")
    write_archive(tmp_path / "programmes", record=record)
    (found,) = problems(tmp_path)
    line = line_of(record, "cele: [c9]")
    assert found.startswith(f"{RECORD}:{line}: dzialania[d1].cele[1]: odwołanie do nieznanego celu „c9”")
    assert "znane identyfikatory: c1, c2, cg1" in found


def test_quote_not_in_the_text(tmp_path: Path) -> None:
    record = PROGRAMME_YML.replace("Rozwój wolontariatu", "Rozwój wolontariatu seniorów")
    write_archive(tmp_path / "programmes", record=record)
    (found,) = problems(tmp_path)
    line = line_of(record, "Rozwój wolontariatu seniorów")
    assert found.startswith(f"{RECORD}:{line}: cele[c2].tresc: cytat nie występuje w programme.md")
    assert "Rozwój wolontariatu seniorów" in found


def test_quote_matches_whole_words_only(tmp_path: Path) -> None:
    record = PROGRAMME_YML.replace("brzmienie: osoby bezrobotne", "brzmienie: osoby bezrobotn")
    write_archive(tmp_path / "programmes", record=record)
    (found,) = problems(tmp_path)
    assert "adresaci[a1].brzmienie: cytat nie występuje" in found


def test_quote_ignores_line_breaks_and_emphasis(tmp_path: Path) -> None:
    changed = PROGRAMME_MD.replace("na osoby bezrobotne.", "na **osoby\nbezrobotne**.")
    write_archive(tmp_path / "programmes", text=changed)
    build_archive(tmp_path / "programmes", tmp_path, AS_OF)


def test_programme_in_a_folder_without_gmina_yml(tmp_path: Path) -> None:
    write_archive(tmp_path / "programmes", gmina=None)
    (found,) = problems(tmp_path)
    assert found.startswith(f"{RECORD}: program leży w folderze bez pliku gmina.yml")
    assert "dodaj programmes/1234562-przykladowo/gmina.yml" in found


def test_programme_under_an_invalid_gmina_yml_is_still_checked(tmp_path: Path) -> None:
    gmina = GMINA_YML.replace("typ: gmina wiejska", "typ: wieś")
    record = PROGRAMME_YML.replace("  do: 2022", "  do: 2019")
    write_archive(tmp_path / "programmes", gmina=gmina, record=record)
    found = problems(tmp_path)
    assert len(found) == 2
    assert any("gmina.yml:4: typ: niedozwolona wartość „wieś”" in p for p in found)
    assert any("okres.do: koniec (2019)" in p for p in found)
    assert not any("bez pliku gmina.yml" in p for p in found)


def test_two_programmes_with_one_url(tmp_path: Path) -> None:
    write_archive(tmp_path / "programmes", slug="pal-2020-2022")
    write_archive(tmp_path / "programmes", slug="PAL-2020-2022")
    (found,) = problems(tmp_path)
    assert "adres /programy/1234562-przykladowo/pal-2020-2022/ jest już zajęty" in found


def test_unknown_field_suggests_the_nearest(tmp_path: Path) -> None:
    record = PROGRAMME_YML.replace("adresaci:", "adresac:")
    write_archive(tmp_path / "programmes", record=record)
    found = problems(tmp_path)
    assert any("adresac: nieznane pole „adresac” (wskazówka: czy chodziło o „adresaci”?)" in p for p in found)


def test_unknown_relation_target(tmp_path: Path) -> None:
    record = PROGRAMME_YML + "relacje:\n  zastepuje: [1234562-przykladowo/pal-1999]\n"
    write_archive(tmp_path / "programmes", record=record)
    (found,) = problems(tmp_path)
    assert "relacje.zastepuje: odwołanie do nieznanego programu „1234562-przykladowo/pal-1999”" in found


def test_teryt_must_match_the_folder(tmp_path: Path) -> None:
    write_archive(tmp_path / "programmes", municipality="7654321-przykladowo")
    found = problems(tmp_path)
    assert any(
        "teryt: kod TERYT 1234562 nie zgadza się z nazwą folderu „7654321-przykladowo”" in p for p in found
    )


def test_attachment_checksum_is_verified(tmp_path: Path) -> None:
    folder = write_archive(tmp_path / "programmes")
    (folder / "attachments").mkdir()
    (folder / "attachments" / "zrodlo.txt").write_text("tekst", encoding="utf-8")
    wrong = hashlib.sha256(b"inny").hexdigest()
    record = PROGRAMME_YML + (
        f"zalaczniki:\n  - plik: attachments/zrodlo.txt\n    opis: Tekst źródłowy\n    sha256: {wrong}\n"
    )
    (folder / "programme.yml").write_text(record, encoding="utf-8")
    (found,) = problems(tmp_path)
    assert "zalaczniki[1].sha256: suma SHA-256 nie zgadza się z plikiem" in found
    assert hashlib.sha256(b"tekst").hexdigest() in found


def test_file_that_is_not_utf8(tmp_path: Path) -> None:
    folder = write_archive(tmp_path / "programmes")
    (folder / "programme.md").write_bytes("Zażółć gęślą jaźń\n".encode("cp1250"))
    found = problems(tmp_path)
    assert any("programme.md:1: plik nie jest zapisany w UTF-8" in p for p in found)


def test_custom_yaml_tags_are_refused(tmp_path: Path) -> None:
    record = PROGRAMME_YML.replace("  numer: I/1/2020", "  numer: !!python/object/apply:os.getcwd []")
    write_archive(tmp_path / "programmes", record=record)
    (found,) = problems(tmp_path)
    assert "niedozwolony znacznik YAML" in found


def test_every_problem_in_every_file_is_reported_at_once(tmp_path: Path) -> None:
    record = PROGRAMME_YML.replace("    cele: [c1]", "    cele: [c9]").replace(
        "Rozwój wolontariatu", "Inny cel"
    )
    write_archive(tmp_path / "programmes", record=record)
    write_archive(tmp_path / "programmes", municipality="1234563-drugie", gmina=None)
    found = problems(tmp_path)
    assert len(found) == 3
    assert any("odwołanie do nieznanego celu" in p for p in found)
    assert any("cytat nie występuje" in p for p in found)
    assert any("bez pliku gmina.yml" in p for p in found)


def test_a_bad_file_fails_the_build_without_traceback_and_writes_nothing(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "projekt")
    key = records()[0][0].removeprefix("programy/")  # any real programme
    record = project / "programmes" / key / "programme.yml"
    text = record.read_text(encoding="utf-8")
    assert "\nokres:" in text
    record.write_text(text.replace("\nokres:", "\nokres_:", 1), encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert "Archiwum programów zawiera błędy" in output
    assert f"programmes/{key}/programme.yml:" in output
    assert "okres: brak wymaganego pola" in output
    assert not (project / "site").exists()


def test_an_empty_or_repeating_term_list_is_named_in_polish(tmp_path: Path) -> None:
    record = PROGRAMME_YML.replace("grupy: [osoby-bezrobotne]", "grupy: []").replace(
        "tematy: [wolontariat]", "tematy: [wolontariat, wolontariat]"
    )
    write_archive(tmp_path / "programmes", record=record)
    found = problems(tmp_path)
    assert any(
        "adresaci[a1].grupy: lista ma za mało elementów (ma 0, potrzeba co najmniej 1 element)" in p
        for p in found
    ), found
    assert any("cele[c2].tematy: lista zawiera powtórzony element" in p for p in found), found


def test_a_schema_definition_that_contains_itself_is_still_checked_at_every_depth() -> None:
    # Definitions are put in place of their references for speed; one that contains itself
    # must stay a reference, or the schema would never end.
    node = {"type": "object", "properties": {"dzieci": {"type": "array", "items": {"$ref": "#/$defs/wezel"}}}}
    schema = {"$defs": {"wezel": node}, "type": "object", "properties": {"korzen": {"$ref": "#/$defs/wezel"}}}
    checker = Draft202012Validator(_inline_refs(schema, schema["$defs"], ()))
    assert not list(checker.iter_errors({"korzen": {"dzieci": [{"dzieci": [{"dzieci": []}]}]}}))
    (error,) = checker.iter_errors({"korzen": {"dzieci": [{"dzieci": [{"dzieci": 5}]}]}})
    assert list(error.absolute_path) == ["korzen", "dzieci", 0, "dzieci", 0, "dzieci"]


def test_schema_problems_do_not_hide_the_other_problems_of_the_same_file(tmp_path: Path) -> None:
    """One run shows every problem: the schema's (unknown key, missing field, wrong type) and,
    beside them, the dates, quotes, terms and references of the same record."""
    record = (
        PROGRAMME_YML.replace(
            "  organ: Rada Gminy Przykładowo\n", "  organ: Rada Gminy Przykładowo\n  numr: 1\n"
        )
        .replace("  numer: I/1/2020\n", "")
        .replace("  od: 2020\n", "  od: [2020]\n")
        .replace("  data: 2020-01-15\n", "  data: 2020-02-30\n")
        .replace("tresc: Rozwój wolontariatu", "tresc: Rozwój wolontariatu za granicą")
        .replace("[osoby-bezrobotne]", "[osoby-bezrobotni]")
        .replace("    cele: [c1]\n", "    cele: [c7]\n")
        .replace('    do: "2020-03"\n', '    do: "2019-03"\n')
    )
    write_archive(tmp_path / "programmes", record=record)
    found = problems(tmp_path)
    wanted = {
        "uchwala.numr: nieznane pole „numr”": "numr: 1",
        "uchwala.numer: brak wymaganego pola": "uchwala:",
        "okres.od: zły typ wartości": "od: [2020]",
        "uchwala.data: ": "data: 2020-02-30",
        "cele[c2].tresc: cytat nie występuje": "Rozwój wolontariatu za granicą",
        "adresaci[a1].grupy[1]: nieznany termin „osoby-bezrobotni”": "[osoby-bezrobotni]",
        "dzialania[d1].cele[1]: odwołanie do nieznanego celu „c7”": "cele: [c7]",
        "harmonogram[h1].do: koniec (2019-03) jest wcześniej": 'do: "2019-03"',
    }
    for field_and_message, line in wanted.items():
        at = f"{RECORD}:{line_of(record, line)}: {field_and_message}"
        assert any(p.startswith(at) for p in found), (at, found)
    assert len(found) == len(wanted), found


def test_a_municipality_and_a_vocabulary_show_every_problem_at_once(tmp_path: Path) -> None:
    gmina = GMINA_YML.replace('teryt: "1234562"', 'teryt: "1234569"') + "herb: tak\n"
    write_archive(tmp_path / "programmes", gmina=gmina)
    vocabulary = tmp_path / "programmes" / "slowniki" / "adresaci.yml"
    text = vocabulary.read_text(encoding="utf-8").replace(
        "  - id: osoby-bezdomne", "  - id: osoby-bezrobotne", 1
    )
    vocabulary.write_text(text + "autor: ktoś\n", encoding="utf-8")
    found = problems(tmp_path)
    assert any("gmina.yml:" in p and "herb: nieznane pole" in p for p in found), found
    assert any("gmina.yml:" in p and "teryt: kod TERYT 1234569 nie zgadza się" in p for p in found), found
    assert any("adresaci.yml:" in p and "autor: nieznane pole" in p for p in found), found
    assert any("adresaci.yml:" in p and "termin „osoby-bezrobotne” jest już zdefiniowany" in p for p in found)


def test_a_list_item_is_named_by_its_id_or_counted_from_one(tmp_path: Path) -> None:
    record = PROGRAMME_YML.replace(
        "    tresc: Rozwój wolontariatu\n", "    tresc: Rozwój wolontariatu\n    waga: 2\n"
    )
    record = record.replace("  - id: c1\n", "  - id: 17\n")  # an id that is not text names no item
    write_archive(tmp_path / "programmes", record=record)
    found = problems(tmp_path)
    assert any(": cele[c2].waga: nieznane pole „waga”" in p for p in found), found
    assert any(": cele[1].id: zły typ wartości" in p for p in found), found


# Mistakes a clerk makes, each at the line where it starts: (what the line becomes, the message).
SYNTAX_MISTAKES = (
    ('  - id: c2\n    tematy: [wolontariat]\n    tresc: "Rozwój wolontariatu\n', "niezamknięty cudzysłów"),
    ("    tematy: [wolontariat\n", "niezamknięty nawias kwadratowy „[”"),
    ("    tresc Rozwój wolontariatu\n", "brak dwukropka po kluczu"),
    ("    tresc: Rozwój: wolontariatu\n", "dwukropek w niedozwolonym miejscu"),
    ("\ttresc: Rozwój wolontariatu\n", "tabulator"),
    ("     tresc: Rozwój wolontariatu\n", "złe wcięcie"),
    ("    tresc: @Rozwój wolontariatu\n", "znak, od którego nie może się zaczynać wartość"),
    ("    tresc: *Rozwój wolontariatu\n", "alias"),
    ('    tresc: "Rozwój \\q wolontariatu"\n', "niedozwolona sekwencja z „\\”"),
)


@pytest.mark.parametrize("replacement, message", SYNTAX_MISTAKES, ids=lambda v: v[:24])
def test_a_syntax_error_is_reported_at_the_line_where_the_mistake_starts(
    tmp_path: Path, replacement: str, message: str
) -> None:
    line = "    tresc: Rozwój wolontariatu\n"
    if replacement.startswith("  - id: c2"):
        line = "  - id: c2\n    tematy: [wolontariat]\n    tresc: Rozwój wolontariatu\n"
    elif "tematy" in replacement:
        line = "    tematy: [wolontariat]\n"
    assert line in PROGRAMME_YML
    record = PROGRAMME_YML.replace(line, replacement)
    write_archive(tmp_path / "programmes", record=record)
    (found,) = problems(tmp_path)
    mistake = record[: record.index(replacement)].count("\n") + replacement.count("\n")
    assert found.startswith(f"{RECORD}:{mistake}: błąd składni YAML: "), found
    assert message in found


def test_every_syntax_error_is_explained_in_polish() -> None:
    """Both of PyYAML's parsers, on 600 damaged records each: a Polish explanation every time."""
    import random

    import yaml

    from palarchiwum.records import yaml_parsing

    damage = ['"', "'", "[", "{", "}", "]", ":", "\t", "- ", "*a", "&a", "!x", "%", "@", "`", "|x", ">x", ",",
              "? ", "\\", "  ", "---\n", "...\n", ": x", '"\\q"']  # fmt: skip
    random.seed(18)
    unexplained = set()
    for base in {yaml_parsing._Base, yaml.SafeLoader}:
        loader = type(
            "Loader", (base,), {"yaml_implicit_resolvers": yaml_parsing._PlainLoader.yaml_implicit_resolvers}
        )
        for _ in range(600):
            text = PROGRAMME_YML
            for _ in range(random.randint(1, 2)):
                at = random.randrange(len(text))
                text = text[:at] + random.choice(damage) + text[at:]
            try:
                yaml_parsing._PlainLoader, original = loader, yaml_parsing._PlainLoader
                yaml_parsing.parse_yaml(text)
            except yaml_parsing.YamlError as exc:
                if "nie da się odczytać" in exc.message or re.search(
                    r"\b(expected|found|while)\b", exc.message
                ):
                    unexplained.add(exc.message)
            finally:
                yaml_parsing._PlainLoader = original
    assert unexplained == set()


def test_a_reference_to_a_programme_with_problems_of_its_own_is_not_a_second_problem(tmp_path: Path) -> None:
    _, record = pick(
        "a programme that replaces another", lambda _, r: (r.get("relacje") or {}).get("zastepuje")
    )
    replaced = record["relacje"]["zastepuje"][0]
    project = copy_project(tmp_path / "projekt", ("mkdocs.yml", "programmes"))
    path = project / "programmes" / replaced / "programme.yml"
    path.write_text("zle_pole: 1\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    (found,) = problems(project)
    assert found.startswith(f"programmes/{replaced}/programme.yml:1: zle_pole: nieznane pole")


def test_a_record_without_its_text_still_shows_its_own_problems(tmp_path: Path) -> None:
    folder = write_archive(tmp_path / "programmes", record=PROGRAMME_YML + "zle_pole: 1\n")
    (folder / "programme.md").unlink()
    found = problems(tmp_path)
    assert any("brak pliku programme.md z pełnym tekstem programu" in p for p in found), found
    assert any("zle_pole: nieznane pole" in p for p in found), found
