"""Where an organisation can join in: the collaboration points of every programme.

A collaboration point is an action whose goal themes involve NGOs, volunteers or partnerships,
or a partner the document names. Themes are the editors' terms (``programmes/slowniki/cele.yml``),
so the list follows their tagging, never a guess from the wording.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from palarchiwum.records.archive import Archive, programme_order
from palarchiwum.records.catalogue_records import Item, Programme

# Goal themes (vocabulary "cele") that mark an action as open to NGOs, volunteers or partners.
COLLABORATION_THEMES = frozenset({"organizacje-pozarzadowe", "wolontariat", "partnerstwo-i-wspolpraca"})


@dataclass(frozen=True)
class Opening:
    """One programme's collaboration points."""

    programme: Programme
    actions: tuple[Item, ...]  # actions with a collaboration theme, in reading order
    partners: tuple[Item, ...]  # every partner the document names
    running: tuple[Item, ...]  # harmonogram entries under way on the as-of date


def openings(archive: Archive) -> list[Opening]:
    """Programmes with at least one collaboration point: in force first, then by municipality."""
    found = []
    for programme in sorted(archive.programmes, key=programme_order):
        actions = tuple(
            item
            for item in programme.items.get("dzialania", ())
            if COLLABORATION_THEMES.intersection(item.terms)
        )
        partners = programme.items.get("partnerzy", ())
        if actions or partners:
            found.append(Opening(programme, actions, partners, running_entries(programme, archive.as_of)))
    return found


def running_entries(programme: Programme, as_of: dt.date) -> tuple[Item, ...]:
    """Harmonogram entries whose months include the as-of date."""
    return tuple(
        entry
        for entry in programme.items.get("harmonogram", ())
        if entry.start and entry.end and entry.start.first <= as_of <= entry.end.last
    )
