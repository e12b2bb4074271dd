"""Preparing a programme's full text for its page: heading levels and deep-link anchors."""

from __future__ import annotations

import re
from dataclasses import dataclass

from palarchiwum.records.catalogue_records import Item, Programme
from palarchiwum.records.quotes import NormalisedText

# The document's "#" becomes this level on the page, under the page title and "Pełny tekst".
HEADING_SHIFT = 2
_HEADING = re.compile(r"^(#{1,6})(?=\s)", re.MULTILINE)


@dataclass(frozen=True)
class Segment:
    """A run of the document's Markdown, preceded by the anchors of the items quoted there."""

    anchors: tuple[str, ...]
    text: str


def shift_headings(text: str, by: int = HEADING_SHIFT) -> str:
    """Demote every ATX heading by `by` levels (at most to level 6)."""
    return _HEADING.sub(lambda m: "#" * min(6, len(m.group(1)) + by), text)


def anchored_segments(programme: Programme) -> list[Segment]:
    """The full text cut where quoted items begin, so the page can place an anchor there."""
    text = shift_headings(programme.text)
    located = NormalisedText.of(text)
    groups = [[programme.main_goal]] if programme.main_goal else []
    groups += [list(section) for section in programme.items.values()]
    at: dict[int, list[str]] = {}
    for group in groups:
        for item, offset in _place(group, located).items():
            at.setdefault(offset, []).append(item.anchor)
    segments, start, pending = [], 0, ()
    for offset in sorted(at):
        segments.append(Segment(pending, text[start:offset]))
        start, pending = offset, tuple(at[offset])
    segments.append(Segment(pending, text[start:]))
    return segments


def _place(items: list[Item], located: NormalisedText) -> dict[Item, int]:
    """Where each item of one section is quoted from.

    A short quote can occur several times ("mieszkańców miasta"); of its places, take the one
    nearest to where the section's unambiguous quotes are, i.e. the section it was taken from.
    """
    places = {item: located.find_all(item.quote) for item in items}
    certain = sorted(found[0] for found in places.values() if len(found) == 1)
    centre = certain[len(certain) // 2] if certain else None
    chosen = {}
    for item, found in places.items():
        if found:  # loading guarantees it; a missing one only loses the link
            chosen[item] = found[0] if centre is None else min(found, key=lambda o: abs(o - centre))
    return chosen
