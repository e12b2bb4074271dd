"""A programme's plain text (as extracted from a PDF) turned into Markdown blocks, word for word.

Only layout changes: hard-wrapped lines are joined into paragraphs, runs of whitespace become one
space, bullets become "-", and headings and lists get their Markdown marks. No word is added,
dropped or moved, so the draft keeps the official text in reading order.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from .line_kinds import APART, FOOTNOTE, LABELLED, MD_HEADING, TITLE, Block, heading_of, item_of, line_kind
from .page_furniture import PAGE, shapes
from .title_lines import title_range

_SENTENCE_END = re.compile(r"[.!?:;…][”\"'»)\]*\d]*$")
_ABBREVIATION_END = re.compile(r"(?:\b(?:r|tj|np|ul|nr|pkt|ust|art|poz|tzw|ok|ww|zm|godz|m\.in)\.)$")
_HYPHENATED_END = re.compile(r"[^\W\d_]-$")
# What records/source_words.py takes for a list number at a line start (its _ENUMERATOR).
_LINE_ENUMERATOR = re.compile(r"^(?:\d{1,3}|[A-Za-z]|[IVX]|[ivxlcdmIVXLCDM]{2,8})[.)] ")

WRAP_SHARE = 0.8  # a line shorter than this share of the wrap width may end a paragraph
UNWRAPPED_WIDTH = 160  # lines this long were not hard-wrapped: every line is a paragraph
WIDE, ENDED_SHARE = 120, 0.7  # … as are lines this wide of which this share end a sentence
STANDALONE_SHARE, STANDALONE_MAX, STANDALONE_WORDS = (
    0.5,
    60,
    8,
)  # a line this short, alone, over a sentence heads it


@dataclass(frozen=True)
class _Line:
    text: str  # whitespace collapsed
    blanks: int  # blank lines before it
    shape: str = ""  # what stands apart from the running text (page_furniture), or "title"
    following: str = ""  # the next line's text


@dataclass(frozen=True)
class _Layout:
    width: float  # typical length of a full hard-wrapped line
    spaced: bool  # the extraction put a blank line after every line: one blank is no break
    ended: float = 0.0  # the share of full lines that end a sentence

    @property
    def unwrapped(self) -> bool:
        """Lines are paragraphs: too long to be wrapped, or wide and mostly ending a sentence."""
        return self.width > UNWRAPPED_WIDTH or (self.width > WIDE and self.ended >= ENDED_SHARE)


def text_blocks(text: str) -> list[Block]:
    """The text's blocks in reading order."""
    lines = _shaped(list(_lines(text)))
    layout = _layout(lines)
    blocks = _join(lines, layout)
    blocks = _numbered_headings(blocks)
    return _nest(blocks)


def _shaped(lines: list[_Line]) -> list[_Line]:
    """The lines with what stands apart marked: page furniture, contents, the title's lines."""
    texts = [line.text for line in lines]
    found = shapes(texts, [line.blanks for line in lines])
    title = (
        None if any(MD_HEADING.match(t) and t.startswith("# ") for t in texts) else title_range(texts, found)
    )
    for i in title or ():
        found[i] = TITLE
    after = [*texts[1:], ""]
    return [
        replace(line, shape=shape, following=following)
        for line, shape, following in zip(lines, found, after, strict=True)
    ]


def markdown_of(blocks: list[Block]) -> str:
    """Markdown text: blocks separated by a blank line, items of one list line by line."""
    out: list[str] = []
    previous: Block | None = None
    for block in blocks:
        if previous is not None:
            tight = block.as_list and previous.as_list
            out.append("\n" if tight else "\n\n")
        out.append(_render(block))
        previous = block
    return "".join(out) + "\n" if out else ""


def _render(block: Block) -> str:
    if block.style == PAGE:
        # A page number the source fidelity check sets aside in the source: kept, not shown.
        return f"<!-- {block.text} -->"
    if block.kind == "heading":
        return f"{'#' * block.level} {' '.join(block.text.split())}"
    if block.kind == "item":
        indent = "    " * block.depth if block.as_list else ""
        return f"{indent}{block.marker} {block.text}"
    return block.text


def _lines(text: str) -> Iterator[_Line]:
    blanks = 0
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").split("\n"):
        collapsed = " ".join(raw.split())
        if not collapsed:
            blanks += 1
            continue
        yield _Line(collapsed, blanks)
        blanks = 0


def _layout(lines: list[_Line]) -> _Layout:
    plain = [not line.shape and line_kind(line.text, after_break=True) is None for line in lines]
    full = [line.text for line, p in zip(lines, plain, strict=True) if p and len(line.text) >= 20]
    lengths = sorted(len(text) for text in full)
    width = lengths[int(len(lengths) * 0.9)] if lengths else 80.0
    pairs = [lines[i + 1].blanks for i in range(len(lines) - 1) if plain[i] and plain[i + 1]]
    spaced = bool(pairs) and sum(1 for blanks in pairs if blanks >= 1) > len(pairs) / 2
    ended = sum(1 for text in full if _SENTENCE_END.search(text)) / len(full) if full else 0.0
    return _Layout(float(width), spaced, ended)


def _join(lines: list[_Line], layout: _Layout) -> list[Block]:
    """Lines joined into blocks: headings, paragraphs and list items with their continuations."""
    blocks: list[Block] = []
    last_line = ""
    for i, line in enumerate(lines):
        current = blocks[-1] if blocks else None
        if current is not None and _split_word(last_line, line):
            # The source fidelity check joins a word split at a line end whatever follows it.
            blocks[-1] = replace(
                current, text=_glue(current.text, line.text), lines=(*current.lines, line.text)
            )
        elif (
            line.shape == TITLE
            and current is not None
            and current.style == TITLE
            and lines[i - 1].shape == TITLE
        ):
            blocks[-1] = replace(
                current, text=_glue(current.text, line.text), lines=(*current.lines, line.text)
            )
        elif line.shape:
            kind, level = ("heading", 1) if line.shape == TITLE else ("paragraph", 0)
            blocks.append(Block(kind, line.text, level, style=line.shape, lines=(line.text,)))
        elif current is not None and current.style in APART:
            blocks.append(replace(_start(line, heading_of(line.text), True), lines=(line.text,)))
        else:
            new = _new_block(current, last_line, line, layout)
            if new is not None:
                blocks.append(replace(new, lines=(line.text,)))
            elif current is not None and current.kind == "heading":
                blocks[-1] = replace(_merge_heading(current, line), lines=(*current.lines, line.text))
            elif current is not None:
                blocks[-1] = replace(
                    current, text=_glue(current.text, line.text), lines=(*current.lines, line.text)
                )
        last_line = line.text
    return blocks


def _new_block(current: Block | None, last_line: str, line: _Line, layout: _Layout) -> Block | None:
    """The block the line starts, or None when it goes on with the current block."""
    ended = bool(_SENTENCE_END.search(last_line)) and not _ABBREVIATION_END.search(last_line)
    after_break = _broken(line, layout) or ended or len(last_line) < WRAP_SHARE * layout.width
    heading = heading_of(line.text)
    if current is None:
        return heading or item_of(line.text, True) or Block("paragraph", line.text)
    if current.kind == "heading":
        return None if _continues_heading(current, line, heading) else _start(line, heading, True)
    if heading is not None and (after_break if heading.style in ("roman", "md") else line.blanks > 0):
        return heading
    item = item_of(line.text, after_break or current.kind == "item")
    if item is not None or FOOTNOTE.match(line.text):
        return item or Block("paragraph", line.text, style="footnote")
    if LABELLED.match(line.text):
        return Block("paragraph", line.text)  # "Zadanie 2. …" starts a point of its own
    if _continues(current, last_line, ended, line, layout):
        return None
    return Block("paragraph", line.text)


def _start(line: _Line, heading: Block | None, after_break: bool) -> Block:
    return heading or item_of(line.text, after_break) or Block("paragraph", line.text)


def _broken(line: _Line, layout: _Layout) -> bool:
    """Whether blank lines alone end the block before `line`."""
    return line.blanks >= 2 or (line.blanks == 1 and (not layout.spaced or layout.unwrapped))


def _continues_heading(block: Block, line: _Line, following: Block | None) -> bool:
    """A heading broken over lines, or a title set in several bold or capital lines."""
    if block.style == "md" or block.text.endswith((".", ":")):
        return False
    if _in_capitals(block.text) and any(ch.islower() for ch in line.text):
        return False  # a heading in capitals goes on in capitals
    if following is not None and following.style == block.style and block.style in ("bold", "caps"):
        return line.blanks <= 1 and len(_glue(block.text, following.text)) <= 120
    short = len(line.text) <= 60 and len(line.text.split()) <= 6
    plain = following is None and item_of(line.text, True) is None
    return plain and line.blanks == 0 and short and not _SENTENCE_END.search(line.text)


def _merge_heading(block: Block, line: _Line) -> Block:
    following = heading_of(line.text)
    return replace(block, text=_glue(block.text, following.text if following else line.text))


def _continues(current: Block, last_line: str, ended: bool, line: _Line, layout: _Layout) -> bool:
    """Whether `line` goes on with the paragraph or item whose last line was `last_line`."""
    short = len(last_line) < WRAP_SHARE * layout.width
    if line.text[0].islower():
        # A lower-case start goes on with the sentence, even across a page break.
        return not _broken(line, layout) or (not ended and current.style != "footnote")
    if _broken(line, layout):
        return False
    if current.kind == "item" and ended and line.text.endswith(":"):
        return False  # a sentence introducing a list after an item: a new list's lead-in
    if ended and _heads(line, layout):
        return False
    if not ended:
        # "2. Odbiorcy Programu" over a paragraph is a title, not an item going on.
        if current.kind == "item" and short:
            return False
        # A short line standing alone ("Cel główny") over a sentence heads it; otherwise, even in
        # an unwrapped text, a sentence broken off goes on.
        alone = current.text == last_line and _standalone(last_line, layout)
        return not (alone and line.text[0].isupper())
    return not (layout.unwrapped or short)


def _in_capitals(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 4 and not any(ch.islower() for ch in letters)


def _heads(line: _Line, layout: _Layout) -> bool:
    """A short line without a full stop between a sentence's end and a capital: a heading."""
    alone = _standalone(line.text, layout) and not _SENTENCE_END.search(line.text)
    return alone and line.following[:1].isupper()


def _standalone(text: str, layout: _Layout) -> bool:
    short = len(text) <= max(STANDALONE_SHARE * layout.width, STANDALONE_MAX)
    return short and len(text.split()) <= STANDALONE_WORDS


def _split_word(last_line: str, line: _Line) -> bool:
    """Whether the line ends a word the last line split with a hyphen."""
    return bool(_HYPHENATED_END.search(last_line)) and line.text[:1].isalpha() and line.blanks <= 1


def _glue(text: str, more: str) -> str:
    """Two lines joined; a word split by a hyphen at the line end stays one hyphenated word.

    A line that starts with a number and a bracket or dot ("821) wprowadzona") stays on a line
    of its own, as the source fidelity check reads such a start as a list number's.
    """
    if re.search(r"\w-$", text):
        return text + more
    if _LINE_ENUMERATOR.match(more):
        return f"{text}\n{more}"
    return f"{text} {more}"


def _numbered_headings(blocks: list[Block]) -> list[Block]:
    """Short numbered lines that head a part ("1. Cele operacyjne") rather than list an item."""
    out = list(blocks)
    for i, block in enumerate(blocks):
        if block.kind != "item" or block.style not in ("1.", "1)") or len(block.text) > 80:
            continue
        if block.text.endswith((",", ";")):
            continue
        running = [b for b in blocks if b.style not in APART]  # page furniture aside
        at = next(j for j, b in enumerate(running) if b is block)
        before = running[at - 1] if at else None
        after = running[at + 1] if at + 1 < len(running) else None
        if _continues_list(before, block) or _continues_list(block, after):
            continue
        if after is None or after.kind == "heading":
            continue
        out[i] = Block("heading", f"{block.marker} {block.text}", 3, style="numbered")
    return out


def _continues_list(first: Block | None, second: Block | None) -> bool:
    """Whether `second` is the next item of the list `first` belongs to."""
    if first is None or second is None or first.kind != "item" or second.kind != "item":
        return False
    return first.style == second.style and second.number == first.number + 1


def _nest(blocks: list[Block]) -> list[Block]:
    """Items of another style right after an item ending with ":" form a list inside it."""
    out: list[Block] = []
    nested_style = ""
    for block in blocks:
        previous = out[-1] if out else None
        if block.kind != "item" or not block.as_list:
            nested_style = ""
        elif nested_style and block.style == nested_style:
            block = replace(block, depth=1)
        elif nested_style:
            nested_style = ""
        elif (
            previous is not None
            and previous.kind == "item"
            and previous.as_list
            and previous.depth == 0
            and previous.text.endswith(":")
            and previous.style != block.style
        ):
            nested_style = block.style
            block = replace(block, depth=1)
        out.append(block)
    return out
