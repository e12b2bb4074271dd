"""Record comparisons in sentences, reasons from commit messages, the Polish-language check, and
when a change takes effect: the domain code, without a build."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from conftest import PROGRAMME_YML, PROJECT
from palarchiwum.history.effects import effect_of
from palarchiwum.history.reasons import reason_of, split_message
from palarchiwum.history.record_comparison import compare_records
from palarchiwum.records.polish_language import looks_polish

SCHEMA = json.loads((PROJECT / "hooks/palarchiwum/schemas/programme.schema.json").read_text(encoding="utf-8"))
SHA = "0123456789abcdef0123456789abcdef01234567"


def names(vocabulary: str, term: str) -> str:
    return f"<{vocabulary}:{term}>"


def programme(key: str) -> str:
    return f"<program {key}>"


def sentences(old: dict, new: dict) -> list[str]:
    found = compare_records(
        yaml.safe_dump(old, allow_unicode=True), yaml.safe_dump(new, allow_unicode=True), names, programme
    )
    return [
        f"{c.verb} {c.what}: "
        + "".join(f"[{p.kind}:{p.text}]" if p.kind != "same" else p.text for p in c.pieces)
        for c in found.changes
    ]


BEFORE = yaml.safe_load(PROGRAMME_YML)


def test_every_kind_of_field_is_compared_in_words() -> None:
    after = yaml.safe_load(PROGRAMME_YML)
    after["tytul"] = "Program Aktywności Lokalnej Gminy Przykładowo na lata 2020-2023"  # a quote
    after["okres"]["do"] = 2023  # the period
    after["okres"]["brzmienie"] = "lata 2020-2023"  # a value added where there was none
    after["uchwala"]["data"] = "2020-02-15"  # a date
    after["realizator"] = {"nazwa": "Ośrodek Pomocy Społecznej"}  # an object
    after["cel_glowny"]["tematy"] = ["aktywnosc-mieszkancow", "wolontariat"]  # terms of the main goal
    after["cele"][0]["tresc"] = "Zmniejszenie wykluczenia społecznego i ubóstwa"  # an item's words
    del after["cele"][1]  # an item removed
    after["dzialania"][0]["cele"] = []  # an item's link to a goal
    after["adresaci"].append(
        {"id": "a2", "grupy": ["seniorzy"], "brzmienie": "osoby starsze"}
    )  # an item added
    after["harmonogram"][0]["do"] = "2020-06"  # an item's date
    after["relacje"] = {"zastepuje": ["1234562-przykladowo/pal-2014-2019"]}  # a reference to a programme
    after["uchylenie"] = {"data": "2023-05-30", "akt": "Uchwała nr XII/90/2023"}
    after["zalaczniki"] = [
        {"plik": "attachments/zrodlo.txt", "opis": "Tekst źródłowy", "sha256": "a" * 64, "rola": "zrodlo"}
    ]
    after["uwagi_redakcyjne"] = ["Uwaga redakcji."]
    after["szkic"] = True
    assert sentences(BEFORE, after) == [
        "Zmieniono tytuł: Program Aktywności Lokalnej Gminy Przykładowo na lata "
        "[del:2020-2022][ins:2020-2023]",
        "Dodano oznaczenie szkicu: [ins:tak]",
        "Zmieniono okres realizacji: [del:2020–2022] → [ins:2020–2023]",
        "Dodano okres realizacji w brzmieniu dokumentu: [ins:lata 2020-2023]",
        "Zmieniono datę podjęcia uchwały: 15 [del:stycznia][ins:lutego] 2020 r.",
        "Dodano realizatora: [ins:Ośrodek Pomocy Społecznej]",
        "Dodano uchylenie programu: [ins:z dniem 30 maja 2023 r.; Uchwała nr XII/90/2023]",
        "Zmieniono tematy celu głównego: [ins:<cele:wolontariat>]",
        "Usunięto cel: [del:Rozwój wolontariatu]",
        "Zmieniono cel nr 1: Zmniejszenie wykluczenia społecznego[ins: i ubóstwa]",
        "Zmieniono cele działania nr 1: [del:cel nr 1]",
        "Dodano adresata: [ins:osoby starsze]",
        "Zmieniono koniec pozycji harmonogramu nr 1: [del:marzec 2020] → [ins:czerwiec 2020]",
        "Dodano program, który ten program zastępuje: [ins:<program 1234562-przykladowo/pal-2014-2019>]",
        "Dodano uwagę redakcji: [ins:Uwaga redakcji.]",
        "Dodano załącznik: [ins:plik attachments/zrodlo.txt; Tekst źródłowy; "
        f"suma kontrolna {'a' * 64}; rola tekst źródłowy]",
    ]


def test_no_field_of_the_schema_is_named_by_its_key() -> None:
    """Each field the schema allows, added to a record, is named in Polish, not as „pole …”."""
    for key, spec in SCHEMA["properties"].items():
        value = {"tytul": "x y z"}.get(key, _example(spec))
        found = sentences({}, {key: value})
        assert found, key
        assert not any("pole „" in s or "_" in s.split(":")[0] for s in found), (key, found)


def _example(spec: dict) -> object:
    kinds = spec.get("type", "object")
    if "$ref" in spec or "oneOf" in spec:
        return {"nazwa": "Ośrodek", "id": "c1", "tresc": "tekst pozycji"}
    if kinds == "array":
        return [{"id": "c1", "tresc": "tekst pozycji", "plik": "a.txt", "opis": "opis", "sha256": "0" * 64}]
    if kinds == "boolean":
        return True
    if kinds == "object":
        return {
            name: "2020-01-01" if "data" in name else "wartość" for name in spec.get("properties", {})
        } or {"a": "b"}
    return "wartość"


def test_an_item_moved_in_its_list_is_said_once_and_ids_never_show() -> None:
    after = yaml.safe_load(PROGRAMME_YML)
    after["cele"].reverse()
    assert sentences(BEFORE, after) == ["Zmieniono kolejność celów: "]
    shown = " ".join(sentences(BEFORE, {**after, "cele": []}))
    assert "c1" not in shown and "c2" not in shown and "tresc" not in shown


def test_a_record_that_is_not_yaml_is_unreadable_not_an_error() -> None:
    found = compare_records("tytul: [niezamknięte", PROGRAMME_YML, names, programme)
    assert not found.readable and not found.unchanged


def test_reasons_come_from_descriptions_trailers_and_polish_subjects_only() -> None:
    assert reason_of(SHA, "Fix typo", {}).text is None
    assert (
        reason_of(SHA, "Fix typo", {SHA: "Poprawka literówki w tytule"}).text == "Poprawka literówki w tytule"
    )
    trailer = reason_of(
        SHA, "Fix typo\n\nDetails in English.\n\nPowód: Poprawka literówki\nSigned-off-by: A <a@b>", {}
    )
    assert (trailer.text, trailer.details) == ("Poprawka literówki", None)
    english_trailer = reason_of(SHA, "Poprawka\n\nPowód: fix the typo", {})
    assert english_trailer.text is None  # a trailer must be a public reason too
    subject = reason_of(
        SHA, "Poprawka numeru uchwały\n\nNumer przepisano z oryginału.\n\nCo-authored-by: B <b@c>", {}
    )
    assert (subject.text, subject.details) == ("Poprawka numeru uchwały", "Numer przepisano z oryginału.")
    english_body = reason_of(SHA, "Poprawka numeru uchwały\n\nThe number was wrong in the scan.", {})
    assert (english_body.text, english_body.details) == ("Poprawka numeru uchwały", None)
    assert split_message("Temat\n\nTreść.\n\nPowod: bez znaków\n  ciąg dalszy") == (
        "Temat",
        "Treść.",
        [("Powod", "bez znaków ciąg dalszy")],
    )


def test_english_subjects_are_not_reasons_even_with_polish_names() -> None:
    for english in ("Add Kętrzyn programme", "Apply the category to Złote Ewenementy", "Pawłowski's goodbye"):
        assert not looks_polish(english), english
    for polish in ("Poprawka numeru uchwały", "Dodanie PAL gminy Kętrzyn", "marginesy pionowe", "Korekta"):
        assert looks_polish(polish), polish


def test_a_change_takes_effect_on_a_repeal_or_as_its_resolution_says() -> None:
    first = PROGRAMME_YML.replace(
        "  organ: Rada Gminy", "  wejscie_w_zycie: z dniem podjęcia\n  organ: Rada Gminy"
    )
    assert effect_of(None, first).entry_into_force == "z dniem podjęcia"
    repealed = first + "uchylenie:\n  data: 2023-05-30\n  akt: Uchwała nr XII/90/2023\n"
    assert str(effect_of(first, repealed).repealed_on) == "2023-05-30"
    assert effect_of(first, first) is None


def test_the_descriptions_file_is_checked(tmp_path: Path) -> None:
    from palarchiwum.records.change_descriptions import load_descriptions
    from palarchiwum.records.record_files import Context

    (tmp_path / "opisy-zmian.yml").write_text(
        '"abc1234": Poprawka numeru uchwały\n'
        "1234567: Dodanie programu\n"  # digits only, unquoted: an id all the same
        '"xyz": Dodanie programu\n'
        '"abc12345": Poprawka numeru uchwały\n'  # the same commit again
        '"def5678": Fix typo\n'
        '"fed8765":\n',
        encoding="utf-8",
    )
    problems: list = []
    found = load_descriptions(tmp_path, Context(tmp_path, problems, {}))
    assert found == {"abc1234": "Poprawka numeru uchwały", "1234567": "Dodanie programu"}
    lines = sorted((p.line, p.message) for p in problems)
    assert [line for line, _ in lines] == [3, 4, 5, 6]
    assert all(p.hint for p in problems)
