"""Writing the draft record as YAML text in the style of the curated records.

Scalars are written plain where that reads back exactly, as a folded block (``>-``) when long,
and double-quoted otherwise; every choice is checked by reading it back, so any quote survives.
Comments say where in the text each group of items was found.
"""

from __future__ import annotations

import json
import re
import textwrap
from dataclasses import dataclass, field

import yaml

WIDTH = 100  # long quotes are folded to lines of at most this many characters
_PARTIAL_DATE = re.compile(r"^\d{4}-\d{2}(?:-\d{2})?$")  # quoted, as in the curated records
# Characters YAML does not allow in a file, and the line breaks YAML 1.1 knows besides "\n".
_NOT_PRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True)
class Entry:
    """One item of a list section: its id, fields in the order written, and a comment above it."""

    fields: tuple[tuple[str, object], ...]
    comment: str = ""


@dataclass
class YamlText:
    """YAML text built line by line."""

    lines: list[str] = field(default_factory=list)

    def comment(self, text: str, indent: int = 0) -> None:
        text = _NOT_PRINTABLE.sub(" ", text)
        for line in textwrap.wrap(text, WIDTH - indent - 2, break_long_words=False) or [""]:
            self.lines.append(f"{' ' * indent}# {line}".rstrip())

    def key(self, name: str, value: object, indent: int = 0, note: str = "") -> None:
        """``name: value`` with an optional comment after a short value."""
        prefix = f"{' ' * indent}{name}:"
        written = scalar(value, len(prefix) + 1, indent + 2)
        suffix = f"  # {note}" if note and "\n" not in written else ""
        self.lines.append(f"{prefix} {written}{suffix}")

    def section(self, name: str, entries: list[Entry], empty_note: str) -> None:
        """A list of mappings, or ``[]`` with a note when nothing was recognised."""
        if not entries:
            self.lines.append(f"{name}: []  # {empty_note}")
            return
        self.lines.append(f"{name}:")
        for entry in entries:
            if entry.comment:
                self.comment(entry.comment, 2)
            for i, (key, value) in enumerate(entry.fields):
                dash = "  - " if i == 0 else "    "
                prefix = f"{dash}{key}:"
                self.lines.append(f"{prefix} {scalar(value, len(prefix) + 1, 6)}")

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def scalar(value: object, used: int, indent: int) -> str:
    """The YAML for a value after ``key: `` (which takes `used` characters of the line)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(scalar(v, 0, indent) for v in value) + "]"
    text = str(value)
    if _PARTIAL_DATE.match(text):
        return f'"{text}"'
    if used + len(text) <= WIDTH and _reads_back(text, text):
        return text
    if used + len(text) > WIDTH:
        lines = textwrap.wrap(text, WIDTH - indent, break_long_words=False, break_on_hyphens=False)
        block = ">-\n" + "\n".join(f"{' ' * indent}{line}" for line in lines)
        if _reads_back(block, text):
            return block
    return _NOT_PRINTABLE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", json.dumps(text, ensure_ascii=False))


def _reads_back(written: str, text: str) -> bool:
    try:
        return yaml.safe_load(f"k: {written}\n") == {"k": text}
    except yaml.YAMLError:
        return False
