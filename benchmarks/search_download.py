"""What one search downloads, at a given archive size: Pagefind's index against Material's.

    .venv/bin/python benchmarks/search_download.py [N] [--site DIR] [--material]

Builds a synthetic archive of N programmes (default 1000; see synthetic.py), serves it, and for
each query opens /szukaj/?q=… in a fresh browser (cold cache), waits for the first results and
adds up the bytes of every response: Pagefind's files alone, and everything the page loaded.
Then, in the same browser, it searches for the next query as a second visit would: the server
says what GitHub Pages says (``Cache-Control: max-age=600``), and the bytes counted are those
that came over the network, the browser's cache left out.
With --material it also builds the same archive with Material's built-in search, whose index
is one file every query downloads whole. Not a test: the numbers go into the issue notes.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright
from synthetic import generate

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from browser import over_the_network

AS_OF = "2026-11-25"
QUERIES = (
    "ketrzyn", "bezrobotni", "bezdomnosc", "zlobek", "wolontariat", "aktywizacja zawodowa", "program",
    "lokalnej polityki spolecznej", "klobuck", "aktywizacja zawodowa osob bezrobotnych",
    "program aktywnosci lokalnej dla gminy",
)  # fmt: skip
DONE = "() => /^(Znaleziono|Brak)/.test(document.querySelector('#pal-szukaj-stan')?.innerText)"


def build(project: Path, material_search: bool = False) -> float:
    """`mkdocs build --strict` (optionally with Material's search plugin); the wall time."""
    if material_search:
        config = project / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8").replace("plugins: []", "plugins: [search]"))
    env = {**os.environ, "PAL_DATA_STANU": AS_OF, "NO_MKDOCS_2_WARNING": "1"}
    started = time.perf_counter()
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"]
    subprocess.run(command, cwd=project, env=env, check=True)
    return time.perf_counter() - started


@contextmanager
def served(site: Path) -> Iterator[str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def end_headers(self) -> None:
            self.send_header("Cache-Control", "max-age=600")  # as GitHub Pages serves every file
            super().end_headers()

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


def compressed(url: str, body: bytes) -> int:
    """Bytes over the wire from a host that gzips text, as GitHub Pages does; Pagefind's own
    index and fragment files are gzip already."""
    text = url.split("?")[0].endswith((".js", ".css", ".html", ".json", ".svg", "/"))
    return len(gzip.compress(body, 6)) if text else len(body)


def one_query(browser: Browser, base: str, query: str) -> tuple[int, int, int, int, str]:
    """(Pagefind bytes, all bytes, all bytes gzipped, requests, status) for one query, cold cache."""
    context = browser.new_context()
    page = context.new_page()
    responses = []
    page.on("response", lambda r: responses.append(r))
    page.goto(f"{base}szukaj/?q={query}", wait_until="networkidle")
    page.wait_for_function(DONE, timeout=60_000)
    page.wait_for_load_state("networkidle")
    bodies = [(r.url, r.body()) for r in responses if r.ok]
    status = page.locator("#pal-szukaj-stan").inner_text()
    context.close()
    search = sum(len(body) for url, body in bodies if re.search(r"/pagefind(-\d+)?/", url))
    total = sum(len(body) for _, body in bodies)
    return search, total, sum(compressed(url, body) for url, body in bodies), len(bodies), status


def measure_pagefind(site: Path) -> None:
    files = [p for part in site.glob("pagefind*") for p in part.rglob("*") if p.is_file()]
    parts = len(list(site.glob("pagefind*")))
    size = sum(p.stat().st_size for p in files)
    print(f"  Pagefind index on disk: {size:,} B in {len(files)} files, {parts} parts")
    with served(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        worst = 0
        for query in QUERIES:
            search, total, gzipped, count, status = one_query(browser, base, query)
            worst = max(worst, search)
            line = f"Pagefind {search:>9,} B   page and search {total:>9,} B ({gzipped:>7,} B gzip)"
            line += f"   {count:>3} files"
            print(f"  {query!r:24} {line}   {status}")
        print(f"  largest Pagefind download for one query: {worst:,} B")
        print("  a second query in the same browser (its cache kept), Pagefind bytes over the network:")
        for first, second in zip(QUERIES, QUERIES[1:] + QUERIES[:1], strict=True):
            cold, warm = over_the_network(browser, base, [first, second])
            then = f"then {second!r:24} {sum(warm.values()):>9,} B in {len(warm)} files"
            print(f"  {first!r:24} {sum(cold.values()):>9,} B, {then}")
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int, nargs="?", default=1000)
    parser.add_argument("--site", type=Path, help="a site already built: measure it, build nothing")
    parser.add_argument("--material", action="store_true", help="also build with Material's search")
    args = parser.parse_args()
    if args.site:
        print(f"{args.site}:")
        measure_pagefind(args.site)
        return
    with tempfile.TemporaryDirectory() as tmp:
        project = generate(args.count, Path(tmp) / "pagefind")
        seconds = build(project)
        print(f"{args.count} programmes, Pagefind search: build {seconds:.1f} s")
        measure_pagefind(project / "site")
        if args.material:
            project = generate(args.count, Path(tmp) / "material")
            seconds = build(project, material_search=True)
            index = project / "site/search/search_index.json"
            print(f"{args.count} programmes, Material search: build {seconds:.1f} s")
            print(f"  search_index.json, downloaded whole by the first query: {index.stat().st_size:,} B")


if __name__ == "__main__":
    main()
