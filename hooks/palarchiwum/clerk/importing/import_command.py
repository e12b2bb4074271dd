"""What ``bash scripts/archiwum import`` checks before writing, and what it tells the clerk after."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from palarchiwum.records.catalogue_records import SECTIONS
from palarchiwum.records.folder_loading import MUNICIPALITY_FILE, RESERVED_FOLDERS
from palarchiwum.records.problems import display_path
from palarchiwum.records.vocabularies import TERM_FIELDS

from .drafting import CHECK_COMMAND, RECORD_FILE, TEXT_FILE, Draft

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_LABELS = {"cel_glowny": "Cel główny", **dict(SECTIONS)}
_TERM_NAMES = frozenset(name for _, _, name in TERM_FIELDS)


class ImportRefused(Exception):
    """Nothing was written; the message says why, in Polish."""


def read_source(path: Path | None) -> str:
    """The programme's text from a UTF-8 file, or ImportRefused saying what is wrong with it."""
    if path is None:
        raise ImportRefused(
            "podaj plik z tekstem programu, np. bash scripts/archiwum import program.txt "
            "--gmina 2808011-ketrzyn --program pal-2021-2030"
        )
    if not path.exists():
        raise ImportRefused(f"nie ma pliku {path}")
    if not path.is_file():
        raise ImportRefused(f"{path} nie jest plikiem z tekstem")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ImportRefused(f"nie można odczytać pliku {path} ({exc.strerror})") from None
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ImportRefused(
            f"plik {path} nie jest zapisany w UTF-8 (pierwszy błędny znak w wierszu {line}); "
            "zapisz go w edytorze z kodowaniem UTF-8"
        ) from None
    if not text.strip():
        raise ImportRefused(f"plik {path} jest pusty")
    return text


def target_folder(programmes: Path, root: Path, municipality: str | None, programme: str | None) -> Path:
    """The new programme's folder; ImportRefused unless its municipality exists and it holds no programme."""
    if not municipality:
        raise ImportRefused("podaj folder gminy, np. --gmina 2808011-ketrzyn")
    if not programme:
        raise ImportRefused("podaj nazwę folderu programu, np. --program pal-2021-2030")
    if not _SLUG.match(programme):
        raise ImportRefused(
            f"nazwa folderu programu „{programme}” może zawierać tylko małe litery bez polskich "
            "znaków, cyfry i łączniki, np. pal-2021-2030"
        )
    plain_name = Path(municipality).name == municipality and not municipality.startswith(".")
    if not plain_name or municipality in RESERVED_FOLDERS:
        shown = display_path(programmes, root)
        raise ImportRefused(f"„{municipality}” nie jest nazwą folderu gminy w {shown}/")
    folder = programmes / municipality
    if not (folder / MUNICIPALITY_FILE).is_file():
        raise ImportRefused(
            f"nie ma gminy {display_path(folder, root)} (brak pliku {MUNICIPALITY_FILE}); załóż ją "
            "najpierw poleceniem bash scripts/archiwum new gmina …, a potem importuj program"
        )
    target = folder / programme
    existing = [name for name in (TEXT_FILE, RECORD_FILE) if (target / name).exists()]
    if existing:
        raise ImportRefused(
            f"folder {display_path(target, root)} zawiera już program ({', '.join(existing)}); "
            "wybierz inną nazwę (--program) albo najpierw usuń stary szkic"
        )
    return target


def summary(draft: Draft, written: list[Path], root: Path) -> str:
    """What was written, what was recognised, and what the clerk does next (Polish)."""
    folder = display_path(written[0].parent, root)
    lines = [f"Zapisano szkic programu w {folder}/:"]
    lines += [
        f"  {TEXT_FILE} – pełny tekst; akapity, nagłówki i listy odtworzone z układu tekstu",
        f"  {RECORD_FILE} – szkic rekordu katalogowego (szkic: true)",
        "Rozpoznane pozycje:",
    ]
    lines += [f"  {_LABELS.get(section, section)}: {count}" for section, count in draft.found.items()]
    empty = _empty_term_lists(draft.record_yaml)
    if empty:
        lines.append(f"Pozycje bez terminów ze słownika (puste listy []): {empty}.")
    lines += [
        "Co dalej:",
        f"  1. Porównaj {TEXT_FILE} z dokumentem: podział na akapity, nagłówki i listy (słowa są wszystkie).",
        f"  2. Sprawdź w {RECORD_FILE} każdą pozycję z tekstem; dopisz, czego import nie rozpoznał,",
        "     i usuń pozycje zbędne.",
        "  3. Przypisz terminy ze słowników (programmes/slowniki/) tam, gdzie lista jest pusta [],",
        "     i popraw terminy zaproponowane.",
        "  4. Usuń wiersz „szkic: true”.",
        f"  5. Sprawdź: {CHECK_COMMAND}",
    ]
    return "\n".join(lines)


def _empty_term_lists(record_yaml: str) -> int:
    data = yaml.safe_load(record_yaml) or {}
    count = 0
    for value in data.values():
        items = [value] if isinstance(value, dict) else value if isinstance(value, list) else []
        for item in items:
            if isinstance(item, dict):
                count += sum(1 for name in _TERM_NAMES if item.get(name) == [])
    return count
