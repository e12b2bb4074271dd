"""Jinja for the generated files: the environment, its filters, and relative links between pages."""

from __future__ import annotations

import contextlib
import datetime as dt
import html
import re
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import jinja2

from palarchiwum.generated_files import VERBATIM
from palarchiwum.records.catalogue_records import SECTIONS
from palarchiwum.records.dates import polish_day, polish_month, polish_partial
from palarchiwum.records.polish import paired_quotes, plural
from palarchiwum.records.vocabularies import TERM_FIELDS

from .contacts import QUICK, contact_to_reach, known_details
from .timeline import MONTH_GRID_MAX, step


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
    # After "od", "do", "z": 'od stycznia 2021', 'do grudnia 2030'.
    env.filters["miesiaca"] = lambda month: polish_month(month, genitive=True)
    env.filters["data_czesciowa_od"] = lambda date: polish_partial(date, genitive=True)
    env.filters["cudzyslowy"] = paired_quotes
    env.filters["rozmiar"] = _size
    env.filters["jeden_wiersz"] = _one_line
    env.filters["komorka"] = _table_cell
    env.filters["zwykly_tekst"] = plain_text
    env.filters["dzien_i_godzina"] = day_and_time
    env.filters["adres"] = _page_url
    env.filters["krok"] = step
    env.filters["procent"] = percent
    env.filters["tekst_html"] = html_text
    env.globals["DALEJ_HTML"] = VERBATIM
    env.globals["liczba"] = plural
    env.globals["dane_kontaktowe"] = known_details
    env.globals["kontakt_do_programu"] = contact_to_reach
    env.globals["SZYBKI_KONTAKT"] = QUICK
    env.globals["SEKCJE"] = SECTIONS
    env.globals["WSPOLNE_NA_STRONIE"] = SHARED_ON_PAGE
    env.globals["MIESIACE_Z_SIATKA"] = MONTH_GRID_MAX
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


def _page_url(src_uri: str) -> str:
    """The URL path of a generated Markdown page, as MkDocs publishes it (directory URLs)."""
    if src_uri.endswith("index.md"):
        return src_uri[: -len("index.md")]
    return src_uri.removesuffix(".md") + "/"


def _one_line(text: str) -> str:
    """A quote on one line, for lists and tables (line breaks in YAML carry no meaning)."""
    return " ".join(text.split())


def _table_cell(text: str) -> str:
    """Text for a Markdown table cell: one line, pipes escaped."""
    return _one_line(text).replace("|", "\\|")


# Every character Python-Markdown lets a backslash escape (with "|" of tables): text escaped so is
# shown as written, whatever markup it holds.
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()>#+\-.!|])")


def plain_text(text: str) -> str:
    """Text from outside the archive's documents (a commit's reason, an editor's name) for a
    Markdown page: one line, shown exactly as written, never as markup."""
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", html.escape(_one_line(text), quote=False))


def day_and_time(moment: dt.datetime) -> str:
    """'5 marca 2024 r., godz. 14:30': the time in Poland (as the commit wrote it, where this
    machine has no time zone data)."""
    with contextlib.suppress(ZoneInfoNotFoundError):
        moment = moment.astimezone(ZoneInfo("Europe/Warsaw"))
    return f"{polish_day(moment.date())}, godz. {moment:%H:%M}"


SHARED_ON_PAGE = 5  # programmes sharing passages named in a programme page's line; the rest below it


def html_text(text: str) -> str:
    """Text in HTML written past Markdown (VERBATIM): escaped as the allow-list check serialises
    it (a quotation mark stays itself, a no-break space is &nbsp;), so that the check finds the
    page unchanged at once."""
    return html.escape(text, quote=False).replace("\u00a0", "&nbsp;")


def percent(share: float) -> str:
    """A share as a whole percentage, rounded down, so that "100%" means all: '70%', 'mniej niż 1%'."""
    if 0 < share < 0.01:
        return "mniej niż 1%"
    return f"{int(share * 100 + 1e-9)}%"


def _size(size: int) -> str:
    """'12,3 kB': decimal units with a Polish decimal comma."""
    value = float(size)
    for unit in ("B", "kB", "MB"):
        if value < 1000:
            return f"{size} B" if unit == "B" else f"{value:.1f} {unit}".replace(".", ",")
        value /= 1000
    return f"{value:.1f} GB".replace(".", ",")
