"""Hostile or broken input is refused with a clear message, and nothing is written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import (
    PROGRAMME_MD,
    PROGRAMME_YML,
    VALIDATION_AS_OF,
    build_with_added,
    problems,
    write_archive,
)
from palarchiwum.records.archive import build_archive

TEXT = "programmes/1234562-przykladowo/pal-2020-2022/programme.md"
RECORD = "programmes/1234562-przykladowo/pal-2020-2022/programme.yml"


def test_a_yaml_alias_bomb_is_refused_at_once(tmp_path: Path) -> None:
    bomb = "\n".join(
        [f"a0: &a0 [{', '.join(['x'] * 10)}]"]
        + [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 10)]
    )
    write_archive(tmp_path / "programmes", record=PROGRAMME_YML + bomb + "\n")
    found = problems(tmp_path)
    assert any("aliasy YAML (*nazwa) nie są dozwolone" in p for p in found), found


def test_a_python_tag_is_refused(tmp_path: Path) -> None:
    record = PROGRAMME_YML.replace(
        "okres:", "nazwa_skrocona: !!python/object/apply:os.system ['true']\nokres:"
    )
    write_archive(tmp_path / "programmes", record=record)
    assert any(RECORD in p and "3:" in p for p in problems(tmp_path))


def test_a_very_large_file_is_refused_unread(tmp_path: Path) -> None:
    write_archive(tmp_path / "programmes", text=PROGRAMME_MD + "x" * 2_100_000)
    found = problems(tmp_path)
    assert any(
        re.search(rf"{TEXT}: plik ma 2 \d{{3}} \d{{3}} bajtów, więcej niż dopuszczalne 2 000 000", p)
        for p in found
    )


def test_an_attachment_outside_the_programme_folder_is_refused(tmp_path: Path) -> None:
    record = PROGRAMME_YML + (
        "zalaczniki:\n  - plik: ../../../mkdocs.yml\n    opis: Plik spoza programu\n    rola: zrodlo\n"
        f'    sha256: "{"0" * 64}"\n'
    )
    write_archive(tmp_path / "programmes", record=record)
    assert any("zalaczniki[1].plik: ścieżka wychodzi poza folder programu" in p for p in problems(tmp_path))


# NUL, BEL, an ANSI colour escape, DEL, C1 controls (NEL, CSI), the bidirectional override, embedding
# and isolates that show a text in another order than it is written.
CONTROLS = ["\x00", "\x07", "\x1b[31m", "\x7f", "\x85", "\x9b", "\u202e", "\u202a", "\u2066", "\u2069"]


@pytest.mark.parametrize("character", CONTROLS, ids=lambda c: f"U+{ord(c[0]):04X}")
def test_an_invisible_control_character_in_a_programme_text_is_refused_with_its_line(
    tmp_path: Path, character: str
) -> None:
    text = PROGRAMME_MD + f"\nUchwała wchodzi w życie{character}z dniem podjęcia.\n"
    write_archive(tmp_path / "programmes", text=text)
    line = text.count("\n")
    kind = "znak zmiany kierunku pisma" if ord(character[0]) > 0x2000 else "niewidoczny znak sterujący"
    column = len("Uchwała wchodzi w życie") + 1
    assert (
        f"{TEXT}:{line}: niedozwolony {kind} U+{ord(character[0]):04X} w kolumnie {column} "
        "(wskazówka: usuń ten znak"
    ) in "\n".join(problems(tmp_path))


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("PAL\u202egnp.exe", "U+202E"),  # as typed: YAML itself accepts it
        ('"PAL\\u202Egnp"', "U+202E"),  # the same through a YAML escape
        ('"PAL\\x1b[2J"', "U+001B"),
        ('"PAL\\e"', "U+001B"),
        ('"PAL\\0"', "U+0000"),
        ('"PAL\\N"', "U+0085"),
        ('"PAL\\U00002067"', "U+2067"),
    ],
)
def test_a_control_character_in_a_record_value_is_refused_however_it_is_written(
    tmp_path: Path, value: str, code: str
) -> None:
    record = PROGRAMME_YML.replace("okres:", f"nazwa_skrocona: {value}\nokres:")
    write_archive(tmp_path / "programmes", record=record)
    found = "\n".join(problems(tmp_path))
    assert re.search(rf"{RECORD}:3: niedozwolony [^\n]* {re.escape(code)}", found), found


def test_tabs_and_windows_line_ends_are_not_control_characters(tmp_path: Path) -> None:
    text = PROGRAMME_MD.replace("\n", "\r\n").replace("Celem głównym", "\tCelem głównym")
    folder = write_archive(tmp_path / "programmes", text=text)
    (folder / "programme.md").write_bytes(text.encode("utf-8"))
    archive = build_archive(tmp_path / "programmes", tmp_path, VALIDATION_AS_OF)
    assert len(archive.programmes) == 1


DEEP = "listy lub słowniki zagnieżdżone głębiej niż 32 poziomy"
LONG = "wartość ma 150 000 znaków, więcej niż dopuszczalne 100 000"


def _nested_block(depth: int) -> str:
    return "uwagi_redakcyjne:\n" + "".join("  " * level + "- \n" for level in range(1, depth))


@pytest.mark.parametrize(
    ("added", "line", "message"),
    [
        ("uwagi_redakcyjne: " + "[" * 100_000 + "]" * 100_000, 3, DEEP),
        ("uwagi_redakcyjne: " + "{a: " * 50 + "1" + "}" * 50, 3, DEEP),
        (_nested_block(40), 35, DEEP),
        ("uwagi_redakcyjne: [" + "x, " * 60_000 + "x]", 3, "plik ma więcej niż 50 000 wartości"),
        ("uwagi_redakcyjne: " + "ą" * 150_000, 3, LONG),
    ],
    ids=["flow-lists-100000-deep", "flow-mappings-50-deep", "block-lists-40-deep", "60000-values", "long"],
)
def test_a_record_past_the_yaml_limits_is_refused_with_its_line_not_a_crash(
    tmp_path: Path, added: str, line: int, message: str
) -> None:
    record = PROGRAMME_YML.replace("okres:", f"{added}\nokres:")
    write_archive(tmp_path / "programmes", record=record)
    found = "\n".join(problems(tmp_path))
    assert f"{RECORD}:{line}: {message} (wskazówka: rekord programu ma kilka" in found, found


@pytest.mark.parametrize(
    ("file", "added", "message"),
    [
        ("programme.md", "\nTekst\u202ewspak.\n", "niedozwolony znak zmiany kierunku pisma U+202E"),
        ("programme.yml", "uwagi_redakcyjne: " + "[" * 5000 + "]" * 5000 + "\n", "zagnieżdżone głębiej"),
    ],
    ids=["bidi", "nesting"],
)
def test_a_hostile_programme_stops_the_build_and_nothing_is_written(
    tmp_path: Path, file: str, added: str, message: str
) -> None:
    project, result = build_with_added(tmp_path / "projekt", file, added)
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / "site").exists()


# The theme's own inline snippets (Material's templates), and data that browsers do not run.
THEME_SNIPPETS = ("__md_scope=new URL(", "var target=document.getElementById(location.hash")
DATA_TYPES = ("application/ld+json", "application/json")


def test_the_published_site_runs_no_script_but_ours(real_site: Path) -> None:
    # Relative from a page; from 404.html (served at any depth), under the site's path.
    ours = re.compile(r"^(?:(?:\.\./)*|/pal-archiwum/)(?:assets/|pagefind/)")
    for page in real_site.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for script in soup.find_all("script"):
            if script.get("src"):
                assert ours.match(script["src"]), (page, script["src"])
            elif script.get("type") not in DATA_TYPES:
                assert (script.string or "").startswith(THEME_SNIPPETS), (page, str(script)[:80])
        for tag in soup.find_all(True):
            handlers = [a for a in tag.attrs if a.lower().startswith("on")]
            assert not handlers, (page, tag.name, handlers)
            for attr in ("href", "src", "action"):
                assert not str(tag.get(attr, "")).lower().startswith(("javascript:", "data:")), (page, tag)
