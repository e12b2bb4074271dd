"""Applying one file's unified diff (as ``git log -p`` prints it) to the text it was made from."""

from __future__ import annotations

import re

_HUNK = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")
_NO_NEWLINE = "\\ No newline at end of file"


class PatchError(Exception):
    """The patch does not fit the text."""


def apply_patch(old: str, file_patch: str) -> str:
    """The text after the patch; raises PatchError when a context or removed line does not match."""
    source = old.splitlines(keepends=True)
    out: list[str] = []
    pos = 0  # lines of `source` consumed
    lines = file_patch.split("\n")
    i = next((n for n, line in enumerate(lines) if line.startswith("@@ ")), len(lines))
    while i < len(lines):
        match = _HUNK.match(lines[i])
        if not match:
            i += 1
            continue
        start = int(match.group(1)) - (0 if match.group(2) == "0" else 1)
        if start < pos:
            raise PatchError(f"fragment zmiany zaczyna się przed poprzednim (wiersz {start + 1})")
        out.extend(source[pos:start])
        pos = start
        i += 1
        while i < len(lines) and lines[i][:1] in (" ", "+", "-", "\\") and not lines[i].startswith("@@"):
            line = lines[i]
            kind, body = line[:1], line[1:] + "\n"
            if kind == "\\":
                if line == _NO_NEWLINE and out and kind_before(lines, i) in (" ", "+"):
                    out[-1] = out[-1].removesuffix("\n")
                i += 1
                continue
            if kind in (" ", "-"):
                expected = source[pos] if pos < len(source) else None
                if expected is None or expected.removesuffix("\n") != body.removesuffix("\n"):
                    raise PatchError(f"wiersz {pos + 1} nie zgadza się z poprzednią wersją pliku")
                pos += 1
                if kind == " ":
                    out.append(expected)
            else:
                out.append(body)
            i += 1
    out.extend(source[pos:])
    return "".join(out)


def kind_before(lines: list[str], i: int) -> str:
    """The kind (' ', '+', '-') of the patch line before line `i`."""
    return lines[i - 1][:1] if i else ""
