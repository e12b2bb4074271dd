"""The programme's title and the years it covers, as the text prints them.

The title is the document's own title (the lines ``title_lines`` finds over the text), else the
first nominative naming of a programme with its years in the running text ("Program Aktywności
Lokalnej dla Miasta X na lata 2010 – 2013 jest …"). A resolution's genitive ("w sprawie przyjęcia
Programu …") is never taken: the title stays null rather than a word the document does not use
for its own name. The period is read from the title, else from "w latach 2021-2027" in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text_blocks import TITLE, Block

_DASH = r"\s*[-–—]\s*"
_YEAR = r"((?:19|20)\d\d)"
# The years a title names: "na lata 2021-2027", "w latach 2016–2025", "na rok 2017", "na 2020 ROK",
# "2010 - 2013" at its end.
_TITLE_YEARS = re.compile(
    rf"\b(?:na\s+lata|w\s+latach|lata)\s+{_YEAR}{_DASH}{_YEAR}"
    rf"|\bna\s+rok\s+{_YEAR}|\bna\s+{_YEAR}\s+rok\b|\bw\s+roku\s+{_YEAR}"
    rf"|\b{_YEAR}{_DASH}{_YEAR}(?=\W*$)",
    re.IGNORECASE,
)
# A programme named in the running text, in the nominative, with its years.
_NAMED = re.compile(
    r"(?<![\w„\"])(?:(?:Gminn|Miejsk|Powiatow|Roczn|Wieloletni|Lokaln)\w*\s+)?"
    r"(?:Program|Strategia)\s+(?:Aktywności\s+Lokalnej|Rozwiązywania\s+Problemów\s+Społecznych|współpracy"
    r"|Profilaktyki|Wspierania\s+Rodziny|Rewitalizacji)\b[^.;:!?„”\"#]{0,140}?"
    rf"\b(?:(?:na\s+lata|w\s+latach)\s+{_YEAR}{_DASH}{_YEAR}|na\s+rok\s+{_YEAR})"
    r"(?:\s+„[^”\"]{3,80}[”\"])?"
)
_ADOPTED = re.compile(
    rf"\bw\s+sprawie\s+(?:przyjęcia|uchwalenia)\s+[^.;:!?#]{{0,200}}?{_TITLE_YEARS.pattern}", re.IGNORECASE
)
_PERIOD = re.compile(rf"\b(?:realizowan\w*\s+(?:będzie\s+)?)?w\s+latach\s+{_YEAR}{_DASH}{_YEAR}", re.I)


@dataclass(frozen=True)
class Period:
    start: int
    end: int
    wording: str  # the quote that states it, e.g. "na lata 2021-2030"


def title_and_period(blocks: list[Block], plain: str) -> tuple[str | None, Period | None]:
    """The programme's title as printed and the years it names (`plain`: the draft's text)."""
    heading = next((b for b in blocks if b.kind == "heading" and b.style == TITLE), None)
    if heading is not None:
        period = period_of(heading.text)
        if period is not None:
            return heading.text, period
    for match in _NAMED.finditer(plain):
        period = period_of(match.group(0))
        if period is not None:
            return match.group(0).strip(), period
    return None, _period_alone(plain)


def period_of(text: str) -> Period | None:
    """The years a title names, when they make a period (1990–2100, start not after end)."""
    for match in _TITLE_YEARS.finditer(text):
        years = [int(y) for y in match.groups() if y]
        start, end = years[0], years[-1]
        if 1990 <= start <= end <= 2100:
            return Period(start, end, match.group(0))
    return None


def _period_alone(text: str) -> Period | None:
    """The years stated without a title: "realizowany w latach …", or those a resolution gives
    the programme it adopts ("w sprawie przyjęcia Programu … na rok 2010")."""
    for match in _ADOPTED.finditer(text):
        period = period_of(match.group(0))
        if period is not None:
            return period
    for match in _PERIOD.finditer(text):
        start, end = int(match.group(1)), int(match.group(2))
        if 1990 <= start <= end <= 2100:
            return Period(start, end, match.group(0))
    return None
