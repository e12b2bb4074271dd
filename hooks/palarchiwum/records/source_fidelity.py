"""Source fidelity: programme.md compared word by word with the source it was transcribed from.

Where a record names a source attachment (``rola: zrodlo``), every passage added, dropped or
changed against the source is a problem at its line of programme.md, unless the record declares
it as an editorial correction (``poprawki_redakcyjne``: the passage in the source, the same in
programme.md, the reason). Layout is set aside first (see source_words).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .catalogue_records import Correction
from .hostile_input import too_large
from .problems import Problem
from .schema_validation import field_path
from .source_words import MarkdownWords, Token, markdown_words, source_words, words_of
from .word_alignment import opcodes
from .yaml_parsing import YamlDocument

SOURCE_ROLE = "zrodlo"
# Beyond this many differences a text is another text: the rest are counted, not listed.
LISTED = 30
# Below this share of the source's words kept, programme.md is likely another document.
ANOTHER_TEXT = 0.5
_CONTEXT = 3
_SHOWN = 80
_HINT = (
    "przywróć brzmienie źródła; różnicę zamierzoną (np. błąd odczytu PDF poprawiony według "
    "dokumentu) opisz w programme.yml w poprawki_redakcyjne: zrodlo, tekst, powod"
)


@dataclass(frozen=True)
class Difference:
    """A passage where programme.md and its source differ; an empty side means added or dropped."""

    source: str
    text: str
    line: int  # in programme.md
    source_line: int
    before: str  # programme.md's words just before the passage


@dataclass
class Comparison:
    differences: list[Difference] = field(default_factory=list)
    source_words: int = 0
    kept_words: int = 0
    unmatched: list[int] = field(default_factory=list)  # corrections not found in the source
    absent: list[int] = field(default_factory=list)  # corrections not found in programme.md

    @property
    def kept(self) -> float:
        """The share of the source's words that programme.md keeps, in order."""
        return self.kept_words / self.source_words if self.source_words else 1.0


def compare(source: str, markdown: str, corrections: Sequence[Correction] = ()) -> Comparison:
    """Every difference between a source and programme.md, after layout and declared corrections."""
    text = markdown_words(markdown)
    extracted = source_words(source, frozenset(label for label in text.footnotes if label.isdigit()))
    result = Comparison()
    a = list(extracted.texts)
    origin = list(range(len(a)))  # each word's place among the source's words, for its line
    _corrected(a, origin, text, corrections, result)
    moved_words, unmatched = _footnotes_matched(a, origin, text)
    b = text.body.texts + [t.text for note in unmatched for t in note]
    result.source_words = _word_count(a) + moved_words
    result.kept_words = moved_words
    if a == b:  # the usual case: nothing to align, nothing to locate
        result.kept_words += _word_count(a)
        return result
    source_lines = [t.line for t in extracted.located()]
    lines = [t.line for t in text.body.located()] + [t.line for note in unmatched for t in note]
    for op, a1, a2, b1, b2 in opcodes(a, b):
        if op == "equal":
            result.kept_words += _word_count(a[a1:a2])
            continue
        at = min(a1, len(a) - 1)
        source_line = source_lines[origin[at]] if a else 1
        # A passage dropped at the end of a line belongs to that line, not to the next one.
        joined = op == "delete" and a1 > 0 and b1 > 0 and source_lines[origin[a1 - 1]] == source_line
        line = lines[b1 - 1] if joined else (lines[min(b1, len(b) - 1)] if b else 1)
        result.differences.append(
            Difference(
                _shown(a[a1:a2]), _shown(b[b1:b2]), line, source_line, _shown(b[max(0, b1 - _CONTEXT) : b1])
            )
        )
    return result


def corrections_of(data: dict[str, Any]) -> tuple[Correction, ...]:
    return tuple(correction for _, correction in _declared(data))


def _declared(data: dict[str, Any]) -> list[tuple[int, Correction]]:
    """(position in the record, correction) of each declared correction; of a record the schema
    refused in part, those it accepted whole (a refused one is None, see
    ``record_files.check_schema``)."""
    listed = data.get("poprawki_redakcyjne")
    return [
        (i, Correction(c["zrodlo"], c["tekst"], c["powod"]))
        for i, c in enumerate(listed if isinstance(listed, list) else [])
        if isinstance(c, dict) and {"zrodlo", "tekst", "powod"} <= c.keys()
    ]


def fidelity_problems(
    doc: YamlDocument, text: str, folder: Path, text_shown: str, record_shown: str
) -> list[Problem]:
    """The problems of programme.md against each source attachment the record names."""
    data = doc.data
    declared = _declared(data)
    corrections = [correction for _, correction in declared]
    positions = [position for position, _ in declared]
    problems: list[Problem] = []
    listed = data.get("zalaczniki")
    for index, attachment in enumerate(listed if isinstance(listed, list) else []):
        if not isinstance(attachment, dict) or "plik" not in attachment:
            continue
        file = (folder / attachment["plik"]).resolve()
        # Only a file inside the programme's folder is read (the record's checks report the rest):
        # a path such as /etc/passwd must never reach a log through the differences shown.
        if attachment.get("rola") != SOURCE_ROLE or not file.is_relative_to(folder.resolve()):
            continue
        path = ("zalaczniki", index, "plik")
        try:
            source = _read_source(file)
        except UnusableSource as exc:
            shown_path = field_path(path, data)
            problems.append(Problem(record_shown, doc.line_of(path), shown_path, str(exc), _SOURCE_HINT))
            continue
        if source is None:
            continue  # a missing file or a wrong checksum is reported by the record's checks
        comparison = compare(source, text, corrections)
        problems += _difference_problems(comparison, attachment["plik"], text_shown)
        problems += _correction_problems(comparison, positions, doc, record_shown, attachment["plik"])
    return problems


_SOURCE_HINT = (
    "tekst źródłowy (rola: zrodlo) to plik tekstowy w UTF-8, np. tekst wyodrębniony z PDF; "
    "sam opublikowany PDF opisz z rolą oryginal"
)


class UnusableSource(Exception):
    """A source attachment that cannot be compared: not UTF-8 text, or too large."""


def _read_source(path: Path) -> str | None:
    """The source's text; None when it cannot be read (the record's checks report that)."""
    try:
        if (message := too_large(path.stat().st_size)) is not None:
            raise UnusableSource(message)
        return path.read_bytes().decode("utf-8").removeprefix("\ufeff")
    except OSError:
        return None
    except UnicodeDecodeError:
        raise UnusableSource(
            "tekst źródłowy nie jest plikiem tekstowym w UTF-8, więc nie można go porównać z programme.md"
        ) from None


def _corrected(
    a: list[str],
    origin: list[int],
    text: MarkdownWords,
    corrections: Sequence[Correction],
    result: Comparison,
) -> None:
    """Apply every declared correction where the source has it (in place)."""
    texts = text.body.texts + [t.text for note in text.footnotes.values() for t in note]
    for index, correction in enumerate(corrections):
        wanted, replacement = words_of(correction.source), words_of(correction.text)
        places = _occurrences(a, wanted)
        if not wanted or not places:
            result.unmatched.append(index)
            continue
        if replacement and not _occurrences(texts, replacement):
            result.absent.append(index)
        for start in reversed(places):
            a[start : start + len(wanted)] = replacement
            origin[start : start + len(wanted)] = [origin[start]] * len(replacement)


def _footnotes_matched(a: list[str], origin: list[int], text: MarkdownWords) -> tuple[int, list[list[Token]]]:
    """Take out of the source (in place) each footnote found in it (anywhere: at the foot of its
    page); return the number of words taken out and the footnotes not found, to be compared."""
    moved, unmatched = 0, []
    for note in text.footnotes.values():
        wanted = [t.text for t in note]
        places = _occurrences(a, wanted)
        if places:
            del a[places[0] : places[0] + len(wanted)]
            del origin[places[0] : places[0] + len(wanted)]
            moved += _word_count(wanted)
        else:
            unmatched.append(note)
    return moved, unmatched


def _word_count(texts: list[str]) -> int:
    # A unit is a word, a number or one punctuation mark: the words are the alphanumeric ones.
    return sum(map(str.isalnum, texts))


def _occurrences(haystack: list[str], needle: list[str]) -> list[int]:
    """Where ``needle`` starts in ``haystack``, every place."""
    found: list[int] = []
    if not needle:
        return found
    size, at = len(needle), -1
    while True:
        try:
            at = haystack.index(needle[0], at + 1)
        except ValueError:
            return found
        if haystack[at : at + size] == needle:
            found.append(at)


_TIGHT_BEFORE = re.compile(r" ([,.;:!?)\]”»’])")
_TIGHT_AFTER = re.compile(r"([(\[„«]) ")


def _shown(words: list[str]) -> str:
    """Words as a clerk reads them: spaced, punctuation against its word, shortened."""
    passage = _TIGHT_AFTER.sub(r"\1", _TIGHT_BEFORE.sub(r"\1", " ".join(words)))
    return passage if len(passage) <= _SHOWN else passage[: _SHOWN - 1] + "…"


def _difference_problems(comparison: Comparison, source_name: str, shown: str) -> list[Problem]:
    problems = []
    for d in comparison.differences[:LISTED]:
        where = f"po „{d.before}”" if d.before else "na początku tekstu"
        if d.source and d.text:
            message = f"tekst różni się od źródła: w źródle „{d.source}”, w programme.md „{d.text}”"
        elif d.source:
            message = f"brak fragmentu źródła: „{d.source}”"
        else:
            message = f"fragment spoza źródła: „{d.text}”"
        message += f" ({where}; {source_name}, wiersz {d.source_line})"
        problems.append(Problem(shown, d.line, "", message, _HINT))
    rest = len(comparison.differences) - LISTED
    if rest > 0 or comparison.kept < ANOTHER_TEXT:
        more = f"i jeszcze {rest} różnic ze źródłem {source_name}; " if rest > 0 else ""
        problems.append(
            Problem(
                shown,
                0,
                "",
                f"{more}programme.md zachowuje {comparison.kept:.0%} słów źródła {source_name}",
                "sprawdź, czy załącznik zrodlo to tekst tego samego dokumentu",
            )
        )
    return problems


def _correction_problems(
    comparison: Comparison, positions: list[int], doc: YamlDocument, shown: str, source_name: str
) -> list[Problem]:
    """A declared correction that the source or programme.md does not have, at its record line."""
    unmatched = f"poprawka nie pasuje do źródła: tego fragmentu nie ma w {source_name}"
    wrong = (
        (comparison.unmatched, "zrodlo", unmatched, "przepisz fragment dokładnie tak, jak brzmi w źródle"),
        (comparison.absent, "tekst", "poprawionego brzmienia nie ma w programme.md",
         "przepisz fragment dokładnie tak, jak brzmi w programme.md"),
    )  # fmt: skip
    problems = []
    for indexes, key, message, hint in wrong:
        for index in indexes:
            path = ("poprawki_redakcyjne", positions[index], key)
            problems.append(Problem(shown, doc.line_of(path), field_path(path, doc.data), message, hint))
    return problems
