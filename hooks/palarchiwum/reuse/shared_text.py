"""Which programmes share passages of their texts, how much, and where.

The rule, as /archiwum/ states it to readers:

* A shared passage is a run of at least PASSAGE_WORDS (12) words that stands in both texts,
  the words compared as ``words.py`` normalises them. Eight words, the shortest the issue
  allows, are too few: eight-word runs such as "w ramach programu aktywności lokalnej na terenie
  gminy" belong to the genre, and at eight words unrelated programmes were tied by them (see
  benchmarks/shared_passages.py, which counts the pairs at each length). Twelve words is also
  the length the fingerprints guarantee to find (fingerprints.GUARANTEED), so no pair is found
  or missed by chance.
* Wording is common, not kinship, when it stands in the programmes of at least
  index.common_threshold(M) of the archive's M municipalities (3, or 2% of them if that is more,
  but never more than 10): the formulas of resolutions, the definitions and citations of the
  acts, and templates that spread to ten municipalities or more. Common wording counts
  for no pair; a municipality's programmes count once, so that its own successive programmes do
  not make their wording common.
* A programme's share shared with another is the part of its words in the passages they share.

Cost: one pass over every text (fingerprints), one sort (the index), then only the pairs that
share an uncommon fingerprint are compared, each in time linear in the two texts. An uncommon
fingerprint is in fewer than 10 municipalities' programmes, so the candidate pairs are at most
a fixed multiple of the fingerprints: the cost grows linearly with the archive.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from palarchiwum.records.catalogue_records import Programme

from .alignment import Compared, shared_runs
from .families import family_order
from .fingerprints import SHINGLE, index_keys, shingle_hashes, winnowed
from .index import FingerprintIndex, build_index, common_threshold
from .words import TextWords, text_words

PAGES = "wspolne-fragmenty/"  # the comparison pages' folder
_COMPARED_KEPT = 64  # texts kept ready while the candidate pairs are compared (a family at a time)


@dataclass(frozen=True, slots=True)
class Passage:
    """One shared passage: where it stands in the first programme and in the second (words from
    0, characters of programme.md from 0, ends excluded)."""

    number: int  # from 1, in the first programme's order
    words: int
    first_word: int
    second_word: int
    first_chars: tuple[int, int]
    second_chars: tuple[int, int]


# A pair's passages as one array of int32, a row each: 28 bytes a passage where a Passage object
# takes some 480 (at 10,000 programmes, 307,000 passages: 9 MB instead of 148 MB).
_WORDS, _FIRST_WORD, _SECOND_WORD, _FIRST_START, _FIRST_END, _SECOND_START, _SECOND_END = range(7)


def passage_table(rows: Sequence[tuple[int, int, int, int, int, int, int]]) -> np.ndarray:
    """Rows of (words, first word, second word, first text's characters from, to, second's)."""
    return np.array(rows, dtype=np.int32).reshape(-1, 7)


@dataclass(frozen=True, eq=False)
class SharedPair:
    """Two programmes that share passages; `first` is the earlier by municipality and folder."""

    first: Programme
    second: Programme
    first_words: int  # all the words of each text
    second_words: int
    table: np.ndarray = field(repr=False)  # the passages (passage_table), in the first text's order

    @property
    def passages(self) -> tuple[Passage, ...]:
        """The passages, numbered from 1 (made when asked for: a page or a data file at a time)."""
        return tuple(
            Passage(
                n,
                row[_WORDS],
                row[_FIRST_WORD],
                row[_SECOND_WORD],
                (row[_FIRST_START], row[_FIRST_END]),
                (row[_SECOND_START], row[_SECOND_END]),
            )
            for n, row in enumerate(self.table.tolist(), 1)
        )

    def word_spans(self, programme: Programme) -> np.ndarray:
        """Where the passages stand in one of the two texts: (first word, word after the last)."""
        at = self.table[:, _FIRST_WORD if programme is self.first else _SECOND_WORD]
        return np.stack((at, at + self.table[:, _WORDS]), axis=1)

    @property
    def shared_words(self) -> int:
        return int(self.table[:, _WORDS].sum())

    def share_of(self, programme: Programme) -> float:
        words = self.first_words if programme is self.first else self.second_words
        return self.shared_words / words if words else 0.0

    def other(self, programme: Programme) -> Programme:
        return self.second if programme is self.first else self.first

    @property
    def src_uri(self) -> str:
        """The pair's comparison page."""
        a, b = self.first, self.second
        return f"{PAGES}{a.municipality.slug}/{a.slug}/{b.municipality.slug}/{b.slug}/index.md"


@dataclass(frozen=True)
class Kinship:
    """A pair seen from one of its programmes."""

    programme: Programme  # the other one
    share: float  # of this programme's text
    pair: SharedPair


@dataclass(frozen=True)
class Effort:
    """What finding the passages took: for the build's log and the benchmarks."""

    fingerprints: int = 0  # in the index
    common: int = 0  # of them, common wording
    candidates: int = 0  # pairs compared
    seconds: tuple[float, float, float] = (0.0, 0.0, 0.0)  # fingerprints, index, comparisons


@dataclass
class SharedText:
    pairs: list[SharedPair]
    threshold: int  # municipalities whose programmes make a wording common
    municipalities: int
    words: int = 0  # in all texts
    enabled: bool = True  # False: the publisher turned the search for shared passages off
    effort: Effort = field(default_factory=Effort)
    _by_programme: dict[str, list[Kinship]] = field(default_factory=dict, repr=False)
    _coverage: dict[str, float] = field(default_factory=dict, repr=False)

    def kin(self, programme: Programme) -> list[Kinship]:
        """The programmes sharing passages with this one, the largest share first."""
        return self._by_programme.get(programme.key, [])

    def share(self, programme: Programme) -> float:
        """The part of its text that stands in any other programme's (common wording aside)."""
        return self._coverage.get(programme.key, 0.0)


def no_shared_text() -> SharedText:
    return SharedText([], 0, 0, enabled=False)


@dataclass
class _Texts:
    """Each programme's words and shingles, computed when a pair needs them, the last few kept."""

    programmes: Sequence[Programme]
    index: FingerprintIndex
    kept: OrderedDict[int, tuple[TextWords, Compared]] = field(default_factory=OrderedDict)

    def __call__(self, n: int) -> tuple[TextWords, Compared]:
        if n in self.kept:
            self.kept.move_to_end(n)
            return self.kept[n]
        words = _words(self.programmes[n], places=True)
        hashes = shingle_hashes(words.values)
        common = np.zeros(len(words), dtype=bool)
        at = winnowed(hashes)
        for position in at[self.index.is_common(index_keys(hashes[at]))].tolist():
            common[position : position + SHINGLE] = True
        self.kept[n] = found = (words, Compared(len(words), hashes, common))
        if len(self.kept) > _COMPARED_KEPT:
            self.kept.popitem(last=False)
        return found


def find_shared_text(programmes: Sequence[Programme]) -> SharedText:
    """The passages every two programmes share: each text is read once for its fingerprints, and
    again for each candidate pair it is in, unless it is among the last _COMPARED_KEPT read."""
    ordered = sorted(programmes, key=lambda p: (p.municipality.key, p.key))
    numbers: dict[str, int] = {}
    municipality_of = np.array([numbers.setdefault(p.municipality.key, len(numbers)) for p in ordered])
    threshold = common_threshold(len(numbers))
    started = time.perf_counter()
    chunks, words = [], 0
    for programme in ordered:
        values = _words(programme).values
        words += len(values)
        hashes = shingle_hashes(values)
        chunks.append(np.unique(index_keys(hashes[winnowed(hashes)])))
    fingerprinted = time.perf_counter()
    index = build_index(chunks, municipality_of, threshold)
    indexed = time.perf_counter()
    texts = _Texts(ordered, index)
    compared = {n: _compared(ordered, *index.candidates[n], texts) for n in family_order(index.candidates)}
    pairs = [pair for _, pair in sorted(compared.items()) if pair]
    seconds = (fingerprinted - started, indexed - fingerprinted, time.perf_counter() - indexed)
    effort = Effort(index.fingerprints, len(index.common), len(index.candidates), seconds)
    found = SharedText(pairs, threshold, len(numbers), words, effort=effort)
    _summarise(found)
    return found


def _words(programme: Programme, places: bool = False) -> TextWords:
    return text_words(programme.text, programme.municipality.short_name, places)


def _compared(
    ordered: Sequence[Programme], a: int, b: int, texts: Callable[[int], tuple[TextWords, Compared]]
) -> SharedPair | None:
    words_a, compared_a = texts(a)
    words_b, compared_b = texts(b)
    runs = shared_runs(compared_a, compared_b)
    if not runs:
        return None
    table = passage_table(
        [
            (length, i, j, *words_a.chars(i, i + length), *words_b.chars(j, j + length))
            for i, j, length in runs
        ]
    )
    return SharedPair(ordered[a], ordered[b], len(words_a), len(words_b), table)


def _summarise(found: SharedText) -> None:
    """Each programme's kin, and the part of its text in any of them (passages with several
    programmes overlap: a word counts once)."""
    spans: dict[str, list[np.ndarray]] = {}
    for pair in found.pairs:
        for programme in (pair.first, pair.second):
            share = pair.share_of(programme)
            found._by_programme.setdefault(programme.key, []).append(
                Kinship(pair.other(programme), share, pair)
            )
            spans.setdefault(programme.key, []).append(pair.word_spans(programme))
    totals = {pair.first.key: pair.first_words for pair in found.pairs}
    totals.update({pair.second.key: pair.second_words for pair in found.pairs})
    for key, kin in found._by_programme.items():
        kin.sort(key=lambda k: (-k.share, k.programme.key))
        found._coverage[key] = _covered(spans[key]) / totals[key] if totals[key] else 0.0


def _covered(spans: list[np.ndarray]) -> int:
    total, reach = 0, 0
    for start, end in sorted(np.concatenate(spans).tolist()):
        if end > reach:
            total += end - max(start, reach)
            reach = end
    return total
