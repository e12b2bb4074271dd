"""Finding the record's quotes in the document text.

A quote matches when it occurs in ``programme.md`` once whitespace is collapsed and Markdown
markup that is not words (emphasis markers, footnote references, backslash escapes) is ignored.
The match is mapped back to an offset in the raw Markdown, so a deep link can be placed there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Markup skipped when comparing: footnote references, emphasis markers, escapes.
_MARKUP = re.compile(r"\[\^[^\]\s]+\]|\*+|\\(?=[^\w\s])")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class NormalisedText:
    """A text with markup removed and whitespace collapsed, remembering raw offsets."""

    text: str
    offsets: tuple[int, ...]  # offsets[i] = position in the raw text of text[i]

    @classmethod
    def of(cls, raw: str) -> NormalisedText:
        chars: list[str] = []
        offsets: list[int] = []
        pos = 0
        for match in _MARKUP.finditer(raw):
            _append_collapsed(raw, pos, match.start(), chars, offsets)
            pos = match.end()
        _append_collapsed(raw, pos, len(raw), chars, offsets)
        return cls("".join(chars), tuple(offsets))

    def find(self, quote: str) -> int | None:
        """Raw offset where the quote first starts, or None when it does not occur."""
        found = self.find_all(quote)
        return found[0] if found else None

    def find_all(self, quote: str) -> list[int]:
        """Raw offsets of every place the quote starts (whole words only)."""
        needle = normalise(quote)
        if not needle:
            return []
        found = []
        start = self.text.find(needle)
        while start != -1:
            if self._whole_words(start, start + len(needle)):
                found.append(self.offsets[start])
            start = self.text.find(needle, start + 1)
        return found

    def _whole_words(self, start: int, end: int) -> bool:
        """Whole words only: "media" must not match inside "medialnych"."""
        text = self.text
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        return not (_is_word(before) and _is_word(text[start])) and not (
            _is_word(after) and _is_word(text[end - 1])
        )


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _append_collapsed(raw: str, start: int, end: int, chars: list[str], offsets: list[int]) -> None:
    for i in range(start, end):
        ch = raw[i]
        if ch.isspace():
            if chars and chars[-1] != " ":
                chars.append(" ")
                offsets.append(i)
            continue
        chars.append(ch)
        offsets.append(i)


def normalise(text: str) -> str:
    """Collapse whitespace and drop non-word Markdown markup."""
    return _SPACE.sub(" ", _MARKUP.sub("", text)).strip()
