"""What a line of an extracted text is by its own shape: a heading ("II. Cele programu",
"Rozdział 3", a line in capitals or in bold), a list item (bullets of word processors, "1.",
"2)", "(3)", "a)", "iv.", "2.1"), a footnote ("1 Strategia …"), or running text; and the
Markdown block a text is made of.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .page_furniture import CONTENTS, FURNITURE, PAGE

# Bullet glyphs of word processors. Symbol and Wingdings bullets land in the private use area
# (U+F0B7 and a few others); no other private-use character is taken for a bullet.
_GLYPH_BULLET = re.compile(r"^[•·▪■◦●○►➢➤✓✔\uf0b7\uf0a7\uf0a8\uf0d8\uf0fc\uf076\uf06e\uf0e8]\s*(?=\S)")
_DASH_BULLET = re.compile(r"^[-–—*]\s+(?=\S)")
_NUMBERED = re.compile(r"^(?:(\d{1,2})([.)])|\((\d{1,2})\)|([a-z])\)|([ivx]{1,5})([.)]))\s+(?=\S)")
_SUBNUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2})+)\.?\s+(?=\S)")
_ROMAN = re.compile(r"^(X{0,3}(?:IX|IV|V?I{0,3}))(\.?)\s*(?=[A-ZĄĆĘŁŃÓŚŹŻ„\"])")
_CHAPTER = re.compile(r"^(?:rozdział|część)\s+(?:[IVXL]+|\d{1,2})\b", re.IGNORECASE)
MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*$")
_BOLD_LINE = re.compile(r"^\*\*([^*]+)\*\*(:?)$")
FOOTNOTE = re.compile(r"^\d{1,3} [A-ZĄĆĘŁŃÓŚŹŻ][a-ząćęłńóśźż]")
# Markdown list markers Python-Markdown (with pymdownx.fancylists) understands.
_MARKDOWN_LIST = re.compile(r"^(?:\d{1,2}[.)]|[a-z]\)|[ivx]{1,5}[.)])$")

# A point labelled by what it is: "Zadanie 1.", "Projekt 2.", "Cel strategiczny 3.", "Cel 1:".
LABELLED = re.compile(
    r"^((?:Zadanie|Projekt|Działanie|Priorytet|Kierunek(?:\s+działań)?|Obszar(?:\s+strategiczny)?"
    r"|Cel(?:\s+(?:strategiczny|operacyjny|szczegółowy|kierunkowy))?))\s+(\d{1,2}|[IVX]{1,4})[.:]\s+(?=\S)"
)
HEADING_MAX = 150  # a longer line is text, whatever it starts with
TITLE = "title"  # the style of the document's own title (title_lines)
APART = frozenset({TITLE, PAGE, CONTENTS, FURNITURE})  # blocks nothing joins


@dataclass(frozen=True)
class Block:
    """One Markdown block: a heading, a paragraph or a list item (text without its marker)."""

    kind: str  # "heading" | "paragraph" | "item"
    text: str
    level: int = 0  # headings: 1–6
    marker: str = ""  # items: the marker as printed ("1)", "a)", "2.1"); "-" for bullets
    style: str = ""  # items: "1)", "1.", "(1)", "a)", "i.", "1.1" or "-"; headings: how recognised
    number: int = 0  # items numbered with digits: the number
    depth: int = 0  # items: 0 for a top-level list, 1 for a list inside an item
    lines: tuple[str, ...] = ()  # the source lines it was joined from (whitespace collapsed)

    @property
    def as_list(self) -> bool:
        """Whether the item is a Markdown list item (else it stays a numbered paragraph)."""
        return self.kind == "item" and (self.marker == "-" or bool(_MARKDOWN_LIST.match(self.marker)))


def line_kind(text: str, after_break: bool) -> str | None:
    """What a line starts by itself: "heading", "item", "footnote", or None for running text."""
    if heading_of(text) is not None:
        return "heading"
    if item_of(text, after_break) is not None:
        return "item"
    if FOOTNOTE.match(text):
        return "footnote"
    return None


def heading_of(text: str) -> Block | None:
    """A heading the line is by its own shape, or None."""
    md = MD_HEADING.match(text)
    if md:
        inner = md.group(2)
        bold = _BOLD_LINE.match(inner)
        return Block("heading", _unbold(bold) if bold else inner, len(md.group(1)), style="md")
    if len(text) > HEADING_MAX or text.endswith((",", ";")):
        return None
    roman = _ROMAN.match(text)
    if roman and roman.group(1) and (roman.group(2) or roman.group(1) != "I") and not _NUMBERED.match(text):
        return Block("heading", text, 2, style="roman")
    if _CHAPTER.match(text):
        return Block("heading", text, 2, style="roman")
    bold = _BOLD_LINE.match(text)
    if bold and len(text) <= 100:
        return Block("heading", _unbold(bold), 2, style="bold")
    letters = [ch for ch in text if ch.isalpha()]
    capitals = len(letters) >= 4 and not any(ch.islower() for ch in letters) and len(text) <= 100
    if capitals and item_of(text, after_break=True) is None:
        return Block("heading", text, 2, style="caps")
    return None


def _unbold(match: re.Match[str]) -> str:
    return match.group(1).strip() + match.group(2)


def item_of(text: str, after_break: bool) -> Block | None:
    """The list item the line starts, or None. A dash starts an item only after a break."""
    glyph = _GLYPH_BULLET.match(text) or (_DASH_BULLET.match(text) if after_break else None)
    if glyph:
        return Block("item", text[glyph.end() :], marker="-", style="-")
    sub = _SUBNUMBERED.match(text)
    if sub:
        return Block("item", text[sub.end() :], marker=text[: sub.end()].strip(), style="1.1")
    numbered = _NUMBERED.match(text)
    if not numbered:
        return None
    marker = text[: numbered.end()].strip()
    digits, dot_or_paren, in_parens, letter, _, roman_end = numbered.groups()
    if digits:
        style, number = f"1{dot_or_paren}", int(digits)
    elif in_parens:
        style, number = "(1)", int(in_parens)
    elif letter:
        style, number = "a)", 0
    else:
        style, number = f"i{roman_end}", 0
    return Block("item", text[numbered.end() :], marker=marker, style=style, number=number)
