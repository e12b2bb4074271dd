"""What a build adds to the site: pages rendered from templates, and files copied from elsewhere."""

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
