"""How much of the curated records the draft importer recovers from the five source texts.

    .venv/bin/python benchmarks/import_recovery.py

For each source text in /work/shared/seeds (or $PAL_SEEDS), runs ``import_text`` and compares
the draft with the curated record of the same programme, for the main goal (``cel_glowny``),
specific goals (``cele``), results (``rezultaty``) and addressees (``adresaci``). Prints per
document the curated count, the draft count, how many curated items were recovered and their
share, and the text fidelity of the draft Markdown (``tests/fidelity.py``: share of the source's
8-word sequences kept); then a total row.

Recovery rule: a curated item counts as recovered when some draft item of the same section
matches it. Both quotes are normalised (lower case, punctuation stripped, whitespace collapsed);
they match when one contains the other and the shorter is at least 60% of the longer's length.
Draft items the curated record lacks are not penalised here; the draft column shows how many
there are. When the seeds folder is missing, the same texts are read from each curated
programme's attachments/zrodlo.txt. Not a test: the numbers go into the issue notes.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Any

import yaml

PROJECT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(PROJECT / "hooks"), str(PROJECT / "tests")]

from fidelity import coverage  # noqa: E402
from palarchiwum.clerk.importing.drafting import import_text  # noqa: E402

SEEDS = Path(os.environ.get("PAL_SEEDS", "/work/shared/seeds"))
CURATED = {
    "000": "2808011-ketrzyn/pal-2021-2030",
    "001": "2808011-ketrzyn/pal-2014-2020",
    "002": "2406013-klobuck/pal-2021-2022",
    "003": "0265011-walbrzych/pal-2010-2013",
    "004": "1405052-jaktorow/pal-2011-2016",
}
SECTIONS = ("cel_glowny", "cele", "rezultaty", "adresaci")
SHARE = 0.6  # the shorter quote must be at least this share of the longer one


def normalised(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def matches(a: str, b: str) -> bool:
    """One normalised quote contains the other, and the shorter is ≥ 60% of the longer."""
    a, b = normalised(a), normalised(b)
    shorter, longer = sorted((a, b), key=len)
    return bool(shorter) and shorter in longer and len(shorter) >= SHARE * len(longer)


def quotes(record: dict[str, Any], section: str) -> list[str]:
    raw = record.get(section)
    items = [raw] if isinstance(raw, dict) else (raw or [])
    return [item.get("tresc") or item.get("brzmienie") or "" for item in items]


def compare(curated: dict[str, Any], draft: dict[str, Any], section: str) -> tuple[int, int, int]:
    wanted, found = quotes(curated, section), quotes(draft, section)
    recovered = sum(1 for q in wanted if any(matches(q, d) for d in found))
    return len(wanted), len(found), recovered


def share(part: int, whole: int) -> str:
    return f"{part / whole:5.0%}" if whole else "    –"


def main() -> int:
    totals = {section: [0, 0, 0] for section in SECTIONS}
    fidelities: list[float] = []
    header = f"{'':4}{'section':<12}{'curated':>8}{'draft':>7}{'recovered':>11}{'share':>7}"
    for prefix, key in CURATED.items():
        source = next(SEEDS.glob(f"{prefix}_*.txt"), PROJECT / "programmes" / key / "attachments/zrodlo.txt")
        text = source.read_text(encoding="utf-8")
        draft = import_text(text)
        record = yaml.safe_load(draft.record_yaml)
        curated = yaml.safe_load((PROJECT / "programmes" / key / "programme.yml").read_text(encoding="utf-8"))
        fidelity, _ = coverage(text, draft.markdown)
        fidelities.append(fidelity)
        print(f"{source.name} → programmes/{key}   text fidelity (coverage) {fidelity:.4f}")
        print(header)
        for section in SECTIONS:
            wanted, found, recovered = compare(curated, record, section)
            for i, n in enumerate((wanted, found, recovered)):
                totals[section][i] += n
            print(f"{'':4}{section:<12}{wanted:>8}{found:>7}{recovered:>11}{share(recovered, wanted):>7}")
        print()
    print(f"TOTAL (5 documents)   text fidelity: min {min(fidelities):.4f}, mean {sum(fidelities) / 5:.4f}")
    print(header)
    all_wanted = all_recovered = 0
    for section, (wanted, found, recovered) in totals.items():
        all_wanted, all_recovered = all_wanted + wanted, all_recovered + recovered
        print(f"{'':4}{section:<12}{wanted:>8}{found:>7}{recovered:>11}{share(recovered, wanted):>7}")
    all_found = sum(found for _, found, _ in totals.values())
    row = f"{'':4}{'all four':<12}{all_wanted:>8}{all_found:>7}{all_recovered:>11}"
    print(f"{row}{share(all_recovered, all_wanted):>7}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
