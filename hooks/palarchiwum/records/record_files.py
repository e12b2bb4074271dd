"""Reading one YAML input file: text, syntax, schema, with every problem collected."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from jsonschema import Draft202012Validator

from .problems import Problem, display_path
from .schema_validation import field_path, schema_errors, valid_part, validator
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


def read_record(path: Path, schema_name: str, ctx: Context) -> Checked | None:
    """Parse and schema-check one YAML file; None when it cannot be parsed."""
    doc = parse_record(path, ctx)
    return None if doc is None else check_schema(doc, path, schema_name, ctx)


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


@dataclass(frozen=True)
class Checked:
    """A parsed file after its schema check: the values the schema accepts (refused ones left
    out, see ``valid_part``), whether it had none to refuse, and the values `forgiven` spared."""

    doc: YamlDocument
    parsed: YamlDocument  # the file as written
    valid: bool
    forgiven: tuple[tuple[str | int, ...], ...] = ()


Forgiving = Callable[[YamlDocument, tuple[str | int, ...]], bool]


def check_schema(
    doc: YamlDocument, path: Path, schema_name: str, ctx: Context, forgiving: Forgiving | None = None
) -> Checked:
    """Add every schema problem of a parsed file, except those `forgiving` spares, and keep what
    the deeper checks can still read."""
    refused, forgiven = [], []
    for path_, message, hint in schema_errors(ctx.validators[schema_name], doc.data):
        if forgiving is not None and forgiving(doc, path_):
            forgiven.append(path_)
            continue
        refused.append(path_)
        ctx.add(path, doc.line_of(path_), field_path(path_, doc.data), message, hint)
    kept = YamlDocument(valid_part(doc.data, refused + forgiven), doc.lines)
    return Checked(kept, doc, not refused, tuple(forgiven))
