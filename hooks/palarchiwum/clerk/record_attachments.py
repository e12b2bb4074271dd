"""Attachments of a programme: a file copied into its ``attachments/`` folder and described in its
record's ``zalaczniki`` (path, description, SHA-256, role), the record's text edited in place so
that its comments and layout stay as the clerk wrote them."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from palarchiwum.records.slugs import ascii_fold
from palarchiwum.records.yaml_parsing import YamlError, parse_yaml

ATTACHMENTS = "attachments"
ROLES = ("zrodlo", "oryginal", "inny")
_TOP_LEVEL_KEY = re.compile(r"^[A-Za-z_][\w-]*:")


class AttachRefused(Exception):
    """Nothing was written; the message says why, in Polish."""


@dataclass(frozen=True)
class Entry:
    """One ``zalaczniki`` entry."""

    file: str  # relative to the programme's folder, e.g. attachments/uchwala.pdf
    description: str
    sha256: str
    role: str

    def yaml_lines(self, indent: str) -> list[str]:
        quoted = self.description.replace("\\", "\\\\").replace('"', '\\"')
        return [
            f"{indent}- plik: {self.file}",
            f'{indent}  opis: "{quoted}"',
            f'{indent}  sha256: "{self.sha256}"',
            f"{indent}  rola: {self.role}",
        ]


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_name(name: str) -> str:
    """A file's name as a record may give it (letters without diacritics, digits, . _ -)."""
    stem, dot, suffix = name.rpartition(".") if "." in name.lstrip(".") else (name, "", "")
    clean = re.sub(r"[^A-Za-z0-9_-]+", "-", ascii_fold(stem)).strip("-") or "zalacznik"
    return clean + (dot + re.sub(r"[^A-Za-z0-9]+", "", suffix).lower() if dot else "")


def with_entry(record: str, entry: Entry) -> str:
    """The record's text with `entry` added to ``zalaczniki`` (created at the end if absent);
    AttachRefused when the record cannot be read or already lists that file."""
    try:
        doc = parse_yaml(record)
    except YamlError as exc:
        raise AttachRefused(
            f"rekord ma błąd składni w wierszu {exc.line} ({exc.message}); popraw go najpierw"
        ) from None
    data = doc.data if isinstance(doc.data, dict) else None
    if data is None:
        raise AttachRefused("rekord nie jest słownikiem pól; popraw go najpierw")
    listed = data.get("zalaczniki")
    if listed is not None and not isinstance(listed, list):
        raise AttachRefused("pole zalaczniki w rekordzie nie jest listą; popraw je najpierw")
    if any(isinstance(e, dict) and e.get("plik") == entry.file for e in listed or []):
        raise AttachRefused(f"rekord już opisuje plik {entry.file}")
    lines = record.splitlines()
    if "zalaczniki" not in data:
        edited = [*lines, "zalaczniki:", *entry.yaml_lines("  ")]
    else:
        edited = _inserted(lines, doc.lines[("zalaczniki",)] - 1, entry)
    text = "\n".join(edited) + "\n"
    if _last_entry(text) != _as_data(entry):
        raise AttachRefused(
            "nie udało się dopisać wpisu do rekordu bez zmiany jego układu; dopisz go ręcznie"
        )
    return text


def _last_entry(text: str) -> object:
    """The last ``zalaczniki`` entry of an edited record; None when the edit broke the record (e.g.
    a list written in brackets, ``[…]``, which a block entry cannot follow)."""
    try:
        listed = parse_yaml(text).data.get("zalaczniki")
    except YamlError:
        return None
    return listed[-1] if isinstance(listed, list) and listed else None


def _inserted(lines: list[str], key_index: int, entry: Entry) -> list[str]:
    """`lines` with the entry after the last item of the ``zalaczniki`` list starting at `key_index`."""
    key_line = lines[key_index]
    if re.match(r"^zalaczniki:\s*\[\s*\]\s*(#.*)?$", key_line):
        return [*lines[:key_index], "zalaczniki:", *entry.yaml_lines("  "), *lines[key_index + 1 :]]
    end = next(
        (i for i in range(key_index + 1, len(lines)) if _TOP_LEVEL_KEY.match(lines[i])),
        len(lines),
    )
    while end > key_index + 1 and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
        end -= 1
    items = [line for line in lines[key_index + 1 : end] if line.lstrip().startswith("- ")]
    indent = items[0][: len(items[0]) - len(items[0].lstrip())] if items else "  "
    return [*lines[:end], *entry.yaml_lines(indent), *lines[end:]]


def _as_data(entry: Entry) -> dict[str, str]:
    return {"plik": entry.file, "opis": entry.description, "sha256": entry.sha256, "rola": entry.role}


def attach(programme: Path, source: Path, description: str, role: str, name: str | None = None) -> Entry:
    """Copy `source` into the programme's attachments and describe it in its record; write
    nothing unless both can be done."""
    record_path = programme / "programme.yml"
    if not record_path.is_file():
        raise AttachRefused(f"nie ma programu {programme.as_posix()} (brak programme.yml)")
    if not source.is_file():
        raise AttachRefused(f"nie ma pliku {source}")
    if len(description.strip()) < 3:
        raise AttachRefused("opisz plik po polsku (--opis), np. „Uchwała w formacie PDF, jak w BIP”")
    if role not in ROLES:
        raise AttachRefused(f"rola „{role}” nie istnieje; do wyboru: {', '.join(ROLES)}")
    content = source.read_bytes()
    in_place = _inside(source, programme)
    if in_place is not None and name is None:
        target = programme / in_place  # already in the programme's folder: described where it lies
    else:
        target = programme / ATTACHMENTS / file_name(name or source.name)
    entry = Entry(target.relative_to(programme).as_posix(), description.strip(), sha256_of(content), role)
    record = with_entry(record_path.read_text(encoding="utf-8"), entry)
    copied = target.resolve() != source.resolve()
    if copied:
        if target.exists():
            raise AttachRefused(f"plik {entry.file} już istnieje; wybierz inną nazwę (--jako)")
        target.parent.mkdir(exist_ok=True)
        target.write_bytes(content)
    try:
        record_path.write_text(record, encoding="utf-8", newline="\n")
    except OSError:
        if copied:
            target.unlink()
        raise
    return entry


def _inside(source: Path, programme: Path) -> str | None:
    """The source's path within the programme's folder, when it lies there under a name a record
    may give; None otherwise."""
    try:
        relative = source.resolve().relative_to(programme.resolve()).as_posix()
    except ValueError:
        return None
    return relative if re.fullmatch(r"[A-Za-z0-9._/-]+", relative) else None
