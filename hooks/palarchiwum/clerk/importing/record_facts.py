"""The record's facts a programme's text states: title, period, the adopting resolution, dates.

Every function reads the draft's text with Markdown marks removed and whitespace collapsed, so
each quote it returns occurs in the draft ``programme.md``. What the text does not state stays
None: a number, date or council is never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from palarchiwum.records.dates import MONTHS_GENITIVE as MONTHS

HEADER = 4000  # the adopting resolution is printed before this many characters
_DASH = r"\s*[-–—]\s*"
_TITLE = re.compile(
    r"\bProgram(u)?\s+Aktywności\s+Lokalnej\b[^.;:!?„”\"#]{0,100}?"
    rf"\b((?:na\s+lata|w\s+latach)\s+(\d{{4}}){_DASH}(\d{{4}})|na\s+rok\s+(\d{{4}}))"
    r"(?:\s+(„[^”\"]{3,80}[”\"]))?",
    re.IGNORECASE,
)
_PERIOD = re.compile(rf"\b(?:realizowan\w*\s+(?:będzie\s+)?)?w\s+latach\s+(\d{{4}}){_DASH}(\d{{4}})", re.I)
_NUMBER = re.compile(r"\buchwał[ay]\s+nr\.?\s*([0-9IVXLCDM]+(?:/[0-9IVXLCDM]+)+)", re.IGNORECASE)
_DATE_WORDS = re.compile(rf"\bz\s+dnia\s+(\d{{1,2}})\s+({'|'.join(MONTHS)})\s+(\d{{4}})", re.IGNORECASE)
_DATE_DIGITS = re.compile(r"\bz\s+dnia\s+(\d{1,2})\.(\d{1,2})\.(\d{4})", re.IGNORECASE)
_COUNCIL_NAMED = re.compile(r"\b(Rada\s+(?:Miejska|Gminy|Miasta|Powiatu)\b[^,.;:]{0,40}?)\s+uchwala\b")
_COUNCIL_OF = re.compile(r"\brady\s+(miejskiej|gminy|miasta|powiatu)\s+((?:w\s+)?[^\s,.;:]+)", re.IGNORECASE)
_COUNCIL_NOMINATIVE = {"miejskiej": "Miejska", "gminy": "Gminy", "miasta": "Miasta", "powiatu": "Powiatu"}
_BASIS = re.compile(
    r"\bNa\s+podstawie\s+art\..{10,600}?(?=\s+(?:uchwala\b|Rada\s+\S+(?:\s+w\s+\S+)?\s+uchwala\b|§))"
)
_EXECUTOR = re.compile(r"\bWykonanie\s+uchwały\s+powierza\s+się\s+([^.;]{3,120}?)\s*\.")
_ENTRY = re.compile(r"\bUchwała\s+wchodzi\s+w\s+życie\s+[^.;]{3,200}?(?=\s*\.)")
_MONTH_RANGE = re.compile(rf"\b(\d{{1,2}})\.(\d{{4}})(?:\s*r\.)?{_DASH}(\d{{1,2}})\.(\d{{4}})\b")
_ONE_MONTH = re.compile(r"\b(\d{1,2})\.(\d{4})\b")
_YEAR_RANGE = re.compile(rf"(?:[-–—]\s*|\blata\s+|\blatach\s+)((?:19|20)\d\d){_DASH}((?:19|20)\d\d)\b")


@dataclass(frozen=True)
class Period:
    start: int
    end: int
    wording: str  # the quote that states it, e.g. "na lata 2021-2030"


@dataclass(frozen=True)
class Resolution:
    number: str | None = None
    date: str | None = None  # RRRR-MM-DD
    organ: str | None = None
    legal_basis: str | None = None
    executor: str | None = None
    entry_into_force: str | None = None


def title_and_period(text: str) -> tuple[str | None, Period | None]:
    """The programme's title as printed (nominative preferred) and the years it names."""
    matches = [m for m in _TITLE.finditer(text) if _years_ok(m)]
    if not matches:
        return None, _period_alone(text)
    best = next((m for m in matches if m.group(1) is None), matches[0])
    start, end = _years(best)
    return best.group(0).strip(), Period(start, end, best.group(2))


def _years(match: re.Match[str]) -> tuple[int, int]:
    if match.group(5):
        return int(match.group(5)), int(match.group(5))
    return int(match.group(3)), int(match.group(4))


def _years_ok(match: re.Match[str]) -> bool:
    start, end = _years(match)
    return 1990 <= start <= end <= 2100


def _period_alone(text: str) -> Period | None:
    for match in _PERIOD.finditer(text):
        start, end = int(match.group(1)), int(match.group(2))
        if 1990 <= start <= end <= 2100:
            return Period(start, end, match.group(0))
    return None


def resolution(text: str) -> Resolution:
    """The adopting resolution, from the document's header; empty when the text does not name it."""
    header = text[:HEADER]
    number = _NUMBER.search(header)
    if number is None:
        return Resolution()
    near = header[number.end() : number.end() + 200]
    basis = _BASIS.search(header)
    executor = _EXECUTOR.search(header)
    entry = _ENTRY.search(header)
    return Resolution(
        number=number.group(1),
        date=_date(near),
        organ=_organ(header, near),
        legal_basis=basis.group(0).strip() if basis else None,
        executor=executor.group(1).strip() if executor else None,
        entry_into_force=entry.group(0).strip() if entry else None,
    )


def _date(text: str) -> str | None:
    words = _DATE_WORDS.search(text)
    if words:
        day, month, year = int(words.group(1)), MONTHS.index(words.group(2).lower()) + 1, words.group(3)
    else:
        digits = _DATE_DIGITS.search(text)
        if digits is None:
            return None
        day, month, year = int(digits.group(1)), int(digits.group(2)), digits.group(3)
    return f"{year}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else None


def _organ(header: str, near: str) -> str | None:
    """The council in the nominative: as the text names it, else from "… Rady Miejskiej w X"."""
    named = _COUNCIL_NAMED.search(header)
    if named:
        return named.group(1).strip()
    council = _COUNCIL_OF.search(near)
    if council is None:
        return None
    place = council.group(2)
    if place.isupper() or place.lower().startswith("w "):
        words = place.split()
        place = " ".join(w.lower() if w.lower() == "w" else w[:1].upper() + w[1:].lower() for w in words)
    return f"Rada {_COUNCIL_NOMINATIVE[council.group(1).lower()]} {place}"


def schedule_dates(text: str) -> tuple[str | int | None, str | int | None]:
    """The months or years a harmonogram entry states ("01.2021-03.2021"), or (None, None)."""
    ranges = list(_MONTH_RANGE.finditer(text))
    if ranges:
        m = ranges[-1]
        start, end = _month(m.group(1), m.group(2)), _month(m.group(3), m.group(4))
        if start and end:
            return start, end
    months = [_month(m.group(1), m.group(2)) for m in _ONE_MONTH.finditer(text)]
    months = [m for m in months if m]
    if len(months) == 1:
        return months[0], months[0]
    years = list(_YEAR_RANGE.finditer(text))
    if years:
        return int(years[-1].group(1)), int(years[-1].group(2))
    return None, None


def _month(month: str, year: str) -> str | None:
    return f"{year}-{int(month):02d}" if 1 <= int(month) <= 12 else None
