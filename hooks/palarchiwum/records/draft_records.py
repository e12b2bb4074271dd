"""Drafts: records marked ``szkic: true`` (by ``import`` or ``new program``) that a person has not
finished checking.

What a draft may still leave to be completed, and only a draft: an empty list of vocabulary terms
(``grupy: []``), and a title or a period left null where ``import`` could not read them. The
schema's other rules hold for a draft as for any record, and every deeper check runs on it.

A build never publishes a draft. The clerks' preview shows one, marked as a draft, once it has
a title and a period.
"""

from __future__ import annotations

from typing import Any

from .polish import plural
from .problems import Problem
from .record_files import Checked
from .schema_validation import field_path
from .vocabularies import TERM_FIELDS

Path_ = tuple[str | int, ...]
DRAFT_KEY = "szkic"
_TERM_NAMES = frozenset(name for _, _, name in TERM_FIELDS)
# The facts a page cannot be shown without, which import leaves null when it cannot read them.
_REQUIRED_FACTS: dict[Path_, str] = {("tytul",): "tytuł", ("okres", "od"): "okres", ("okres", "do"): "okres"}


def is_draft(data: dict[str, Any]) -> bool:
    return data.get(DRAFT_KEY) is True


def to_complete(doc: Any, path: Path_) -> bool:
    """Whether the schema's objection at `path` is a gap a draft may leave: an empty term list,
    or a title or period left null."""
    value = _at(doc.data, path)
    if path and path[-1] in _TERM_NAMES and value == []:
        return True
    return path in _REQUIRED_FACTS and value is None


def draft_problems(checked: Checked, shown: str, preview: bool) -> list[Problem]:
    """A draft's problem: in a check or a build, that it is a draft, with what is left to do; in
    the preview, only a title or period it cannot be shown without."""
    if not is_draft(checked.parsed.data):
        return []
    line = checked.parsed.line_of((DRAFT_KEY,))
    missing = list(dict.fromkeys(_REQUIRED_FACTS[p] for p in checked.forgiven if p in _REQUIRED_FACTS))
    if preview:
        if not missing:
            return []
        return [
            Problem(
                shown,
                checked.parsed.line_of(_first_gap(checked)),
                field_path(_first_gap(checked)),
                f"szkic nie ma jeszcze: {', '.join(missing)}; podgląd pokaże go, gdy zostaną wpisane",
                "wpisz je dokładnie tak, jak podaje tekst programu",
            )
        ]
    return [
        Problem(
            shown,
            line,
            DRAFT_KEY,
            "rekord jest szkicem (z polecenia import albo new) i nie może zostać opublikowany",
            _what_is_left(checked, missing),
        )
    ]


def _what_is_left(checked: Checked, missing: list[str]) -> str:
    lists = sum(1 for path in checked.forgiven if path[-1] in _TERM_NAMES)
    left = [*missing]
    if lists:
        left.append(plural(lists, "pusta lista terminów", "puste listy terminów", "pustych list terminów"))
    todo = f"do uzupełnienia: {', '.join(left)}; " if left else ""
    return (
        f"{todo}sprawdź każdą pozycję z tekstem, przypisz terminy ze słowników "
        "i usuń wiersz `szkic: true`; podgląd szkicu: bash scripts/archiwum podglad"
    )


def _first_gap(checked: Checked) -> Path_:
    return next(p for p in checked.forgiven if p in _REQUIRED_FACTS)


def _at(data: Any, path: Path_) -> Any:
    for part in path:
        if isinstance(data, dict) and isinstance(part, str):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
        else:
            return None
    return data
