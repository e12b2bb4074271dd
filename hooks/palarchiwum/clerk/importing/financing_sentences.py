"""Financing stated in running text: "Program finansowany jest z budżetu Gminy …", "Na realizację
programu przeznacza się 42 500 zł …".

Under a part about financing that lists no sources, each sentence that names money (an amount
in złoty) or where it comes from (financed from, funds of, a grant) is an item of the record's
``finansowanie``. A sentence that introduces a list ("Planowane źródła to:") is not. Anywhere
in the text, a sentence whose subject is the financing ("Zasoby finansowe pochodzą z …") is one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .section_finding import Found, context_of, item_quote, sentences, short
from .text_blocks import APART, Block

_MONEY = re.compile(
    r"\d[\d\s.,]*\s?(?:zł|złotych|PLN)\b|\bfinansowan\w*|\bfinansuj\w*|\bze\s+środków\b|\bz\s+środków\b"
    r"|\bśrodk\w+\s+(?:własn|budżet)\w*|\bz\s+budżetu\b|\bdotacj\w*|\bpochodz\w*\s+z\b",
    re.IGNORECASE,
)
# A sentence whose subject is the financing itself, wherever it stands ("Zasoby finansowe
# pochodzą z …", "Program finansowany jest z …").
_ABOUT_FINANCING = re.compile(
    r"^(?:(?:Zasoby|Środki|Źródła|Źródłem)\s+finansow\w*"
    r"|(?:Program|Strategia|PAL|Projekt|Zadania)\s+(?:\w+\s+){0,2}?(?:jest\s+|są\s+|będzie\s+|będą\s+)?finansowan\w*)\b"
)
SECTION = "finansowanie"
STATEMENT_WORDS = 6  # a shorter "sentence" is a heading


def financing_sentences(blocks: list[Block], listed: bool) -> Iterator[tuple[int, Found]]:
    """(block index, item) for each sentence stating financing; none when `listed` (the
    document lists its sources as items)."""
    for index, (block, context) in enumerate(zip(blocks, context_of(blocks), strict=True)):
        if block.kind not in ("paragraph", "item") or block.style in APART:
            continue
        text = block.text.replace("*", "")
        first = sentences(text)[0]
        if _ABOUT_FINANCING.match(text) and _states(first):
            yield index, Found(SECTION, item_quote(first), f"„{short(first)}”")
        elif not listed and block.kind == "paragraph" and SECTION in context[:2]:
            for sentence in sentences(text):
                if _MONEY.search(sentence) and _states(sentence):
                    yield index, Found(SECTION, item_quote(sentence), f"„{short(sentence)}”")


def _states(sentence: str) -> bool:
    """A sentence that says something: not a heading, not the lead-in of a list."""
    return len(sentence.split()) >= STATEMENT_WORDS and not sentence.rstrip().endswith(":")
