"""Everything one build needs, prepared once: settings, archive, history, publisher."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from palarchiwum.history.attribution import Attribution, missing_reasons
from palarchiwum.history.chronicle import Chronicle, Metryczka, relative_posix
from palarchiwum.history.editors import Roster, RosterEntry
from palarchiwum.history.git_log import read_history
from palarchiwum.records.archive import Archive, build_archive
from palarchiwum.records.change_descriptions import DESCRIPTIONS_FILE
from palarchiwum.records.folder_loading import RECORD_FILE, TEXT_FILE
from palarchiwum.reuse.shared_text import SharedText, find_shared_text, no_shared_text

from .publisher import Publisher, publisher_from
from .settings import Settings, from_environment, preview_served


@dataclass(frozen=True)
class Site:
    settings: Settings
    archive: Archive
    chronicle: Chronicle
    publisher: Publisher
    docs_dir: Path
    site_url: str  # absolute, ends with "/"; "" when mkdocs.yml gives none
    shared: SharedText  # passages the programmes share (none when the publisher turned them off)

    @property
    def warnings(self) -> list[str]:
        """What the person who builds should look at, without failing a strict build: records
        to check, and an incomplete history."""
        return [str(problem) for problem in self.archive.warnings] + self.chronicle.history.warnings

    def metryczka_for(self, src_uri: str) -> Metryczka | None:
        """The metryczka of a programme page or a hand-written page; None for derived pages."""
        programme = self.archive.programme_at(src_uri)
        if programme is not None:
            return self.chronicle.programme_metryczka(programme)
        if (self.docs_dir / src_uri).is_file():
            return self.chronicle.page_metryczka(src_uri, self.publisher.name)
        return None

    def release_texts(self) -> None:
        """Let the programmes' texts, current and earlier, and their items go: once the pages and
        data files are rendered nothing reads them (``BuildRun.let_texts_go`` keeps the programme
        pages' JSON-LD first), and MkDocs then keeps some 41,000 pages of its own in memory (at
        10,000 programmes).
        """
        for programme in self.archive.programmes:
            programme.release_text()
        self.chronicle.history.release_texts()

    def last_changes(self) -> dict[str, str]:
        """Day of the last change (ISO) of each page that has one: programmes, their versions,
        hand-written pages. Derived pages (lists, terms) are left out rather than dated by the build.
        """
        found: dict[str, str] = {}
        for programme in self.archive.programmes:
            changes = self.chronicle.changes(programme)
            if changes:
                found[programme.src_uri] = changes[0].version.commit.day.isoformat()
            for change in changes:
                found[change.version.src_uri] = change.version.commit.day.isoformat()
        for path in self.docs_dir.rglob("*.md"):
            src_uri = path.relative_to(self.docs_dir).as_posix()
            changed = self.chronicle.page_metryczka(src_uri, None).changed_on
            if changed:
                found[src_uri] = changed.isoformat()
        return found


def prepare_site(
    root: Path, options: Mapping[str, Any], docs_dir: Path, site_url: str, served_at: str = ""
) -> Site:
    """Load and check the archive, read its history (one git call), read the publisher.

    `served_at` is the development server's address (host:port), for ``preview_served``. Raises
    InvalidArchive listing every problem; history problems are warnings on the chronicle.
    """
    settings = from_environment(root, options)
    settings = replace(settings, preview=preview_served(settings, site_url, served_at))
    archive = build_archive(settings.programmes_dir, root, settings.as_of, drafts=settings.preview)
    publisher = publisher_from(options)
    paths = [relative_posix(settings.programmes_dir, root), relative_posix(docs_dir, root)]
    versioned = (f"/{TEXT_FILE}", f"/{RECORD_FILE}")  # the files whose earlier texts are published
    roster = Roster(RosterEntry(e.name, e.role, e.email) for e in publisher.editors)
    descriptions = relative_posix(settings.programmes_dir / DESCRIPTIONS_FILE, root)
    attribution = Attribution(roster, archive.change_descriptions, descriptions)
    history = read_history(root, paths, lambda path: path.endswith(versioned), attribution)
    if history.complete:
        history.warnings.extend(attribution.unused())
    chronicle = Chronicle(archive, history, root, docs_dir, settings.programmes_dir)
    history.warnings.extend(missing_reasons((e.commit for e in chronicle.register()), descriptions))
    url = site_url if not site_url or site_url.endswith("/") else site_url + "/"
    shared = find_shared_text(archive.programmes) if settings.shared_passages else no_shared_text()
    return Site(settings, archive, chronicle, publisher, docs_dir, url, shared)
