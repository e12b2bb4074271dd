"""The clerks' preview (`archiwum podglad`) and build (`archiwum zbuduj`): drafts shown with a
banner only in the preview, an archive with errors shown as its problems at every address until
they are fixed, and both said in Polish in the terminal."""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser

from browser import ARTIFACTS, LISTEN_FOR_VIOLATIONS, as_function, axe_violations, policy_violations
from conftest import AS_OF, PROJECT, clerk, copy_project, run_build
from test_serve import free_port, served_path

BANNER = "SZKIC — nie do publikacji"
ERRORS = "Archiwum zawiera błędy"
UNKNOWN_KEY = "pole_ktorego_nie_ma"
THEME_BANNER = ("end of life", "NO_MKDOCS_2_WARNING")  # Material's, unless NO_MKDOCS_2_WARNING is set
# The municipality of the first programme, the one the tests make a draft or break: the copies
# hold its programmes only, as the tests look at no other (each rebuild of the preview is faster).
FIRST = min((PROJECT / "programmes").glob("*/*/programme.yml")).parent.parent.name


@dataclass
class Preview:
    project: Path
    record: Path  # the draft's record, the one the tests break and fix
    good: str  # its text as a valid draft
    url: str  # the site's address in the preview
    page: str  # the draft programme's page
    title: str
    log: Path

    def said(self) -> str:
        return self.log.read_text(encoding="utf-8")


def answer(url: str) -> tuple[int, str] | None:
    """The status and body of a request (a 404 too); None while the server does not answer."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")
    except OSError:
        return None


def wait_until(check: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, what
        time.sleep(0.3)


def shows(url: str, text: str) -> Callable[[], bool]:
    return lambda: (found := answer(url)) is not None and text in found[1]


def broken(text: str) -> tuple[str, list[int]]:
    """The record with an unknown key (line 2) and a month that does not exist (okres.od): the
    broken text and the lines of both."""
    lines = text.splitlines()
    lines.insert(1, f"{UNKNOWN_KEY}: tak")
    start = lines.index("okres:")
    at = next(i for i in range(start, len(lines)) if lines[i].startswith("  od:"))
    lines[at] = '  od: "2020-13"'
    return "\n".join(lines) + "\n", [2, at + 1]


def draft_in(project: Path) -> tuple[Path, str]:
    """The first programme of the copied project made a draft: its record and text."""
    record = min((project / "programmes").glob("*/*/programme.yml"))
    text = record.read_text(encoding="utf-8") + "szkic: true\n"
    record.write_text(text, encoding="utf-8")
    return record, text


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Preview]:
    """`bash scripts/archiwum podglad` on a copy of the project whose first programme is a draft."""
    project = copy_project(tmp_path_factory.mktemp("podglad") / "projekt", municipalities=[FIRST])
    record, good = draft_in(project)
    port = free_port()
    log = project.parent / "podglad.log"
    env = {**os.environ, "PYTHONPATH": str(PROJECT / "hooks"), "PAL_DATA_STANU": AS_OF}
    env.pop("NO_MKDOCS_2_WARNING", None)  # the wrapper sets it itself
    with log.open("w", encoding="utf-8") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "palarchiwum", "podglad", "--adres", f"127.0.0.1:{port}"],
            cwd=project,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}{served_path(project)}"
    folder = record.parent.relative_to(project / "programmes").as_posix()
    title = yaml.safe_load(good)["tytul"]
    found = Preview(project, record, good, url, f"{url}programy/{folder}/", title, log)
    try:
        wait_until(shows(found.page, BANNER), 90, "the preview did not start")
        yield found
    finally:
        server.terminate()
        server.wait(timeout=30)
        assert "Podgląd zatrzymany." in found.said()


def test_the_preview_shows_a_draft_with_its_banner_and_speaks_polish(preview: Preview) -> None:
    status, page = answer(preview.page)
    assert status == 200
    assert html.escape(preview.title, quote=False) in page
    banner = re.search(r'<div class="pal-szkic" role="note"[^>]*>(.*?)</div>', page, re.DOTALL)
    assert banner and BANNER in banner.group(1)
    said = preview.said()
    assert f"Podgląd działa: otwórz {preview.url} w przeglądarce" in said
    assert "Archiwum bez błędów" in said
    for english in ("Serving on", "Building documentation", "Documentation built", *THEME_BANNER):
        assert english not in said


def test_problems_are_shown_at_every_address_until_they_are_fixed(preview: Preview) -> None:
    text, lines = broken(preview.good)
    file = preview.record.relative_to(preview.project).as_posix()
    preview.record.write_text(text, encoding="utf-8")
    try:
        wait_until(shows(preview.page, ERRORS), 30, "the page did not turn into the list of problems")
        for url in (preview.page, preview.url, f"{preview.url}nie-ma-takiej-strony/"):
            status, page = answer(url)
            assert status in (200, 404)
            assert f"<h1>{ERRORS}</h1>" in page and "Podgląd strony wróci sam" in page
            for line in lines:
                assert f"{file}:{line}" in page, url
            assert UNKNOWN_KEY in page
        # The terminal says it too: the list is written once the build that served it has ended.
        wanted = "Podgląd: archiwum zawiera błędy (2 problemy)"
        wait_until(lambda: wanted in preview.said(), 15, "the terminal did not list the problems")
        said = preview.said()
        assert f"{file}:{lines[0]}: {UNKNOWN_KEY}:" in said
        assert "appear stuck" not in said
    finally:
        preview.record.write_text(preview.good, encoding="utf-8")
    wait_until(shows(preview.page, BANNER), 60, "the programme did not come back once fixed")
    fixed = "Błędy poprawione. Archiwum bez błędów, podgląd odświeżony"
    wait_until(lambda: fixed in preview.said(), 15, "the terminal did not say the errors were fixed")


def test_in_chromium_the_pages_reload_by_themselves(preview: Preview, browser: Browser) -> None:
    """The draft's page: accessible, its banner seen, MkDocs' live reload not blocked by the page's
    policy. Broken, the open page turns by itself into the list of problems (accessible too); fixed,
    that list turns back into the programme."""
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="pl-PL")
    context.add_init_script(LISTEN_FOR_VIOLATIONS)
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    # Not "networkidle", as browser.open_page waits for: live reload keeps a request waiting.
    page.goto(preview.page, wait_until="load")
    try:
        for _ in range(50):  # Playwright hands on the page's events while it waits
            if "Enabled live reload" in console:
                break
            page.wait_for_timeout(200)
        assert "Enabled live reload" in console, "MkDocs' live reload did not run"
        banner = page.locator(".pal-szkic")
        assert banner.is_visible() and BANNER in banner.inner_text()
        assert axe_violations(page) == []
        page.screenshot(path=str(ARTIFACTS / "podglad-szkic.png"))
        preview.record.write_text(broken(preview.good)[0], encoding="utf-8")
        page.wait_for_function(
            as_function(f"document.title.startsWith({json.dumps(ERRORS)})"), timeout=30_000
        )
        page.wait_for_load_state("load")
        assert page.locator("h1").inner_text() == ERRORS
        violations = axe_violations(page)
        assert violations == [], json.dumps(violations, ensure_ascii=False, indent=1)
        page.screenshot(path=str(ARTIFACTS / "podglad-bledy.png"), full_page=True)
        page.set_viewport_size({"width": 360, "height": 800})
        assert page.evaluate("document.scrollingElement.scrollWidth - window.innerWidth") <= 0
        page.screenshot(path=str(ARTIFACTS / "podglad-bledy-360.png"))
        assert policy_violations(page) == []
        preview.record.write_text(preview.good, encoding="utf-8")
        page.wait_for_function(as_function("!!document.querySelector('.pal-szkic')"), timeout=60_000)
        assert policy_violations(page) == []
    finally:
        preview.record.write_text(preview.good, encoding="utf-8")
        page.context.close()


def test_zbuduj_says_in_polish_what_is_wrong_and_where_the_site_is(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "projekt", municipalities=[FIRST])
    record = min((project / "programmes").glob("*/*/programme.yml"))
    good = record.read_text(encoding="utf-8")
    text, lines = broken(good)
    record.write_text(text, encoding="utf-8")
    failed = clerk(project, "zbuduj")
    said = failed.stdout + failed.stderr
    assert failed.returncode == 1, said
    assert f"{record.relative_to(project).as_posix()}:{lines[0]}: {UNKNOWN_KEY}:" in said
    assert "Nie zbudowano strony" in said
    for english in ("Traceback", "Aborted with", "Error", *THEME_BANNER):
        assert english not in said
    record.write_text(good, encoding="utf-8")
    built = clerk(project, "zbuduj", "--do", "gotowa-strona")
    assert built.returncode == 0, built.stdout + built.stderr
    assert "folder gotowa-strona/" in built.stdout
    assert (project / "gotowa-strona" / "index.html").is_file()


def test_a_build_never_publishes_a_draft(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = copy_project(tmp_path / "projekt")
    record, _ = draft_in(project)
    built = run_build(project)
    assert built.returncode != 0 and "szkic" in built.stderr
    # The preview's variable left set by mistake: a build is no preview (only the development
    # server's own address is), and zbuduj clears the variable anyway.
    by_hand = run_build(project, env={"PAL_PODGLAD": "1"})
    assert by_hand.returncode != 0 and "rekord jest szkicem" in by_hand.stderr
    assert not (project / "site" / "index.html").exists()
    monkeypatch.setenv("PAL_PODGLAD", "1")
    wrapped = clerk(project, "zbuduj")
    assert wrapped.returncode == 1
    assert f"{record.relative_to(project).as_posix()}" in wrapped.stdout + wrapped.stderr
    assert not (project / "site" / "index.html").exists()
