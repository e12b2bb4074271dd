"""Every programme page carries its whole source text: at least 99% of its 8-word sequences."""

from __future__ import annotations

from pathlib import Path

import pytest

from fidelity import coverage, shingles
from pages import PROGRAMMES, article_text, soup

SOURCES = sorted(PROGRAMMES.glob("*/*/attachments/zrodlo.txt"))


def test_every_programme_keeps_its_source() -> None:
    assert len(SOURCES) == len(list(PROGRAMMES.glob("*/*/programme.yml"))) == 5


@pytest.mark.parametrize("source", SOURCES, ids=[s.parent.parent.name for s in SOURCES])
def test_built_page_holds_the_source_text(real_site: Path, source: Path) -> None:
    url = f"programy/{source.parent.parent.parent.name}/{source.parent.parent.name}"
    page = article_text(soup(real_site, url))
    share, missing = coverage(source.read_text(encoding="utf-8"), page)
    assert share >= 0.99, f"{share:.4f}; first missing: {[' '.join(m) for m in missing[:5]]}"


def test_the_measure_notices_a_dropped_paragraph() -> None:
    source = SOURCES[0].read_text(encoding="utf-8")
    paragraphs = source.split("\n\n")
    longest = max(paragraphs, key=len)
    share, _ = coverage(source, source.replace(longest, ""))
    assert share < 1 - len(shingles(longest)) / len(shingles(source)) / 2
