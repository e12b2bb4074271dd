"""MkDocs adapter for pal-archiwum: thin event functions around the ``palarchiwum`` core.

State lives on the build's config object, rebuilt in ``on_config`` for every build, so that
``mkdocs serve`` rebuilds and test runs never see a previous build's archive: the ``Site``
(everything the build is made from) and, from ``on_files`` on, its ``BuildRun`` (its working
folder and search index).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents
from mkdocs.utils.meta import get_data

from palarchiwum.build.build_run import BuildRun
from palarchiwum.history.history_warnings import warn_of_incomplete_history
from palarchiwum.records.problems import InvalidArchive
from palarchiwum.search.pagefind_index import SearchIndexFailed
from palarchiwum.site import Site, prepare_site

_KEY = "pal_archiwum"
_BUILD = "pal_archiwum_build"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).resolve().parent
    with _stopping_the_build():
        options = config.extra.get("archiwum", {})
        site = prepare_site(root, options, Path(config.docs_dir), config.site_url or "")
    warn_of_incomplete_history(site.chronicle.history.warnings)
    config[_KEY] = site
    return config


def _build(config: MkDocsConfig) -> BuildRun:
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
    build = BuildRun(_site(config), Path(config.site_dir), front_matter=_front_matter)
    config[_BUILD] = build
    for file in files.documentation_pages():
        markdown, meta = get_data(file.content_string)
        with _stopping_the_build():
            build.expect_hand_written(markdown, meta, file.src_uri)
    for generated in build.generated_files():
        files.append(File.generated(config, generated.src_uri, abs_src_path=str(generated.source)))
    build.let_texts_go()
    return files


def _front_matter(markdown: str) -> dict[str, Any]:
    return get_data(markdown)[1]


@contextmanager
def _stopping_the_build() -> Iterator[None]:
    """A problem in the archive's input, or a search index that failed, stops the build with its
    message in Polish, not a traceback."""
    try:
        yield
    except (InvalidArchive, SearchIndexFailed) as exc:
        raise PluginError(str(exc)) from None


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    build = _build(config)
    # MkDocs dates every page by the day of the build (sitemap.xml.gz carries it, and is written
    # before pages are rendered); the archive dates them by its as-of day, so that one commit
    # always builds the same bytes.
    page.update_date = build.site.archive.as_of.isoformat()
    with _stopping_the_build():
        return build.page_markdown(markdown, page.meta, page.file.src_uri, page.file.generated_by is not None)


def on_page_content(html: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    with _stopping_the_build():
        _build(config).page_rendered(page.file, page.title or "", html, page.meta, page.toc)
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
    page.content, page.toc = build.take_rendered(page.file.src_uri)
    context["archiwum"] = site.archive
    context["wydawca"] = site.publisher
    context["metryczka"] = site.metryczka_for(page.file.src_uri)
    context["jsonld"] = build.jsonld_for(page.file.src_uri)
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
    with _stopping_the_build():
        index = build.finish()
    get_plugin_logger("palarchiwum").info("%s", index.report())
