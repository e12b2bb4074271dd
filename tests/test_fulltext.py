"""Deep links: each quoted item's anchor sits where the item was quoted from."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import PROGRAMME_MD, PROGRAMME_YML, write_archive
from palarchiwum.pages.full_text import anchored_segments, shift_headings
from palarchiwum.records.archive import build_archive


def anchors_before(segments, anchor: str) -> str:
    """The text that follows the anchor, up to the next line break."""
    for segment in segments:
        if anchor in segment.anchors:
            return segment.text.split("\n", 1)[0]
    raise AssertionError(f"no anchor {anchor}")


def test_document_headings_sit_below_the_page_sections() -> None:
    assert shift_headings("# Uchwała\n\n## I. Cele\n\n#### 1.1\n\ntekst # nie nagłówek") == (
        "### Uchwała\n\n#### I. Cele\n\n###### 1.1\n\ntekst # nie nagłówek"
    )


def test_anchor_lands_on_the_quote(tmp_path: Path) -> None:
    write_archive(tmp_path / "programmes")
    (programme,) = build_archive(tmp_path / "programmes", tmp_path, dt.date(2021, 1, 1)).programmes
    segments = anchored_segments(programme)
    assert anchors_before(segments, "tekst-c2").startswith("Rozwój wolontariatu.")
    assert anchors_before(segments, "tekst-a1").startswith("osoby bezrobotne.")
    assert "".join(s.text for s in segments) == shift_headings(programme.text)


def test_a_repeated_quote_is_anchored_in_its_own_section(tmp_path: Path) -> None:
    # "osoby bezrobotne" now also occurs in the goals, before the addressees section.
    text = PROGRAMME_MD.replace(
        "2. Rozwój wolontariatu.",
        "2. Rozwój wolontariatu.\n3. Wsparcie, które obejmie osoby bezrobotne oraz ich rodziny.",
    ).replace("Program kierujemy", "Program kierujemy na osoby starsze oraz")
    record = PROGRAMME_YML.replace(
        "    brzmienie: osoby bezrobotne",
        "    brzmienie: osoby bezrobotne\n"
        "  - id: a2\n    grupy: [osoby-starsze]\n    brzmienie: osoby starsze",
    )
    write_archive(tmp_path / "programmes", text=text, record=record)
    (programme,) = build_archive(tmp_path / "programmes", tmp_path, dt.date(2021, 1, 1)).programmes
    segments = anchored_segments(programme)
    assert anchors_before(segments, "tekst-a1").startswith("osoby bezrobotne.")
