"""Validating records against the JSON Schemas, with messages in Polish."""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match

from .polish import plural

SCHEMA_DIR = Path(__file__).parents[1] / "schemas"

_TYPE_NAMES = {
    "string": "tekst",
    "integer": "liczba całkowita",
    "number": "liczba",
    "boolean": "true/false",
    "array": "lista",
    "object": "słownik (klucz: wartość)",
    "null": "null",
}


def validator(name: str) -> Draft202012Validator:
    """The validator for `programme` or `gmina`, read afresh (the schema may change under serve)."""
    schema = json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
    return Draft202012Validator(_inline_refs(schema, schema.get("$defs", {}), ()))


def _inline_refs(node: Any, defs: dict[str, Any], chain: tuple[str, ...]) -> Any:
    """The schema with each bare ``{"$ref": "#/$defs/x"}`` replaced by the definition itself.

    The same schema, checked the same way and with the same messages; but jsonschema resolves a
    reference anew at every use, which was two fifths of checking a record. A reference with
    keywords beside it, or to a definition that contains itself, stays a reference.
    """
    if isinstance(node, list):
        return [_inline_refs(item, defs, chain) for item in node]
    if not isinstance(node, dict):
        return node
    name = node.get("$ref", "").removeprefix("#/$defs/")
    if len(node) == 1 and name in defs and name not in chain:
        return _inline_refs(defs[name], defs, (*chain, name))
    return {key: value if key == "$defs" else _inline_refs(value, defs, chain) for key, value in node.items()}


def field_path(path: tuple[str | int, ...] | list[str | int], data: Any = None) -> str:
    """A field path as a clerk reads it: a list item by its id where it has one (``cele[c5].tresc``),
    otherwise by its position counted from 1 (``zalaczniki[1].plik``, the first attachment)."""
    out = ""
    node = data
    for part in path:
        if isinstance(part, int):
            item = node[part] if isinstance(node, list) and 0 <= part < len(node) else None
            item_id = _own_id(item, node)
            out += f"[{item_id}]" if item_id else f"[{part + 1}]"
            node = item
        else:
            out += f".{part}" if out else str(part)
            node = node.get(part) if isinstance(node, dict) else None
    return out


def _own_id(item: Any, items: Any) -> str | None:
    """The item's id, when it names this item alone in its list."""
    item_id = item.get("id") if isinstance(item, dict) else None
    if not isinstance(item_id, str) or not item_id:
        return None
    same = sum(1 for other in items if isinstance(other, dict) and other.get("id") == item_id)
    return item_id if same == 1 else None


_GONE = object()


def valid_part(data: Any, invalid: list[tuple[str | int, ...]]) -> Any:
    """A copy of `data` without the values the schema refused, so that the checks beyond the
    schema can still run on the rest: a refused key is left out, a refused list item becomes
    None (the other items keep their positions and lines)."""
    doomed = {tuple(path) for path in invalid}
    return _without(data, (), doomed)


def _without(node: Any, path: tuple[str | int, ...], doomed: set[tuple[str | int, ...]]) -> Any:
    if path in doomed:
        return _GONE
    if isinstance(node, dict):
        kept = {key: _without(value, (*path, key), doomed) for key, value in node.items()}
        return {key: value for key, value in kept.items() if value is not _GONE}
    if isinstance(node, list):
        items = [_without(value, (*path, i), doomed) for i, value in enumerate(node)]
        return [None if item is _GONE else item for item in items]
    return node


def schema_errors(
    checker: Draft202012Validator, data: Any
) -> Iterator[tuple[tuple[str | int, ...], str, str]]:
    """(path, message, hint) for every way `data` breaks the checker's schema."""
    for error in checker.iter_errors(data):
        yield from _explain(error, checker.schema)


def _explain(
    error: ValidationError, root: dict[str, Any]
) -> Iterator[tuple[tuple[str | int, ...], str, str]]:
    if error.validator in ("oneOf", "anyOf") and error.context:
        yield from _explain(_most_relevant(error), root)
        return
    path = tuple(error.absolute_path)
    hint = error.schema.get("description", "") if isinstance(error.schema, dict) else ""
    value = error.instance
    match error.validator:
        case "required":
            missing = error.message.split("'")[1]
            prop = _resolve(root, error.schema.get("properties", {}).get(missing, {}))
            yield (*path, missing), "brak wymaganego pola", prop.get("description", "")
        case "additionalProperties":
            allowed = sorted(error.schema.get("properties", {}))
            for key in sorted(set(value) - set(allowed)):
                close = difflib.get_close_matches(key, allowed, n=1)
                tip = f"czy chodziło o „{close[0]}”?" if close else "dozwolone pola: " + ", ".join(allowed)
                yield (*path, key), f"nieznane pole „{key}”", tip
        case "type":
            expected = error.validator_value
            expected = expected if isinstance(expected, list) else [expected]
            names = " albo ".join(_TYPE_NAMES.get(t, t) for t in expected)
            yield path, f"zły typ wartości: jest {_type_of(value)}, powinien być {names}", hint
        case "enum":
            options = ", ".join(f"„{v}”" for v in error.validator_value)
            yield path, f"niedozwolona wartość „{value}”", f"dozwolone: {options}"
        case "pattern":
            yield path, f"wartość „{value}” ma zły format", hint
        case "minLength":
            yield path, "tekst jest pusty lub za krótki", hint
        case "minItems":
            least = plural(error.validator_value, "element", "elementy", "elementów")
            yield path, f"lista ma za mało elementów (ma {len(value)}, potrzeba co najmniej {least})", hint
        case "uniqueItems":
            yield path, "lista zawiera powtórzony element", hint
        case "minimum" | "maximum":
            yield path, f"wartość {value} jest poza dopuszczalnym zakresem", hint
        case _:
            yield path, f"wartość nie spełnia reguły „{error.validator}”", hint


def _most_relevant(error: ValidationError) -> ValidationError:
    """Of a oneOf's alternatives, the error from the one the clerk most likely meant."""
    not_null = [e for e in error.context if e.validator_value != "null"]
    return best_match(not_null or error.context)


def _resolve(root: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """Follow a local ``#/$defs/…`` reference, keeping a description given beside it."""
    ref = schema.get("$ref", "")
    if not ref.startswith("#/$defs/"):
        return schema
    target = root["$defs"][ref.removeprefix("#/$defs/")]
    return {**target, **{k: v for k, v in schema.items() if k != "$ref"}}


def _type_of(value: Any) -> str:
    for python_type, name in (
        (bool, "true/false"),
        (int, "liczba całkowita"),
        (float, "liczba"),
        (str, "tekst"),
        (list, "lista"),
        (dict, "słownik"),
        (type(None), "null"),
    ):
        if isinstance(value, python_type):
            return name
    return type(value).__name__
