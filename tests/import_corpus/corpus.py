"""The import corpus: every text with its part and its truth, ready to be judged.

Two kinds of text (see README.md): our own texts, ``<part>/NAME.txt`` with the truth typed in
``NAME.oczekiwane.yml``; and damaged variants of the five real sources
(``programmes/*/*/attachments/zrodlo.txt``, damaged by ``damage.py``), whose truth is derived here
at run time from the source's curated ``programme.yml``.

A truth maps a field (FIELDS) to what the text gives: a string or None for the scalars, a pair of
years or None for ``okres``, a list of quotes for the list sections. A field that is absent is not
judged. ``tolerated`` holds quotes that can no longer be judged (a digit lost inside them): a
drafted item matching one is neither counted right nor wrong.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .damage import ALL, KINDS, Damaged, damaged

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent.parent
PARTS = ("strojenie", "odlozone")
TRUTH_SUFFIX = ".oczekiwane.yml"
SEED = 4217  # the seed of the split into parts and of every damage (README.md)
# Which real sources' damaged variants belong to which part (chosen with SEED, README.md).
SOURCES = {
    "strojenie": (
        "0265011-walbrzych/pal-2010-2013",
        "1405052-jaktorow/pal-2011-2016",
        "2808011-ketrzyn/pal-2021-2030",
    ),
    "odlozone": ("2406013-klobuck/pal-2021-2022", "2808011-ketrzyn/pal-2014-2020"),
}
SCALARS = ("tytul", "okres", "uchwala.numer", "uchwala.data", "uchwala.organ", "uchwala.podstawa_prawna")
LISTS = ("cele", "dzialania", "adresaci", "rezultaty", "finansowanie", "harmonogram")
FIELDS = (*SCALARS, "cel_glowny", *LISTS)
RESOLUTION_KEYS = ("numer", "data", "organ", "podstawa_prawna")
TOP_KEYS = ("tytul", "okres", "uchwala", "cel_glowny", *LISTS)
_QUOTES = str.maketrans(dict.fromkeys("„”“«»‚‘’'\u201f", '"') | dict.fromkeys("–—−‒", "-"))
# A hyphen between letters, with or without a space after it: a word split at a line end once the
# lines are joined ("aktywi- zacja", "aktywi-zacja"). Dropped on both sides of a comparison, so a
# compound ("opiekuńczo-wychowawczy") compares equal to itself.
_HYPHEN = re.compile(r"(?<=[^\W\d_])- ?(?=[^\W\d_])")


@dataclass(frozen=True)
class Case:
    name: str  # "strojenie/pal-olszanka-2021-2027", "zrodla/2808011-ketrzyn/pal-2021-2030~przeniesienia"
    part: str
    text: str
    truth: dict[str, Any]
    tolerated: dict[str, list[str]] = field(default_factory=dict)


def normalised(text: str) -> str:
    """Whitespace collapsed, quotes and dashes unified, hyphens inside words dropped, no end punctuation."""
    text = " ".join(str(text).translate(_QUOTES).split())
    return _HYPHEN.sub("", text).strip(" .,;:")


def cases(part: str | None = None) -> list[Case]:
    """Every case of one part (both when None): our own texts first, then the damaged sources."""
    parts = PARTS if part is None else (part,)
    return [case for name in parts for case in (*own_cases(name), *damaged_cases(name))]


def own_cases(part: str) -> list[Case]:
    found = []
    for path in sorted((HERE / part).glob("*.txt")):
        truth_file = path.with_name(path.stem + TRUTH_SUFFIX)
        truth = truth_of_file(yaml.safe_load(truth_file.read_text(encoding="utf-8")))
        found.append(Case(f"{part}/{path.stem}", part, path.read_text(encoding="utf-8"), truth))
    return found


def truth_of_file(data: dict[str, Any]) -> dict[str, Any]:
    """A truth file's fields, flattened to FIELDS (``uchwala.numer`` …); absent fields stay absent."""
    truth: dict[str, Any] = {}
    for key in ("tytul", "cel_glowny", *LISTS):
        if key in data:
            truth[key] = data[key]
    if "okres" in data:
        period = data["okres"]
        truth["okres"] = None if period is None else (period["od"], period["do"])
    for key in RESOLUTION_KEYS:
        if key in (data.get("uchwala") or {}):
            value = data["uchwala"][key]
            truth[f"uchwala.{key}"] = None if value is None else str(value)
    return truth


def damaged_cases(part: str) -> list[Case]:
    found = []
    for key in SOURCES[part]:
        folder = PROJECT / "programmes" / key
        record = yaml.safe_load((folder / "programme.yml").read_text(encoding="utf-8"))
        source = (folder / "attachments" / "zrodlo.txt").read_text(encoding="utf-8")
        for kind in (*KINDS, ALL):
            result = damaged(source, kind, zlib.crc32(f"{SEED}:{key}:{kind}".encode()), record.get("tytul"))
            truth, tolerated = truth_of_damaged(record, result)
            found.append(Case(f"zrodla/{key}~{kind}", part, result.text, truth, tolerated))
    return found


def fields_of(record: dict[str, Any]) -> dict[str, Any]:
    """A record's values in FIELDS: a curated record's, the truth; a draft's, what import found."""
    adopted = record.get("uchwala") or {}
    period = record.get("okres") or {}
    goal = record.get("cel_glowny")
    truth: dict[str, Any] = {
        "tytul": record.get("tytul"),
        "okres": (period["od"], period["do"]) if period.get("od") and period.get("do") else None,
        "cel_glowny": goal.get("tresc") if isinstance(goal, dict) else None,
    }
    for key in RESOLUTION_KEYS:
        truth[f"uchwala.{key}"] = None if adopted.get(key) is None else str(adopted[key])
    for key in LISTS:
        truth[key] = [item.get("tresc") or item.get("brzmienie") or "" for item in record.get(key) or []]
    return truth


def truth_of_damaged(record: dict[str, Any], result: Damaged) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """The record's truth for a damaged text: what a lost digit changed is rewritten or not judged.

    A quote that still occurs in the damaged text stays; one that occurs once the lost digits are
    applied to it is judged in that form; any other quote holding a damaged year is tolerated.
    The period, the resolution's number and date are not judged when a year they rest on lost a
    digit anywhere in the text (the text no longer says for sure which year it meant).
    """
    truth, tolerated = fields_of(record), {}
    if not result.losses:
        return truth, tolerated
    text = normalised(result.text).lower()
    years = {loss.original for loss in result.losses}
    period = truth.get("okres")
    if period and years & {str(period[0]), str(period[1])}:
        del truth["okres"]
    for key in ("uchwala.numer", "uchwala.data"):
        if truth.get(key) and any(year in truth[key] for year in years):
            del truth[key]
    for key in ("tytul", "cel_glowny"):
        if truth.get(key):
            quote = _as_damaged(truth[key], result, text)
            if quote is None:
                tolerated[key] = [truth.pop(key)]
            else:
                truth[key] = quote
    for key in LISTS:
        kept = []
        for quote in truth[key]:
            seen = _as_damaged(quote, result, text)
            if seen is None:
                tolerated.setdefault(key, []).append(quote)
            else:
                kept.append(seen)
        truth[key] = kept
    return truth, tolerated


def _as_damaged(quote: str, result: Damaged, text: str) -> str | None:
    """The quote as the damaged text gives it, or None when a lost digit leaves it unjudgeable."""
    if normalised(quote).lower() in text or not any(loss.original in quote for loss in result.losses):
        return quote
    for loss in result.losses:
        changed = quote.replace(loss.original, loss.damaged)
        if changed != quote and normalised(changed).lower() in text:
            return changed
    return None
