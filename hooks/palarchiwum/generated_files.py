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
