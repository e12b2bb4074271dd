"""Finding the record's parts in a programme's blocks: which heading or lead-in opens which part.

A part is recognised by keywords ("cele szczegółowe", "adresaci", "rezultaty", …) in headings,
in short standalone lines ("Cele szczegółowe:") and in the sentence that introduces a list
("…będą finansowane z:"). The items of a list under a part become that part's items; the main
goal and the addressees named in running text are found sentence by sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from palarchiwum.records.slugs import ascii_fold

from .record_facts import task_of_row
from .run_together import expanded
from .text_blocks import APART, Block

OTHER = "inne"  # a part of the document that is no part of the record (diagnosis, resources, …)
# Record sections filled from lists, in the order the record lists them.
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
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])[”\"')]?\s+(?=[A-ZĄĆĘŁŃÓŚŹŻ„\"(])")
_ABBREVIATIONS = ("r.", "tj.", "np.", "m.in.", "ul.", "nr.", "pkt.", "ust.", "art.", "poz.", "tzw.")
_ABBREVIATIONS += ("ok.", "ww.")
_MAIN_GOAL_LABEL = re.compile(r"^\W*cel (?:glowny|ogolny)\W*:", re.IGNORECASE)
_MAIN_GOAL_OPENING = re.compile(r"^\W*(?:celem|cel) (?:glown|ogoln|nadrzedn|generaln)\w*\b", re.IGNORECASE)
_KEEP_DOT = re.compile(r"\b(?:itp|itd|r|zm|tj|in|ok|wg|al)\.$")
# Words that name a table's columns.
_COLUMNS = frozenset(
    {"lp", "termin", "terminy", "realizator", "realizatorzy", "odpowiedzialny", "odpowiedzialni"}
    | {"zadanie", "dzialanie", "wskaznik", "wskazniki", "zrodlo", "koszt", "kwota", "partnerzy", "okres"}
)
PSEUDO_HEADING_MAX = 60  # a standalone line this short naming a part heads it
_PSEUDO_LEVEL = 9


@dataclass(frozen=True)
class Found:
    """One recognised item: its section, its quote from the text, and where it was found."""

    section: str
    quote: str
    where: str
    row: str = ""  # a schedule's row the quote was read from (its term gives the dates)


@dataclass(frozen=True)
class _Part:
    level: int
    sections: tuple[str, ...]  # () when the heading names no part
    title: str


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


def find_items(blocks: list[Block]) -> Iterator[tuple[int, Found]]:
    """(block index, item) for every item of a list standing under a part of the record."""
    stack: list[_Part] = []
    lead: tuple[tuple[str, ...], str] | None = None
    in_list: str | None = None  # the section of the list being read
    where = ""
    pieces = list(expanded(blocks))
    flat = [block for _, block in pieces]
    for j, (i, block) in enumerate(pieces):
        if block.style in APART or _is_table_header(block):
            continue  # page furniture and a table's header neither end a list nor head a part
        if block.kind == "heading":
            stack, lead, in_list = _under(stack, block), None, None
            continue
        if block.kind == "item":
            if block.depth:
                continue
            if in_list is None or _restarts(flat, j):
                in_list, where = _list_section(stack, lead), _where(stack, lead)
            if in_list is not None and not (in_list == "cele" and _states_main_goal(block)):
                yield i, Found(in_list, item_quote(_own_text(flat, j)), where)
            continue
        if in_list is not None and (_between_items(flat, j) or _after_furniture(flat, j)):
            if _between_items(flat, j):
                yield i, Found(in_list, item_quote(block.text), where)
            continue
        in_list, lead = None, None
        rows = _schedule_rows(stack, block)
        if rows:
            yield from ((i, found) for found in rows)
        elif _is_pseudo_heading(block.text):
            stack = _under(stack, block)
        elif block.text.rstrip("*").endswith(":"):
            last = sentences(block.text)[-1]
            lead = (sections_of(last, earliest=False), last)


def _restarts(blocks: list[Block], i: int) -> bool:
    """An item numbered 1 right after an item of its style numbered more: another list."""
    before = blocks[i - 1] if i else None
    item = blocks[i]
    return (
        before is not None
        and before.kind == "item"
        and before.style == item.style
        and item.number == 1
        and before.number > 1
    )


def _own_text(blocks: list[Block], i: int) -> str:
    """An item's text; the last of a list of points ending in ";" or "," without the paragraph
    that ran on into it ("10) inne działania. Program ma charakter otwarty, …")."""
    text = blocks[i].text
    before = blocks[i - 1] if i else None
    if before is None or before.kind != "item" or before.style != blocks[i].style:
        return text
    if not before.text.rstrip().endswith((";", ",")):
        return text
    return sentences(text)[0]


def _schedule_rows(stack: list[_Part], block: Block) -> list[Found]:
    """The harmonogram's entries a paragraph under it holds as rows of a flattened table."""
    if _current(stack)[:1] != ("harmonogram",) or block.kind != "paragraph":
        return []
    lines = block.lines or (block.text,)
    rows = [(line, task_of_row(line)) for line in lines]
    found = [Found("harmonogram", task, _where(stack, None), row=line) for line, task in rows if task]
    return found if len(found) >= min(2, len(lines)) else []


def _after_furniture(blocks: list[Block], i: int) -> bool:
    """A paragraph going on, after a page break, with the item the page ended in."""
    return i > 0 and blocks[i - 1].style in APART and blocks[i].text[:1].islower()


def _is_table_header(block: Block) -> bool:
    """A table's header row: a short line of column names ("Lp. Zadanie Termin Realizator")."""
    words = ascii_fold(block.text).lower().replace(".", " ").split()
    return block.kind == "paragraph" and len(words) <= 8 and len(set(words) & _COLUMNS) >= 2


def context_of(blocks: list[Block]) -> list[tuple[str, ...]]:
    """For every block, the parts it stands under: () before any heading, (OTHER,) outside the record."""
    stack: list[_Part] = []
    out: list[tuple[str, ...]] = []
    for block in blocks:
        if block.kind == "heading" or (block.kind == "paragraph" and _is_pseudo_heading(block.text)):
            stack = _under(stack, block)
        out.append(_current(stack))
    return out


def _under(stack: list[_Part], block: Block) -> list[_Part]:
    """The parts open after a heading, or after a short line naming a part ("Cele szczegółowe:")."""
    if block.kind == "heading":
        part = _Part(block.level, sections_of(block.text), block.text)
    else:
        part = _Part(_PSEUDO_LEVEL, sections_of(block.text, earliest=False), block.text)
    return [p for p in stack if p.level < part.level] + [part]


def _current(stack: list[_Part]) -> tuple[str, ...]:
    for part in reversed(stack):
        if part.sections:
            return part.sections
    return (OTHER,) if stack else ()


def _list_section(stack: list[_Part], lead: tuple[tuple[str, ...], str] | None) -> str | None:
    """The section a list belongs to: its lead-in refines the part it stands in."""
    current = _current(stack)
    named = [s for s in (lead[0] if lead else ()) if s in LIST_SECTIONS or s == OTHER]
    if not current:
        section = named[0] if named else None
    elif current[0] == OTHER:
        section = None
    else:
        # A lead-in may pick another part its headings name ("Cele … oraz kierunki działań").
        named_above = {s for part in stack for s in part.sections}
        inside = [s for s in named if s in named_above]
        section = inside[0] if inside else current[0]
    return section if section in LIST_SECTIONS else None


def _where(stack: list[_Part], lead: tuple[tuple[str, ...], str] | None) -> str:
    titles = [p.title for p in stack if p.level < _PSEUDO_LEVEL][-1:]
    if lead:
        titles.append(lead[1])
    else:
        titles += [p.title for p in stack if p.level == _PSEUDO_LEVEL]
    return ", ".join(f"„{short(t)}”" for t in titles)


def _between_items(blocks: list[Block], i: int) -> bool:
    """A paragraph standing between two items of one list, printed without its bullet."""
    before, after = blocks[i - 1] if i else None, blocks[i + 1] if i + 1 < len(blocks) else None
    return (
        before is not None
        and after is not None
        and before.kind == after.kind == "item"
        and before.style == after.style
        and blocks[i].text.endswith((",", ";"))
        and len(blocks[i].text) <= 300
    )


def _is_pseudo_heading(text: str) -> bool:
    plain = text.replace("*", "").strip()
    short_enough = len(plain) <= PSEUDO_HEADING_MAX and not plain.endswith((".", ";", ","))
    return short_enough and bool(sections_of(plain))


def main_goal(blocks: list[Block]) -> Found | None:
    """The programme's main goal: a "Cel główny:" line, else a sentence naming it under the goals."""
    contexts = context_of(blocks)
    candidates = [
        (b, c)
        for b, c in zip(blocks, contexts, strict=True)
        if (b.kind == "paragraph" and b.style not in APART and not _is_pseudo_heading(b.text))
        or _states_main_goal(b)
    ]
    for block, _ in candidates:
        plain = block.text.replace("*", "")
        label = _MAIN_GOAL_LABEL.match(ascii_fold(plain))
        if label and len(plain) > label.end() + 3:
            return Found("cel_glowny", item_quote(plain[label.end() :]), "„Cel główny:”")
    goals = [(b, c) for b, c in candidates if c and c[0] in ("cele", "cel_glowny")]
    for block, _ in goals:
        for sentence in sentences(block.text):
            if sections_of(sentence)[:1] == ("cel_glowny",):
                return Found("cel_glowny", item_quote(sentence), f"„{short(sentence)}”")
    headed = [b for b, c in goals if c[0] == "cel_glowny"]
    if headed:
        first = sentences(headed[0].text)[0]
        return Found("cel_glowny", item_quote(first), "pierwsze zdanie pod nagłówkiem celu głównego")
    return None


def _states_main_goal(block: Block) -> bool:
    """A numbered point that states the main goal ("1. Celem głównym Programu jest …")."""
    return block.kind == "item" and bool(_MAIN_GOAL_OPENING.match(ascii_fold(block.text)))


def sentences(text: str) -> list[str]:
    """The text's sentences; abbreviations such as "r." or "np." do not end one."""
    parts = _SENTENCE_BREAK.split(text)
    out: list[str] = []
    for part in parts:
        if out and out[-1].endswith(_ABBREVIATIONS):
            out[-1] = f"{out[-1]} {part}"
        else:
            out.append(part)
    return out or [text]


def item_quote(text: str) -> str:
    """An item's text as a quote: without emphasis marks and closing punctuation."""
    text = text.replace("*", "").strip().rstrip(";,:–- ").rstrip()
    return text if _KEEP_DOT.search(text) else text.rstrip(".").rstrip()


def short(text: str, limit: int = 60) -> str:
    text = text.replace("*", "").strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
