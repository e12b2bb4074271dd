"""How accurately the draft importer fills each field, on the import corpus (tests/import_corpus).

    .venv/bin/python benchmarks/import_accuracy.py [--czesc strojenie|odlozone|obie] [--szczegoly]

For each corpus text (our own texts with typed truths, and damaged variants of the five real
sources with truths derived from their curated records; see tests/import_corpus/README.md) runs
``import_text`` with the project's vocabularies, parses the draft's record and compares it with the
truth, field by field. Prints one table per part (``strojenie``, the tuning part, and
``odlozone``, set aside: do not read its texts while tuning, and tune with ``--czesc strojenie``).
``--szczegoly`` adds, per document, every field that is not entirely right: what was expected and
what the draft gave.

Comparison rules. Both sides are normalised first: whitespace collapsed, typographic quotes and
dashes made plain ('"', "-"), a hyphen between two letters dropped (so a word split at a line end,
"aktywi- zacja" or "aktywi-zacja", equals "aktywizacja"; a compound still equals itself),
punctuation at either end dropped, lower case.
- Scalars (``tytul``, ``uchwala.organ``, ``uchwala.podstawa_prawna``): right when equal. The
  number (``uchwala.numer``) is compared with all whitespace removed ("XX / 12 / 2019" =
  "XX/12/2019"), the date (``uchwala.data``) as YYYY-MM-DD, the period (``okres``) as the pair of
  years. None is right only when the truth is None too (the text states no such thing).
- The main goal (``cel_glowny``) is a quote: right when it matches as an item does (below), or
  when both are None.
- List sections (``cele``, ``dzialania``, ``adresaci``, ``rezultaty``, ``finansowanie``,
  ``harmonogram``) are scored by items. An expected item is found by a drafted item when the two
  are equal, or one contains the other and the shorter has at least 80% of the longer's words.
  Items are paired one to one, in the truth's order, each with the first unpaired drafted item
  that matches. Recall = found / expected items; precision = paired drafted items / drafted items
  (drafted items matching a tolerated quote, one a lost digit made unjudgeable, are left out of
  both). A document's field is entirely right when every expected item is found and no drafted
  item is left over; a section the truth says is empty is right only when the draft has none.
- A field absent from a truth is not judged for that document.
Not a test: the numbers go into the issue notes.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(PROJECT / "hooks"), str(PROJECT / "tests")]

from import_corpus.corpus import FIELDS, LISTS, PARTS, Case, cases, fields_of, normalised  # noqa: E402
from palarchiwum.clerk.importing.drafting import import_text, project_vocabularies  # noqa: E402
from palarchiwum.records.yaml_parsing import parse_yaml  # noqa: E402

SHARE = 0.8  # the shorter of two containing quotes must have this share of the longer's words
_WORDS = re.compile(r"\w+")


@dataclass
class Tally:
    """One field's counts over the documents of a part."""

    documents: int = 0
    right: int = 0
    expected: int = 0
    drafted: int = 0
    found: int = 0
    paired: int = 0


@dataclass
class Verdict:
    right: bool
    expected: int = 0
    drafted: int = 0
    found: int = 0
    paired: int = 0
    why: str = ""


@dataclass
class Report:
    tallies: dict[str, Tally] = field(default_factory=lambda: {name: Tally() for name in FIELDS})
    failures: list[tuple[str, str, str]] = field(default_factory=list)  # document, field, why


def key(text: Any) -> str:
    return normalised(text).lower()


def matches(expected: str, drafted: str) -> bool:
    """Equal, or one contains the other and the shorter has ≥ 80% of the longer's words."""
    a, b = key(expected), key(drafted)
    if a == b:
        return bool(a)
    shorter, longer = sorted((a, b), key=len)
    if not shorter or shorter not in longer:
        return False
    return len(_WORDS.findall(shorter)) >= SHARE * len(_WORDS.findall(longer))


def judge_scalar(name: str, expected: Any, got: Any) -> Verdict:
    if expected is None or got is None:
        right = expected is None and got is None
    elif name == "okres":
        right = tuple(expected) == tuple(got)
    elif name == "uchwala.numer":
        right = "".join(str(expected).split()) == "".join(str(got).split())
    elif name == "cel_glowny":
        right = matches(expected, got)
    else:
        right = key(expected) == key(got)
    return Verdict(right, why="" if right else f"expected {short(expected)!r}, got {short(got)!r}")


def judge_list(expected: list[str], got: list[str], tolerated: list[str]) -> Verdict:
    unpaired = [item for item in got if not any(matches(t, item) for t in tolerated)]
    missing = []
    found = 0
    for wanted in expected:
        partner = next((item for item in unpaired if matches(wanted, item)), None)
        if partner is None:
            missing.append(wanted)
        else:
            unpaired.remove(partner)
            found += 1
    drafted = found + len(unpaired)
    right = not missing and not unpaired
    why = "; ".join(
        [f"missed {short(item)!r}" for item in missing] + [f"extra {short(item)!r}" for item in unpaired]
    )
    return Verdict(right, len(expected), drafted, found, found, why)


def short(value: Any, limit: int = 70) -> Any:
    if not isinstance(value, str):
        return value
    text = " ".join(value.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def judge(case: Case, record: dict[str, Any], report: Report) -> None:
    got = fields_of(record)
    for name in FIELDS:
        if name not in case.truth:
            continue
        if name in LISTS:
            verdict = judge_list(case.truth[name], got[name], case.tolerated.get(name, []))
        else:
            verdict = judge_scalar(name, case.truth[name], got[name])
        tally = report.tallies[name]
        tally.documents += 1
        tally.right += verdict.right
        tally.expected += verdict.expected
        tally.drafted += verdict.drafted
        tally.found += verdict.found
        tally.paired += verdict.paired
        if not verdict.right:
            report.failures.append((case.name, name, verdict.why))


def share(part: int, whole: int) -> str:
    return f"{part / whole:6.0%}" if whole else "     –"


def print_table(part: str, count: int, report: Report) -> None:
    print(f"part {part}: {count} documents")
    print(
        f"  {'field':<24}{'docs':>5}{'right':>6}{'share':>7}"
        f"{'expected':>10}{'drafted':>8}{'found':>6}{'precision':>10}{'recall':>7}"
    )
    for name in FIELDS:
        t = report.tallies[name]
        row = f"  {name:<24}{t.documents:>5}{t.right:>6}{share(t.right, t.documents):>7}"
        if name in LISTS:
            row += f"{t.expected:>10}{t.drafted:>8}{t.found:>6}"
            row += f"{share(t.paired, t.drafted):>10}{share(t.found, t.expected):>7}"
        print(row)
    print()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--czesc", choices=(*PARTS, "obie"), default="obie", help="which part to judge")
    parser.add_argument("--szczegoly", action="store_true", help="per document: what failed and why")
    args = parser.parse_args()
    vocabularies = project_vocabularies(PROJECT / "programmes")
    for part in PARTS if args.czesc == "obie" else (args.czesc,):
        report, part_cases = Report(), cases(part)
        for case in part_cases:
            draft = import_text(case.text, vocabularies)
            judge(case, parse_yaml(draft.record_yaml).data, report)
        print_table(part, len(part_cases), report)
        if args.szczegoly:
            for document, name, why in report.failures:
                print(f"  {document}  {name}: {why}")
            print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
