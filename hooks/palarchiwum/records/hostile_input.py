"""Input that must never reach the site: characters a reader cannot see, and files too large to
be text.

Control characters, and the bidirectional overrides and isolates that show a text in another
order than it is written (and quoted, and searched), are refused with their line and column.
Markup is checked once rendered, against an allow-list (markup_policy).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .polish import grouped

# A text file of the archive (a programme, a record) is far below this; a larger one is a mistake
# (a pasted binary, a runaway export) or an attempt to exhaust the build.
MAX_TEXT_BYTES = 2_000_000

# C0 controls but tab and line ends, DEL, C1 controls; the bidirectional embeddings, overrides
# (U+202A–U+202E) and isolates (U+2066–U+2069).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
CONTROL_HINT = (
    "usuń ten znak (bywa wklejany z PDF-a lub edytora); dozwolone są zwykłe litery, tabulator i końce wierszy"
)


def control_characters(text: str) -> Iterator[tuple[int, str]]:
    """(line number, what was found) for every line carrying an invisible control character."""
    line, counted, reported = 1, 0, 0
    for found in _CONTROL.finditer(text):
        line += text.count("\n", counted, found.start())
        counted = found.start()
        if line != reported:
            reported = line
            column = found.start() - text.rfind("\n", 0, found.start())
            yield line, f"{_described(found.group())} w kolumnie {column}"


def control_character_in(value: str) -> str | None:
    """What is wrong with a value (e.g. a YAML scalar written with escapes) carrying one, or None."""
    found = _CONTROL.search(value)
    return None if found is None else _described(found.group())


def _described(character: str) -> str:
    code = ord(character)
    kind = "znak zmiany kierunku pisma" if code >= 0x202A else "niewidoczny znak sterujący"
    return f"niedozwolony {kind} U+{code:04X}"


def too_large(size: int) -> str | None:
    """The message for a text file over the limit, or None."""
    if size <= MAX_TEXT_BYTES:
        return None
    return f"plik ma {grouped(size)} bajtów, więcej niż dopuszczalne {grouped(MAX_TEXT_BYTES)}"
