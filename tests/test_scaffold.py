"""`python -m palarchiwum new gmina|program`: files a clerk starts from, never overwriting anything."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import copy_project
from pages import municipalities, plural, records

HOOKS = Path(__file__).resolve().parent.parent / "hooks"
GMINA = [
    "new", "gmina", "--teryt", "1234562", "--nazwa", "Gmina Przykładowo", "--nazwa-krotka", "Przykładowo",
    "--typ", "gmina wiejska", "--wojewodztwo", "mazowieckie", "--powiat", "przykładowy",
]  # fmt: skip
TITLE = "Program Przykładowo 2025–2027"
PROGRAM = ["new", "program", "1234562-przykladowo", "pal-2025-2027", "--tytul", TITLE]
MODELINE = "# yaml-language-server: $schema=../../"
PERIOD = ["--od", "2025", "--do", "2027"]


def tool(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(HOOKS)}
    return subprocess.run(
        [sys.executable, "-m", "palarchiwum", *args], cwd=project, env=env, capture_output=True, text=True
    )


def files_under(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_new_municipality_is_valid_as_written(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "projekt", ("mkdocs.yml", "programmes"))
    result = tool(project, *GMINA)
    assert result.returncode == 0, result.stderr
    path = project / "programmes/1234562-przykladowo/gmina.yml"
    assert "Utworzono programmes/1234562-przykladowo/gmina.yml" in result.stdout
    text = path.read_text(encoding="utf-8")
    assert text.startswith(
        "# yaml-language-server: $schema=../../hooks/palarchiwum/schemas/gmina.schema.json"
    )
    data = yaml.safe_load(text)
    assert data["nazwa"] == "Gmina Przykładowo" and data["teryt"] == "1234562" and data["jednostki"] == []
    checked = tool(project, "check")
    assert checked.returncode == 0, checked.stderr
    places = plural(len(municipalities()) + 1, "gmina", "gminy", "gmin")
    programmes = plural(len(records()), "program", "programy", "programów")
    assert checked.stdout.startswith(f"W porządku: {places}, {programmes}"), checked.stdout


def test_new_municipality_refuses_bad_or_duplicate_values_and_writes_nothing(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "projekt", ("mkdocs.yml", "programmes"))
    before = files_under(project / "programmes")
    bad = [a if a != "1234562" else "12345" for a in GMINA]
    result = tool(project, *bad)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "Nic nie zapisano: kod TERYT „12345” ma mieć 7 cyfr" in result.stderr
    folder, gmina = next(iter(municipalities().items()))
    twice = [a if a != "1234562" else gmina["teryt"] for a in GMINA]
    result = tool(project, *twice)
    assert result.returncode == 1
    assert f"gmina o kodzie TERYT {gmina['teryt']} już jest w archiwum: programmes/{folder}" in result.stderr
    assert files_under(project / "programmes") == before


def test_new_programme_starts_as_a_draft_that_cannot_be_published(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "projekt", ("mkdocs.yml", "programmes"))
    assert tool(project, *GMINA).returncode == 0
    result = tool(project, *PROGRAM, *PERIOD)
    assert result.returncode == 0, result.stderr
    folder = project / "programmes/1234562-przykladowo/pal-2025-2027"
    record = (folder / "programme.yml").read_text(encoding="utf-8")
    assert record.startswith(
        "# yaml-language-server: $schema=../../../hooks/palarchiwum/schemas/programme.schema.json"
    )
    data = yaml.safe_load(record)
    assert data["szkic"] is True and data["tytul"] == TITLE
    assert data["okres"] == {"od": 2025, "do": 2027, "brzmienie": None}
    assert data["uchwala"]["numer"] is None  # unknown until a person fills it in
    assert (
        (folder / "programme.md").read_text(encoding="utf-8").startswith("# Program Przykładowo 2025–2027\n")
    )
    checked = tool(project, "check")
    assert checked.returncode == 1 and "Traceback" not in checked.stderr
    assert "programmes/1234562-przykladowo/pal-2025-2027/programme.yml" in checked.stderr
    assert "szkic" in checked.stderr


def test_new_programme_needs_its_municipality_and_never_overwrites(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "projekt", ("mkdocs.yml", "programmes"))
    result = tool(project, *PROGRAM, *PERIOD)
    assert result.returncode == 1
    assert "nie ma gminy programmes/1234562-przykladowo" in result.stderr
    assert "bash scripts/archiwum new gmina" in result.stderr
    assert tool(project, *GMINA).returncode == 0
    assert tool(project, *PROGRAM, *PERIOD).returncode == 0
    before = files_under(project / "programmes")
    again = tool(project, *PROGRAM, "--od", "2025-13", "--do", "2027")
    assert again.returncode == 1
    assert "początek okresu „2025-13” podaj jako RRRR albo RRRR-MM" in again.stderr
    assert "program programmes/1234562-przykladowo/pal-2025-2027 już istnieje" in again.stderr
    assert files_under(project / "programmes") == before
