"""The residents' finder in Chromium: the choice in the address, what each result offers, tap
targets, accessibility, and the plain lists without JavaScript."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
import yaml
from playwright.sync_api import Browser, Page

from browser import ARTIFACTS, FINDER_DONE, as_function, axe_violations, open_page, serve
from conftest import AS_OF
from pages import PROGRAMMES, STATUS_CODES, missing, municipality_of, records, status
from palarchiwum.records.catalogue_records import Status

REAL = dict(records())
FINDER = "dla-mieszkancow/"
SIZES = {360: 800, 1280: 900}
VOCABULARY = yaml.safe_load((PROGRAMMES / "slowniki/adresaci.yml").read_text(encoding="utf-8"))["terminy"]


def groups_of(record: dict) -> set[str]:
    return {g for item in record.get("adresaci") or [] for g in item["grupy"]}


def status_code(url: str) -> str:
    return STATUS_CODES[status(url, REAL[url], AS_OF)]


def having(group: str = "", region: str = "", place: str = "", code: str = "") -> set[str]:
    """The programmes a choice should find, worked out from the records."""
    return {
        url
        for url, record in REAL.items()
        if (not group or group in groups_of(record))
        and (not region or municipality_of(url)["wojewodztwo"] == region)
        and (not place or url.split("/")[1] == place)
        and (not code or status_code(url) == code)
    }


def narrowing_choice() -> tuple[str, str]:
    """A group and a status, each step leaving fewer programmes where the archive allows."""
    choices = [
        ((len(having(g)) < len(REAL), len(having(g, code=c)) < len(having(g)), len(having(g))), g, c)
        for url, record in REAL.items()
        for g in sorted(groups_of(record))
        for c in [status_code(url)]
    ]
    _, group, code = max(choices)
    return group, code


GROUP, STATUS = narrowing_choice()


@pytest.fixture(scope="module")
def site_url(real_site: Path) -> Iterator[str]:
    yield from serve(real_site)


@pytest.fixture(scope="module")
def data(real_site: Path) -> dict:
    return json.loads((real_site / FINDER / "programy.json").read_text(encoding="utf-8"))


def finder(browser: Browser, url: str, width: int) -> Page:
    page, _ = open_page(browser, url, width)
    page.set_viewport_size({"width": width, "height": SIZES[width]})
    return page


def wait_ready(page: Page) -> None:
    page.wait_for_function(as_function(FINDER_DONE), timeout=10_000)


def shown(page: Page) -> set[str]:
    """The programmes listed, every batch of them."""
    while page.locator("#pal-dla-mnie-wiecej").is_visible():  # results come 50 at a time
        page.click("#pal-dla-mnie-wiecej")
    links = page.eval_on_selector_all("#pal-dla-mnie-wyniki h2 a", "links => links.map(a => a.href)")
    return {urlsplit(h).path.strip("/") for h in links}


def choice(page: Page) -> dict[str, str]:
    """The choice in the page's address."""
    return dict(parse_qsl(urlsplit(page.url).query))


def chosen(page: Page) -> dict[str, str]:
    """The choice the form shows, its empty fields left out."""
    values = {name: page.input_value(f"#pal-{name}") for name in ("grupa", "wojewodztwo", "gmina", "status")}
    return {name: value for name, value in values.items() if value}


def wait_for_choice(page: Page, wanted: dict[str, str]) -> None:
    """Until the form shows `wanted` (results are listed in the same step)."""
    fields = json.dumps({name: wanted.get(name, "") for name in ("grupa", "wojewodztwo", "gmina", "status")})
    page.wait_for_function(
        f"() => Object.entries({fields}).every(([n, v]) => document.querySelector('#pal-' + n).value === v)",
        timeout=10_000,
    )


@pytest.mark.parametrize("width", SIZES)
def test_the_choice_lives_in_the_address(browser: Browser, site_url: str, width: int) -> None:
    page = finder(browser, site_url + FINDER, width)
    assert shown(page) == set(REAL) and choice(page) == {}
    page.select_option("#pal-grupa", GROUP)
    page.wait_for_url(lambda url: "grupa=" in url)
    assert choice(page) == {"grupa": GROUP} and shown(page) == having(GROUP)
    page.select_option("#pal-status", STATUS)
    page.wait_for_url(lambda url: "status=" in url)
    assert choice(page) == {"grupa": GROUP, "status": STATUS}
    assert shown(page) == having(GROUP, code=STATUS)
    page.reload()
    wait_ready(page)
    assert chosen(page) == {"grupa": GROUP, "status": STATUS}
    assert shown(page) == having(GROUP, code=STATUS)
    page.go_back()
    wait_for_choice(page, {"grupa": GROUP})
    assert choice(page) == {"grupa": GROUP} and shown(page) == having(GROUP)
    page.go_back()
    wait_for_choice(page, {})
    assert choice(page) == {} and shown(page) == set(REAL)
    page.context.close()


@pytest.mark.parametrize("width", SIZES)
def test_a_shared_address_shows_the_same_results(browser: Browser, site_url: str, width: int) -> None:
    url = max(REAL, key=lambda u: len(groups_of(REAL[u])))
    wanted = {
        "grupa": sorted(groups_of(REAL[url]))[0],
        "wojewodztwo": municipality_of(url)["wojewodztwo"],
        "gmina": url.split("/")[1],
        "status": status_code(url),
    }
    page = finder(browser, f"{site_url}{FINDER}?{urlencode(wanted)}", width)  # a fresh context
    assert chosen(page) == wanted and choice(page) == wanted
    found = having(wanted["grupa"], wanted["wojewodztwo"], wanted["gmina"], wanted["status"])
    assert url in found and shown(page) == found
    page.context.close()


def test_each_result_says_what_the_programme_offers(browser: Browser, site_url: str) -> None:
    page = finder(browser, site_url + FINDER, 1280)
    results = page.eval_on_selector_all(
        "#pal-dla-mnie-wyniki li",
        "items => items.map(li => [li.querySelector('h2 a').href,"
        " [...li.querySelectorAll('p')].map(p => p.innerText)])",
    )
    assert len(results) == len(REAL)
    for href, lines in results:
        url = urlsplit(href).path.strip("/")
        record = REAL[url]
        goal = " ".join(record["cel_glowny"]["tresc"].split()) if record.get("cel_glowny") else None
        groups = [term["nazwa"] for term in VOCABULARY if term["id"] in groups_of(record)]
        facts = {line.split(": ", 1)[0]: line.split(": ", 1)[1] for line in lines[1:]}
        assert set(facts) == {"Cel główny", "Dla kogo"}, url
        assert facts["Dla kogo"] == (" · ".join(groups) or missing(record)), url
        shown_goal = facts["Cel główny"]
        if goal is None:
            assert shown_goal == missing(record), url
        elif len(goal) <= 160:
            assert shown_goal == goal, url
        else:  # shortened at the end of a word, to about 160 characters
            stem = shown_goal.removesuffix("…")
            assert shown_goal.endswith("…") and goal.startswith(stem), url
            assert 100 <= len(stem) <= 160 and not goal[len(stem)].isalnum(), url
        assert status(url, record, AS_OF) in lines[0] and municipality_of(url)["nazwa_krotka"] in lines[0]
    page.context.close()


def test_only_groups_with_programmes_and_every_status_are_offered(
    browser: Browser, site_url: str, data: dict
) -> None:
    page = finder(browser, site_url + FINDER, 1280)
    offered = page.eval_on_selector_all("#pal-grupa option", "options => options.map(o => o.value)")
    used = {data["grupy"][i]["id"] for row in data["programy"] for i in row["grupy"]}
    assert offered[0] == "" and offered[1:] == [g["id"] for g in data["grupy"] if g["id"] in used]
    in_records = {g for record in REAL.values() for g in groups_of(record)}
    assert offered[1:] == [term["id"] for term in VOCABULARY if term["id"] in in_records]
    statuses = page.eval_on_selector_all(
        "#pal-status option", "options => options.map(o => [o.value, o.text])"
    )
    assert statuses[0] == ["", "każdy status"]
    assert sorted(code for code, _ in statuses[1:]) == sorted(s.code for s in Status)
    labels = {s.code: s.label for s in Status}
    for code, text in statuses[1:]:
        count = sum(status_code(url) == code for url in REAL)
        assert text == f"{labels[code]} ({count})"
    page.context.close()


@pytest.mark.parametrize("width", SIZES)
def test_controls_are_large_enough_and_the_page_is_accessible(
    browser: Browser, site_url: str, width: int
) -> None:
    page = finder(browser, f"{site_url}{FINDER}?{urlencode({'grupa': GROUP})}", width)
    controls = page.locator("#pal-dla-mnie select, #pal-dla-mnie button, #pal-dla-mnie input")
    links = page.locator("#pal-dla-mnie-wyniki h2 a")
    assert controls.count() >= 5 and links.count() == len(having(GROUP))
    for locator in (controls, links):
        for i in range(locator.count()):
            box = locator.nth(i).bounding_box()
            assert box and box["width"] >= 24 and box["height"] >= 24, (locator.nth(i).inner_text(), box)
    sizes = page.eval_on_selector_all(
        "#pal-dla-mnie label, #pal-dla-mnie select, #pal-dla-mnie-wyniki p",
        "els => els.map(e => parseFloat(getComputedStyle(e).fontSize))",
    )
    assert min(sizes) >= 16
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    violations = axe_violations(page)
    assert violations == [], json.dumps(violations, ensure_ascii=False, indent=1)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"dla-mieszkancow-{width}.png"), full_page=True)
    page.context.close()


def test_values_the_form_does_not_offer_are_ignored(browser: Browser, site_url: str) -> None:
    hostile = {
        "grupa": '<img src=x onerror="window.__wstrzykniety=1">',
        "wojewodztwo": "nie-ma-takiego",
        "gmina": '"><b id="wstrzykniety">x</b>',
        "status": "obowiazujacy<script>",
    }
    page = finder(browser, f"{site_url}{FINDER}?{urlencode(hostile)}#grupy", 1280)
    assert chosen(page) == {} and shown(page) == set(REAL)
    assert urlsplit(page.url).query == "" and urlsplit(page.url).fragment == "grupy"
    assert page.locator("article img, #wstrzykniety").count() == 0
    assert page.evaluate("window.__wstrzykniety") is None
    page.context.close()


def test_without_javascript_the_page_is_a_plain_list(
    browser: Browser, site_url: str, real_site: Path
) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 800})
    page = context.new_page()
    page.goto(f"{site_url}{FINDER}?{urlencode({'grupa': GROUP})}")
    assert page.locator("#pal-dla-mnie").is_hidden()
    assert page.locator(".pal-bez-js").is_visible()
    groups = page.locator("#grupy ~ ul").first.locator("a")
    assert groups.count() == len(VOCABULARY) and groups.first.is_visible()
    assert [groups.nth(i).inner_text() for i in range(groups.count())] == [t["nazwa"] for t in VOCABULARY]
    regions = {municipality_of(url)["wojewodztwo"] for url in REAL}
    places = page.locator("#gminy ~ ul").first.locator("a")
    assert sorted(places.nth(i).inner_text() for i in range(places.count())) == sorted(
        f"województwo {r}" for r in regions
    )
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dla-mieszkancow-bez-js.png"), full_page=True)
    context.close()
