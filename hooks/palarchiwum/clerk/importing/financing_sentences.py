"""Financing stated in running text: "Program finansowany jest z budżetu Gminy …", "Na realizację
programu przeznacza się 42 500 zł …".

Under a part about financing that lists no sources, each sentence that names money (an amount
in złoty) or where it comes from (financed from, funds of, a grant) is an item of the record's
``finansowanie``. A sentence that introduces a list ("Planowane źródła to:") is not.
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
SECTION = "finansowanie"


def financing_sentences(blocks: list[Block], listed: bool) -> Iterator[tuple[int, Found]]:
    """(block index, item) for each sentence stating financing; none when `listed` (the
    document lists its sources as items)."""
    if listed:
        return
    for index, (block, context) in enumerate(zip(blocks, context_of(blocks), strict=True)):
        if block.kind != "paragraph" or block.style in APART or SECTION not in context[:2]:
            continue
        for sentence in sentences(block.text.replace("*", "")):
            if _MONEY.search(sentence) and not sentence.rstrip().endswith(":"):
                yield index, Found(SECTION, item_quote(sentence), f"„{short(sentence)}”")
