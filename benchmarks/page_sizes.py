"""Page sizes of the real archive and of a synthetic one: do pages stay bounded?

    .venv/bin/python benchmarks/page_sizes.py [N ...]       (default: 1000)

Builds the real archive (5 programmes) and, for each N, a synthetic archive of N programmes
(see synthetic.py), then prints the median and largest programme page, the largest term page
and the largest page overall. Not a test: the numbers go into the issue notes.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from synthetic import PROJECT, generate

AS_OF = "2026-11-25"
PROGRAMME_PAGE = re.compile(r"programy/\d{7}-[^/]+/[^/]+/index\.html")
REAL_PAGES = sorted(
    f"programy/{p.parent.parent.name}/{p.parent.name}/index.html"
    for p in (PROJECT / "programmes").glob("*/*/programme.yml")
)
VOCABULARIES = ("adresaci", "cele", "rezultaty", "partnerzy", "finansowanie")


def build(project: Path) -> float:
    """`mkdocs build --strict` in `project`; returns the wall time in seconds."""
    env = {**os.environ, "PAL_DATA_STANU": AS_OF, "NO_MKDOCS_2_WARNING": "1"}
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"], cwd=project, env=env, check=True
    )
    return time.perf_counter() - started


def sizes(site: Path) -> dict[str, object]:
    pages = {p.relative_to(site).as_posix(): p.stat().st_size for p in site.rglob("*.html")}
    programme = [s for path, s in pages.items() if PROGRAMME_PAGE.fullmatch(path)]
    terms = {path: s for path, s in pages.items() if path.split("/", 1)[0] in VOCABULARIES}
    largest = max(pages, key=pages.__getitem__)
    largest_term = max(terms, key=terms.__getitem__)
    return {
        "pages": len(pages),
        "programme pages": len(programme),
        "programme median": int(statistics.median(programme)),
        "programme largest": max(programme),
        "term page largest": f"{terms[largest_term]} ({largest_term})",
        "page largest": f"{pages[largest]} ({largest})",
        "site bytes": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
        # The same five pages in every build: what the archive's size does to one programme.
        "real programme pages": " ".join(str(pages[path]) for path in REAL_PAGES),
    }


def report(label: str, project: Path) -> None:
    seconds = build(project)
    print(f"\n{label}: build {seconds:.1f} s")
    for key, value in sizes(project / "site").items():
        print(f"  {key:20} {value}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("counts", type=int, nargs="*", default=[1000])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        real = generate(0, Path(tmp) / "real")  # the five real programmes only
        report("5 programmes (the real archive)", real)
        for count in args.counts:
            report(f"{count} programmes (synthetic)", generate(count, Path(tmp) / f"n{count}"))
    print(f"\n(project: {PROJECT})")


if __name__ == "__main__":
    main()
