"""One build's working state, from the files it adds to the site to the search index it leaves.

MkDocs renders every page before it fills in any template, and keeps each page's HTML until
then; the archive's generated pages, data files and rendered HTML wait on disk instead (the
spool), and the texts the pages were rendered from are let go as soon as nothing reads them.
"""

from __future__ import annotations

import re
import time
import weakref
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, Protocol

from palarchiwum.generated_files import VERBATIM, GeneratedAsset
from palarchiwum.opendata.data_files import data_schemas, write_data_files
from palarchiwum.opendata.jsonld import legislation
from palarchiwum.pages.generated_pages import attachment_assets, render_pages
from palarchiwum.pages.hand_written_pages import with_publisher
from palarchiwum.pages.timeline import POSITIONS_CSS, position_css
from palarchiwum.records.catalogue_records import Programme
from palarchiwum.records.markdown_rendering import MarkdownSetup
from palarchiwum.records.problems import InvalidArchive
from palarchiwum.search.pagefind_index import SearchIndexer
from palarchiwum.search.search_entries import filter_labels, search_entry
from palarchiwum.search.searchable_pages import asks_to_be_searched, searchable
from palarchiwum.site import Site

from .content_policy import with_content_policy
from .freed_memory import give_back_memory
from .page_markup import PageMarkup
from .spool import Spool

_ANCHOR = re.compile(r'\sid="([^"]+)"')  # in HTML of the archive's own templates
FrontMatter = Callable[[str], Mapping[str, Any]]  # a page's Markdown → its front matter


class PageFile(Protocol):
    """Where a page comes from and where it is published (MkDocs' ``File``)."""

    src_uri: str  # e.g. programy/2808011-ketrzyn/pal-2014-2020/index.md
    dest_uri: str  # e.g. programy/2808011-ketrzyn/pal-2014-2020/index.html


class BuildRun:
    """What one build keeps between its steps: its working folder, its search indexer, and the
    programme pages' JSON-LD once the texts are let go.

    A build that fails half-way never reaches `finish`: its Pagefind run is stopped and its
    files removed when the BuildRun is let go.
    """

    def __init__(
        self, site: Site, site_dir: Path, front_matter: FrontMatter, markdown: MarkdownSetup
    ) -> None:
        self.site = site
        self._front_matter = front_matter
        self._markup = PageMarkup(markdown)
        self._policy_seconds = 0.0  # spent writing the pages' Content-Security-Policy
        self._spool = Spool()
        settings = site.settings
        labels = filter_labels(sorted({m.voivodeship for m in site.archive.municipalities}))
        self._search = SearchIndexer(site_dir, settings.search_part_size, settings.templates_dir, labels)
        self._jsonld: dict[str, dict[str, Any]] = {}
        self._verbatim: set[str] = set()  # pages with HTML of their template's own (VERBATIM)
        weakref.finalize(self, _abandon, self._spool, self._search)

    def expect_hand_written(self, markdown: str, meta: Mapping[str, Any], src_uri: str) -> None:
        """Announce a hand-written page to the search, if it is searchable.

        Raises InvalidArchive when the page's publisher placeholders cannot be filled in.
        """
        if searchable(meta, generated=False):
            self._search.expect(with_publisher(markdown, meta, self.site, src_uri))

    def generated_files(self) -> Iterator[GeneratedAsset]:
        """Every file the archive adds to the site, by where it waits on disk: the generated
        pages and data files (written to the working folder), then attachments and schemas.
        """
        for page in render_pages(self.site):
            if page.verbatim is not None:
                self._spool.write(f"verbatim/{page.src_uri}", page.verbatim)
                self._verbatim.add(page.src_uri)
            path = self._spool.write(f"md/{page.src_uri}", page.content)
            yield GeneratedAsset(page.src_uri, path)
            if asks_to_be_searched(page.content, self._front_matter):
                self._search.expect(page.content)
        data = self._spool.folder / "dane"
        for src_uri in write_data_files(self.site, data):
            yield GeneratedAsset(src_uri, data / src_uri)
        yield GeneratedAsset(POSITIONS_CSS, self._spool.write(f"css/{POSITIONS_CSS}", position_css()))
        yield from attachment_assets(self.site.archive)
        yield from data_schemas()

    def let_texts_go(self) -> None:
        """Once every generated file is rendered: keep the programme pages' JSON-LD, the only
        later reader of the texts and quotes, let them go, and hand freed memory back."""
        for programme in self.site.archive.programmes:
            self._jsonld[programme.src_uri] = self._legislation(programme)
        self.site.release_texts()
        give_back_memory()

    def template_values(self, src_uri: str) -> dict[str, Any]:
        """What a page's template reads besides the page: the archive, the publisher, the page's
        metryczka and JSON-LD, and the version of the search index (every page is rendered by now)."""
        site = self.site
        return {
            "archiwum": site.archive,
            "wydawca": site.publisher,
            "metryczka": site.metryczka_for(src_uri),
            "jsonld": self.jsonld_for(src_uri),
            "wersja_indeksu": self._search.version(),
        }

    def jsonld_for(self, src_uri: str) -> dict[str, Any] | None:
        """The JSON-LD of a programme's page; None for other pages."""
        if src_uri in self._jsonld:
            return self._jsonld[src_uri]
        programme = self.site.archive.programme_at(src_uri)
        return self._legislation(programme) if programme else None

    def page_markdown(self, markdown: str, meta: dict[str, Any], src_uri: str, generated: bool) -> str:
        """A page's Markdown as it is rendered, the publisher's details filled in (InvalidArchive
        if they cannot be); its front matter `meta` is told whether the search indexes it."""
        markdown = with_publisher(markdown, meta, self.site, src_uri)
        meta["szukaj"] = searchable(meta, generated=generated)
        return markdown

    def page_rendered(
        self, page: PageFile, title: str, html: str, meta: dict[str, Any], toc: object
    ) -> frozenset[str]:
        """A page's HTML and table of contents as MkDocs rendered them: a searchable page goes to
        the search index (SearchIndexFailed if it fails), and both wait on disk until the page's
        template is filled in (MkDocs renders every page before it fills in any template). HTML a
        template wrote past Markdown (VERBATIM) takes its marker's place first, and is checked
        with the rest; its anchors are returned, for MkDocs to check the page's links to them."""
        anchors: frozenset[str] = frozenset()
        if page.src_uri in self._verbatim:
            self._verbatim.discard(page.src_uri)
            verbatim = self._spool.take(f"verbatim/{page.src_uri}")
            anchors = frozenset(_ANCHOR.findall(verbatim))
            before, _, after = html.rpartition(VERBATIM)  # the template's line is the last
            html = before + verbatim + after
        self._markup.check(page.src_uri, html)
        if meta.get("szukaj"):
            self._search.add(page.dest_uri, search_entry(title, html, meta))
        self._spool.write(f"html/{page.src_uri}", html)
        self._spool.keep(f"toc/{page.src_uri}", toc)
        return anchors

    def refuse_unsafe_markup(self) -> None:
        """Once every page is rendered, before any is written: InvalidArchive naming the file and
        line of everything off the allow-list (markup_policy), if any page carries it."""
        settings = self.site.settings
        try:
            self._markup.refuse(settings.root, settings.programmes_dir, self.site.docs_dir)
        except InvalidArchive:
            self._search.discard()
            raise

    def published(self, output: str, content: str) -> str:
        """A page as it is written: its Content-Security-Policy filled in."""
        started = time.perf_counter()
        output = with_content_policy(output, content, self.site.settings.preview)
        self._policy_seconds += time.perf_counter() - started
        return output

    def take_rendered(self, src_uri: str) -> tuple[str, Any]:
        """The HTML and table of contents `page_rendered` kept, which are then let go."""
        return self._spool.take(f"html/{src_uri}"), self._spool.take_back(f"toc/{src_uri}")

    def finish(self) -> str:
        """Remove the working folder and complete the search index (SearchIndexFailed if it
        fails); what the build did, for its log."""
        self._spool.remove()
        policy = f"{self._policy_seconds:.2f}".replace(".", ",")
        return (
            f"{self._search.finish().report()}; {self._markup.report()}; polityka treści stron w {policy} s"
        )

    def _legislation(self, programme: Programme) -> dict[str, Any]:
        return legislation(programme, self.site.archive, self.site.chronicle, self.site.site_url)


def _abandon(spool: Spool, search: SearchIndexer) -> None:
    search.close()
    spool.remove()
