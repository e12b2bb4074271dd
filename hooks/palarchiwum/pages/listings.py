"""How generated pages group and order programmes: by year, place, status, shared terms."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from palarchiwum.records.archive import Archive
from palarchiwum.records.catalogue_records import Programme, Status
from palarchiwum.records.polish import sort_key
from palarchiwum.records.slugs import slugify
from palarchiwum.records.vocabularies import Term, Vocabulary

from .taxonomy import Taxonomy

# Vocabularies whose shared terms lead from a programme to similar ones.
SIMILARITY_VOCABULARIES = ("adresaci", "cele")
# Groups of a term listing, in the order the taxonomy sorts programmes; the template names them.
STATUS_GROUPS = (
    ("obowiazujace", (Status.IN_FORCE,)),
    ("przyszle", (Status.PLANNED,)),
    ("archiwalne", (Status.ENDED, Status.SUPERSEDED, Status.REPEALED)),
)


@dataclass(frozen=True)
class Group:
    """A named group of programmes with the URL of its listing."""

    key: str  # a year, a voivodeship's name, a status code
    programmes: list[Programme]
    url: str  # e.g. programy/lata/2021/

    @property
    def src_uri(self) -> str:
        return f"{self.url}index.md"


def by_start_year(archive: Archive) -> list[Group]:
    """Programmes by the year their period starts, latest first, each alphabetically by place."""
    return [Group(str(y), by_place(found), f"programy/lata/{y}/") for y, found in archive.by_year()]


def by_voivodeship(archive: Archive) -> list[Group]:
    return [
        Group(name, found, f"programy/wojewodztwa/{slugify(name)}/")
        for name, found in archive.by_voivodeship()
    ]


def by_adoption_year(archive: Archive) -> list[Group]:
    """Programmes by the year their resolution was adopted, latest first; unknown years last."""
    groups: dict[int | None, list[Programme]] = defaultdict(list)
    for programme in archive.programmes:
        groups[programme.resolution.date.year if programme.resolution.date else None].append(programme)
    years = sorted((y for y in groups if y is not None), reverse=True)
    found = [Group(str(y), by_place(groups[y]), f"programy/przyjete/{y}/") for y in years]
    if None in groups:
        found.append(Group("nieznany", by_place(groups[None]), "programy/przyjete/rok-nieznany/"))
    return found


def by_status(archive: Archive) -> list[Group]:
    """Programmes by status on the as-of date, in the order of the Status enum."""
    return [
        Group(
            status.code,
            by_place([p for p in archive.programmes if p.status is status]),
            f"programy/status/{status.code}/",
        )
        for status in Status
    ]


def by_place(programmes: list[Programme]) -> list[Programme]:
    """Alphabetically by municipality, newest first within one."""
    return sorted(programmes, key=lambda p: (sort_key(p.municipality.short_name), p.municipality.key))


def related(archive: Archive, programme: Programme) -> dict[str, list[Programme]]:
    return {
        "zastepuje": [archive.programme(k) for k in programme.supersedes],
        "zastapiony_przez": [archive.programme(k) for k in programme.superseded_by],
        "zmienia": [archive.programme(k) for k in programme.amends],
        "zmieniony_przez": [archive.programme(k) for k in programme.amended_by],
    }


# Similar programmes a programme's page lists, and candidates looked at per shared term.
SIMILAR_SHOWN = 5
_CANDIDATES_PER_TERM = 6


@dataclass(frozen=True)
class Similar:
    """Another programme like this one, and why: the terms they share, by vocabulary."""

    programme: Programme
    shared: list[tuple[Vocabulary, list[Term]]]

    @property
    def count(self) -> int:
        return sum(len(terms) for _, terms in self.shared)


def similar(taxonomy: Taxonomy, programme: Programme, limit: int = SIMILAR_SHOWN) -> list[Similar]:
    """Other municipalities' programmes sharing the most addressee groups and goal themes with
    this one, each listed once: the same voivodeship and programmes in force first on a tie.

    Candidates are a few programmes per shared term (`Taxonomy.others`), so that the cost stays
    bounded however many programmes carry a common term.
    """
    mine = {
        vocabulary.key: set(terms)
        for vocabulary, terms in taxonomy.terms_of(programme)
        if vocabulary.key in SIMILARITY_VOCABULARIES
    }
    candidates: dict[str, Programme] = {}
    for terms in mine.values():
        for term in terms:
            for other in taxonomy.others(term, programme, _CANDIDATES_PER_TERM):
                candidates.setdefault(other.key, other)
    found = []
    for other in candidates.values():
        shared = [
            (vocabulary, [t for t in terms if t in mine.get(vocabulary.key, ())])
            for vocabulary, terms in taxonomy.terms_of(other)
            if vocabulary.key in mine
        ]
        found.append(Similar(other, [(v, terms) for v, terms in shared if terms]))
    here = programme.municipality.voivodeship
    found.sort(
        key=lambda s: (
            -s.count,
            s.programme.municipality.voivodeship != here,
            s.programme.status is not Status.IN_FORCE,
            s.programme.key,
        )
    )
    return found[:limit]


class _OfProgramme(Protocol):
    @property
    def programme(self) -> Programme: ...


Row = TypeVar("Row", bound=_OfProgramme)


def status_groups(rows: Sequence[Row]) -> list[tuple[str, list[Row]]]:
    """Rows about programmes (term occurrences, collaboration points) split by STATUS_GROUPS."""
    groups = []
    for code, statuses in STATUS_GROUPS:
        members = [o for o in rows if o.programme.status in statuses]
        if members:
            groups.append((code, members))
    return groups
