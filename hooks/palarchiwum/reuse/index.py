"""The archive-wide inverted index of fingerprints: which wording is common, which programmes
may share a passage.

One sorted array of 64-bit keys (fingerprint << 20 | programme) is the whole index: at 10,000
programmes some 8 million keys, 64 MB, where a dictionary of Python objects would need
gigabytes. Programmes are numbered in their municipalities' order, so that within one
fingerprint the municipalities come sorted and are counted without another array.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

import numpy as np

from .fingerprints import INDEX_BITS

PROGRAMME_BITS = 64 - INDEX_BITS
_PROGRAMME_MASK = np.uint64((1 << PROGRAMME_BITS) - 1)
COMMON_AT_LEAST = 3  # municipalities whose programmes hold a wording that is then common…
COMMON_SHARE = 0.02  # …or this share of the archive's municipalities, if that is more…
COMMON_AT_MOST = 10  # …but never more than this many municipalities


def common_threshold(municipalities: int) -> int:
    """In how many municipalities' programmes a wording is found once it is common.

    The cap keeps the cost linear: an uncommon fingerprint is in fewer than COMMON_AT_MOST
    municipalities' programmes, so it ties a bounded number of pairs, and the candidate pairs
    grow with the archive's fingerprints, not with their square. Under 2% alone, at 10,000
    programmes (3,336 municipalities) a wording in 66 municipalities was still uncommon, and
    some 35 such fingerprints tied 16,000 pairs: 23,828 candidates compared for 8,492 found.
    """
    return min(COMMON_AT_MOST, max(COMMON_AT_LEAST, math.ceil(COMMON_SHARE * municipalities)))


@dataclass(frozen=True)
class FingerprintIndex:
    common: np.ndarray  # sorted fingerprints found in at least `threshold` municipalities
    candidates: list[tuple[int, int]]  # programme numbers (a < b) sharing an uncommon fingerprint
    threshold: int
    fingerprints: int  # in the index, for the benchmarks

    def is_common(self, fingerprints: np.ndarray) -> np.ndarray:
        if not len(self.common):
            return np.zeros(len(fingerprints), dtype=bool)
        at = np.searchsorted(self.common, fingerprints).clip(max=len(self.common) - 1)
        return self.common[at] == fingerprints


def build_index(chunks: list[np.ndarray], municipality_of: np.ndarray, threshold: int) -> FingerprintIndex:
    """The index of every programme's fingerprints: `chunks[n]` are programme n's (distinct,
    INDEX_BITS wide); `municipality_of[n]` numbers its municipality, never decreasing with n."""
    if len(chunks) >= 1 << PROGRAMME_BITS:
        raise ValueError(f"at most {1 << PROGRAMME_BITS} programmes")
    keys = np.concatenate(
        [(c << np.uint64(PROGRAMME_BITS)) | np.uint64(n) for n, c in enumerate(chunks)]
        or [np.zeros(0, dtype=np.uint64)]
    )
    chunks.clear()  # the index holds them now
    keys.sort()
    if not len(keys):
        return FingerprintIndex(np.zeros(0, dtype=np.uint64), [], threshold, 0)
    fingerprints = keys >> np.uint64(PROGRAMME_BITS)
    programmes = (keys & _PROGRAMME_MASK).astype(np.int32)  # half the bytes of int64: 31 MB at 10,000
    del keys
    starts = np.flatnonzero(np.concatenate(([True], fingerprints[1:] != fingerprints[:-1])))
    sizes = np.diff(np.append(starts, len(fingerprints)))
    municipalities = municipality_of.astype(np.int32)[programmes]
    new_municipality = np.concatenate(([True], municipalities[1:] != municipalities[:-1]))
    new_municipality[starts] = True
    spread = np.add.reduceat(new_municipality.astype(np.int32), starts)
    del municipalities, new_municipality
    common = fingerprints[starts[spread >= threshold]]
    shared = (sizes >= 2) & (spread < threshold)
    candidates = _pairs(programmes, starts[shared], sizes[shared])
    return FingerprintIndex(common, candidates, threshold, len(fingerprints))


def _pairs(programmes: np.ndarray, starts: np.ndarray, sizes: np.ndarray) -> list[tuple[int, int]]:
    """Every two programmes listed under one fingerprint, once."""
    two = starts[sizes == 2]
    keys = [(programmes[two].astype(np.int64) << 32) | programmes[two + 1]]
    for start, size in zip(starts[sizes > 2].tolist(), sizes[sizes > 2].tolist(), strict=True):
        group = programmes[start : start + size].tolist()
        keys.append(np.array([(a << 32) | b for a, b in itertools.combinations(group, 2)], dtype=np.int64))
    unique = np.unique(np.concatenate(keys))
    return list(zip((unique >> 32).tolist(), (unique & 0xFFFFFFFF).tolist(), strict=True))
