"""Splitting long listings into numbered pages, so no page grows without limit."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Paged(Generic[T]):
    """One page of a listing: its number, how many pages there are, and its items."""

    number: int
    count: int
    items: Sequence[T]
    base_url: str  # the first page's URL, e.g. adresaci/osoby-bezrobotne/
    first_index: int  # position of the first item in the whole listing, from 0

    def src_uri_of(self, number: int) -> str:
        return f"{self.base_url}index.md" if number == 1 else f"{self.base_url}strona-{number}/index.md"

    @property
    def src_uri(self) -> str:
        return self.src_uri_of(self.number)

    def window(self, around: int = 2) -> list[int | None]:
        """Page numbers for the pager: first, last and those near this one; None marks a gap."""
        shown = sorted(
            {1, self.count, *range(max(1, self.number - around), min(self.count, self.number + around) + 1)}
        )
        out: list[int | None] = []
        for number in shown:
            if out and number - (out[-1] or 0) > 1:
                out.append(None)
            out.append(number)
        return out


def paginate(items: Sequence[T], size: int, base_url: str) -> Iterator[Paged[T]]:
    """At least one page, even for an empty listing."""
    count = max(1, -(-len(items) // size))
    for number in range(1, count + 1):
        start = (number - 1) * size
        yield Paged(number, count, items[start : start + size], base_url, start)
