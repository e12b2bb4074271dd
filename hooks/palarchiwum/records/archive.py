"""The archive: every municipality and programme, cross-linked, with statuses as of a date."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .catalogue_records import Municipality, Programme, Status
from .change_descriptions import load_descriptions
from .folder_loading import load_folder
from .polish import sort_key
from .problems import InvalidArchive, Problem, display_path
from .programme_status import status_of
from .record_files import Context
from .vocabularies import Vocabulary

# In-force programmes first, then those not yet begun, then the rest.
_STATUS_RANK = {
    Status.IN_FORCE: 0,
    Status.PLANNED: 1,
    Status.ENDED: 2,
    Status.SUPERSEDED: 2,
    Status.REPEALED: 2,
}


@dataclass(frozen=True)
class Archive:
    """Everything the site is built from; rebuilt from the files for every build."""

    municipalities: tuple[Municipality, ...]
    programmes: tuple[Programme, ...]  # newest first
    vocabularies: tuple[Vocabulary, ...]
    as_of: dt.date
    warnings: tuple[Problem, ...] = ()  # things to look at that do not stop publication
    # Office details a BIP must show that municipalities' files do not give (notes, not warnings).
    contact_gaps: tuple[Problem, ...] = ()
    # The publisher's descriptions of past changes, by commit id (change_descriptions.py).
    change_descriptions: Mapping[str, str] = field(default_factory=dict)
    _by_key: dict[str, Programme] = field(init=False, repr=False, compare=False)
    _by_municipality: dict[str, list[Programme]] = field(init=False, repr=False, compare=False)
    _by_page: dict[str, Programme] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Indexes, so that pages for thousands of programmes need no scan per lookup.
        by_municipality: dict[str, list[Programme]] = defaultdict(list)
        for programme in self.programmes:
            by_municipality[programme.municipality.key].append(programme)
        object.__setattr__(self, "_by_key", {p.key: p for p in self.programmes})
        object.__setattr__(self, "_by_municipality", dict(by_municipality))
        object.__setattr__(self, "_by_page", {p.src_uri: p for p in self.programmes})

    def programme(self, key: str) -> Programme:
        return self._by_key[key]

    def holds(self, key: str) -> bool:
        """Whether a programme of this key (<municipality folder>/<programme folder>) is here."""
        return key in self._by_key

    def programme_at(self, src_uri: str) -> Programme | None:
        """The programme whose page has this source path, if any."""
        return self._by_page.get(src_uri)

    def vocabulary(self, key: str) -> Vocabulary:
        return next(v for v in self.vocabularies if v.key == key)

    def programmes_of(self, municipality: Municipality) -> list[Programme]:
        """A municipality's programmes, newest first."""
        return self._by_municipality.get(municipality.key, [])

    def by_year(self) -> list[tuple[int, list[Programme]]]:
        """Programmes grouped by the year their period starts, latest year first."""
        groups: dict[int, list[Programme]] = defaultdict(list)
        for programme in self.programmes:
            groups[programme.start.first.year].append(programme)
        return sorted(groups.items(), reverse=True)

    def by_voivodeship(self) -> list[tuple[str, list[Programme]]]:
        """Programmes grouped by voivodeship, alphabetically; within one, by municipality, newest first."""
        groups: dict[str, list[Programme]] = defaultdict(list)
        for municipality in self.municipalities:  # already in alphabetical order
            groups[municipality.voivodeship].extend(self.programmes_of(municipality))
        return sorted(groups.items(), key=lambda group: sort_key(group[0]))


def programme_order(programme: Programme) -> tuple[object, ...]:
    """The order of programme lists on term pages, in the finders and in the data files."""
    municipality = programme.municipality
    return (
        _STATUS_RANK[programme.status],
        sort_key(municipality.short_name),
        municipality.key,
        -programme.since.toordinal(),
        programme.key,
    )


def build_archive(programmes_dir: Path, root: Path, as_of: dt.date, drafts: bool = False) -> Archive:
    """Load, validate and cross-link the programmes folder; raise InvalidArchive listing every
    problem. With `drafts` (the clerks' preview only), drafts are part of it, marked as such."""
    loaded = load_folder(programmes_dir, root, drafts)
    problems = list(loaded.problems)
    descriptions = load_descriptions(programmes_dir, Context(root, problems, {}))
    problems += _url_clashes(loaded.municipalities, loaded.programmes, root)
    problems += _link_relations(loaded.programmes, loaded.present, root)
    if problems:
        raise InvalidArchive(problems)
    by_key = {p.key: p for p in loaded.programmes}
    for programme in loaded.programmes:
        programme.status = status_of(programme, [by_key[k] for k in programme.superseded_by], as_of)
    programmes = sorted(loaded.programmes, key=lambda p: (p.since, p.key), reverse=True)
    municipalities = sorted(loaded.municipalities, key=lambda m: (sort_key(m.short_name), m.key))
    warnings = tuple(sorted(w for p in programmes if (w := _unmarked_excerpt(p, root)) is not None))
    gaps = tuple(sorted(loaded.contact_gaps))
    return Archive(
        tuple(municipalities),
        tuple(programmes),
        tuple(loaded.vocabularies),
        as_of,
        warnings,
        gaps,
        descriptions,
    )


def _unmarked_excerpt(programme: Programme, root: Path) -> Problem | None:
    """A record with neither goals nor addressees that claims the whole text: likely an excerpt."""
    if programme.incomplete or programme.main_goal or programme.items["cele"] or programme.items["adresaci"]:
        return None
    return Problem(
        display_path(programme.record_path, root),
        0,
        "tekst_niepelny",
        "rekord nie ma ani celów, ani adresatów, a nie zaznacza, że archiwum ma tylko część tekstu",
        "jeśli programme.md to wyciąg, opisz to w tekst_niepelny (zawiera, powod, pelny_tekst); "
        "jeśli dokument naprawdę nie ma celów ani adresatów, nic nie zmieniaj",
    )


def _url_clashes(
    municipalities: list[Municipality], programmes: list[Programme], root: Path
) -> list[Problem]:
    """Two folders whose names give the same URL would overwrite each other's page."""
    owners: dict[str, list[Path]] = defaultdict(list)
    for municipality in municipalities:
        owners[municipality.url].append(municipality.source.parent)
    for programme in programmes:
        owners[programme.url].append(programme.record_path.parent)
    problems = []
    for url, folders in owners.items():
        for folder in folders[1:]:
            problems.append(
                Problem(
                    display_path(folder, root),
                    0,
                    "",
                    f"adres /{url} jest już zajęty przez {display_path(folders[0], root)}",
                    "nazwy folderów różniące się tylko wielkością liter lub znakami diakrytycznymi "
                    "dają ten sam adres; zmień nazwę jednego z folderów",
                )
            )
    return problems


def _link_relations(programmes: list[Programme], present: set[str], root: Path) -> list[Problem]:
    """Fill in the inverse relations; report references to programmes that do not exist (one
    `present` but not loaded has its own problems reported)."""
    by_key = {p.key: p for p in programmes}
    problems = []
    for programme in programmes:
        for field_, targets, inverse in (
            ("relacje.zastepuje", programme.supersedes, "superseded_by"),
            ("relacje.zmienia", programme.amends, "amended_by"),
        ):
            for target in targets:
                if target in by_key and target != programme.key:
                    getattr(by_key[target], inverse).append(programme.key)
                    continue
                if target in present and target != programme.key:
                    continue
                problems.append(
                    Problem(
                        display_path(programme.record_path, root),
                        0,
                        field_,
                        f"odwołanie do nieznanego programu „{target}”",
                        "podaj <folder gminy>/<folder programu> jednego z programów archiwum, np. "
                        + ", ".join(sorted(k for k in by_key if k != programme.key)[:3]),
                    )
                )
    return problems
