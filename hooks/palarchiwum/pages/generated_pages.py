"""The archive's generated pages, rendered as Markdown from Jinja templates."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from palarchiwum.generated_files import GeneratedAsset, GeneratedPage, with_verbatim
from palarchiwum.history.chronicle import Change
from palarchiwum.history.record_comparison import compare_records
from palarchiwum.opendata.data_files import documented_fields
from palarchiwum.opendata.programme_data import ALL_CSV, ALL_JSON, CSV_COLUMNS, SCHEMA_DIR
from palarchiwum.records.archive import Archive
from palarchiwum.records.catalogue_records import Status
from palarchiwum.records.earlier_versions import programme_as_it_was
from palarchiwum.reuse.alignment import PASSAGE_WORDS
from palarchiwum.reuse.families import in_families
from palarchiwum.reuse.fingerprints import SHINGLE
from palarchiwum.site import Site

from . import listings
from .collaboration_points import COLLABORATION_THEMES, openings
from .full_text import HEADING_SHIFT, anchored_segments, shift_headings
from .paging import paginate
from .programme_logic import logic_of
from .residents_finder import FINDER_DATA_URI, finder_data
from .shared_reading import Reading, pair_lines, passage_spans
from .taxonomy import Taxonomy
from .templating import environment, link
from .timeline import timeline_of

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
    shared = site.shared
    yield render(
        "archiwum.md",
        "archiwum/index.md",
        przyjete=adopted,
        statusy=statuses,
        wspolne=shared,
        slow_we_fragmencie=PASSAGE_WORDS,
        slow_w_odcisku=SHINGLE,
    )
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
            wspolne=shared.kin(programme),
            udzial_wspolny=shared.share(programme),
        )
        for change in chronicle.changes(programme):
            yield render("wersja.md", change.version.src_uri, **version_context(site, taxonomy, change))
    reading = functools.lru_cache(maxsize=16)(Reading)  # pairs of a family come one after another
    for pair in in_families(shared.pairs, [(p.first.key, p.second.key) for p in shared.pairs]):
        first_reading = reading(pair.first.text)
        first, second = pair_lines(pair, first_reading, reading(pair.second.text))
        comparison = render(
            "wspolne.md",
            pair.src_uri,
            para=pair,
            linie_a=first,
            linie_b=second,
            poczatki=first_reading.openings(passage_spans(pair)[0]),
            slow_we_fragmencie=PASSAGE_WORDS,
        )
        yield with_verbatim(comparison.src_uri, comparison.content)
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


def version_context(site: Site, taxonomy: Taxonomy, change: Change) -> dict[str, Any]:
    """What a version's page shows: the current version links to the programme page; an earlier
    one is shown as the programme page showed it then (its extract and its anchored text), or,
    when its record does not meet today's checks, field by field."""
    programme, version = change.version.programme, change.version
    context: dict[str, Any] = {
        "program": programme,
        "zmiana": change,
        "liczba_wersji": len(site.chronicle.changes(programme)),
        "tekst_na_stronie_programu": False,
        "tekst": None,
        "dawny": None,
        "pola": (),
        "segmenty": (),
    }
    text, record = version.text, version.record
    # The current version's text is the programme page's own, unless the files were edited
    # since: linked, not copied (some 40 kB a programme).
    if version.current and text == programme.text:
        return {**context, "tekst_na_stronie_programu": True}
    archive = site.archive
    successors = [archive.programme(k) for k in programme.superseded_by]
    earlier = programme_as_it_was(programme, record, text, archive.vocabularies, successors, archive.as_of)
    if earlier is None:
        fields = compare_records(None, record, *site.chronicle.names).changes if record else ()
        shown = None if text is None else shift_headings(text, HEADING_SHIFT)
        return {**context, "tekst": shown, "pola": fields}
    earlier = replace(  # an earlier record may name a programme the archive no longer has
        earlier,
        supersedes=tuple(k for k in earlier.supersedes if archive.holds(k)),
        amends=tuple(k for k in earlier.amends if archive.holds(k)),
    )
    return {
        **context,
        "dawny": earlier,
        "segmenty": anchored_segments(earlier),
        "terminy": taxonomy.terms_of_version(earlier),
        "logika": logic_of(earlier),
        "harmonogram": timeline_of(earlier, archive.as_of),
        "powiazane": listings.related(archive, earlier),
    }


def attachment_assets(archive: Archive) -> Iterator[GeneratedAsset]:
    """Each programme's attachments, published beside its page."""
    for programme in archive.programmes:
        folder = programme.record_path.parent
        for attachment in programme.attachments:
            yield GeneratedAsset(programme.url + attachment.path, folder / attachment.path)
