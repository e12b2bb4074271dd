"""Fingerprints of a text: a number for every run of SHINGLE words, and the few of them
(winnowing) that the archive-wide index keeps.

Winnowing (Schleimer, Wilkerson, Aiken, "Winnowing: local algorithms for document
fingerprinting", SIGMOD 2003; the method of MOSS) keeps the smallest hash of every WINDOW
consecutive ones. Any run of WINDOW shingles, i.e. of SHINGLE + WINDOW - 1 = GUARANTEED words,
that two texts share then gives both the same fingerprint, while the index holds about
2 / (WINDOW + 1) of all shingles.
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

SHINGLE = 8  # words in one hashed run: the shortest shared passage
WINDOW = 5
GUARANTEED = SHINGLE + WINDOW - 1  # a passage this long is always found
INDEX_BITS = 44  # of a fingerprint, in the index (the other 20 number the programme)

# Odd 64-bit multipliers, one per word of a shingle (from the digits of pi), then a mixer
# (splitmix64's finaliser), so that the smallest hashes are spread evenly over the text.
_MULTIPLIERS = np.array(
    [
        0x243F6A8885A308D3,
        0x13198A2E03707345,
        0xA4093822299F31D1,
        0x082EFA98EC4E6C89,
        0x452821E638D01377,
        0xBE5466CF34E90C6D,
        0xC0AC29B7C97C50DD,
        0x3F84D5B5B5470917,
    ][:SHINGLE],
    dtype=np.uint64,
)


def shingle_hashes(values: np.ndarray) -> np.ndarray:
    """One 64-bit hash for each run of SHINGLE consecutive words (none for a shorter text)."""
    count = len(values) - SHINGLE + 1
    if count <= 0:
        return np.zeros(0, dtype=np.uint64)
    hashes = np.zeros(count, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for offset, multiplier in enumerate(_MULTIPLIERS):
            hashes += values[offset : offset + count] * multiplier
        hashes ^= hashes >> np.uint64(30)
        hashes *= np.uint64(0xBF58476D1CE4E5B9)
        hashes ^= hashes >> np.uint64(27)
        hashes *= np.uint64(0x94D049BB133111EB)
        hashes ^= hashes >> np.uint64(31)
    return hashes


def winnowed(hashes: np.ndarray) -> np.ndarray:
    """The positions of the fingerprints: the smallest hash of each WINDOW consecutive ones."""
    if len(hashes) < WINDOW:  # one window, shorter than the rest
        return np.array([hashes.argmin()] if len(hashes) else [], dtype=np.int64)
    windows = sliding_window_view(hashes, WINDOW)
    return np.unique(windows.argmin(axis=1) + np.arange(len(windows)))


def index_keys(hashes: np.ndarray) -> np.ndarray:
    """Fingerprints as the index holds them: their top INDEX_BITS bits."""
    return hashes >> np.uint64(64 - INDEX_BITS)
