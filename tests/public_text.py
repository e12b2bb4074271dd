"""What a reader of any public page must never meet, and the Polish the archive's own sentences
must get right, checked on every page of a built site.

The document's own text (the full text, its versions and their comparisons, the document's words
quoted by the extract) is the clerk's transcription and is left as printed; everything else on a
page is the archive's: its templates, labels and notes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import yaml
from bs4 import BeautifulSoup, Tag

from conftest import PROJECT

# Words of the machinery behind the site: file and field names, formats, configuration, values of
# the records' data, placeholders of templates, tracebacks; a commit id (7 to 12 hex digits with a
# letter and a digit) in plain sight.
TECHNICAL = re.compile(
    r"\bnull\b|\bNone\b|\bTrue\b|\bFalse\b|\bundefined\b|Markdown|\bYAML\b|\bJSON Schema\b|"
    r"\.ya?ml\b|\bprogramme\b|\bmkdocs\b|\bMkDocs\b|example\.org|\bextra\.|konfiguracj|"
    r"\bcommit\b|\bhook|\{\{|\}\}|\{%|Traceback|\bpole [a-z_]+\b|"
    r"\b(?=[0-9a-f]*[a-f])(?=[0-9a-f]*[0-9])[0-9a-f]{7,12}\b"
)
# What is not the archive's own words, or is kept for watchdogs out of plain sight.
NOT_OURS = ".pal-tekst, .pal-porownanie, details, script, code, .md-source, blockquote"
MONTHS = "styczeń luty marzec kwiecień maj czerwiec lipiec sierpień wrzesień październik listopad grudzień"
NOMINATIVE_MONTH_AFTER_PREPOSITION = re.compile(rf"\b(?:od|do|z|przed|po)\s+(?:{'|'.join(MONTHS.split())})\b")
# Nouns the archive counts, in their three forms: 1, 2–4 (not 12–14), and the rest.
COUNTED = [
    ("program", "programy", "programów"),
    ("pozycja", "pozycje", "pozycji"),
    ("grupa", "grupy", "grup"),
    ("temat", "tematy", "tematów"),
    ("gmina", "gminy", "gmin"),
    ("słowo", "słowa", "słów"),
    ("wiersz", "wiersze", "wierszy"),
    ("wersja", "wersje", "wersji"),
    ("zmiana", "zmiany", "zmian"),
    ("strona", "strony", "stron"),
    ("inna", "inne", "innych"),
]


def clerks_pages() -> set[str]:
    """URLs of the hand-written pages meant for clerks (front matter `odbiorcy: redakcja`), which
    name files and fields on purpose."""
    found = set()
    for path in (PROJECT / "docs").glob("*.md"):
        text = path.read_text(encoding="utf-8")
        if text.startswith("---\n"):
            meta = yaml.safe_load(text.split("---\n", 2)[1]) or {}
            if meta.get("odbiorcy") == "redakcja":
                found.add(path.stem)
    return found


def public_pages(site: Path) -> Iterator[tuple[str, BeautifulSoup]]:
    """(url, page) of every page a resident may open: not the clerks' guides, not the data page
    that documents the data files' fields for reusers."""
    skipped = clerks_pages() | {"dane"}
    for path in sorted(site.rglob("index.html")):
        url = path.parent.relative_to(site).as_posix()
        url = "" if url == "." else url
        if url.split("/")[0] in skipped or url.startswith(("assets", "pagefind")):
            continue
        yield url, BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def archive_words(page: BeautifulSoup) -> str:
    """The page's text that is the archive's own, on one line: its main column and metryczka."""
    article = page.select_one("article")
    if article is None:
        return ""
    for part in article.select(NOT_OURS):
        part.decompose()
    for quoted in article.find_all(string=re.compile("„")):
        # The document's words the extract quotes, „…”, are the document's.
        quoted.replace_with(re.sub(r"„[^”]*”", "„…”", str(quoted)))
    return " ".join(article.get_text(" ").split())


def public_text_problems(site: Path) -> dict[str, list[str]]:
    """Every public page read once: its technical words, and its Polish grammar problems (months
    after a preposition in the nominative, counted nouns in the wrong form, unpaired quotation
    marks in titles, a status label run into the next word)."""
    found: dict[str, list[str]] = {"technical": [], "grammar": []}
    for url, page in public_pages(site):
        heading = page.select_one("article h1")
        titles = [page.title.get_text() if page.title else ""]
        if heading is not None:
            titles.append(heading.get_text())
        labels = list(page.select("article .pal-status"))
        grammar = [f"unpaired quotes in {t!r}" for t in titles if not paired(t)]
        grammar += [f"status {label.get_text()!r} runs into {after!r}" for label, after in _run_in(labels)]
        text = archive_words(page)
        technical = [m.group(0) for m in TECHNICAL.finditer(f"{titles[0]} {text}")]
        grammar += [repr(m.group(0)) for m in NOMINATIVE_MONTH_AFTER_PREPOSITION.finditer(text)]
        grammar += list(_counted_wrongly(text))
        grammar += list(_verb_disagrees(text))
        found["technical"] += [f"/{url}: {word!r}" for word in technical]
        found["grammar"] += [f"/{url}: {problem}" for problem in grammar]
    return found


# Prepositions that take the genitive: "z 4 gmin", "dla 2 programów" (every count but 1 then takes
# the third form).
GENITIVE = {"z", "ze", "od", "do", "dla", "bez", "spośród", "wśród", "około", "u"}


def _counted_wrongly(text: str) -> Iterator[str]:
    for forms in COUNTED:
        pattern = re.compile(rf"(?:(\w+) )?(?<![\d.,/–-])\b(\d+) ({'|'.join(forms)})\b(?![-\w])")
        for match in pattern.finditer(text):
            before, count, form = (match.group(1) or "").lower(), int(match.group(2)), match.group(3)
            if 1000 < count < 2200:  # a year ("od 2021 program…"), not a count
                continue
            if before in GENITIVE:
                if count != 1 and form != forms[2]:
                    yield f"{match.group(0)!r} should read {before} {count} {forms[2]}"
            elif form != _form(count, forms):
                yield f"{match.group(0)!r} should read {count} {_form(count, forms)}"


def _verb_disagrees(text: str) -> Iterator[str]:
    """A verb before a count in the wrong number: „obowiązują 3”, „obowiązuje 1”, „obowiązuje 5”."""
    for match in re.finditer(r"\b(obowiązuje|obowiązują) (\d+)\b", text):
        count = int(match.group(2))
        plural_form = count % 10 in (2, 3, 4) and count % 100 not in (12, 13, 14)
        if (match.group(1) == "obowiązują") != plural_form:
            yield f"{match.group(0)!r}: the verb does not agree with the count"


def _form(count: int, forms: tuple[str, str, str]) -> str:
    if count == 1:
        return forms[0]
    return forms[1] if count % 10 in (2, 3, 4) and count % 100 not in (12, 13, 14) else forms[2]


def paired(text: str) -> bool:
    """„ and ” alternate, starting with „; no straight or English double quote."""
    marks = [ch for ch in text if ch in '„”"“']
    return all(ch == "„”"[i % 2] for i, ch in enumerate(marks)) and len(marks) % 2 == 0


def _run_in(labels: list) -> Iterator[tuple[object, str]]:
    """Status labels followed by a word or a link with nothing but a space between (they read as
    one phrase: „obowiązujący harmonogram”); punctuation or the end of the line keeps them apart."""
    for label in labels:
        after = label.next_sibling
        while after is not None and not isinstance(after, Tag) and not str(after).strip():
            after = after.next_sibling
        if after is None or getattr(after, "name", None) in ("ul", "ol", "div", "p", "br", "dl"):
            continue  # the end of the line, or a block under it
        text = after.get_text().strip()
        if text and not re.match(r"[(),.;:·–—]", text):
            yield label, text[:20]
