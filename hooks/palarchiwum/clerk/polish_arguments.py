"""The command line's own words in Polish: usage, help, and the errors of its arguments.

argparse writes them in English; this parser and its help formatter give the same texts in
Polish, for every subcommand (argparse makes subcommands' parsers of the parent's class).
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import Any, NoReturn

PROGRAM = "bash scripts/archiwum"

# argparse's error messages (Python 3.11), in Polish; %-style groups become \1, \2…
_ERRORS = (
    (r"the following arguments are required: (.*)", r"brakuje wymaganych argumentów: \1"),
    (r"unrecognized arguments: (.*)", r"nieznane argumenty: \1"),
    (
        r"argument (.+?): invalid choice: '(.*?)' \(choose from (.*)\)",
        r"argument \1: nieznana wartość „\2” (do wyboru: \3)",
    ),
    (r"argument (.+?): expected one argument", r"argument \1: po tej opcji podaj wartość"),
    (
        r"argument (.+?): expected at least one argument",
        r"argument \1: po tej opcji podaj co najmniej jedną wartość",
    ),
    (r"argument (.+?): expected (.*) arguments?", r"argument \1: zła liczba wartości"),
    (r"argument (.+?): invalid \S+ value: '(.*)'", r"argument \1: niepoprawna wartość „\2”"),
    (r"argument (.+?): not allowed with argument (.*)", r"argument \1 nie może wystąpić razem z \2"),
    (
        r"argument (.+?): ignored explicit argument '(.*)'",
        r"argument \1: ta opcja nie przyjmuje wartości („\2”)",
    ),
    (r"ambiguous option: (\S+) could match (.*)", r"niejednoznaczna opcja \1: pasuje do \2"),
    (r"one of the arguments (.*) is required", r"wymagany jest jeden z argumentów: \1"),
)


def polish_error(message: str) -> str:
    """argparse's message in Polish; one it does not know, with a Polish lead."""
    for english, polish in _ERRORS:
        if (match := re.fullmatch(english, message)) is not None:
            return match.expand(polish)
    return f"niepoprawne argumenty ({message})"


class PolishHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "użycie: " if prefix is None else prefix)


class PolishArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser that speaks Polish to the clerk."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", PolishHelpFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumenty"
        self._optionals.title = "opcje"
        self.add_argument("-h", "--help", action="help", help="pokaż tę pomoc i zakończ")

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: błąd: {polish_error(message)}\nPomoc: {self.prog} --help\n")
