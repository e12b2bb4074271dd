"""Checks on one programme record beyond its schema: dates, ids, references, quotes, files."""

from __future__ import annotations

import difflib
import hashlib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from .catalogue_records import SECTIONS
from .dates import NotADate, PartialDate, parse_day
from .problems import Problem
from .quotes import NormalisedText
from .schema_validation import field_path
from .vocabularies import TERM_FIELDS, Vocabulary
from .yaml_parsing import YamlDocument

# Fields that quote the document, wherever they stand in the record.
QUOTE_FIELDS = frozenset({"tresc", "brzmienie", "tytul", "podstawa_prawna", "wykonawca", "wejscie_w_zycie"})
Found = Iterator[tuple[tuple[str | int, ...], str, str]]


def check_programme(
    doc: YamlDocument,
    text: str,
    folder: Path,
    shown: str,
    vocabularies: Mapping[str, Vocabulary | None],
) -> list[Problem]:
    """Every problem of a record and its text, as Problems located in the record.

    The record holds what its schema accepted (see ``record_files.check_schema``): a value the
    schema refused is absent, a refused list item is None; so each check reads with care.
    A vocabulary that could not be read is None: its terms go unchecked (its own problems are
    reported), so that one broken file does not bury every record under false alarms.
    """
    data = doc.data
    found = [
        *_check_dates(data),
        *_check_ids(data),
        *_check_terms(data, vocabularies),
        *_check_quotes(data, NormalisedText.of(text)),
        *_check_attachments(data, folder),
        *_check_unlisted_files(data, folder),
    ]
    return [
        Problem(shown, doc.line_of(path), field_path(path, data), message, hint)
        for path, message, hint in found
    ]


def check_earlier_version(
    data: dict[str, Any], text: str, vocabularies: Mapping[str, Vocabulary | None]
) -> bool:
    """Whether an earlier version of a record reads as a programme today: its dates, ids, terms
    and quotes hold against that version's text (its attachments are not on disk any more)."""
    found = [
        *_check_dates(data),
        *_check_ids(data),
        *_check_terms(data, vocabularies),
        *_check_quotes(data, NormalisedText.of(text)),
    ]
    return not found


def _check_dates(data: dict[str, Any]) -> Found:
    for section, hint in (
        ("uchwala", "podaj datę w formacie RRRR-MM-DD, np. 2014-04-29"),
        ("uchylenie", "podaj datę w formacie RRRR-MM-DD"),
    ):
        day = _mapping(data.get(section)).get("data")
        if day is not None:
            try:
                parse_day(day)
            except NotADate as exc:
                yield (section, "data"), str(exc), hint
    yield from _check_range(_mapping(data.get("okres")), ("okres",))
    for i, entry in _entries(data, "harmonogram"):
        yield from _check_range(entry, ("harmonogram", i))


def _check_range(entry: dict[str, Any], path: tuple[str | int, ...]) -> Found:
    bounds: dict[str, PartialDate] = {}
    for key in ("od", "do"):
        if entry.get(key) is None:
            continue  # absent, or refused by the schema
        try:
            bounds[key] = PartialDate.parse(entry[key])
        except NotADate as exc:
            yield (*path, key), str(exc), "podaj rok (2014), miesiąc (2021-01) albo dzień (2021-01-15)"
    if len(bounds) == 2 and bounds["do"].last < bounds["od"].first:
        yield (
            (*path, "do"),
            (f"koniec ({entry['do']}) jest wcześniej niż początek ({entry['od']})"),
            "sprawdź, czy daty nie są zamienione miejscami",
        )


def _check_ids(data: dict[str, Any]) -> Found:
    seen: dict[str, tuple[str | int, ...]] = {}
    main = _mapping(data.get("cel_glowny"))
    entries: list[tuple[tuple[str | int, ...], dict[str, Any]]] = [(("cel_glowny",), main)] if main else []
    entries += [((name, i), entry) for name, _ in SECTIONS for i, entry in _entries(data, name)]
    for path, entry in entries:
        item_id = entry.get("id")
        if item_id is None:
            continue
        if item_id in seen:
            yield (
                (*path, "id"),
                f"identyfikator „{item_id}” powtarza się",
                (f"jest już użyty w {field_path(seen[item_id], data)}; każda pozycja musi mieć własny"),
            )
        else:
            seen[item_id] = path
    goals = _ids(data, "cele") | ({main["id"]} if "id" in main else set())
    actions = _ids(data, "dzialania")
    for section, ref_key, known, noun in (
        ("dzialania", "cele", goals, "celu"),
        ("rezultaty", "cele", goals, "celu"),
        ("harmonogram", "dzialania", actions, "działania"),
    ):
        for i, entry in _entries(data, section):
            for j, ref in enumerate(_list(entry.get(ref_key))):
                if ref is not None and ref not in known:
                    listed = ", ".join(sorted(known)) or "brak"
                    yield (
                        (section, i, ref_key, j),
                        f"odwołanie do nieznanego {noun} „{ref}”",
                        (f"znane identyfikatory: {listed}"),
                    )


def _check_terms(data: dict[str, Any], vocabularies: Mapping[str, Vocabulary | None]) -> Found:
    for key, section, name in TERM_FIELDS:
        vocabulary = vocabularies.get(key)
        if vocabulary is None:
            continue
        known = [t.id for t in vocabulary.terms]
        raw = data.get(section)
        entries = [((section,), raw)] if isinstance(raw, dict) else []
        entries += [((section, i), entry) for i, entry in _entries(data, section)]
        for path, entry in entries:
            for j, term in enumerate(_list(entry.get(name))):
                if term is not None and term not in known:
                    nearest = difflib.get_close_matches(term, known, n=1, cutoff=0)
                    yield (
                        (*path, name, j),
                        f"nieznany termin „{term}” (słownik {vocabulary.name}: "
                        f"{vocabulary.source.parent.name}/{vocabulary.source.name})",
                        f"czy chodziło o „{nearest[0]}”? Nowy termin dopisz najpierw do słownika",
                    )


def _check_quotes(data: Any, text: NormalisedText, path: tuple[str | int, ...] = ()) -> Found:
    if isinstance(data, dict):
        for key, value in data.items():
            if key in QUOTE_FIELDS and isinstance(value, str):
                if text.find(value) is None:
                    yield (
                        (*path, key),
                        f"cytat nie występuje w programme.md: „{_short(value)}”",
                        (
                            "cytat musi być dosłowny (odstępy i podziały wierszy nie mają znaczenia) "
                            "i mieścić się w jednym akapicie lub punkcie listy"
                        ),
                    )
            else:
                yield from _check_quotes(value, text, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _check_quotes(value, text, (*path, i))


def _check_attachments(data: dict[str, Any], folder: Path) -> Found:
    base = folder.resolve()
    for i, entry in _entries(data, "zalaczniki"):
        if "plik" not in entry:
            continue
        path = (folder / entry["plik"]).resolve()
        if not path.is_relative_to(base):
            yield (
                ("zalaczniki", i, "plik"),
                "ścieżka wychodzi poza folder programu",
                ("podaj ścieżkę względem folderu programu, np. attachments/dokument.pdf"),
            )
        elif not path.is_file():
            yield (
                ("zalaczniki", i, "plik"),
                f"brak pliku {entry['plik']}",
                ("dodaj plik do folderu programu albo popraw ścieżkę"),
            )
        elif "sha256" in entry and (actual := _sha256(path)) != entry["sha256"]:
            yield (
                ("zalaczniki", i, "sha256"),
                "suma SHA-256 nie zgadza się z plikiem",
                (f"plik ma sumę {actual}; jeśli plik zmieniono celowo, wpisz nową sumę"),
            )


# The files of a programme's folder that are not attachments.
_PROGRAMME_FILES = frozenset({"programme.md", "programme.yml"})


def _check_unlisted_files(data: dict[str, Any], folder: Path) -> Found:
    """Every file in the programme's folder is published or refused: one that the record does
    not describe would be published without description and checksum, or silently left out."""
    listed = {(folder / e["plik"]).resolve() for _, e in _entries(data, "zalaczniki") if "plik" in e}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts) or not path.is_file():
            continue
        if relative.as_posix() in _PROGRAMME_FILES or path.resolve() in listed:
            continue
        yield (
            ("zalaczniki",),
            f"plik {relative.as_posix()} leży w folderze programu, ale rekord go nie opisuje",
            (
                f"opisz go: bash scripts/archiwum zalacz {folder.parent.parent.name}/{folder.parent.name}/"
                f"{folder.name}/{relative.as_posix()} --program {folder.parent.name}/{folder.name} "
                "--opis „…”, albo usuń plik"
            ),
        )


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _entries(data: dict[str, Any], section: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """(position, item) of a list section's items the schema accepted."""
    return ((i, item) for i, item in enumerate(_list(data.get(section))) if isinstance(item, dict))


def _ids(data: dict[str, Any], section: str) -> set[str]:
    return {entry["id"] for _, entry in _entries(data, section) if "id" in entry}


def _short(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
