"""Loading the programmes folder into records, collecting every problem on the way."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import draft_records, record_checks
from .catalogue_records import SECTIONS, Attachment, Incomplete, Item, Municipality, Programme, Resolution
from .compressed_texts import pack
from .dates import PartialDate, parse_day
from .municipality_contacts import contact_details, office_gap
from .problems import Problem
from .record_files import Context, check_schema, parse_record, read_record
from .slugs import slugify
from .source_fidelity import corrections_of, fidelity_problems
from .text_files import read_text
from .vocabularies import Vocabulary, term_field
from .vocabulary_files import load_vocabularies

MUNICIPALITY_FILE = "gmina.yml"
RECORD_FILE = "programme.yml"
TEXT_FILE = "programme.md"
# Folders under programmes/ that hold no municipality (vocabularies, drafts).
RESERVED_FOLDERS = frozenset({"slowniki"})


@dataclass
class Loaded:
    """What loading found: the records that could be read, and every problem."""

    municipalities: list[Municipality] = field(default_factory=list)
    programmes: list[Programme] = field(default_factory=list)
    vocabularies: list[Vocabulary] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # Every programme folder with a record, loaded or not: a reference to one that has problems of
    # its own is not a reference to an unknown programme.
    present: set[str] = field(default_factory=set)
    # Details a BIP must show that a valid municipality's file does not give: notes, not problems.
    contact_gaps: list[Problem] = field(default_factory=list)


def load_folder(programmes_dir: Path, root: Path, drafts: bool = False) -> Loaded:
    """Read every municipality and programme under `programmes_dir`; with `drafts` (the clerks'
    preview), drafts too, as far as they are complete (see ``draft_records``)."""
    loaded = Loaded()
    ctx = Context.fresh(root, loaded.problems)
    if not programmes_dir.is_dir():
        ctx.add(programmes_dir, 0, "", "brak folderu z programami", "utwórz folder programmes/")
        return loaded
    vocabularies = load_vocabularies(programmes_dir, ctx)
    loaded.vocabularies = [v for v in vocabularies.values() if v is not None]
    for folder in sorted(p for p in programmes_dir.iterdir() if p.is_dir()):
        if folder.name in RESERVED_FOLDERS or folder.name.startswith((".", "_")):
            continue
        municipality = _load_municipality(folder, ctx, loaded.contact_gaps)
        has_record = (folder / MUNICIPALITY_FILE).exists()
        for programme_dir in sorted(p for p in folder.iterdir() if p.is_dir()):
            if programme_dir.name.startswith((".", "_")):
                continue
            if not has_record and (programme_dir / RECORD_FILE).exists():
                ctx.add(
                    programme_dir / RECORD_FILE,
                    0,
                    "",
                    f"program leży w folderze bez pliku {MUNICIPALITY_FILE}",
                    f"dodaj {ctx.shown(folder / MUNICIPALITY_FILE)} z danymi gminy",
                )
            if (programme_dir / RECORD_FILE).exists():
                loaded.present.add(f"{folder.name}/{programme_dir.name}")
            # Checked even when its municipality is not valid, so every problem shows in one run.
            programme = _load_programme(programme_dir, municipality, vocabularies, ctx, drafts)
            if programme is not None:
                loaded.programmes.append(programme)
        if municipality is not None:
            loaded.municipalities.append(municipality)
    return loaded


def _load_municipality(folder: Path, ctx: Context, gaps: list[Problem]) -> Municipality | None:
    path = folder / MUNICIPALITY_FILE
    if not path.exists():
        if not any((p / RECORD_FILE).exists() for p in folder.iterdir() if p.is_dir()):
            ctx.add(
                folder,
                0,
                "",
                f"folder gminy bez pliku {MUNICIPALITY_FILE}",
                f"dodaj {MUNICIPALITY_FILE} albo usuń pusty folder",
            )
        return None
    checked = read_record(path, "gmina", ctx)
    if checked is None:
        return None
    doc = checked.doc
    data = doc.data
    teryt = data.get("teryt")
    if teryt is not None and not folder.name.startswith(teryt + "-"):
        example = f"{teryt}-{slugify(data['nazwa'])}" if "nazwa" in data else f"{teryt}-nazwa-gminy"
        ctx.add(
            path,
            doc.line_of(("teryt",)),
            "teryt",
            f"kod TERYT {teryt} nie zgadza się z nazwą folderu „{folder.name}”",
            f"folder gminy nazywa się <teryt>-<nazwa>, np. {example}",
        )
        return None
    if not checked.valid:
        return None
    office = contact_details(data["urzad"]) if data.get("urzad") else None
    gap = office_gap(office, ctx.shown(path), doc.line_of(("urzad",)) if "urzad" in data else 0)
    if gap is not None:
        gaps.append(gap)
    return Municipality(
        key=folder.name,
        slug=slugify(folder.name),
        name=data["nazwa"],
        short_name=data.get("nazwa_krotka", data["nazwa"]),
        kind=data["typ"],
        teryt=data["teryt"],
        teryt_verified=data.get("teryt_zweryfikowany", False),
        county_city=data.get("miasto_na_prawach_powiatu", False),
        voivodeship=data["wojewodztwo"],
        county=data["powiat"],
        office=office,
        units=tuple(contact_details(unit) for unit in data.get("jednostki", [])),
        source=path,
    )


def _load_programme(
    folder: Path,
    municipality: Municipality | None,
    vocabularies: dict[str, Vocabulary | None],
    ctx: Context,
    drafts_shown: bool,
) -> Programme | None:
    record_path, text_path = folder / RECORD_FILE, folder / TEXT_FILE
    if not record_path.exists():
        if text_path.exists():
            ctx.add(
                folder,
                0,
                "",
                f"folder programu bez pliku {RECORD_FILE}",
                f"dodaj {RECORD_FILE} z rekordem katalogowym programu",
            )
        return None
    text = None
    if not text_path.exists():
        ctx.add(
            record_path,
            0,
            "",
            f"brak pliku {TEXT_FILE} z pełnym tekstem programu",
            f"dodaj {ctx.shown(text_path)}",
        )
    parsed = parse_record(record_path, ctx)
    if text_path.exists():
        text = read_text(text_path, ctx.shown(text_path), ctx.problems)
    if parsed is None:
        return None  # a file that cannot be parsed stops only its own deeper checks
    before = len(ctx.problems)
    draft = draft_records.is_draft(parsed.data)
    forgiving = draft_records.to_complete if draft else None
    checked = check_schema(parsed, record_path, "programme", ctx, forgiving)
    ctx.problems.extend(draft_records.draft_problems(checked, ctx.shown(record_path), preview=drafts_shown))
    if text is None:
        return None  # the record's own problems are reported; the rest need the text
    # Every check runs on what the schema accepted, so that one run shows every problem.
    doc = checked.doc
    found = record_checks.check_programme(doc, text, folder, ctx.shown(record_path), vocabularies)
    found += fidelity_problems(doc, text, folder, ctx.shown(text_path), ctx.shown(record_path))
    ctx.problems.extend(found)
    if len(ctx.problems) > before or municipality is None:
        return None
    return _programme(doc.data, text, folder, municipality, record_path, text_path, draft)


def _programme(
    data: dict[str, Any],
    text: str,
    folder: Path,
    municipality: Municipality,
    record_path: Path,
    text_path: Path,
    draft: bool,
) -> Programme:
    """Build a programme from a record that passed every check."""
    key = f"{municipality.key}/{folder.name}"
    period = data["okres"]
    main_goal = data.get("cel_glowny")
    return Programme(
        key=key,
        slug=slugify(folder.name),
        municipality=municipality,
        title=data["tytul"],
        short_name=data.get("nazwa_skrocona") or data["tytul"],
        start=PartialDate.parse(period["od"]),
        end=PartialDate.parse(period["do"]),
        period_wording=period.get("brzmienie"),
        resolution=_resolution(data["uchwala"]),
        implementer=data.get("realizator"),
        contact=data.get("kontakt"),
        main_goal=_item("cel_glowny", main_goal) if main_goal else None,
        items={name: tuple(_item(name, raw) for raw in data.get(name, [])) for name, _ in SECTIONS},
        supersedes=tuple(data.get("relacje", {}).get("zastepuje", [])),
        amends=tuple(data.get("relacje", {}).get("zmienia", [])),
        attachments=tuple(_attachment(folder, raw) for raw in data.get("zalaczniki", [])),
        notes=tuple(data.get("uwagi_redakcyjne", [])),
        corrections=corrections_of(data),
        incomplete=_incomplete(data.get("tekst_niepelny")),
        repealed_on=parse_day(data["uchylenie"]["data"]) if data.get("uchylenie") else None,
        repealed_by=data["uchylenie"]["akt"] if data.get("uchylenie") else None,
        packed_text=pack(text),
        record_path=record_path,
        text_path=text_path,
        draft=draft,
    )


def programme_from_data(data: dict[str, Any], text: str, current: Programme) -> Programme:
    """Another version of `current` from its record's `data` and its `text` (both checked)."""
    folder = current.record_path.parent
    return _programme(data, text, folder, current.municipality, current.record_path, current.text_path, False)


def _incomplete(raw: dict[str, Any] | None) -> Incomplete | None:
    return Incomplete(raw["zawiera"], raw["powod"], raw["pelny_tekst"]) if raw else None


def _resolution(raw: dict[str, Any]) -> Resolution:
    return Resolution(
        number=raw["numer"],
        date=parse_day(raw["data"]) if raw["data"] else None,
        organ=raw["organ"],
        legal_basis=raw.get("podstawa_prawna"),
        executor=raw.get("wykonawca"),
        entry_into_force=raw.get("wejscie_w_zycie"),
        publication=raw.get("publikacja"),
        source_note=raw.get("zrodlo"),
    )


def _item(section: str, raw: dict[str, Any]) -> Item:
    carried = term_field(section)
    return Item(
        id=raw["id"],
        section=section,
        quote=raw.get("tresc") or raw["brzmienie"],
        goals=tuple(raw.get("cele", [])),
        actions=tuple(raw.get("dzialania", [])),
        start=PartialDate.parse(raw["od"]) if "od" in raw else None,
        end=PartialDate.parse(raw["do"]) if "do" in raw else None,
        terms=tuple(raw.get(carried[1], ())) if carried else (),  # a draft's may be left out
    )


def _attachment(folder: Path, raw: dict[str, Any]) -> Attachment:
    path = folder / raw["plik"]
    return Attachment(raw["plik"], raw["opis"], raw["sha256"], raw.get("rola", "inny"), path.stat().st_size)
