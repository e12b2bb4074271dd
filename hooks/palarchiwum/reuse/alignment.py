"""The passages two texts share: every run of at least PASSAGE_WORDS words that stands in both,
in any order, wording common in the archive set aside.

Runs of equal shingles along one diagonal (word i of one text, word j of the other, then i+1
and j+1…) are the shared runs; they are found from the shingles both texts hold, in time
linear in the texts. A run is cut where it meets common wording, and what is left counts if
it is long enough. Where runs overlap (a passage the other text repeats), the longest is kept
("greedy string tiling", as plagiarism detectors do), so each word belongs to one passage.
An edit-distance alignment (rapidfuzz, difflib) would lose every passage that the other text
moved elsewhere: templates are reordered as often as they are edited.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .fingerprints import GUARANTEED, SHINGLE

PASSAGE_WORDS = GUARANTEED  # the shortest passage that counts (see SharedText's docstring)
# Places of one shingle in the other text that are followed: a run of words a text repeats more
# often (a table's empty cells, a refrain) is followed from its first places only.
REPEATS_FOLLOWED = 16


@dataclass(frozen=True)
class Compared:
    """What the comparison needs of one text: its shingles and which of its words are common."""

    words: int
    hashes: np.ndarray  # shingle hashes (uint64), one per word but the last SHINGLE - 1
    common: np.ndarray  # bool, one per word: part of wording common in the archive


def shared_runs(a: Compared, b: Compared, at_least: int = PASSAGE_WORDS) -> list[tuple[int, int, int]]:
    """Passages of `at_least` words or more as (start in a, start in b, words), in a's order,
    each word in one at most."""
    in_a, in_b = _matches(a.hashes, b.hashes)
    if not len(in_a):
        return []
    diagonal = in_b - in_a
    order = np.lexsort((in_a, diagonal))
    in_a, diagonal = in_a[order], diagonal[order]
    breaks = (np.diff(diagonal) != 0) | (np.diff(in_a) != 1)
    starts = np.flatnonzero(np.concatenate(([True], breaks)))
    shingles = np.diff(np.append(starts, len(in_a)))
    words = shingles + SHINGLE - 1
    long_enough = words >= at_least
    firsts = in_a[starts][long_enough].tolist()
    seconds = (in_a[starts] + diagonal[starts])[long_enough].tolist()
    runs = zip(firsts, seconds, words[long_enough].tolist(), strict=True)
    return _tiled([piece for run in runs for piece in _uncommon(run, a, b, at_least)], a.words, b.words)


def _matches(a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every (i, j) with a[i] == b[j], as two arrays; a shingle b repeats is matched at its first
    REPEATS_FOLLOWED places only."""
    order = np.argsort(b, kind="stable")
    sorted_b = b[order]
    in_a = np.flatnonzero(np.isin(a, sorted_b))
    low = np.searchsorted(sorted_b, a[in_a], "left")
    counts = np.minimum(np.searchsorted(sorted_b, a[in_a], "right") - low, REPEATS_FOLLOWED)
    total = int(counts.sum())
    offsets = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
    return np.repeat(in_a, counts), order[np.repeat(low, counts) + offsets]


def _uncommon(
    run: tuple[int, int, int], a: Compared, b: Compared, at_least: int
) -> list[tuple[int, int, int]]:
    """The parts of a run outside common wording (of either text), long enough to count."""
    i, j, length = run
    common = a.common[i : i + length] | b.common[j : j + length]
    if not common.any():
        return [run] if length >= at_least else []
    edges = np.flatnonzero(np.diff(np.concatenate(([True], common, [True])).astype(np.int8)))
    pieces = []
    for start, end in zip(edges[::2].tolist(), edges[1::2].tolist(), strict=True):
        if end - start >= at_least:
            pieces.append((i + start, j + start, end - start))
    return pieces


def _tiled(runs: list[tuple[int, int, int]], words_a: int, words_b: int) -> list[tuple[int, int, int]]:
    """The longest runs first, each kept if its words are in no run kept before."""
    taken_a, taken_b = np.zeros(words_a, dtype=bool), np.zeros(words_b, dtype=bool)
    kept = []
    for i, j, length in sorted(runs, key=lambda r: (-r[2], r[0], r[1])):
        if not (taken_a[i : i + length].any() or taken_b[j : j + length].any()):
            kept.append((i, j, length))
            taken_a[i : i + length] = taken_b[j : j + length] = True
    return sorted(kept)
