"""Every public page of the real archive in words a resident reads: no machinery, Polish right."""

from __future__ import annotations

from pathlib import Path

from public_text import clerks_pages, grammar_problems, technical_words


def test_the_clerks_guides_are_known_by_their_front_matter() -> None:
    assert {"dla-redakcji", "jak-dodac-program"} <= clerks_pages()


def test_no_public_page_shows_a_technical_word(real_site: Path) -> None:
    assert technical_words(real_site) == []


def test_the_archives_sentences_get_polish_cases_and_quotes_right(real_site: Path) -> None:
    assert grammar_problems(real_site) == []
