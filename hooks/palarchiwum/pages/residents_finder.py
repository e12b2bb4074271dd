"""Data for the residents' finder: every programme with its place, period, status, groups and
main goal (shortened).

The finder page filters this list in the browser; without JavaScript the page's own links to
term and municipality pages do the same job.
"""

from __future__ import annotations

import json
from typing import Any

from palarchiwum.records.archive import Archive, programme_order
from palarchiwum.records.catalogue_records import Programme, Status

from .taxonomy import Taxonomy

FINDER_DATA_URI = "dla-mieszkancow/programy.json"
GOAL_LENGTH = 160  # characters of the main goal a result shows; the programme page has it all
# What a cut text may not end with before its "…": it would read as the start of something.
_DANGLING = " ,;:–—-(„\"'"


def shortened(text: str, limit: int = GOAL_LENGTH) -> str:
    """`text` on one line; past `limit` characters, cut at the last word boundary within them
    and ended with "…" (a single word longer than `limit` is cut inside)."""
    words = " ".join(text.split())
    if len(words) <= limit:
        return words
    head = words[: limit + 1]
    cut = head.rsplit(" ", 1)[0] if " " in head else words[:limit]
    return (cut.rstrip(_DANGLING) or cut) + "…"


def finder_data(archive: Archive, taxonomy: Taxonomy) -> str:
    """Compact JSON, in the order of term pages: programmes in force first, then by municipality.

    Municipalities, status labels and addressee groups are given once and referred to by key or
    by position. Only groups that some programme has are listed: the finder offers no choice
    that finds nothing. Statuses are all listed, in force first.
    """
    groups = [term for term in archive.vocabulary("adresaci").terms if taxonomy.count(term)]
    position = {term.id: i for i, term in enumerate(groups)}
    places = {m.key: {"nazwa": m.short_name, "wojewodztwo": m.voivodeship} for m in archive.municipalities}
    data = {
        "stan_na": archive.as_of.isoformat(),
        "statusy": {s.code: s.label for s in sorted(Status, key=lambda s: s is not Status.IN_FORCE)},
        "gminy": places,
        "grupy": [{"id": term.id, "nazwa": term.name} for term in groups],
        "programy": [_row(p, taxonomy, position) for p in sorted(archive.programmes, key=programme_order)],
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _row(programme: Programme, taxonomy: Taxonomy, position: dict[str, int]) -> dict[str, Any]:
    """One programme; "grupy" are positions in the data's "grupy". A programme without a main
    goal has no "cel"; "niepelny" marks one whose archive holds only part of its text (a missing
    goal or group is then missing from that part, not from the document)."""
    terms = (t for v, found in taxonomy.terms_of(programme) if v.key == "adresaci" for t in found)
    row: dict[str, Any] = {
        "tytul": programme.title,
        "adres": programme.url,
        "gmina": programme.municipality.key,
        "okres": programme.period,
        "status": programme.status.code,
        "grupy": [position[t.id] for t in terms],
    }
    if programme.main_goal:
        row["cel"] = shortened(programme.main_goal.quote)
    if programme.incomplete:
        row["niepelny"] = True
    return row
