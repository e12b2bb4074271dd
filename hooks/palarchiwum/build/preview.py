"""The clerks' preview (``archiwum podglad``, $PAL_PODGLAD=1) of an archive with errors: instead of
failing, the build leaves one page listing the problems, which the preview serves at every
address, and which reloads itself once a later build is done.

``mkdocs serve`` serves a missing file with the site's ``404.html``, as it is, without its live
reload script; the page therefore asks the preview server itself, the way that script does
(``/livereload/<epoch>/<id>`` answers with the newest build's number once there is one newer).
A normal build never gets here: outside the preview a problem stops it, as always.
"""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from palarchiwum.pages.templating import environment
from palarchiwum.records.polish import plural
from palarchiwum.records.problems import InvalidArchive, Problem
from palarchiwum.settings import from_environment, preview_served, project_settings

TEMPLATE = "podglad-bledy.html"
# The first line the preview's log gives for a build with errors (the clerks' command line
# reads it to tell the clerk what the preview now shows).
HEADING = "Podgląd: archiwum zawiera błędy"
_INLINE = re.compile(r"<(script|style)>(.*?)</\1>", re.DOTALL)


class ProblemsPreview:
    """Stands in for a ``BuildRun`` once the preview's build met problems: no page of the site is
    written; at the end, the page of the problems."""

    def __init__(self, problems: Sequence[Problem], templates_dir: Path, site_dir: Path) -> None:
        self.problems = sorted(problems)
        self._templates_dir = templates_dir
        self._site_dir = site_dir

    def refuse_unsafe_markup(self) -> None:
        """Nothing to check: no page of the site is built."""

    def finish(self) -> str:
        """Leave only the page of the problems in the site's folder; the problems, for the log."""
        page = problems_page(self.problems, self._templates_dir)
        shutil.rmtree(self._site_dir, ignore_errors=True)  # what the build wrote before the problems
        self._site_dir.mkdir(parents=True)
        (self._site_dir / "404.html").write_text(page, encoding="utf-8")
        counted = plural(len(self.problems), "problem", "problemy", "problemów")
        lines = [f"{HEADING} ({counted}); strona pokazuje ich listę pod każdym adresem:"]
        lines += [f"  {problem}" for problem in self.problems]
        return "\n".join(lines)


def problems_preview(failure: Exception, config: Mapping[str, Any]) -> ProblemsPreview | None:
    """What the clerks' preview builds once the input has problems (`failure` is InvalidArchive);
    None for any other failure and outside the preview, where the problems stop the build.
    `config` is the build's configuration (config_file_path, site_dir, site_url, dev_addr)."""
    if not isinstance(failure, InvalidArchive):
        return None
    root = Path(config["config_file_path"]).resolve().parent
    try:
        settings = project_settings(root)
    except InvalidArchive:
        try:  # mkdocs.yml's own options are among the problems: the preview shows them too
            settings = from_environment(root)
        except InvalidArchive:
            return None
    if not preview_served(settings, config["site_url"] or "", str(config["dev_addr"])):
        return None
    return ProblemsPreview(failure.problems, settings.templates_dir, Path(config["site_dir"]))


def problems_page(problems: Sequence[Problem], templates_dir: Path) -> str:
    """The page of the problems, with a Content-Security-Policy allowing only its own style and
    script (by their hashes)."""
    template = environment(templates_dir, autoescape=True).get_template(TEMPLATE)
    unsigned = template.render(problems=problems, polityka="{polityka}")
    hashes = {kind: f"'sha256-{_hash(text)}'" for kind, text in _INLINE.findall(unsigned)}
    policy = (
        f"default-src 'none'; script-src {hashes['script']}; style-src {hashes['style']}; "
        "connect-src 'self'; base-uri 'none'; form-action 'none'"
    )
    return template.render(problems=problems, polityka=policy)


def _hash(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
