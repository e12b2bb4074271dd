"""The real archive, built in tmp_path: what a reader finds on each page."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import AS_OF, copy_project, run_build
from pages import (
    PROGRAMMES,
    article_text,
    first_day,
    listed_programmes,
    missing,
    municipalities,
    municipality_of,
    newest_first,
    pick,
    plain,
    plural,
    polish_date,
    polish_order,
    programme_links,
    records,
    says_missing,
    section_text,
    soup,
    status,
    target,
)

REAL = records()
REAL_BY_URL = dict(REAL)
IDS = [url for url, _ in REAL]
PROGRAMME_PAGE = re.compile(r"programy/\d{7}-[^/]+/[^/]+")


def test_every_programme_in_the_repository_is_published(real_site: Path) -> None:
    assert REAL, "the repository has programmes"
    pages = {p.parent.relative_to(real_site).as_posix() for p in real_site.glob("programy/*/*/index.html")}
    assert {url for url in pages if PROGRAMME_PAGE.fullmatch(url)} == set(IDS)
    for url, record in REAL:
        title = page_title(soup(real_site, url))
        # The record's title, its quotation marks paired as Polish writes them: „…”.
        assert unquoted(title) == unquoted(plain(record["tytul"]))
        assert '"' not in title and re.fullmatch(r"[^„”]*(„[^„”]*”[^„”]*)*", title), title


QUOTES = str.maketrans("", "", '"„”“')


def unquoted(text: str) -> str:
    return text.translate(QUOTES)


def page_title(page: BeautifulSoup) -> str:
    heading = page.select_one("h1")
    for permalink in heading.select(".headerlink"):
        permalink.decompose()
    return " ".join(heading.get_text(" ").split())


@pytest.mark.parametrize(("url", "record"), REAL, ids=IDS)
def test_programme_page_shows_goals_addressees_and_results(real_site: Path, url: str, record: dict) -> None:
    page = soup(real_site, url)
    sections = {
        "cele": section_text(page, "cele"),
        "adresaci": section_text(page, "adresaci"),
        "rezultaty": section_text(page, "rezultaty"),
        "dzialania": section_text(page, "dzialania"),
        "finansowanie": section_text(page, "finansowanie"),
    }
    for key, shown in sections.items():
        items = record.get(key) or []
        for item in items:
            quote = plain(item.get("tresc") or item["brzmienie"])
            assert quote in shown, f"{key} {item['id']} is not shown in its section"
        if not items:
            assert says_missing(shown, record), (
                f"{key}: the page does not say the document gives none: {shown}"
            )
    main_goal = _text(_answer(page.select_one(".pal-skrot"), "Po co"))
    if record.get("cel_glowny"):
        assert plain(record["cel_glowny"]["tresc"]) in main_goal
    else:
        assert says_missing(main_goal, record), main_goal


@pytest.mark.parametrize(("url", "record"), REAL, ids=IDS)
def test_every_item_links_to_its_place_in_the_full_text(real_site: Path, url: str, record: dict) -> None:
    page = soup(real_site, url)
    full_text = page.select_one(".pal-tekst")
    links = {a["href"][1:] for a in page.select('a[href^="#tekst-"]')}
    expected = {
        f"tekst-{item['id']}" for key in ("cele", "adresaci", "rezultaty") for item in record.get(key) or []
    }
    assert expected <= links
    for anchor in links:
        target = full_text.find(id=anchor)
        assert target is not None, f"#{anchor} does not land in the full text"


def _term_names(vocabulary: str) -> dict[str, str]:
    data = yaml.safe_load((PROGRAMMES / "slowniki" / f"{vocabulary}.yml").read_text(encoding="utf-8"))
    return {term["id"]: term["nazwa"] for term in data["terminy"]}


def _answer(summary: BeautifulSoup, question: str) -> BeautifulSoup:
    return summary.find("dt", string=question).find_next_sibling("dd")


def _text(tag: BeautifulSoup) -> str:
    """A tag's text as read: links' words joined to the punctuation after them."""
    return re.sub(r" ([,.;:])", r"\1", " ".join(tag.get_text(" ").split()))


def _contact(details: dict) -> str:
    """How a contact (the record's, or a municipality's office or unit) reads: its name, then what
    is known, in reading order."""
    known = []
    for key in ("adres", "telefon", "email", "www", "bip", "epuap"):
        value = " ".join(str(details.get(key) or "").split())
        if value:
            known.append(
                {
                    "telefon": f"tel. {value}",
                    "bip": "Biuletyn Informacji Publicznej",
                    "epuap": f"skrytka ePUAP {value}",
                }.get(key, value)
            )
    name = details.get("nazwa") or ""
    return f"{name}: {', '.join(known)}" if name and known else name or ", ".join(known)


def _has_details(details: dict) -> bool:
    return any(details.get(k) for k in ("adres", "telefon", "email", "www", "bip", "epuap"))


@pytest.mark.parametrize(("url", "record"), REAL, ids=IDS)
def test_w_skrocie_answers_from_the_record(real_site: Path, url: str, record: dict) -> None:
    page = soup(real_site, url)
    summary = page.select_one("#w-skrocie").find_parent("section")
    opening = page.select_one("article h1").find_next_sibling()
    if record.get("tekst_niepelny"):
        # An excerpt: first the reader learns what part of the document the archive holds, and why.
        notice = " ".join(opening.get_text(" ").split())
        part = record["tekst_niepelny"]
        assert plain(part["zawiera"]) in notice and plain(part["powod"]) in notice, notice
        opening = opening.find_next_sibling()
    assert opening.get("class") == ["pal-wyciag"] and opening.find(True) is summary, (
        "W skrócie opens the page"
    )
    goal = _text(_answer(summary, "Po co"))
    if record.get("cel_glowny"):
        assert goal.startswith(plain(record["cel_glowny"]["tresc"]))
    else:
        assert says_missing(goal, record), goal
    groups = _term_names("adresaci")
    wanted = {groups[g] for item in record.get("adresaci") or [] for g in item["grupy"]}
    answer = _answer(summary, "Dla kogo")
    links = {a.get_text(strip=True): a["href"] for a in answer.select("a") if a["href"] != "#adresaci"}
    # A few groups, compact; the others one tap away in the section that names them all.
    assert set(links) <= wanted and len(links) == min(len(wanted), 3)
    assert all(target(url, href).startswith("adresaci/") for href in links.values())
    more = answer.select_one('a[href="#adresaci"]')
    if len(wanted) > 3:
        assert _text(more) == f"i {plural(len(wanted) - 3, 'inna grupa', 'inne grupy', 'innych grup')}"
    else:
        assert more is None
    if not wanted:
        assert says_missing(_text(answer), record)
    sources = _term_names("finansowanie")
    money = {a.get_text(strip=True) for a in _answer(summary, "Skąd pieniądze").select("a")}
    wanted = {sources[z] for item in record.get("finansowanie") or [] for z in item["zrodla"]}
    assert wanted <= money
    if not wanted:
        assert says_missing(_text(_answer(summary, "Skąd pieniądze")), record)
    when = _text(_answer(summary, "Kiedy"))
    facts = _text(page.select_one(".pal-fakty"))
    if record["okres"].get("brzmienie"):
        assert f"Okres realizacji w brzmieniu dokumentu „{plain(record['okres']['brzmienie'])}”" in facts
    expected = status(url, record, AS_OF)
    assert summary.select_one(".pal-status").get_text() == expected
    assert f"na dzień {polish_date(AS_OF)}: {expected}" in when
    runner = _answer(summary, "Kto prowadzi").get_text(" ", strip=True)
    implementer = record.get("realizator")
    assert runner == (implementer["nazwa"] if implementer else missing(record))
    contact = _text(_answer(summary, "Kontakt"))
    gmina = municipality_of(url)
    offices = [o for o in [gmina.get("urzad"), *(gmina.get("jednostki") or [])] if o and _has_details(o)]
    if record.get("kontakt") and _has_details(record["kontakt"]):
        assert contact == _contact(record["kontakt"])
        return
    # Said once, after the contact: the document gives none, this one is the municipality's.
    assert "okument nie podaje kontaktu" in contact or "okument wskazuje" in contact, contact
    if not offices:
        assert "archiwum nie ma jeszcze danych kontaktowych" in contact, contact
        return
    assert "to dane gminy" in contact, contact
    # The unit that runs the programme ("… działająca przez <unit>"), else one that can be phoned,
    # written to or visited online: the ways to reach it at once.
    runner = " ".join((implementer or {}).get("nazwa", "").split()).casefold()

    def quick_of(office: dict) -> dict:
        return {k: v for k, v in office.items() if k in ("nazwa", "telefon", "email", "www")}

    def runs_it(office: dict) -> bool:
        name = " ".join(office["nazwa"].split()).casefold()
        return bool(runner) and (name in runner or runner in name)

    chosen = sorted(offices, key=lambda o: (not runs_it(o), not _has_details(quick_of(o))))[0]
    quick = quick_of(chosen)
    assert _contact(quick if _has_details(quick) else chosen) in contact, contact
    # The municipality's page, where its other contacts are, is one tap away.
    hrefs = [a["href"] for a in _answer(summary, "Kontakt").select('a[href$="#kontakt"]')]
    assert [target(url, h) for h in hrefs] == [f"gminy/{url.split('/')[1]}"]


def test_w_skrocie_shows_contact_details_the_record_gives(tmp_path: Path) -> None:
    url, _ = pick(
        "no contact of its own",
        lambda url, _: (
            "\nkontakt: null\n"
            in (PROGRAMMES / url.removeprefix("programy/") / "programme.yml").read_text("utf-8")
        ),
    )
    project = copy_project(tmp_path / "projekt", municipalities=[url.split("/")[1]])  # its page alone
    record = project / "programmes" / url.removeprefix("programy/") / "programme.yml"
    text = record.read_text(encoding="utf-8")
    contact = "kontakt:\n  nazwa: Punkt PAL\n  telefon: 89 000 00 00\n  email: pal@example.org\n"
    record.write_text(text.replace("\nkontakt: null\n", "\n" + contact), encoding="utf-8")
    assert run_build(project).returncode == 0
    page = soup(project / "site", url)
    answer = _answer(page.select_one("#w-skrocie").find_parent("section"), "Kontakt")
    assert _text(answer) == "Punkt PAL: tel. 89 000 00 00, pal@example.org"
    assert [a["href"] for a in answer.select("a")] == ["tel:+48890000000", "mailto:pal@example.org"]


def _resolution(site: Path, url: str) -> str:
    """What the Uchwała section says of the resolution's number, date and body."""
    facts = soup(site, url).find(id="uchwala").find_next_sibling("div")
    answers = [
        facts.find("dt", string=label).find_next_sibling("dd")
        for label in ("Numer", "Data podjęcia", "Organ")
    ]
    return " | ".join(" ".join(a.get_text(" ").split()) for a in answers)


def test_unknown_resolution_is_shown_as_unknown(real_site: Path) -> None:
    def unknown(_: str, record: dict) -> bool:
        return not any((record["uchwala"] or {}).get(field) for field in ("numer", "data", "organ"))

    url, record = pick("a resolution of unknown number, date and body", unknown)
    assert _resolution(real_site, url) == " | ".join([missing(record)] * 3)
    url, record = pick("a resolution number", lambda _, r: (r["uchwala"] or {}).get("numer"))
    assert record["uchwala"]["numer"] in _resolution(real_site, url)


def test_superseded_programme_links_to_its_successor(real_site: Path) -> None:
    def replaced(url: str, record: dict) -> str | None:
        """The first programme this one supersedes that is shown as superseded on the as-of date."""
        for key in (record.get("relacje") or {}).get("zastepuje") or []:
            if status(f"programy/{key}", REAL_BY_URL[f"programy/{key}"], AS_OF) == "zastąpiony":
                return f"programy/{key}"
        return None

    new_url, new_record = pick("a successor of a programme superseded by the as-of date", replaced)
    old_url = replaced(new_url, new_record)
    old_record = REAL_BY_URL[old_url]
    old_page, new_page = soup(real_site, old_url), soup(real_site, new_url)
    old, new = article_text(old_page), article_text(new_page)
    assert old_page.select_one(".pal-skrot .pal-status").get_text(strip=True) == "zastąpiony"
    assert f"Zastąpiony przez {plain(new_record['tytul'])}" in old
    # Above everything, the banner names the successor and links it.
    banner = old_page.select_one("article h1").find_previous_sibling(class_="pal-baner")
    assert "Ten program już nie obowiązuje" in banner.get_text(" ")
    assert new_url in {target(old_url, a["href"]) for a in banner.select("a")}
    assert f"Zastępuje {plain(old_record['tytul'])}" in new
    expected = status(new_url, new_record, AS_OF)
    assert new_page.select_one(".pal-skrot .pal-status").get_text(strip=True) == expected
    links = {target(old_url, a["href"]) for a in old_page.select("article a")}
    assert new_url in links, "the superseded programme links to its successor"


def _statuses(site: Path) -> dict[str, str]:
    return {url: soup(site, url).select_one(".pal-skrot .pal-status").get_text(strip=True) for url in IDS}


def test_statuses_follow_the_as_of_date(real_site: Path) -> None:
    assert _statuses(real_site) == {url: status(url, record, AS_OF) for url, record in REAL}


def test_as_of_date_is_configurable(tmp_path: Path) -> None:
    # The eve of the latest start before the fixture's date: that programme has not begun yet.
    started = [pair for pair in REAL if first_day(pair[1]["okres"]["od"]) <= dt.date.fromisoformat(AS_OF)]
    url, record = max(started, key=lambda pair: first_day(pair[1]["okres"]["od"]))
    as_of = (first_day(record["okres"]["od"]) - dt.timedelta(days=1)).isoformat()
    project = copy_project(tmp_path / "projekt")
    result = run_build(project, as_of=as_of)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    expected = {other: status(other, rec, as_of) for other, rec in REAL}
    assert expected[url] == "przyjęty, realizacja jeszcze się nie zaczęła"
    assert expected != {other: status(other, rec, AS_OF) for other, rec in REAL}
    assert _statuses(site) == expected
    for other in IDS:
        assert f"na dzień {polish_date(as_of)}: {expected[other]}" in article_text(soup(site, other))


def test_municipality_page_lists_its_programmes_newest_first(real_site: Path) -> None:
    for folder in municipalities():
        mine = newest_first([(url, record) for url, record in REAL if url.split("/")[1] == folder])
        page = soup(real_site, f"gminy/{folder}")
        url = f"gminy/{folder}"
        assert programme_links(page, url, "article ul li a") == [u for u, _ in mine], folder
        items = [_text(li) for li in page.select("article ul li") if li.select_one("a")]
        assert len(items) == len(mine), folder
        for item, (programme, record) in zip(items, mine, strict=True):
            assert plain(record.get("nazwa_skrocona") or record["tytul"]) in item, item
            assert f"· {status(programme, record, AS_OF)}" in item, item


def test_all_programmes_page_leads_to_every_programme_by_year_and_by_voivodeship(real_site: Path) -> None:
    page = soup(real_site, "programy")
    years = [a.get_text(strip=True) for a in page.select("#wedlug-lat ~ ul")[0].select("a")]
    assert years == [
        str(y) for y in sorted({first_day(r["okres"]["od"]).year for _, r in REAL}, reverse=True)
    ]
    voivodeships = [a.get_text(strip=True) for a in page.select("#wedlug-wojewodztw ~ ul")[0].select("a")]
    regions = {municipality_of(url)["wojewodztwo"] for url in IDS}
    assert voivodeships == sorted(regions, key=polish_order)
    for grouping in ("lata", "wojewodztwa"):
        found = []
        for listing in sorted((real_site / "programy" / grouping).glob("*/index.html")):
            url = listing.parent.relative_to(real_site).as_posix()
            html = soup(real_site, url)
            found += listed_programmes(real_site, url, "article li a")
            if grouping == "lata":
                # Each programme listed under a year starts then (a one-year period names it once).
                year = listing.parent.name
                assert all(
                    re.search(rf"(?<!\d){year}(?!\d)", li.get_text()) for li in html.select("article li")
                )
        assert sorted(found) == sorted(url for url, _ in REAL), grouping


HOME_NEWEST = 5  # how many programmes the home page shows, newest first


def test_home_shows_newest_programmes_and_entry_points(real_site: Path) -> None:
    page = soup(real_site, "")
    newest = [a.get_text(" ", strip=True) for a in page.select(".pal-najnowsze li a")]
    assert [unquoted(t) for t in newest] == [
        unquoted(plain(record["tytul"])) for _, record in newest_first(REAL)[:HOME_NEWEST]
    ]
    text = article_text(page)
    assert "Dla mieszkańców" in text and "Dla organizacji pozarządowych" in text


def test_interface_is_polish_and_nothing_loads_from_other_hosts(real_site: Path) -> None:
    pages = list(real_site.rglob("*.html"))
    assert len(pages) > 10
    for html in pages:
        text = html.read_text(encoding="utf-8")
        assert '<html lang="pl"' in text
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text
        page = BeautifulSoup(text, "html.parser")
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for element in page.find_all(tag):
                loads = {"stylesheet", "icon", "preload", "modulepreload"} & set(element.get("rel", []))
                if tag == "link" and not loads:
                    continue
                value = element.get(attr) or ""
                assert not re.match(r"^(https?:)?//", value), f"{html}: {tag} loads {value}"


@pytest.mark.parametrize("url", IDS)
def test_navigation_does_not_list_programmes(real_site: Path, url: str) -> None:
    page = soup(real_site, url)
    nav_links = [a.get("href", "") for a in page.select("nav.md-nav--primary a")]
    assert nav_links, "the page has a navigation"
    assert not [href for href in nav_links if re.search(r"programy/[^/]+/[^/]+/", href)]


@pytest.mark.parametrize(("url", "record"), REAL, ids=IDS)
def test_attachments_are_published_with_their_checksums(real_site: Path, url: str, record: dict) -> None:
    page = soup(real_site, url)
    for attachment in record.get("zalaczniki") or []:
        published = real_site / url / attachment["plik"]
        digest = hashlib.sha256(published.read_bytes()).hexdigest()
        assert digest == attachment["sha256"]
        assert digest in article_text(page)
        assert page.select_one(f'a[href="{attachment["plik"]}"]') is not None, attachment["plik"]
