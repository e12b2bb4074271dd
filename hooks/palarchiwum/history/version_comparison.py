"""Comparing two versions of a text: which lines changed, and within them which words."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

_WORDS = re.compile(r"\s+|[^\s]+")


@dataclass(frozen=True)
class Piece:
    kind: str  # "same", "ins" or "del"
    text: str


@dataclass(frozen=True)
class Line:
    """One line of a comparison; a "gap" stands for `skipped` unchanged lines left out."""

    kind: str  # "same", "changed", "added", "removed" or "gap"
    pieces: tuple[Piece, ...] = ()
    skipped: int = 0


@dataclass(frozen=True)
class Comparison:
    lines: tuple[Line, ...]
    added: int  # words
    removed: int

    @property
    def unchanged(self) -> bool:
        return not self.added and not self.removed


def compare(old: str | None, new: str | None, context: int = 1) -> Comparison:
    """Lines of `new` against `old`, unchanged runs shortened to `context` lines around changes."""
    before, after = (old or "").splitlines(), (new or "").splitlines()
    lines: list[Line] = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            lines += _unchanged(before[i1:i2], context, first=i1 == 0, last=i2 == len(before))
        elif tag == "delete":
            lines += [Line("removed", (Piece("del", text),)) for text in before[i1:i2]]
        elif tag == "insert":
            lines += [Line("added", (Piece("ins", text),)) for text in after[j1:j2]]
        else:
            lines += _replaced(before[i1:i2], after[j1:j2])
    added = sum(_count(p.text) for line in lines for p in line.pieces if p.kind == "ins")
    removed = sum(_count(p.text) for line in lines for p in line.pieces if p.kind == "del")
    return Comparison(tuple(lines), added, removed)


def _unchanged(run: list[str], context: int, first: bool, last: bool) -> list[Line]:
    keep_start = 0 if first else context
    keep_end = 0 if last else context
    if len(run) <= keep_start + keep_end + 1:
        return [Line("same", (Piece("same", text),)) for text in run]
    head = [Line("same", (Piece("same", text),)) for text in run[:keep_start]]
    tail = [Line("same", (Piece("same", text),)) for text in run[len(run) - keep_end :]]
    return [*head, Line("gap", skipped=len(run) - keep_start - keep_end), *tail]


def _replaced(before: list[str], after: list[str]) -> list[Line]:
    """Changed lines side by side word by word; surplus lines as wholly removed or added."""
    lines = [Line("changed", word_pieces(old, new)) for old, new in zip(before, after, strict=False)]
    lines += [Line("removed", (Piece("del", text),)) for text in before[len(after) :]]
    lines += [Line("added", (Piece("ins", text),)) for text in after[len(before) :]]
    return lines


def word_pieces(old: str, new: str) -> tuple[Piece, ...]:
    """`new` against `old` word by word: unchanged, removed and added runs."""
    a, b = _WORDS.findall(old), _WORDS.findall(new)
    pieces: list[Piece] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            pieces.append(Piece("same", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(Piece("del", "".join(a[i1:i2])))
        if j2 > j1:
            pieces.append(Piece("ins", "".join(b[j1:j2])))
    return tuple(pieces)


def _count(text: str) -> int:
    return len(text.split())
