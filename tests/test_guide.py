"""docs/jak-dodac-program.md, followed step by step on a new programme, ends with a built site.

The commands are read from the guide itself and run as the guide says, with `bash`, in a copy of
the project; only the guide's example values (Kętrzyn's code, names and folder) are swapped for a
municipality no archive has, and the hand work of steps 4–5 is done as the guide describes it.
"""

from __future__ import annotations

import html
import os
import re
import shlex
import subprocess
import time
from pathlib import Path

from conftest import AS_OF, PROJECT, copy_project
from growth import SINGLE_YEAR
from test_import import _one_term
from test_serve import fetch, free_port, served_path

GUIDE = PROJECT / "docs" / "jak-dodac-program.md"
# The guide's example, and the newcomer the test adds in its place: whole words, parts of words.
EXAMPLE_WORDS = {
    "2808011": "9902011",
    "Gmina Miejska Kętrzyn": "Gmina Próbna Wola",
    "Kętrzyn": "Próbna Wola",
    "warmińsko-mazurskie": "mazowieckie",
    "kętrzyński": "próbny",
}
EXAMPLE_PARTS = {"2808011-ketrzyn": "9902011-probna-wola", "pal-2021-2030": "pal-2025"}
# What each of the guide's commands is, in its order; the empty programme (new program) is the
# guide's alternative to import, not a step after it.
STEPS = ("new gmina", "import", "zalacz", "new program", "check", "podglad", "zbuduj")
ALTERNATIVE = "new program"


def guide_commands() -> list[list[str]]:
    """Every command of the guide's ```sh blocks as its words, continuation lines joined,
    comments left out."""
    blocks = re.findall(r"^```sh\n(.*?)^```", GUIDE.read_text(encoding="utf-8"), re.S | re.M)
    lines = [line for block in blocks for line in block.replace("\\\n", " ").splitlines()]
    return [words for line in lines if (words := shlex.split(line, comments=True))]


def as_newcomer(words: list[str]) -> str:
    """The command with the guide's example values swapped for the newcomer's, as a shell line."""
    swapped = []
    for word in words:
        word = EXAMPLE_WORDS.get(word, word)
        for theirs, ours in EXAMPLE_PARTS.items():
            word = word.replace(theirs, ours)
        swapped.append(word)
    return shlex.join(swapped)


def step_of(command: str) -> str:
    words = shlex.split(command)
    assert words[:2] == ["bash", "scripts/archiwum"], command
    return " ".join(words[2:4]) if words[2] == "new" else words[2]


def run(project: Path, command: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PAL_DATA_STANU": AS_OF}
    return subprocess.run(["bash", "-c", command], cwd=project, env=env, capture_output=True, text=True)


def test_the_guide_names_its_steps_and_its_example() -> None:
    commands = guide_commands()
    assert tuple(step_of(shlex.join(c)) for c in commands) == STEPS
    words = [word for command in commands for word in command]
    for theirs in EXAMPLE_WORDS:
        assert theirs in words, theirs  # the guide still uses this example value
    for theirs in EXAMPLE_PARTS:
        assert any(theirs in word for word in words), theirs


def test_following_the_guide_ends_with_a_built_site(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "projekt", ("mkdocs.yml", "docs", "overrides", "hooks", "scripts"))
    (project / ".venv").symlink_to(PROJECT / ".venv")
    (project / "programmes").mkdir()
    (project / "programmes" / "slowniki").symlink_to(PROJECT / "programmes" / "slowniki")
    # Step 1: the text of the programme, and its PDF.
    (project / "program.txt").write_text(SINGLE_YEAR, encoding="utf-8")
    (project / "program.pdf").write_bytes("%PDF-1.4 (tu byłby opublikowany dokument)\n".encode())
    folder = project / "programmes" / "9902011-probna-wola" / "pal-2025"
    said: dict[str, str] = {}
    for command in map(as_newcomer, guide_commands()):
        step = step_of(command)
        if step == ALTERNATIVE:
            continue
        if step == "check":
            _complete_the_record(folder)  # steps 4 and 5, by hand
        if step == "podglad":
            _preview_shows_the_programme(project, command)
            continue
        done = run(project, command)
        assert done.returncode == 0, f"{command}\n{done.stdout}{done.stderr}"
        assert "Traceback" not in done.stderr
        said[step] = done.stdout
    # Step 6 said "W porządku", step 7 built the site: the new programme's page, its PDF beside it.
    page = project / "site" / "programy" / "9902011-probna-wola" / "pal-2025" / "index.html"
    published = page.read_text(encoding="utf-8")
    assert html.escape("Program Aktywności Lokalnej Gminy Zielony Gaj na rok 2025", quote=False) in published
    assert "SZKIC" not in published
    assert (page.parent / "attachments" / "program.pdf").read_bytes() == (
        project / "program.pdf"
    ).read_bytes()
    assert 'href="attachments/program.pdf"' in published
    assert said["check"].startswith("W porządku: 1 gmina, 1 program")
    assert "Strona zbudowana" in said["zbuduj"] and "site/" in said["zbuduj"]


def _complete_the_record(folder: Path) -> None:
    """Step 5: every empty term list given a term, the line `szkic: true` deleted."""
    record = folder / "programme.yml"
    text = record.read_text(encoding="utf-8")
    assert "szkic: true\n" in text and "rola: oryginal" in text and "rola: zrodlo" in text
    text = re.sub(r"^(\s+)(tematy|grupy|rodzaje|zrodla): \[\]$", _one_term, text, flags=re.M)
    record.write_text(text.replace("szkic: true\n", ""), encoding="utf-8")


def _preview_shows_the_programme(project: Path, command: str) -> None:
    """Step 7: the preview answers with the new programme's page; Ctrl+C stops it."""
    port = free_port()
    log = project / "podglad.log"
    with log.open("w", encoding="utf-8") as said:
        server = subprocess.Popen(
            ["bash", "-c", f"exec {command} --adres 127.0.0.1:{port}"],
            cwd=project,
            env={**os.environ, "PAL_DATA_STANU": AS_OF},
            stdout=said,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}{served_path(project)}programy/9902011-probna-wola/pal-2025/"
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and server.poll() is None:
            body = fetch(url)
            if body is not None and "Zielony Gaj" in body:
                break
            time.sleep(1)
        else:
            raise AssertionError(f"podgląd nie pokazał programu: {log.read_text(encoding='utf-8')}")
    finally:
        server.send_signal(2)  # Ctrl+C
        server.wait(timeout=30)
