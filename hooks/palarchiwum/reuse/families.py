"""Pairs in families: the pairs of texts that share passages, one connected group of texts after
another, so that a text read for one of its pairs is still at hand for the next (the last few
texts read are kept: templates spread over programmes far apart in the archive's order)."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import TypeVar

T = TypeVar("T")


def family_order(pairs: Sequence[tuple[Hashable, Hashable]]) -> list[int]:
    """The positions of `pairs`, grouped by connected family (in order of each family's first
    pair), each family's pairs in their given order."""
    parent: dict[Hashable, Hashable] = {}

    def root(item: Hashable) -> Hashable:
        while (up := parent.setdefault(item, item)) != item:
            parent[item] = item = parent.setdefault(up, up)  # halve the path
        return item

    for a, b in pairs:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[rb] = ra
    first: dict[Hashable, int] = {}
    for n, (a, _) in enumerate(pairs):
        first.setdefault(root(a), n)
    return sorted(range(len(pairs)), key=lambda n: (first[root(pairs[n][0])], n))


def in_families(items: Sequence[T], pairs: Sequence[tuple[Hashable, Hashable]]) -> list[T]:
    """`items` (one per pair) in family_order of their pairs."""
    return [items[n] for n in family_order(pairs)]
