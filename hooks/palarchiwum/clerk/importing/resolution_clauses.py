"""The adopting resolution as the text's header states it: number, date, council, legal basis.

Read from the draft's text with Markdown marks removed and whitespace collapsed, so that each
quote occurs in the draft ``programme.md``. Each fact is read on its own, since drafts and
annexes state some and not others ("Załącznik do uchwały Nr ……/……/2021 Rady Miejskiej w X"
names the council and no number). What the text does not state stays None: a number, date or
council is never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from palarchiwum.records.dates import MONTHS_GENITIVE as MONTHS

HEADER = 4000  # the adopting resolution is printed before this many characters
NEAR = 200  # the date follows the number within this many characters
_ROMAN_OR_DIGITS = r"[0-9IVXLCDM]+"
# "Uchwała Nr XIV/98/2019", "uchwały XII/168/15", "Nr XXXI / 460 / 2010", "Nr 124/XXII/2016".
_NUMBER = re.compile(
    rf"\buchwał[ayęąi]\s+(?:nr\.?\s*)?({_ROMAN_OR_DIGITS}(?:\s?/\s?{_ROMAN_OR_DIGITS})+)\b", re.IGNORECASE
)
_DATE_WORDS = re.compile(rf"(?<!\d)(\d{{1,2}})\s*({'|'.join(MONTHS)})\s+(\d{{4}})", re.IGNORECASE)
_DATE_DIGITS = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)")
_SINCE = re.compile(r"\bz\s+dnia\s+", re.IGNORECASE)
_SPACED_UCHWALA = r"u\s?c\s?h\s?w\s?a\s?l\s?a\b"
_KINDS = r"Miejska|Gminy|Miasta\s+i\s+Gminy|Gminy\s+i\s+Miasta|Miasta|Powiatu"
_COUNCIL_NAMED = re.compile(rf"\b(Rada\s+(?:{_KINDS})\b[^,.;:§]{{0,60}}?)\s+{_SPACED_UCHWALA}")
_COUNCIL_OF = re.compile(
    r"\brady\s+(miejskiej|miasta\s+i\s+gminy|gminy\s+i\s+miasta|gminy|miasta|powiatu)\s+", re.IGNORECASE
)
_NOMINATIVE = {"miejskiej": "Miejska", "miasta i gminy": "Miasta i Gminy", "gminy i miasta": "Gminy i Miasta"}
_NOMINATIVE |= {"gminy": "Gminy", "miasta": "Miasta", "powiatu": "Powiatu"}
# A place's name: capitalised words, a "w" before them, and the abbreviations of place names.
_PLACE_WORD = re.compile(r"[A-ZĄĆĘŁŃÓŚŹŻ][\w-]*")
_ABBREVIATION = re.compile(r"(?:Wlkp|Wlk|Maz|Śl|Kuj|Lub|Pom|Górn|Dln|Gd)\.", re.IGNORECASE)
_BASIS = re.compile(
    r"\bNa\s+podstawie\s+art\..{10,800}?(?=\s*[.,]?\s*(?:uchwala\b|" + _SPACED_UCHWALA + r"|§"
    rf"|Rada\s+(?:{_KINDS})\b[^.;:§]{{0,60}}?\s+(?:uchwala\b|{_SPACED_UCHWALA})))"
)
_EXECUTOR = re.compile(r"\bWykonanie\s+uchwały\s+powierza\s+się\s+([^.;]{3,120}?)\s*\.")
_ENTRY = re.compile(r"\bUchwała\s+wchodzi\s+w\s+życie\s+[^.;]{3,200}?(?=\s*\.)")


@dataclass(frozen=True)
class Resolution:
    number: str | None = None
    date: str | None = None  # RRRR-MM-DD
    organ: str | None = None
    legal_basis: str | None = None
    executor: str | None = None
    entry_into_force: str | None = None


def resolution(text: str) -> Resolution:
    """The adopting resolution, from the document's header; what it does not state stays None."""
    header = text[:HEADER]
    number = _NUMBER.search(header)
    near = header[number.end() : number.end() + NEAR] if number else ""
    basis = _BASIS.search(header)
    executor = _EXECUTOR.search(header)
    entry = _ENTRY.search(header)
    return Resolution(
        number=" ".join(number.group(1).split()) if number else None,
        date=_date(near),
        organ=_organ(header, near),
        legal_basis=basis.group(0).strip() if basis else None,
        executor=executor.group(1).strip() if executor else None,
        entry_into_force=entry.group(0).strip() if entry else None,
    )


def _date(near: str) -> str | None:
    """The resolution's date after its number: "z dnia 28 marca 2019 r.", "18grudnia 2014r.",
    "28.04.2016r." (the one right after "z dnia" when there is one, else the first)."""
    found = [(m.start(), _from_words(m)) for m in _DATE_WORDS.finditer(near)]
    found += [(m.start(), _from_digits(m)) for m in _DATE_DIGITS.finditer(near)]
    dates = sorted((start, iso) for start, iso in found if iso is not None)
    since = _SINCE.search(near)
    if since:
        after = [iso for start, iso in dates if since.end() <= start <= since.end() + 3]
        if after:
            return after[0]
    return dates[0][1] if dates else None


def _from_words(match: re.Match[str]) -> str | None:
    return _iso(int(match.group(1)), MONTHS.index(match.group(2).lower()) + 1, match.group(3))


def _from_digits(match: re.Match[str]) -> str | None:
    return _iso(int(match.group(1)), int(match.group(2)), match.group(3))


def _iso(day: int, month: int, year: str) -> str | None:
    return f"{year}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else None


def _organ(header: str, near: str) -> str | None:
    """The council in the nominative: as the text names it, else from "… Rady Gminy X"."""
    named = _COUNCIL_NAMED.search(header)
    if named:
        return " ".join(named.group(1).split())
    for match in _COUNCIL_OF.finditer(near or header):
        if not near and "uchwa" not in header[max(0, match.start() - 150) : match.start()].lower():
            continue
        place = _place(near or header, match.end())
        if place:
            return f"Rada {_NOMINATIVE[' '.join(match.group(1).lower().split())]} {place}"
    return None


def _place(text: str, at: int) -> str | None:
    """The place's name that starts at `at`: "w Olszance", "Brzozowa Wola", "Gorzowa Wlkp."."""
    words: list[str] = []
    for word in text[at:].split()[:6]:
        bare = word.rstrip(",;:.")
        if not words and bare in ("w", "W") and word == bare:
            words.append("w")
            continue
        if _ABBREVIATION.fullmatch(word) and words:
            words.append(_title_case(word) if word.isupper() else word)
            break
        if bare.upper() in ("Z", "W") or not _PLACE_WORD.fullmatch(bare):
            break
        words.append(_title_case(bare) if bare.isupper() and len(bare) > 1 else bare)
        if word != bare:
            break
    if not [w for w in words if w != "w"] or len(words) > 5:
        return None
    return " ".join(words)


def _title_case(word: str) -> str:
    return "-".join(part[:1] + part[1:].lower() for part in word.split("-"))
