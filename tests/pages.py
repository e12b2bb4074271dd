"""Reading built pages as a reader sees them."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

PROGRAMMES = Path(__file__).resolve().parent.parent / "programmes"


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def article_text(page: BeautifulSoup) -> str:
    """The page's main content as one line of text, whitespace collapsed."""
    return " ".join(page.select_one("article").get_text(" ").split())


def section_text(page: BeautifulSoup, section_id: str) -> str:
    """Text of an h2 section: from the heading with that id to the next h2."""
    heading = page.find(id=section_id)
    parts = []
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        parts.append(sibling.get_text(" "))
    return " ".join(" ".join(parts).split())


def records() -> list[tuple[str, dict]]:
    """(url, record) of every real programme in the repository."""
    found = []
    for path in sorted(PROGRAMMES.glob("*/*/programme.yml")):
        url = f"programy/{path.parent.parent.name}/{path.parent.name}"
        found.append((url, yaml.safe_load(path.read_text(encoding="utf-8"))))
    return found


def plain(text: str) -> str:
    """A quote as it reads on the page: Markdown emphasis gone, whitespace collapsed."""
    return " ".join(re.sub(r"\*+|\[\^[^\]]+\]", "", text).split())


def target(url: str, href: str) -> str:
    """Where a relative link on the page at `url` leads, as a site path without slashes around it."""
    path = href.split("#", 1)[0]
    return posixpath.normpath(posixpath.join(url, path)).strip("/") if path else url


def programme_links(page: BeautifulSoup, url: str, selector: str = "article a") -> list[str]:
    """Site paths of the programme pages that `selector` links to, in page order."""
    found = [target(url, a["href"]) for a in page.select(selector) if not a["href"].startswith("#")]
    return [path for path in found if re.fullmatch(r"programy/\d{7}-[^/]+/[^/]+", path)]
