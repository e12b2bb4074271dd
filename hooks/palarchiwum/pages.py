"""The archive's generated pages, rendered as Markdown from Jinja templates."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jinja2

from . import listings
from .archive import Archive
from .collaboration import COLLABORATION_THEMES, openings
from .datafiles import documented_fields
from .dates import polish_day, polish_month, polish_partial
from .finder import FINDER_DATA_URI, finder_data
from .fulltext import HEADING_SHIFT, anchored_segments, shift_headings
from .generated import GeneratedAsset, GeneratedPage
from .logic import logic_of
from .opendata import ALL_CSV, ALL_JSON, CSV_COLUMNS, SCHEMA_DIR
from .paging import paginate
from .polish import plural
from .problems import InvalidArchive, Problem, display_path
from .records import SECTIONS, Status
from .site import Site
from .taxonomy import Taxonomy
from .timeline import timeline_of
from .vocabularies import TERM_FIELDS

# Programmes listed on one page of a term's listing, and of a year's or voivodeship's;
# commits on one page of the site-wide change register; entries in its feed.
TERM_PAGE_SIZE = 30
LIST_PAGE_SIZE = 50
REGISTER_PAGE_SIZE = 50
ENTRY_PAGE_SIZE = 200  # pages one register entry lists on its own page
OPENINGS_PAGE_SIZE = 20  # programmes on one page of "Dla organizacji"
FEED_ENTRIES = 50
FEED_URI = "rejestr-zmian/feed.xml"
PROGRAMMES_FEED_URI = "programy/feed.xml"  # programmes added and changed


def environment(templates_dir: Path, autoescape: bool = False) -> jinja2.Environment:
    """Jinja for generated files: Markdown unescaped (Markdown and MkDocs handle the text), XML escaped."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=autoescape,
    )
    env.filters["dzien"] = polish_day
    env.filters["data_czesciowa"] = polish_partial
    env.filters["miesiac"] = polish_month
    env.filters["rozmiar"] = _size
    env.filters["jeden_wiersz"] = _one_line
    env.filters["komorka"] = _table_cell
    env.filters["adres"] = _page_url
    env.globals["liczba"] = plural
    env.globals["SEKCJE"] = SECTIONS
    env.globals["SLOWNIK_SEKCJI"] = {section: key for key, section, _ in TERM_FIELDS}
    return env


def link(from_uri: str, to_uri: str) -> str:
    """A relative link between two source paths, which MkDocs resolves and checks.

    What ``posixpath.relpath(to_uri, dirname(from_uri))`` gives for these relative, normalised
    paths, without its per-call look at the working directory: pages make half a million links
    at 1,000 programmes.
    """
    start = [part for part in from_uri.split("/")[:-1] if part]
    target = [part for part in to_uri.split("/") if part]
    common = 0
    for a, b in zip(start, target, strict=False):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(start) - common) + target[common:]) or "."


def render_pages(site: Site) -> Iterator[GeneratedPage]:
    """Every page (and feed) the archive adds to the site."""
    archive, chronicle = site.archive, site.chronicle
    env = environment(site.settings.templates_dir)
    taxonomy = Taxonomy(archive)

    def render(template: str, src_uri: str, **context: Any) -> GeneratedPage:
        content = env.get_template(template).render(
            archive=archive,
            taksonomia=taxonomy,
            historia=chronicle,
            here=src_uri,
            link=lambda to: link(src_uri, to),
            **context,
        )
        return GeneratedPage(src_uri, content)

    years, regions = listings.by_start_year(archive), listings.by_voivodeship(archive)
    adopted, statuses = listings.by_adoption_year(archive), listings.by_status(archive)
    yield render("programy.md", "programy/index.md", lata=years, wojewodztwa=regions)
    yield render("archiwum.md", "archiwum/index.md", przyjete=adopted, statusy=statuses)
    for kind, groups in (
        ("rok", years),
        ("wojewodztwo", regions),
        ("przyjete", adopted),
        ("status", statuses),
    ):
        for group in groups:
            for page in paginate(group.programmes, LIST_PAGE_SIZE, group.url):
                yield render("lista.md", page.src_uri, strona=page, rodzaj=kind, grupa=group)
    for page in paginate(archive.municipalities, LIST_PAGE_SIZE, "gminy/"):
        yield render("gminy.md", page.src_uri, strona=page)
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
            powiazane=listings.related(archive, programme),
            terminy=list(taxonomy.terms_of(programme)),
            logika=logic_of(programme),
            podobne=listings.similar(taxonomy, programme),
            zmiany=chronicle.changes(programme),
            harmonogram=timeline_of(programme, archive.as_of),
        )
        for change in chronicle.changes(programme):
            text = change.version.text
            # The current version's text is the programme page's own, unless the files were
            # edited since: linked, not copied (some 40 kB a programme).
            linked = change.version.current and text == programme.text
            yield render(
                "wersja.md",
                change.version.src_uri,
                program=programme,
                zmiana=change,
                liczba_wersji=len(chronicle.changes(programme)),
                tekst_na_stronie_programu=linked,
                tekst=None if linked or text is None else shift_headings(text, HEADING_SHIFT),
            )
    yield render("dla-mieszkancow.md", "dla-mieszkancow/index.md", wojewodztwa=regions)
    yield GeneratedPage(FINDER_DATA_URI, finder_data(archive, taxonomy))
    points = openings(archive)
    in_force = sum(1 for o in points if o.programme.status is Status.IN_FORCE)
    for page in paginate(points, OPENINGS_PAGE_SIZE, "dla-organizacji/"):
        yield render(
            "dla-organizacji.md",
            page.src_uri,
            strona=page,
            grupy=listings.status_groups(page.items),
            wszystkie=points,
            obowiazujace=in_force,
            tematy=sorted(COLLABORATION_THEMES),
        )
    yield render(
        "dane.md",
        "dane/index.md",
        pola=documented_fields(),
        kolumny=CSV_COLUMNS,
        pliki={"json": ALL_JSON, "csv": ALL_CSV, "schematy": SCHEMA_DIR},
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
                    grupy=listings.status_groups(page.items),
                )
    register = chronicle.register()
    for page in paginate(register, REGISTER_PAGE_SIZE, "rejestr-zmian/"):
        yield render("rejestr.md", page.src_uri, strona=page)
    for entry in register:
        if entry.url:
            for page in paginate(entry.touched, ENTRY_PAGE_SIZE, entry.url):
                yield render("rejestr-wpis.md", page.src_uri, wpis=entry, strona=page)
    xml = environment(site.settings.templates_dir, autoescape=True)
    feed = xml.get_template("rejestr.xml").render(
        wpisy=register[:FEED_ENTRIES], wydawca=site.publisher, adres=site.site_url, archive=archive
    )
    yield GeneratedPage(FEED_URI, feed)
    changes = sorted(
        (change for programme in archive.programmes for change in chronicle.changes(programme)),
        key=lambda change: change.version.commit.date,
        reverse=True,
    )
    feed = xml.get_template("programy.xml").render(
        zmiany=changes[:FEED_ENTRIES],
        wydawca=site.publisher,
        adres=site.site_url,
        archive=archive,
        uri=PROGRAMMES_FEED_URI,
    )
    yield GeneratedPage(PROGRAMMES_FEED_URI, feed)


def _page_url(src_uri: str) -> str:
    """The URL path of a generated Markdown page, as MkDocs publishes it (directory URLs)."""
    if src_uri.endswith("index.md"):
        return src_uri[: -len("index.md")]
    return src_uri.removesuffix(".md") + "/"


def render_hand_written(markdown: str, site: Site, src_uri: str) -> str:
    """A hand-written page that opted in (``wydawca: true``) with the publisher's details filled in.

    Besides the publisher, it sees its own metryczka (``strona``) and the home page's (``witryna``),
    so that dates such as the site's first publication come from git, not from anyone's memory.
    """
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
    """The line of the file (front matter counted) where the failing placeholder is, or 0."""
    name = re.search(r"attribute '([^']+)'|'([^']+)' is undefined", str(exc))
    if name is None:
        return 0
    token = re.compile(rf"\{{\{{[^}}]*\b{re.escape(name.group(1) or name.group(2))}\b")
    lines = path.read_text(encoding="utf-8").splitlines()
    return next((i for i, line in enumerate(lines, 1) if token.search(line)), 0)


def attachment_assets(archive: Archive) -> Iterator[GeneratedAsset]:
    """Each programme's attachments, published beside its page."""
    for programme in archive.programmes:
        folder = programme.record_path.parent
        for attachment in programme.attachments:
            yield GeneratedAsset(programme.url + attachment.path, folder / attachment.path)


def _one_line(text: str) -> str:
    """A quote on one line, for lists and tables (line breaks in YAML carry no meaning)."""
    return " ".join(text.split())


def _table_cell(text: str) -> str:
    """Text for a Markdown table cell: one line, pipes escaped."""
    return _one_line(text).replace("|", "\\|")


def _size(size: int) -> str:
    """'12,3 kB': decimal units with a Polish decimal comma."""
    value = float(size)
    for unit in ("B", "kB", "MB"):
        if value < 1000:
            return f"{size} B" if unit == "B" else f"{value:.1f} {unit}".replace(".", ",")
        value /= 1000
    return f"{value:.1f} GB".replace(".", ",")
