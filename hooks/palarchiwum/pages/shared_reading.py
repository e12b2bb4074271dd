"""A programme's text as the comparison page shows it: its lines, without Markdown's markers,
cut where shared passages begin and end.

The words are programme.md's own, every one of them, in order; only the Markdown syntax that
``reuse/words.py`` sets aside (and heading, list and table markers) is not shown, so that the
marks of a passage never cut through the markup of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from palarchiwum.reuse.shared_text import SharedPair
from palarchiwum.reuse.words import blanked

_LINE_MARKERS = re.compile(r"^[ \t]*(?:#{1,6}[ \t]+|>[ \t]?)+")
_SYNTAX = re.compile(r"\*+|(?<![\w])_+|_+(?![\w])|`+|(?<=\s)\|(?=\s)|^\||\|$|\\(?=[^\w\s])")
_TABLE_RULE = re.compile(r"^[ \t|:-]+$")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Run:
    """Part of a line: plain text, or text of passage `passage`; `starts` on its first part,
    `ends` on its last."""

    text: str
    passage: int | None = None
    starts: bool = False
    ends: bool = False


@dataclass(frozen=True)
class Line:
    runs: tuple[Run, ...]
    heading: bool


def reading_lines(text: str, spans: list[tuple[int, int, int]]) -> list[Line]:
    """The text's lines, each cut into runs at the passages' edges; `spans` are (passage number,
    first character, character after the last) in programme.md, in order, not overlapping."""
    shown = blanked(text)
    lines: list[Line] = []
    offset = 0
    pending = sorted(spans, key=lambda s: s[1])
    for raw in shown.split("\n"):
        start, end = offset, offset + len(raw)
        offset = end + 1
        if not raw.strip() or _TABLE_RULE.match(raw):
            continue
        marker = _LINE_MARKERS.match(raw)
        heading = bool(marker and "#" in marker[0])
        first = start + (marker.end() if marker else 0)
        runs = _runs(shown, first, end, pending)
        if runs:
            lines.append(Line(tuple(runs), heading))
    return lines


def _runs(shown: str, start: int, end: int, spans: list[tuple[int, int, int]]) -> list[Run]:
    runs = []
    at = start
    for number, first, last in spans:
        if last <= start or first >= end:
            continue
        if first > at:
            runs.append(Run(_clean(shown[at:first])))
        inner_start, inner_end = max(first, start), min(last, end)
        runs.append(Run(_clean(shown[inner_start:inner_end]), number, first >= start, last <= end))
        at = inner_end
    if at < end:
        runs.append(Run(_clean(shown[at:end])))
    runs = [r for r in runs if r.text.strip() or r.passage is not None]
    if runs:
        runs[0] = Run(runs[0].text.lstrip(), runs[0].passage, runs[0].starts, runs[0].ends)
    return runs


def _clean(part: str) -> str:
    return _SPACES.sub(" ", _SYNTAX.sub(" ", part))


def pair_lines(pair: SharedPair) -> tuple[list[Line], list[Line]]:
    """Both texts of a pair, ready for the comparison page."""
    first = [(p.number, *p.first_chars) for p in pair.passages]
    second = [(p.number, *p.second_chars) for p in pair.passages]
    return reading_lines(pair.first.text, first), reading_lines(pair.second.text, second)


OPENING_WORDS = 8  # of a passage, in the list of passages


def passage_openings(pair: SharedPair) -> dict[int, str]:
    """Each passage's first words, as the first text has them (Markdown set aside)."""
    text = blanked(pair.first.text)
    found = {}
    for p in pair.passages:
        words = [
            w
            for w in _clean(text[p.first_chars[0] : p.first_chars[1]]).split()
            if any(c.isalnum() for c in w)
        ]
        found[p.number] = " ".join(words[:OPENING_WORDS])
    return found
