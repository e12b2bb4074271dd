"""Fidelity measure: how much of a source text survives in a published text.

The measure is the share of the source's 8-word sequences (lower-cased, punctuation and
whitespace normalised, list numbers ignored) that occur in the published text.
Run as a script to compare a source with a Markdown file:
``python tests/fidelity.py SOURCE.txt programme.md``.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

SHINGLE = 8
# A word is a run of letters or digits; everything else separates words.
_WORD = re.compile(r"[^\W_]+")
# List markers such as "1.", "2)", "a)", "iv." and bullets are layout, not words.
_LIST_NUMBER = re.compile(r"^(?:\d{1,3}|[a-z]|[ivxlc]{1,6})$")


def words(text: str) -> list[str]:
    """Lower-cased words of a text, with list numbers dropped."""
    return [w for w in _WORD.findall(text.lower()) if not _LIST_NUMBER.match(w)]


def shingles(text: str, size: int = SHINGLE) -> list[tuple[str, ...]]:
    """Every run of `size` consecutive words."""
    ws = words(text)
    return [tuple(ws[i : i + size]) for i in range(len(ws) - size + 1)]


def coverage(source: str, published: str) -> tuple[float, list[tuple[str, ...]]]:
    """Share of the source's shingles found in the published text, and the missing ones."""
    wanted = shingles(source)
    present = set(shingles(published))
    missing = [s for s in wanted if s not in present]
    share = 1.0 if not wanted else 1 - len(missing) / len(wanted)
    return share, missing


if __name__ == "__main__":
    src, pub = (Path(p).read_text(encoding="utf-8") for p in sys.argv[1:3])
    share, missing = coverage(src, pub)
    print(f"coverage: {share:.4f} ({len(missing)} of {len(shingles(src))} shingles missing)")
    for s in missing[:40]:
        print("  missing:", " ".join(s))
