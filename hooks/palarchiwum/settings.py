"""The archive's settings: where the programmes are and the date statuses are computed for."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from palarchiwum.records.dates import NotADate, parse_day
from palarchiwum.records.markdown_rendering import MarkdownSetup
from palarchiwum.records.problems import InvalidArchive, Problem

AS_OF_VARIABLE = "PAL_DATA_STANU"
PREVIEW_VARIABLE = "PAL_PODGLAD"


@dataclass(frozen=True)
class Settings:
    root: Path  # the project folder (where mkdocs.yml is)
    programmes_dir: Path
    templates_dir: Path
    as_of: dt.date
    # Pages in one part of the search index; None: as many as the archive's size allows
    # (search/pagefind_index.automatic_part_size).
    search_part_size: int | None = None
    # The clerks' preview (bash scripts/archiwum podglad sets $PAL_PODGLAD=1): drafts are shown.
    preview: bool = False
    # Shared passages between programmes: found, shown and published (extra.archiwum.wspolne_fragmenty).
    shared_passages: bool = True


def preview_served(settings: Settings, site_url: str, served_at: str) -> bool:
    """Whether this build is the clerks' preview: asked for ($PAL_PODGLAD=1) and served by the
    development server at `served_at` (host:port), whose own address is then the site's. A build
    run with the variable set by mistake keeps its real address: it publishes no draft."""
    return settings.preview and bool(served_at) and site_url.startswith(f"http://{served_at}/")


def settings_from(
    options: Mapping[str, Any], root: Path, environ: Mapping[str, str], today: dt.date
) -> Settings:
    """Settings from the ``extra.archiwum`` options of mkdocs.yml and the environment.

    The as-of date is, in order: $PAL_DATA_STANU, ``data_stanu`` in mkdocs.yml,
    $SOURCE_DATE_EPOCH (reproducible builds), today.
    """
    return Settings(
        root=root,
        programmes_dir=root / options.get("programy", "programmes"),
        templates_dir=root / options.get("szablony", "overrides/strony"),
        as_of=_as_of(options, environ, today),
        search_part_size=_part_size(options.get("stron_w_czesci_indeksu")),
        preview=environ.get(PREVIEW_VARIABLE) == "1",
        shared_passages=_yes_or_no(options, "wspolne_fragmenty", True),
    )


def _yes_or_no(options: Mapping[str, Any], key: str, default: bool) -> bool:
    value = options.get(key, default)
    if not isinstance(value, bool):
        problem = Problem(
            f"mkdocs.yml: extra.archiwum.{key}",
            0,
            "",
            f"to powinno być true albo false, a jest: {value!r}",
            f"wpisz {key}: true (domyślnie) albo {key}: false, albo usuń to pole",
        )
        raise InvalidArchive([problem])
    return value


def _part_size(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        problem = Problem(
            "mkdocs.yml: extra.archiwum.stron_w_czesci_indeksu",
            0,
            "",
            f"to powinna być dodatnia liczba całkowita, a jest: {value!r}",
            "podaj liczbę stron w jednej części indeksu wyszukiwarki, np. 1500, albo usuń to pole",
        )
        raise InvalidArchive([problem])
    return value


def _as_of(options: Mapping[str, Any], environ: Mapping[str, str], today: dt.date) -> dt.date:
    for source, value in (
        (f"zmienna środowiskowa {AS_OF_VARIABLE}", environ.get(AS_OF_VARIABLE)),
        ("mkdocs.yml: extra.archiwum.data_stanu", options.get("data_stanu")),
    ):
        if value:
            try:
                return parse_day(str(value))
            except NotADate as exc:
                raise InvalidArchive([Problem(source, 0, "", str(exc), "podaj datę RRRR-MM-DD")]) from None
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return today


def from_environment(root: Path, options: Mapping[str, Any] | None = None) -> Settings:
    """Settings for this process: the real environment and today's date."""
    return settings_from(options or {}, root, os.environ, dt.date.today())


def project_settings(root: Path) -> Settings:
    """The settings of the project at `root`, read from its mkdocs.yml without MkDocs."""
    return from_environment(root, archive_options(root / "mkdocs.yml"))


def archive_options(mkdocs_yml: Path) -> dict[str, Any]:
    """The ``extra.archiwum`` options, read without MkDocs."""
    options = (_mkdocs_config(mkdocs_yml).get("extra") or {}).get("archiwum") or {}
    return options if isinstance(options, dict) else {}


def page_sources(mkdocs_yml: Path) -> tuple[Path, MarkdownSetup]:
    """The folder of the hand-written pages (mkdocs.yml's docs_dir) and the Markdown extensions
    pages are rendered with, read without MkDocs."""
    config = _mkdocs_config(mkdocs_yml)
    folder = config.get("docs_dir")
    docs = mkdocs_yml.parent / (folder if isinstance(folder, str) and folder else "docs")
    return docs, MarkdownSetup.listed(config.get("markdown_extensions"))


def _mkdocs_config(mkdocs_yml: Path) -> dict[str, Any]:
    """mkdocs.yml as plain data; its tags (e.g. ``!ENV``) are ignored, a broken file reads as {}."""
    if not mkdocs_yml.is_file():
        return {}

    class Lenient(yaml.SafeLoader):
        pass

    Lenient.add_multi_constructor("", lambda loader, suffix, node: None)
    try:
        config = yaml.load(mkdocs_yml.read_text(encoding="utf-8"), Loader=Lenient) or {}
    except yaml.YAMLError:
        return {}
    return config if isinstance(config, dict) else {}
