"""Per programme: how much of its source's words programme.md keeps in order, and the differences.

Usage: ``python benchmarks/source_fidelity.py [programmes folder]`` (default: the project's).
Prints one line per source attachment (role "zrodlo"): the share of the source's words kept in
order, the source's word count, the differences left after the record's declared corrections,
and the corrections declared.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

from palarchiwum.records.source_fidelity import compare, corrections_of


def main(programmes: Path) -> None:
    print(f"{'program':45} {'zachowane':>9} {'słowa':>6} {'różnice':>7} {'poprawki':>8} {'czas':>7}")
    for record_path in sorted(programmes.glob("*/*/programme.yml")):
        record = yaml.safe_load(record_path.read_text(encoding="utf-8"))
        for attachment in record.get("zalaczniki") or []:
            if attachment.get("rola") != "zrodlo":
                continue
            source = (record_path.parent / attachment["plik"]).read_text(encoding="utf-8")
            text = (record_path.parent / "programme.md").read_text(encoding="utf-8")
            started = time.perf_counter()
            found = compare(source, text, corrections_of(record))
            took = time.perf_counter() - started
            key = f"{record_path.parent.parent.name}/{record_path.parent.name}"
            print(
                f"{key:45} {found.kept:9.2%} {found.source_words:6} {len(found.differences):7} "
                f"{len(record.get('poprawki_redakcyjne') or []):8} {took:6.3f}s"
            )


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "programmes")
