"""The site's navigation: small on every generated page, every section reachable from every page,
the phone's drawer and the desktop's tabs still working (issue 19)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Locator, Page, expect

from browser import ARTIFACTS, axe_violations, open_page, serve
from navigation import navigation_bytes, navigation_parts
from pages import municipalities, records

LIMIT = 3000  # bytes of navigation (primary sidebar and tabs) a generated page may carry
BASE = "https://archiwum.invalid/"  # any base: links are compared once resolved against it
REAL = records()
TERM = next(
    f"adresaci/{group}/"
    for _, record in REAL
    for item in record.get("adresaci") or []
    for group in item["grupy"]
)


@dataclass(frozen=True)
class Section:
    """A top-level entry of mkdocs.yml's nav: its title and the addresses of its pages."""

    title: str
    urls: tuple[str, ...]

    @property
    def url(self) -> str:
        """Where its tab and its link lead: its first page."""
        return self.urls[0]


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, whose values may be MkDocs' !ENV tags (irrelevant to the nav)."""


_ConfigLoader.add_constructor("!ENV", lambda loader, node: None)


def page_url(source: str) -> str:
    """The address MkDocs gives a page of docs/ (directory URLs)."""
    stem = source.removesuffix(".md")
    return "" if stem == "index" else (stem.removesuffix("/index") + "/")


def pages_of(entry: object) -> Iterator[str]:
    """The addresses of the pages under one nav entry, in order."""
    if isinstance(entry, str):
        yield page_url(entry)
    elif isinstance(entry, dict):
        for value in entry.values():
            yield from pages_of(value)
    elif isinstance(entry, list):
        for item in entry:
            yield from pages_of(item)


def sections(project: Path) -> list[Section]:
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    return [
        Section(title, tuple(pages_of(value))) for entry in config["nav"] for title, value in entry.items()
    ]


def section_of(url: str, all_sections: list[Section]) -> Section:
    """The section a page outside the nav belongs to: the one with a page in the same folder."""
    folder = url.split("/")[0]
    return next(s for s in all_sections if any(u.split("/")[0] == folder for u in s.urls))


def site_pages(site: Path) -> dict[str, str]:
    """Every page's address ("" for the start page, else ending in "/") and HTML."""
    pages = {}
    for page in site.rglob("index.html"):
        folder = page.parent.relative_to(site).as_posix()
        pages["" if folder == "." else folder + "/"] = page.read_text(encoding="utf-8")
    return pages


@pytest.fixture(scope="module")
def nav(real_site: Path) -> list[Section]:
    return sections(real_site.parent)


@pytest.fixture(scope="module")
def built(real_site: Path) -> dict[str, str]:
    return site_pages(real_site)


@pytest.fixture(scope="module")
def outside_nav(built: dict[str, str], nav: list[Section]) -> dict[str, str]:
    """The pages the build generates outside the nav: every programme, municipality, term, version…"""
    listed = {url for section in nav for url in section.urls}
    return {url: html for url, html in built.items() if url not in listed}


@pytest.fixture(scope="module")
def kinds(real_site: Path) -> dict[str, str]:
    """One page of each kind the build generates for programmes, found from the records and the site."""
    year = min(path.parent.name for path in (real_site / "programy" / "lata").glob("*/index.html"))
    return {
        "program": f"{REAL[0][0]}/",
        "gmina": f"gminy/{min(municipalities())}/",
        "termin": TERM,
        "lista": f"programy/lata/{year}/",
    }


@pytest.mark.parametrize("kind", ["program", "gmina", "termin", "lista"])
def test_each_kind_of_generated_page_carries_at_most_3_kb_of_navigation(
    outside_nav: dict[str, str], kinds: dict[str, str], kind: str
) -> None:
    url = kinds[kind]
    assert url in outside_nav, f"{url}: a generated page, outside the nav"
    parts = navigation_parts(outside_nav[url])
    assert set(parts) == {"primary", "tabs"}
    size = navigation_bytes(outside_nav[url])
    assert size <= LIMIT, f"{url}: {size} B of navigation"


def test_no_page_outside_the_nav_carries_more_than_3_kb_of_navigation(outside_nav: dict[str, str]) -> None:
    sizes = {url: navigation_bytes(html) for url, html in outside_nav.items()}
    assert len(sizes) > len(REAL)  # programmes, their municipalities, terms, listings
    assert {url: size for url, size in sizes.items() if size > LIMIT} == {}


def test_every_page_links_every_section_in_its_navigation_and_its_tabs(
    built: dict[str, str], nav: list[Section]
) -> None:
    missing = []
    for url, html in built.items():
        for part, content in navigation_parts(html).items():
            links = {
                (" ".join(a.get_text(" ").split()), urljoin(BASE + url, a["href"]))
                for a in BeautifulSoup(content, "html.parser").select("a[href]")
            }
            missing += [f"{url} {part}: {s.title}" for s in nav if (s.title, BASE + s.url) not in links]
    assert len(built) > len(REAL)
    assert missing == []


@pytest.mark.parametrize("kind", ["program", "termin"])
def test_a_generated_page_marks_its_section_active(
    built: dict[str, str], nav: list[Section], kinds: dict[str, str], kind: str
) -> None:
    url = kinds[kind]
    page = BeautifulSoup(built[url], "html.parser")
    expected = section_of(url, nav).title
    tabs = [" ".join(t.get_text(" ").split()) for t in page.select(".md-tabs__item--active")]
    sidebar = page.select("nav.md-nav--primary > ul > li.md-nav__item--active > a")
    assert tabs == [expected]
    assert [" ".join(a.get_text(" ").split()) for a in sidebar] == [expected]


def hand_written(real_site: Path, nav: list[Section]) -> tuple[Section, str]:
    """A hand-written page of docs/ in a section of several pages, and that section."""
    docs = real_site.parent / "docs"
    return next(
        (section, url)
        for section in nav
        if len(section.urls) > 1
        for url in section.urls[1:]
        if (docs / f"{url.rstrip('/')}.md").is_file()
    )


def test_a_page_in_the_nav_opens_only_its_own_section(
    real_site: Path, built: dict[str, str], nav: list[Section]
) -> None:
    section, url = hand_written(real_site, nav)
    page = BeautifulSoup(built[url], "html.parser")
    primary = page.select_one("nav.md-nav--primary")
    listed = {urljoin(BASE + url, a["href"]) for a in primary.select("a[href]")}
    assert {BASE + u for u in section.urls} <= listed  # its siblings, in the drawer
    others = [u for s in nav if s != section for u in s.urls[1:]]
    assert others and not ({BASE + u for u in others} & listed)  # no other section opened
    # Material's table of contents stays under the page's own entry.
    assert primary.select_one("li.md-nav__item--active label[for='__toc'] ~ nav.md-nav--secondary")


@pytest.fixture(scope="module")
def site_url(real_site: Path) -> Iterator[str]:
    yield from serve(real_site)


def open_drawer(page: Page) -> None:
    page.locator("label.md-header__button[for='__drawer']").click()
    expect(page.locator("nav.md-nav--primary")).to_be_in_viewport()


# A top-level entry of the drawer: a section's link; the page's own section, opened, is headed by
# a label (Material's), or by its index page's link beside the label.
TOP_LEVEL_ENTRIES = ("a.md-nav__link", "label.md-nav__link", ".md-nav__container > a.md-nav__link")


def drawer_link(page: Page, title: str) -> Locator:
    """The drawer's top-level entry of a section: a link, or the label opening the page's own."""
    entry = ", ".join(f"nav.md-nav--primary > ul > li > {e}" for e in TOP_LEVEL_ENTRIES)
    return page.locator(entry).filter(has_text=re.compile(rf"^\s*{re.escape(title)}\s*$"))


def test_on_a_phone_the_drawer_lists_the_sections_and_leads_to_them(
    browser: Browser, site_url: str, nav: list[Section], kinds: dict[str, str]
) -> None:
    url = kinds["program"]
    page, _ = open_page(browser, site_url + url, width=360)
    page.set_viewport_size({"width": 360, "height": 800})
    expect(page.locator(".md-tabs")).to_be_hidden()
    expect(drawer_link(page, nav[0].title)).not_to_be_in_viewport()
    open_drawer(page)
    for section in nav:
        expect(drawer_link(page, section.title)).to_be_in_viewport()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "nawigacja-360.png"))
    assert axe_violations(page) == []
    other = next(s for s in nav if len(s.urls) > 1 and s != section_of(url, nav))
    drawer_link(page, other.title).click()
    page.wait_for_load_state()
    assert page.url == site_url + other.url
    page.context.close()


def test_on_a_phone_a_page_in_the_nav_opens_the_drawer_at_its_siblings(
    browser: Browser, site_url: str, real_site: Path, nav: list[Section]
) -> None:
    section, url = hand_written(real_site, nav)
    page, _ = open_page(browser, site_url + url, width=360)
    page.set_viewport_size({"width": 360, "height": 800})
    open_drawer(page)
    level = page.locator("nav.md-nav--primary > ul > li.md-nav__item--active > nav[data-md-level='1']")
    expect(level).to_be_in_viewport()
    links = level.locator("a.md-nav__link")
    shown = {links.nth(i).evaluate("a => a.href") for i in range(links.count()) if links.nth(i).is_visible()}
    assert {site_url + sibling for sibling in section.urls if sibling != url} <= shown
    # The page itself is the entry that opens its table of contents, as Material has it.
    expect(level.locator("label.md-nav__link[for='__toc']")).to_be_in_viewport()
    assert axe_violations(page) == []
    # Its title leads back to every section.
    level.locator(":scope > label.md-nav__title").click()
    expect(level).not_to_be_in_viewport()
    for other in nav:
        expect(drawer_link(page, other.title)).to_be_in_viewport()
    page.context.close()


def test_on_a_wide_screen_the_tabs_show_every_section(
    browser: Browser, site_url: str, nav: list[Section], kinds: dict[str, str]
) -> None:
    url = kinds["program"]
    page, _ = open_page(browser, site_url + url, width=1280)
    tabs = page.locator(".md-tabs")
    expect(tabs).to_be_visible()
    for section in nav:
        expect(tabs.get_by_role("link", name=section.title, exact=True)).to_be_visible()
    expect(page.locator(".md-tabs__item--active")).to_have_text(section_of(url, nav).title)
    # The sidebar names the page's section, as a link back to it.
    heading = page.locator("nav.md-nav--primary > ul > li.md-nav__item--active > a")
    expect(heading).to_be_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "nawigacja-1280.png"))
    heading.click()
    page.wait_for_load_state()
    assert page.url == site_url + section_of(url, nav).url
    page.context.close()
