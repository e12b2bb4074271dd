"""The site as GitHub Pages serves it: under a project subpath, every link and anchor resolving,
a Polish 404 page, and a workflow that builds with full history and deploys with GitHub's actions."""

from __future__ import annotations

import os
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from browser import serve
from pages import municipalities

PROJECT = Path(__file__).resolve().parent.parent
SUBPATH = "/pal-archiwum/"  # the path of site_url in mkdocs.yml, as on <owner>.github.io/<repo>/
LINKCHECKER = Path(sys.executable).parent / "linkchecker"
# LinkChecker's own anchor check fetches and parses a page again for every anchor linked on it
# (for the real archive once, several times as many URLs: minutes instead of seconds); anchors are
# checked below instead, each page parsed once.
CONFIG = """\
[checking]
threads=8
maxrequestspersecond=1000
[filtering]
checkextern=0
"""


@pytest.fixture(scope="module")
def subpath_url(real_site: Path) -> Iterator[str]:
    yield from serve(real_site, SUBPATH)


def test_a_link_checker_reaches_every_page_and_finds_no_broken_link_under_the_subpath(
    subpath_url: str, real_site: Path, tmp_path: Path
) -> None:
    config = tmp_path / "linkcheckerrc"
    config.write_text(CONFIG, encoding="utf-8")
    result = subprocess.run(
        [str(LINKCHECKER), "-f", str(config), "--no-status", "--verbose", "-o", "text", subpath_url],
        capture_output=True,
        text=True,
        timeout=900,
    )
    # A page first reached through a link to one of its anchors counts as reached: LinkChecker checks
    # an address once, and names it as the first link it followed there gave it.
    reached = {
        line.split()[2].split("#")[0] for line in result.stdout.splitlines() if line.startswith("Real URL")
    }
    pages = {
        subpath_url + path.relative_to(real_site).as_posix().removesuffix("index.html")
        for path in real_site.rglob("*.html")
        if path.relative_to(real_site).as_posix() != "404.html"  # served for addresses that do not exist
    }
    assert pages - reached == set(), result.stdout[-2000:] + result.stderr[-2000:]
    assert "0 warnings found. 0 errors found." in result.stdout, result.stdout[-4000:]
    assert result.returncode == 0


class _PageAnchors(HTMLParser):
    """The anchors a page has (ids, and names of links) and the links it makes, read in one pass."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.anchors: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.anchors.update(value for value in (values.get("id"), tag == "a" and values.get("name")) if value)
        if tag == "a" and values.get("href"):
            self.links.append(values["href"] or "")


def _linked_page(site: Path, page: Path, path: str) -> Path:
    """The file a link's path leads to from `page`: the page itself, a page's folder, or a file."""
    if not path:
        return page
    target = site / path.removeprefix(SUBPATH) if path.startswith("/") else page.parent / path
    target = Path(os.path.normpath(target))
    return target / "index.html" if path.endswith("/") or target.is_dir() else target


def test_every_link_to_an_anchor_finds_it(real_site: Path) -> None:
    pages: dict[Path, _PageAnchors] = {}
    for path in real_site.rglob("*.html"):
        pages[path] = _PageAnchors()
        pages[path].feed(path.read_text(encoding="utf-8"))
    broken, checked = [], set()
    for path, page in pages.items():
        for href in page.links:
            url = urlsplit(href)
            if url.scheme or url.netloc or not url.fragment:
                continue
            target = _linked_page(real_site, path, unquote(url.path))
            checked.add(path)
            if target not in pages or unquote(url.fragment) not in pages[target].anchors:
                broken.append(f"{path.relative_to(real_site)}: {href}")
    assert broken == []
    # Every programme's page links its extract to the places in its text.
    programmes = {
        real_site / "programy" / record.parent.relative_to(real_site.parent / "programmes") / "index.html"
        for record in (real_site.parent / "programmes").glob("*/*/programme.yml")
    }
    assert programmes and programmes <= checked


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def test_a_missing_address_gets_a_polish_404_page_whose_links_work(subpath_url: str) -> None:
    origin = subpath_url.removesuffix(SUBPATH)
    # A programme address under a real municipality that no programme has, and one under nothing.
    folder = next(iter(municipalities()))
    for missing in (f"programy/{folder}/nie-ma-takiego-programu/", "nie/ma/takiej/strony/"):
        status, body = get(subpath_url + missing)
        assert status == 404
        page = BeautifulSoup(body, "html.parser")
        assert page.select_one("article h1").get_text() == "Nie ma takiej strony"
        targets = [a["href"] for a in page.select("article a")] + [page.select_one("article form")["action"]]
        assert all(t.startswith(SUBPATH) for t in targets), targets
        assert [get(origin + t)[0] for t in targets] == [200] * len(targets)
        assets = [link["href"] for link in page.select("link[rel=stylesheet]")] + [
            s["src"] for s in page.select("script[src]")
        ]
        assert assets and all(get(origin + a)[0] == 200 for a in assets)


def test_the_pages_workflow_builds_with_full_history_and_deploys_with_githubs_actions() -> None:
    workflow = yaml.safe_load((PROJECT / ".github/workflows/pages.yml").read_text(encoding="utf-8"))
    build, deploy = workflow["jobs"]["build"]["steps"], workflow["jobs"]["deploy"]["steps"]
    uses = [step.get("uses", "").split("@")[0] for step in build + deploy]
    assert {"actions/checkout", "actions/configure-pages", "actions/upload-pages-artifact"} <= set(uses)
    assert "actions/deploy-pages" in uses
    checkout = next(step for step in build if step.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0  # the history the registers and versions come from
    commands = " ".join(step.get("run", "") for step in build)
    # zbuduj is mkdocs build --strict into site/, its log in Polish (clerk/site_commands.py)
    assert "scripts/archiwum zbuduj" in commands and "scripts/archiwum check" in commands
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    site_url = next(step for step in build if "archiwum zbuduj" in step.get("run", ""))["env"]["PAL_SITE_URL"]
    assert site_url == "${{ steps.pages.outputs.base_url }}/"
