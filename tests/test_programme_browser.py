"""A programme's page as a resident meets it in Chromium, on a 360×800 phone and a 1280×900
screen: the first screen answers the first questions, the page is short enough to find its way
in, and printing it gives the document first."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from browser import ARTIFACTS, open_page, serve
from conftest import AS_OF
from pages import plain, polish_date, records, status

REAL = dict(records())
SIZES = [(360, 800), (1280, 900)]
NO_LONGER_IN_FORCE = {"zastąpiony", "zakończony", "uchylony"}
# An A4 page, 297 mm at 96 px per inch, less Chromium's default print margins (about 1 cm each).
A4_HEIGHT = 297 / 25.4 * 96 - 2 * 38


@pytest.fixture(scope="module")
def site_url(real_site: Path) -> Iterator[str]:
    yield from serve(real_site)


def opened(browser: Browser, url: str, size: tuple[int, int]) -> Page:
    context = browser.new_context(viewport={"width": size[0], "height": size[1]}, locale="pl-PL")
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    return page


def bottom(page: Page, selector: str) -> float:
    """Where the element ends, from the top of the page (scroll 0)."""
    return page.locator(selector).first.evaluate("e => e.getBoundingClientRect().bottom + scrollY")


def answer(page: Page, question: str) -> str:
    """The selector of a "W skrócie" answer."""
    index = page.evaluate(
        "q => [...document.querySelectorAll('.pal-skrot dt')].findIndex(dt => dt.textContent.trim() === q)",
        question,
    )
    assert index >= 0, question
    return f".pal-skrot dd >> nth={index}"


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("url", list(REAL))
def test_the_first_screen_says_what_holds_for_whom_who_runs_it_and_how_to_reach_them(
    browser: Browser, site_url: str, url: str, size: tuple[int, int]
) -> None:
    page = opened(browser, f"{site_url}{url}/", size)
    height = size[1]
    shown = status(url, REAL[url], AS_OF)
    assert page.locator(".pal-skrot .pal-status").inner_text() == shown
    when = page.locator(answer(page, "Kiedy")).inner_text()
    assert f"na dzień {polish_date(AS_OF)}" in when
    for question in ("Kiedy", "Dla kogo", "Kto prowadzi", "Kontakt"):
        assert bottom(page, answer(page, question)) <= height, f"{question} is below the first screen"
    assert bottom(page, "article h1") <= height
    banner = page.locator(".pal-baner")
    if shown in NO_LONGER_IN_FORCE:
        # Above everything: the first thing on the page says it no longer holds.
        assert banner.count() == 1 and bottom(page, ".pal-baner") <= bottom(page, "article h1")
    else:
        assert banner.count() == 0
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"program-{url.split('/')[1]}-{size[0]}.png"))
    page.context.close()


def longest(records_: dict[str, dict]) -> str:
    """The programme with the most extracted items: the page that most needs its way-finding."""
    sections = ("cele", "dzialania", "adresaci", "rezultaty", "partnerzy", "harmonogram")
    return max(records_, key=lambda u: sum(len(records_[u].get(s) or []) for s in sections))


def test_on_a_phone_long_lists_fold_and_the_full_text_is_one_tap_away(
    browser: Browser, site_url: str
) -> None:
    url = longest(REAL)
    page = opened(browser, f"{site_url}{url}/", (360, 800))
    lists = page.locator("details.pal-zwijane")
    assert lists.count() > 0
    assert page.evaluate("() => [...document.querySelectorAll('details.pal-zwijane')].every(d => !d.open)")
    summary = lists.first.locator("summary")
    box = summary.bounding_box()
    assert box["height"] >= 24 and box["width"] >= 24
    summary.click()
    assert lists.first.evaluate("d => d.open")
    # The page's own table of contents leads to each section; the full text is linked in the
    # first screen.
    link = page.locator(".pal-do-tekstu a")
    assert link.bounding_box()["y"] + link.bounding_box()["height"] <= 800
    link.click()
    page.wait_for_function("() => location.hash === '#pelny-tekst'")
    top = page.locator("#pelny-tekst").evaluate("e => e.getBoundingClientRect().top")
    assert 0 <= top < 800
    targets = page.eval_on_selector_all(".pal-spis a", "links => links.map(a => a.hash.slice(1))")
    assert "pelny-tekst" in targets and all(page.locator(f"[id='{t}']").count() == 1 for t in targets)
    # A link to an item inside a folded list opens the list.
    page.goto(f"{site_url}{url}/", wait_until="networkidle")
    item = page.locator("details.pal-zwijane li [id^='poz-']").last
    item_id = item.get_attribute("id")
    page.evaluate("id => { location.hash = id; }", item_id)
    page.wait_for_function(
        "id => document.getElementById(id).closest('details').open", arg=item_id, timeout=5000
    )
    page.context.close()


def test_without_scripts_nothing_is_folded(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 800}, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}{longest(REAL)}/")
    assert page.evaluate("() => [...document.querySelectorAll('details.pal-zwijane')].every(d => d.open)")
    context.close()


def test_a_goal_is_shown_once_outside_the_document(browser: Browser, site_url: str) -> None:
    url = next(u for u, r in REAL.items() if r.get("cel_glowny"))
    page, _ = open_page(browser, f"{site_url}{url}/")
    outside = page.evaluate(
        "() => { const a = document.querySelector('article').cloneNode(true);"
        " a.querySelectorAll('.pal-tekst').forEach(t => t.remove()); return a.innerText; }"
    )
    goal = plain(REAL[url]["cel_glowny"]["tresc"])
    assert " ".join(outside.split()).count(goal) == 1
    page.context.close()


def test_printing_gives_the_document_first_and_leaves_the_way_finding_off_paper(
    browser: Browser, site_url: str
) -> None:
    url = longest(REAL)
    page = opened(browser, f"{site_url}{url}/", (360, 800))
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    assert page.evaluate("() => [...document.querySelectorAll('details.pal-zwijane')].every(d => d.open)")
    page.emulate_media(media="print")
    where = page.evaluate(
        """() => {
          const top = s => {
            const e = document.querySelector(s);
            return e ? e.getBoundingClientRect().top + scrollY : null;
          };
          const shown = s => [...document.querySelectorAll(s)].some(e => e.getClientRects().length > 0);
          return {text: top('#pelny-tekst'), extract: top('.pal-skrot'), metryczka: top('.pal-metryczka'),
                  hidden: ['.pal-spis', '.pal-podobne', '.md-header', '.md-sidebar', '.pal-pasek',
                           '.pal-szukaj-pasek'].filter(s => !shown(s))};
        }"""
    )
    assert where["text"] < where["extract"] < where["metryczka"], where
    assert where["text"] < A4_HEIGHT, f"the document starts {where['text']:.0f}px down, past the first page"
    assert {".pal-spis", ".pal-podobne", ".md-header", ".md-sidebar", ".pal-szukaj-pasek"} <= set(
        where["hidden"]
    )
    pdf = page.pdf(format="A4")
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"druk-{url.split('/')[1]}.pdf").write_bytes(pdf)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    print(f"{url}: {pages} A4 pages in print")
    assert pages >= 1
    page.context.close()
