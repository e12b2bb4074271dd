"""The archive's generated pages, rendered as Markdown from Jinja templates."""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from .archive import Archive
from .dates import polish_day, polish_partial
from .fulltext import anchored_segments
from .polish import plural
from .records import SECTIONS, Programme


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str  # e.g. programy/2808011-ketrzyn/pal-2014-2020/index.md
    content: str


@dataclass(frozen=True)
class GeneratedAsset:
    """A file copied from the programmes folder into the site, e.g. an attachment."""

    src_uri: str
    source: Path


def environment(templates_dir: Path) -> jinja2.Environment:
    """Jinja for Markdown output: no HTML escaping here, Markdown and MkDocs handle the text."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters["dzien"] = polish_day
    env.filters["data_czesciowa"] = polish_partial
    env.filters["rozmiar"] = _size
    env.globals["liczba"] = plural
    env.globals["SEKCJE"] = SECTIONS
    return env


def link(from_uri: str, to_uri: str) -> str:
    """A relative link between two source paths, which MkDocs resolves and checks."""
    return posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".")


def render_pages(archive: Archive, templates_dir: Path) -> Iterator[GeneratedPage]:
    """Every page the archive adds to the site."""
    env = environment(templates_dir)

    def render(template: str, src_uri: str, **context: Any) -> GeneratedPage:
        content = env.get_template(template).render(
            archive=archive, here=src_uri, link=lambda to: link(src_uri, to), **context
        )
        return GeneratedPage(src_uri, content)

    yield render("programy.md", "programy/index.md")
    yield render("gminy.md", "gminy/index.md")
    for municipality in archive.municipalities:
        yield render(
            "gmina.md",
            f"{municipality.url}index.md",
            gmina=municipality,
            programy=archive.programmes_of(municipality),
        )
    for programme in archive.programmes:
        yield render(
            "program.md",
            programme.src_uri,
            program=programme,
            segmenty=anchored_segments(programme),
            powiazane=_related(archive, programme),
        )


def attachment_assets(archive: Archive) -> Iterator[GeneratedAsset]:
    """Each programme's attachments, published beside its page."""
    for programme in archive.programmes:
        folder = programme.record_path.parent
        for attachment in programme.attachments:
            yield GeneratedAsset(programme.url + attachment.path, folder / attachment.path)


def _related(archive: Archive, programme: Programme) -> dict[str, list[Programme]]:
    return {
        "zastepuje": [archive.programme(k) for k in programme.supersedes],
        "zastapiony_przez": [archive.programme(k) for k in programme.superseded_by],
        "zmienia": [archive.programme(k) for k in programme.amends],
        "zmieniony_przez": [archive.programme(k) for k in programme.amended_by],
    }


def _size(size: int) -> str:
    """'12,3 kB': decimal units with a Polish decimal comma."""
    value = float(size)
    for unit in ("B", "kB", "MB"):
        if value < 1000:
            return f"{size} B" if unit == "B" else f"{value:.1f} {unit}".replace(".", ",")
        value /= 1000
    return f"{value:.1f} GB".replace(".", ",")
