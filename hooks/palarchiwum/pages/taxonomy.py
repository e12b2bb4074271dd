"""Which programmes carry which vocabulary terms, and how terms and programmes relate.

Built once per build from the whole archive (a taxonomy is a graph over all records), then
read by the pages. Every lookup a page makes is bounded, so that a programme's page does not
grow with the size of the archive.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from palarchiwum.records.archive import Archive, programme_order
from palarchiwum.records.catalogue_records import Item, Programme, Status
from palarchiwum.records.polish import sort_key
from palarchiwum.records.vocabularies import Term, Vocabulary, sections_of

TermKey = tuple[str, str]  # (vocabulary key, term id)


@dataclass(frozen=True)
class Occurrence:
    """One programme's use of one term: the items that carry it, in reading order."""

    programme: Programme
    items: tuple[Item, ...]


@dataclass(frozen=True)
class RelatedTerm:
    term: Term
    shared: int  # how many programmes carry both terms


class Taxonomy:
    """Term → programmes, programme → terms, and co-occurrence, for one archive."""

    def __init__(self, archive: Archive) -> None:
        self.archive = archive
        self._terms: dict[TermKey, Term] = {(v.key, t.id): t for v in archive.vocabularies for t in v.terms}
        self._occurrences: dict[TermKey, list[Occurrence]] = {key: [] for key in self._terms}
        self._by_programme: dict[str, list[TermKey]] = {}
        for programme in sorted(archive.programmes, key=programme_order):
            self._index(programme)
        self._position = {
            key: {o.programme.key: i for i, o in enumerate(found)} for key, found in self._occurrences.items()
        }
        self._by_region = {key: _by_region(found) for key, found in self._occurrences.items()}
        self._programmes = {key: [o.programme for o in found] for key, found in self._occurrences.items()}
        self._pairs = _co_occurrences(self._by_programme.values())

    def _index(self, programme: Programme) -> None:
        carried = self._carried(programme)
        for key, items in carried.items():
            self._occurrences[key].append(Occurrence(programme, tuple(items)))
        self._by_programme[programme.key] = sorted(carried, key=self._term_order)

    def _carried(self, programme: Programme) -> dict[TermKey, list[Item]]:
        """The programme's items by the terms they carry (terms the vocabularies know)."""
        carried: dict[TermKey, list[Item]] = defaultdict(list)
        for vocabulary in self.archive.vocabularies:
            for section in sections_of(vocabulary.key):
                for item in _items_of(programme, section):
                    for term_id in item.terms:
                        if (vocabulary.key, term_id) in self._terms:
                            carried[(vocabulary.key, term_id)].append(item)
        return carried

    def terms_of_version(self, programme: Programme) -> list[tuple[Vocabulary, list[Term]]]:
        """The terms of a programme's earlier version (not in the index), as ``terms_of`` groups them."""
        return list(self._grouped(sorted(self._carried(programme), key=self._term_order)))

    def _term_order(self, key: TermKey) -> tuple[int, int]:
        vocabulary = self.archive.vocabulary(key[0])
        return self.archive.vocabularies.index(vocabulary), vocabulary.terms.index(self._terms[key])

    def occurrences(self, term: Term) -> list[Occurrence]:
        """Every programme carrying `term`: in force first, then by municipality, newest first."""
        return self._occurrences[(term.vocabulary, term.id)]

    def count(self, term: Term) -> int:
        return len(self.occurrences(term))

    def in_force(self, term: Term) -> int:
        return sum(o.programme.status is Status.IN_FORCE for o in self.occurrences(term))

    def most_common(self, vocabulary: Vocabulary, limit: int) -> list[Term]:
        """The vocabulary's terms carried by most programmes (unused terms left out)."""
        used = [t for t in vocabulary.terms if self.count(t)]
        return sorted(used, key=lambda t: -self.count(t))[:limit]

    def terms_of(self, programme: Programme) -> Iterator[tuple[Vocabulary, list[Term]]]:
        """The programme's terms, grouped by vocabulary, in vocabulary order."""
        yield from self._grouped(self._by_programme.get(programme.key, []))

    def _grouped(self, keys: list[TermKey]) -> Iterator[tuple[Vocabulary, list[Term]]]:
        for vocabulary in self.archive.vocabularies:
            terms = [self._terms[k] for k in keys if k[0] == vocabulary.key]
            if terms:
                yield vocabulary, terms

    def related(self, term: Term, limit: int = 5) -> Iterator[tuple[Vocabulary, list[RelatedTerm]]]:
        """Per vocabulary, the terms most often carried by the same programmes as `term`."""
        key = (term.vocabulary, term.id)
        counts = self._pairs.get(key, Counter())
        for vocabulary in self.archive.vocabularies:
            found = [
                RelatedTerm(self._terms[other], shared)
                for other, shared in counts.items()
                if other[0] == vocabulary.key
            ]
            found.sort(key=lambda r: (-r.shared, sort_key(r.term.name)))
            if found:
                yield vocabulary, found[:limit]

    def others(self, term: Term, programme: Programme, limit: int = 3) -> list[Programme]:
        """A few other municipalities' programmes with `term`, from the same voivodeship first.

        Each programme starts looking from its own place in the term's list, so that neighbouring
        programmes point readers to different ones rather than all to the first few.
        """
        key = (term.vocabulary, term.id)
        region = self._by_region[key].get(programme.municipality.voivodeship, [])
        everyone = self._programmes[key]  # built once: per call it made the build quadratic
        start = self._position[key].get(programme.key, -1) + 1
        chosen: dict[str, Programme] = {}
        for candidates in (region, everyone):
            for other in _circular(candidates, start):
                if len(chosen) == limit:
                    return list(chosen.values())
                if other.municipality.key != programme.municipality.key:
                    chosen.setdefault(other.key, other)
        return list(chosen.values())


def _items_of(programme: Programme, section: str) -> tuple[Item, ...]:
    if section == "cel_glowny":
        return (programme.main_goal,) if programme.main_goal else ()
    return programme.items.get(section, ())


def _by_region(found: list[Occurrence]) -> dict[str, list[Programme]]:
    regions: dict[str, list[Programme]] = defaultdict(list)
    for occurrence in found:
        regions[occurrence.programme.municipality.voivodeship].append(occurrence.programme)
    return regions


def _co_occurrences(term_sets: Iterable[list[TermKey]]) -> dict[TermKey, Counter[TermKey]]:
    """For each term, how many programmes share it with each other term."""
    pairs: Counter[tuple[TermKey, TermKey]] = Counter()
    for keys in term_sets:
        pairs.update(itertools.combinations(sorted(keys), 2))
    result: dict[TermKey, Counter[TermKey]] = defaultdict(Counter)
    for (a, b), shared in pairs.items():
        result[a][b] = shared
        result[b][a] = shared
    return result


def _circular(items: list[Programme], start: int) -> Iterator[Programme]:
    """Every item once, beginning at `start` and wrapping round."""
    n = len(items)
    for i in range(n):
        yield items[(start + i) % n]
