"""Points printed as no list: run together in one paragraph ("Cele szczegółowe to: 1) …, 2) …,
3) …") or labelled by what they are ("Zadanie 1. …", "Projekt 2. …", "Cel strategiczny 3. …").

An extractor (or the document's author) may print a numbered list as one paragraph. The
Markdown keeps such a paragraph as it stands (the source fidelity check compares a number's
bracket mid-line with the source's), so its points are told apart only for finding the record's
items: the paragraph reads as its lead-in followed by one item per point. Points are counted
only in order (1), 2), 3) … or a), b), c) …), each after the punctuation that ends the one before.
A labelled point reads as an item of its label's list, quoted without the label.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .line_kinds import LABELLED
from .text_blocks import APART, Block

# A point's number: at the start, or after the punctuation that closes the point before.
_MARKER = re.compile(r"(?:^|(?<=[,;.:])\s+|(?<=[,;.:]))\s*(?:(\d{1,2})|([a-z]))\)\s+(?=\S)")
POINTS_MIN = 2  # fewer points in order than this are no list


def expanded(blocks: list[Block]) -> Iterator[tuple[int, Block]]:
    """(index of the block in `blocks`, block) with run-together points read as items."""
    for index, block in enumerate(blocks):
        for piece in points_of(block):
            yield index, piece


def points_of(block: Block) -> list[Block]:
    """The block as its lead-in and points, or the block alone when it runs no points together."""
    if block.kind not in ("paragraph", "item") or block.style in APART:
        return [block]
    labelled = LABELLED.match(block.text) if block.kind == "paragraph" else None
    if labelled:
        label, number = labelled.group(1), labelled.group(2)
        style = f"{' '.join(label.lower().split())} 1."
        digits = int(number) if number.isdigit() else 0
        return [
            Block(
                "item", block.text[labelled.end() :], marker=f"{label} {number}.", style=style, number=digits
            )
        ]
    markers = _in_order(block)
    if len(markers) < POINTS_MIN - (block.kind == "item"):
        return [block]
    out: list[Block] = []
    first = markers[0]
    if block.kind == "item":
        out.append(
            Block(
                "item",
                block.text[: first[0]].strip(),
                marker=block.marker,
                style=block.style,
                number=block.number,
            )
        )
    elif block.text[: first[0]].strip():
        out.append(Block("paragraph", block.text[: first[0]].strip()))
    for n, (_, end, label, style, number) in enumerate(markers):
        stop = markers[n + 1][0] if n + 1 < len(markers) else len(block.text)
        out.append(Block("item", block.text[end:stop].strip(), marker=label, style=style, number=number))
    return out


def _in_order(block: Block) -> list[tuple[int, int, str, str, int]]:
    """The points' markers in order: (start, end, marker, style, number)."""
    if block.kind == "item" and block.style not in ("1)", "a)"):
        return []
    found: list[tuple[int, int, str, str, int]] = []
    expected_digit = block.number + 1 if block.kind == "item" and block.style == "1)" else 1
    expected_letter = _next_letter(block.marker) if block.kind == "item" and block.style == "a)" else "a"
    style = block.style if block.kind == "item" else ""
    for match in _MARKER.finditer(block.text):
        digits, letter = match.groups()
        if digits and style in ("", "1)") and int(digits) == expected_digit:
            found.append((match.start(), match.end(), f"{digits})", "1)", int(digits)))
            style, expected_digit = "1)", expected_digit + 1
        elif letter and style in ("", "a)") and letter == expected_letter:
            found.append((match.start(), match.end(), f"{letter})", "a)", 0))
            style, expected_letter = "a)", _next_letter(letter + ")")
    if (
        block.kind == "paragraph"
        and found
        and found[0][0] > 0
        and not block.text[: found[0][0]].rstrip().endswith(":")
    ):
        return []  # points in a paragraph follow a lead-in ("… to:") or open it
    return found


def _next_letter(marker: str) -> str:
    letter = marker[:1]
    return chr(ord(letter) + 1) if "a" <= letter < "z" else ""
