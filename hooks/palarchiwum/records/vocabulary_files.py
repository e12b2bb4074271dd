"""Reading the vocabulary files under ``programmes/slowniki/``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .record_files import Context, read_record
from .schema_validation import field_path
from .vocabularies import VOCABULARY_FOLDER, Term, Vocabulary, vocabulary_keys
from .yaml_parsing import YamlDocument

# The vocabulary whose terms must say whether a result is hard or soft.
CHARACTER_VOCABULARY = "rezultaty"


def load_vocabularies(programmes_dir: Path, ctx: Context) -> dict[str, Vocabulary | None]:
    """Every vocabulary by key; None for one that could not be read (its problems are reported)."""
    folder = programmes_dir / VOCABULARY_FOLDER
    return {key: _load_vocabulary(folder / f"{key}.yml", key, ctx) for key in vocabulary_keys()}


def _load_vocabulary(path: Path, key: str, ctx: Context) -> Vocabulary | None:
    if not path.is_file():
        ctx.add(
            path,
            0,
            "",
            f"brak słownika „{key}”",
            f"utwórz plik {ctx.shown(path)} z listą terminów (wzór: pozostałe pliki w tym folderze)",
        )
        return None
    checked = read_record(path, "slownik", ctx)
    if checked is None:
        return None
    before = len(ctx.problems)
    _check_terms(checked.parsed, key, path, ctx)
    if len(ctx.problems) > before or not checked.valid:
        return None
    data = checked.doc.data
    terms = tuple(_term(key, raw) for raw in data["terminy"])
    return Vocabulary(key, data["nazwa"], data["opis"], terms, path)


def _check_terms(doc: YamlDocument, key: str, path: Path, ctx: Context) -> None:
    """Ids are unique; result kinds say hard or soft, and other terms do not."""
    seen: dict[str, int] = {}
    terms = doc.data.get("terminy")
    for i, raw in enumerate(terms if isinstance(terms, list) else []):
        if not isinstance(raw, dict):
            continue  # the schema's problem
        line = doc.line_of(("terminy", i, "id"))
        named = field_path(("terminy", i), doc.data)
        term_id = raw.get("id")
        if isinstance(term_id, str) and term_id in seen:
            ctx.add(
                path,
                line,
                f"{named}.id",
                f"termin „{term_id}” jest już zdefiniowany w wierszu {seen[term_id]}",
                "każdy termin występuje w słowniku raz; połącz oba wpisy",
            )
        if isinstance(term_id, str):
            seen.setdefault(term_id, line)
        if key == CHARACTER_VOCABULARY and "charakter" not in raw:
            ctx.add(
                path,
                doc.line_of(("terminy", i)),
                f"{named}.charakter",
                "brak wymaganego pola",
                "rodzaj rezultatu jest twardy (da się policzyć lub sprawdzić) albo miekki",
            )
        elif key != CHARACTER_VOCABULARY and "charakter" in raw:
            ctx.add(
                path,
                doc.line_of(("terminy", i, "charakter")),
                f"{named}.charakter",
                "pole „charakter” ma sens tylko w słowniku rezultatów",
                "usuń to pole",
            )


def _term(vocabulary: str, raw: dict[str, Any]) -> Term:
    return Term(
        vocabulary=vocabulary,
        id=raw["id"],
        name=raw["nazwa"],
        description=raw["opis"],
        wordings=tuple(raw["brzmienia"]),
        character=raw.get("charakter"),
    )
