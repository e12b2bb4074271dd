"""Reading one YAML input file: text, syntax, schema, with every problem collected."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from jsonschema import Draft202012Validator

from .problems import Problem, display_path
from .schema_validation import field_path, schema_errors, validator
from .text_files import read_text
from .yaml_parsing import YamlDocument, YamlError, parse_yaml

SCHEMAS = ("gmina", "programme", "slownik")


@dataclass
class Context:
    """Where problems go while a folder is loaded."""

    root: Path  # the project folder, for paths in messages
    problems: list[Problem]
    validators: dict[str, Draft202012Validator]  # read once per load

    @classmethod
    def fresh(cls, root: Path, problems: list[Problem]) -> Context:
        return cls(root, problems, {name: validator(name) for name in SCHEMAS})

    def shown(self, path: Path) -> str:
        return display_path(path, self.root)

    def add(self, path: Path, line: int, field_: str, message: str, hint: str = "") -> None:
        self.problems.append(Problem(self.shown(path), line, field_, message, hint))


def read_record(path: Path, schema_name: str, ctx: Context) -> YamlDocument | None:
    """Parse and schema-check one YAML file; None when it cannot be used."""
    doc = parse_record(path, ctx)
    if doc is None or not schema_valid(doc, path, schema_name, ctx):
        return None
    return doc


def parse_record(path: Path, ctx: Context) -> YamlDocument | None:
    """Parse one YAML file whose top level is a mapping; None (with the problem added) otherwise."""
    text = read_text(path, ctx.shown(path), ctx.problems)
    if text is None:
        return None
    try:
        doc = parse_yaml(text)
    except YamlError as exc:
        ctx.add(path, exc.line, field_path(exc.path), exc.message, exc.hint)
        return None
    if not isinstance(doc.data, dict):
        ctx.add(
            path,
            1,
            "",
            "plik powinien zawierać słownik pól (klucz: wartość)",
            "zacznij od skopiowania przykładowego pliku",
        )
        return None
    return doc


def schema_valid(doc: YamlDocument, path: Path, schema_name: str, ctx: Context) -> bool:
    """Add every schema problem of a parsed file; True when there is none."""
    before = len(ctx.problems)
    for path_, message, hint in schema_errors(ctx.validators[schema_name], doc.data):
        ctx.add(path, doc.line_of(path_), field_path(path_), message, hint)
    return len(ctx.problems) == before
