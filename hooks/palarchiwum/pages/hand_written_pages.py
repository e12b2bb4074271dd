"""Hand-written pages that opt in (``wydawca: true``), with the publisher's details filled in."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jinja2

from palarchiwum.records.problems import InvalidArchive, Problem, display_path
from palarchiwum.site import Site

from .templating import environment


def with_publisher(markdown: str, meta: Mapping[str, Any], site: Site, src_uri: str) -> str:
    """A hand-written page's Markdown; a page with `wydawca: true` gets the publisher's details.

    Besides the publisher, such a page sees its own metryczka (``strona``) and the home page's
    (``witryna``), so that dates such as the site's first publication come from git, not from
    anyone's memory. Raises InvalidArchive naming the file and line of a placeholder that cannot
    be filled in.
    """
    if not meta.get("wydawca"):
        return markdown
    env = environment(site.settings.templates_dir)
    try:
        return env.from_string(markdown).render(
            wydawca=site.publisher,
            archive=site.archive,
            strona=site.chronicle.page_metryczka(src_uri, site.publisher.name),
            witryna=site.chronicle.page_metryczka("index.md", site.publisher.name),
            historia=site.chronicle,
            aktualizacja=site.chronicle.history.commits[0].day if site.chronicle.history.commits else None,
        )
    except jinja2.TemplateError as exc:
        path = site.docs_dir / src_uri
        line = _line_of_error(exc, path)
        raise InvalidArchive(
            [
                Problem(
                    display_path(path, site.settings.root),
                    line,
                    "",
                    f"błąd we wstawce {{{{ … }}}}: {exc.message or exc}",
                    "dostępne są m.in. wydawca.name, wydawca.address, wydawca.email, wydawca.phone, "
                    "wydawca.editors; zob. docs/redakcja.md",
                )
            ]
        ) from None


def _line_of_error(exc: jinja2.TemplateError, path: Path) -> int:
    """The line of the file (front matter counted) where the failing placeholder or statement is,
    or 0."""
    name = re.search(r"attribute '([^']+)'|'([^']+)' is undefined", str(exc))
    if name is None:
        return 0
    # In a placeholder {{ … }} or a statement {% … %}, whichever comes first.
    token = re.compile(rf"\{{[{{%][^}}]*\b{re.escape(name.group(1) or name.group(2))}\b")
    lines = path.read_text(encoding="utf-8").splitlines()
    return next((i for i, line in enumerate(lines, 1) if token.search(line)), 0)
