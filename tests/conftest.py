"""Shared fixtures: a copy of the project to build in tmp_path, and a tiny valid archive."""

from __future__ import annotations

import datetime as dt
import fcntl
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Collection, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from browser import launch
from palarchiwum.records.archive import build_archive
from palarchiwum.records.problems import InvalidArchive

PROJECT = Path(__file__).resolve().parent.parent
AS_OF = "2026-11-25"
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "hooks", "programmes")
MUNICIPALITY = re.compile(r"\d{7}-[a-z0-9-]+")  # a municipality's folder under programmes/


def copy_project(
    target: Path, parts: tuple[str, ...] = PROJECT_PARTS, municipalities: Collection[str] | None = None
) -> Path:
    """A copy of the project (without its programmes when asked) to build or break; with the
    programmes of the given `municipalities` (folders) only, when a test looks at no other
    programme and a smaller archive builds faster."""
    target.mkdir(parents=True, exist_ok=True)
    pycache = shutil.ignore_patterns("__pycache__")

    def ignored(folder: str, names: list[str]) -> set[str]:
        others = set()
        if municipalities is not None and Path(folder) == PROJECT / "programmes":
            others = {name for name in names if MUNICIPALITY.fullmatch(name) and name not in municipalities}
        return pycache(folder, names) | others

    for part in parts:
        source = PROJECT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=ignored)
        else:
            shutil.copy2(source, target / part)
    return target


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One Chromium for the whole test run (Debian's package, driven by Playwright)."""
    yield from launch()


def run_build(
    project: Path, as_of: str = AS_OF, site: str = "site", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` as a clerk runs it, in `project`."""
    env = {**os.environ, "PAL_DATA_STANU": as_of, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", site],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def build_with_added(target: Path, file: str, added: str) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """A copy of the real project under `target` with `added` at the end of a file of one of its
    programmes (the first in folder order), and its build."""
    project = copy_project(target)
    folder = min(path.parent for path in (project / "programmes").glob("*/*/programme.yml"))
    path = folder / file
    path.write_text(path.read_text(encoding="utf-8") + added, encoding="utf-8")
    return project, run_build(project)


def clerk(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`bash scripts/archiwum …` as a clerk runs it in the project folder."""
    env = {**os.environ, "PYTHONPATH": str(PROJECT / "hooks")}
    return subprocess.run(
        [sys.executable, "-m", "palarchiwum", *args], cwd=project, env=env, capture_output=True, text=True
    )


def git(project: Path, *args: str, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        ["git", *args], cwd=project, env={**os.environ, **(env or {})}, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def init_repo(project: Path) -> None:
    git(project, "init", "-q", "-b", "main")
    git(project, "config", "user.name", "Test")
    git(project, "config", "user.email", "test@example.org")


def commit(project: Path, message: str, author: str, date: str, email: str = "redakcja@example.org") -> str:
    """Commit everything as `author` on `date` (ISO, fixed so tests see the same history)."""
    git(project, "add", "-A")
    stamp = f"{date}T12:00:00+01:00"
    env = {
        "GIT_AUTHOR_NAME": author,
        "GIT_AUTHOR_EMAIL": email,
        "GIT_AUTHOR_DATE": stamp,
        "GIT_COMMITTER_DATE": stamp,
    }
    git(project, "commit", "-q", "-m", message, env=env)
    return git(project, "rev-parse", "--short=7", "HEAD").strip()


def built_once(tmp_path_factory: pytest.TempPathFactory, name: str, build: Callable[[Path], Path]) -> Path:
    """What `build` makes in the (empty) folder it is given, made once for the whole test run:
    the first of the test workers (pytest -n) to ask for it builds it, the others wait for it and
    then read the same files. Nothing may change them."""
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base  # the run's own folder
    folder, made = shared / f"built-{name}", shared / f"built-{name}.txt"
    with (shared / f"built-{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file is closed
        if not made.exists():
            shutil.rmtree(folder, ignore_errors=True)  # what a failed build left
            folder.mkdir()
            made.write_text(str(build(folder)), encoding="utf-8")
        return Path(made.read_text(encoding="utf-8"))


def _logged_build(project: Path) -> Path:
    """`project` built, its site folder returned; the build's log beside it, in build.log."""
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    (project / "build.log").write_text(result.stderr, encoding="utf-8")
    return project / "site"


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real archive, committed once to a fresh repository and built; returns the site folder
    (the build's log is beside it, in build.log)."""

    def build(folder: Path) -> Path:
        project = copy_project(folder / "real")
        init_repo(project)
        commit(project, "Publikacja pięciu programów", "Redakcja Archiwum", "2026-11-20")
        return _logged_build(project)

    return built_once(tmp_path_factory, "real", build)


ORIGINAL = "Program kierujemy przede wszystkim na osoby bezrobotne."
EDITED = "Program kierujemy przede wszystkim i wyłącznie na osoby bezrobotne."


@pytest.fixture(scope="session")
def history_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project with one programme and four commits on fixed dates by two people (not built)."""
    project = copy_project(tmp_path_factory.mktemp("repo"), ("mkdocs.yml", "docs", "overrides", "hooks"))
    init_repo(project)
    write_archive(project / "programmes")
    commit(project, "Dodanie programu gminy Przykładowo", "Anna Nowak", "2024-01-10")
    text = project / "programmes/1234562-przykladowo/pal-2020-2022/programme.md"
    text.write_text(PROGRAMME_MD.replace(ORIGINAL, EDITED), encoding="utf-8")
    commit(
        project,
        "Poprawka zgodna z uchwałą\n\nTekst przepisano ponownie z oryginału.",
        "Jan Kowalski",
        "2024-02-20",
    )
    record = project / "programmes/1234562-przykladowo/pal-2020-2022/programme.yml"
    record.write_text(
        PROGRAMME_YML.replace(
            "  numer: I/1/2020", "  numer: I/1/2020\n  publikacja: Dz. Urz. Woj. Maz. z 2020 r. poz. 7"
        ),
        encoding="utf-8",
    )
    commit(project, "Uzupełnienie publikacji uchwały", "Anna Nowak", "2024-03-05")
    page = project / "docs/o-archiwum.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nNowy akapit o archiwum.\n", encoding="utf-8")
    commit(project, "Nowy akapit na stronie O archiwum", "Jan Kowalski", "2024-04-01")
    return project


@pytest.fixture(scope="session")
def history_site(tmp_path_factory: pytest.TempPathFactory, history_repo: Path) -> Path:
    """That project built, in a copy of it (its commits, without what other builds wrote there),
    so that its own folder stays as the tests made it; returns the site folder (the build's log is
    beside it, in build.log)."""

    def sites(where: str, names: list[str]) -> set[str]:
        return {name for name in names if name.startswith("site")} if Path(where) == history_repo else set()

    def build(folder: Path) -> Path:
        return _logged_build(shutil.copytree(history_repo, folder / "repo", ignore=sites))

    return built_once(tmp_path_factory, "history", build)


GMINA_YML = """\
# yaml-language-server: $schema=../../hooks/palarchiwum/schemas/gmina.schema.json
nazwa: Gmina Przykładowo
nazwa_krotka: Przykładowo
typ: gmina wiejska
teryt: "1234562"
wojewodztwo: mazowieckie
powiat: przykładowy
"""

PROGRAMME_YML = """\
# yaml-language-server: $schema=../../../hooks/palarchiwum/schemas/programme.schema.json
tytul: Program Aktywności Lokalnej Gminy Przykładowo na lata 2020-2022
okres:
  od: 2020
  do: 2022
uchwala:
  numer: I/1/2020
  data: 2020-01-15
  organ: Rada Gminy Przykładowo
cel_glowny:
  id: cg1
  tematy: [aktywnosc-mieszkancow]
  tresc: aktywizacja mieszkańców gminy
cele:
  - id: c1
    tematy: [przeciwdzialanie-wykluczeniu]
    tresc: Zmniejszenie wykluczenia społecznego
  - id: c2
    tematy: [wolontariat]
    tresc: Rozwój wolontariatu
dzialania:
  - id: d1
    tematy: [integracja-spoleczna, kultura-sport-rekreacja]
    tresc: organizowanie spotkań sąsiedzkich
    cele: [c1]
adresaci:
  - id: a1
    grupy: [osoby-bezrobotne]
    brzmienie: osoby bezrobotne
rezultaty:
  - id: r1
    rodzaje: [aktywnosc-i-zaangazowanie]
    tresc: wzrost aktywności mieszkańców
harmonogram:
  - id: h1
    tresc: rekrutacja uczestników
    od: "2020-01"
    do: "2020-03"
    dzialania: [d1]
"""

PROGRAMME_MD = """\
# Program Aktywności Lokalnej Gminy Przykładowo na lata 2020-2022

## I. Cele

Celem głównym jest aktywizacja mieszkańców gminy.

1. Zmniejszenie wykluczenia społecznego.
2. Rozwój wolontariatu.

## II. Działania

- organizowanie spotkań sąsiedzkich;
- rekrutacja uczestników – 01.2020-03.2020.

## III. Adresaci

Program kierujemy przede wszystkim na osoby bezrobotne.

## IV. Rezultaty

Oczekujemy, że nastąpi wzrost aktywności mieszkańców.
"""


def write_archive(
    programmes: Path,
    gmina: str = GMINA_YML,
    record: str = PROGRAMME_YML,
    text: str = PROGRAMME_MD,
    municipality: str = "1234562-przykladowo",
    slug: str = "pal-2020-2022",
) -> Path:
    """A one-programme archive under `programmes`, with the real vocabularies; returns its folder."""
    vocabularies = programmes / "slowniki"
    if not vocabularies.exists():
        shutil.copytree(PROJECT / "programmes" / "slowniki", vocabularies)
    folder = programmes / municipality / slug
    folder.mkdir(parents=True, exist_ok=True)
    if gmina is not None:
        (programmes / municipality / "gmina.yml").write_text(gmina, encoding="utf-8")
    (folder / "programme.yml").write_text(record, encoding="utf-8")
    (folder / "programme.md").write_text(text, encoding="utf-8")
    return folder


# Validation tests check the archive on this day, and report problems in this record.
VALIDATION_AS_OF = dt.date(2021, 6, 1)
RECORD = "programmes/1234562-przykladowo/pal-2020-2022/programme.yml"


def problems(root: Path) -> list[str]:
    """The problem lines a clerk would see for the archive under root/programmes."""
    with pytest.raises(InvalidArchive) as caught:
        build_archive(root / "programmes", root, VALIDATION_AS_OF)
    return [str(p) for p in caught.value.problems]


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def set_archive_option(project: Path, line: str) -> None:
    """Add one `extra.archiwum` option (a YAML line such as "klucz: 5") to a copied project."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  archiwum:\n", f"  archiwum:\n    {line}\n"), encoding="utf-8")
