"""`import` on the shapes real programme texts take: small texts of our own, one per shape, and
the invariants every draft keeps on every text of the import corpus (both parts, pass or fail
only) and on the archive's own sources."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from fidelity import coverage
from import_corpus.corpus import cases
from palarchiwum.clerk.importing.drafting import import_text, project_vocabularies
from palarchiwum.records.draft_records import to_complete
from palarchiwum.records.quotes import NormalisedText
from palarchiwum.records.schema_validation import schema_errors, validator
from palarchiwum.records.source_fidelity import compare
from palarchiwum.records.yaml_parsing import parse_yaml

PROJECT = Path(__file__).resolve().parent.parent
VOCABULARIES = project_vocabularies(PROJECT / "programmes")
QUOTE_KEYS = ("tresc", "brzmienie", "tytul", "podstawa_prawna", "wykonawca", "wejscie_w_zycie")
# Every corpus text (both parts: only pass or fail is looked at) and every source of the archive.
SOURCES = sorted((PROJECT / "programmes").glob("*/*/attachments/zrodlo.txt"))
TEXTS = {case.name: case.text for case in cases()} | {
    path.relative_to(PROJECT / "programmes").as_posix(): path.read_text(encoding="utf-8") for path in SOURCES
}


def record_of(text: str) -> dict[str, Any]:
    return yaml.safe_load(import_text(text, VOCABULARIES).record_yaml)


def quotes(data: Any) -> list[str]:
    if isinstance(data, dict):
        found = [v for k, v in data.items() if k in QUOTE_KEYS and isinstance(v, str)]
        return found + [q for v in data.values() for q in quotes(v)]
    if isinstance(data, list):
        return [q for v in data for q in quotes(v)]
    return []


def items(record: dict[str, Any], section: str) -> list[str]:
    return [item.get("tresc") or item.get("brzmienie") for item in record.get(section) or []]


# --- every text: the draft keeps the text, quotes it, fits the schema, is the same every time


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_draft_of_any_text_keeps_it_and_quotes_only_it(name: str) -> None:
    text = TEXTS[name]
    draft = import_text(text, VOCABULARIES)
    assert coverage(text, draft.markdown)[0] == 1.0
    assert compare(text, draft.markdown).differences == []  # as the records' source check sees it
    findable = NormalisedText.of(draft.markdown)
    assert [q for q in quotes(yaml.safe_load(draft.record_yaml)) if findable.find(q) is None] == []
    assert import_text(text, VOCABULARIES) == draft


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_draft_of_any_text_breaks_the_schema_only_where_left_to_complete(name: str) -> None:
    doc = parse_yaml(import_text(TEXTS[name], VOCABULARIES).record_yaml)
    errors = [path for path, _, _ in schema_errors(validator("programme"), doc.data)]
    assert [path for path in errors if not to_complete(doc, path)] == []
