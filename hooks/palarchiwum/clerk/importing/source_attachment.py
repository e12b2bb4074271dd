"""The text ``import`` read, kept as the draft's source attachment (``rola: zrodlo``), so that the
check compares programme.md with it word by word from the first draft on."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from palarchiwum.clerk.record_attachments import ATTACHMENTS, AttachRefused, Entry, sha256_of, with_entry

from .drafting import Draft

SOURCE_FILE = f"{ATTACHMENTS}/zrodlo.txt"
DESCRIPTION = "Tekst programu, z którego polecenie import utworzyło programme.md (np. wyodrębniony z PDF)"


def with_source(draft: Draft, source: Path) -> Draft:
    """The draft whose record lists the source it was made from."""
    entry = Entry(SOURCE_FILE, DESCRIPTION, sha256_of(source.read_bytes()), "zrodlo")
    return dataclasses.replace(draft, record_yaml=with_entry(draft.record_yaml, entry))


def write_source(source: Path, folder: Path, written: list[Path]) -> Path:
    """Copy the source beside the draft just written; if that fails, take the draft back."""
    target = folder / SOURCE_FILE
    try:
        if target.exists():
            raise AttachRefused(f"plik {SOURCE_FILE} już istnieje w folderze programu")
        target.parent.mkdir(exist_ok=True)
        target.write_bytes(source.read_bytes())
    except (OSError, AttachRefused):
        for path in written:
            path.unlink()
        raise
    return target
