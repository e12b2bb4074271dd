"""Every programme page carries its whole source text: at least 99% of its 8-word sequences."""

from __future__ import annotations

from pathlib import Path

import pytest

from fidelity import coverage, shingles, words
from pages import PROGRAMMES, article_text, records, soup

# (page, source) for every source attachment (role "zrodlo") a real record names.
SOURCES = [
    (url, PROGRAMMES / url.removeprefix("programy/") / attachment["plik"], record)
    for url, record in records()
    for attachment in record.get("zalaczniki") or []
    if attachment.get("rola") == "zrodlo"
]


def corrected(source: str, record: dict) -> str:
    """The source's words with the record's declared editorial corrections applied: what the
    page must hold (the corrections themselves are shown as editorial notes)."""
    found = words(source)
    for correction in record.get("poprawki_redakcyjne") or []:
        wrong, right = words(correction["zrodlo"]), words(correction["tekst"])
        i = 0
        while i <= len(found) - len(wrong):
            if found[i : i + len(wrong)] == wrong:
                found[i : i + len(wrong)] = right
                i += len(right)
            else:
                i += 1
    return " ".join(found)


def test_the_archive_has_sources_to_compare_with() -> None:
    assert SOURCES and all(source.is_file() for _, source, _ in SOURCES)


@pytest.mark.parametrize(("url", "source", "record"), SOURCES, ids=[url for url, _, _ in SOURCES])
def test_built_page_holds_the_source_text(real_site: Path, url: str, source: Path, record: dict) -> None:
    page = article_text(soup(real_site, url))
    share, missing = coverage(corrected(source.read_text(encoding="utf-8"), record), page)
    assert share >= 0.99, f"{share:.4f}; first missing: {[' '.join(m) for m in missing[:5]]}"


def test_the_measure_notices_a_dropped_paragraph() -> None:
    source = SOURCES[0][1].read_text(encoding="utf-8")
    paragraphs = source.split("\n\n")
    longest = max(paragraphs, key=len)
    share, _ = coverage(source, source.replace(longest, ""))
    assert share < 1 - len(shingles(longest)) / len(shingles(source)) / 2
