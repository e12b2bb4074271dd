"""The programme's main goal: a "Cel główny:" line, a sentence naming it under the goals, the
first sentence under a heading of the main goal, or a sentence anywhere stating the programme's
main goal ("Celem głównym Programu, zwanego dalej „programem”, jest …").
"""

from __future__ import annotations

import re

from palarchiwum.records.slugs import ascii_fold

from .part_keywords import sections_of, states_main_goal
from .section_finding import Found, context_of, is_pseudo_heading, item_quote, sentences, short
from .text_blocks import APART, Block

_MAIN_GOAL_LABEL = re.compile(r"^\W*cel (?:glowny|ogolny)\W*:", re.IGNORECASE)
# The programme's own main goal stated as a sentence's subject, wherever it stands.
_OWN_MAIN_GOAL = re.compile(
    r"^\W*celem (?:glownym|nadrzednym|generalnym|ogolnym) (?:\w+ ){0,2}?(?:programu|strategii|pal)\b",
    re.IGNORECASE,
)


def main_goal(blocks: list[Block]) -> Found | None:
    """The programme's main goal: a "Cel główny:" line, else a sentence naming it under the goals."""
    contexts = context_of(blocks)
    candidates = [
        (b, c)
        for b, c in zip(blocks, contexts, strict=True)
        if (b.kind == "paragraph" and b.style not in APART and not is_pseudo_heading(b.text))
        or states_main_goal(b)
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
    for block, _ in candidates:
        for sentence in sentences(block.text.replace("*", "")):
            if _OWN_MAIN_GOAL.match(ascii_fold(sentence)):
                return Found("cel_glowny", item_quote(sentence), f"„{short(sentence)}”")
    return None
