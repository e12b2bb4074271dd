"""MkDocs adapter for pal-archiwum: thin event functions around the ``palarchiwum`` core.

State lives on the build's config object, rebuilt in ``on_config`` for every build, so that
``mkdocs serve`` rebuilds and test runs never see a previous build's archive.
"""

from __future__ import annotations

import logging
import sys
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents
from mkdocs.utils.meta import get_data

from palarchiwum.datafiles import data_schemas, write_data_files
from palarchiwum.memory import give_back_memory
from palarchiwum.pages import attachment_assets, render_hand_written, render_pages
from palarchiwum.polish import plural
from palarchiwum.problems import InvalidArchive
from palarchiwum.search_index import SearchIndexer, SearchIndexFailed, latin_spellings, searchable
from palarchiwum.site import Site, prepare_site
from palarchiwum.spool import Spool

_KEY = "pal_archiwum"
_BUILD = "pal_archiwum_build"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).resolve().parent
    try:
        site = prepare_site(
            root, config.extra.get("archiwum", {}), Path(config.docs_dir), config.site_url or ""
        )
    except InvalidArchive as exc:
        raise PluginError(str(exc)) from None
    for warning in site.chronicle.history.warnings:
        _history_log().warning("pal-archiwum: %s", warning)
    config[_KEY] = site
    return config


def _history_log() -> logging.Logger:
    """Incomplete history is reported as a warning that ``--strict`` does not turn into a failure.

    A clone without full history (or a copy without git) still builds a correct archive, with the
    dates from the records; MkDocs counts only warnings of its own loggers, so these go elsewhere.
    """
    log = logging.getLogger("palarchiwum.historia")
    if not log.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        log.addHandler(handler)
        log.propagate = False
    return log


@dataclass
class _Build:
    """What one build keeps between events: its working folder and its search indexer."""

    spool: Spool
    search: SearchIndexer

    def __post_init__(self) -> None:
        # A build that fails half-way never reaches on_post_build (and on_build_error is not
        # given the config): stop its Pagefind run and remove its files when it is let go.
        weakref.finalize(self, _abandon, self.spool, self.search)


def _abandon(spool: Spool, search: SearchIndexer) -> None:
    search.close()
    spool.remove()


def _build(config: MkDocsConfig) -> _Build:
    build = config.get(_BUILD)
    if build is None:
        raise PluginError("pal-archiwum: budowanie nie zostało przygotowane (on_files nie zadziałało)")
    return build


def _site(config: MkDocsConfig) -> Site:
    site = config.get(_KEY)
    if site is None:
        raise PluginError("pal-archiwum: archiwum nie zostało wczytane (on_config nie zadziałało)")
    return site


def on_files(files: Files, config: MkDocsConfig) -> Files:
    site = _site(config)
    search = SearchIndexer(Path(config.site_dir), site.settings.search_part_size, site.settings.templates_dir)
    build = _Build(Spool(), search)
    config[_BUILD] = build
    for file in files.documentation_pages():
        markdown, meta = get_data(file.content_string)
        if searchable(meta, generated=False):
            search.expect(_hand_written(markdown, meta, site, file.src_uri))
    # Generated pages and data files wait on disk (palarchiwum/spool.py), not in memory.
    for page in render_pages(site):
        path = build.spool.write(f"md/{page.src_uri}", page.content)
        files.append(File.generated(config, page.src_uri, abs_src_path=str(path)))
        if _says_searchable(page.content):
            search.expect(page.content)
    data = build.spool.folder / "dane"
    for src_uri in write_data_files(site, data):
        files.append(File.generated(config, src_uri, abs_src_path=str(data / src_uri)))
    for asset in (*attachment_assets(site.archive), *data_schemas()):
        files.append(File.generated(config, asset.src_uri, abs_src_path=str(asset.source)))
    site.release_texts()
    give_back_memory()
    return files


def _says_searchable(markdown: str) -> bool:
    """Whether a generated page asks to be searched; its front matter is parsed only if it may."""
    head = markdown[: markdown.find("\n---", 3)] if markdown.startswith("---") else ""
    return "szukaj" in head and searchable(get_data(markdown)[1], generated=True)


def _hand_written(markdown: str, meta: dict[str, Any], site: Site, src_uri: str) -> str:
    """A hand-written page's Markdown; pages with `wydawca: true` get the publisher's details."""
    if not meta.get("wydawca"):
        return markdown
    try:
        return render_hand_written(markdown, site, src_uri)
    except InvalidArchive as exc:
        raise PluginError(str(exc)) from None


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    site = _site(config)
    # MkDocs dates every page by the day of the build (sitemap.xml.gz carries it, and is written
    # before pages are rendered); the archive dates them by its as-of day, so that one commit
    # always builds the same bytes.
    page.update_date = site.archive.as_of.isoformat()
    markdown = _hand_written(markdown, page.meta, site, page.file.src_uri)
    page.meta["szukaj"] = searchable(page.meta, generated=page.file.generated_by is not None)
    if page.meta["szukaj"]:
        page.meta["lacinka"] = latin_spellings(markdown)
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    build = _build(config)
    if page.meta.get("szukaj"):
        description, latin = page.meta.get("opis_wyniku"), page.meta.pop("lacinka", "")
        try:
            build.search.add(page.file.dest_uri, page.title or "", html, description, latin)
        except SearchIndexFailed as exc:
            raise PluginError(str(exc)) from None
    # MkDocs renders every page before it fills in any template, and keeps each page's HTML and
    # table of contents until then: the archive's pages wait on disk instead.
    build.spool.write(f"html/{page.file.src_uri}", html)
    build.spool.keep(f"toc/{page.file.src_uri}", page.toc)
    page.toc = TableOfContents([])
    page.markdown = None
    _compact_anchors(page)
    return ""


def _compact_anchors(page: Page) -> None:
    """MkDocs keeps every page's anchors, and every link to an anchor, to check them when all
    pages are rendered. The same anchors recur on thousands of pages: each is kept once. A
    generated page's link is kept as its anchor alone (its templates wrote it, the tests crawl
    it); a hand-written page's keeps its full wording, for the message a clerk would read.
    """
    page.present_anchor_ids = {sys.intern(anchor) for anchor in page.present_anchor_ids or ()}
    if page.links_to_anchors and page.file.generated_by is not None:
        page.links_to_anchors = {
            target: {sys.intern(anchor): sys.intern(f"#{anchor}") for anchor in links}
            for target, links in page.links_to_anchors.items()
        }


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, **_: Any) -> dict[str, Any]:
    site = _site(config)
    build = _build(config)
    page.content = build.spool.take(f"html/{page.file.src_uri}")
    page.toc = build.spool.take_back(f"toc/{page.file.src_uri}")
    context["archiwum"] = site.archive
    context["wydawca"] = site.publisher
    context["metryczka"] = site.metryczka_for(page.file.src_uri)
    context["jsonld"] = site.jsonld_for(page.file.src_uri)
    return context


def on_template_context(context: dict[str, Any], template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    if template_name == "sitemap.xml":
        context["ostatnie_zmiany"] = _site(config).last_changes()
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    # Written out: MkDocs needs only the page's anchors and links from now on.
    page.content = None
    page.toc = TableOfContents([])
    return output


def on_post_build(config: MkDocsConfig) -> None:
    build = _build(config)
    config[_BUILD] = None
    build.spool.remove()
    try:
        index = build.search.finish()
    except SearchIndexFailed as exc:
        raise PluginError(str(exc)) from None
    pages = plural(index.pages, "stronę", "strony", "stron")
    parts = plural(index.parts, "części", "częściach", "częściach")  # "w 1 części", "w 2 częściach"
    get_plugin_logger("palarchiwum").info(
        "wyszukiwarka: zindeksowano %s w %s (%s)", pages, parts, index.folder
    )
