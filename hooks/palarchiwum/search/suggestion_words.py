"""The archive's words, for a query that finds nothing: the search page suggests the closest.

Written beside the index as small files by the words' first two letters without Polish letters
(``slowa/ke.json`` holds "kętrzyn", "kętrzynie", …), so that a query downloads one file of them.
Each word comes with the number of searchable pages that have it, the most common first: the
search page prefers those among equally close words.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from palarchiwum.records.slugs import ascii_fold

FOLDER = "slowa"
_WORD = re.compile(r"[^\W\d_]{3,}")
_MARKUP = re.compile(r"<[^>]*>|\]\([^)\s]*\)|\{[^}\n]*\}")  # HTML tags, link targets, attribute lists


def shard_of(word: str) -> str:
    """The file a word is written to: its first two letters, lower case, without Polish letters."""
    key = ascii_fold(word).lower()[:2]
    return key if re.fullmatch(r"[a-z]{2}", key) else "_"


class SuggestionWords:
    """Counts, across the searchable pages, the pages each word is on."""

    def __init__(self) -> None:
        self._pages: Counter[str] = Counter()

    def add(self, markdown: str) -> None:
        self._pages.update({w.lower() for w in _WORD.findall(_MARKUP.sub(" ", markdown))})

    def write(self, bundle: Path) -> int:
        """The word files under `bundle`/slowa/; how many."""
        shards: dict[str, list[tuple[str, int]]] = {}
        for word, pages in self._pages.items():
            shards.setdefault(shard_of(word), []).append((word, pages))
        folder = bundle / FOLDER
        folder.mkdir(parents=True, exist_ok=True)
        for key, words in shards.items():
            words.sort(key=lambda w: (-w[1], w[0]))
            text = json.dumps(words, ensure_ascii=False, separators=(",", ":"))
            (folder / f"{key}.json").write_text(text + "\n", encoding="utf-8")
        return len(shards)
