"""Which part of the record a heading, a short line or a list's lead-in names, by keywords:
"cele szczegółowe", "adresaci", "rezultaty", "harmonogram", "źródła finansowania", …

Keywords are matched on lower-case text without diacritics, with a word split by a hyphen at a
line end read whole ("dzia-łania").
"""

from __future__ import annotations

import re

from palarchiwum.records.slugs import ascii_fold

from .text_blocks import Block

_MAIN_GOAL_OPENING = re.compile(r"^\W*(?:celem|cel) (?:glown|ogoln|nadrzedn|generaln)\w*\b", re.IGNORECASE)
OTHER = "inne"  # a part of the document that is no part of the record (diagnosis, resources, …)
LIST_SECTIONS = (
    "cele",
    "dzialania",
    "adresaci",
    "metody",
    "harmonogram",
    "rezultaty",
    "produkty",
    "finansowanie",
)

# Keywords, matched on lower-case text without diacritics. Where several match a heading, the
# first in the text decides ("Czas trwania Programu i harmonogram … działań" is the harmonogram).
_KEYWORDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (section, re.compile(pattern))
    for section, pattern in (
        ("cel_glowny", r"\bcel(?:em)? (?:glown|ogoln|nadrzedn|strategiczn)\w*|\bglown\w* cel\w*"),
        ("cele", r"\bcel(?:e|ow|ami|ach)?\b"),
        ("dzialania", r"\bdzialan\w*|\bzadani[ea]\b|\bprojekt(?:y|ow)\b"),
        (
            "adresaci",
            r"\badresa(?:ci|tow|tami)\b|\bodbior\w*|\bgrup\w* docelow\w*"
            r"|\b(?:s?kierowan|adresowan)\w* (?:\w+ )?(?:jest|sa|bedzie|beda)\b|\buczestni(?:cy|kami|kow)\b",
        ),
        ("metody", r"\bmetod\w*|\bformy pracy\b"),
        ("harmonogram", r"\bharmonogram\w*|\bczas\w* (?:trwania|realizacji)\b|\bterminy? realizacji\b"),
        ("rezultaty", r"\brezultat\w*|\befekty?\b|\befektow\b"),
        ("produkty", r"\bprodukt\w*"),
        ("finansowanie", r"\bfinansow\w*|\bwysokosc\w* (?:\w+ )?srodkow\b|\bsrodki finansowe\b"),
        ("monitoring", r"\bmonitor\w*|\bewaluac\w*"),
        (
            OTHER,
            r"\bzasob\w*|\brealizator\w*|\bpartner\w*|\bwprowadzeni\w*|\bwstep\b|\bdefinicj\w*"
            r"|\bdiagnoz\w*|\bopis sytuacji\b|\buzasadnieni\w*|\bspis tresci\b|\bzalozeni\w*",
        ),
    )
)
_HYPHEN_IN_WORD = re.compile(r"(?<=[a-z])-(?=[a-z])")  # a word split at a line end reads whole
_LISTED = re.compile(r"\bnastepujac\w* (?:\w+ ){0,2}?(\w+)")


def sections_of(text: str, earliest: bool = True) -> tuple[str, ...]:
    """The parts a heading or line names, most relevant first."""
    folded = _HYPHEN_IN_WORD.sub("", ascii_fold(text).lower())
    hits: list[tuple[int, int, str]] = []
    for rank, (section, pattern) in enumerate(_KEYWORDS):
        hits += [(m.start(), rank, section) for m in pattern.finditer(folded)]
    hits.sort()
    ordered = list(dict.fromkeys(section for _, _, section in hits))
    if not earliest:
        ordered = _lead_in_order(folded, hits) + ordered
    return tuple(dict.fromkeys(ordered))


def _lead_in_order(folded: str, hits: list[tuple[int, int, str]]) -> list[str]:
    """For a sentence introducing a list: what "następujących X" or its last words name."""
    first: list[str] = []
    listed = _LISTED.search(folded)
    if listed:
        first += [section for start, _, section in hits if start >= listed.start(1)][:1]
    tail_start = len(" ".join(folded.rstrip(": ").split()[:-3]))
    tail = [hit for hit in hits if hit[0] >= tail_start]
    if tail:
        last = max(start for start, _, _ in tail)
        first.append(min(hit for hit in tail if hit[0] == last)[2])  # "cel główny": the main goal
    return first


def listed_section(lead: str) -> str | None:
    """The part a lead-in names after "następujących" ("następujących celów szczegółowych")."""
    folded = _HYPHEN_IN_WORD.sub("", ascii_fold(lead).lower())
    listed = _LISTED.search(folded)
    if listed is None:
        return None
    named = sections_of(folded[listed.start(1) :])
    return named[0] if named and named[0] in LIST_SECTIONS else None


def states_main_goal(block: Block) -> bool:
    """A numbered point that states the main goal ("1. Celem głównym Programu jest …")."""
    return block.kind == "item" and bool(_MAIN_GOAL_OPENING.match(ascii_fold(block.text)))
