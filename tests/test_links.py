"""The site as GitHub Pages serves it: under a project subpath, every link and anchor resolving,
a Polish 404 page, and a workflow that builds with full history and deploys with GitHub's actions."""

from __future__ import annotations

import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from browser import serve

PROJECT = Path(__file__).resolve().parent.parent
SUBPATH = "/pal-archiwum/"  # the path of site_url in mkdocs.yml, as on <owner>.github.io/<repo>/
LINKCHECKER = Path(sys.executable).parent / "linkchecker"
CONFIG = """\
[checking]
threads=8
maxrequestspersecond=1000
[filtering]
checkextern=0
[AnchorCheck]
"""


@pytest.fixture(scope="module")
def subpath_url(real_site: Path) -> Iterator[str]:
    yield from serve(real_site, SUBPATH)


def test_a_link_checker_finds_no_broken_link_or_anchor_under_the_subpath(
    subpath_url: str, tmp_path: Path
) -> None:
    config = tmp_path / "linkcheckerrc"
    config.write_text(CONFIG, encoding="utf-8")
    result = subprocess.run(
        [str(LINKCHECKER), "-f", str(config), "--no-status", "-o", "text", subpath_url],
        capture_output=True,
        text=True,
        timeout=900,
    )
    summary = [line for line in result.stdout.splitlines() if "links in" in line and "URLs checked" in line]
    assert summary, result.stdout[-2000:] + result.stderr[-2000:]
    checked = int(summary[0].removeprefix("That's it.").split()[0])  # "That's it. 1594 links in …"
    assert checked > 1000  # every page, asset and anchor, not only the start page
    assert "0 warnings found. 0 errors found." in result.stdout, result.stdout[-4000:]
    assert result.returncode == 0


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def test_a_missing_address_gets_a_polish_404_page_whose_links_work(subpath_url: str) -> None:
    origin = subpath_url.removesuffix(SUBPATH)
    for missing in ("programy/2808011-ketrzyn/pal-1999-2000/", "nie/ma/takiej/strony/"):
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
    assert "mkdocs build --strict" in commands and "scripts/archiwum check" in commands
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    site_url = next(step for step in build if "mkdocs build" in step.get("run", ""))["env"]["PAL_SITE_URL"]
    assert site_url == "${{ steps.pages.outputs.base_url }}/"
