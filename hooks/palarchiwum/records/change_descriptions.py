"""The publisher's descriptions of past changes: ``programmes/opisy-zmian.yml``.

A commit whose message is not a public reason (an English developer's message, or none) gets its
reason in the register from this file, by its commit id; a description here also replaces a
reason that was wrong. The file is optional. Its problems are reported with the archive's.

    # Powody zmian, których opis zapisu nie jest powodem po polsku.
    "af1fed5": Dodanie pięciu programów z tekstami uchwał
"""

from __future__ import annotations

import re
from pathlib import Path

from .polish_language import looks_polish
from .record_files import Context, parse_record

DESCRIPTIONS_FILE = "opisy-zmian.yml"
_COMMIT_ID = re.compile(r"^[0-9a-f]{7,40}$")
_LONGEST = 1000


def load_descriptions(programmes_dir: Path, ctx: Context) -> dict[str, str]:
    """Description by commit id (an abbreviation of 7 or more hex digits, as written)."""
    path = programmes_dir / DESCRIPTIONS_FILE
    if not path.is_file():
        return {}
    doc = parse_record(path, ctx)
    if doc is None:
        return {}
    found: dict[str, str] = {}
    for key, value in doc.data.items():
        line = doc.line_of((key,))
        if not isinstance(key, str) or not _COMMIT_ID.match(key):
            ctx.add(
                path,
                line,
                str(key),
                "klucz ma być identyfikatorem zapisu: 7–40 znaków 0–9 i a–f",
                'skopiuj identyfikator z „git log --oneline” i ujmij go w cudzysłów, np. "0a1b2c3"',
            )
            continue
        if not isinstance(value, str) or not value.strip():
            ctx.add(path, line, key, "brak opisu zmiany", "wpisz po polsku, dlaczego wprowadzono zmianę")
            continue
        text = " ".join(value.split())
        if len(text) > _LONGEST:
            ctx.add(path, line, key, f"opis ma {len(text)} znaków", f"skróć opis do {_LONGEST} znaków")
        elif not looks_polish(text):
            ctx.add(
                path,
                line,
                key,
                "opis nie wygląda na napisany po polsku",
                "rejestr zmian publikuje powody po polsku, zrozumiałe dla mieszkańca",
            )
        elif any(key.startswith(k) or k.startswith(key) for k in found):
            ctx.add(path, line, key, "ten zapis ma już opis wyżej w pliku", "zostaw jeden opis zapisu")
        else:
            found[key] = text
    return found
