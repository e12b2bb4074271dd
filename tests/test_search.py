"""Search in Polish, in a real browser: Polish letters, "ł", inflected forms, ranking, snippets,
filters, suggestions, caching, keyboard only."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import parse_qs, quote_plus, urlsplit

import pytest
import yaml
from playwright.sync_api import Browser, Page

from browser import (
    ARTIFACTS,
    SEARCH_DONE,
    as_function,
    axe_violations,
    find,
    open_page,
    over_the_network,
    serve,
)
from conftest import PROGRAMME_MD, built_once, copy_project, run_build, set_archive_option, write_archive
from pages import PROGRAMMES, folded, municipalities, records, soup
from palarchiwum.search.pagefind_index import LARGE_INDEX, automatic_part_size
from palarchiwum.search.pagefind_index import PART_SIZE as DEFAULT_PART_SIZE
from palarchiwum.search.searchable_pages import indexed_spelling
from palarchiwum.search.suggestion_words import SuggestionWords, shard_of

# A programme whose text has the words "żłobek" and "bezdomność" (the real archive may have them too).
SEARCH_MD = (
    PROGRAMME_MD
    + """
## V. Działania dodatkowe

Gmina utworzy żłobek gminny dla dzieci rodziców, którzy wracają do pracy. Bezdomność jest
problemem gminy, dlatego program obejmuje przeciwdziałanie bezdomności.
"""
)
PRZYKLADOWO = "programy/1234562-przykladowo/pal-2020-2022"
REAL = records()
L_STROKE = "łŁ"  # no Unicode decomposition: folding it takes a rule of its own
POLISH_LETTER = re.compile(r"[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]")
PROGRAMME_PAGE = re.compile(r"programy/\d{7}-[^/]+/[^/]+")


def _named(test: Callable[[str], bool]) -> tuple[str, str, set[str]]:
    """The short name and folder of the first municipality whose name passes `test`, and its programmes."""
    for folder, gmina in municipalities().items():
        name = gmina["nazwa_krotka"]
        if test(name):
            return name, folder, {url for url, _ in REAL if url.split("/")[1] == folder}
    raise AssertionError("no municipality of the archive has such a name: the test needs one")


# A name with Polish letters that decompose (ę, ó, …), and a name with "ł".
ACCENTED, ACCENTED_FOLDER, ACCENTED_PROGRAMMES = _named(
    lambda n: folded(n) != n and not set(L_STROKE) & set(n)
)
STROKED, STROKED_FOLDER, STROKED_PROGRAMMES = _named(lambda n: bool(set(L_STROKE) & set(n)))


def _texts() -> dict[str, str]:
    """Each real programme's record and text, by its page."""
    return {
        url: " ".join(
            (PROGRAMMES / url.removeprefix("programy/") / name).read_text(encoding="utf-8")
            for name in ("programme.md", "programme.yml")
        )
        for url, _ in REAL
    }


def _saying(*forms: str) -> set[str]:
    """The real programmes whose record or text has one of the word `forms`."""
    return {
        url
        for url, text in _texts().items()
        if any(re.search(rf"\b{form}\b", text, re.IGNORECASE) for form in forms)
    }


def real_archive_and_przykladowo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real archive and the Przykładowo programme (with "żłobek" in its text), built once for
    the whole run (test_taxonomy reads it too); returns the site folder."""

    def build(folder: Path) -> Path:
        project = copy_project(folder / "projekt")
        write_archive(project / "programmes", text=SEARCH_MD)
        result = run_build(project)
        assert result.returncode == 0, result.stderr
        return project / "site"

    return built_once(tmp_path_factory, "szukaj", build)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return real_archive_and_przykladowo(tmp_path_factory)


@pytest.fixture(scope="module")
def search_url(built: Path) -> Iterator[str]:
    yield from serve(built)


@pytest.fixture(scope="module")
def search_in_parts(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The same archive with its search index in parts of at most PART_SIZE pages."""
    project = copy_project(tmp_path_factory.mktemp("szukaj-czesci") / "projekt")
    write_archive(project / "programmes", text=SEARCH_MD)
    set_archive_option(project, f"stron_w_czesci_indeksu: {PART_SIZE}")
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    for url in serve(project / "site"):
        yield project / "site", url


PART_SIZE = 7  # pages of the archive per part, besides the dictionary page


def search(page: Page, base: str, query: str) -> tuple[str, list[str]]:
    """The status line and the site paths of every result, after showing them all."""
    page.goto(f"{base}szukaj/?q={quote_plus(query)}")
    page.wait_for_function(as_function(SEARCH_DONE))
    return page.locator("#pal-szukaj-stan").inner_text(), shown_results(page)


def shown_results(page: Page) -> list[str]:
    more = page.locator("#pal-wiecej")
    while more.is_visible():
        shown = page.locator("#pal-wyniki > li").count()
        more.click()
        page.wait_for_function(as_function(f"document.querySelectorAll('#pal-wyniki > li').length > {shown}"))
    hrefs = page.eval_on_selector_all("#pal-wyniki > li > h2 a", "links => links.map(a => a.pathname)")
    return [h.strip("/") for h in hrefs]


@pytest.fixture(scope="module")
def search_page(browser: Browser, search_url: str) -> Iterator[Page]:
    """One search page, for the tests that call the page's search code directly."""
    page, _ = open_page(browser, search_url + "szukaj/")
    yield page
    page.context.close()


def typed(text: str) -> str:
    """A query as typed without Polish letters."""
    return folded(text).lower()


def programmes(paths: list[str]) -> set[str]:
    return {p for p in paths if PROGRAMME_PAGE.fullmatch(p)}


def test_every_word_with_polish_letters_finds_the_same_pages_without_them(search_page: Page) -> None:
    words: set[str] = set()  # every distinct word with a Polish letter of the texts, as written
    documents = [
        (PROGRAMMES / u.removeprefix("programy/") / "programme.md").read_text("utf-8") for u, _ in REAL
    ]
    for text in [*documents, SEARCH_MD]:
        words |= {w for w in re.findall(r"[^\W\d_]+", text) if POLISH_LETTER.search(w)}
    ordered = sorted(words)
    assert any(set(L_STROKE) & set(w) for w in ordered) and len(ordered) > 100
    as_written = find(search_page, ordered, paths=False)
    as_typed = find(search_page, [typed(w) for w in ordered], paths=False)
    differ = [w for w, a, b in zip(ordered, as_written, as_typed, strict=True) if a != b]
    unfound = [w for w, a in zip(ordered, as_written, strict=True) if not a]
    assert not differ, differ[:10]
    assert not unfound, unfound[:10]  # every word of the archive finds the page that has it


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (typed(ACCENTED), ACCENTED_PROGRAMMES),  # no diacritics
        (ACCENTED, ACCENTED_PROGRAMMES),
        ("bezdomnosc", {PRZYKLADOWO} | _saying("bezdomność", "bezdomności")),
        ("zlobek", {PRZYKLADOWO} | _saying("żłobek")),  # "ł" has no Unicode decomposition: żłobek
        (typed(STROKED), STROKED_PROGRAMMES),  # a name with "ł"
        (STROKED.upper(), STROKED_PROGRAMMES),  # "Ł" too
    ],
)
def test_a_query_without_polish_letters_finds_words_with_them(
    search_page: Page, query: str, expected: set[str]
) -> None:
    [found] = find(search_page, [query])
    assert expected <= programmes(found), found
    places = {"gminy/" + p.split("/")[1] for p in expected}
    # First, a page the word names: a programme, its municipality, or a topic of that word.
    stem = typed(query)[:6]
    topics = {path for path, label in _term_labels().items() if stem in typed(label)}
    assert found[0] in expected | places | topics, (found[:3], len(found))


@pytest.mark.parametrize("name", [ACCENTED, STROKED])
def test_a_name_typed_without_polish_letters_finds_what_the_name_finds(
    browser: Browser, search_url: str, name: str
) -> None:
    page, _ = open_page(browser, search_url + "szukaj/")
    _, as_written = search(page, search_url, name)
    _, as_typed = search(page, search_url, typed(name))
    assert as_written and as_typed == as_written  # the same pages, in the same order
    page.context.close()


def _statuses(site: Path) -> dict[str, str]:
    """Each programme page's status code, from the archive's open data."""
    data = json.loads((site / "dane" / "programy.json").read_text(encoding="utf-8"))
    return {f"programy/{p['id']}": p["status"]["kod"] for p in data["programy"]}


def _regions(site: Path) -> dict[str, str]:
    """Each programme page's voivodeship, from the archive's open data."""
    data = json.loads((site / "dane" / "programy.json").read_text(encoding="utf-8"))
    return {f"programy/{p['id']}": p["gmina"]["wojewodztwo"] for p in data["programy"]}


def _status_order(site: Path) -> list[str]:
    return list(json.loads((site / "pagefind" / "filtry.json").read_text(encoding="utf-8"))["status"])


def test_a_municipalitys_name_lists_its_page_then_its_programmes_in_force_first(
    search_page: Page, built: Path
) -> None:
    statuses, order = _statuses(built), _status_order(built)
    names = [g["nazwa_krotka"] for g in municipalities().values()]
    for (folder, gmina), found in zip(municipalities().items(), find(search_page, names), strict=True):
        own = sorted(
            (u for u, _ in REAL if u.split("/")[1] == folder), key=lambda u: order.index(statuses[u])
        )
        assert found[0] == f"gminy/{folder}", (gmina["nazwa_krotka"], found[:4])
        ranks = [order.index(statuses[u]) for u in found[1 : 1 + len(own)]]
        assert set(found[1 : 1 + len(own)]) == set(own) and ranks == sorted(ranks), (
            gmina["nazwa_krotka"],
            found,
        )


def _term_labels() -> dict[str, str]:
    """Each term page's path, with the term's label."""
    labels = {}
    for vocabulary in sorted((PROGRAMMES / "slowniki").glob("*.yml")):
        for term in yaml.safe_load(vocabulary.read_text(encoding="utf-8"))["terminy"]:
            labels[f"{vocabulary.stem}/{term['id']}"] = term["nazwa"]
    return labels


def test_programmes_rank_above_topics_and_archive_pages_in_force_first(
    search_page: Page, built: Path
) -> None:
    statuses, order, labels = _statuses(built), _status_order(built), _term_labels()
    # Words of many programmes that name no municipality or programme.
    for query in ("rodzin", "mieszkańców", "bezrobotnych"):
        [found] = find(search_page, [query])
        stem = typed(query)[:5]
        # A topic whose label has the word may be a page the query names, listed first.
        named = [p for p in found if any(w.startswith(stem) for w in typed(labels.get(p, "")).split())]
        rest = [p for p in found if p not in named]
        kinds = ["program" if PROGRAMME_PAGE.fullmatch(p) else "inna" for p in rest]
        assert "program" in kinds and "inna" in kinds, (query, found)
        assert kinds == sorted(kinds, key=lambda k: k != "program"), (query, rest)
        ranks = [order.index(statuses[p]) for p in rest if p in statuses]
        assert ranks == sorted(ranks), (query, rest)


def test_clerks_pages_come_only_when_the_query_names_them(search_page: Page) -> None:
    guide = "dla-redakcji"
    # A word of the clerks' guide (its command names) that is not in its title.
    without, named = find(search_page, ["zalacz", "dla redakcji"])
    assert guide not in without, without
    assert guide in named[:3], named  # with the page „Redakcja”, also named by the query


def test_snippets_come_from_the_documents_own_text_with_the_match_marked(
    browser: Browser, search_url: str, built: Path
) -> None:
    page, _ = open_page(browser, search_url + "szukaj/")
    search(page, search_url, "bezrobotnych")
    items = page.locator("#pal-wyniki > li")
    checked = 0
    for i in range(items.count()):
        item = items.nth(i)
        path = item.locator("h2 a").evaluate("a => a.pathname").strip("/")
        if not PROGRAMME_PAGE.fullmatch(path):
            continue
        html = soup(built, path)
        document = re.findall(
            r"\w+", f"{html.h1.get_text(' ')} {html.select_one('.pal-dokument').get_text(' ')}"
        )
        for snippet in item.locator(".pal-wynik__fragment").all():
            words = re.findall(r"\w+", snippet.inner_text())
            assert snippet.locator("mark").count() > 0, snippet.inner_text()
            assert any(document[k : k + len(words)] == words for k in range(len(document))), (path, words)
            checked += 1
    assert checked >= 2, checked
    assert not page.locator("#pal-brak").is_visible()  # "nothing found" only when nothing is
    texts = " ".join(page.locator(".pal-wynik__fragment").all_inner_texts())
    for label in ("w tekście", "W skrócie", "Kto prowadzi", "w dokumencie:", "Dla kogo"):
        assert label not in texts
    ARTIFACTS.mkdir(exist_ok=True)
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(ARTIFACTS / "szukaj-fragmenty.png"))
    page.context.close()


def test_filters_narrow_the_results_and_live_in_the_address(
    browser: Browser, search_url: str, built: Path
) -> None:
    statuses = _statuses(built)
    status = max(set(statuses.values()), key=list(statuses.values()).count)  # the commonest status
    page, _ = open_page(browser, search_url + "szukaj/?q=program", width=360)

    def choose(select: str, value: str) -> list[str]:
        page.select_option(select, value)
        page.wait_for_url(re.compile(rf"[?&]{page.locator(select).get_attribute('name')}="))
        page.wait_for_function(as_function(SEARCH_DONE))
        return shown_results(page)

    everything = shown_results(page)
    assert programmes(everything) and set(everything) - programmes(everything)
    label = page.locator("#pal-f-rodzaj option[value=program]").inner_text()
    assert label == f"programy ({len(programmes(everything))})", label
    only_programmes = choose("#pal-f-rodzaj", "program")
    assert set(only_programmes) == programmes(everything)
    in_status = choose("#pal-f-status", status)
    assert in_status and {statuses[p] for p in in_status} == {status}
    assert set(in_status) == {p for p in only_programmes if statuses[p] == status}
    query = parse_qs(urlsplit(page.url).query)
    assert query == {"q": ["program"], "rodzaj": ["program"], "status": [status]}, query
    assert not axe_violations(page)
    ARTIFACTS.mkdir(exist_ok=True)
    page.evaluate("window.scrollTo(0, 0)")
    page.wait_for_timeout(400)  # the theme's header changes its title as the page scrolls
    page.screenshot(path=str(ARTIFACTS / "szukaj-filtry-360.png"))
    page.reload()  # a shared or bookmarked address gives the same results, the controls set
    page.wait_for_function(as_function(SEARCH_DONE))
    assert shown_results(page) == in_status
    assert page.locator("#pal-f-status").input_value() == status
    page.go_back()
    page.wait_for_function(as_function(f"!location.search.includes('status=') && {SEARCH_DONE}"))
    assert set(shown_results(page)) == set(only_programmes)
    voivodeship = municipalities()[ACCENTED_FOLDER]["wojewodztwo"]
    in_region = choose("#pal-f-wojewodztwo", voivodeship)
    assert in_region and {_regions(built)[p] for p in in_region} == {voivodeship}
    page.context.close()


def test_a_query_that_finds_nothing_suggests_the_closest_words_and_ways_to_browse(
    browser: Browser, search_url: str
) -> None:
    page, _ = open_page(browser, search_url + "szukaj/")
    name = typed(ACCENTED)
    misspelt = name[:2] + name[3:]  # a letter left out
    status, found = search(page, search_url, misspelt)
    assert status.startswith("Brak wyników") and not found
    suggestions = page.locator("#pal-podpowiedzi a")
    assert typed(suggestions.first.inner_text()) == name, page.locator("#pal-podpowiedzi").inner_text()
    browse = page.eval_on_selector_all("#pal-brak a", "links => links.map(a => a.pathname)")
    for listing in ("/programy/", "/gminy/", "/tematy/", "/dla-mieszkancow/"):
        assert any(path.endswith(listing) for path in browse), browse
    assert not axe_violations(page)
    suggestions.first.click()
    page.wait_for_function(as_function(f"location.search.includes('q=') && {SEARCH_DONE}"))
    assert shown_results(page)[0] == f"gminy/{ACCENTED_FOLDER}"
    status, _ = search(page, search_url, "zqwerty")
    assert status.startswith("Brak wyników") and page.locator("#pal-brak").is_visible()
    page.context.close()


def test_the_index_is_fetched_once_and_kept_by_the_browser(browser: Browser, built: Path) -> None:
    version = soup(built, "szukaj").find("meta", attrs={"name": "pal-wersja-indeksu"})["content"]
    for base in serve(built, cache_seconds=600):  # what GitHub Pages says of every file
        first, second = over_the_network(browser, base, [typed(ACCENTED), typed(STROKED)])
        entry = [u for u in first if "pagefind-entry.json" in u]
        assert entry and all(u.endswith(f"?ts={version}") for u in entry), entry
        assert not [u for u in second if "pagefind-entry.json" in u or "pf_meta" in u or "wasm" in u], second
        print(f"over the network: first query {sum(first.values()):,} B, second {sum(second.values()):,} B")


def test_a_word_missing_from_the_archive_finds_nothing(search_page: Page) -> None:
    # Pagefind would fall back to the longest indexed prefix ("z", "w") and list unrelated pages.
    # A real Polish word the archive's texts do not have (the first of a few, as the archive grows).
    absent = next(
        w for w in ("wodociąg", "akwedukt", "wulkanizacja", "szybowisko") if not _saying(w + r"\w*")
    )
    assert find(search_page, ["zqwerty", absent]) == [[], []]


def test_inflected_forms_find_each_other(search_page: Page) -> None:
    plural_genitive, plural_nominative = find(search_page, ["bezrobotnych", "bezrobotni"])
    # Some real texts say "bezrobotnych", the Przykładowo text "bezrobotne".
    saying = _saying("bezrobotnych")
    assert saying, "no real programme says 'bezrobotnych': the test needs one"
    assert saying | {PRZYKLADOWO} <= programmes(plural_genitive)
    assert programmes(plural_genitive) == programmes(plural_nominative)


def test_search_is_reachable_and_usable_with_the_keyboard_only(browser: Browser, search_url: str) -> None:
    page, _ = open_page(browser, search_url)
    for _ in range(3):  # the skip link, the BIP mark, then the search field
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "pal-szukaj-pasek":
            break
    assert page.evaluate("document.activeElement.id") == "pal-szukaj-pasek"
    page.keyboard.type("zlobek gminny")
    page.keyboard.press("Enter")
    page.wait_for_url("**/szukaj/?q=zlobek+gminny")
    page.wait_for_function(as_function("document.querySelectorAll('#pal-wyniki > li').length > 0"))
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "szukaj-zlobek.png"), full_page=True)
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('#pal-wyniki')"):
            break
    assert page.evaluate("document.activeElement.closest('#pal-wyniki h2') !== null")
    first = page.evaluate("document.activeElement.pathname")
    assert first == page.eval_on_selector("#pal-wyniki h2 a", "a => a.pathname")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{first}")
    assert "żłobek" in page.locator("article").inner_text().lower()
    page.context.close()


def test_a_large_index_is_built_in_parts_of_bounded_size(search_in_parts: tuple[Path, str]) -> None:
    site, _ = search_in_parts
    parts = json.loads((site / "pagefind" / "czesci.json").read_text(encoding="utf-8"))
    folders = ["pagefind/", *parts]
    assert len(folders) >= 3, folders
    assert folders == ["pagefind/", *[f"pagefind-{n}/" for n in range(2, len(folders) + 1)]]
    counts = []
    for folder in folders:
        entry = json.loads((site / folder / "pagefind-entry.json").read_text(encoding="utf-8"))
        counts.append(sum(language["page_count"] for language in entry["languages"].values()) - 1)
    assert all(0 < count <= PART_SIZE for count in counts), counts
    assert counts[:-1] == [PART_SIZE] * (len(counts) - 1)  # parts fill up in order


def test_an_archive_of_1000_programmes_is_one_part_and_a_larger_one_smaller_parts() -> None:
    # 1,000 programmes are 1,424 searchable pages: one part, the fewest downloads per query.
    assert automatic_part_size(1424) == DEFAULT_PART_SIZE >= 1424
    assert automatic_part_size(LARGE_INDEX) == DEFAULT_PART_SIZE
    # 10,000 programmes: smaller parts, so that Pagefind and the build fit in 2 GB together.
    assert automatic_part_size(14_000) < DEFAULT_PART_SIZE


def test_an_index_in_parts_finds_what_one_index_finds(
    browser: Browser, search_page: Page, search_in_parts: tuple[Path, str]
) -> None:
    words = [typed(ACCENTED), "zlobek", typed(STROKED), "bezrobotni", "program", ACCENTED + " program"]
    whole = find(search_page, words)
    _, url = search_in_parts
    page, _ = open_page(browser, url + "szukaj/")
    in_parts = find(page, words)
    assert all(whole), whole
    # The same pages; the order within a group follows Pagefind's scores, which weigh a word
    # by how many pages of its own part have it.
    assert [sorted(f) for f in in_parts] == [sorted(f) for f in whole]
    assert [f[0] for f in in_parts] == [f[0] for f in whole]
    page.context.close()


def test_a_failing_indexer_stops_the_build_with_a_clear_message(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "projekt", municipalities=[ACCENTED_FOLDER])  # any will do
    fake = tmp_path / "zepsuty" / "pagefind"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("")
    (fake / "__main__.py").write_text("import sys\nsys.exit('Error: cannot read site folder')\n")
    result = run_build(project, env={"PYTHONPATH": str(fake.parent)})
    assert result.returncode != 0
    assert "wyszukiwarka: pagefind nie zbudował indeksu (Error: cannot read site folder)" in result.stderr
    assert "bash scripts/setup" in result.stderr
    assert "Traceback" not in result.stderr


def test_l_stroke_is_indexed_as_an_l_that_folds_like_the_other_polish_letters() -> None:
    spelled = indexed_spelling("Żłobek w Kłobucku, ŁÓDŹ")
    assert "ł" not in spelled and "Ł" not in spelled
    assert typed(spelled.replace("\u0337", "")) == typed("Żłobek w Kłobucku, ŁÓDŹ")


def test_suggestion_words_are_written_by_their_first_two_letters(tmp_path: Path) -> None:
    words = SuggestionWords()
    words.add("Kętrzyn i [Kętrzynie](../ketrzyn/){ .klasa } <span class='x'>Łódź</span> 2021")
    words.add("Kętrzyn")
    assert words.write(tmp_path) == 2
    assert json.loads((tmp_path / "slowa" / "ke.json").read_text()) == [["kętrzyn", 2], ["kętrzynie", 1]]
    assert json.loads((tmp_path / "slowa" / f"{shard_of('łódź')}.json").read_text()) == [["łódź", 1]]
