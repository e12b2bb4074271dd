"""Aligning two long word sequences in about linear time, as a patience diff does.

``difflib.SequenceMatcher`` alone is quadratic in the worst case: a wrong 400 kB attachment took
44 s. Words that occur once in each sequence, in the same order in both, anchor the alignment
(the longest increasing subsequence of their positions); only the short stretches between anchors
go to difflib, and a stretch too long to align (a text that is another text) counts as one change.
"""

from __future__ import annotations

import bisect
import difflib
from collections import Counter
from collections.abc import Iterator, Sequence

# Stretches whose two sides multiply beyond this go unaligned: one replacement.
ALIGNED_AT_MOST = 250_000
# Anchors within anchors: beyond this depth a stretch goes to difflib (or unaligned) as it is.
DEEPEST = 32
Opcode = tuple[str, int, int, int, int]


def opcodes(a: Sequence[str], b: Sequence[str]) -> list[Opcode]:
    """Like SequenceMatcher.get_opcodes(): how to turn ``a`` into ``b``, with equal runs."""
    found = list(_aligned(a, b, 0, len(a), 0, len(b), 0))
    return _merged(found)


def _aligned(
    a: Sequence[str], b: Sequence[str], a1: int, a2: int, b1: int, b2: int, depth: int
) -> Iterator[Opcode]:
    start = 0
    while a1 + start < a2 and b1 + start < b2 and a[a1 + start] == b[b1 + start]:
        start += 1
    if start:
        yield ("equal", a1, a1 + start, b1, b1 + start)
        a1, b1 = a1 + start, b1 + start
    end = 0
    while a2 - end > a1 and b2 - end > b1 and a[a2 - end - 1] == b[b2 - end - 1]:
        end += 1
    tail = ("equal", a2 - end, a2, b2 - end, b2) if end else None
    a2, b2 = a2 - end, b2 - end
    anchors = _anchors(a, b, a1, a2, b1, b2) if depth < DEEPEST else []
    if anchors:
        for i, j in anchors:
            yield from _aligned(a, b, a1, i, b1, j, depth + 1)
            yield ("equal", i, i + 1, j, j + 1)
            a1, b1 = i + 1, j + 1
        yield from _aligned(a, b, a1, a2, b1, b2, depth + 1)
    else:
        yield from _stretch(a, b, a1, a2, b1, b2)
    if tail:
        yield tail


def _anchors(a: Sequence[str], b: Sequence[str], a1: int, a2: int, b1: int, b2: int) -> list[tuple[int, int]]:
    """Positions of the words unique in both stretches, longest run in the same order."""
    in_a, in_b = Counter(a[a1:a2]), Counter(b[b1:b2])
    where_b = {b[j]: j for j in range(b1, b2) if in_b[b[j]] == 1}
    pairs = [(i, where_b[a[i]]) for i in range(a1, a2) if in_a[a[i]] == 1 and a[i] in where_b]
    # Longest increasing subsequence of the b positions (patience sorting).
    tails: list[int] = []
    tail_at: list[int] = []
    previous = [-1] * len(pairs)
    for k, (_, j) in enumerate(pairs):
        place = bisect.bisect_left(tails, j)
        if place == len(tails):
            tails.append(j)
            tail_at.append(k)
        else:
            tails[place], tail_at[place] = j, k
        previous[k] = tail_at[place - 1] if place else -1
    chain, k = [], tail_at[-1] if tail_at else -1
    while k >= 0:
        chain.append(pairs[k])
        k = previous[k]
    return chain[::-1]


def _stretch(a: Sequence[str], b: Sequence[str], a1: int, a2: int, b1: int, b2: int) -> Iterator[Opcode]:
    """A stretch without anchors: aligned by difflib when short enough, else one change."""
    if a1 == a2 and b1 == b2:
        return
    if (a2 - a1) * (b2 - b1) > ALIGNED_AT_MOST:
        yield ("replace", a1, a2, b1, b2)
        return
    matcher = difflib.SequenceMatcher(None, a[a1:a2], b[b1:b2], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        yield (op, a1 + i1, a1 + i2, b1 + j1, b1 + j2)


def _merged(found: list[Opcode]) -> list[Opcode]:
    """Neighbouring runs of the same kind joined; a delete next to an insert becomes a replace."""
    merged: list[Opcode] = []
    for op, a1, a2, b1, b2 in found:
        if a1 == a2 and b1 == b2:
            continue
        if merged and (merged[-1][0] == op or (op != "equal" and merged[-1][0] != "equal")):
            last = merged[-1]
            kind = op if last[0] == op else "replace"
            merged[-1] = (kind, last[1], a2, last[3], b2)
        else:
            merged.append((op, a1, a2, b1, b2))
    return merged
