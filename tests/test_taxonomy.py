"""Term pages, the logic view and the ways across programmes, read from built sites."""

from __future__ import annotations

import re
import shutil
from collections import defaultdict
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup, Tag

from conftest import AS_OF, GMINA_YML, PROGRAMME_MD, PROGRAMME_YML, copy_project, run_build, write_archive
from pages import (
    PROGRAMMES,
    article_text,
    group_headings,
    plain,
    plural,
    programme_links,
    records,
    section_text,
    soup,
    status,
    target,
)
from test_search import real_archive_and_przykladowo

# Which vocabulary each record section's items draw their terms from, and in which field.
FIELDS = {
    "cel_glowny": ("cele", "tematy"),
    "cele": ("cele", "tematy"),
    "dzialania": ("cele", "tematy"),
    "adresaci": ("adresaci", "grupy"),
    "rezultaty": ("rezultaty", "rodzaje"),
    "partnerzy": ("partnerzy", "rodzaje"),
    "finansowanie": ("finansowanie", "zrodla"),
}
VOCABULARIES = ("adresaci", "cele", "rezultaty", "partnerzy", "finansowanie")
NEW = "programy/1234562-przykladowo/pal-2020-2022"
# The programme titles of a term page's listing (not the "w tekście" links under them).
LISTED = "#programy ~ ul > li > a, #programy ~ * ul > li > a"


def carried(record: dict) -> dict[tuple[str, str], list[dict]]:
    """(vocabulary, term) → the record's items carrying it, read straight from the YAML."""
    found: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for section, (vocabulary, field) in FIELDS.items():
        items = record.get(section) or []
        for item in [items] if isinstance(items, dict) else items:
            for term in item[field]:
                found[(vocabulary, term)].append(item)
    return found


def expected(archive: list[tuple[str, dict]]) -> dict[tuple[str, str], set[str]]:
    programmes: dict[tuple[str, str], set[str]] = defaultdict(set)
    for url, record in archive:
        for key in carried(record):
            programmes[key].add(url)
    return programmes


def vocabulary_entries(vocabulary: str) -> list[dict]:
    text = (PROGRAMMES / "slowniki" / f"{vocabulary}.yml").read_text(encoding="utf-8")
    return yaml.safe_load(text)["terminy"]


def vocabulary_terms(vocabulary: str) -> list[str]:
    return [t["id"] for t in vocabulary_entries(vocabulary)]


def in_force(urls: set[str], archive: list[tuple[str, dict]]) -> set[str]:
    """Those of `urls` in force on the as-of date."""
    by_url = dict(archive)
    return {url for url in urls if status(url, by_url[url], AS_OF, archive) == "obowiązujący"}


def count(urls: set[str]) -> str:
    return plural(len(urls), "program", "programy", "programów")


REAL = records()
WANTED = expected(REAL)
# The addressee term of most programmes, and the one of most programmes in force and not.
BUSIEST_GROUP = max(vocabulary_terms("adresaci"), key=lambda t: len(WANTED.get(("adresaci", t), ())))
MIXED_GROUP = max(
    vocabulary_terms("adresaci"),
    key=lambda t: (
        bool(in_force(WANTED.get(("adresaci", t), set()), REAL)),
        bool(WANTED.get(("adresaci", t), set()) - in_force(WANTED.get(("adresaci", t), set()), REAL)),
        len(WANTED.get(("adresaci", t), ())),
    ),
)


ALL_TERMS = [(v, t) for v in VOCABULARIES for t in vocabulary_terms(v)]


def listing(site: Path, url: str) -> list[str]:
    """Programme paths listed on a term's pages, first page to last, in order."""
    found = []
    more = [p.parent.relative_to(site).as_posix() for p in (site / url).glob("strona-*/index.html")]
    for page_url in [url, *sorted(more, key=lambda u: int(u.rsplit("-", 1)[1]))]:
        page = soup(site, page_url)
        found += programme_links(page, page_url, LISTED)
    return list(dict.fromkeys(found))


def entry(box: BeautifulSoup | Tag, start: str) -> Tag:
    """The list item of the logic view whose text starts with `start`."""
    return next(li for li in box.select("li") if li.get_text(" ", strip=True).startswith(start))


def test_every_term_page_lists_exactly_the_programmes_whose_records_carry_it(real_site: Path) -> None:
    wanted = expected(records())
    assert wanted, "the records carry terms"
    for vocabulary, term in ALL_TERMS:
        url = f"{vocabulary}/{term}"
        assert set(listing(real_site, url)) == wanted.get((vocabulary, term), set()), url


def test_a_term_page_quotes_each_programme_and_links_to_the_exact_place(real_site: Path) -> None:
    url = f"adresaci/{BUSIEST_GROUP}"
    more = [p.parent.relative_to(real_site).as_posix() for p in (real_site / url).glob("strona-*/index.html")]
    pages = {page_url: soup(real_site, page_url) for page_url in [url, *more]}
    text = " ".join(article_text(page) for page in pages.values())
    (term,) = [t for t in vocabulary_entries("adresaci") if t["id"] == BUSIEST_GROUP]
    assert " ".join(term["opis"].split()) in article_text(pages[url])
    assert count(WANTED[("adresaci", BUSIEST_GROUP)]) in article_text(pages[url])
    for programme_url, record in records():
        for item in carried(record).get(("adresaci", BUSIEST_GROUP), []):
            assert f"„{plain(item['brzmienie'])}”" in text
            links = {
                target(page_url, link["href"])
                for page_url, page in pages.items()
                for link in page.select(f'a[href$="#tekst-{item["id"]}"]')
            }
            assert programme_url in links, item["id"]
    for page_url, page in pages.items():
        for link in page.select('article a[href*="#tekst-"]'):
            programme = soup(real_site, target(page_url, link["href"]))
            assert programme.find(id=link["href"].split("#")[1]) is not None


def test_in_force_programmes_come_first(real_site: Path) -> None:
    url = f"adresaci/{MIXED_GROUP}"
    page = soup(real_site, url)
    having = WANTED[("adresaci", MIXED_GROUP)]
    now = in_force(having, REAL)
    listed = listing(real_site, url)
    assert set(listed) == having
    assert set(listed[: len(now)]) == now, "programmes in force are listed first"
    by_url = dict(REAL)
    groups = {status(u, by_url[u], AS_OF) for u in having}
    wanted = group_headings(groups)
    headings = [h.get_text(" ", strip=True).rstrip("¶").strip() for h in page.select("article h3")]
    assert headings == wanted


RELATED_SHOWN = 5  # per vocabulary, the terms most often carried together with a term


def test_related_terms_are_those_sharing_programmes(real_site: Path) -> None:
    url = f"adresaci/{BUSIEST_GROUP}"
    page = soup(real_site, url)
    mine = WANTED[("adresaci", BUSIEST_GROUP)]
    shared = {
        other: len(mine & programmes)
        for other, programmes in WANTED.items()
        if other != ("adresaci", BUSIEST_GROUP) and mine & programmes
    }
    listing_ = page.find(id="powiazane").find_next("dl")
    shown: dict[tuple[str, str], int] = {}
    for link in listing_.select("dd a"):
        vocabulary, term = target(url, link["href"]).split("/")
        number = re.match(r"\s*\((\d+)\)", link.next_sibling or "")
        assert number, link
        shown[(vocabulary, term)] = int(number.group(1))
    assert shown and all(shown[key] == shared.get(key) for key in shown), "counts are programmes in common"
    for vocabulary in VOCABULARIES:
        here = {key: n for key, n in shared.items() if key[0] == vocabulary}
        listed = {key: n for key, n in shown.items() if key[0] == vocabulary}
        assert len(listed) == min(RELATED_SHOWN, len(here)), vocabulary
        left_out = [n for key, n in here.items() if key not in listed]
        assert not left_out or min(listed.values()) >= max(left_out), f"{vocabulary}: the most shared first"


def test_each_vocabulary_index_lists_its_terms_with_counts(real_site: Path) -> None:
    wanted = expected(records())
    for vocabulary in VOCABULARIES:
        page = soup(real_site, vocabulary)
        rows = {
            target(vocabulary, tr.select_one("a")["href"]): tr.select("td")[-1].get_text(strip=True)
            for tr in page.select("article tbody tr")
        }
        assert set(rows) == {f"{vocabulary}/{t}" for t in vocabulary_terms(vocabulary)}
        for term in vocabulary_terms(vocabulary):
            having = wanted.get((vocabulary, term), set())
            assert rows[f"{vocabulary}/{term}"] == f"{len(having)} ({len(in_force(having, REAL))})", term
    results = soup(real_site, "rezultaty")
    assert [h.get_text(" ", strip=True).rstrip("¶").strip() for h in results.select("article h2")] == [
        "Rezultaty twarde",
        "Rezultaty miękkie",
    ]


@pytest.mark.parametrize(("url", "record"), records(), ids=[u for u, _ in records()])
def test_a_programme_page_links_every_term_it_carries(real_site: Path, url: str, record: dict) -> None:
    page = soup(real_site, url)
    links = {target(url, a["href"]) for a in page.select(".pal-wyciag a") if "://" not in a["href"]}
    assert {f"{v}/{t}" for v, t in carried(record)} <= links
    # Each item's line links the terms the record gives it.
    for section, (vocabulary, field) in FIELDS.items():
        if section == "cel_glowny" or not isinstance(record.get(section), list):
            continue
        for item in record[section]:
            line = page.find(id=f"poz-{item['id']}").parent
            shown = {target(url, a["href"]) for a in line.select("a") if not a["href"].startswith("#")}
            assert {f"{vocabulary}/{term}" for term in item[field]} <= shown, item["id"]


UNLINKED = [
    (url, record)
    for url, record in records()
    if not any(
        item.get("cele") for section in ("dzialania", "rezultaty") for item in record.get(section) or []
    )
]


def item_of(page: BeautifulSoup, item_id: str) -> Tag:
    """The list item (or answer) of the extract that holds an item's anchor."""
    return page.find(id=f"poz-{item_id}").parent


def numbered_links(item: Tag, label: str) -> list[str]:
    """The targets of the numbered links after `label:` in an item's line ("działania: 1, 3")."""
    line = item.select_one(".pal-odnosnik")
    found, after = [], False
    for node in line.children:
        text = node.get_text() if isinstance(node, Tag) else str(node)
        if isinstance(node, Tag) and node.name == "a" and after:
            found.append(node["href"])
        elif not isinstance(node, Tag):
            if f"{label}:" in text:
                after = True
            elif "·" in text:
                after = False
    return found


@pytest.mark.parametrize(("url", "record"), UNLINKED, ids=[u for u, _ in UNLINKED])
def test_a_document_without_goal_links_says_so_once_and_links_nothing(
    real_site: Path, url: str, record: dict
) -> None:
    page = soup(real_site, url)
    goals = section_text(page, "cele")
    said = "Dokument nie przypisuje działań ani rezultatów do poszczególnych celów"
    has_items = any(record.get(section) for section in ("dzialania", "rezultaty"))
    assert (said in goals) == bool(record.get("cele") and has_items), goals
    for section in ("dzialania", "rezultaty"):
        for item in record.get(section) or []:
            assert not numbered_links(item_of(page, item["id"]), "cel"), item["id"]
    for goal in record.get("cele") or []:
        assert not numbered_links(item_of(page, goal["id"]), "działania"), goal["id"]


@pytest.fixture(scope="module")
def extended(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real archive plus one new programme folder dropped in, built with no code change (the
    build test_search reads: the programme's record is PROGRAMME_YML, its text has a section more
    than PROGRAMME_MD)."""
    return real_archive_and_przykladowo(tmp_path_factory)


def test_a_new_programme_folder_appears_on_every_relevant_term_page(extended: Path) -> None:
    record = yaml.safe_load(PROGRAMME_YML)
    mine = carried(record)
    assert len(mine) == 7
    for vocabulary, term in ALL_TERMS:
        listed = NEW in listing(extended, f"{vocabulary}/{term}")
        assert listed == ((vocabulary, term) in mine), f"{vocabulary}/{term}"
    archive = [*records(), (NEW, record)]
    having = expected(archive)[("adresaci", "osoby-bezrobotne")]
    row = next(
        tr for tr in soup(extended, "adresaci").select("article tbody tr") if "Osoby bezrobotne" in tr.text
    )
    assert row.select("td")[-1].get_text(strip=True) == f"{len(having)} ({len(in_force(having, archive))})"


def test_goals_and_actions_link_each_other_as_the_record_says(extended: Path) -> None:
    page = soup(extended, NEW)
    record = yaml.safe_load(PROGRAMME_YML)
    number = {
        item["id"]: n
        for section in ("cele", "dzialania", "rezultaty")
        for n, item in enumerate(record[section], 1)
    }
    for goal in record["cele"]:
        shown = numbered_links(item_of(page, goal["id"]), "działania")
        served = [f"#poz-{a['id']}" for a in record["dzialania"] if goal["id"] in a.get("cele", [])]
        assert shown == served, goal["id"]
    for action in record["dzialania"]:
        links = item_of(page, action["id"]).select_one(".pal-odnosnik").select('a[href^="#poz-"]')
        assert [(a["href"], a.get_text()) for a in links] == [
            (f"#poz-{g}", str(number[g])) for g in action.get("cele", [])
        ]
    # The result names no goal: it links to none.
    assert not numbered_links(item_of(page, "r1"), "cel")
    # Each goal's text is on the page once, outside the full text.
    outside = page.select_one(".pal-wyciag").get_text(" ")
    for goal in record["cele"]:
        assert " ".join(outside.split()).count(plain(goal["tresc"])) == 1


def test_similar_programmes_are_listed_once_each_with_the_terms_they_share(extended: Path) -> None:
    page = soup(extended, NEW)
    archive = [*records(), (NEW, yaml.safe_load(PROGRAMME_YML))]
    by_url = dict(archive)
    mine = {key for key in carried(by_url[NEW]) if key[0] in ("adresaci", "cele")}
    rows = page.select("#podobne ~ ul > li")
    sharing = {
        url
        for url, record in archive
        if url != NEW and url.split("/")[1] != NEW.split("/")[1] and mine & set(carried(record))
    }
    assert bool(rows) == bool(sharing)
    listed, counts = [], []
    for row in rows:
        (programme,) = [u for u in programme_links(row, NEW, "a") if u in by_url]
        theirs = set(carried(by_url[programme]))
        shared = mine & theirs
        assert programme in sharing and shared
        for link in row.select("a")[1:]:
            vocabulary, term = target(NEW, link["href"]).split("/")
            assert (vocabulary, term) in shared, (programme, term)
        text = " ".join(row.get_text(" ").split())
        for vocabulary, forms in (
            ("adresaci", ("grupa", "grupy", "grup")),
            ("cele", ("temat", "tematy", "tematów")),
        ):
            n = sum(1 for key in shared if key[0] == vocabulary)
            if n:
                assert plural(n, *forms) in text, text
        listed.append(programme)
        counts.append(len(shared))
    assert len(listed) == len(set(listed)) <= 5
    assert counts == sorted(counts, reverse=True)


def test_long_term_and_municipality_listings_are_split_into_bounded_pages(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "big", parts=("mkdocs.yml", "docs", "overrides", "hooks"))
    programmes = project / "programmes"
    shutil.copytree(PROGRAMMES / "slowniki", programmes / "slowniki")
    for n in range(65):
        teryt = f"{1000000 + n}"
        write_archive(
            programmes,
            gmina=GMINA_YML.replace('"1234562"', f'"{teryt}"'),
            record=PROGRAMME_YML,
            text=PROGRAMME_MD,
            municipality=f"{teryt}-gmina-{n}",
        )
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    url = "adresaci/osoby-bezrobotne"
    pages = [url, f"{url}/strona-2", f"{url}/strona-3"]
    sizes = [
        len(programme_links(soup(site, u), u, "#programy ~ * ul > li > a, #programy ~ ul > li > a"))
        for u in pages
    ]
    assert sizes == [30, 30, 5]
    assert not (site / url / "strona-4").exists()
    assert len(listing(site, url)) == 65
    pager = soup(site, f"{url}/strona-2").select_one("nav.pal-strony")
    assert pager.select_one('[aria-current="page"]').get_text() == "2"
    assert [target(f"{url}/strona-2", a["href"]) for a in pager.select("a")] == [url, f"{url}/strona-3"]
    # The list of municipalities is paged too: a national archive has some 2,500 of them.
    rows = [len(soup(site, u).select("article tbody tr")) for u in ("gminy", "gminy/strona-2")]
    assert rows == [50, 15] and not (site / "gminy" / "strona-3").exists()
