"""The check's problems as a GitHub Actions run shows them: an annotation at each file and line
(in the pull request's changed files too) and a summary of the run, in Polish."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from palarchiwum.records.polish import plural
from palarchiwum.records.problems import Problem

SUMMARY_VARIABLE = "GITHUB_STEP_SUMMARY"


def annotations(problems: Sequence[Problem], level: str = "error") -> list[str]:
    """One workflow command per problem: ``::error file=…,line=…,title=…::message``."""
    lines = []
    for problem in problems:
        where = [f"file={_property(problem.file)}"]
        if problem.line:
            where.append(f"line={problem.line}")
        title = f"{problem.field}: " if problem.field else ""
        hint = f" (wskazówka: {problem.hint})" if problem.hint else ""
        where.append(f"title={_property(title + 'archiwum programów')}")
        lines.append(f"::{level} {','.join(where)}::{_data(problem.message + hint)}")
    return lines


def summary(problems: Sequence[Problem], warnings: Sequence[Problem], passed: str | None) -> str:
    """The run's summary in Markdown: what passed, or every problem with where it is."""
    if passed is not None:
        lines = ["## Sprawdzenie archiwum: w porządku", "", passed]
    else:
        counted = plural(len(problems), "problem", "problemy", "problemów")
        lines = [
            f"## Sprawdzenie archiwum: {counted}",
            "",
            "Nic nie zostanie opublikowane, dopóki te problemy nie zostaną poprawione.",
            "",
            "| Plik i wiersz | Pole | Co jest nie tak | Wskazówka |",
            "|---|---|---|---|",
        ]
        lines += [_row(problem) for problem in problems]
    if warnings:
        counted = plural(len(warnings), "ostrzeżenie", "ostrzeżenia", "ostrzeżeń")
        lines += ["", f"### Do sprawdzenia ({counted}; nie blokują publikacji)", ""]
        lines += [f"- `{_where(w)}` {_cell(w.message)}" for w in warnings]
    return "\n".join(lines) + "\n"


def report(problems: Sequence[Problem], warnings: Sequence[Problem], passed: str | None) -> None:
    """Print the annotations and append the summary where the run keeps it."""
    for line in annotations(problems) + annotations(warnings, "warning"):
        print(line)
    target = os.environ.get(SUMMARY_VARIABLE)
    if target:
        with Path(target).open("a", encoding="utf-8") as handle:
            handle.write(summary(problems, warnings, passed))


def _row(problem: Problem) -> str:
    cells = (
        f"`{_where(problem)}`",
        f"`{problem.field}`" if problem.field else "",
        problem.message,
        problem.hint,
    )
    return "| " + " | ".join(_cell(cell) for cell in cells) + " |"


def _where(problem: Problem) -> str:
    return f"{problem.file}:{problem.line}" if problem.line else problem.file


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
