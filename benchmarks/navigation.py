"""What the site's navigation costs: its bytes on each kind of page, and the site's size.

    .venv/bin/python benchmarks/navigation.py [N ...]        (default: 1000)
    .venv/bin/python benchmarks/navigation.py --site DIR     (a site already built)

For each N, generates N synthetic programmes (synthetic.py), commits them to a fresh git
repository (so the programmes' versions are published as in a real build), builds the site and
prints the bytes of the navigation (the primary sidebar, which is the phone's drawer too, plus
the tabs; tests/navigation.py) on a generated listing page, a programme page, a municipality
page, a term page and a hand-written page; then its share of all the site's HTML, and the site's
size per programme. Target (issue 19): at most 3 kB of navigation on a generated page. Not a
test: the numbers go into the issue notes.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from scale import ENV, commit_all
from synthetic import PROJECT, generate

sys.path.insert(0, str(PROJECT / "tests"))

from navigation import navigation_bytes, navigation_parts

# One page of each kind, found in the built site by its address (the first in sorted order).
KINDS = {
    "listing (programmes of a year)": "programy/lata/*/index.html",
    "programme": "programy/*-*/*/index.html",
    "municipality": "gminy/*-*/index.html",
    "term": "adresaci/*/index.html",
    "hand-written (o-archiwum)": "o-archiwum/index.html",
    "start": "index.html",
}


def build(project: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"], cwd=project, env=ENV, check=True
    )


def report(site: Path, programmes: int | None) -> None:
    for kind, pattern in KINDS.items():
        page = min(site.glob(pattern), default=None)
        if page is None:
            print(f"  {kind:32s} (no such page)")
            continue
        html = page.read_text(encoding="utf-8")
        nav, whole = navigation_bytes(html), len(html.encode("utf-8"))
        where = page.relative_to(site).as_posix()
        print(f"  {kind:32s} navigation {nav:7,d} B of {whole:9,d} B   ({where})")
    pages = list(site.rglob("*.html"))
    html_bytes = nav_bytes = 0
    largest = (0, "")  # of the pages outside the nav: those whose navigation has no entry of their own
    for page in pages:
        html = page.read_text(encoding="utf-8")
        size = navigation_bytes(html)
        html_bytes += len(html.encode("utf-8"))
        nav_bytes += size
        if "md-nav__link--active" not in navigation_parts(html).get("primary", ""):
            largest = max(largest, (size, page.relative_to(site).as_posix()))
    print(f"  {'largest outside the nav':32s} navigation {largest[0]:7,d} B   ({largest[1]})")
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    share = f"navigation {nav_bytes / 1e6:.1f} MB of {html_bytes / 1e6:.1f} MB of HTML"
    print(f"  {len(pages):,d} pages: {share}")
    print(f"  site {total / 1e6:.1f} MB", end="")
    print(f", {total / programmes / 1e3:.1f} kB per programme" if programmes else "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("counts", type=int, nargs="*", default=[1000])
    parser.add_argument("--site", type=Path, help="measure this built site instead of building")
    args = parser.parse_args()
    if args.site:
        print(f"{args.site}")
        programmes = len(list(args.site.glob("programy/*-*/*/index.html")))
        report(args.site, programmes)
        return
    print(f"(project: {PROJECT})")
    with tempfile.TemporaryDirectory() as tmp:
        for count in args.counts:
            project = generate(count, Path(tmp) / f"archiwum-{count}")
            commit_all(project)
            build(project)
            print(f"\n{count} programmes")
            report(project / "site", count)


if __name__ == "__main__":
    main()
