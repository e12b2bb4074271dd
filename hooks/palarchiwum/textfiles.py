"""Reading the archive's text files as UTF-8, reporting what cannot be read."""

from __future__ import annotations

from pathlib import Path

from .problems import Problem


def read_text(path: Path, shown: str, problems: list[Problem]) -> str | None:
    """The file's text, or None with a problem recorded when it is not readable UTF-8."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        problems.append(Problem(shown, 0, "", f"nie można odczytać pliku ({exc.strerror})"))
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problems.append(
            Problem(
                shown, line, "", "plik nie jest zapisany w UTF-8", "zapisz plik w edytorze z kodowaniem UTF-8"
            )
        )
        return None
    return text.removeprefix("\ufeff")
