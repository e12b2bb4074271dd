"""The archive's history as its pages show it: versions, change registers, metryczka data."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from palarchiwum.records.archive import Archive
from palarchiwum.records.catalogue_records import Programme
from palarchiwum.records.change_descriptions import DESCRIPTIONS_FILE

from .effects import Effect, effect_of
from .git_log import Commit, History
from .record_comparison import ProgrammeName, RecordComparison, TermName, compare_records
from .version_comparison import Comparison, compare

_TITLE = re.compile(r"^#\s+(.+?)\s*(?:\{.*\})?\s*$", re.MULTILINE)
# Skipped before looking for a page's heading: a comment in it is not a title.
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?^---[ \t]*$", re.MULTILINE | re.DOTALL)


@dataclass(frozen=True)
class Version:
    """A programme as one commit left it."""

    programme: Programme
    commit: Commit
    number: int  # 1 is the first published version
    current: bool
    # Where the texts are: they are read from the history when asked for, not kept, since
    # 10,000 programmes' texts do not fit in memory twice.
    history: History = field(repr=False, compare=False)
    text_path: str = field(repr=False, compare=False)
    record_path: str = field(repr=False, compare=False)

    @property
    def text(self) -> str | None:
        """programme.md at this version."""
        return self.history.text_at(self.text_path, self.commit)

    @property
    def record(self) -> str | None:
        """programme.yml at this version."""
        return self.history.text_at(self.record_path, self.commit)

    @property
    def src_uri(self) -> str:
        """Every version, the current one too, has a page of its own that stays as it is."""
        return f"{self.programme.url}wersje/{self.commit.version_id}/index.md"


@dataclass(frozen=True)
class Change:
    """One entry of a programme's change register: a version and what it changed."""

    version: Version
    previous: Version | None
    files: tuple[str, ...]  # changed files, relative to the programme's folder
    # How the record's comparison names terms and programmes (Chronicle.names).
    names: tuple[TermName, ProgrammeName] = field(repr=False, compare=False)

    @property
    def text_diff(self) -> Comparison:
        return compare(self.previous.text if self.previous else None, self.version.text)

    @cached_property
    def record_diff(self) -> RecordComparison:
        """The record's changes in sentences („Zmieniono okres realizacji: …”)."""
        return compare_records(
            self.previous.record if self.previous else None, self.version.record, *self.names
        )

    @cached_property
    def effect(self) -> Effect | None:
        """When the change takes effect, where the record says so."""
        return effect_of(self.previous.record if self.previous else None, self.version.record)


@dataclass(frozen=True)
class Touched:
    """What one commit changed, as the site-wide register links it."""

    label: str
    src_uri: str
    change: Change | None = None  # for a programme: what the commit changed in it


REGISTER_SHOWN = 10  # pages an entry of the site-wide register names; the rest are on its own page


@dataclass(frozen=True)
class RegisterEntry:
    commit: Commit
    touched: tuple[Touched, ...]

    @property
    def shown(self) -> tuple[Touched, ...]:
        """What the register row and the feed name: one commit may touch thousands of pages."""
        return self.touched[:REGISTER_SHOWN]

    @property
    def more(self) -> int:
        """How many touched pages the row leaves to the entry's own page."""
        return len(self.touched) - len(self.shown)

    @property
    def url(self) -> str | None:
        """The entry's own page, listing everything it touched; only for an entry with more."""
        return f"rejestr-zmian/{self.commit.version_id}/" if self.more else None


@dataclass(frozen=True)
class Metryczka:
    """The facts a BIP shows with each document; None where they are not known."""

    produced_by: str | None
    produced_on: dt.date | None
    entered_by: str | None
    entered_on: dt.date | None
    changed_by: str | None
    changed_on: dt.date | None
    version: int | None
    sha: str | None
    history_complete: bool
    partial_text: bool = False  # the archive holds only part of the document (who, when may be in the rest)


class Chronicle:
    """The archive's programmes and hand-written pages, seen through their git history."""

    def __init__(
        self, archive: Archive, history: History, root: Path, docs_dir: Path, programmes_dir: Path
    ) -> None:
        self.history = history
        self._root = root
        self._docs_prefix = relative_posix(docs_dir, root)
        self._folders = {relative_posix(p.record_path.parent, root): p for p in archive.programmes}
        self._archive = archive
        self._municipalities = {relative_posix(m.source, root): m for m in archive.municipalities}
        self._vocabularies = {relative_posix(v.source, root): v for v in archive.vocabularies}
        self._descriptions = relative_posix(programmes_dir / DESCRIPTIONS_FILE, root)
        self.names = _names(archive)
        self._paths = self._paths_by_folder()
        self._changes = {p.key: self._register_of(p) for p in archive.programmes}
        self._register = self._site_register()

    @property
    def complete(self) -> bool:
        return self.history.complete

    def changes(self, programme: Programme) -> list[Change]:
        """The programme's change register, newest first."""
        return self._changes[programme.key]

    def programme_metryczka(self, programme: Programme) -> Metryczka:
        commits = [change.version.commit for change in self.changes(programme)]
        found = self._metryczka(programme.resolution.organ, programme.resolution.date, commits)
        return replace(found, partial_text=programme.incomplete is not None)

    def page_metryczka(self, src_path: str, producer: str | None) -> Metryczka:
        """For a hand-written page (``src_path`` inside docs/): produced and entered as first committed."""
        commits = self.history.commits_under(f"{self._docs_prefix}/{src_path}")
        first = commits[-1].day if commits else None
        return self._metryczka(producer, first, commits)

    def _metryczka(self, producer: str | None, produced: dt.date | None, commits: list[Commit]) -> Metryczka:
        first, last = (commits[-1], commits[0]) if commits else (None, None)
        return Metryczka(
            produced_by=producer,
            produced_on=produced,
            entered_by=first.who.name if first else None,
            entered_on=first.day if first else None,
            changed_by=last.who.name if last else None,
            changed_on=last.day if last else None,
            version=len(commits) or None,
            sha=last.short if last else None,
            history_complete=self.history.complete,
        )

    def register(self) -> list[RegisterEntry]:
        """Every commit that changed a published page, newest first."""
        return self._register

    def _site_register(self) -> list[RegisterEntry]:
        touched: dict[str, list[Touched]] = {}
        for path, versions in self.history.versions.items():
            target = self._target_of(path)
            if target is None:
                continue
            for version in versions:
                found = touched.setdefault(version.commit.sha, [])
                if all(t.src_uri != target.src_uri for t in found):
                    found.append(self._for_commit(target, version.commit))
        return [
            RegisterEntry(c, self._programmes_first(touched[c.sha]))
            for c in self.history.commits
            if c.sha in touched
        ]

    def _for_commit(self, target: Touched, commit: Commit) -> Touched:
        """A programme's entry with what this commit changed in it."""
        programme = self._archive.programme_at(target.src_uri)
        if programme is None:
            return target
        change = next((c for c in self.changes(programme) if c.version.commit.sha == commit.sha), None)
        return replace(target, change=change)

    def _programmes_first(self, touched: list[Touched]) -> tuple[Touched, ...]:
        """A register row names programmes before the archive's own pages: they are its content."""
        return tuple(sorted(touched, key=lambda t: self._archive.programme_at(t.src_uri) is None))

    def _target_of(self, path: str) -> Touched | None:
        folder = self._folder_of(path)
        if folder:
            programme = self._folders[folder]
            return Touched(f"{programme.short_name} — {programme.municipality.short_name}", programme.src_uri)
        if path in self._municipalities:
            municipality = self._municipalities[path]
            return Touched(f"{municipality.name}: dane gminy", f"{municipality.url}index.md")
        if path in self._vocabularies:
            vocabulary = self._vocabularies[path]
            return Touched(f"Słownik: {vocabulary.name}", vocabulary.src_uri)
        if path == self._descriptions:
            return Touched("Rejestr zmian: opisy wcześniejszych zmian", "rejestr-zmian/index.md")
        if path.startswith(self._docs_prefix + "/") and path.endswith(".md"):
            src = path[len(self._docs_prefix) + 1 :]
            if (self._root / path).is_file():
                return Touched(_title_of(self._root / path, src), src)
        return None

    def _paths_by_folder(self) -> dict[str, list[str]]:
        """The changed files of each programme folder, found once for all programmes."""
        found: dict[str, list[str]] = {folder: [] for folder in self._folders}
        for path in self.history.versions:
            folder = self._folder_of(path)
            if folder:
                found[folder].append(path)
        return found

    def _folder_of(self, path: str) -> str | None:
        parts = path.split("/")
        for end in range(len(parts) - 1, 0, -1):
            folder = "/".join(parts[:end])
            if folder in self._folders:
                return folder
        return None

    def _register_of(self, programme: Programme) -> list[Change]:
        folder = relative_posix(programme.record_path.parent, self._root)
        paths = self._paths[folder]
        by_path = self.history.versions
        commits = self.history.newest_first(v.commit.sha for path in paths for v in by_path[path])
        text_path = relative_posix(programme.text_path, self._root)
        record_path = relative_posix(programme.record_path, self._root)
        versions = [
            Version(
                programme,
                commit,
                len(commits) - i,
                current=i == 0,
                history=self.history,
                text_path=text_path,
                record_path=record_path,
            )
            for i, commit in enumerate(commits)
        ]
        changes = []
        for i, version in enumerate(versions):
            previous = versions[i + 1] if i + 1 < len(versions) else None
            files = tuple(
                path.removeprefix(folder + "/")
                for path in paths
                if any(v.commit.sha == version.commit.sha for v in self.history.versions[path])
            )
            changes.append(Change(version, previous, tuple(sorted(files)), self.names))
        return changes


def relative_posix(path: Path, root: Path) -> str:
    """`path` relative to `root`, as git prints paths."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _names(archive: Archive) -> tuple[TermName, ProgrammeName]:
    """How a record comparison names terms and programmes: by their names, never their keys."""
    terms = {(v.key, t.id): t.name for v in archive.vocabularies for t in v.terms}
    programmes = {p.key: f"{p.short_name} — {p.municipality.short_name}" for p in archive.programmes}

    def term_name(vocabulary: str, term: str) -> str:
        return terms.get((vocabulary, term), term)

    def programme_name(key: str) -> str:
        return programmes.get(key, key)

    return term_name, programme_name


def _title_of(path: Path, fallback: str) -> str:
    text = _FRONT_MATTER.sub("", path.read_text(encoding="utf-8", errors="replace"), count=1)
    match = _TITLE.search(text)
    return match.group(1) if match else fallback
