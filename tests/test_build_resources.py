"""What a build holds and leaves behind: its working files go when it ends, failed or not."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import copy_project, run_build, set_archive_option
from pages import records, soup

REAL = records()


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_build_removes_its_working_files(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "projekt")
    working = tmp_path / "tmp"
    working.mkdir()
    result = run_build(project, env={"TMPDIR": str(working)})
    assert result.returncode == 0, result.stderr
    assert all((project / "site" / url / "index.html").is_file() for url, _ in REAL)
    assert leftovers(working) == []


def test_a_build_that_fails_half_way_removes_its_working_files_too(tmp_path: Path) -> None:
    # The index in parts of 5 pages: the first part's Pagefind run fails, which the build learns
    # when it starts the second one, half-way through rendering the pages. (One municipality's
    # programmes make parts enough.)
    project = copy_project(tmp_path / "projekt", municipalities=[REAL[0][0].split("/")[1]])
    set_archive_option(project, "stron_w_czesci_indeksu: 5")
    fake = tmp_path / "zepsuty" / "pagefind"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("")
    (fake / "__main__.py").write_text("import sys\nsys.exit('Error: out of memory')\n")
    working = tmp_path / "tmp"
    working.mkdir()
    result = run_build(project, env={"TMPDIR": str(working), "PYTHONPATH": str(fake.parent)})
    assert result.returncode != 0
    assert "wyszukiwarka: pagefind nie zbudował indeksu (Error: out of memory)" in result.stderr
    assert "Traceback" not in result.stderr
    assert "Error reading page" in result.stderr  # it stopped while rendering pages
    assert leftovers(working) == []


@pytest.mark.parametrize("value", ["0", "tysiąc", "true"])
def test_a_bad_index_part_size_is_a_clear_error(tmp_path: Path, value: str) -> None:
    project = copy_project(tmp_path / "projekt")
    set_archive_option(project, f"stron_w_czesci_indeksu: {value}")
    result = run_build(project)
    assert result.returncode != 0
    assert "mkdocs.yml: extra.archiwum.stron_w_czesci_indeksu" in result.stderr
    assert "to powinna być dodatnia liczba całkowita" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / "site").exists()


@pytest.mark.parametrize("url", [url for url, _ in REAL])
def test_pages_keep_their_table_of_contents(real_site: Path, url: str) -> None:
    # While MkDocs renders the other pages, a page's table of contents waits on disk.
    page = soup(real_site, url)
    toc = [a["href"] for a in page.select(".md-sidebar--secondary a.md-nav__link")]
    # Every section of the page's text; the metryczka is the template's own, outside the text.
    headings = [f"#{h['id']}" for h in page.select("article h2[id]") if h["id"] != "metryczka"]
    assert len(headings) > 5 and [href for href in toc if href in headings] == headings


def test_a_broken_anchor_on_a_hand_written_page_fails_the_build_with_the_link_as_written(
    tmp_path: Path,
) -> None:
    project = copy_project(tmp_path / "projekt", municipalities=[REAL[0][0].split("/")[1]])  # the linked one
    link = f"{REAL[0][0]}/index.md#nie-ma-takiej-kotwicy"
    page = project / "docs" / "o-archiwum.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\n[Cele programu]({link})\n", encoding="utf-8")
    result = run_build(project)
    assert result.returncode != 0
    assert f"contains a link '{link}', but the doc" in result.stderr
    assert "does not contain an anchor '#nie-ma-takiej-kotwicy'" in result.stderr
