"""What a build adds to the site: pages rendered from templates, files copied from elsewhere, and
the folders they are written into."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class GeneratedPage:
    """A page or data file rendered in memory (Markdown pages are then rendered by MkDocs)."""

    src_uri: str  # e.g. programy/2808011-ketrzyn/pal-2014-2020/index.md
    content: str
    verbatim: str | None = None  # HTML that takes the VERBATIM line's place once rendered


# Where a generated page's Markdown ends and HTML that Markdown need not read begins: a
# template writes this line, then markup of its own (its text escaped), which the build puts in
# the rendered page in place of the line. A comparison page's two texts are some 100 kB of
# markup that Python-Markdown would parse tag by tag for nothing.
VERBATIM = "<!-- pal-archiwum: dalej HTML -->"


def with_verbatim(src_uri: str, content: str) -> GeneratedPage:
    """A page whose template wrote HTML past the marker: its Markdown (the marker line kept where
    the HTML goes) and that HTML. Only templates that write the marker are read so, and at its
    last occurrence (the HTML after it escapes its text), so that no text can move the line."""
    markdown, marker, html = content.rpartition(f"\n{VERBATIM}\n")
    if not marker:
        return GeneratedPage(src_uri, content)
    return GeneratedPage(src_uri, f"{markdown}\n{VERBATIM}\n", html)


@dataclass(frozen=True)
class GeneratedAsset:
    """A file copied into the site as it is, e.g. an attachment or a schema."""

    src_uri: str
    source: Path


def with_folder(path: Path, made: set[Path]) -> Path:
    """`path`, its folder created unless `made` says so already: tens of thousands of files go
    into a few hundred folders, and asking the disk each time is a measurable part of a build."""
    folder = path.parent
    if folder not in made:
        folder.mkdir(parents=True, exist_ok=True)
        made.add(folder)
    return path
