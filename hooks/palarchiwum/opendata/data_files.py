"""The open data files of a build: per-programme JSON, all programmes as JSON and CSV, schemas."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from palarchiwum.generated_files import GeneratedAsset, with_folder
from palarchiwum.records.archive import programme_order
from palarchiwum.site import Site

from .programme_data import (
    ALL_CSV,
    ALL_JSON,
    COLLECTION_TAIL,
    SCHEMA_DIR,
    Urls,
    collection_head,
    collection_line,
    csv_header,
    csv_row,
    programme_data,
    record_json,
)

SCHEMAS = Path(__file__).parents[1] / "schemas"
# Published name of each schema of the data files, and its file in the package.
DATA_SCHEMAS = {
    "program.schema.json": "dane-program.schema.json",
    "programy.schema.json": "dane-programy.schema.json",
}


def write_data_files(site: Site, folder: Path) -> list[str]:
    """Write the data files under `folder` and return their paths in the site.

    One programme at a time: its record goes to its own file, to programy.json and to
    programy.csv, and is then let go, so memory does not grow with the archive.
    """
    urls = Urls(site.site_url)
    programmes = sorted(site.archive.programmes, key=programme_order)
    written = []
    made: set[Path] = set()
    with_folder(folder / ALL_JSON, made)
    with (
        (folder / ALL_JSON).open("w", encoding="utf-8", newline="") as collection,
        (folder / ALL_CSV).open("w", encoding="utf-8", newline="") as table,
    ):
        collection.write(collection_head(len(programmes), site.archive, urls))
        rows = csv.writer(table, lineterminator="\r\n")
        rows.writerow(csv_header())
        for i, programme in enumerate(programmes):
            record = programme_data(programme, site.archive, site.chronicle, urls, site.shared)
            src_uri = f"dane/programy/{record['id']}.json"
            path = with_folder(folder / src_uri, made)
            path.write_text(record_json(record, urls), encoding="utf-8", newline="")
            collection.write((",\n" if i else "") + collection_line(record))
            rows.writerow(csv_row(record))
            written.append(src_uri)
        collection.write(COLLECTION_TAIL)
    return [*written, ALL_JSON, ALL_CSV]


def data_schemas() -> Iterator[GeneratedAsset]:
    for published, source in DATA_SCHEMAS.items():
        yield GeneratedAsset(SCHEMA_DIR + published, SCHEMAS / source)


@dataclass(frozen=True)
class Field:
    """One field of the data files, for the page that documents them."""

    path: str  # e.g. "uchwala.numer", "cele[].tresc"
    kind: str  # "tekst", "liczba", "tak/nie", "lista", "obiekt" (and "lub null")
    description: str


def documented_fields() -> list[Field]:
    """Every field of a programme's data file, in schema order, with nested fields after their parent."""
    schema = json.loads((SCHEMAS / DATA_SCHEMAS["program.schema.json"]).read_text(encoding="utf-8"))
    return list(_fields(schema, schema, ""))


def _fields(node: dict[str, Any], root: dict[str, Any], prefix: str) -> Iterator[Field]:
    for name, spec in node.get("properties", {}).items():
        if name == "$schema":
            continue
        path = f"{prefix}{name}"
        target = _resolved(spec, root)
        yield Field(path, _kind(spec, root), spec.get("description") or target.get("description", ""))
        if target.get("type") == "array" and "items" in target:
            yield from _fields(_resolved(target["items"], root), root, f"{path}[].")
        elif "properties" in target:
            yield from _fields(target, root, f"{path}.")


def _resolved(spec: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    """The schema a field really has: through "$ref", and the object part of "null or object"."""
    if "$ref" in spec:
        return _resolved(root["$defs"][spec["$ref"].rsplit("/", 1)[1]], root)
    for option in spec.get("oneOf", []):
        if option.get("type") != "null":
            return _resolved(option, root)
    return spec


_KINDS = {
    "string": "tekst",
    "integer": "liczba",
    "number": "liczba",
    "boolean": "tak/nie",
    "array": "lista",
    "object": "obiekt",
}


def _kind(spec: dict[str, Any], root: dict[str, Any]) -> str:
    types = spec.get("type") or [o.get("type", "object") for o in spec.get("oneOf", [])] or "object"
    types = [types] if isinstance(types, str) else types
    named = [_KINDS.get(t, t) for t in types if t != "null"] or [
        _KINDS.get(_resolved(spec, root).get("type", ""), "obiekt")
    ]
    return " lub ".join(named) + (" lub null" if "null" in types else "")
