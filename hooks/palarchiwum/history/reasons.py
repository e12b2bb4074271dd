"""The public reason for a change, read from its commit message.

In order:
1. the publisher's description of that commit (``programmes/opisy-zmian.yml``), for past commits
   whose messages are not a public reason, and for correcting one;
2. the message's ``Powód:`` trailer (``Powod:`` too), in git's trailer block at its end;
3. the message's subject, when it is written in Polish; its body (without trailers) is the
   reason's explanation, when that is in Polish too.
Otherwise the reason is not given, and the register says so: a developer's message is never
published as a reason.

Standard library only (through ``records.polish_language``): the ``commit-msg`` hook in
``scripts/`` asks the same questions before a commit is made.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from palarchiwum.records.polish_language import looks_polish

_TRAILER = re.compile(r"^([A-Za-z][\w-]*|Powód)\s*:\s*(.*)$")
_REASON_KEYS = {"powód", "powod"}


@dataclass(frozen=True)
class Reason:
    """Why a change was made, as the register shows it; `text` None when it was not given."""

    text: str | None
    details: str | None = None
    source: str = ""  # "opis", "powód", "temat" or "" (not given)


NOT_GIVEN = Reason(None)


def reason_of(sha: str, message: str, descriptions: Mapping[str, str]) -> Reason:
    """The public reason for the commit `sha` with `message` (descriptions by full commit id)."""
    if sha in descriptions:
        return Reason(descriptions[sha], source="opis")
    subject, body, trailers = split_message(message)
    stated = " ".join(value for key, value in trailers if key.casefold() in _REASON_KEYS).strip()
    if stated:
        return Reason(stated, source="powód") if looks_polish(stated) else NOT_GIVEN
    if subject and looks_polish(subject):
        return Reason(subject, body if body and looks_polish(body) else None, source="temat")
    return NOT_GIVEN


def split_message(message: str) -> tuple[str, str, list[tuple[str, str]]]:
    """A commit message's subject, body and trailers (key, value), as ``git interpret-trailers``
    reads them: the trailers are the last paragraph when all its lines are ``Key: value`` (or
    continue the line above with leading whitespace)."""
    paragraphs = re.split(r"\n[ \t]*\n", message.strip())
    subject = paragraphs[0].strip().replace("\n", " ") if paragraphs else ""
    rest = paragraphs[1:]
    trailers: list[tuple[str, str]] = []
    if rest:
        parsed = _trailers(rest[-1])
        if parsed is not None:
            trailers, rest = parsed, rest[:-1]
    body = "\n\n".join(p.strip() for p in rest).strip()
    return subject, body, trailers


def _trailers(paragraph: str) -> list[tuple[str, str]] | None:
    found: list[tuple[str, str]] = []
    for line in paragraph.strip().splitlines():
        if line[:1] in (" ", "\t") and found:
            key, value = found[-1]
            found[-1] = (key, f"{value} {line.strip()}".strip())
            continue
        match = _TRAILER.match(line)
        if not match:
            return None
        found.append((match.group(1), match.group(2).strip()))
    return found
