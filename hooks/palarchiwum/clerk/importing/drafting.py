"""``import``: a draft ``programme.md`` and ``programme.yml`` from a programme's plain text.

The Markdown keeps every word of the source in reading order (only layout changes, see
``text_blocks``). The record holds what the importer recognised (see ``section_finding``,
``addressee_sentences`` and ``record_facts``), each item quoting the draft text, with
vocabulary terms proposed from the terms' typical wordings. It starts with ``szkic: true``:
the check refuses to publish it until a person has checked it against the text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from palarchiwum.records.problems import Problem
from palarchiwum.records.quotes import NormalisedText, normalise
from palarchiwum.records.record_files import Context
from palarchiwum.records.slugs import ascii_fold
from palarchiwum.records.vocabularies import Vocabulary, term_field
from palarchiwum.records.vocabulary_files import load_vocabularies

from .addressee_sentences import addressee_sentences
from .draft_yaml import Entry, YamlText
from .financing_sentences import financing_sentences
from .main_goal import main_goal
from .record_facts import row_years, schedule_dates
from .resolution_clauses import Resolution, resolution
from .section_finding import Found, find_items
from .text_blocks import Block, markdown_of, text_blocks
from .titles import Period, title_and_period

RECORD_FILE, TEXT_FILE = "programme.yml", "programme.md"
# The record's list sections the importer fills, in the record's order, with their id prefixes.
SECTIONS = (
    ("cele", "c"),
    ("dzialania", "d"),
    ("adresaci", "a"),
    ("metody", "m"),
    ("harmonogram", "h"),
    ("rezultaty", "r"),
    ("produkty", "p"),
    ("finansowanie", "f"),
)
MAIN_GOAL_ID = "cg1"
_PROJECT_PROGRAMMES = Path(__file__).resolve().parents[4] / "programmes"
_STOPWORDS = frozenset(
    {"oraz", "lub", "dla", "sie", "ich", "jej", "jego", "przez", "jako", "jak", "tym", "nie"}
)
# Polish inflectional endings, longest first, without diacritics (ą, ę and ó fold to a, e and o).
_ENDINGS = ("iami", "iach", "ami", "ach", "ych", "ich", "ymi", "imi", "ego", "emu", "iej", "owi")
_ENDINGS += ("ow", "om", "em", "ie", "ia", "iu", "ej", "a", "e", "i", "o", "u", "y")
CHECK_COMMAND = "bash scripts/archiwum check"
HEADER = (
    "# yaml-language-server: $schema=../../../hooks/palarchiwum/schemas/programme.schema.json",
    "# SZKIC rekordu utworzony automatycznie poleceniem `bash scripts/archiwum import` z tekstu programu.",
    "# To nie jest gotowy rekord. Każdą pozycję sprawdź z tekstem w programme.md: czy czegoś nie",
    "# brakuje, czy nie ma pozycji zbędnych, czy cytat obejmuje całą pozycję. Terminy (tematy, grupy,",
    "# rodzaje, zrodla) są tylko propozycjami: popraw je i wpisz terminy ze słowników",
    "# (programmes/slowniki/*.yml) tam, gdzie lista jest pusta []. Uzupełnij, czego import nie",
    "# rozpoznaje (realizator, partnerzy, monitoring). Na końcu usuń wiersz `szkic: true`.",
    f"# Sprawdzenie: {CHECK_COMMAND}",
)


@dataclass(frozen=True)
class Draft:
    markdown: str  # the draft programme.md
    record_yaml: str  # the draft programme.yml, as text
    found: dict[str, int]  # how many items it recognised per section, e.g. {"cele": 7, "adresaci": 5}


class DraftExists(FileExistsError):
    """The folder already holds a programme; nothing was written."""


def import_text(text: str, vocabularies: Mapping[str, Vocabulary] | None = None) -> Draft:
    """The draft text and record for a programme's plain text.

    Terms are proposed from `vocabularies` (by key); by default from the project's own
    ``programmes/slowniki``.
    """
    vocabularies = project_vocabularies(_PROJECT_PROGRAMMES) if vocabularies is None else vocabularies
    blocks = text_blocks(text.removeprefix("\ufeff"))
    markdown = markdown_of(blocks)
    findable = NormalisedText.of(markdown)
    items = _items(blocks, findable)
    goal = main_goal(blocks)
    goal = goal if goal is not None and findable.find(goal.quote) is not None else None
    plain = normalise(markdown)
    title, period = title_and_period(blocks, plain)
    record = _record_yaml(title, period, resolution(plain), goal, items, vocabularies)
    found = {"cel_glowny": int(goal is not None)} | {name: len(items[name]) for name, _ in SECTIONS}
    return Draft(markdown, record, found)


def write_draft(draft: Draft, folder: Path) -> list[Path]:
    """Write programme.md and programme.yml into `folder` (created if missing); never overwrite."""
    paths = [folder / TEXT_FILE, folder / RECORD_FILE]
    existing = [p.name for p in paths if p.exists()]
    if existing:
        raise DraftExists(
            f"folder {folder.as_posix()} zawiera już {' i '.join(existing)}; niczego nie nadpisano"
        )
    created = not folder.exists()
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    try:
        for path, content in zip(paths, (draft.markdown, draft.record_yaml), strict=True):
            with path.open("x", encoding="utf-8", newline="\n") as handle:
                handle.write(content)
            written.append(path)
    except OSError:
        for path in written:
            path.unlink()
        if created:
            folder.rmdir()
        raise
    return written


def project_vocabularies(programmes_dir: Path) -> dict[str, Vocabulary]:
    """The vocabularies under ``programmes_dir/slowniki`` that can be read (others are skipped)."""
    if not programmes_dir.is_dir():
        return {}
    problems: list[Problem] = []
    loaded = load_vocabularies(programmes_dir, Context.fresh(programmes_dir.parent, problems))
    return {key: vocabulary for key, vocabulary in loaded.items() if vocabulary is not None}


def _items(blocks: list[Block], findable: NormalisedText) -> dict[str, list[Found]]:
    """Each section's items in reading order, without repeats and without quotes not in the text."""
    listed = [*find_items(blocks), *addressee_sentences(blocks)]
    listed += financing_sentences(blocks, any(found.section == "finansowanie" for _, found in listed))
    ordered = sorted(listed, key=lambda pair: pair[0])
    items: dict[str, list[Found]] = {name: [] for name, _ in SECTIONS}
    seen: set[tuple[str, str]] = set()
    for _, found in ordered:
        key = (found.section, " ".join(found.quote.lower().split()))
        if key in seen or len(found.quote) < 3 or findable.find(found.quote) is None:
            continue
        seen.add(key)
        items[found.section].append(found)
    return items


@dataclass(frozen=True)
class Wording:
    """A term's typical wording as the text is searched for it: the stems of its content words,
    the first one (in Polish, the head of the phrase) apart, and how near the others must be."""

    head: str
    rest: tuple[str, ...]
    window: int

    @classmethod
    def of(cls, wording: str) -> Wording | None:
        """None for a wording of function words only, which nothing contains."""
        phrase = _words(wording)
        content = list(dict.fromkeys(w for w in phrase if len(w) >= 3 and w not in _STOPWORDS))
        if not content:
            return None
        head, *rest = [_stem(w) for w in content]
        return cls(head, tuple(rest), len(phrase) + 3)


# A vocabulary's terms, each with its wordings: (term id, [wording]), read once for a whole draft.
TermWordings = list[tuple[str, list[Wording | None]]]


def term_wordings(vocabularies: Mapping[str, Vocabulary | None]) -> dict[str, TermWordings]:
    """Each vocabulary's terms with their wordings, by the vocabulary's key."""
    return {
        key: [(t.id, [Wording.of(w) for w in t.wordings]) for t in vocabulary.terms]
        for key, vocabulary in vocabularies.items()
        if vocabulary is not None
    }


def propose_terms(text: str, terms: TermWordings | None) -> list[str]:
    """Terms whose typical wording the text contains (case and diacritics aside, words by stem)."""
    if terms is None:
        return []
    stems = [_stem(word) for word in _words(text)]  # each word of the text stemmed once
    return [term for term, wordings in terms if any(_contains(stems, w) for w in wordings)]


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", ascii_fold(text).lower())


def _contains(stems: list[str], wording: Wording | None) -> bool:
    """Whether the wording's content words occur close together among the text's words (given
    by their `stems`), each in any inflected form.

    The first content word must occur; a phrase of three or more content words may miss one of
    the others ("środki pozyskane z budżetu państwa" is in "środków pochodzących z budżetu
    państwa").
    """
    if wording is None:
        return False
    head, rest, window = wording.head, wording.rest, wording.window
    needed = len(rest) if len(rest) <= 1 else len(rest) - 1
    for start, stem in enumerate(stems):
        if not _same_stem(stem, head):
            continue
        near = stems[max(0, start - window) : start + window]
        if sum(1 for w in rest if any(_same_stem(other, w) for other in near)) >= needed:
            return True
    return False


def _same_stem(stem: str, wanted_stem: str) -> bool:
    """The stems of the same word in two inflected forms: equal, or a long stem the other extends."""
    return stem == wanted_stem or (len(wanted_stem) >= 7 and stem.startswith(wanted_stem))


def _stem(word: str) -> str:
    """A word without its inflectional ending (letters without diacritics), at least 4 letters."""
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def _record_yaml(
    title: str | None,
    period: Period | None,
    adopted: Resolution,
    goal: Found | None,
    items: dict[str, list[Found]],
    vocabularies: Mapping[str, Vocabulary],
) -> str:
    terms = term_wordings(vocabularies)
    out = YamlText(list(HEADER))
    out.key("szkic", True)
    out.key("tytul", title, note="" if title else "nie rozpoznano tytułu – wpisz go dokładnie jak w tekście")
    if period is not None:
        years = period.start if period.start == period.end else f"{period.start}–{period.end}"
        out.key("nazwa_skrocona", f"PAL {years}")
    _period_yaml(out, period)
    _resolution_yaml(out, adopted)
    out.key("realizator", None, note="uzupełnij, jeśli dokument podaje realizatora (nazwa i cytat)")
    out.key("kontakt", None)
    _goal_yaml(out, goal, terms)
    for name, prefix in SECTIONS:
        entries = [
            _entry(name, f"{prefix}{i}", found, period, terms, comment)
            for i, (found, comment) in enumerate(_with_comments(items[name]), 1)
        ]
        out.section(name, entries, "import nic tu nie rozpoznał – dopisz pozycje z tekstu albo zostaw []")
    out.section("partnerzy", [], "import nie rozpoznaje partnerów – dopisz ich z tekstu")
    out.section("monitoring", [], "import nie rozpoznaje monitoringu – dopisz go z tekstu")
    return out.text()


def _period_yaml(out: YamlText, period: Period | None) -> None:
    out.lines.append("okres:")
    if period is None:
        note = "nie rozpoznano okresu – wpisz rok (2021), miesiąc (2021-01) albo dzień"
        out.key("od", None, 2, note=note)
        out.key("do", None, 2)
        return
    out.key("od", period.start, 2)
    out.key("do", period.end, 2)
    out.key("brzmienie", period.wording, 2)


def _resolution_yaml(out: YamlText, adopted: Resolution) -> None:
    unknown = "tekst nie podaje – zostaw null, nie zgaduj"
    out.lines.append("uchwala:")
    out.key("numer", adopted.number, 2, note="" if adopted.number else unknown)
    out.key("data", adopted.date, 2, note="" if adopted.date else unknown)
    out.key("organ", adopted.organ, 2, note="w mianowniku; sprawdź z tekstem" if adopted.organ else unknown)
    out.key("podstawa_prawna", adopted.legal_basis, 2)
    out.key("wykonawca", adopted.executor, 2)
    out.key("wejscie_w_zycie", adopted.entry_into_force, 2)
    out.key("publikacja", None, 2)


def _goal_yaml(out: YamlText, goal: Found | None, terms: Mapping[str, TermWordings]) -> None:
    if goal is None:
        out.key("cel_glowny", None, note="nie rozpoznano celu głównego – wpisz cytat albo zostaw null")
        return
    out.lines.append("cel_glowny:")
    out.comment(f"znaleziono: {goal.where}", 2)
    out.key("id", MAIN_GOAL_ID, 2)
    out.key("tematy", propose_terms(goal.quote, terms.get("cele")), 2)
    out.key("tresc", goal.quote, 2)


def _with_comments(found: list[Found]) -> list[tuple[Found, str]]:
    """Each item with a comment saying where it was found, on the first item of each place."""
    out: list[tuple[Found, str]] = []
    previous = None
    for item in found:
        out.append((item, f"znaleziono: {item.where}" if item.where != previous else ""))
        previous = item.where
    return out


def _entry(
    section: str,
    item_id: str,
    found: Found,
    period: Period | None,
    terms: Mapping[str, TermWordings],
    comment: str,
) -> Entry:
    quote_key = "brzmienie" if section == "adresaci" else "tresc"
    fields: list[tuple[str, object]] = [("id", item_id)]
    carried = term_field(section)
    if carried is not None:
        fields.append((carried[1], propose_terms(found.quote, terms.get(carried[0]))))
    fields.append((quote_key, found.quote))
    if section == "harmonogram":
        start, end = schedule_dates(found.row or found.quote)
        if start is None and found.row:
            start, end = row_years(found.row)
        if start is None and period is not None:
            start, end = period.start, period.end
            comment += "; bez terminów w tekście – wpisano okres programu" if comment else ""
        fields += [("od", start), ("do", end)]
    return Entry(tuple(fields), comment)
