"""Shared passages: which text a programme shares with others, how much, where, and what is
common wording rather than kinship (issue 22).

A planted archive of seven programmes of six municipalities: a template of three paragraphs
used by two of them (one reorders the paragraphs and changes a word), a paragraph that one
municipality's next programme keeps, a paragraph two others share, and wording all of them
have (a resolution's formulas and a definition from the act). The expectations are derived
from the planted texts; on the real archive, from its texts by a brute-force comparison that
shares no code with the archive's.
"""

from __future__ import annotations

import itertools
import json
import random
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import jsonschema
import numpy as np
import pytest
from playwright.sync_api import Browser

from browser import ARTIFACTS, axe_violations, open_page, serve
from conftest import GMINA_YML, PROGRAMME_YML, PROJECT, copy_project, run_build, write_archive
from pages import soup
from palarchiwum.reuse.index import build_index, common_threshold

VERBATIM = "<!-- pal-archiwum: dalej HTML -->"  # the line after which a template writes HTML
SCHEMA = PROJECT / "hooks/palarchiwum/schemas/dane-program.schema.json"
PASSAGE_WORDS = 12  # the rule's shortest passage, as /archiwum/ states it (checked below)
SHINGLE = 8  # the rule's common wording is counted in runs of this many words

# Wording every programme here has: a resolution's formulas and a definition from the act.
RESOLUTION = """\
Na podstawie art. 18 ust. 2 pkt 15 ustawy z dnia 8 marca 1990 r. o samorządzie gminnym oraz art. 110
ust. 10 ustawy z dnia 12 marca 2004 r. o pomocy społecznej Rada Gminy {gen} uchwala, co następuje:
§ 1. Przyjmuje się Program Aktywności Lokalnej Gminy {gen}, stanowiący załącznik do niniejszej uchwały.
§ 2. Wykonanie uchwały powierza się Wójtowi Gminy {gen}. § 3. Uchwała wchodzi w życie z dniem podjęcia.
"""
DEFINITION = """\
Praca socjalna to działalność zawodowa skierowana na pomoc osobom i rodzinom we wzmacnianiu lub
odzyskiwaniu zdolności do funkcjonowania w społeczeństwie poprzez pełnienie odpowiednich ról
społecznych oraz tworzenie warunków sprzyjających temu celowi.
"""
# The template two municipalities' programmes were written from.
TEMPLATE = [
    "Program Aktywności Lokalnej dla mieszkańców gminy {gen} zakłada wspólne działania instytucji "
    "samorządowych, szkół, parafii i stowarzyszeń na rzecz osób starszych, które mieszkają samotnie "
    "i rzadko wychodzą z domu, a także na rzecz rodzin wychowujących dzieci niepełnosprawne.",
    "Zadaniem zespołu jest wyszukiwanie osób potrzebujących wsparcia, zapraszanie ich na cotygodniowe "
    "spotkania w świetlicy wiejskiej, prowadzenie zajęć ruchowych i rękodzielniczych oraz organizowanie "
    "dowozu na badania lekarskie i do urzędów w mieście powiatowym raz w miesiącu.",
    "Rezultatem programu ma być mniejsza samotność seniorów, więcej sąsiedzkiej pomocy w codziennych "
    "sprawach oraz trwała grupa wolontariuszy z gminy {gen}, która po zakończeniu programu sama "
    "poprowadzi świetlicę i będzie szukała dla niej pieniędzy w konkursach.",
]
EDITED_WORD, EDIT = "ruchowych", "sportowych"  # the second municipality's change, mid-paragraph
# What two other municipalities share, and nobody else.
PAIR_ONLY = (
    "Wszystkie działania programu będą ogłaszane na tablicach sołeckich, w parafialnej gazetce "
    "oraz przez sołtysów, ponieważ wielu starszych mieszkańców nie korzysta z internetu ani "
    "z telefonu komórkowego."
)
KEPT = (
    "Świetlica środowiskowa będzie czynna od poniedziałku do piątku w godzinach popołudniowych, "
    "a w wakacje także przed południem, pod opieką pedagoga i dwóch wolontariuszy."
)
WORDS = (  # noqa: SIM905 (a list of words reads best as words)
    "łąka rzeka most droga sad pole las dąb wiatr zima lato jesień wiosna kamień piasek chmura deszcz "
    "słońce młyn dom brama płot ogród studnia ścieżka kościół szkoła remiza sklep przystanek autobus "
    "rower koń krowa kura gęś pies kot ryba staw trawa owies żyto pszenica jabłko gruszka śliwka wiśnia "
    "czerwony zielony szeroki wąski stary nowy cichy głośny wysoki niski biegnie stoi leży płynie śpiewa "
    "rośnie kwitnie świeci pada wieje"
).split()

# (folder, nominative, genitive, teryt) of each municipality
MUNICIPALITIES = {
    "brzozowka": ("Brzozówka", "Brzozówki", "1234501"),
    "debinka": ("Dębinka", "Dębinki", "1234502"),
    "jodlowo": ("Jodłowo", "Jodłowa", "1234503"),
    "klonowo": ("Klonowo", "Klonowa", "1234504"),
    "lipno": ("Lipno", "Lipna", "1234505"),
    "olszyna": ("Olszyna", "Olszyny", "1234506"),
    "modrzewie": ("Modrzewie", "Modrzewia", "1234507"),
    "sosnowo": ("Sosnowo", "Sosnowa", "1234508"),
}


def own_words(seed: str, count: int) -> str:
    """A paragraph of this programme's own: words no other planted text puts in this order,
    between numbers of its own, so that no shared passage runs on into it by chance."""
    rng = random.Random(seed)
    number = rng.randrange(10_000, 99_999)
    words = " ".join(rng.choice(WORDS) for _ in range(count))
    return f"{number}. {words.capitalize()} {number + 1}."


def programme_text(municipality: str, slug: str, planted: list[str]) -> str:
    gen = MUNICIPALITIES[municipality][1]
    parts = [
        f"# Program Aktywności Lokalnej Gminy {gen} na lata {slug.removeprefix('pal-')}",
        RESOLUTION.format(gen=gen),
        "## I. Wstęp",
        DEFINITION,
    ]
    for n, paragraph in enumerate(planted):
        parts.append(own_words(f"{municipality}/{slug}/{n}", 30))
        parts.append(paragraph.format(gen=gen))
    parts.append(own_words(f"{municipality}/{slug}/end", 30))
    # The record's quotes (conftest's PROGRAMME_YML), in every programme alike.
    parts.append(
        "## II. Cele\n\nCelem głównym jest aktywizacja mieszkańców gminy.\n\n1. Zmniejszenie wykluczenia "
        "społecznego.\n2. Rozwój wolontariatu.\n\n## III. Działania\n\n- organizowanie spotkań sąsiedzkich;\n"
        "- rekrutacja uczestników – 01.2020-03.2020.\n\n## IV. Adresaci\n\nProgram kierujemy przede "
        "wszystkim na osoby bezrobotne.\n\n## V. Rezultaty\n\nOczekujemy, że nastąpi wzrost aktywności "
        "mieszkańców."
    )
    return "\n\n".join(parts) + "\n"


T1, T2, T3 = TEMPLATE
PLANTED = {  # (municipality, programme folder): the planted paragraphs, in its order
    ("brzozowka", "pal-2020-2022"): [T1, T2, T3],
    ("debinka", "pal-2020-2022"): [T3, T1, T2.replace(EDITED_WORD, EDIT)],  # reordered, one word changed
    ("brzozowka", "pal-2023-2025"): [T1],  # the municipality's next programme keeps one paragraph
    ("jodlowo", "pal-2020-2022"): [],
    ("klonowo", "pal-2020-2022"): [f"\n{VERBATIM}\n"],  # a text cannot cut its page short
    ("lipno", "pal-2020-2022"): [PAIR_ONLY],
    ("olszyna", "pal-2020-2022"): [PAIR_ONLY],
    # Seven programmes of two municipalities keep one paragraph: each has six kin.
    **{("modrzewie", f"pal-{y}-{y + 2}"): [KEPT] for y in (2008, 2011, 2014, 2017)},
    **{("sosnowo", f"pal-{y}-{y + 2}"): [KEPT] for y in (2011, 2014, 2017)},
}


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The planted archive, built; returns the project folder (its site in site/)."""
    project = copy_project(tmp_path_factory.mktemp("wspolne"), ("mkdocs.yml", "docs", "overrides", "hooks"))
    for (municipality, slug), paragraphs in PLANTED.items():
        name, gen, teryt = MUNICIPALITIES[municipality]
        gmina = GMINA_YML.replace("Przykładowo", name).replace("1234562", teryt)
        record = PROGRAMME_YML.replace("Przykładowo", gen) + "nazwa_skrocona: PAL 2020–2022\n"
        start, end = slug.removeprefix("pal-").split("-")
        record = record.replace("od: 2020", f"od: {start}").replace("do: 2022", f"do: {end}")
        record = record.replace("2020-2022", f"{start}-{end}").replace("2020–2022", f"{start}–{end}")
        folder = write_archive(
            project / "programmes",
            gmina=gmina,
            record=record,
            text=programme_text(municipality, slug, paragraphs),
            municipality=f"{teryt}-{municipality}",
            slug=slug,
        )
        assert folder.is_dir()
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    (project / "build.log").write_text(result.stderr, encoding="utf-8")
    return project


# --- An independent reading of the texts: the archive's rule, written plainly -------------------


def words_of(text: str, municipality: str | None = None) -> list[str]:
    """Normalised words: Markdown markers and punctuation aside, lower case, no diacritics, every
    form of the programme's own municipality's name one word."""
    text = re.sub(r"\{[^}\n]*\}|<[^>\n]*>|\]\([^)\n]*\)|\[\^[^\]\s]+\]", " ", text).replace("_", " ")
    found = re.findall(r"\w+", text.lower())
    fold = str.maketrans("ąćęłńóśźż", "acelnoszz")
    words = [w.translate(fold) for w in found]
    if municipality:
        stems = [w.lower().translate(fold) for w in re.findall(r"\w+", municipality) if len(w) >= 4]
        stems = [s[:-1] if len(s) >= 6 else s for s in stems]
        words = ["<gmina>" if any(w.startswith(s) for s in stems) else w for w in words]
    return words


def grams(words: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def covered(words: list[str], found: set[tuple[str, ...]], n: int) -> set[int]:
    """Positions of `words` inside a run of n words that is in `found`."""
    return {i + k for i in range(len(words) - n + 1) if tuple(words[i : i + n]) in found for k in range(n)}


def data(site: Path, key: str) -> dict:
    return json.loads((site / "dane" / "programy" / f"{key}.json").read_text(encoding="utf-8"))


def key(municipality: str, slug: str) -> str:
    return f"{MUNICIPALITIES[municipality][2]}-{municipality}/{slug}"


def normalised(text: str) -> str:
    return " ".join(text.split())


# --- The planted archive ---------------------------------------------------------------------


def test_the_template_is_found_reordered_and_edited_and_its_share_is_what_was_planted(planted: Path) -> None:
    site = planted / "site"
    first, second = key("brzozowka", "pal-2020-2022"), key("debinka", "pal-2020-2022")
    text = (planted / "programmes" / first / "programme.md").read_text(encoding="utf-8")
    total = len(words_of(text, "Brzozówka"))
    # Planted: the three paragraphs, less the one word the second municipality changed.
    planted_words = sum(len(words_of(p.format(gen="X"))) for p in TEMPLATE) - 1
    kin = {k["id"]: k for k in data(site, first)["wspolne_fragmenty"]["programy"]}
    assert set(kin) == {second, key("brzozowka", "pal-2023-2025")}
    assert kin[second]["slowa_wspolne"] == planted_words
    assert kin[second]["udzial"] == pytest.approx(planted_words / total, abs=1e-4)
    # Reordered: the paragraph that comes first in one text comes last in the other, and is found;
    # the changed word splits its paragraph in two passages, neither holding the word.
    places = [(p["slowa"][0], p["w_drugim"]["slowa"][0]) for p in kin[second]["fragmenty"]]
    assert any(a > b for a, b in places) and any(a < b for a, b in places)
    for passage in kin[second]["fragmenty"]:
        shown = text[slice(*passage["znaki"])]
        assert EDITED_WORD not in shown and len(words_of(shown)) >= PASSAGE_WORDS


def test_wording_common_to_many_municipalities_is_no_kinship(planted: Path) -> None:
    site = planted / "site"
    for municipality in ("jodlowo", "klonowo"):
        record = data(site, key(municipality, "pal-2020-2022"))
        assert record["wspolne_fragmenty"] == {"udzial": 0, "programy": []}
        page = soup(site, f"programy/{MUNICIPALITIES[municipality][2]}-{municipality}/pal-2020-2022")
        assert not page.select(".pal-wspolne") and "tekstu tego programu występuje też" not in page.get_text()
        # Its text is Markdown to its end, whatever it holds.
        assert page.select_one(".pal-tekst h3, .pal-tekst h4") and page.select(".pal-tekst li")
    # No passage of any pair holds the resolution's formulas or the act's definition.
    common = set()
    for text in (RESOLUTION.format(gen="X"), DEFINITION):
        common |= grams(words_of(text), SHINGLE)
    for path in (planted / "programmes").glob("*/*/programme.md"):
        text = path.read_text(encoding="utf-8")
        for kin in data(site, path.parent.relative_to(planted / "programmes").as_posix())[
            "wspolne_fragmenty"
        ]["programy"]:
            for passage in kin["fragmenty"]:
                assert not grams(words_of(text[slice(*passage["znaki"])]), SHINGLE) & common


def test_a_passage_two_municipalities_share_is_kinship_and_the_page_says_it_in_one_line(
    planted: Path,
) -> None:
    site = planted / "site"
    lipno, olszyna = key("lipno", "pal-2020-2022"), key("olszyna", "pal-2020-2022")
    text = (planted / "programmes" / lipno / "programme.md").read_text(encoding="utf-8")
    share = len(words_of(PAIR_ONLY)) / len(words_of(text, "Lipno"))
    page = soup(site, f"programy/{lipno}")
    line = page.select_one(".pal-wspolne")
    other = data(site, olszyna)["nazwa_skrocona"]
    expected = f"{int(share * 100)}% tekstu tego programu występuje też w: Olszyna, {other} (porównaj)."
    assert normalised(line.get_text()) == expected
    links = {a.get_text(): a["href"] for a in line.select("a")}
    assert links["porównaj"].rstrip("/").endswith(f"wspolne-fragmenty/{lipno}/{olszyna}")
    assert data(site, olszyna)["wspolne_fragmenty"]["programy"][0]["id"] == lipno


def test_each_programme_names_all_its_kin_with_their_shares(planted: Path) -> None:
    site = planted / "site"
    first = key("brzozowka", "pal-2020-2022")
    page = soup(site, "programy/1234501-brzozowka/pal-2020-2022")
    line = normalised(page.select_one(".pal-wspolne").get_text())
    record = data(site, first)["wspolne_fragmenty"]
    assert line.startswith(f"{int(record['udzial'] * 100)}% tekstu tego programu występuje też w: Dębinka, ")
    for kin in record["programy"]:
        assert f"— {int(kin['udzial'] * 100)}% (porównaj)" in line or "— mniej niż 1% (porównaj)" in line
    # The later programme of the same municipality shares the paragraph it kept, with both.
    later = data(site, key("brzozowka", "pal-2023-2025"))["wspolne_fragmenty"]["programy"]
    assert {k["id"] for k in later} == {first, key("debinka", "pal-2020-2022")}
    for kin in later:
        assert kin["slowa_wspolne"] == len(words_of(T1.format(gen="X")))


def test_the_comparison_page_shows_both_texts_whole_with_passages_linked_both_ways(planted: Path) -> None:
    site, root = planted / "site", planted / "programmes"
    first, second = key("brzozowka", "pal-2020-2022"), key("debinka", "pal-2020-2022")
    page = soup(site, f"wspolne-fragmenty/{first}/{second}")
    texts = page.select(".pal-teksty section")
    assert len(texts) == 2
    again = soup(site, f"wspolne-fragmenty/{first}/{second}").select(".pal-teksty section")
    for n, (k, name) in enumerate(((first, "Brzozówka"), (second, "Dębinka"))):
        assert name in texts[n].select_one("h3").get_text()
        # Official text is shown whole: every word of programme.md, in its order, and no other.
        source = (root / k / "programme.md").read_text(encoding="utf-8")
        for added in again[n].select("h3, .pal-sr, .pal-wspolny__nr"):
            added.decompose()
        assert words_of(again[n].get_text(" ")) == words_of(source)
    passages = data(site, first)["wspolne_fragmenty"]["programy"]
    passages = next(k for k in passages if k["id"] == second)["fragmenty"]
    assert len(page.select("article table tbody tr")) == len(passages)
    for n in range(1, len(passages) + 1):
        a, b = page.select_one(f"mark#a-{n}"), page.select_one(f"mark#b-{n}")
        assert a.select_one("a")["href"] == f"#b-{n}" and b.select_one("a")["href"] == f"#a-{n}"
        # Not by colour alone: the number in brackets, and words for screen readers.
        assert f"[{n}]" in a.get_text() and f"początek wspólnego fragmentu nr {n}" in a.get_text()
    for p in passages:
        source_a = (root / first / "programme.md").read_text(encoding="utf-8")[slice(*p["znaki"])]
        source_b = (root / second / "programme.md").read_text(encoding="utf-8")[
            slice(*p["w_drugim"]["znaki"])
        ]
        assert words_of(source_a, "Brzozówka") == words_of(source_b, "Dębinka")
        assert p["slowa"][1] - p["slowa"][0] == len(words_of(source_a)) >= PASSAGE_WORDS


def test_open_data_and_the_archive_page_state_the_rule(planted: Path) -> None:
    site = planted / "site"
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    for path in (site / "dane" / "programy").rglob("*.json"):
        jsonschema.validate(json.loads(path.read_text(encoding="utf-8")), schema)
    rule = normalised(soup(site, "archiwum").select_one("#wspolne-fragmenty").find_parent().get_text(" "))
    assert f"co najmniej {PASSAGE_WORDS} słów" in rule
    assert "w programach 3 lub więcej gmin" in rule and f"obejmuje {len(MUNICIPALITIES)} gmin" in rule, rule
    tables = soup(site, "dane").select_one("#wspolne-fragmenty").find_all_next("table", limit=2)
    fields = {row.select_one("td code").get_text() for table in tables for row in table.select("tbody tr")}
    for field in (
        "udzial",
        "programy",
        "id",
        "udzial_drugiego",
        "fragmenty[].znaki",
        "fragmenty[].w_drugim.slowa",
    ):
        assert field in fields, field
    pairs = 3 + 1 + 7 * 6 // 2  # the template's three, the two municipalities', the seven's
    assert f"wspólne fragmenty: {pairs} par programów" in (planted / "build.log").read_text(encoding="utf-8")


def test_a_programme_with_many_kin_names_five_in_its_line_and_lists_the_rest(planted: Path) -> None:
    site = planted / "site"
    page = soup(site, "programy/1234507-modrzewie/pal-2008-2010")
    kin = data(site, key("modrzewie", "pal-2008-2010"))["wspolne_fragmenty"]["programy"]
    assert len(kin) == 6
    line = normalised(page.select_one(".pal-wspolne").get_text())
    assert line.count("(porównaj)") == 5 and line.endswith("i w 1 innym programie (lista niżej).")
    rest = page.select_one("details.pal-wspolne__reszta")
    assert "Pozostałe programy ze wspólnymi fragmentami (1)" in rest.select_one("summary").get_text()
    listed = [a["href"] for a in rest.select("li a") if a.get_text() != "porównaj"]
    assert len(listed) == 1 and kin[5]["id"].split("/")[-1] in listed[0]


def test_the_publisher_may_turn_shared_passages_off(tmp_path: Path, planted: Path) -> None:
    project = copy_project(tmp_path / "bez", ("mkdocs.yml", "docs", "overrides", "hooks"))
    shutil.copytree(planted / "programmes", project / "programmes")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  archiwum:\n", "  archiwum:\n    wspolne_fragmenty: false\n"), "utf-8")
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    assert not (project / "site" / "wspolne-fragmenty").exists()
    assert data(project / "site", key("lipno", "pal-2020-2022"))["wspolne_fragmenty"] is None
    assert (
        "wyłączył"
        in soup(project / "site", "archiwum").select_one("#wspolne-fragmenty").find_next("p").get_text()
    )
    config.write_text(text.replace("  archiwum:\n", "  archiwum:\n    wspolne_fragmenty: nie\n"), "utf-8")
    result = run_build(project)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "extra.archiwum.wspolne_fragmenty" in result.stderr and "true albo false" in result.stderr


# --- The real archive, against a brute-force reading of its texts ------------------------------


def real_texts(site: Path) -> dict[str, tuple[str, str, list[str]]]:
    """Each programme's municipality, text and normalised words, from the project's files."""
    found = {}
    for path in sorted((PROJECT / "programmes").glob("*/*/programme.md")):
        k = path.parent.relative_to(PROJECT / "programmes").as_posix()
        name = json.loads((site / "dane" / "programy" / f"{k}.json").read_text(encoding="utf-8"))["gmina"]
        text = path.read_text(encoding="utf-8")
        found[k] = (name["id"], text, words_of(text, name["nazwa_krotka"]))
    return found


def test_on_the_real_archive_every_pair_and_share_follows_from_the_texts(real_site: Path) -> None:
    texts = real_texts(real_site)
    municipalities = {m for m, _, _ in texts.values()}
    threshold = min(10, max(3, -(-2 * len(municipalities) // 100)))
    spread: dict[tuple[str, ...], set[str]] = {}
    for m, _, words in texts.values():
        for gram in grams(words, SHINGLE):
            spread.setdefault(gram, set()).add(m)
    common = {g for g, where in spread.items() if len(where) >= threshold}
    for a, b in itertools.permutations(texts, 2):
        words_a, words_b = texts[a][2], texts[b][2]
        shared = covered(
            words_a, grams(words_a, PASSAGE_WORDS) & grams(words_b, PASSAGE_WORDS), PASSAGE_WORDS
        )
        common_a = covered(words_a, common, SHINGLE)
        kin = {k["id"]: k for k in data(real_site, a)["wspolne_fragmenty"]["programy"]}
        found = kin[b]["slowa_wspolne"] if b in kin else 0
        # At most every word in a run of 12 both texts have; at least those of them outside common
        # wording, less the runs that common wording cuts to fewer than 12 words (bounded below).
        assert found <= len(shared), (a, b)
        if len(shared - common_a) >= 2 * PASSAGE_WORDS:
            assert b in kin, (a, b, len(shared - common_a))
        for passage in kin.get(b, {}).get("fragmenty", []):
            here = words_of(texts[a][1][slice(*passage["znaki"])], None)
            there = words_of(texts[b][1][slice(*passage["w_drugim"]["znaki"])], None)
            assert len(here) == len(there) >= PASSAGE_WORDS
        # A long shared stretch is found nearly whole (runs that common wording cuts short aside).
        if len(shared - common_a) >= 100:
            assert found >= 0.9 * len(shared - common_a), (a, b, found, len(shared - common_a))


def test_on_the_real_archive_each_programme_page_says_what_its_data_says(real_site: Path) -> None:
    for path in sorted((real_site / "dane" / "programy").rglob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        page = soup(real_site, record["adres"].split("/pal-archiwum/", 1)[-1].rstrip("/"))
        line = page.select_one(".pal-wspolne")
        kin = record["wspolne_fragmenty"]["programy"]
        if not kin:
            assert line is None
            continue
        text = normalised(line.get_text())
        share = record["wspolne_fragmenty"]["udzial"]
        assert text.startswith(
            f"{int(share * 100)}% tekstu tego programu" if share >= 0.01 else "mniej niż 1%"
        )
        assert text.count("(porównaj)") == min(len(kin), 5)


# --- In Chromium -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def planted_url(planted: Path) -> Iterator[str]:
    yield from serve(planted / "site")


def test_side_by_side_on_a_screen_stacked_on_a_phone_marked_not_by_colour_alone(
    browser: Browser, planted_url: str
) -> None:
    url = f"{planted_url}wspolne-fragmenty/1234501-brzozowka/pal-2020-2022/1234502-debinka/pal-2020-2022/"
    for width in (1280, 360):
        page, _ = open_page(browser, url, width)
        boxes = page.eval_on_selector_all(
            ".pal-teksty section", "els => els.map(e => e.getBoundingClientRect().toJSON())"
        )
        if width == 1280:
            assert boxes[0]["right"] <= boxes[1]["left"] and abs(boxes[0]["top"] - boxes[1]["top"]) < 2
        else:
            assert boxes[0]["bottom"] <= boxes[1]["top"]
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        style = page.eval_on_selector("mark.pal-wspolny", "m => getComputedStyle(m).textDecorationLine")
        assert "underline" in style
        assert axe_violations(page) == []
        page.screenshot(path=str(ARTIFACTS / f"wspolne-fragmenty-{width}.png"), full_page=width == 360)
        if width == 360:
            page.click("mark#a-1 a.pal-wspolny__nr")
            assert page.evaluate("location.hash") == "#b-1"
            top = page.eval_on_selector("mark#b-1", "m => m.getBoundingClientRect().top")
            assert 0 <= top < 800
        page.context.close()


def test_in_a_large_archive_a_template_of_ten_municipalities_is_common_and_ties_no_pair() -> None:
    # 600 municipalities, a programme each: 2% would be 12, the cap makes it 10. One wording
    # stands in 10 municipalities' programmes, another in 9, a third in 2.
    municipalities = 600
    common_wording, template, two = (np.array([f], dtype=np.uint64) for f in (101, 202, 303))
    chunks = [np.zeros(0, dtype=np.uint64) for _ in range(municipalities)]
    for n in range(10):
        chunks[n * 50] = np.concatenate((chunks[n * 50], common_wording))
    for n in range(9):
        chunks[n * 60 + 7] = np.concatenate((chunks[n * 60 + 7], template))
    for n in (3, 400):
        chunks[n] = np.concatenate((chunks[n], two))
    threshold = common_threshold(municipalities)
    index = build_index(chunks, np.arange(municipalities), threshold)
    assert threshold == 10 < 0.02 * municipalities
    assert index.is_common(np.array([101, 202, 303], dtype=np.uint64)).tolist() == [True, False, False]
    tied = set(itertools.combinations([n * 60 + 7 for n in range(9)], 2))
    assert set(index.candidates) == tied | {(3, 400)}
    # Small archives keep 3 municipalities, or 2% of them.
    assert [common_threshold(m) for m in (5, 150, 151, 500, 501)] == [3, 3, 4, 10, 10]
