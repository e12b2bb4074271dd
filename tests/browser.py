"""Helpers for tests in a real browser: Debian's Chromium driven by Playwright, and axe-core.

Chromium comes from Debian's packages (``apt-get install chromium``); axe-core is the copy
shipped in the axe-playwright-python package.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import axe_playwright_python
import pytest
from playwright.sync_api import Browser, Page, sync_playwright

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
AXE = Path(axe_playwright_python.__file__).parent / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Pages that fill themselves in the browser are read once they have: the condition says when.
# (A page going back in its history may be read before its elements are there.)
SEARCH_DONE = "/^(Znaleziono|Brak)/.test(document.querySelector('#pal-szukaj-stan')?.innerText)"
# The finder says what it found also when a choice (in the address) finds nothing.
FINDER_DONE = "/^(Znaleziono|Brak)/.test(document.querySelector('#pal-dla-mnie-stan').innerText)"
READY = {
    "szukaj": f"!location.search || {SEARCH_DONE}",
    "dla-mieszkancow": FINDER_DONE,
}


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        pytest.fail("Brak Chromium: zainstaluj pakiet Debiana 'chromium' (robi to scripts/test)")
    return path


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the site under `prefix`, and its 404.html for any other address, as GitHub Pages does."""

    prefix = "/"
    cache_seconds: int | None = None  # a Cache-Control: max-age, as GitHub Pages sends (600)

    def log_message(self, format: str, *args: object) -> None:
        pass

    def end_headers(self) -> None:
        self.send_header("LinkChecker", "allowed")  # lets LinkChecker go faster than 10 requests/s
        if self.cache_seconds is not None:
            self.send_header("Cache-Control", f"max-age={self.cache_seconds}")
        super().end_headers()

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__poza-strona__")
        return super().translate_path("/" + path[len(self.prefix) :])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve(site: Path, prefix: str = "/", cache_seconds: int | None = None) -> Iterator[str]:
    """Serve a built site over HTTP on a free port, under `prefix`, for as long as the caller needs it
    (saying how long a browser may keep each file, when `cache_seconds` is given)."""
    settings = {"prefix": prefix, "cache_seconds": cache_seconds}
    handler = functools.partial(type("Handler", (_Handler,), settings), directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    server.shutdown()
    server.server_close()


# Every breach of the page's Content-Security-Policy, as the browser reports it.
LISTEN_FOR_VIOLATIONS = """
window.__naruszenia = [];
document.addEventListener("securitypolicyviolation", (e) =>
  window.__naruszenia.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sample}`.trim()));
"""


def open_page(browser: Browser, url: str, width: int = 1280) -> tuple[Page, list[str]]:
    """A page at `url`, and the list every request it makes is appended to."""
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="pl-PL")
    context.add_init_script(LISTEN_FOR_VIOLATIONS)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    # "load": every file the page names is in (its scripts, styles, images); what a script fetches
    # later, the page's own condition says (READY). Waiting for the network to idle would cost
    # half a second of silence on every page.
    page.goto(url, wait_until="load")
    ready = next((cond for name, cond in READY.items() if urlsplit(url).path.endswith(f"/{name}/")), None)
    if ready:
        page.wait_for_function(as_function(ready), timeout=10_000)
    return page, requests


def as_function(condition: str) -> str:
    """A condition for `wait_for_function`, as a function: Playwright evaluates a bare expression
    with eval(), which the pages' Content-Security-Policy rightly forbids."""
    return f"() => ({condition})"


def policy_violations(page: Page) -> list[str]:
    """What the page's Content-Security-Policy blocked so far: directive, address, sample."""
    return page.evaluate("window.__naruszenia")


def axe_violations(page: Page) -> list[dict[str, object]]:
    """What axe-core finds against the WCAG 2.1 A and AA rules on the open page."""
    # The theme lays out its sidebars from its script, a frame after loading: axe reads the page
    # once that is done (on a loaded machine it once read a sidebar half laid out).
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    # Colours are read as they end: a transition under way (the theme fades its tabs in after a
    # resize or scroll) measures a colour between two, and once failed the contrast rule.
    page.evaluate("() => Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)))")
    # Evaluated by the browser's debugger, not added as a <script>: the page's own
    # Content-Security-Policy rightly blocks a script it has no hash for.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    # Every violation with all its nodes; of the rules passed or inapplicable axe keeps one node
    # each (resultTypes), which spares it the slowest part of its work on a long page.
    options = "{runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']}"
    result = page.evaluate(f"tags => axe.run(document, {options})", WCAG_21_AA)
    return [
        {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]


def launch() -> Iterator[Browser]:
    """Chromium with the flags that keep it off the network (no updates, sync or first-run calls)."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


# The search page's own code (docs/assets/szukaj.js), called as the page calls it: for each query,
# the ids of its results in order, or the site paths of the first `top` (all when null).
FIND = """async ([queries, filters, paths, top]) => {
  const root = new URL("../", location.href);
  const module = await import(new URL("assets/szukaj.js", root).href);
  const version = document.querySelector('meta[name="pal-wersja-indeksu"]')?.content;
  const search = await module.openSearch(root, version);
  const found = [];
  for (const query of queries) {
    const { results } = await search.find(query, filters);
    const path = async (r) => new URL((await r.data()).url, root).pathname;
    const shown = results.slice(0, top ?? results.length);
    found.push(paths ? await Promise.all(shown.map(path)) : results.map((r) => r.id));
  }
  return found;
}"""


def find(
    page: Page,
    queries: list[str],
    filters: dict[str, str] | None = None,
    paths: bool = True,
    top: int | None = None,
) -> list[list]:
    """What the search page (open in `page`) finds for each query: the site paths of its
    results ("gminy/…", "programy/…"), or their ids in the index."""
    found = page.evaluate(FIND, [queries, filters or {}, paths, top])
    return [[p.strip("/") for p in f] for f in found] if paths else found


def over_the_network(browser: Browser, base: str, queries: list[str]) -> list[dict[str, int]]:
    """For each query searched in turn on /szukaj/ in one browser: the index's files that came
    over the network (the browser's cache left out), with their bytes, headers included."""
    context = browser.new_context()
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    urls: dict[str, str] = {}
    wire: dict[str, int] = {}
    cdp.on("Network.requestWillBeSent", lambda e: urls.__setitem__(e["requestId"], e["request"]["url"]))
    cdp.on("Network.loadingFinished", lambda e: wire.__setitem__(e["requestId"], e["encodedDataLength"]))
    visits = []
    for query in queries:
        urls.clear()
        wire.clear()
        page.goto(f"{base}szukaj/?q={query}", wait_until="networkidle")
        page.wait_for_function(as_function(SEARCH_DONE), timeout=60_000)
        page.wait_for_load_state("networkidle")
        index = {urls[i]: int(n) for i, n in wire.items() if re.search(r"/pagefind(-\d+)?/", urls.get(i, ""))}
        visits.append({url: n for url, n in index.items() if n})
    context.close()
    return visits
