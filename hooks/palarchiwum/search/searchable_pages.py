"""Which pages the search indexes, and the words they carry that readers type without Polish letters."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from palarchiwum.records.slugs import ascii_fold

# The lookbehind starts matches at word starts only: without it every position inside a long word
# is tried again, which made this the slowest step of a page.
_WITH_L_STROKE = re.compile(r"(?<!\w)\w*[łŁ]\w*")


def searchable(meta: Mapping[str, Any], generated: bool) -> bool:
    """Whether the search indexes a page: hand-written pages unless they say `szukaj: false`,
    generated pages when they say `szukaj: true` (programmes, municipalities, first pages of terms).
    """
    return bool(meta.get("szukaj", not generated))


def latin_spellings(text: str) -> str:
    """The words of `text` that contain "ł", as typed without Polish letters ("żłobek" → "zlobek").

    Sorted and space-separated, so the same text always gives the same index.
    """
    return " ".join(sorted({ascii_fold(w).lower() for w in _WITH_L_STROKE.findall(text)}))


def asks_to_be_searched(markdown: str, front_matter: Callable[[str], Mapping[str, Any]]) -> bool:
    """Whether a generated page asks to be searched; its front matter is parsed only if it may."""
    head = markdown[: markdown.find("\n---", 3)] if markdown.startswith("---") else ""
    return "szukaj" in head and searchable(front_matter(markdown), generated=True)
