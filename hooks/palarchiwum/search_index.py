"""The site's search index, written by Pagefind after the pages are built.

Pagefind splits the index into small files, so a query downloads only the parts for its words
(Material's built-in search downloads the whole site's text: 80.7 MB at 1,000 programmes).
Pages opt in with ``data-pagefind-body`` (see ``overrides/main.html``). Pagefind folds most
Polish diacritics itself, but not "ł", which has no Unicode decomposition; each page therefore
also carries its "ł" words spelled without Polish letters (``latin_spellings``).
"""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from .slugs import ascii_fold

BUNDLE = "pagefind"  # the folder of the site that holds the index and its script
# Not words of the page: the "¶" permalinks after headings.
EXCLUDED = ".headerlink"


_WITH_L_STROKE = re.compile(r"\w*[łŁ]\w*")


def latin_spellings(text: str) -> str:
    """The words of `text` that contain "ł", as typed without Polish letters ("żłobek" → "zlobek").

    Sorted and space-separated, so the same text always gives the same index.
    """
    return " ".join(sorted({ascii_fold(w).lower() for w in _WITH_L_STROKE.findall(text)}))


class SearchIndexFailed(Exception):
    """Pagefind could not index the site; the message says why, in Polish."""


@dataclass(frozen=True)
class SearchIndex:
    folder: Path
    pages: int  # how many pages Pagefind indexed


def index_site(site_dir: Path) -> SearchIndex:
    """Run Pagefind over the built site; raise SearchIndexFailed with a reason a person can act on."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", BUNDLE]
    command += ["--exclude-selectors", EXCLUDED]
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as exc:
        raise SearchIndexFailed(f"nie udało się uruchomić programu pagefind: {exc}") from None
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()
        raise SearchIndexFailed(
            "wyszukiwarka: pagefind nie zbudował indeksu"
            + (f" ({detail[-1]})" if detail else "")
            + "; zainstaluj zależności poleceniem `bash scripts/setup`"
        )
    return SearchIndex(site_dir / BUNDLE, _indexed_pages(done.stdout))


def _indexed_pages(output: str) -> int:
    """The page count from Pagefind's summary ("Indexed 109 pages"); 0 if it printed none."""
    for line in output.splitlines():
        words = line.split()
        if len(words) == 3 and words[0] == "Indexed" and words[2] == "pages":
            return int(words[1])
    return 0
