"""Polish grammar the site's texts need: plural forms of counted nouns."""

from __future__ import annotations


def plural(count: int, one: str, few: str, many: str) -> str:
    """'1 program', '3 programy', '5 programów', '22 programy', '12 programów'."""
    if count == 1:
        form = one
    elif 2 <= count % 10 <= 4 and not 12 <= count % 100 <= 14:
        form = few
    else:
        form = many
    return f"{count} {form}"
