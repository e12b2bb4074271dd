"""Every public page of the real archive in words a resident reads: no machinery, Polish right."""

from __future__ import annotations

from pathlib import Path

from public_text import clerks_pages, public_text_problems


def test_the_clerks_guides_are_known_by_their_front_matter() -> None:
    assert {"dla-redakcji", "jak-dodac-program"} <= clerks_pages()


def test_no_public_page_shows_a_technical_word_and_its_polish_is_right(real_site: Path) -> None:
    found = public_text_problems(real_site)
    assert found["technical"] == []
    assert found["grammar"] == []
