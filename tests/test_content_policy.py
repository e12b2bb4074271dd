"""Every page carries a Content-Security-Policy: the site's own pages run under it untouched, and a
script or handler put into a page after the build does not run."""

from __future__ import annotations

import base64
import hashlib
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote_plus

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser

from browser import open_page, policy_violations, serve
from pages import folded, municipality_of, records
from palarchiwum.build.content_policy import inline_scripts, with_content_policy

URL, _ = records()[0]
PROGRAMME = f"{URL}/"
QUERY = folded(municipality_of(URL)["nazwa_krotka"]).lower()  # the name as typed without Polish letters


def policy_of(html: str) -> dict[str, list[str]]:
    soup = BeautifulSoup(html, "html.parser")
    metas = soup.find_all("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert len(metas) == 1
    directives = [d.split() for d in metas[0]["content"].split(";")]
    return {d[0]: d[1:] for d in directives if d}


def sha256(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


def test_every_page_has_a_policy_before_its_first_script_and_no_unsafe_inline(real_site: Path) -> None:
    pages = sorted(real_site.rglob("*.html"))
    assert len(pages) > 100
    for page in pages:
        html = page.read_text(encoding="utf-8")
        policy = policy_of(html)
        assert html.index('http-equiv="Content-Security-Policy"') < html.index("<script"), page
        scripts = policy["script-src"]
        assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts, page
        assert policy["default-src"] == ["'none'"] and policy["object-src"] == ["'none'"]
        for directive in ("style-src", "font-src", "connect-src"):
            assert policy[directive] == ["'self'"], (page, directive)
        assert policy["img-src"] == ["'self'", "data:"]
        # Each inline script of the theme is allowed by its own hash, and nothing else is.
        hashes = {sha256(script) for script in inline_scripts(html)}
        assert {s for s in scripts if s.startswith("'sha256-")} == hashes, page
        assert " style=" not in html.split("<body", 1)[1], page  # style-src 'self' blocks them


def test_a_script_in_a_page_s_content_is_never_allowed_by_a_hash() -> None:
    page = (
        '<head><meta http-equiv="Content-Security-Policy" content="pal-archiwum-polityka-tresci">'
        "<script>theme()</script></head><body><script>injected()</script></body>"
    )
    policy = policy_of(with_content_policy(page, "<p>x</p><script>injected()</script>"))
    assert sha256("theme()") in policy["script-src"]
    assert sha256("injected()") not in policy["script-src"]


@pytest.fixture(scope="module")
def site_url(real_site: Path) -> Iterator[str]:
    yield from serve(real_site)


@pytest.mark.parametrize(
    "address",
    ["", PROGRAMME, "szukaj/?q=bezrobotni", "dla-mieszkancow/", "dla-organizacji/", "nie-ma-tej-strony/"],
)
def test_the_site_s_own_pages_raise_no_violation(browser: Browser, site_url: str, address: str) -> None:
    page, _ = open_page(browser, site_url + address)
    page.mouse.wheel(0, 4000)
    page.wait_for_timeout(300)
    assert policy_violations(page) == []
    page.context.close()


def test_search_says_it_needs_javascript_only_where_scripts_do_not_run(
    browser: Browser, site_url: str
) -> None:
    page, _ = open_page(browser, site_url + f"szukaj/?q={quote_plus(QUERY)}")
    assert page.locator(".pal-bez-js").is_hidden()
    assert page.locator("#pal-wyniki li").count() > 0  # the search ran under the policy
    page.context.close()
    context = browser.new_context(java_script_enabled=False)
    plain = context.new_page()
    plain.goto(site_url + "szukaj/")
    assert plain.locator(".pal-bez-js").is_visible()
    context.close()


def test_a_script_and_handlers_injected_after_the_build_do_not_run(
    browser: Browser, real_site: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    shutil.copytree(real_site, site)
    target = site / PROGRAMME / "index.html"
    html = target.read_text(encoding="utf-8")
    injected = (
        '<img src="../../../assets/bip.svg" alt="" onload="document.title=\'złamane-1\'">'
        "<script>document.title='złamane-2'</script>"
        '<a id="wstrzykniety" href="#" onclick="document.title=\'złamane-3\'">kliknij</a>'
        '<script src="https://t.example/skrypt.js"></script>'
    )
    target.write_text(html.replace("<article", injected + "<article", 1), encoding="utf-8")
    served = serve(site)
    url = next(served)
    page, _ = open_page(browser, url + PROGRAMME)
    title = page.title()
    page.click("#wstrzykniety")
    page.wait_for_timeout(300)
    assert page.title() == title and "złamane" not in title
    blocked = " ".join(policy_violations(page))
    assert "script-src-attr" in blocked and "script-src-elem" in blocked, blocked
    assert "https://t.example/skrypt.js" in blocked  # blocked before any connection
    page.context.close()
    next(served, None)
