"""The archive grows without touching code or tests: programmes no test saw, added as a clerk adds
them (`new gmina`, `import`, the record completed by hand), pass `check`, build with `--strict`,
and meet the same site invariants as the real archive (tests/site_invariants.py)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser

from browser import ARTIFACTS, axe_violations, find, open_page, policy_violations, serve
from conftest import (
    PROGRAMME_MD,
    PROGRAMME_YML,
    clerk,
    commit,
    copy_project,
    init_repo,
    run_build,
    write_archive,
)
from growth import MISREAD, MISREAD_REASON, Newcomer, grow
from pages import folded, soup
from public_text import public_text_problems
from site_invariants import MISSING, MISSING_PART, _page_problems, project_records, violations


@dataclass(frozen=True)
class Grown:
    project: Path
    single_year: Newcomer
    excerpt: Newcomer

    def __truediv__(self, part: str) -> Path:
        return self.project / part


@pytest.fixture(scope="module")
def grown(tmp_path_factory: pytest.TempPathFactory) -> Grown:
    """A copy of the real project with the newcomers added, committed and built."""
    project = copy_project(tmp_path_factory.mktemp("grown"))
    single_year, excerpt = grow(project)
    init_repo(project)
    commit(project, "Dodanie dwóch programów", "Redakcja Archiwum", "2026-11-21")
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    return Grown(project, single_year, excerpt)


def test_the_grown_archive_passes_check(grown: Grown) -> None:
    result = clerk(grown.project, "check")
    assert result.returncode == 0, result.stderr
    municipalities = {key.split("/")[0] for key, _ in project_records(grown.project)}
    assert f"{len(municipalities)} gmin, {len(project_records(grown.project))} programów" in result.stdout


def test_every_programme_of_the_grown_archive_meets_the_invariants(grown: Grown) -> None:
    assert violations(grown.project, grown / "site") == []


def test_every_programme_of_the_real_archive_meets_the_invariants(real_site: Path) -> None:
    assert violations(real_site.parent, real_site) == []


def test_a_single_year_is_named_once(grown: Grown) -> None:
    page = soup(grown / "site", f"programy/{grown.single_year.key}")
    when = " ".join(page.select_one(".pal-skrot").get_text(" ").split())
    assert "Kiedy 2025 ·" in when
    assert "PAL 2025 —" in page.select_one("title").get_text()


def test_an_excerpt_says_so_at_the_top_and_never_that_the_document_lacks_a_part(grown: Grown) -> None:
    page = soup(grown / "site", f"programy/{grown.excerpt.key}")
    article = page.select_one("article")
    first = article.find(class_="admonition")
    assert "warning" in first["class"] and first.find_previous("h1") is not None
    said = " ".join(first.get_text(" ").split())
    assert "Archiwum ma: rozdziały 2 i 3 programu: cele i działania." in said
    assert "Powód: gmina opublikowała w BIP tylko wyciąg z programu." in said
    assert "Archiwum nie wie, gdzie opublikowano cały dokument." in said
    text = " ".join(page.get_text(" ").split())
    assert MISSING not in text and text.count(MISSING_PART) >= 5  # main goal, addressees, results…
    assert "Tekst w archiwum: część dokumentu" in text and "Pełny tekst" not in text


def test_a_record_without_goals_or_addressees_that_claims_the_whole_text_is_questioned(
    tmp_path: Path,
) -> None:
    bare = "\n".join(
        line
        for line in PROGRAMME_YML.split("\ncele:")[0].split("\n")
        if not line.startswith(("cel_glowny", "  id: cg1", "  tematy", "  tresc"))
    )
    write_archive(tmp_path / "programmes", record=bare + "\n", text=PROGRAMME_MD)
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    result = clerk(tmp_path, "check")
    assert result.returncode == 0, result.stderr
    assert "Do sprawdzenia (1 ostrzeżenie; nie blokują publikacji):" in result.stdout
    assert "programme.yml: tekst_niepelny: rekord nie ma ani celów, ani adresatów" in result.stdout
    marked = bare + "\ntekst_niepelny:\n  zawiera: wstęp\n  powod: wyciąg\n  pelny_tekst: null\n"
    write_archive(tmp_path / "programmes", record=marked, text=PROGRAMME_MD)
    again = clerk(tmp_path, "check")
    assert again.returncode == 0 and "Do sprawdzenia" not in again.stdout


def test_the_build_warns_of_it_without_failing(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "projekt", ("mkdocs.yml", "docs", "overrides", "hooks"))
    bare = PROGRAMME_YML.split("\ncel_glowny:")[0] + "\n"
    write_archive(project / "programmes", record=bare, text=PROGRAMME_MD)
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    assert (
        "WARNING -  pal-archiwum: programmes/1234562-przykladowo/pal-2020-2022/programme.yml:"
        in result.stderr
    )


def test_a_declared_correction_is_shown_as_an_editorial_note(grown: Grown) -> None:
    page = soup(grown / "site", f"programy/{grown.single_year.key}")
    note = " ".join(page.select_one(".admonition.note").get_text(" ").split())
    misread, meant = MISREAD
    assert f"w źródle „Zwiększenie {misread} seniorów”, w archiwum „Zwiększenie {meant} seniorów”" in note
    assert MISREAD_REASON in note
    assert misread not in " ".join(page.select_one(".pal-tekst").get_text(" ").split())


@pytest.fixture(scope="module")
def grown_url(grown: Grown) -> Iterator[str]:
    yield from serve(grown / "site")


@pytest.mark.parametrize("which", ["single_year", "excerpt"])
def test_a_newcomers_page_reads_well_on_a_phone(
    browser: Browser, grown: Grown, grown_url: str, which: str
) -> None:
    newcomer = getattr(grown, which)
    page, requests = open_page(browser, f"{grown_url}programy/{newcomer.key}/", width=360)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"nowy-{newcomer.slug}-360.png"), full_page=False)
    assert page.evaluate("document.scrollingElement.scrollWidth - window.innerWidth") <= 0
    if newcomer is grown.excerpt:  # the banner is read before anything else the page says
        banner = page.locator(".admonition.warning")
        assert banner.is_visible() and banner.bounding_box()["y"] < 800
    violations = axe_violations(page)
    assert violations == [], violations
    assert policy_violations(page) == []
    assert all(url.startswith(grown_url) for url in requests)
    page.context.close()


def test_the_invariants_notice_an_empty_heading_and_a_repeated_year() -> None:
    page = BeautifulSoup(
        "<article><h1>T</h1><section class='pal-skrot'><dl><dt>Po co</dt><dd>cel</dd></dl></section>"
        "<h2>Cele</h2><h2>Adresaci</h2><p>Okres: 2025–2025</p>"
        "<div class='pal-tekst'><h2>Rozdział dokumentu</h2><h2>Rozdział drugi</h2></div>"
        "<h2>Koniec</h2></article>",
        "html.parser",
    )
    found = _page_problems(page, {"tytul": "T", "cel_glowny": {"tresc": "cel"}})
    assert found == [
        "a period reads 2025–2025",
        "heading 'Cele' has nothing under it",
        "heading 'Koniec' has nothing under it",
    ]


def test_the_grown_archive_shows_no_technical_word_and_writes_correct_polish(grown: Grown) -> None:
    found = public_text_problems(grown / "site")
    assert found["technical"] == []
    assert found["grammar"] == []


def test_the_newcomers_are_found_by_their_names_typed_any_way(
    browser: Browser, grown: Grown, grown_url: str
) -> None:
    """The search finds a municipality no test wrote first, by its name as written, without
    Polish letters and in lower case, and its programme among the first results."""
    page, _ = open_page(browser, grown_url + "szukaj/")
    for newcomer in (grown.single_year, grown.excerpt):
        name = newcomer.short_name
        spellings = [name, folded(name), name.lower(), folded(name).lower()]
        for spelling, found in zip(spellings, find(page, spellings), strict=True):
            # Municipalities first; a grown archive (scripts/test-grown) may already hold another
            # of the same name, and then either may come first.
            leading = next((i for i, url in enumerate(found) if not url.startswith("gminy/")), len(found))
            assert f"gminy/{newcomer.folder}" in found[:leading], (spelling, found[:3])
            assert f"programy/{newcomer.key}" in found[leading : leading + 3 * leading], (spelling, found[:6])
    page.context.close()
