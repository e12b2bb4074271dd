"""Every page's HTML, as MkDocs rendered it, checked against the allow-list before any is written.

A page that fails is explained by the files it was made from: each programme text, record,
vocabulary, municipality file and hand-written page is then checked alone, naming its line
(records/markup_sources). What no file explains on its own (a text from the archive's history,
values that only together make markup) is reported with the page.
"""

from __future__ import annotations

import time
from pathlib import Path

from palarchiwum.records.markdown_rendering import MarkdownSetup
from palarchiwum.records.markup_findings import Finding
from palarchiwum.records.markup_policy import cleaner, unsafe_markup
from palarchiwum.records.markup_sources import markup_problems
from palarchiwum.records.polish import plural
from palarchiwum.records.problems import InvalidArchive, Problem

PAGE_HINT = "strona powstaje z plików archiwum i ich historii w git; popraw plik, z którego pochodzi ta treść"


class PageMarkup:
    """The pages' findings, by page, and the time the checks took."""

    def __init__(self, markdown: MarkdownSetup) -> None:
        self._markdown = markdown
        self._clean = cleaner()
        self._found: dict[str, list[Finding]] = {}
        self.pages = 0
        self.seconds = 0.0

    def check(self, src_uri: str, html: str) -> None:
        started = time.perf_counter()
        if found := unsafe_markup(html, self._clean):
            self._found[src_uri] = found
        self.pages += 1
        self.seconds += time.perf_counter() - started

    def report(self) -> str:
        """The check's figures, for the build's log (benchmarks/scale.py reads them)."""
        pages = plural(self.pages, "stronę", "strony", "stron")
        seconds = f"{self.seconds:.2f}".replace(".", ",")
        return f"kontrola HTML: sprawdzono {pages} w {seconds} s"

    def refuse(self, root: Path, programmes_dir: Path, docs_dir: Path) -> None:
        """InvalidArchive with every finding, if any page had one."""
        if not self._found:
            return
        problems = markup_problems(root, (programmes_dir,), (docs_dir,), self._markdown)
        explained = {problem.message for problem in problems}
        for src_uri, findings in sorted(self._found.items()):
            problems += [
                Problem(f"strona {src_uri}", 0, "", finding.message, f"{finding.hint}; {PAGE_HINT}")
                for finding in dict.fromkeys(findings)
                if finding.message not in explained
            ]
        raise InvalidArchive(problems)
