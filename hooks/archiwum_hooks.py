"""MkDocs adapter for pal-archiwum: thin event functions around the ``palarchiwum`` core.

State lives on the build's config object, rebuilt in ``on_config`` for every build, so that
``mkdocs serve`` rebuilds and test runs never see a previous build's archive.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from palarchiwum.datafiles import data_files, data_schemas
from palarchiwum.jsonld import legislation
from palarchiwum.pages import attachment_assets, render_hand_written, render_pages
from palarchiwum.polish import plural
from palarchiwum.problems import InvalidArchive
from palarchiwum.search_index import SearchIndexFailed, index_site, latin_spellings
from palarchiwum.site import Site, prepare_site

_KEY = "pal_archiwum"


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


def _site(config: MkDocsConfig) -> Site:
    site = config.get(_KEY)
    if site is None:
        raise PluginError("pal-archiwum: archiwum nie zostało wczytane (on_config nie zadziałało)")
    return site


def on_files(files: Files, config: MkDocsConfig) -> Files:
    site = _site(config)
    for page in render_pages(site):
        files.append(File.generated(config, page.src_uri, content=page.content))
    for data in data_files(site):
        files.append(File.generated(config, data.src_uri, content=data.content))
    for asset in (*attachment_assets(site.archive), *data_schemas()):
        files.append(File.generated(config, asset.src_uri, abs_src_path=str(asset.source)))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    # MkDocs dates every page by the day of the build (sitemap.xml.gz carries it, and is written
    # before pages are rendered); the archive dates them by its as-of day, so that one commit
    # always builds the same bytes.
    page.update_date = _site(config).archive.as_of.isoformat()
    page.meta["lacinka"] = latin_spellings(markdown)  # for the search; see overrides/main.html
    if not page.meta.get("wydawca"):
        return markdown
    try:
        return render_hand_written(markdown, _site(config), page.file.src_uri)
    except InvalidArchive as exc:
        raise PluginError(str(exc)) from None


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, **_: Any) -> dict[str, Any]:
    site = _site(config)
    context["archiwum"] = site.archive
    context["wydawca"] = site.publisher
    context["metryczka"] = site.metryczka_for(page.file.src_uri)
    programme = site.archive.programme_at(page.file.src_uri)
    context["jsonld"] = (
        legislation(programme, site.archive, site.chronicle, site.site_url) if programme else None
    )
    return context


def on_template_context(context: dict[str, Any], template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    if template_name == "sitemap.xml":
        context["ostatnie_zmiany"] = _site(config).last_changes()
    return context


def on_post_build(config: MkDocsConfig) -> None:
    try:
        index = index_site(Path(config.site_dir))
    except SearchIndexFailed as exc:
        raise PluginError(str(exc)) from None
    pages = plural(index.pages, "stronę", "strony", "stron")
    get_plugin_logger("palarchiwum").info("wyszukiwarka: zindeksowano %s (%s)", pages, index.folder)
