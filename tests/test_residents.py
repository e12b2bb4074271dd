"""Pages for residents and NGOs, read from the built HTML: harmonogram, finders, collaboration."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup, Tag

from conftest import AS_OF, copy_project, run_build
from pages import (
    PROGRAMMES,
    STATUS_CODES,
    Axis,
    article_text,
    dated,
    finely_dated,
    group_headings,
    month,
    municipality_of,
    no_dated_harmonogram,
    pick,
    plain,
    plural,
    polish_date,
    polish_partial,
    records,
    section_text,
    soup,
    stage,
    status,
    target,
)
from palarchiwum.pages.residents_finder import GOAL_LENGTH, shortened

REAL = dict(records())
COLLABORATION = {"organizacje-pozarzadowe", "wolontariat", "partnerstwo-i-wspolpraca"}


def collaboration_points(record: dict) -> tuple[list[str], list[str]]:
    actions = [d["id"] for d in record.get("dzialania") or [] if COLLABORATION & set(d.get("tematy") or [])]
    return actions, [p["id"] for p in record.get("partnerzy") or []]


# A programme whose harmonogram has entries of different dates, and whose actions or partners
# invite NGOs.
TIMED, TIMED_RECORD = pick(
    "a harmonogram with entries of different dates and collaboration points",
    lambda _, r: len({(e["od"], e["do"]) for _, e in dated(r)}) >= 2 and any(collaboration_points(r)),
)


def approx(value: float | None) -> object:
    """A position as the stylesheet draws it: to half a percent."""
    return None if value is None else pytest.approx(value, abs=0.25)


TIMED_AXIS = Axis([(e["od"], e["do"]) for _, e in dated(TIMED_RECORD)])


def busy_day() -> dt.date:
    """A day on the harmonogram's axis when some entries have ended, some run and some have not
    begun (or, failing that, when some run): the 15th of the first such month."""
    days = [
        dt.date(m // 12, m % 12 + 1, 15) for m in range(month(TIMED_AXIS.first), month(TIMED_AXIS.last) + 1)
    ]
    stages = {day: {stage(e, day) for _, e in dated(TIMED_RECORD)} for day in days}
    return next((d for d in days if len(stages[d]) == 3), next(d for d in days if "trwa" in stages[d]))


BUSY_DAY = busy_day()


def positions(site: Path) -> dict[str, float]:
    """What each position class of the harmonogram's stylesheet sets (--x, --w), by class."""
    css = (site / "assets/harmonogram.css").read_text(encoding="utf-8")
    return {name: float(value) for name, value in re.findall(r"\.(pal-[xw]-\d+)\{--[xw]:([\d.]+)\}", css)}


def position(tag: Tag, axis: str, site: Path) -> float | None:
    """A drawn element's position (axis "x") or width ("w"), in percent, from its class."""
    names = [c for c in tag["class"] if c.startswith(f"pal-{axis}-")]
    return positions(site)[names[0]] if names else None


def bars(page: BeautifulSoup, site: Path) -> list[tuple[str, float | None, float | None, bool]]:
    """(label, left %, width %, running) of every bar in the drawn harmonogram."""
    found = []
    for row in page.select(".pal-hg__wiersz"):
        bar = row.select_one(".pal-hg__pasek")
        label = row.select_one(".pal-hg__etykieta").get_text(strip=True)
        left, width = position(bar, "x", site), position(bar, "w", site)
        found.append((label, left, width, "pal-hg__pasek--trwa" in bar["class"]))
    return found


def marker(page: BeautifulSoup, site: Path) -> tuple[str, float | None]:
    mark = page.select_one(".pal-hg__dzis")
    side = next(c for c in mark["class"] if c.startswith("pal-hg__dzis--")).removeprefix("pal-hg__dzis--")
    return side, position(mark, "x", site)


def table_rows(page: BeautifulSoup) -> list[list[str]]:
    table = page.select_one("#harmonogram").find_next("table")
    return [[" ".join(td.get_text(" ").split()) for td in tr.select("td")] for tr in table.select("tbody tr")]


def test_harmonogram_draws_one_bar_per_entry_on_a_month_axis(real_site: Path) -> None:
    page = soup(real_site, TIMED)
    entries = dated(TIMED_RECORD)
    drawn = bars(page, real_site)
    assert [label for label, *_ in drawn] == [f"{n}. {' '.join(e['tresc'].split())}" for n, e in entries]
    # The axis runs from the month of the first entry's start to that of the last one's end.
    for (_, entry), (label, left, width, running) in zip(entries, drawn, strict=True):
        expected = TIMED_AXIS.bar(entry["od"], entry["do"])
        assert (left, width) == (approx(expected[0]), approx(expected[1])), label
        assert running == (stage(entry, dt.date.fromisoformat(AS_OF)) == "trwa"), label
    years = range(TIMED_AXIS.first.year, TIMED_AXIS.last.year + 1)
    assert [t.get_text() for t in page.select(".pal-hg__rok")] == [str(y) for y in years]
    side, left = TIMED_AXIS.marker(dt.date.fromisoformat(AS_OF))
    assert marker(page, real_site) == (side, approx(left))
    caption = page.select_one(".pal-hg figcaption").get_text(" ", strip=True)
    span, where = TIMED_AXIS.caption(dt.date.fromisoformat(AS_OF))
    assert span in caption and where in caption


def test_the_picture_has_a_table_alternative_for_screen_readers(real_site: Path) -> None:
    page = soup(real_site, TIMED)
    assert page.select_one(".pal-hg__wykres")["aria-hidden"] == "true"
    rows = table_rows(page)
    entries = TIMED_RECORD["harmonogram"]
    assert [r[1] for r in rows] == [" ".join(e["tresc"].split()) for e in entries]
    for n, entry in dated(TIMED_RECORD):
        wanted = [polish_partial(entry["od"]), polish_partial(entry["do"])]
        assert rows[n - 1][2:5] == [*wanted, stage(entry, dt.date.fromisoformat(AS_OF))]
    assert all(r[5] == "w tekście" for r in rows)


@pytest.mark.parametrize("url", list(REAL))
def test_a_harmonogram_is_drawn_only_where_it_dates_more_than_the_whole_period(
    real_site: Path, url: str
) -> None:
    page = soup(real_site, url)
    record = REAL[url]
    if finely_dated(record):
        assert page.select_one(".pal-hg") is not None
        return
    # A picture of one bar over the whole period says nothing: one sentence says it instead.
    assert page.select_one(".pal-hg") is None and not bars(page, real_site)
    said = section_text(page, "harmonogram")
    assert no_dated_harmonogram(record) in said, said
    for entry in record.get("harmonogram") or []:
        assert plain(entry["tresc"]) in said


@pytest.fixture(scope="module")
def busy_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real archive as of a day when the harmonogram of TIMED is under way."""
    project = copy_project(tmp_path_factory.mktemp("lato") / "projekt")
    result = run_build(project, as_of=BUSY_DAY.isoformat())
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_the_as_of_date_is_marked_and_running_entries_stand_out(busy_site: Path) -> None:
    page = soup(busy_site, TIMED)
    side, left = TIMED_AXIS.marker(BUSY_DAY)
    assert side == "na-osi" and marker(page, busy_site) == (side, approx(left))
    entries = dated(TIMED_RECORD)
    expected = [e["id"] for _, e in entries if stage(e, BUSY_DAY) == "trwa"]
    running = [e["id"] for (_, e), (*_, on) in zip(entries, bars(page, busy_site), strict=True) if on]
    assert running == expected and running
    states = table_rows(page)
    for n, entry in entries:
        assert states[n - 1][4] == stage(entry, BUSY_DAY), entry["id"]


def test_finder_data_lists_every_programme_with_its_groups(real_site: Path) -> None:
    data = json.loads((real_site / "dla-mieszkancow/programy.json").read_text(encoding="utf-8"))
    assert data["stan_na"] == AS_OF
    rows = {row["adres"].strip("/"): row for row in data["programy"]}
    assert set(rows) == set(REAL)
    for url, record in REAL.items():
        groups = {g for item in record.get("adresaci") or [] for g in item["grupy"]}
        assert {data["grupy"][i]["id"] for i in rows[url]["grupy"]} == groups
        assert rows[url]["status"] == STATUS_CODES[status(url, record, AS_OF)], url
    in_force = [row["status"] == "obowiazujacy" for row in data["programy"]]
    assert in_force == sorted(in_force, reverse=True), "programmes in force come first"
    # Groups listed once, with their names: those some programme has, in the vocabulary's order.
    vocabulary = yaml.safe_load((PROGRAMMES / "slowniki/adresaci.yml").read_text(encoding="utf-8"))
    used = {g for record in REAL.values() for item in record.get("adresaci") or [] for g in item["grupy"]}
    assert data["grupy"] == [
        {"id": t["id"], "nazwa": t["nazwa"]} for t in vocabulary["terminy"] if t["id"] in used
    ]
    assert set(data["statusy"]) == set(STATUS_CODES.values())
    assert {data["statusy"][code] for code in STATUS_CODES.values()} == set(STATUS_CODES)


def test_finder_data_gives_each_main_goal_shortened(real_site: Path) -> None:
    data = json.loads((real_site / "dla-mieszkancow/programy.json").read_text(encoding="utf-8"))
    for row in data["programy"]:
        record = REAL[row["adres"].strip("/")]
        if not record.get("cel_glowny"):
            assert "cel" not in row
            continue
        goal = " ".join(record["cel_glowny"]["tresc"].split())
        if len(goal) <= GOAL_LENGTH:
            assert row["cel"] == goal
        else:
            stem = row["cel"].removesuffix("…")
            assert row["cel"].endswith("…") and goal.startswith(stem) and len(stem) <= GOAL_LENGTH
            assert not goal[len(stem)].isalnum(), "cut at the end of a word"


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("Cel  programu\n jest krótki.", 160, "Cel programu jest krótki."),
        ("aktywizacja mieszkańców oraz integracja", 24, "aktywizacja mieszkańców…"),
        ("aktywizacja mieszkańców, oraz integracja", 25, "aktywizacja mieszkańców…"),  # no comma before "…"
        ("aktywizacja mieszkańców oraz", 23, "aktywizacja mieszkańców…"),  # a space just past the limit
        ("Wielkopolska-Dolnośląskie", 10, "Wielkopols…"),  # one word longer than the limit
    ],
)
def test_a_main_goal_is_shortened_at_a_word_boundary(text: str, limit: int, expected: str) -> None:
    assert shortened(text, limit) == expected


def test_residents_page_works_without_javascript_too(real_site: Path) -> None:
    page = soup(real_site, "dla-mieszkancow")
    assert page.select_one("#pal-dla-mnie").has_attr("hidden")  # shown by its script
    vocabulary = yaml.safe_load((PROGRAMMES / "slowniki/adresaci.yml").read_text(encoding="utf-8"))
    links = [target("dla-mieszkancow", a["href"]) for a in page.select("#grupy ~ ul a")]
    assert links[: len(vocabulary["terminy"])] == [f"adresaci/{t['id']}" for t in vocabulary["terminy"]]
    places = {url.split("/")[1]: municipality_of(url) for url in REAL}
    regions = {place["wojewodztwo"] for place in places.values()}
    listed = [o["value"] for o in page.select("#pal-wojewodztwo option") if o["value"]]
    assert sorted(listed) == sorted(regions) and len(listed) == len(regions)
    # The form offers only the groups some programme has.
    used = {g for record in REAL.values() for item in record.get("adresaci") or [] for g in item["grupy"]}
    offered = [o["value"] for o in page.select("#pal-grupa option") if o["value"]]
    assert offered == [t["id"] for t in vocabulary["terminy"] if t["id"] in used]
    # The municipalities and statuses come from the data file, so the page stays small with
    # 2,500 municipalities; the form is the address's parameters.
    assert [o["value"] for o in page.select("#pal-gmina option")] == [""]
    assert [o["value"] for o in page.select("#pal-status option")] == [""]
    assert [s["name"] for s in page.select("#pal-dla-mnie select")] == [
        "grupa",
        "wojewodztwo",
        "gmina",
        "status",
    ]
    data = json.loads((real_site / "dla-mieszkancow/programy.json").read_text(encoding="utf-8"))
    assert {key: place["wojewodztwo"] for key, place in data["gminy"].items()} == {
        folder: place["wojewodztwo"] for folder, place in places.items()
    }


def ngo_pages(site: Path) -> list[BeautifulSoup]:
    """The NGO page and its further pages (strona-2, …), in order."""
    more = sorted(
        (site / "dla-organizacji").glob("strona-*/index.html"), key=lambda p: int(p.parent.name[7:])
    )
    return [soup(site, "dla-organizacji"), *(soup(site, p.parent.relative_to(site).as_posix()) for p in more)]


def test_ngo_page_lists_collaboration_points_with_links_into_the_text(real_site: Path) -> None:
    pages = ngo_pages(real_site)
    text = article_text(pages[0])
    with_points = [url for url, record in REAL.items() if any(collaboration_points(record))]
    in_force = [url for url in with_points if status(url, REAL[url], AS_OF) == "obowiązujący"]
    n = len(in_force)
    holding = (
        "żaden nie obowiązuje"
        if n == 0
        else f"obowiązują {n}"
        if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14)
        else f"obowiązuje {n}"
    )
    assert (
        f"Programy z punktami współpracy {plural(len(with_points), 'program', 'programy', 'programów')}; "
        f"na dzień {polish_date(AS_OF)} {holding}"
    ) in text
    groups = [
        h.get_text(" ", strip=True).rstrip("¶").strip() for page in pages for h in page.select("article h2")
    ]
    shown = {status(url, REAL[url], AS_OF) for url in with_points}
    wanted = group_headings(shown)
    assert list(dict.fromkeys(groups)) == wanted
    for url, record in REAL.items():
        actions, partners = collaboration_points(record)
        anchors = {
            a["href"].split("#")[1]
            for page in pages
            for a in page.select(f"article a[href*='{url.split('/', 1)[1]}/#tekst-']")
        }
        assert anchors == {f"tekst-{i}" for i in actions + partners}, url
        programme = soup(real_site, url)
        assert all(programme.find(id=anchor) for anchor in anchors)


def test_ngo_page_shows_what_is_running_on_the_as_of_date(busy_site: Path, real_site: Path) -> None:
    now = " ".join(article_text(page) for page in ngo_pages(busy_site))
    running = [e for _, e in dated(TIMED_RECORD) if stage(e, BUSY_DAY) == "trwa"]
    assert running and "Teraz według harmonogramu" in now
    assert all(" ".join(e["tresc"].split()) in now for e in running)
    today = dt.date.fromisoformat(AS_OF)
    if not any(stage(e, today) == "trwa" for record in REAL.values() for _, e in dated(record)):
        assert "Teraz według harmonogramu" not in " ".join(article_text(p) for p in ngo_pages(real_site))
