"""Which pages the search indexes, and how their words are spelled for the index."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

# Pagefind folds diacritics by Unicode decomposition, which "ł" has none of. Indexed as "l" with
# a combining overlay, "ł" folds like the other Polish letters: "Wałbrzych" is indexed as
# "walbrzych", the word a reader types without Polish letters. The search page folds every query
# the same way and puts "ł" back in what it shows (docs/assets/szukaj.js, L_OVERLAY).
L_OVERLAY = "\u0337"  # COMBINING SHORT SOLIDUS OVERLAY: "l̷" looks like "ł" even where it stays
_INDEXED_LETTERS = str.maketrans({"ł": "l" + L_OVERLAY, "Ł": "L" + L_OVERLAY})


def searchable(meta: Mapping[str, Any], generated: bool) -> bool:
    """Whether the search indexes a page: hand-written pages unless they say `szukaj: false`,
    generated pages when they say `szukaj: true` (programmes, municipalities, first pages of terms).
    """
    return bool(meta.get("szukaj", not generated))


def indexed_spelling(text: str) -> str:
    """`text` as the index gets it: "ł" as "l" with an overlay, which Pagefind folds to "l"."""
    return text.translate(_INDEXED_LETTERS)


def asks_to_be_searched(markdown: str, front_matter: Callable[[str], Mapping[str, Any]]) -> bool:
    """Whether a generated page asks to be searched; its front matter is parsed only if it may."""
    head = markdown[: markdown.find("\n---", 3)] if markdown.startswith("---") else ""
    return "szukaj" in head and searchable(front_matter(markdown), generated=True)
