"""`python -m palarchiwum import`: a draft programme from its text, checked before it is published."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import (
    PROGRAMME_YML,
    RECORD,
    VALIDATION_AS_OF,
    clerk,
    copy_project,
    line_of,
    problems,
    write_archive,
)
from fidelity import coverage
from palarchiwum.clerk.importing.drafting import DraftExists, import_text, write_draft
from palarchiwum.clerk.importing.source_attachment import with_source
from palarchiwum.records.archive import build_archive
from palarchiwum.records.catalogue_records import SECTIONS
from palarchiwum.records.draft_records import to_complete
from palarchiwum.records.problems import InvalidArchive
from palarchiwum.records.quotes import NormalisedText
from palarchiwum.records.schema_validation import schema_errors, validator
from palarchiwum.records.yaml_parsing import parse_yaml

PROJECT = Path(__file__).resolve().parent.parent
HOOKS = PROJECT / "hooks"
# The real programmes' source texts: each record's attachment with the role "zrodlo".
RECORDS = {
    f"{path.parent.parent.name}/{path.parent.name}": yaml.safe_load(path.read_text(encoding="utf-8"))
    for path in sorted((PROJECT / "programmes").glob("*/*/programme.yml"))
}
SOURCES = {
    key: PROJECT / "programmes" / key / attachment["plik"]
    for key, record in RECORDS.items()
    for attachment in record.get("zalaczniki") or []
    if attachment.get("rola") == "zrodlo"
}
# Any municipality of the archive, as the folder a refused import would have written to.
A_MUNICIPALITY = min(RECORDS).split("/")[0]
# The source whose programme has the longest harmonogram: import's richest case.
RICHEST = max(SOURCES, key=lambda key: (len(RECORDS[key].get("harmonogram") or []), key))
QUOTE_KEYS = ("tresc", "brzmienie", "tytul", "podstawa_prawna", "wykonawca", "wejscie_w_zycie")
TERM_KEYS = ("tematy", "grupy", "rodzaje", "zrodla")
SZKIC = "rekord jest szkicem (z polecenia import albo new) i nie może zostać opublikowany"


def quotes(data: Any) -> list[str]:
    """Every quote of a record, wherever it stands."""
    if isinstance(data, dict):
        found = [v for k, v in data.items() if k in QUOTE_KEYS and isinstance(v, str)]
        return found + [q for v in data.values() for q in quotes(v)]
    if isinstance(data, list):
        return [q for v in data for q in quotes(v)]
    return []


def files_under(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_every_source_attachment_is_a_text_the_tests_read() -> None:
    files = {p.relative_to(PROJECT / "programmes").as_posix() for p in SOURCES.values()}
    on_disk = {
        p.relative_to(PROJECT / "programmes").as_posix()
        for p in (PROJECT / "programmes").glob("*/*/attachments/*")
        if p.suffix in (".txt", ".md")
    }
    assert SOURCES and files == on_disk


@pytest.mark.parametrize("key", sorted(SOURCES))
def test_draft_keeps_every_word_and_quotes_only_its_own_text(key: str) -> None:
    source = SOURCES[key].read_text(encoding="utf-8")
    draft = import_text(source)
    share, missing = coverage(source, draft.markdown)
    assert share == 1.0, [" ".join(m) for m in missing[:5]]
    assert draft.record_yaml.startswith(
        "# yaml-language-server: $schema=../../../hooks/palarchiwum/schemas/programme.schema.json\n"
    )
    record = parse_yaml(draft.record_yaml).data  # as the archive reads it
    assert yaml.safe_load(draft.record_yaml) is not None  # and any YAML reader
    assert record["szkic"] is True
    text = NormalisedText.of(draft.markdown)
    assert [q for q in quotes(record) if text.find(q) is None] == []
    # What the clerk recorded, import recognised: a main goal and goals where the record has them.
    curated = RECORDS[key]
    assert draft.found["cel_glowny"] == (1 if curated.get("cel_glowny") else 0)
    assert (draft.found["cele"] > 0) == bool(curated.get("cele"))


@pytest.mark.parametrize("key", sorted(SOURCES))
def test_draft_breaks_the_schema_only_where_it_is_left_to_complete(key: str) -> None:
    # Read as the archive reads it: dates stay text.
    doc = parse_yaml(import_text(SOURCES[key].read_text(encoding="utf-8")).record_yaml)
    errors = [path for path, _, _ in schema_errors(validator("programme"), doc.data)]
    # What szkic: true leaves to complete: an empty term list, a title or a period left null.
    gaps = [p for p in errors if (p[-1] in TERM_KEYS and _at(doc.data, p) == []) or p in UNRECOGNISED]
    assert errors == gaps
    assert all(to_complete(doc, path) for path in errors)
    empty = [item for item in _items(doc.data) if any(item.get(k) == [] for k in TERM_KEYS)]
    assert len([p for p in errors if p[-1] in TERM_KEYS]) == len(empty)
    draft = import_text(SOURCES[key].read_text(encoding="utf-8")).record_yaml
    for path in errors:
        if path in UNRECOGNISED:  # left null, with a word to the clerk
            assert re.search(UNRECOGNISED[path], draft, re.M), path


def _at(data: Any, path: tuple[str | int, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


# A required fact import leaves null where it cannot find it, and the comment that tells the clerk.
UNRECOGNISED = {
    ("tytul",): r"^tytul: null  # nie rozpoznano tytułu",
    ("okres", "od"): r"^  od: null  # nie rozpoznano okresu",
    ("okres", "do"): r"^  od: null  # nie rozpoznano okresu",  # one comment, on "od", for the period
}


@pytest.mark.parametrize("key", sorted(SOURCES))
def test_draft_is_the_same_every_time(key: str) -> None:
    source = SOURCES[key].read_text(encoding="utf-8")
    assert import_text(source) == import_text(source)


@pytest.mark.parametrize("key", sorted(SOURCES))
def test_draft_fails_check_until_a_person_has_checked_it(tmp_path: Path, key: str) -> None:
    project = copy_project(tmp_path / "projekt", ("mkdocs.yml", "programmes"))
    municipality = key.split("/")[0]
    imported = clerk(project, "import", str(SOURCES[key]), "--gmina", municipality, "--program", "szkic")
    assert imported.returncode == 0, imported.stderr
    record = project / "programmes" / municipality / "szkic" / "programme.yml"
    shown = record.relative_to(project).as_posix()

    # As imported: one problem, the draft, saying what it leaves to complete (its empty term lists).
    first = clerk(project, "check")
    assert first.returncode == 1 and "Traceback" not in first.stderr
    draft_line = record.read_text(encoding="utf-8").splitlines().index("szkic: true") + 1
    ours = [line for line in first.stderr.splitlines() if line.startswith(f"  {shown}:")]
    assert len(ours) == 1 and ours[0].startswith(f"  {shown}:{draft_line}: szkic: {SZKIC}")
    lists = re.findall(
        r"^\s+(?:tematy|grupy|rodzaje|zrodla): \[\]$", record.read_text(encoding="utf-8"), re.M
    )
    if lists:
        assert f"do uzupełnienia: {len(lists)} pust" in ours[0] or f", {len(lists)} pust" in ours[0]
    else:
        assert "pust" not in ours[0]

    # Terms assigned and the draft flag removed, as the guide says: the draft is a valid record.
    text = _unrecognised_filled(record.read_text(encoding="utf-8"), RECORDS[key])
    filled = re.sub(r"^(\s+)(tematy|grupy|rodzaje|zrodla): \[\]$", _one_term, text, flags=re.MULTILINE)
    record.write_text(filled.replace("szkic: true\n", ""), encoding="utf-8")
    third = clerk(project, "check")
    assert third.returncode == 0, third.stderr
    assert f"{len(RECORDS) + 1} programów" in third.stdout


def test_import_writes_both_files_and_says_what_it_found(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "projekt", ("mkdocs.yml", "programmes"))
    source = SOURCES[RICHEST]
    municipality = RICHEST.split("/")[0]
    result = clerk(project, "import", str(source), "--gmina", municipality, "--program", "nowy")
    assert result.returncode == 0, result.stderr
    folder = project / "programmes" / municipality / "nowy"
    draft = import_text(source.read_text(encoding="utf-8"))
    assert (folder / "programme.md").read_text(encoding="utf-8") == draft.markdown
    assert (folder / "programme.yml").read_text(encoding="utf-8") == with_source(draft, source).record_yaml
    assert f"Zapisano szkic programu w programmes/{municipality}/nowy/:" in result.stdout
    labels = {"cel_glowny": "Cel główny", **dict(SECTIONS)}
    for section, count in draft.found.items():
        assert f"  {labels[section]}: {count}\n" in result.stdout
    assert draft.found["harmonogram"] == len(RECORDS[RICHEST].get("harmonogram") or [])
    assert "Usuń wiersz „szkic: true”" in result.stdout
    assert "bash scripts/archiwum check" in result.stdout


def test_import_never_overwrites_a_programme(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "projekt", ("mkdocs.yml", "programmes"))
    key = min(SOURCES)
    municipality, slug = key.split("/")
    args = ("import", str(SOURCES[key]), "--gmina", municipality)
    assert clerk(project, *args, "--program", "nowy").returncode == 0
    before = files_under(project / "programmes")
    again = clerk(project, *args, "--program", "nowy")
    assert again.returncode == 1 and "Traceback" not in again.stderr
    assert f"Nic nie zapisano: folder programmes/{municipality}/nowy zawiera już program" in again.stderr
    curated = clerk(project, *args, "--program", slug)
    assert curated.returncode == 1 and "zawiera już program" in curated.stderr
    assert files_under(project / "programmes") == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("brak.txt", "--gmina", A_MUNICIPALITY, "--program", "nowy"), "nie ma pliku brak.txt"),
        (("niepolski.txt", "--gmina", A_MUNICIPALITY, "--program", "nowy"), "nie jest zapisany w UTF-8"),
        (("pusty.txt", "--gmina", A_MUNICIPALITY, "--program", "nowy"), "plik pusty.txt jest pusty"),
        (("program.txt", "--gmina", "1234562-przykladowo", "--program", "nowy"), "nie ma gminy"),
        (("program.txt", "--gmina", A_MUNICIPALITY, "--program", "Nowy PAL"), "tylko małe litery"),
        (("program.txt", "--gmina", A_MUNICIPALITY), "podaj nazwę folderu programu"),
    ],
)
def test_import_explains_in_polish_and_writes_nothing(
    tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    project = copy_project(tmp_path / "projekt", ("mkdocs.yml", "programmes"))
    (project / "program.txt").write_text("I. Cele\n\n1) cel pierwszy;\n", encoding="utf-8")
    (project / "niepolski.txt").write_bytes("Program Aktywności Lokalnej\n".encode("cp1250"))
    (project / "pusty.txt").write_text("  \n", encoding="utf-8")
    before = files_under(project / "programmes")
    result = clerk(project, "import", *args)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("Nic nie zapisano: ") and message in result.stderr
    assert files_under(project / "programmes") == before
    if "1234562-przykladowo" in args:
        assert "bash scripts/archiwum new gmina" in result.stderr
        assert not (project / "programmes/1234562-przykladowo").exists()


def test_write_draft_refuses_a_folder_with_a_programme(tmp_path: Path) -> None:
    folder = tmp_path / "pal"
    folder.mkdir()
    (folder / "programme.md").write_text("tekst\n", encoding="utf-8")
    draft = import_text("I. Cele\n\n1) cel pierwszy;\n")
    with pytest.raises(DraftExists, match=r"zawiera już programme\.md"):
        write_draft(draft, folder)
    assert isinstance(DraftExists("x"), FileExistsError)
    assert sorted(p.name for p in folder.iterdir()) == ["programme.md"]
    assert (folder / "programme.md").read_text(encoding="utf-8") == "tekst\n"


def test_a_record_marked_as_draft_is_not_published(tmp_path: Path) -> None:
    record = PROGRAMME_YML.replace("tytul:", "szkic: true\ntytul:")
    write_archive(tmp_path / "programmes", record=record)
    line = line_of(record, "szkic: true")
    (found,) = problems(tmp_path)
    assert found.startswith(f"{RECORD}:{line}: szkic: {SZKIC} (wskazówka: sprawdź każdą pozycję z tekstem")
    assert "usuń wiersz `szkic: true`" in found and "do uzupełnienia" not in found
    write_archive(tmp_path / "programmes", record=PROGRAMME_YML.replace("tytul:", "szkic: false\ntytul:"))
    copy_project(tmp_path, ("mkdocs.yml",))
    assert clerk(tmp_path, "check").returncode == 0


def test_a_fresh_draft_has_one_problem_saying_what_is_left_to_complete(tmp_path: Path) -> None:
    """Import's draft breaks no rule but the gaps szkic: true marks, and the check says which."""
    draft = import_text(SOURCES[RICHEST].read_text(encoding="utf-8"))
    write_archive(tmp_path / "programmes", record=draft.record_yaml, text=draft.markdown)
    empty = sum(
        1 for item in _items(parse_yaml(draft.record_yaml).data) for k in TERM_KEYS if item.get(k) == []
    )
    line = draft.record_yaml.splitlines().index("szkic: true") + 1
    (found,) = problems(tmp_path)
    assert found.startswith(f"{RECORD}:{line}: szkic: {SZKIC}")
    assert empty and f"do uzupełnienia: {empty} pust" in found


GENERAL = """\
PROGRAM AKTYWNOŚCI LOKALNEJ GMINY PRZYKŁADOWO
na lata 2024-2026

I. Wstęp

Program Aktywności Lokalnej Gminy Przykładowo na lata 2024-2026 odpowiada na potrzeby
mieszkańców wsi, którzy od lat zgłaszają potrzebę miejsca spotkań i wspólnego działania
na rzecz całej gminy.

II. Cele programu

Celem głównym programu jest zwiększenie aktywności mieszkańców gminy.

Cele szczegółowe:
1. Rozwój wolontariatu wśród młodzieży;
2. Wspieranie lokalnych inicjatyw.

III. Adresaci

Program skierowany jest do seniorów, osób bezrobotnych, rodzin wielodzietnych oraz osób
z niepełnosprawnością.

IV. Harmonogram

\uf0b7 spotkania informacyjne – 02.2024-05.2024;
\uf0b7 festyn gminny – 06.2025.

V. Źródła finansowania
- środki własne gminy,
- środki z Unii Europejskiej.
"""


def test_general_rules_on_a_text_it_was_not_written_for() -> None:
    draft = import_text(GENERAL)
    assert coverage(GENERAL, draft.markdown)[0] == 1.0
    assert "\n## II. Cele programu\n" in draft.markdown
    assert "mieszkańców wsi, którzy od lat" in draft.markdown  # hard-wrapped lines joined
    assert "\n1. Rozwój wolontariatu wśród młodzieży;\n2. Wspieranie lokalnych inicjatyw.\n" in draft.markdown
    assert "\n- spotkania informacyjne – 02.2024-05.2024;\n- festyn gminny – 06.2025.\n" in draft.markdown
    record = yaml.safe_load(draft.record_yaml)
    assert record["okres"] == {"od": 2024, "do": 2026, "brzmienie": "na lata 2024-2026"}
    assert record["uchwala"] == dict.fromkeys(
        ("numer", "data", "organ", "podstawa_prawna", "wykonawca", "wejscie_w_zycie", "publikacja")
    )
    assert (
        record["cel_glowny"]["tresc"]
        == "Celem głównym programu jest zwiększenie aktywności mieszkańców gminy"
    )
    assert [c["tresc"] for c in record["cele"]] == [
        "Rozwój wolontariatu wśród młodzieży",
        "Wspieranie lokalnych inicjatyw",
    ]
    assert [a["brzmienie"] for a in record["adresaci"]] == [
        "seniorów",
        "osób bezrobotnych",
        "rodzin wielodzietnych",
        "osób z niepełnosprawnością",
    ]
    assert record["adresaci"][1]["grupy"] == ["osoby-bezrobotne"]  # proposed from the vocabulary
    assert record["adresaci"][3]["grupy"] == ["osoby-z-niepelnosprawnoscia"]
    assert [(h["od"], h["do"]) for h in record["harmonogram"]] == [
        ("2024-02", "2024-05"),
        ("2025-06", "2025-06"),
    ]
    assert [f["tresc"] for f in record["finansowanie"]] == [
        "środki własne gminy",
        "środki z Unii Europejskiej",
    ]
    assert record["finansowanie"][0]["zrodla"] == ["budzet-gminy"]
    assert draft.found == {
        "cel_glowny": 1,
        "cele": 2,
        "dzialania": 0,
        "adresaci": 4,
        "metody": 0,
        "harmonogram": 2,
        "rezultaty": 0,
        "produkty": 0,
        "finansowanie": 2,
    }


def _items(record: dict[str, Any]) -> list[dict[str, Any]]:
    items = [record["cel_glowny"]] if record.get("cel_glowny") else []
    return items + [i for v in record.values() if isinstance(v, list) for i in v if isinstance(i, dict)]


def _unrecognised_filled(draft: str, curated: dict) -> str:
    """What import could not find (title, period), written in as the clerk wrote it in the record."""
    draft = re.sub(
        r"^tytul: null.*$",
        lambda _: f"tytul: {json.dumps(curated['tytul'], ensure_ascii=False)}",
        draft,
        flags=re.M,
    )
    for bound in ("od", "do"):
        draft = re.sub(
            rf"^  {bound}: null.*$", f"  {bound}: {curated['okres'][bound]}", draft, count=1, flags=re.M
        )
    return draft


def _one_term(match: re.Match[str]) -> str:
    """An empty term list given the first term of its vocabulary, as a clerk might."""
    vocabulary = {"tematy": "cele", "grupy": "adresaci", "rodzaje": "rezultaty", "zrodla": "finansowanie"}
    terms = yaml.safe_load(
        (PROJECT / "programmes/slowniki" / f"{vocabulary[match.group(2)]}.yml").read_text(encoding="utf-8")
    )["terminy"]
    return f"{match.group(1)}{match.group(2)}: [{terms[0]['id']}]"


def test_the_preview_takes_a_fresh_draft_as_it_is_and_a_build_refuses_it(tmp_path: Path) -> None:
    """A draft straight from import, its term lists still empty: shown by the clerks' preview,
    marked as a draft; refused by a build; one without a title waits until it has one."""
    draft = import_text(SOURCES[RICHEST].read_text(encoding="utf-8"))
    assert re.search(r"^\s+(tematy|grupy|rodzaje|zrodla): \[\]$", draft.record_yaml, re.M)
    write_archive(tmp_path / "programmes", record=draft.record_yaml, text=draft.markdown)
    (programme,) = build_archive(tmp_path / "programmes", tmp_path, VALIDATION_AS_OF, drafts=True).programmes
    assert programme.draft and programme.title
    with pytest.raises(InvalidArchive):
        build_archive(tmp_path / "programmes", tmp_path, VALIDATION_AS_OF)
    untitled = re.sub(r"^tytul: .*\n(?:  .*\n)*", "tytul: null\n", draft.record_yaml, count=1, flags=re.M)
    write_archive(tmp_path / "programmes", record=untitled, text=draft.markdown)
    with pytest.raises(InvalidArchive) as caught:
        build_archive(tmp_path / "programmes", tmp_path, VALIDATION_AS_OF, drafts=True)
    (waiting,) = caught.value.problems
    assert waiting.field == "tytul" and "podgląd pokaże go, gdy zostaną wpisane" in waiting.message
