"""The words of a programme's text and of its source, with layout set aside, for comparison.

What is normalised, and nothing else (the clerks' guide lists the same rules):

- **Whitespace**: line breaks, doubled spaces, tabs and non-breaking spaces separate words and
  are not compared.
- **Hyphenation**: a word split by a hyphen at the end of a line (a blank line may follow, as in
  double-spaced extractions) is joined, and a hyphen between
  two letters inside a word is not compared ("opiekuńczo-wychowawczy" reads as
  "opiekuńczowychowawczy" in both texts), so that a line-end hyphen never counts as a change.
- **Page numbers and running headers**: a line between blank lines that holds only a page
  number of up to three digits ("3", "- 3 -", "Strona 3 z 12", "str. 3", "3/12"), in the source
  only (in programme.md a number is what the clerk wrote); and, where the source keeps page breaks
  (form feeds), a first or last line of a page repeated on two or more pages.
- **Footnote markers**: the source's marker (a number stuck to the word or quote before it,
  "społecznego”1.", or a superscript digit) and Markdown's ``[^1]``; a footnote's text may stand
  at the bottom of its page in the source and at the end in ``programme.md``.
- **Lists**: bullets (• · ▪ – - * …) at the start of a line, and the dot or bracket after an
  item's number ("1.", "1)"), letter ("a)") or Roman numeral ("IV.") at the start of a line:
  the number or letter itself is compared.
- **Markup**: Markdown's emphasis, headings, quotes, tables and escapes (the characters
  ``* _ # | > ` ~`` are not compared in either text), links (their text is compared, not their
  address), footnote and attribute syntax, HTML tags and comments, invisible format characters
  (soft hyphens, zero-width spaces).

Every other character is compared as written: letters and their case, digits, punctuation, quotes
and dashes.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import NamedTuple

_NEWLINE = re.compile("\n")
# A word (letters), a number, or one punctuation character.
_TOKEN = re.compile(r"[^\W\d_]+|\d+|[^\w\s]")
_NOT_COMPARED = re.compile(r"[*_#|>`~]")
_FORMAT_CHARACTERS = re.compile(r"[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]")
_SUPERSCRIPT_DIGITS = re.compile(r"[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+")
# Led by the hyphen itself, so that the engine looks for "-" and nothing else (speed).
_LINE_END_HYPHEN = re.compile(r"-(?<=[^\W\d_]-)[ \t]*(\n(?:[ \t]*\n)?)[ \t]*([^\W\d_]+)")
_IN_WORD_HYPHEN = re.compile(r"-(?<=[^\W\d_]-)(?=[^\W\d_])")
_BULLET = re.compile(r"(?m)^[ \t]*[-*+•·▪●◦■□►▸‣⁃–—][ \t]+")
_ENUMERATOR = re.compile(
    r"(?m)^([ \t]*(?:\d{1,3}(?=[.)])|[A-Za-z](?=\))|[IVX](?=\.)|[ivxlcdmIVXLCDM]{2,8}(?=[.)])))[.)](?=[ \t])"
)
_RULE = re.compile(r"(?m)^[ \t]*([-*_=])(?:[ \t]*\1){2,}[ \t]*$")
# A page number stands alone, between blank lines (a year or a wrapped number does not).
_PAGE_NUMBER = re.compile(
    r"(?i)[ \t]*(?:[-–—][ \t]*)?(?:(?:strona|str\.?|s\.)[ \t]*)?\d{1,3}"
    r"(?:[ \t]*(?:/|z|of)[ \t]*\d{1,3})?(?:[ \t]*[-–—])?[ \t]*"
)
_PAGE_NUMBER_AT_MOST = 24  # characters: longer lines are never only a page number
# Markdown only.
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_FOOTNOTE_DEFINITION = re.compile(r"^\[\^([^\]\s]+)\]:[ \t]?")
_FOOTNOTE_REFERENCE = re.compile(r"\[\^[^\]\s]+\]")
_ATTRIBUTE_LIST = re.compile(r"\{:?[ \t]*[#.:][^}\n]*\}|\{:[^}\n]*\}")
_TAG = re.compile(r"</?[A-Za-z][^>\n]*>")
_LINK = re.compile(r"\[([^\]\n]*)\]\([^)\n]*\)")
_REFERENCE_DEFINITION = re.compile(r"(?m)^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S.*$")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_TABLE_RULE = re.compile(r"(?m)^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*(?::?-{3,}:?)?[ \t]*$")
_ENTITY = re.compile(r"&(?:nbsp|#160|#xa0);", re.I)
# A number stuck to a letter or to one of these is a footnote marker in an extracted text.
_MARKER_FOLLOWS = frozenset('”"»’)')
_NUMBER = re.compile(r"\d+")


class Token(NamedTuple):
    """One compared unit of a text, where it stands, and its line (from 1)."""

    text: str
    line: int
    start: int
    end: int


@dataclass(frozen=True)
class Words:
    """A text's compared units in order, and the normalised text they were found in. Where each
    stands is found only on demand (``located``): for a text that differs from its source."""

    texts: list[str]
    normalised: str

    @classmethod
    def of(cls, normalised: str) -> Words:
        return cls(_TOKEN.findall(normalised), normalised)

    def located(self) -> list[Token]:
        return _tokens(self.normalised)


@dataclass(frozen=True)
class MarkdownWords:
    """programme.md's words: the body in reading order, and each footnote's label and text."""

    body: Words
    footnotes: dict[str, list[Token]]


def source_words(text: str, footnote_labels: frozenset[str] = frozenset()) -> Words:
    """The words of an extracted source text, layout set aside; numbers stuck to a word that
    match one of ``programme.md``'s footnote labels are taken as the source's footnote markers."""
    text = _SUPERSCRIPT_DIGITS.sub(" ", _FORMAT_CHARACTERS.sub("", text))
    text = _page_numbers_removed(_running_headers_removed(text).replace("\f", "\n\n"))
    text = _layout_removed(_LINE_END_HYPHEN.sub(lambda m: m[2] + m[1], text))
    if footnote_labels:
        text = _markers_removed(text, footnote_labels)
    return Words.of(text)


def _markers_removed(text: str, labels: frozenset[str]) -> str:
    """Blank each number stuck to a letter or a closing quote that is a footnote's label."""

    def blanked(found: re.Match[str]) -> str:
        before = text[found.start() - 1] if found.start() else " "
        marker = found[0] in labels and (before.isalpha() or before in _MARKER_FOLLOWS)
        return " " * len(found[0]) if marker else found[0]

    return _NUMBER.sub(blanked, text)


def markdown_words(text: str) -> MarkdownWords:
    """The words of programme.md, its Markdown set aside; footnotes apart from the body."""
    text = _COMMENT.sub(lambda m: "\n" * m[0].count("\n"), _FORMAT_CHARACTERS.sub("", text))
    text = _SUPERSCRIPT_DIGITS.sub(" ", _ENTITY.sub(" ", text))
    body_lines, note_lines, labels = _footnotes_apart(text.split("\n"))
    footnotes: dict[str, list[Token]] = {}
    if labels:
        for token in _tokens(_markdown_layout_removed("\n".join(note_lines))):
            footnotes.setdefault(labels[token.line], []).append(token)
    return MarkdownWords(Words.of(_markdown_layout_removed("\n".join(body_lines))), footnotes)


def words_of(text: str) -> list[str]:
    """A passage (as a clerk writes it in a record) in the same tokens, for matching."""
    return _TOKEN.findall(_markdown_layout_removed(text))


def _footnotes_apart(lines: list[str]) -> tuple[list[str], list[str], dict[int, str]]:
    """Footnote definitions (``[^1]: …`` and their indented continuation lines) moved out of
    the body; both keep every line, so that tokens keep their line numbers."""
    body, notes, labels = [], [], {}
    label = None
    for number, line in enumerate(lines, 1):
        found = _FOOTNOTE_DEFINITION.match(line)
        if found:
            label = found[1]
            line = f"{label} {line[found.end() :]}"
        elif label is not None and not (line.startswith(("    ", "\t")) or not line.strip()):
            label = None
        if label is None:
            body.append(line)
            notes.append("")
        else:
            body.append("")
            notes.append(line)
            labels[number] = label
    return body, notes, labels


def _markdown_layout_removed(text: str) -> str:
    return _layout_removed(_markdown_syntax_removed(text))


def _markdown_syntax_removed(text: str) -> str:
    text = _REFERENCE_DEFINITION.sub("", _TABLE_RULE.sub("", text))
    text = _FOOTNOTE_REFERENCE.sub(" ", _ATTRIBUTE_LIST.sub(" ", text))
    text = _LINK.sub(r"\1", _TAG.sub(" ", text))
    return _ESCAPE.sub(r"\1", text)


def _layout_removed(text: str) -> str:
    text = _NOT_COMPARED.sub(" ", _RULE.sub("", text))
    text = _ENUMERATOR.sub(r"\1", _BULLET.sub(" ", text))
    return _IN_WORD_HYPHEN.sub("", text)


def is_rule(line: str) -> bool:
    """Whether a line is a rule drawn with characters ("-----", "* * *"): layout, set aside in both
    texts (and kept apart by import, see clerk/importing)."""
    return _RULE.fullmatch(line) is not None


def is_page_number(line: str) -> bool:
    """Whether a line is only a page number ("3", "- 3 -", "Strona 3 z 12"): set aside in a source
    when it stands between blank lines (and kept apart by import, see clerk/importing)."""
    return len(line) <= _PAGE_NUMBER_AT_MOST and _PAGE_NUMBER.fullmatch(line) is not None


def _page_numbers_removed(text: str) -> str:
    lines = text.split("\n")
    last = len(lines) - 1
    for i, line in enumerate(lines):
        if (
            is_page_number(line)
            and (i == 0 or not lines[i - 1].strip())
            and (i == last or not lines[i + 1].strip())
        ):
            lines[i] = ""
    return "\n".join(lines)


def _running_headers_removed(text: str) -> str:
    """Blank the first and last line of each page that repeat on two pages or more."""
    pages = text.split("\f")
    if len(pages) < 3:
        return text
    edges: dict[str, int] = {}
    split = [page.split("\n") for page in pages]
    for lines in split:
        for line in _edge_lines(lines):
            key = _header_key(line)
            edges[key] = edges.get(key, 0) + 1
    for lines in split:
        for i in _edge_indexes(lines):
            if edges.get(_header_key(lines[i]), 0) >= 2:
                lines[i] = ""
    return "\f".join("\n".join(lines) for lines in split)


def _edge_indexes(lines: list[str]) -> list[int]:
    filled = [i for i, line in enumerate(lines) if line.strip()]
    return sorted({filled[0], filled[-1]}) if filled else []


def _edge_lines(lines: list[str]) -> list[str]:
    return [lines[i] for i in _edge_indexes(lines)]


def _header_key(line: str) -> str:
    """A header's text with its page number left out: "Strona 3" and "Strona 4" repeat."""
    return re.sub(r"\d+", "#", " ".join(line.split()))


def _tokens(text: str) -> list[Token]:
    breaks = [m.start() for m in _NEWLINE.finditer(text)]
    return [
        Token(m[0], bisect.bisect_left(breaks, m.start()) + 1, m.start(), m.end())
        for m in _TOKEN.finditer(text)
    ]
