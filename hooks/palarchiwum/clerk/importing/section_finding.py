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

from .part_keywords import LIST_SECTIONS, OTHER, listed_section, sections_of, states_main_goal
from .record_facts import task_of_row
from .run_together import expanded
from .text_blocks import APART, Block

_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])[”\"')]?\s+(?=[A-ZĄĆĘŁŃÓŚŹŻ„\"(])")
_ABBREVIATIONS = ("r.", "tj.", "np.", "m.in.", "ul.", "nr.", "pkt.", "ust.", "art.", "poz.", "tzw.")
_ABBREVIATIONS += ("ok.", "ww.")
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
            if _introduces_nothing(flat, j):
                in_list, lead = None, (sections_of(block.text, earliest=False), block.text)
                continue
            if in_list is not None and not (in_list == "cele" and states_main_goal(block)):
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
        elif is_pseudo_heading(block.text):
            stack = _under(stack, block)
        elif block.text.rstrip("*").endswith(":"):
            last = sentences(block.text)[-1]
            lead = (sections_of(last, earliest=False), last)


def _introduces_nothing(blocks: list[Block], i: int) -> bool:
    """A point ending with ":" that no point follows: the lead-in of what comes next, no item."""
    after = blocks[i + 1] if i + 1 < len(blocks) else None
    return blocks[i].text.rstrip().endswith(":") and (after is None or after.kind != "item")


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
        if block.kind == "heading" or (block.kind == "paragraph" and is_pseudo_heading(block.text)):
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
        # Outside the record's parts (an introduction, a diagnosis naming other documents' aims)
        # only a lead-in from the programme's main goal to what it lists counts ("Cel główny
        # zostanie osiągnięty poprzez realizację następujących celów szczegółowych:").
        section = listed_section(lead[1]) if lead and "cel_glowny" in lead[0] else None
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


def is_pseudo_heading(text: str) -> bool:
    plain = text.replace("*", "").strip()
    short_enough = len(plain) <= PSEUDO_HEADING_MAX and not plain.endswith((".", ";", ","))
    return short_enough and bool(sections_of(plain))


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
