"""A programme's text as the comparison page shows it: its lines, without Markdown's markers,
cut where shared passages begin and end.

The words are programme.md's own, every one of them, in order; only the Markdown syntax that
``reuse/words.py`` sets aside (and heading, list and table markers) is not shown, so that the
marks of a passage never cut through the markup of the text.
"""

from __future__ import annotations

import itertools
import re
from typing import NamedTuple

from palarchiwum.reuse.shared_text import SharedPair
from palarchiwum.reuse.words import blanked

_LINE_MARKERS = re.compile(r"^[ \t]*(?:#{1,6}[ \t]+|>[ \t]?)+")
_SYNTAX = re.compile(r"\*+|`+|(?<=\s)\|(?=\s)|^\||\|$|\\(?=[^\w\s])", re.M)  # ("_" is blanked)
_TABLE_RULE = re.compile(r"^[ \t|:-]+$")
_SPACES = re.compile(r"\s+")
_SHOWN_WORD = re.compile(r"\S*[^\W_]\S*")  # a word of a passage's opening: with a letter or digit


class Run(NamedTuple):  # (tuples: a comparison page has thousands)
    """Part of a line: plain text, or text of passage `passage`; `starts` on its first part,
    `ends` on its last."""

    text: str
    passage: int | None = None
    starts: bool = False
    ends: bool = False


class Line(NamedTuple):
    runs: tuple[Run, ...]
    heading: bool


class _Shown(NamedTuple):
    start: int  # offsets in programme.md of the line's words (after its marker)
    end: int
    whole: Line  # the line without passages


class Reading:
    """A text as the comparison pages show it, read once for all its pairs: programme.md with
    Markdown's spans and syntax as spaces (every character keeps its offset), and its lines."""

    def __init__(self, text: str) -> None:
        self.shown = _SYNTAX.sub(lambda m: " " * len(m[0]), blanked(text))
        self._lines: list[_Shown] = []
        offset = 0
        for raw in self.shown.split("\n"):
            start, end = offset, offset + len(raw)
            offset = end + 1
            if not raw.strip() or _TABLE_RULE.match(raw):
                continue
            marker = _LINE_MARKERS.match(raw)
            first = start + (marker.end() if marker else 0)
            runs = _trimmed([Run(_spaced(self.shown[first:end]))])
            if runs:
                self._lines.append(_Shown(first, end, Line(tuple(runs), bool(marker and "#" in marker[0]))))

    def lines(self, spans: list[tuple[int, int, int]]) -> list[Line]:
        """The lines, each cut into runs at the passages' edges; `spans` are (passage number,
        first character, character after the last) in programme.md, not overlapping."""
        pending = sorted(spans, key=lambda s: s[1])
        found: list[Line] = []
        at = 0  # the first span that does not end before this line
        for line in self._lines:
            while at < len(pending) and pending[at][2] <= line.start:
                at += 1
            if at == len(pending) or pending[at][1] >= line.end:
                found.append(line.whole)
            elif runs := _trimmed(self._runs(line.start, line.end, pending, at)):
                found.append(Line(tuple(runs), line.whole.heading))
        return found

    def _runs(self, start: int, end: int, spans: list[tuple[int, int, int]], at: int) -> list[Run]:
        runs = []
        here = start
        for number, first, last in itertools.islice(spans, at, None):
            if first >= end:
                break
            if first > here:
                runs.append(Run(_spaced(self.shown[here:first])))
            inner_start, inner_end = max(first, start), min(last, end)
            runs.append(Run(_spaced(self.shown[inner_start:inner_end]), number, first >= start, last <= end))
            here = inner_end
        if here < end:
            runs.append(Run(_spaced(self.shown[here:end])))
        return runs

    def openings(self, spans: list[tuple[int, int, int]]) -> dict[int, str]:
        """Each passage's first OPENING_WORDS words (words with a letter or digit)."""
        words = _SHOWN_WORD.finditer
        return {
            number: " ".join(m[0] for m in itertools.islice(words(self.shown, first, last), OPENING_WORDS))
            for number, first, last in spans
        }


def _trimmed(runs: list[Run]) -> list[Run]:
    runs = [r for r in runs if r.text.strip() or r.passage is not None]
    if runs:
        runs[0] = runs[0]._replace(text=runs[0].text.lstrip())
    return runs


def _spaced(part: str) -> str:
    return _SPACES.sub(" ", part)


def pair_lines(pair: SharedPair, first: Reading, second: Reading) -> tuple[list[Line], list[Line]]:
    """Both texts of a pair, ready for the comparison page."""
    in_first, in_second = passage_spans(pair)
    return first.lines(in_first), second.lines(in_second)


def passage_spans(pair: SharedPair) -> tuple[list[tuple[int, int, int]], list[tuple[int, int, int]]]:
    """Each passage as (number, first character, character after the last), in either text."""
    return (
        [(p.number, *p.first_chars) for p in pair.passages],
        [(p.number, *p.second_chars) for p in pair.passages],
    )


OPENING_WORDS = 8  # of a passage, in the list of passages
