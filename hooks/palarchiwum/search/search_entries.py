"""What the search keeps of a page: the text its snippets come from, its names, its filters.

A page's front matter may carry ``wyszukiwarka`` (written by the page templates in
``overrides/strony/``): its kind (``rodzaj``), a programme's status and voivodeship, the names it
is called by (``nazwa``: a query naming them puts the page first), a programme's full title
(``tytul``: a query naming it puts it next), the vocabulary terms it carries
(``slowa``: found, never shown as a snippet) and, for pages that are not a document, the text
that stands for the page (``tekst``: a term's description; empty for a municipality). Pages
without it are pages about the archive; those marked ``odbiorcy: redakcja`` are the clerks'.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from palarchiwum.records.catalogue_records import Status

ARCHIVE_PAGE = "archiwum"
# The kinds of page, in the order results list them (after the pages a query names), with the
# words the search page offers them by.
KINDS = {"program": "programy", "gmina": "gminy", "temat": "tematy", ARCHIVE_PAGE: "strony o archiwum"}
CLERKS = "redakcja"  # the `odbiorcy` of the clerks' guides: listed only when a query names them
FILTERED_FACTS = ("status", "wojewodztwo")


@dataclass(frozen=True)
class SearchEntry:
    title: str
    html: str  # the page's text as rendered, or its standing text (`text`) when it has one
    text: str | None
    description: str  # what kind of page it is, shown under its title in the results
    names: tuple[str, ...]
    full_title: str  # a programme's title as adopted; empty for other pages
    terms: tuple[str, ...]
    filters: tuple[tuple[str, str], ...]


def search_entry(title: str, html: str, meta: Mapping[str, Any]) -> SearchEntry:
    """A searchable page as the index gets it, from its rendered `html` and front matter."""
    facts: Mapping[str, Any] = meta.get("wyszukiwarka") or {}
    kind = str(facts.get("rodzaj", ARCHIVE_PAGE))
    filters = [("rodzaj", kind)]
    filters += [(key, str(facts[key])) for key in FILTERED_FACTS if facts.get(key)]
    if meta.get("odbiorcy") == CLERKS:
        filters.append(("odbiorcy", CLERKS))
    text = facts.get("tekst")
    return SearchEntry(
        title=title,
        html=html,
        text=None if text is None else str(text),
        description=str(meta.get("opis_wyniku") or "Strona archiwum"),
        names=tuple(str(n) for n in facts.get("nazwa", ()) if n),
        full_title=str(facts.get("tytul") or ""),
        terms=tuple(str(t) for t in facts.get("slowa", ()) if t),
        filters=tuple(filters),
    )


def filter_labels(voivodeships: list[str]) -> dict[str, dict[str, str]]:
    """Each filter's values, in the order results and controls list them, with their labels."""
    return {
        "rodzaj": dict(KINDS),
        "status": {status.code: status.label for status in _STATUS_ORDER},
        "wojewodztwo": {v: v for v in sorted(voivodeships)},
    }


# Among programmes: in force first, then those yet to start, then those that ended, were replaced
# or repealed.
_STATUS_ORDER = (Status.IN_FORCE, Status.PLANNED, Status.ENDED, Status.SUPERSEDED, Status.REPEALED)
