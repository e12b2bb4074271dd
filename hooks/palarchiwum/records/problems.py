"""Problems found in the archive's input, reported to people in Polish."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .polish import plural


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one input file: where, which field, what, and what would be right."""

    file: str
    line: int
    field: str
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        field = f" {self.field}:" if self.field else ""
        hint = f" (wskazówka: {self.hint})" if self.hint else ""
        return f"{where}:{field} {self.message}{hint}"


class InvalidArchive(Exception):
    """The input has problems; nothing may be built from it."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__(report(self.problems))


def report(problems: list[Problem]) -> str:
    """The text shown to a clerk: a count, then one problem per line."""
    counted = plural(len(problems), "problem", "problemy", "problemów")
    lines = [f"Archiwum programów zawiera błędy ({counted}); nic nie zostało zapisane:"]
    lines += [f"  {p}" for p in problems]
    return "\n".join(lines)


def display_path(path: Path, root: Path) -> str:
    """A path as the clerk knows it: relative to the project when possible."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
