"""MkDocs adapter for pal-archiwum: thin event functions around the ``palarchiwum`` core.

State lives on the build's config object, rebuilt in ``on_config`` for every build, so that
``mkdocs serve`` rebuilds and test runs never see a previous build's archive.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from palarchiwum.archive import Archive, build_archive
from palarchiwum.pages import attachment_assets, render_pages
from palarchiwum.problems import InvalidArchive
from palarchiwum.settings import Settings, from_environment

_KEY = "pal_archiwum"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).resolve().parent
    try:
        settings = from_environment(root, config.extra.get("archiwum", {}))
        archive = build_archive(settings.programmes_dir, root, settings.as_of)
    except InvalidArchive as exc:
        raise PluginError(str(exc)) from None
    config[_KEY] = (settings, archive)
    return config


def _state(config: MkDocsConfig) -> tuple[Settings, Archive]:
    state = config.get(_KEY)
    if state is None:
        raise PluginError("pal-archiwum: archiwum nie zostało wczytane (on_config nie zadziałało)")
    return state


def on_files(files: Files, config: MkDocsConfig) -> Files:
    settings, archive = _state(config)
    for page in render_pages(archive, settings.templates_dir):
        files.append(File.generated(config, page.src_uri, content=page.content))
    for asset in attachment_assets(archive):
        files.append(File.generated(config, asset.src_uri, abs_src_path=str(asset.source)))
    return files


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, **_: Any) -> dict[str, Any]:
    _, archive = _state(config)
    context["archiwum"] = archive
    return context
