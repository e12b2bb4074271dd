"""An earlier version of a programme, read from its record and text as one commit left them,
so that its page can show it in the same extract view as the current programme."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from .catalogue_records import Programme
from .draft_records import to_complete
from .folder_loading import programme_from_data
from .problems import Problem
from .programme_status import status_of
from .record_checks import check_earlier_version
from .record_files import Context, check_schema
from .schema_validation import validator
from .vocabularies import TERM_FIELDS, Vocabulary
from .yaml_parsing import YamlError, parse_yaml


def _without_terms_as_empty(data: dict[str, Any]) -> None:
    """A version from before the vocabularies has items without terms: shown without them, as a
    draft's are, rather than not at all."""
    for _, section, name in TERM_FIELDS:
        value = data.get(section)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict):
                item.setdefault(name, [])


def programme_as_it_was(
    current: Programme,
    record: str | None,
    text: str | None,
    vocabularies: tuple[Vocabulary, ...],
    successors: list[Programme],
    as_of: dt.date,
) -> Programme | None:
    """The programme as `record` and `text` describe it, or None when that version does not meet
    today's checks (its record is then shown field by field, see ``record_comparison``)."""
    if record is None or text is None:
        return None
    try:
        doc = parse_yaml(record)
    except YamlError:
        return None
    if not isinstance(doc.data, dict):
        return None
    _without_terms_as_empty(doc.data)
    problems: list[Problem] = []
    ctx = Context(current.record_path.parent, problems, {"programme": validator("programme")})
    checked = check_schema(doc, current.record_path, "programme", ctx, to_complete)
    by_key: dict[str, Vocabulary | None] = {v.key: v for v in vocabularies}
    if problems or not check_earlier_version(checked.doc.data, text, by_key):
        return None
    data = {**checked.doc.data, "zalaczniki": []}  # the files of that time are not on disk
    earlier = programme_from_data(data, text, current)
    earlier = replace(earlier, superseded_by=current.superseded_by, amended_by=current.amended_by)
    return replace(earlier, status=status_of(earlier, successors, as_of))
