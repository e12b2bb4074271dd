"""The lines a document's own title is printed on: "Program …", "Strategia …", "Gminny Program …"
over one to six lines, with the years it covers and a quoted name before or after them.

The title is the nominative as the document prints it over its text, so a resolution's "w sprawie
przyjęcia Programu …" or "§ 1. Przyjmuje się Program …" is never a title; nor is a sentence
("Program powstał z inicjatywy …"): a title's lines end without a full stop and name the years.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

MAX_LINES = 6
LINE_MAX = 150
TITLE_MAX = 300
# What a programme is called, optionally after adjectives ("Gminny", "Roczny", "Lokalny" …).
_KIND = r"(?:program\w*|strategi\w*|plan\w*)"
_OPENING = re.compile(
    rf"^(?:(?:gminn|miejsk|powiatow|roczn|wieloletni|lokaln|osiedlow|zintegrowan|miejsko-gminn)\w*\s+)*{_KIND}\b",
    re.IGNORECASE,
)
# A sentence begins "Program przyjęto …", "Program jest …": a verb right after the kind.
_VERB_AFTER = re.compile(
    rf"^{_KIND}\s+(?:jest|został\w*|powsta\w*|przyjęto|stanowi|obejmuje|zakłada|realizowan\w*|ma|był\w*|będzie|określa)\b",
    re.IGNORECASE,
)
_YEARS = re.compile(r"\b(?:19|20)\d\d\b")
_QUOTED = re.compile(r"^[„«\"“][^”»\"]{2,100}[”»\"]\s*$")
_SENTENCE_END = re.compile(r"[.!?;:,]$")
# A place name's abbreviation ends a title's line without ending a sentence ("Gorzowa Wlkp.").
_ABBREVIATION_END = re.compile(r"\b(?:Wlkp|Wlk|Maz|Śl|Kuj|Lub|Pom|Górn|Dln|Gd)\.$", re.IGNORECASE)
# What may follow a title's last year: "r.", "rok", a closing quote, a quoted name.
_TAIL = re.compile(r"(?i)\s*(?:r\.|rok|roku)?\s*[”\"»]?\s*(?:[„«\"“][^”»\"]{2,100}[”»\"])?")
_APART = re.compile(r"^(?:rozdział|część|§)", re.IGNORECASE)


def title_range(texts: Sequence[str], apart: Sequence[str]) -> range | None:
    """The indices of the lines that print the document's title, or None."""
    for start, text in enumerate(texts):
        if apart[start] or not _OPENING.match(text) or _VERB_AFTER.match(text) or len(text) > LINE_MAX:
            continue
        end = _title_end(texts, apart, start)
        if end is not None:
            return range(start, end)
    return None


def _title_end(texts: Sequence[str], apart: Sequence[str], start: int) -> int | None:
    """One past the title's last line, when the lines from `start` make a title naming years."""
    length = 0
    for i in range(start, min(len(texts), start + MAX_LINES)):
        text = texts[i]
        if (i > start and (apart[i] or _APART.match(text))) or len(text) > LINE_MAX:
            return None
        length += len(text) + 1
        if length > TITLE_MAX:
            return None
        if _SENTENCE_END.search(_ABBREVIATION_END.sub("", text.rstrip('”»"'))) and not _YEARS.search(text):
            return None
        years = list(_YEARS.finditer(text))
        if years:
            tail = text[years[-1].end() :]
            if not _TAIL.fullmatch(tail):
                return None
            quoted = i + 1 < len(texts) and not apart[i + 1] and _QUOTED.match(texts[i + 1])
            return i + 2 if quoted else i + 1
    return None
