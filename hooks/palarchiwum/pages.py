"""The archive's generated pages, rendered as Markdown from Jinja templates."""

from __future__ import annotations

import posixpath
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from .archive import Archive
from .dates import polish_day, polish_partial
from .fulltext import anchored_segments
from .logic import logic_of
from .paging import paginate
from .polish import plural, sort_key
from .records import SECTIONS, Programme, Status
from .slugs import slugify
from .taxonomy import Occurrence, Taxonomy
from .vocabularies import TERM_FIELDS, Term, Vocabulary

# Programmes listed on one page of a term's listing, and of a year's or voivodeship's.
TERM_PAGE_SIZE = 30
LIST_PAGE_SIZE = 50
# Vocabularies whose shared terms lead from a programme to similar ones.
SIMILARITY_VOCABULARIES = ("adresaci", "cele")


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str  # e.g. programy/2808011-ketrzyn/pal-2014-2020/index.md
    content: str


@dataclass(frozen=True)
class GeneratedAsset:
    """A file copied from the programmes folder into the site, e.g. an attachment."""

    src_uri: str
    source: Path


def environment(templates_dir: Path) -> jinja2.Environment:
    """Jinja for Markdown output: no HTML escaping here, Markdown and MkDocs handle the text."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters["dzien"] = polish_day
    env.filters["data_czesciowa"] = polish_partial
    env.filters["rozmiar"] = _size
    env.filters["jeden_wiersz"] = _one_line
    env.globals["liczba"] = plural
    env.globals["SEKCJE"] = SECTIONS
    env.globals["SLOWNIK_SEKCJI"] = {section: key for key, section, _ in TERM_FIELDS}
    return env


def link(from_uri: str, to_uri: str) -> str:
    """A relative link between two source paths, which MkDocs resolves and checks."""
    return posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".")


def render_pages(archive: Archive, templates_dir: Path) -> Iterator[GeneratedPage]:
    """Every page the archive adds to the site."""
    env = environment(templates_dir)
    taxonomy = Taxonomy(archive)

    def render(template: str, src_uri: str, **context: Any) -> GeneratedPage:
        content = env.get_template(template).render(
            archive=archive, taksonomia=taxonomy, here=src_uri, link=lambda to: link(src_uri, to), **context
        )
        return GeneratedPage(src_uri, content)

    yield render("programy.md", "programy/index.md", lata=_years(archive), wojewodztwa=_voivodeships(archive))
    for year, programmes in archive.by_year():
        for page in paginate(_by_place(programmes), LIST_PAGE_SIZE, f"programy/lata/{year}/"):
            yield render("lista.md", page.src_uri, strona=page, rok=year, wojewodztwo=None)
    for voivodeship, programmes in archive.by_voivodeship():
        for page in paginate(programmes, LIST_PAGE_SIZE, _voivodeship_url(voivodeship)):
            yield render("lista.md", page.src_uri, strona=page, rok=None, wojewodztwo=voivodeship)
    yield render("gminy.md", "gminy/index.md")
    for municipality in archive.municipalities:
        yield render(
            "gmina.md",
            f"{municipality.url}index.md",
            gmina=municipality,
            programy=archive.programmes_of(municipality),
        )
    for programme in archive.programmes:
        yield render(
            "program.md",
            programme.src_uri,
            program=programme,
            segmenty=anchored_segments(programme),
            powiazane=_related(archive, programme),
            terminy=list(taxonomy.terms_of(programme)),
            logika=logic_of(programme),
            podobne=_similar(taxonomy, programme),
        )
    yield render("tematy.md", "tematy/index.md")
    for vocabulary in archive.vocabularies:
        yield render("slownik.md", vocabulary.src_uri, slownik=vocabulary)
        for term in vocabulary.terms:
            for page in paginate(taxonomy.occurrences(term), TERM_PAGE_SIZE, term.url):
                yield render(
                    "termin.md",
                    page.src_uri,
                    slownik=vocabulary,
                    termin=term,
                    strona=page,
                    grupy=_status_groups(page.items),
                )


def _years(archive: Archive) -> list[tuple[int, int, str]]:
    """(year, how many programmes start in it, its listing's source path), latest first."""
    return [(year, len(found), f"programy/lata/{year}/index.md") for year, found in archive.by_year()]


def _voivodeships(archive: Archive) -> list[tuple[str, int, str]]:
    groups = archive.by_voivodeship()
    return [(name, len(found), f"{_voivodeship_url(name)}index.md") for name, found in groups]


def _voivodeship_url(name: str) -> str:
    return f"programy/wojewodztwa/{slugify(name)}/"


def _by_place(programmes: list[Programme]) -> list[Programme]:
    """Alphabetically by municipality, newest first within one."""
    return sorted(programmes, key=lambda p: (sort_key(p.municipality.short_name), p.municipality.key))


def attachment_assets(archive: Archive) -> Iterator[GeneratedAsset]:
    """Each programme's attachments, published beside its page."""
    for programme in archive.programmes:
        folder = programme.record_path.parent
        for attachment in programme.attachments:
            yield GeneratedAsset(programme.url + attachment.path, folder / attachment.path)


def _related(archive: Archive, programme: Programme) -> dict[str, list[Programme]]:
    return {
        "zastepuje": [archive.programme(k) for k in programme.supersedes],
        "zastapiony_przez": [archive.programme(k) for k in programme.superseded_by],
        "zmienia": [archive.programme(k) for k in programme.amends],
        "zmieniony_przez": [archive.programme(k) for k in programme.amended_by],
    }


@dataclass(frozen=True)
class SharedTerm:
    """A term a programme shares with others: a few of them, and how many there are in all."""

    term: Term
    examples: list[Programme]
    others: int


def _similar(taxonomy: Taxonomy, programme: Programme) -> list[tuple[Vocabulary, list[SharedTerm]]]:
    """For the vocabularies that make programmes similar, each term shared with another programme."""
    found = []
    for vocabulary, terms in taxonomy.terms_of(programme):
        if vocabulary.key in SIMILARITY_VOCABULARIES:
            rows = [SharedTerm(t, taxonomy.others(t, programme), taxonomy.count(t) - 1) for t in terms]
            found.append((vocabulary, [row for row in rows if row.others > 0]))
    return found


# Groups of a term listing, in the order the taxonomy sorts programmes; the template names them.
_STATUS_GROUPS = (
    ("obowiazujace", (Status.IN_FORCE,)),
    ("przyszle", (Status.PLANNED,)),
    ("archiwalne", (Status.ENDED, Status.SUPERSEDED)),
)


def _status_groups(occurrences: Sequence[Occurrence]) -> list[tuple[str, list[Occurrence]]]:
    groups = []
    for code, statuses in _STATUS_GROUPS:
        members = [o for o in occurrences if o.programme.status in statuses]
        if members:
            groups.append((code, members))
    return groups


def _one_line(text: str) -> str:
    """A quote on one line, for lists and tables (line breaks in YAML carry no meaning)."""
    return " ".join(text.split())


def _size(size: int) -> str:
    """'12,3 kB': decimal units with a Polish decimal comma."""
    value = float(size)
    for unit in ("B", "kB", "MB"):
        if value < 1000:
            return f"{size} B" if unit == "B" else f"{value:.1f} {unit}".replace(".", ",")
        value /= 1000
    return f"{value:.1f} GB".replace(".", ",")
