"""`python -m palarchiwum check`: validation without a build, for clerks."""

from __future__ import annotations

import contextlib
import re
import subprocess
from pathlib import Path

import pytest

from conftest import PROGRAMME_YML, clerk, copy_project, write_archive
from pages import municipalities, plural, records
from palarchiwum.clerk.command_line import main

HOOKS = Path(__file__).resolve().parent.parent / "hooks"


def all_right() -> str:
    """What the check says first of the real archive: how many municipalities and programmes."""
    places = plural(len(municipalities()), "gmina", "gminy", "gmin")
    return f"W porządku: {places}, {plural(len(records()), 'program', 'programy', 'programów')};"


def test_check_passes_on_the_real_archive(tmp_path: Path) -> None:
    result = clerk(copy_project(tmp_path / "projekt", parts=("mkdocs.yml", "programmes")), "check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(all_right()), result.stdout


def test_check_lists_every_problem_and_fails(tmp_path: Path) -> None:
    record = PROGRAMME_YML.replace("  do: 2022", "  do: 2019").replace("    cele: [c1]", "    cele: [c7]")
    write_archive(tmp_path / "programmes", record=record)
    copy_project(tmp_path, ("mkdocs.yml",))
    result = clerk(tmp_path, "check")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "(2 problemy)" in result.stderr
    assert "okres.do: koniec (2019) jest wcześniej niż początek (2020)" in result.stderr
    assert "dzialania[d1].cele[1]: odwołanie do nieznanego celu „c7”" in result.stderr


def test_the_clerks_script_runs_the_tool_in_the_current_project(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "projekt", parts=("mkdocs.yml", "programmes"))
    script = HOOKS.parent / "scripts" / "archiwum"
    result = subprocess.run(["bash", str(script), "check"], cwd=project, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(all_right()), result.stdout


def test_every_command_outside_the_project_says_where_to_run_it(tmp_path: Path) -> None:
    for command in (
        ("check",),
        ("import", "program.txt"),
        ("zalacz", "a.pdf", "--program", "a/b", "--opis", "abc"),
    ):
        refused = clerk(tmp_path, *command)
        assert refused.returncode == 1 and "Traceback" not in refused.stderr
        assert (
            f"Nie ma pliku mkdocs.yml w {tmp_path}: uruchom polecenie w folderze projektu" in refused.stderr
        )


def _said(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """What the command line prints for `argv` (run in this process: argparse is the same code)."""
    with contextlib.suppress(SystemExit):
        main(argv)
    said = capsys.readouterr()
    return said.out + said.err


def test_the_command_line_speaks_polish(capsys: pytest.CaptureFixture[str]) -> None:
    """Usage, help and argument errors, for every command: no English of argparse's."""
    english = re.compile(
        r"\b(usage|options|positional|required|invalid|choose|error|expected|show this)\b", re.I
    )
    for command in (
        (), ("--help",), ("nieznane",), ("check", "--zle"), ("new",), ("new", "gmina"),
        ("new", "gmina", "--help"), ("new", "program", "--help"), ("import", "--help"), ("zalacz",),
        ("zalacz", "--help"),
        ("zalacz", "a.pdf", "--program", "a/b", "--opis", "abc", "--rola", "zla"), ("podglad", "--help"),
        ("zbuduj", "--help"), ("new", "gmina", "--teryt"),
    ):  # fmt: skip
        text = _said(list(command), capsys)
        assert "Traceback" not in text and not english.search(text.replace("--help", "")), (command, text)
        assert text.startswith("użycie: bash scripts/archiwum"), (command, text)
