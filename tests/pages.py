"""Reading built pages as a reader sees them."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import pickle
import posixpath
import re
from collections.abc import Callable
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

PROGRAMMES = Path(__file__).resolve().parent.parent / "programmes"


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def article_text(page: BeautifulSoup) -> str:
    """The page's main content as one line of text, whitespace collapsed."""
    return " ".join(page.select_one("article").get_text(" ").split())


def section_text(page: BeautifulSoup, section_id: str) -> str:
    """Text of an h2 section: from the heading with that id to the next h2."""
    heading = page.find(id=section_id)
    parts = []
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        parts.append(sibling.get_text(" "))
    return " ".join(" ".join(parts).split())


def records() -> list[tuple[str, dict]]:
    """(url, record) of every real programme in the repository (a fresh copy each time: the
    caller may change it)."""
    return pickle.loads(_records())


@functools.cache
def _records() -> bytes:
    """The real programmes' records, read once for the whole run (tests never change the
    repository's own files, only copies of them): parsing them all took a quarter of a second,
    and the tests ask for them a few hundred times, most while pytest collects them."""
    found = []
    for path in sorted(PROGRAMMES.glob("*/*/programme.yml")):
        url = f"programy/{path.parent.parent.name}/{path.parent.name}"
        found.append((url, yaml.safe_load(path.read_text(encoding="utf-8"))))
    return pickle.dumps(found)


def plain(text: str) -> str:
    """A quote as it reads on the page: Markdown emphasis gone, whitespace collapsed."""
    return " ".join(re.sub(r"\*+|\[\^[^\]]+\]", "", text).split())


def target(url: str, href: str) -> str:
    """Where a relative link on the page at `url` leads, as a site path without slashes around it."""
    path = href.split("#", 1)[0]
    return posixpath.normpath(posixpath.join(url, path)).strip("/") if path else url


def programme_links(page: BeautifulSoup, url: str, selector: str = "article a") -> list[str]:
    """Site paths of the programme pages that `selector` links to, in page order."""
    found = [target(url, a["href"]) for a in page.select(selector) if not a["href"].startswith("#")]
    return [path for path in found if re.fullmatch(r"programy/\d{7}-[^/]+/[^/]+", path)]


# The real archive's facts, read from its files at test time: tests never type them in.


def municipalities() -> dict[str, dict]:
    """folder → gmina.yml of every real municipality in the repository."""
    return {
        path.parent.name: yaml.safe_load(path.read_text(encoding="utf-8"))
        for path in sorted(PROGRAMMES.glob("*/gmina.yml"))
    }


def municipality_of(url: str) -> dict:
    """The gmina.yml of the municipality a programme page (programy/<folder>/<slug>) belongs to."""
    return yaml.safe_load((PROGRAMMES / url.split("/")[1] / "gmina.yml").read_text(encoding="utf-8"))


def key_of(url: str) -> str:
    """The programme's key as records name it (relacje, data files): <folder>/<slug>."""
    return url.removeprefix("programy/")


def pick(what: str, predicate: Callable[[str, dict], bool]) -> tuple[str, dict]:
    """The first real programme (url, record) with a property a test needs; `what` names it."""
    found = [(url, record) for url, record in records() if predicate(url, record)]
    assert found, f"no programme in the archive has {what}: the test needs one"
    return found[0]


def first_day(value: object) -> dt.date:
    """The first day of a period bound as records write it: a year, "YYYY-MM" or a date."""
    if isinstance(value, dt.date):
        return value
    parts = [int(part) for part in str(value).split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def last_day(value: object) -> dt.date:
    """The last day of a period bound as records write it: a year, "YYYY-MM" or a date."""
    if isinstance(value, dt.date):
        return value
    parts = [int(part) for part in str(value).split("-")]
    if len(parts) == 3:
        return dt.date(*parts)
    if len(parts) == 2:
        following = dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    return dt.date(parts[0], 12, 31)


def successors(url: str, archive: list[tuple[str, dict]] | None = None) -> list[tuple[str, dict]]:
    """The programmes whose records say they supersede this one (relacje.zastepuje)."""
    return [
        (other, record)
        for other, record in (records() if archive is None else archive)
        if key_of(url) in ((record.get("relacje") or {}).get("zastepuje") or [])
    ]


def status(url: str, record: dict, as_of: str, archive: list[tuple[str, dict]] | None = None) -> str:
    """The status a reader should see on `as_of` (ISO date), worked out from the records alone:
    repealed from the day of repeal, superseded once a successor is adopted (or, its adoption
    unknown, has started), else by the period."""
    day = dt.date.fromisoformat(as_of)
    repeal = record.get("uchylenie") or {}
    if repeal.get("data") and first_day(repeal["data"]) <= day:
        return "uchylony"
    for _, successor in successors(url, archive):
        adopted = (successor.get("uchwala") or {}).get("data")
        if first_day(adopted or successor["okres"]["od"]) <= day:
            return "zastąpiony"
    if day > last_day(record["okres"]["do"]):
        return "zakończony"
    if day < first_day(record["okres"]["od"]):
        return "przyjęty, realizacja jeszcze się nie zaczęła"
    return "obowiązujący"


def plural(count: int, one: str, few: str, many: str) -> str:
    """`count` with the Polish noun form it takes: 1 program, 2 programy, 5 programów."""
    if count == 1:
        return f"1 {one}"
    few_form = count % 10 in (2, 3, 4) and count % 100 not in (12, 13, 14)
    return f"{count} {few if few_form else many}"


POLISH = str.maketrans("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ", "acelnoszzACELNOSZZ")


def folded(text: str) -> str:
    """Text as typed without Polish letters: "Kłobuck" → "Klobuck"."""
    return text.translate(POLISH)


def adopted(record: dict) -> dt.date:
    """When a programme took effect, as the archive orders programmes "newest first": the day
    its resolution was adopted or, that unknown, the first day of its period."""
    return first_day((record.get("uchwala") or {}).get("data") or record["okres"]["od"])


def newest_first(archive: list[tuple[str, dict]]) -> list[tuple[str, dict]]:
    return sorted(archive, key=lambda pair: (adopted(pair[1]), key_of(pair[0])), reverse=True)


MONTHS = (
    "stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca",
    "lipca", "sierpnia", "września", "października", "listopada", "grudnia",
)  # fmt: skip


def polish_date(day: str | dt.date) -> str:
    """A date as the pages write it: "25 listopada 2026 r."."""
    day = dt.date.fromisoformat(day) if isinstance(day, str) else day
    return f"{day.day} {MONTHS[day.month - 1]} {day.year} r."


ALPHABET = "aąbcćdeęfghijklłmnńoóprsśtuvwxyzźż"


def polish_order(text: str) -> list[int]:
    """A sort key that puts Polish words in dictionary order ("śląskie" after "sądeckie")."""
    return [ALPHABET.find(c) if c in ALPHABET else 100 + ord(c) for c in text.lower()]


def missing(record: dict) -> str:
    """What a page says where the programme gives nothing for a section or an answer: the
    document, or (the archive holding only part of it, tekst_niepelny) the part it holds."""
    return (
        "brak w części tekstu, którą ma archiwum"
        if record.get("tekst_niepelny")
        else "brak w dokumencie źródłowym"
    )


def says_missing(shown: str, record: dict) -> bool:
    return missing(record) in shown


def no_dated_harmonogram(record: dict) -> str:
    """What the harmonogram section says when the programme dates none of its entries, or none
    more finely than the whole period."""
    whose = "Część tekstu, którą ma archiwum," if record.get("tekst_niepelny") else "Dokument"
    if record.get("harmonogram"):
        return f"{whose} nie ustala terminów w obrębie okresu realizacji programu"
    return f"{whose} nie podaje harmonogramu z datami"


def finely_dated(record: dict) -> bool:
    """Whether some harmonogram entry is dated other than the programme's whole period."""
    whole = (first_day(record["okres"]["od"]), last_day(record["okres"]["do"]))
    return any((first_day(e["od"]), last_day(e["do"])) != whole for _, e in dated(record))


def listed_programmes(site: Path, url: str, selector: str = "article a") -> list[str]:
    """Programme paths a listing links to, over all its pages (strona-2, strona-3, …), in order."""
    more = [p.parent.relative_to(site).as_posix() for p in (site / url).glob("strona-*/index.html")]
    found = []
    for page_url in [url, *sorted(more, key=lambda u: int(u.rsplit("-", 1)[1]))]:
        found += programme_links(soup(site, page_url), page_url, selector)
    return list(dict.fromkeys(found))


MONTHS_NOMINATIVE = (
    "styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec",
    "lipiec", "sierpień", "wrzesień", "październik", "listopad", "grudzień",
)  # fmt: skip


def polish_partial(value: object) -> str:
    """A period bound as tables write it: "2014", "styczeń 2021" or "15 stycznia 2021 r."."""
    if isinstance(value, dt.date):
        return polish_date(value)
    parts = str(value).split("-")
    if len(parts) == 1:
        return parts[0]
    if len(parts) == 2:
        return f"{MONTHS_NOMINATIVE[int(parts[1]) - 1]} {parts[0]}"
    return polish_date(str(value))


# The status codes of the data files and finders, by the label pages show.
STATUS_CODES = {
    "przyjęty, realizacja jeszcze się nie zaczęła": "przyszly",
    "obowiązujący": "obowiazujacy",
    "zakończony": "zakonczony",
    "zastąpiony": "zastapiony",
    "uchylony": "uchylony",
}


# A harmonogram as it should be drawn: one bar per dated entry on a month axis from the first
# entry's month to the last one's (a programme without dated entries: one bar, its period).


def dated(record: dict) -> list[tuple[int, dict]]:
    """(number in the table, entry) of the harmonogram entries with both dates."""
    return [(n, e) for n, e in enumerate(record.get("harmonogram") or [], 1) if e.get("od") and e.get("do")]


def month(day: dt.date) -> int:
    """Months since year 0: two days' difference in months is the difference of these."""
    return day.year * 12 + day.month - 1


class Axis:
    """The month axis a harmonogram should be drawn on, worked out from (start, end) spans."""

    def __init__(self, spans: list[tuple[object, object]]) -> None:
        self.first = min(first_day(start) for start, _ in spans).replace(day=1)
        self.last = max(last_day(end) for _, end in spans)
        self.months = month(self.last) - month(self.first) + 1

    def at(self, day: dt.date) -> float:
        days = calendar.monthrange(day.year, day.month)[1]
        return 100 * (month(day) - month(self.first) + (day.day - 1) / days) / self.months

    def bar(self, start: object, end: object) -> tuple[float, float]:
        width = month(last_day(end)) - month(first_day(start)) + 1
        return self.at(first_day(start)), 100 * width / self.months

    def marker(self, day: dt.date) -> tuple[str, float | None]:
        if day < self.first:
            return "przed", None
        if day > self.last:
            return "po", None
        return "na-osi", self.at(day)

    def caption(self, day: dt.date) -> tuple[str, str]:
        side = {
            "przed": "żadna pozycja harmonogramu jeszcze się nie zaczęła",
            "po": "wszystkie pozycje harmonogramu już się zakończyły",
            "na-osi": "Pionowa linia",
        }
        return (
            f"od {MONTHS[self.first.month - 1]} {self.first.year} do "
            f"{MONTHS[self.last.month - 1]} {self.last.year}"
        ), side[self.marker(day)[0]]


def stage(entry: dict, day: dt.date) -> str:
    """Where a dated harmonogram entry stands on `day`, as the table under the picture says."""
    if day < first_day(entry["od"]):
        return "przed rozpoczęciem"
    return "zakończona" if day > last_day(entry["do"]) else "trwa"


# The groups that listings (term pages, the NGO page) split programmes into, in this order.
LISTING_GROUPS = (
    ("Obowiązujące", {"obowiązujący"}),
    ("Przyjęte, realizacja jeszcze się nie zaczęła", {"przyjęty, realizacja jeszcze się nie zaczęła"}),
    ("Zakończone lub zastąpione", {"zakończony", "zastąpiony", "uchylony"}),
)


def group_headings(statuses: set[str]) -> list[str]:
    """The headings a listing of programmes with these statuses has, in order."""
    return [heading for heading, labels in LISTING_GROUPS if labels & statuses]
