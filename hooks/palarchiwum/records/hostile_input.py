"""Input that must never reach the site: markup that runs code, invisible control characters,
and files too large to be text.

Records and texts come from many hands and are rendered into pages without escaping (they are
Markdown), so a ``<script>``, an ``<iframe>``, an ``on…=`` handler or a ``javascript:`` link in
any of them would run in every reader's browser. Such input is refused, naming the line; the
site then runs no script but the archive's own. So are characters a reader cannot see: control
characters, and the bidirectional overrides and isolates that show a text in another order than
it is written (and quoted, and searched).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .polish import grouped

# A text file of the archive (a programme, a record) is far below this; a larger one is a mistake
# (a pasted binary, a runaway export) or an attempt to exhaust the build.
MAX_TEXT_BYTES = 2_000_000

_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"<\s*script\b", re.IGNORECASE), "znacznik <script> (skrypt)"),
    (re.compile(r"<\s*(iframe|frame|object|embed|applet|base|form|meta|link)\b", re.I), "znacznik <{0}>"),
    (re.compile(r"<[^>]*\s(on[a-z]+)\s*=", re.IGNORECASE), "atrybut {0}= (kod uruchamiany w przeglądarce)"),
    (re.compile(r"\b(javascript|vbscript)\s*:", re.IGNORECASE), "adres „{0}:” (kod zamiast adresu)"),
    (re.compile(r"""[(=<"']\s*(data)\s*:""", re.IGNORECASE), "adres „{0}:” (treść zamiast adresu)"),
)  # fmt: skip
HINT = (
    "usuń to z pliku: tekst programu i rekord nie mogą zawierać kodu HTML uruchamianego "
    "w przeglądarce; odnośniki podawaj jako https://…"
)


def hostile_lines(text: str) -> Iterator[tuple[int, str]]:
    """(line number, what was found) for every line carrying code a browser would run."""
    for number, line in enumerate(text.splitlines(), 1):
        for pattern, message in _RULES:
            found = pattern.search(line)
            if found:
                what = found.group(1).lower() if found.groups() else ""
                yield number, "niebezpieczna treść: " + message.format(what)
                break


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
