"""Lines of an extracted text that are no part of its running text: page furniture and contents.

A PDF extractor leaves in the text what stood at the edges of its pages: page numbers ("3",
"(3)", "- 3 -", "Strona 3 z 12"), e-signature footers ("Id: 7C1F…. Podpisany Strona 1"), a
running header repeating the title; and, near the start, a table of contents (entries with
dotted leaders or a page number after them). Each such line is kept, word for word, but stands
apart: it never joins a paragraph, a heading or a list item, and no part of the record is read
from it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from palarchiwum.records.source_words import is_page_number, is_rule

PAGE = "page"  # a page number standing alone between blank lines: a comment in the draft
FURNITURE = "furniture"  # a running header or footer, a page mark
CONTENTS = "contents"  # a table of contents: its title and its entries

_PAGE_MARK = re.compile(
    r"(?i)^(?:\(\d{1,3}\)|[-–—]\s*\d{1,3}\s*[-–—]|(?:strona|str\.)\s*\d{1,3}(?:\s*z\s*\d{1,3})?)$"
)
_SIGNATURE = re.compile(r"^Id:\s*[0-9A-F]{6,}(?:-[0-9A-F]{2,})+\b")
_PAGE_AT_END = re.compile(r"(?i)\bstrona\s+\d{1,3}\s+z\s+\d{1,3}$")
_CONTENTS_TITLE = re.compile(r"(?i)^(?:spis\s+treści|s\s*p\s*i\s*s\s+t\s*r\s*e\s*ś\s*c\s*i)\s*:?$")
_LEADER = re.compile(r"(?:\.\s?){4,}|…{2,}|_{4,}")
_LEADER_ENTRY = re.compile(r"(?:(?:\.\s?){3,}|…+)\s*\d{1,3}$")
_ENTRY = re.compile(r"^\D.{1,120}?\s\d{1,3}$")
_SENTENCE_END = re.compile(r"[.!?;:,]$")
_NUMBERED_HEADING = re.compile(
    r"^(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVXL]{1,6}\.|rozdział\s+\S+)\s*[^\W\d_]", re.IGNORECASE
)
_LETTER_WORD = re.compile(r"[^\W\d_]{2,}")
REPEATS = 3  # a line repeated this often, its page numbers aside, is a running header
REPEATED_WORDS = 4  # … when it has at least this many words


def shapes(texts: Sequence[str], blanks: Sequence[int]) -> list[str]:
    """For each line (whitespace collapsed; `blanks`: blank lines before it), what stands apart:
    PAGE, FURNITURE, CONTENTS, or "" for a line of the running text."""
    out = ["" for _ in texts]
    for i, text in enumerate(texts):
        if _page_number_alone(texts, blanks, i):
            out[i] = PAGE
        elif _PAGE_MARK.match(text) or _SIGNATURE.match(text) or _PAGE_AT_END.search(text) or is_rule(text):
            out[i] = FURNITURE
    _mark_repeated(texts, out)
    _mark_contents(texts, out)
    return out


def _page_number_alone(texts: Sequence[str], blanks: Sequence[int], i: int) -> bool:
    text = texts[i]
    # The page numbers the source check sets aside between blank lines; the draft keeps them as
    # comments, so that its words and the source's compare equal.
    if not is_page_number(text) or "--" in text:
        return False
    before = i == 0 or blanks[i] > 0
    after = i + 1 == len(texts) or blanks[i + 1] > 0
    return before and after


def _header_key(text: str) -> str:
    return re.sub(r"\d+", "#", text)


def _mark_repeated(texts: Sequence[str], out: list[str]) -> None:
    """Running headers: a line next to page furniture that repeats, or one repeated often."""
    counts = Counter(_header_key(t) for t in texts if len(_LETTER_WORD.findall(t)) >= 3 and len(t) <= 150)
    seen: set[str] = set()
    for i, text in enumerate(texts):
        key = _header_key(text)
        times, first = counts.get(key, 0), key not in seen
        seen.add(key)
        if out[i] or times < 2:
            continue
        beside = any(0 <= j < len(texts) and out[j] in (PAGE, FURNITURE) for j in (i - 1, i + 1))
        often = times >= REPEATS and len(_LETTER_WORD.findall(text)) >= REPEATED_WORDS and not first
        if beside or often:
            out[i] = FURNITURE


def _mark_contents(texts: Sequence[str], out: list[str]) -> None:
    """A table of contents: entries with dotted leaders anywhere; after a "Spis treści" line, the
    entries that follow it: with a page number after them or on the next line, or numbered
    headings, up to the line that repeats the first entry (where the text itself begins)."""
    first = ""  # the first entry's words: the body begins where they come again
    in_contents = False
    for i, text in enumerate(texts):
        if out[i]:
            continue
        if _CONTENTS_TITLE.match(text):
            out[i], in_contents, first = CONTENTS, True, ""
            continue
        if _LEADER_ENTRY.search(text) or len(_LEADER.findall(text)) >= 2:
            out[i] = CONTENTS
            first = first or (_words_key(text) if in_contents else "")
            continue
        if not in_contents:
            continue
        key = _words_key(text)
        paged = i + 1 < len(texts) and texts[i + 1].isdigit() and len(texts[i + 1]) <= 3
        heading = _NUMBERED_HEADING.match(text) and len(text) <= 100 and not _SENTENCE_END.search(text)
        if (first and key == first) or not (_ENTRY.match(text) or text.isdigit() or paged or heading):
            in_contents = False
            continue
        out[i] = CONTENTS
        first = first or key


def _words_key(text: str) -> str:
    return "".join(_LETTER_WORD.findall(text.lower()))


def is_contents(text: str) -> bool:
    """Whether a block's text reads as table-of-contents entries (dotted leaders, page numbers)."""
    return len(_LEADER.findall(text)) >= 2 or (
        bool(_LEADER_ENTRY.search(text)) and not _SENTENCE_END.search(text)
    )
