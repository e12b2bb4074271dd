"""Addressees named in running text: "Program skierowany jest do X, Y oraz Z".

A sentence says whom the programme is for when it is addressed ("skierowany jest do",
"adresowane są w szczególności do") or says who will be covered ("objęci zostaną",
"będą objęte"). Outside a part about addressees the sentence must be about the programme or
its actions, so that a sentence about another institution is not taken. The groups it lists
are split at commas when it lists at least three, keeping every group's wording as printed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .section_finding import Found, context_of, item_quote, sentences, short
from .text_blocks import Block

_AUX = r"(?:jest|są|będzie|będą|zostanie|zostaną|może być|mogą być)"
_ADDRESSED = re.compile(
    rf"\b(?:s?kierowan|adresowan)[yaei]\s+{_AUX}\s+(?:[\wąćęłńóśźż]+\s+){{0,3}}?do\s+"
    rf"|\b{_AUX}\s+(?:s?kierowan|adresowan)[yaei]\s+(?:[\wąćęłńóśźż]+\s+){{0,3}}?do\s+"
    rf"|\b{_AUX}\s+objęt[yaei]\s+|\bobjęci\s+{_AUX}\s+|\bobjęt[yae]\s+{_AUX}\s+",
    re.IGNORECASE,
)
_SUBJECT = re.compile(r"\b(?:program|pal|działani)", re.IGNORECASE)
# Where the named groups end: a relative clause or a purpose follows.
_STOP = re.compile(r",\s+(?:co|który|która|które|którzy|aby|by|gdyż|ponieważ|czyli|dzięki)\b")
# Where a general group is followed by the particular ones.
_PARTICULAR = re.compile(r",?\s+(?:a\s+)?w\s+(?:szczególności|tym)(?:\s*:)?\s*|,\s+(?:zwłaszcza|głównie)\s+")
_ADVERBS = re.compile(r"^[\wąćęłńóśźż]+ i [\wąćęłńóśźż]+nie$")
_REFERS_BACK = re.compile(r"^(?:ich|jego|jej|tych|tego|takich)\b")
ENUMERATION_MIN = 3  # a list of fewer comma-separated groups is one group ("osób, rodzin i grup …")


def addressee_sentences(blocks: list[Block]) -> Iterator[tuple[int, Found]]:
    """(block index, addressee) for every group a sentence names as addressed or covered."""
    for index, (block, context) in enumerate(zip(blocks, context_of(blocks), strict=True)):
        if block.kind != "paragraph":
            continue
        in_part = bool(context) and context[0] == "adresaci"
        for sentence in sentences(block.text.replace("*", "")):
            for match in _ADDRESSED.finditer(sentence):
                if not in_part and not _SUBJECT.search(sentence[: match.start()]):
                    continue
                for group in groups(sentence[match.end() :]):
                    yield index, Found("adresaci", group, f"„{short(sentence)}”")


def groups(named: str) -> list[str]:
    """The groups a phrase names, each as printed."""
    stop = _STOP.search(named)
    named = named[: stop.start()] if stop else named
    out: list[str] = []
    for part in _PARTICULAR.split(named):
        out += _enumeration(item_quote(part))
    return [g for g in out if len(g) >= 3]


def _enumeration(part: str) -> list[str]:
    pieces = _top_level_split(part)
    if len(pieces) == ENUMERATION_MIN - 1 and _three_groups(pieces):
        pieces[-1:] = pieces[-1].rsplit(" oraz ", 1)  # "A, B oraz C" names three groups
    if len(pieces) >= ENUMERATION_MIN:
        last = pieces[-1].rsplit(" oraz ", 1)
        pieces[-1:] = last
    elif len(pieces) == 1 and len(part.rsplit(" oraz ", 1)) == 2:
        left, right = part.rsplit(" oraz ", 1)
        enough = len(left.split()) >= 2 and len(right.split()) >= 2
        pieces = [left, right] if enough else [part]
    else:
        pieces = [part]
    merged: list[str] = []
    for piece in pieces:
        piece = re.sub(r"^do\s+", "", piece.strip())
        if merged and _ADVERBS.match(piece):
            merged[-1] = f"{merged[-1]}, {piece}"
        elif piece:
            merged.append(piece)
    return merged


def _three_groups(pieces: list[str]) -> bool:
    """Whether "A, B oraz C" names three groups: each of some words, C not referring back ("ich")."""
    if " oraz " not in pieces[-1]:
        return False
    left, right = pieces[-1].rsplit(" oraz ", 1)
    named = [pieces[0], left, right]
    return all(len(p.split()) >= 2 for p in named) and not _REFERS_BACK.match(right)


def _top_level_split(text: str) -> list[str]:
    """Split at ", " outside parentheses and quotation marks."""
    pieces: list[str] = []
    depth, start = 0, 0
    for i, ch in enumerate(text):
        if ch in "(„[":
            depth += 1
        elif ch in ")”]":
            depth = max(0, depth - 1)
        elif ch == "," and depth == 0 and text[i + 1 : i + 2] == " ":
            pieces.append(text[start:i])
            start = i + 2
    pieces.append(text[start:])
    return [p.strip() for p in pieces if p.strip()]
