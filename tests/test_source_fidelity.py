"""Source fidelity as a check: programme.md against its source attachment, word by word, with
layout set aside, every difference at its line in Polish unless declared as a correction."""

from __future__ import annotations

import hashlib
import random
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
import yaml

from conftest import PROGRAMME_MD, PROGRAMME_YML, clerk, copy_project, run_build, write_archive
from pages import PROGRAMMES, records, soup
from palarchiwum.records.catalogue_records import Correction
from palarchiwum.records.source_fidelity import LISTED, compare
from palarchiwum.records.source_words import markdown_words
from palarchiwum.records.word_alignment import opcodes

# (key, record, source path) of every real programme with a source attachment.
REAL = [
    (url.removeprefix("programy/"), record, PROGRAMMES / url.removeprefix("programy/") / a["plik"])
    for url, record in records()
    for a in record.get("zalaczniki") or []
    if a.get("rola") == "zrodlo"
]
TEXT = "programmes/1234562-przykladowo/pal-2020-2022/programme.md"
HINT = "poprawki_redakcyjne: zrodlo, tekst, powod"


def corrections(record: dict) -> list[Correction]:
    return [Correction(c["zrodlo"], c["tekst"], c["powod"]) for c in record.get("poprawki_redakcyjne") or []]


@pytest.mark.parametrize(("key", "record", "source"), REAL, ids=[key for key, _, _ in REAL])
def test_every_real_text_matches_its_source(key: str, record: dict, source: Path) -> None:
    text = (PROGRAMMES / key / "programme.md").read_text(encoding="utf-8")
    found = compare(source.read_text(encoding="utf-8"), text, corrections(record))
    assert found.differences == [] and found.unmatched == found.absent == []
    assert found.kept == 1.0


def _words_on_lines(text: str) -> list[tuple[int, str]]:
    """(line, word) of programme.md's body words longer than three letters that occur once in it
    (a change to a repeated passage could as well be at another of its places)."""
    located = markdown_words(text).body.located()
    counts = Counter(t.text for t in located)
    lines = text.split("\n")
    return [
        (t.line, t.text)
        for t in located
        if t.text.isalnum() and len(t.text) > 3 and counts[t.text] == 1
        and re.search(rf"\b{t.text}\b", lines[t.line - 1])  # as written, not joined across a hyphen
    ]  # fmt: skip


@pytest.mark.parametrize(("key", "record", "source"), REAL, ids=[key for key, _, _ in REAL])
def test_a_word_changed_added_or_dropped_anywhere_is_found_at_its_line(
    key: str, record: dict, source: Path
) -> None:
    original = source.read_text(encoding="utf-8")
    text = (PROGRAMMES / key / "programme.md").read_text(encoding="utf-8")
    lines = text.split("\n")
    words = _words_on_lines(text)
    for line, word in (words[len(words) // 5], words[len(words) // 2], words[-3]):
        changed = lines.copy()
        changed[line - 1] = re.sub(rf"\b{word}\b", word[:-1] + "ą", changed[line - 1], count=1)
        added = lines.copy()
        added[line - 1] = re.sub(rf"\b{word}\b", f"{word} nie", added[line - 1], count=1)
        dropped = lines.copy()
        dropped[line - 1] = re.sub(rf"\b{word}\b ?", "", dropped[line - 1], count=1)
        for variant in (changed, added, dropped):
            found = compare(original, "\n".join(variant), corrections(record))
            assert [d.line for d in found.differences] == [line], (word, found.differences)
            assert found.kept < 1.0 or variant is added


def test_a_changed_comma_counts_and_layout_does_not() -> None:
    source = "Program wspiera seniorów, rodziny\ni dzieci.\n"
    assert compare(source, "Program wspiera seniorów, rodziny i dzieci.").differences == []
    (found,) = compare(source, "Program wspiera seniorów; rodziny i dzieci.").differences
    assert (found.source, found.text, found.line) == (",", ";", 1)


@pytest.mark.parametrize(
    ("source", "markdown"),
    [
        ("wyklu-\nczenia społecznego", "wykluczenia społecznego"),  # a word hyphenated at a line end
        ("wyklu-\n\nczenia społecznego", "wykluczenia społecznego"),  # double-spaced extraction
        ("opiekuńczo-\nwychowawczych", "opiekuńczo-wychowawczych"),  # a compound across a line end
        ("Wstęp\n\n3\n\nTreść programu", "Wstęp\n\nTreść programu"),  # a page number
        ("Wstęp\n\n- 3 -\n\nTreść\n\nStrona 4 z 9\n\ndalej", "Wstęp\n\nTreść dalej"),
        ("Gmina X\nTekst a\n\fGmina X\nTekst b\n\fGmina X\nTekst c", "Tekst a\n\nTekst b\n\nTekst c"),
        (
            "społecznego”1. Dalej\n\n1 Przypis o źródle\n\nciąg",
            "społecznego”[^1]. Dalej ciąg\n\n[^1]: Przypis o źródle",
        ),
        ("rozwoju² i dalej", "rozwoju i dalej"),  # a superscript footnote marker
        ("• pierwszy;\n• drugi.", "- pierwszy;\n- drugi."),
        ("1) pierwszy\n2) drugi\na) trzeci", "1. pierwszy\n2. drugi\na\\) trzeci"),
        ("ROZDZIAŁ I. Wstęp", "## ROZDZIAŁ I. Wstęp { #wstep }"),
        ("I. Wstęp", "# I. Wstęp"),
        ("Tekst ważny i strona BIP", "*Tekst* **ważny** i [strona BIP](https://bip.example.org)"),
        ("CO2 w powietrzu", "CO<sub>2</sub> w powietrzu <!-- uwaga redakcji -->"),
        ("Nazwa | Kwota\n\nGmina 100 zł", "| Nazwa | Kwota |\n|---|---|\n| Gmina | 100 zł |"),
        ("wyklu\u00adczenia", "wykluczenia"),  # a soft hyphen
    ],
)
def test_layout_is_set_aside(source: str, markdown: str) -> None:
    assert compare(source, markdown).differences == []


@pytest.mark.parametrize(
    ("source", "markdown"),
    [
        ("wyklu-\nczenia społecznego", "wyłączenia społecznego"),
        ("Wstęp\n\n3\n\nTreść programu", "Wstęp\n\n3\n\nTreść programu"),  # a page number kept
        ("społecznego”1. Dalej\n\n1 Przypis o źródle", "społecznego”[^1]. Dalej\n\n[^1]: Przypis o innym"),
        ("I. Wstęp", "# II. Wstęp"),
        ("Tekst ważny", "*Tekst* **nieważny**"),
        ("w dniu 9 czerwca 2011\n\nr. o wspieraniu", "w dniu 9 czerwca 2011 o wspieraniu"),
        ("Kwota 100 zł", "Kwota 1000 zł"),
        ("Program „Razem”", 'Program "Razem"'),
    ],
)
def test_changes_inside_layout_are_still_found(source: str, markdown: str) -> None:
    assert compare(source, markdown).differences != []


def test_a_wrong_attachment_is_named_as_another_text_in_a_few_lines(tmp_path: Path) -> None:
    """A real source, and the same words shuffled, attached to another text: listed briefly."""
    source = REAL[0][2].read_text(encoding="utf-8")
    words = source.split()
    random.Random(1).shuffle(words)
    for wrong in (source * 3, " ".join(words) * 3):
        _with_source(tmp_path / "a", wrong, PROGRAMME_MD)
        (tmp_path / "a/mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
        result = clerk(tmp_path / "a", "check")
        ours = [line for line in result.stderr.splitlines() if f"{TEXT}:" in line]
        assert result.returncode == 1 and 1 <= len(ours) <= LISTED + 1
        assert re.search(r"programme\.md zachowuje \d+% słów źródła attachments/zrodlo\.txt", result.stderr)
        assert "sprawdź, czy załącznik zrodlo to tekst tego samego dokumentu" in result.stderr
        shutil.rmtree(tmp_path / "a")


def test_a_declared_correction_is_applied_where_the_source_has_it() -> None:
    source = "Gmina wspiera osoby starsze i niepełnospra wne oraz rodziny."
    text = "Gmina wspiera osoby starsze i niepełnosprawne oraz rodziny."
    assert len(compare(source, text).differences) == 1
    fixed = Correction("i niepełnospra wne", "i niepełnosprawne", "błąd odczytu PDF")
    assert compare(source, text, [fixed]).differences == []
    wrong = compare(source, text, [Correction("niepełnosprawnych", "niepełnosprawne", "…")])
    assert wrong.unmatched == [0] and len(wrong.differences) == 1
    absent = compare(source, text, [Correction("i niepełnospra wne", "i osoby niepełnosprawne", "…")])
    assert absent.absent == [0]


def _with_source(project: Path, source: str, text: str, record: str = PROGRAMME_YML) -> Path:
    """The tiny archive with programme.md = text and a source attachment = source."""
    folder = write_archive(project / "programmes", record=record, text=text)
    (folder / "attachments").mkdir()
    (folder / "attachments/zrodlo.txt").write_text(source, encoding="utf-8")
    digest = hashlib.sha256(source.encode()).hexdigest()
    attachment = (
        "zalaczniki:\n  - plik: attachments/zrodlo.txt\n    opis: Tekst wyodrębniony z PDF\n"
        f"    sha256: {digest}\n    rola: zrodlo\n"
    )
    path = folder / "programme.yml"
    path.write_text(path.read_text(encoding="utf-8") + attachment, encoding="utf-8")
    return folder


def test_check_lists_every_difference_at_its_line_in_polish(tmp_path: Path) -> None:
    lines = PROGRAMME_MD.split("\n")
    source = PROGRAMME_MD.replace("## ", "").replace("Rozwój wolontariatu", "Rozwój wolon-\ntariatu")
    changed = PROGRAMME_MD.replace("Zmniejszenie wykluczenia", "Zmniejszenie wyraźne wykluczenia")
    changed = changed.replace("wzrost aktywności", "wzrost aktywności i dobrobytu")
    changed = changed.replace("organizowanie spotkań sąsiedzkich", "organizowanie spotkań")
    _with_source(tmp_path, source, changed)
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    result = clerk(tmp_path, "check")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    line = next(i for i, text in enumerate(lines, 1) if "Zmniejszenie wykluczenia" in text)
    assert f"{TEXT}:{line}: fragment spoza źródła: „wyraźne” (po „. 1 Zmniejszenie”" in result.stderr
    line = next(i for i, text in enumerate(lines, 1) if "wzrost aktywności" in text)
    assert f"{TEXT}:{line}: fragment spoza źródła: „i dobrobytu”" in result.stderr
    line = next(i for i, text in enumerate(lines, 1) if "organizowanie spotkań" in text)
    assert f"{TEXT}:{line}: brak fragmentu źródła: „sąsiedzkich”" in result.stderr
    assert result.stderr.count(HINT) == 3
    # The hyphenated "wolon-tariatu" is layout; the record's quotes changed too are named with them.
    assert len([line for line in result.stderr.splitlines() if f"{TEXT}:" in line]) == 3
    assert "cytat nie występuje w programme.md" in result.stderr


def test_a_declared_correction_passes_and_the_page_shows_it(tmp_path: Path) -> None:
    source = PROGRAMME_MD.replace("wykluczenia społecznego.", "wykluczenia społecznego ze.")
    reason = "W wydruku po słowie „społecznego” powtórzono omyłkowo słowo „ze”; poprawiono według uchwały."
    record = PROGRAMME_YML + (
        "poprawki_redakcyjne:\n"
        "  - zrodlo: wykluczenia społecznego ze.\n"
        "    tekst: wykluczenia społecznego.\n"
        f"    powod: {reason}\n"
    )
    project = copy_project(tmp_path / "projekt", ("mkdocs.yml", "docs", "overrides", "hooks"))
    _with_source(project, source, PROGRAMME_MD, record)
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    note = soup(project / "site", "programy/1234562-przykladowo/pal-2020-2022").select_one(".admonition.note")
    said = " ".join(note.get_text(" ").split())
    assert "w źródle „wykluczenia społecznego ze.”, w archiwum „wykluczenia społecznego.”" in said
    assert reason in said


def test_a_wrong_correction_is_named_in_the_record(tmp_path: Path) -> None:
    record = PROGRAMME_YML + (
        "poprawki_redakcyjne:\n  - zrodlo: słowa, których nie ma\n    tekst: inne słowa\n    powod: pomyłka\n"
    )
    _with_source(tmp_path, PROGRAMME_MD, PROGRAMME_MD, record)
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    result = clerk(tmp_path, "check")
    shown = "programmes/1234562-przykladowo/pal-2020-2022/programme.yml"
    line = (tmp_path / shown).read_text(encoding="utf-8").splitlines().index(
        "  - zrodlo: słowa, których nie ma"
    ) + 1
    assert result.returncode == 1
    assert re.search(rf"{shown}:{line}: poprawki_redakcyjne\S*: poprawka nie pasuje do źródła", result.stderr)


def test_a_source_that_is_not_text_is_explained(tmp_path: Path) -> None:
    folder = _with_source(tmp_path, PROGRAMME_MD, PROGRAMME_MD)
    pdf = b"%PDF-1.4 \xff\xfe binary"
    (folder / "attachments/zrodlo.txt").write_bytes(pdf)
    record = folder / "programme.yml"
    text = record.read_text(encoding="utf-8")
    record.write_text(
        re.sub(r"sha256: \w+", f"sha256: {hashlib.sha256(pdf).hexdigest()}", text), encoding="utf-8"
    )
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    result = clerk(tmp_path, "check")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "tekst źródłowy nie jest plikiem tekstowym w UTF-8" in result.stderr
    assert "rolą oryginal" in result.stderr


def test_a_source_outside_the_programme_folder_is_never_read(tmp_path: Path) -> None:
    outside = tmp_path / "tajne.txt"
    outside.write_text("Hasło do serwera: kot-na-płocie-7\n", encoding="utf-8")
    folder = _with_source(tmp_path / "a", PROGRAMME_MD, PROGRAMME_MD)
    record = folder / "programme.yml"
    digest = hashlib.sha256(outside.read_bytes()).hexdigest()
    text = re.sub(r"sha256: \w+", f"sha256: {digest}", record.read_text(encoding="utf-8"))
    for path in (str(outside), "../../../../tajne.txt"):
        record.write_text(text.replace("plik: attachments/zrodlo.txt", f"plik: {path}"), encoding="utf-8")
        (tmp_path / "a/mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
        result = clerk(tmp_path / "a", "check")
        assert result.returncode == 1 and "ścieżka wychodzi poza folder programu" in result.stderr
        assert "serwera" not in result.stderr + result.stdout


def test_the_build_refuses_a_changed_word_of_the_real_archive(tmp_path: Path) -> None:
    key, _, _ = REAL[0]
    project = copy_project(tmp_path / "projekt")
    text = project / "programmes" / key / "programme.md"
    original = text.read_text(encoding="utf-8")
    line, word = _words_on_lines(original)[len(_words_on_lines(original)) // 2]
    lines = original.split("\n")
    lines[line - 1] = re.sub(rf"\b{word}\b", word.upper(), lines[line - 1], count=1)
    text.write_text("\n".join(lines), encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"programmes/{key}/programme.md:{line}: tekst różni się od źródła" in result.stderr
    assert not (project / "site" / "index.html").exists()


def test_open_data_and_schema_carry_corrections_and_completeness(real_site: Path) -> None:
    for url, record in records():
        data = yaml.safe_load(
            (real_site / "dane" / "programy" / (url.removeprefix("programy/") + ".json")).read_text()
        )
        assert [c["zrodlo"] for c in data["poprawki_redakcyjne"]] == [
            c["zrodlo"] for c in record.get("poprawki_redakcyjne") or []
        ]
        assert (data["tekst_niepelny"] is None) == (not record.get("tekst_niepelny"))


def test_the_alignment_accounts_for_every_word_of_both_texts() -> None:
    """Applied to the source, the alignment's steps give programme.md's words exactly; also for
    texts built to nest anchors deeply."""
    rng = random.Random(3)
    cases = []
    for _ in range(200):
        a = [rng.choice("abcdefghij") + str(rng.randint(0, 30)) for _ in range(rng.randint(0, 400))]
        b = list(a)
        for _ in range(rng.randint(0, 10)):
            at = rng.randint(0, max(0, len(b) - 1))
            choice = rng.random()
            if choice < 0.33 and b:
                del b[at]
            elif choice < 0.66:
                b.insert(at, f"nowe{rng.randint(0, 5)}")
            elif b:
                b[at] = "zmienione"
        cases.append((a, b))
    nested = [f"w{i}" for i in range(2000)]
    cases.append((nested, nested[::-1]))
    cases.append((nested + nested, [w for pair in zip(nested, nested, strict=True) for w in pair]))
    for a, b in cases:
        steps = opcodes(a, b)
        rebuilt = [w for op, a1, a2, b1, b2 in steps for w in (a[a1:a2] if op == "equal" else b[b1:b2])]
        assert rebuilt == b
        assert all(a[a1:a2] == b[b1:b2] for op, a1, a2, b1, b2 in steps if op == "equal")
        assert sum(a2 - a1 for _, a1, a2, _, _ in steps) == len(a)
