"""What every built archive must show for every programme it holds, whatever its records say.

The expectations come from the project's own files (records, gmina.yml), never from a list typed
in, so the same checks run on the real archive and on an archive grown by programmes no test saw.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml
from bs4 import BeautifulSoup, Tag

from pages import soup
from public_text import paired

MISSING = "brak w dokumencie źródłowym"
MISSING_PART = "brak w części tekstu, którą ma archiwum"


def project_records(project: Path) -> list[tuple[str, dict]]:
    """(key, record) of every programme under the project's programmes folder."""
    return [
        (f"{path.parent.parent.name}/{path.parent.name}", yaml.safe_load(path.read_text(encoding="utf-8")))
        for path in sorted((project / "programmes").glob("*/*/programme.yml"))
    ]


def violations(project: Path, site: Path) -> list[str]:
    """Every way a programme's pages and data fall short, as readable lines; [] when none."""
    found: list[str] = []
    for listing in ("", "programy", "gminy"):  # the pages that list programmes with their periods
        text = " ".join(soup(site, listing).get_text(" ").split())
        found += [f"/{listing}: a period reads {year}–{year}" for year in re.findall(r"\b(\d{4})–\1\b", text)]
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for key, record in project_records(project):
        url = f"programy/{key}"
        page = soup(site, url)
        found += [f"{url}: {problem}" for problem in _page_problems(page, record)]
        if f"/{url}/</loc>" not in sitemap:
            found.append(f"{url}: not in sitemap.xml")
        municipality = soup(site, f"gminy/{key.split('/')[0]}")
        if not municipality.select(f'article a[href*="{key.split("/")[1]}/"]'):
            found.append(f"{url}: its municipality's page does not link to it")
        data = json.loads((site / "dane/programy" / f"{key}.json").read_text(encoding="utf-8"))
        if (data["tekst_niepelny"] is None) != (not record.get("tekst_niepelny")):
            found.append(f"{url}: open data's tekst_niepelny does not say what the record says")
    return found


def _page_problems(page: BeautifulSoup, record: dict) -> list[str]:
    article = page.select_one("article")
    text = " ".join(article.get_text(" ").split())
    problems = []
    title = " ".join(article.select_one("h1").get_text(" ").replace("¶", "").split())
    # The record's title, its quotation marks paired as Polish writes them („…”).
    if _unquoted(title) != _unquoted(" ".join(record["tytul"].split())) or not paired(title):
        problems.append(f"h1 is {title!r}, the record's title is {record['tytul']!r}")
    for repeated in re.findall(r"\b(\d{4})–\1\b", text):
        problems.append(f"a period reads {repeated}–{repeated}")
    problems += [f"heading {h!r} has nothing under it" for h in _empty_headings(article)]
    banner = page.select_one(".admonition.warning")
    partial = bool(record.get("tekst_niepelny"))
    if partial and (banner is None or "tylko część tekstu" not in banner.get_text()):
        problems.append("an incomplete text does not say so at the top")
    if partial and MISSING in text:
        problems.append(f"an incomplete text says {MISSING!r}")
    if not partial and MISSING_PART in text:
        problems.append(f"a complete text says {MISSING_PART!r}")
    if not record.get("cel_glowny") and (MISSING_PART if partial else MISSING) not in _answer(
        article, "Po co"
    ):
        problems.append("no main goal, and „Po co” does not say so")
    return problems


def _unquoted(text: str) -> str:
    return re.sub('["„”“]', "", text)


def _answer(article: Tag, label: str) -> str:
    """The answer of one line of the "W skrócie" box."""
    for term in article.select(".pal-skrot dt"):
        if term.get_text(strip=True) == label:
            return " ".join(term.find_next_sibling("dd").get_text(" ").split())
    return ""


def _empty_headings(article: Tag) -> list[str]:
    """The archive's own headings followed at once by a heading of the same or a higher level, or
    by nothing. The document's headings (in .pal-tekst) are the clerk's transcription."""
    empty = []
    for heading in article.find_all(re.compile(r"^h[2-4]$")):
        if heading.find_parent(class_="pal-tekst"):
            continue
        after = heading.find_next(lambda tag: isinstance(tag, Tag) and tag.name not in ("a", "span"))
        level = int(heading.name[1])
        if after is None or (re.fullmatch(r"h[1-6]", after.name or "") and int(after.name[1]) <= level):
            empty.append(heading.get_text(strip=True).rstrip("¶"))
    return empty
