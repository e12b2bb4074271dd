"""Tables on a phone and on a wide screen, in Chromium: rows stacked into labelled cards on a
360 px screen, nothing scrolling sideways, text of at least 16 px, table semantics kept."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser, Page

from browser import ARTIFACTS, axe_violations, open_page, serve
from pages import PROGRAMMES, finely_dated, records

PHONE, WIDE = 360, 1280
# The vocabulary with the most terms: the longest table of its kind.
VOCABULARY = max(
    PROGRAMMES.glob("slowniki/*.yml"),
    key=lambda path: len(yaml.safe_load(path.read_text(encoding="utf-8"))["terminy"]),
).stem
KINDS = ("rejestr", "slownik", "dane", "wersja", "program", "gminy")

# Every table of the page's content, measured as a reader sees it: the archive's own tables, not
# those of a programme's text (the document's layout, kept as adopted).
MEASURE = """() => [...document.querySelectorAll('article table')]
    .filter(t => !t.closest('.pal-tekst')).map(table => {
  const box = table.closest('.md-typeset__scrollwrap') || table.parentElement;
  const headings = [...table.querySelectorAll('thead th')].map(th => th.textContent.trim());
  const body = [...table.querySelectorAll('tbody *')];
  return {
    stacking: table.classList.contains('pal-tabela'),
    scrolls: box.scrollWidth - box.clientWidth,
    beyond: Math.max(0, ...[table, ...body].map(e => e.getBoundingClientRect().right - innerWidth)),
    smallest: Math.min(...[...table.querySelectorAll('td, th')]
      .map(c => parseFloat(getComputedStyle(c).fontSize))),
    rows: [...new Set([...table.querySelectorAll('tbody tr')].map(tr => getComputedStyle(tr).display))],
    headingsShown: table.querySelector('thead').getBoundingClientRect().width > 1,
    cells: [...table.querySelectorAll('tbody tr')].flatMap(tr => [...tr.children].map((td, i) => ({
      heading: headings[i] ?? null,
      label: td.dataset.etykieta ?? null,
      before: getComputedStyle(td, '::before').content,
      shown: getComputedStyle(td).display !== 'none' && td.getBoundingClientRect().height > 0,
    }))),
  };
})"""


@pytest.fixture(scope="module")
def site_url(real_site: Path) -> Iterator[str]:
    yield from serve(real_site)


@pytest.fixture(scope="module")
def urls(real_site: Path) -> dict[str, str]:
    """A page of each kind with tables, found in the built site."""
    version = min(real_site.glob("programy/*/*/wersje/*/index.html"))
    return {
        "rejestr": "rejestr-zmian/",
        "slownik": f"{VOCABULARY}/",
        "dane": "dane/",
        "wersja": version.parent.relative_to(real_site).as_posix() + "/",
        # A programme whose page has all three tables of its own: a drawn harmonogram, attachments, register.
        "program": max((url for url, record in records() if finely_dated(record)), default=records()[0][0])
        + "/",
        "gminy": "gminy/",
    }


def tables(page: Page) -> list[dict]:
    return page.evaluate(MEASURE)


def screenshot(page: Page, kind: str, width: int) -> None:
    """The first table's top, where a reader meets it, saved for a person to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    first = page.locator("article table").first
    if first.count():
        first.scroll_into_view_if_needed()
        page.evaluate("() => window.scrollBy(0, -80)")
    page.screenshot(path=str(ARTIFACTS / f"tabela-{kind}-{width}.png"))


@pytest.mark.parametrize("kind", KINDS)
def test_on_a_phone_rows_stack_into_labelled_cards_and_nothing_scrolls_sideways(
    browser: Browser, site_url: str, urls: dict[str, str], kind: str
) -> None:
    page, _ = open_page(browser, site_url + urls[kind], width=PHONE)
    screenshot(page, kind, PHONE)
    found = tables(page)
    if kind != "wersja":  # a version page shows tables only where its text has them
        assert found and all(t["stacking"] for t in found), found
    assert page.evaluate("document.scrollingElement.scrollWidth - innerWidth") <= 0
    for table in found:
        assert table["scrolls"] <= 0 and table["beyond"] <= 0.5, table
        assert table["smallest"] >= 16, table["smallest"]
        if table["stacking"]:
            assert table["rows"] == ["block"] and not table["headingsShown"]
            for cell in table["cells"]:
                # Each cell says which column it is in, with the column's own heading.
                assert cell["shown"] and (cell["label"] or "") == cell["heading"], cell
                if cell["heading"]:
                    assert json.loads(cell["before"].split(" / ")[0]).startswith(cell["heading"]), cell
    violations = axe_violations(page)
    assert violations == [], json.dumps(violations, ensure_ascii=False, indent=1)
    page.context.close()


@pytest.mark.parametrize("kind", KINDS)
def test_on_a_wide_screen_a_table_is_a_table(
    browser: Browser, site_url: str, urls: dict[str, str], kind: str
) -> None:
    page, _ = open_page(browser, site_url + urls[kind], width=WIDE)
    screenshot(page, kind, WIDE)
    for table in tables(page):
        assert table["rows"] == ["table-row"] and table["headingsShown"], table
        assert table["scrolls"] <= 0 and table["beyond"] <= 0.5, table
        assert table["smallest"] >= 16, table["smallest"]
        assert {cell["before"] for cell in table["cells"]} <= {"none", "normal"}
    page.context.close()


def test_stacked_rows_keep_their_table_roles_for_screen_readers(
    browser: Browser, site_url: str, urls: dict[str, str]
) -> None:
    page, _ = open_page(browser, site_url + urls["slownik"], width=PHONE)
    table = page.locator("article table").first
    tree = table.aria_snapshot()
    assert tree.startswith("- table"), tree
    for heading in table.locator("thead th").all_inner_texts():
        assert f'columnheader "{heading.strip()}"' in tree
    rows = re.findall(r"^ *- '?row\b(?!group)", tree, re.MULTILINE)
    assert len(rows) == 1 + table.locator("tbody tr").count(), tree
    # A cell is read as its text alone: the label shown before it is not read a second time, as
    # the column's heading already names it.
    for text in table.locator("tbody td").all_inner_texts():
        assert f'cell "{" ".join(text.split())}"' in tree, tree
    page.context.close()
