"""Reading the archive's text files as UTF-8, reporting what cannot be read or must not be used."""

from __future__ import annotations

from pathlib import Path

from .hostile_input import CONTROL_HINT, control_characters, too_large
from .problems import Problem


def read_text(path: Path, shown: str, problems: list[Problem]) -> str | None:
    """The file's text, or None with problems recorded: unreadable, too large, not UTF-8, or
    carrying characters a reader cannot see (every such line is reported). Markup is checked
    once rendered (markup_policy)."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        problems.append(Problem(shown, 0, "", f"nie można odczytać pliku ({exc.strerror})"))
        return None
    if (message := too_large(size)) is not None:
        hint = "tekst programu ma zwykle najwyżej kilkaset kilobajtów"
        problems.append(Problem(shown, 0, "", message, hint))
        return None
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
    text = text.removeprefix("\ufeff")
    hostile = [Problem(shown, line, "", message, CONTROL_HINT) for line, message in control_characters(text)]
    problems.extend(sorted(hostile, key=lambda problem: problem.line))
    return None if hostile else text
