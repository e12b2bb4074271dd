"""The site's search index, written by Pagefind as the pages are built.

Pagefind splits the index into small files, so a query downloads only the parts for its words
(Material's built-in search downloads the whole site's text: 80.7 MB at 1,000 programmes).
Searchable pages (``searchable_pages``) are staged as small documents of their text
(``overrides/strony/strona-wyszukiwarki.html``) and indexed in parts while MkDocs renders the
rest (``SearchIndexer``). Pagefind folds Polish diacritics itself, and "ł" once it is indexed as
"l" with an overlay (``searchable_pages.indexed_spelling``). Beside the index go the labels of its
filters (``filtry.json``) and the archive's words, for suggestions (``suggestion_words``).
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import jinja2

from palarchiwum.generated_files import with_folder
from palarchiwum.records.polish import plural

from .search_entries import SearchEntry
from .searchable_pages import indexed_spelling
from .stable_filters import stabilize_filters
from .suggestion_words import SuggestionWords

BUNDLE = "pagefind"  # the folder of the site that holds the index and its script
PARTS = "czesci.json"  # in BUNDLE: the folders of the index's other parts, for the search page
FILTER_LABELS = "filtry.json"  # in BUNDLE: each filter's values in their order, with their labels
# In every part, a page with every word of the archive (see the template), left out of results.
DICTIONARY_TEMPLATE = "slownik-wyszukiwarki.html"
PAGE_TEMPLATE = "strona-wyszukiwarki.html"  # a page as Pagefind reads it
DICTIONARY_PAGE = "slownik-wyszukiwarki/index.html"
# Markdown that is not words of the page: link targets and attribute lists.
_MARKUP_NOT_WORDS = re.compile(r"\]\([^)\s]*\)|\{[^}\n]*\}")
# Not the page's own text: the "¶" permalinks after headings, and a programme's extract (labels,
# links and quotes the full text has in their place; the extract's terms are the entry's `terms`).
EXCLUDED = ".headerlink, .pal-wyciag"

# Pagefind holds a part's pages in memory (about 1 MB a page) and the search page merges the
# parts, each part costing a query more files. Parts of 1500 keep 1,000 programmes (1,424 pages)
# one part, where a query downloads under 500 KB (issue 5; two parts took one to 553 KB). In a
# larger archive the build's own process holds more while a part is indexed: beyond 5,000
# searchable pages (some 3,500 programmes) parts of 750 keep both within 2 GB together.
PART_SIZE = 1500
LARGE_INDEX = 5000
LARGE_INDEX_PART_SIZE = 750


def automatic_part_size(pages: int) -> int:
    """Pages in one part of an index of `pages` searchable pages, unless mkdocs.yml sets it."""
    return PART_SIZE if pages <= LARGE_INDEX else LARGE_INDEX_PART_SIZE


class SearchIndexFailed(Exception):
    """Pagefind could not index the site; the message says why, in Polish."""


@dataclass(frozen=True)
class SearchIndex:
    folder: Path
    pages: int  # how many pages Pagefind indexed
    parts: int  # in how many parts (bundles) it did so

    def report(self) -> str:
        """What the build log says of it: "zindeksowano 97 stron w 1 części (…/pagefind)"."""
        pages = plural(self.pages, "stronę", "strony", "stron")
        parts = plural(self.parts, "części", "częściach", "częściach")  # "w 1 części", "w 2 częściach"
        return f"wyszukiwarka: zindeksowano {pages} w {parts} ({self.folder})"


class SearchIndexer:
    """Indexes a build's searchable pages with Pagefind in parts, while MkDocs renders the site.

    Pagefind keeps every page it indexes in memory, some 1.2 MB for a programme, so 10,000
    programmes would take 12 GB in one run. The pages are indexed instead in parts of at most
    `part_size`, one Pagefind run at a time, each started as soon as MkDocs has rendered its
    pages, on the processor core that MkDocs leaves idle. The first part is the bundle
    ``pagefind/``, the others ``pagefind-2/`` …; ``pagefind/czesci.json`` lists those, and the
    search page merges them. When there are several parts, each also holds a dictionary page
    with every word of the archive (see its template), so that no part answers a word it lacks
    with another one.
    """

    def __init__(
        self, site_dir: Path, part_size: int | None, templates_dir: Path, labels: dict[str, dict[str, str]]
    ) -> None:
        self._site_dir = site_dir
        self._labels = labels
        self._site_was_absent = not site_dir.exists()
        self._part_size = part_size  # None: automatic_part_size, once every page is announced
        env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(templates_dir), autoescape=True, undefined=jinja2.StrictUndefined
        )
        self._page = env.get_template(PAGE_TEMPLATE)
        self._dictionary = env.get_template(DICTIONARY_TEMPLATE)
        self._words: set[str] = set()
        self._suggestions = SuggestionWords()
        self._version = hashlib.sha256(_pagefind_version().encode())
        self._dictionary_words: list[str] = []
        self._dictionaries = 0  # dictionary pages indexed (one per part, when there are parts)
        self._expected = 0  # searchable pages announced by `expect`
        self._added = 0
        self._stage = tempfile.TemporaryDirectory(prefix="pal-pagefind-", ignore_cleanup_errors=True)
        self._made: set[Path] = set()  # folders of the stage
        self._filled = 0  # pages in the part being filled
        self._folders: list[str] = []  # bundles started so far
        self._running: _Run | None = None
        self._pages = 0

    def expect(self, markdown: str) -> None:
        """Announce a searchable page by its Markdown, before any page is added."""
        self._expected += 1
        self._words.update(_MARKUP_NOT_WORDS.sub(" ", markdown).split())
        self._suggestions.add(markdown)

    def add(self, dest_uri: str, entry: SearchEntry) -> None:
        """A searchable page, to be found at `dest_uri`."""
        if self._part_size is None:
            self._part_size = automatic_part_size(self._expected)
        path = with_folder(Path(self._stage.name) / str(len(self._folders)) / dest_uri, self._made)
        spelled = indexed_spelling
        page = self._page.render(
            tytul=spelled(entry.title),
            tresc=spelled(entry.html),
            tekst=None if entry.text is None else spelled(entry.text),
            opis=spelled(entry.description),
            nazwa=spelled(" / ".join(entry.names)),
            dokument=spelled(entry.full_title),
            slowa=spelled(" / ".join(entry.terms)),
            filtry=entry.filters,
        )
        data = page.encode("utf-8", errors="xmlcharrefreplace")
        path.write_bytes(data)
        self._version.update(dest_uri.encode() + b"\0" + data)
        self._filled += 1
        self._added += 1
        if self._filled == self._part_size or self._added == self._expected:
            self._start_part()

    def version(self) -> str:
        """What the index's files are as of the pages added so far, in 16 hex digits: the search
        page asks for the index's entry file by it, so a browser keeps that file until it changes."""
        return self._version.hexdigest()[:16]

    def finish(self) -> SearchIndex:
        """Index what is left, wait for every run; list the parts, the filters' labels and the
        archive's words for the search page."""
        try:
            if self._filled or not self._folders:
                self._start_part()
            self._wait()
            bundle = self._site_dir / BUNDLE
            parts = [f"{folder}/" for folder in self._folders[1:]]
            (bundle / PARTS).write_text(json.dumps(parts) + "\n", encoding="utf-8")
            labels = json.dumps(self._labels, ensure_ascii=False, indent=1)
            (bundle / FILTER_LABELS).write_text(labels + "\n", encoding="utf-8")
            self._suggestions.write(bundle)
        finally:
            self.close()
        return SearchIndex(self._site_dir / BUNDLE, self._pages - self._dictionaries, len(self._folders))

    def close(self) -> None:
        """Stop a run still going (a failed build) and remove the staged pages."""
        if self._running is not None:
            self._running.process.kill()
            self._running.process.wait()
            self._running = None
        self._stage.cleanup()

    def discard(self) -> None:
        """Stop, and remove every bundle written so far (a build refused before its pages are
        written): the site folder is left as the build found it, with nothing of this build."""
        self.close()
        for folder in self._folders:
            shutil.rmtree(self._site_dir / folder, ignore_errors=True)
        self._folders = []
        if self._site_was_absent and self._site_dir.is_dir() and not any(self._site_dir.iterdir()):
            self._site_dir.rmdir()

    def _start_part(self) -> None:
        self._wait()  # one run at a time: each holds its pages in memory
        part = Path(self._stage.name) / str(len(self._folders))
        part.mkdir(parents=True, exist_ok=True)
        only = not self._folders and self._added >= self._expected  # the index is this one part
        folder = BUNDLE if not self._folders else f"{BUNDLE}-{len(self._folders) + 1}"
        self._folders.append(folder)
        self._filled = 0
        if not only:  # one index has every word already, and the page would only cost downloads
            self._write_dictionary(part)
        command = [sys.executable, "-m", "pagefind", "--site", str(part)]
        command += ["--output-path", str(self._site_dir / folder), "--exclude-selectors", EXCLUDED]
        log = (part / "pagefind.log").open("w+", encoding="utf-8")
        try:
            # At the lowest priority, Pagefind takes the processor time MkDocs leaves idle
            # rather than slowing it down.
            process = subprocess.Popen(
                command, stdout=log, stderr=subprocess.STDOUT, text=True, preexec_fn=_lowest_priority
            )
        except OSError as exc:
            log.close()
            raise SearchIndexFailed(f"nie udało się uruchomić programu pagefind: {exc}") from None
        self._running = _Run(process, part, log, self._site_dir / folder)

    def _write_dictionary(self, part: Path) -> None:
        dictionary = with_folder(part / DICTIONARY_PAGE, self._made)
        if not self._dictionary_words:  # spelled as the pages are for the index
            self._dictionary_words = sorted({indexed_spelling(w) for w in self._words})
        dictionary.write_text(self._dictionary.render(slowa=self._dictionary_words), encoding="utf-8")
        self._dictionaries += 1

    def _wait(self) -> None:
        run, self._running = self._running, None
        if run is None:
            return
        returncode = run.process.wait()
        run.log.seek(0)
        output = run.log.read()
        run.log.close()
        shutil.rmtree(run.part, ignore_errors=True)
        if returncode != 0:
            detail = output.strip().splitlines()
            raise SearchIndexFailed(
                "wyszukiwarka: pagefind nie zbudował indeksu"
                + (f" ({detail[-1]})" if detail else "")
                + "; zainstaluj zależności poleceniem `bash scripts/setup`"
            )
        stabilize_filters(run.bundle)
        self._pages += _indexed_pages(output)


def _pagefind_version() -> str:
    try:
        return importlib.metadata.version("pagefind")
    except importlib.metadata.PackageNotFoundError:
        return "?"


def _lowest_priority() -> None:
    os.nice(19)


@dataclass(frozen=True)
class _Run:
    process: subprocess.Popen[str]
    part: Path  # the staged pages it indexes
    log: TextIO  # its output
    bundle: Path  # where it writes the index


def _indexed_pages(output: str) -> int:
    """The page count from Pagefind's summary ("Indexed 109 pages"); 0 if it printed none."""
    for line in output.splitlines():
        words = line.split()
        if len(words) == 3 and words[0] == "Indexed" and words[2] == "pages":
            return int(words[1])
    return 0
