"""MkDocs adapter for pal-archiwum: thin event functions around the ``palarchiwum`` core. State lives on
the config, rebuilt for every build (``mkdocs serve`` rebuilds): the ``Site``, then its ``BuildRun``."""

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

from palarchiwum.build.build_notes import tell_in_log
from palarchiwum.build.build_run import BuildRun
from palarchiwum.build.preview import ProblemsPreview, problems_preview
from palarchiwum.records.markdown_rendering import MarkdownSetup
from palarchiwum.records.problems import InvalidArchive
from palarchiwum.search.pagefind_index import SearchIndexFailed
from palarchiwum.site import Site, prepare_site

_KEY = "pal_archiwum"
_BUILD = "pal_archiwum_build"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root, docs = Path(config.config_file_path).resolve().parent, Path(config.docs_dir)
    with _stopping_the_build(config):
        options, served_at = config.extra.get("archiwum", {}), str(config.dev_addr)
        config[_KEY] = site = prepare_site(root, options, docs, config.site_url or "", served_at)
        tell_in_log(site, get_plugin_logger("palarchiwum"))
    return config


def _build(config: MkDocsConfig) -> BuildRun | ProblemsPreview:
    if (build := config.get(_BUILD)) is None:
        raise PluginError("pal-archiwum: budowanie nie zostało przygotowane (on_files nie zadziałało)")
    return build


def _site(config: MkDocsConfig) -> Site:
    if (site := config.get(_KEY)) is None:
        raise PluginError("pal-archiwum: archiwum nie zostało wczytane (on_config nie zadziałało)")
    return site


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if isinstance(config.get(_BUILD), ProblemsPreview):
        return Files([])
    setup = MarkdownSetup(tuple(config.markdown_extensions), config.mdx_configs)
    build = BuildRun(_site(config), Path(config.site_dir), lambda text: get_data(text)[1], setup)
    config[_BUILD] = build
    for file in files.documentation_pages():
        markdown, meta = get_data(file.content_string)
        with _stopping_the_build():
            build.expect_hand_written(markdown, meta, file.src_uri)
    for generated in build.generated_files():
        files.append(File.generated(config, generated.src_uri, abs_src_path=str(generated.source)))
    build.let_texts_go()
    return files


@contextmanager
def _stopping_the_build(config: MkDocsConfig | None = None, files: Files | None = None) -> Iterator[None]:
    """A problem in the input, or a failed search index, stops the build in Polish, no traceback;
    in the clerks' preview (given the config) a problem in the input leaves only its list."""
    try:
        yield
    except (InvalidArchive, SearchIndexFailed) as exc:
        preview = problems_preview(exc, config) if config else None
        if preview is None:
            raise PluginError(str(exc)) from None
        config[_BUILD], config.nav = preview, None  # no page of the site, nor of the theme:
        config.theme.static_templates.clear()
        for file in list(files or ()):
            files.remove(file)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    build = _build(config)
    # MkDocs dates pages by the build's day (in sitemap.xml.gz, written before pages are rendered);
    # the archive by its as-of day, so that one commit always builds the same bytes.
    page.update_date = build.site.archive.as_of.isoformat()
    with _stopping_the_build():
        return build.page_markdown(markdown, page.meta, page.file.src_uri, page.file.generated_by is not None)


def on_page_content(html: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    with _stopping_the_build():
        anchors = _build(config).page_rendered(page.file, page.title or "", html, page.meta, page.toc)
    page.present_anchor_ids = (page.present_anchor_ids or set()) | anchors
    page.toc, page.markdown = TableOfContents([]), None
    _compact_anchors(page)
    return ""


def _compact_anchors(page: Page) -> None:
    """MkDocs keeps every page's anchors and links to anchors until all pages are rendered: each once;
    a generated page's link as its anchor alone (the tests crawl them), a hand-written page's in full."""
    page.present_anchor_ids = {sys.intern(anchor) for anchor in page.present_anchor_ids or ()}
    if page.links_to_anchors and page.file.generated_by is not None:
        page.links_to_anchors = {
            target: {sys.intern(anchor): sys.intern(f"#{anchor}") for anchor in links}
            for target, links in page.links_to_anchors.items()
        }


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, **_: Any) -> dict[str, Any]:
    build = _build(config)
    page.content, page.toc = build.take_rendered(page.file.src_uri)
    context.update(build.template_values(page.file.src_uri))
    return context


def on_template_context(context: dict[str, Any], template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    if template_name == "sitemap.xml":
        context["ostatnie_zmiany"] = _site(config).last_changes()
    return context


def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    with _stopping_the_build(config, files):
        _build(config).refuse_unsafe_markup()
    return env


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    return _build(config).published(output, "") if template_name.endswith(".html") else output


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    output = _build(config).published(output, page.content or "")
    # Written out: MkDocs needs only the page's anchors and links from now on.
    page.content, page.toc = None, TableOfContents([])
    return output


def on_post_build(config: MkDocsConfig) -> None:
    build = _build(config)
    config[_BUILD] = None
    with _stopping_the_build():
        get_plugin_logger("palarchiwum").info("%s", build.finish())
