"""The change register as a BIP keeps it: who (editors, not git identities), why (reasons in
Polish, never a developer's message), when, what; comparisons in sentences; feeds alike.

One git fixture holds a commit of each kind the issue names: a Polish subject with a body, a
``Powód:`` trailer, an English message with no reason, an English past commit described in
``programmes/opisy-zmian.yml``, an identity mapped by ``.mailmap``, and a commit that changes no
published page.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from conftest import (
    PROGRAMME_MD,
    PROGRAMME_YML,
    PROJECT,
    commit,
    copy_project,
    git,
    init_repo,
    run_build,
    write_archive,
)
from pages import records, section_text, soup
from palarchiwum.history.reasons import reason_of
from palarchiwum.records.change_descriptions import load_descriptions
from palarchiwum.records.record_files import Context

URL = "programy/1234562-przykladowo/pal-2020-2022"
ATOM = "{http://www.w3.org/2005/Atom}"
FOLDER = "programmes/1234562-przykladowo/pal-2020-2022"
RAW_IDENTITY = ("ania-laptop7", "ania@laptop7.local")
EDITOR = "Anna Nowak, redaktor BIP"
MAILMAP = "Anna Nowak <anna.nowak@gmina.example> ania-laptop7 <ania@laptop7.local>\n"
EDITORS = "redaktorzy: [{nazwa: Anna Nowak, funkcja: redaktor BIP, email: anna.nowak@gmina.example}]"
# The developers' messages: none of them may reach a page, a feed or a data file.
DEVELOPER_MESSAGES = (
    "Add the programme of Przykładowo",
    "Record: publication",
    "Update the record",
    "Styles",
)
DESCRIBED = "Dodanie programu gminy Przykładowo na lata 2020–2022"
TRAILER_REASON = "Uzupełnienie publikacji uchwały w dzienniku urzędowym"
NOTE = "Tekst programu uzupełniono o słowo z oryginału."
GOAL = "tresc: Rozwój wolontariatu"


@pytest.fixture(scope="module")
def register_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    project = copy_project(tmp_path_factory.mktemp("register"), ("mkdocs.yml", "docs", "overrides", "hooks"))
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("redaktorzy: []", EDITORS), encoding="utf-8")
    init_repo(project)
    (project / ".mailmap").write_text(MAILMAP, encoding="utf-8")
    # The first record quotes a goal the text does not hold: today's checks refuse that version.
    write_archive(project / "programmes", record=PROGRAMME_YML.replace(GOAL, f"{GOAL} w gminie"))
    shas = {}
    shas["past"] = commit(project, DEVELOPER_MESSAGES[0], *RAW_IDENTITY[:1], "2024-01-10", RAW_IDENTITY[1])
    record = project / FOLDER / "programme.yml"
    record.write_text(PROGRAMME_YML.replace("numer: I/1/2020", "numer: I/2/2020"), encoding="utf-8")
    shas["subject"] = commit(
        project,
        "Poprawka numeru uchwały\n\nNumer przepisano ponownie z oryginału uchwały.",
        "Jan Kowalski",
        "2024-02-20",
        "jan.kowalski@example.org",
    )
    with_publication = record.read_text(encoding="utf-8").replace(
        "  numer: I/2/2020", "  numer: I/2/2020\n  publikacja: Dz. Urz. Woj. Maz. z 2020 r. poz. 7"
    )
    record.write_text(with_publication, encoding="utf-8")
    shas["trailer"] = commit(
        project,
        f"{DEVELOPER_MESSAGES[1]}\n\nThe journal entry.\n\nPowód: {TRAILER_REASON}",
        RAW_IDENTITY[0],
        "2024-03-05",
        RAW_IDENTITY[1],
    )
    record.write_text(every_kind_changed(with_publication), encoding="utf-8")
    text = project / FOLDER / "programme.md"
    text.write_text(
        PROGRAMME_MD.replace("osoby bezrobotne.", "osoby bezrobotne i ich rodziny."), encoding="utf-8"
    )
    shas["none"] = commit(
        project, DEVELOPER_MESSAGES[2], "Jan Kowalski", "2024-04-02", "jan.kowalski@example.org"
    )
    styles = project / "docs/assets/archiwum.css"
    styles.write_text(styles.read_text(encoding="utf-8") + "\n/* wider tables */\n", encoding="utf-8")
    shas["unpublished"] = commit(project, DEVELOPER_MESSAGES[3], "Jan Kowalski", "2024-04-10")
    (project / "programmes/opisy-zmian.yml").write_text(f'"{shas["past"]}": {DESCRIBED}\n', encoding="utf-8")
    shas["description"] = commit(
        project, "Opis wcześniejszej zmiany w rejestrze", RAW_IDENTITY[0], "2024-05-01", RAW_IDENTITY[1]
    )
    return project, shas


def every_kind_changed(record: str) -> str:
    """The record with a changed period, a goal removed, a goal's topics and an action's goals
    changed, an addressee's wording changed and an editor's note added."""
    record = record.replace("  do: 2022", "  do: 2023")
    record = record.replace(
        "  - id: c2\n    tematy: [wolontariat]\n    tresc: Rozwój wolontariatu\n", ""
    ).replace(
        "    tematy: [przeciwdzialanie-wykluczeniu]\n",
        "    tematy: [przeciwdzialanie-wykluczeniu, wolontariat]\n",
    )
    record = record.replace(
        "    brzmienie: osoby bezrobotne\n", "    brzmienie: osoby bezrobotne i ich rodziny\n"
    )
    return record + f"uwagi_redakcyjne:\n  - {NOTE}\n"


@pytest.fixture(scope="module")
def built(register_repo: tuple[Path, dict[str, str]]) -> tuple[Path, str, dict[str, str]]:
    project, shas = register_repo
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    return project / "site", result.stderr, shas


def register_rows(site: Path) -> list[list[str]]:
    page = soup(site, "rejestr-zmian")
    return [
        [td.get_text(" ", strip=True) for td in tr.select("td")] for tr in page.select("article tbody tr")
    ]


def test_the_register_names_editors_and_gives_polish_reasons_only(
    built: tuple[Path, str, dict[str, str]],
) -> None:
    site, _, _ = built
    rows = register_rows(site)
    assert [(row[1], row[2]) for row in rows] == [
        (EDITOR, "Opis wcześniejszej zmiany w rejestrze"),
        ("Jan Kowalski (spoza listy redaktorów)", "powód nie został podany"),
        (EDITOR, TRAILER_REASON),
        (
            "Jan Kowalski (spoza listy redaktorów)",
            "Poprawka numeru uchwały — Numer przepisano ponownie z oryginału uchwały.",
        ),
        (EDITOR, DESCRIBED),  # the past commit, by the publisher's description
    ]
    assert [row[0] for row in rows] == [
        "1 maja 2024 r., godz. 13:00",
        "2 kwietnia 2024 r., godz. 13:00",
        "5 marca 2024 r., godz. 12:00",
        "20 lutego 2024 r., godz. 12:00",
        "10 stycznia 2024 r., godz. 12:00",
    ]
    assert rows[0][3] == "Rejestr zmian: opisy wcześniejszych zmian"
    assert rows[1][3].endswith(
        ": tekst programu, opis programu w archiwum (uchwała, cele, adresaci i inne dane)"
    )
    # What each change did to the programme, in words.
    assert rows[3][3].endswith(": opis programu w archiwum (uchwała, cele, adresaci i inne dane)")
    assert ": tekst programu, opis programu w archiwum" in rows[4][3]


def test_no_developer_message_or_git_identity_is_published(built: tuple[Path, str, dict[str, str]]) -> None:
    site, _, _ = built
    published = [p for p in site.rglob("*") if p.suffix in (".html", ".xml", ".json", ".csv")]
    assert len(published) > 20
    for path in published:
        text = path.read_text(encoding="utf-8")
        for message in (*DEVELOPER_MESSAGES, "The journal entry", *RAW_IDENTITY):
            assert message not in text, (path, message)


def test_a_commit_that_changes_no_published_page_is_not_listed(
    built: tuple[Path, str, dict[str, str]],
) -> None:
    site, _, shas = built
    assert len(register_rows(site)) == len(shas) - 1
    assert not list(site.glob(f"rejestr-zmian/*{shas['unpublished']}*"))
    feed = ET.parse(site / "rejestr-zmian" / "feed.xml").getroot()
    ids = [e.findtext(f"{ATOM}id") for e in feed.findall(f"{ATOM}entry")]
    assert len(ids) == len(shas) - 1 and not any(shas["unpublished"] in i for i in ids)


def test_the_clerk_is_told_which_change_has_no_reason(built: tuple[Path, str, dict[str, str]]) -> None:
    _, stderr, shas = built
    warnings = [line for line in stderr.splitlines() if "nie ma powodu po polsku" in line]
    assert len(warnings) == 1 and shas["none"] in warnings[0] and "programmes/opisy-zmian.yml" in warnings[0]


def test_the_feeds_carry_the_same_reasons_and_names(built: tuple[Path, str, dict[str, str]]) -> None:
    site, _, _ = built
    feed = ET.parse(site / "rejestr-zmian" / "feed.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [
        "Opis wcześniejszej zmiany w rejestrze",
        "Powód zmiany nie został podany",
        TRAILER_REASON,
        "Poprawka numeru uchwały",
        DESCRIBED,
    ]
    authors = [e.find(f"{ATOM}author").findtext(f"{ATOM}name") for e in entries]
    assert authors == [EDITOR, "Jan Kowalski", EDITOR, "Jan Kowalski", EDITOR]
    summary = entries[1].findtext(f"{ATOM}summary")
    assert "Kto: Jan Kowalski (spoza listy redaktorów)" in summary and "powód nie został podany" in summary
    programmes = ET.parse(site / "programy" / "feed.xml").getroot()
    summaries = [e.findtext(f"{ATOM}summary") for e in programmes.findall(f"{ATOM}entry")]
    assert any(TRAILER_REASON in s for s in summaries) and any(DESCRIBED in s for s in summaries)
    names = {e.find(f"{ATOM}author").findtext(f"{ATOM}name") for e in programmes.findall(f"{ATOM}entry")}
    assert names == {EDITOR, "Jan Kowalski"}


def test_the_open_data_name_the_editor_and_the_reason(built: tuple[Path, str, dict[str, str]]) -> None:
    site, _, _ = built
    (path,) = (site / "dane/programy").rglob("*.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    versions = [(v["autor"], v["funkcja"], v["powod"]) for v in data["wersje"]]
    assert versions == [
        ("Jan Kowalski", None, None),
        ("Anna Nowak", "redaktor BIP", TRAILER_REASON),
        ("Jan Kowalski", None, "Poprawka numeru uchwały"),
        ("Anna Nowak", "redaktor BIP", DESCRIBED),
    ]


def term_name(vocabulary: str, term: str) -> str:
    """A term's name, from the archive's vocabulary file."""
    data = yaml.safe_load((PROJECT / "programmes/slowniki" / f"{vocabulary}.yml").read_text(encoding="utf-8"))
    return next(t["nazwa"] for t in data["terminy"] if t["id"] == term)


def versions(site: Path) -> list[str]:
    return sorted(p.name for p in (site / URL / "wersje").iterdir())


def test_a_record_comparison_reads_as_sentences(built: tuple[Path, str, dict[str, str]]) -> None:
    site, _, _ = built
    page = soup(site, f"{URL}/wersje/{versions(site)[3]}")
    sentences = [li.get_text() for li in page.select("#porownanie-rekord ~ ul.pal-zmiany-rekordu li")]
    assert sentences == [
        "Zmieniono okres realizacji: [usunięto: 2020–2022] → [dodano: 2020–2023]",
        "Usunięto cel: [usunięto: Rozwój wolontariatu]",
        f"Zmieniono tematy celu nr 1: [dodano: {term_name('cele', 'wolontariat')}]",
        "Zmieniono adresata nr 1: osoby bezrobotne[dodano:  i ich rodziny]",
        f"Dodano uwagę redakcji: [dodano: {NOTE}]",
    ]
    assert "tresc" not in page.get_text() and "c2" not in section_text(page, "porownanie")
    text_diff = page.select_one("#porownanie-tekst ~ .pal-porownanie")
    (inserted,) = text_diff.select("ins")
    assert inserted.select_one(".pal-sr").get_text() == "[dodano: "  # read out, visually hidden


def test_an_earlier_version_shows_its_record_as_the_programme_page_does(
    built: tuple[Path, str, dict[str, str]],
) -> None:
    site, _, _ = built
    earlier = soup(site, f"{URL}/wersje/{versions(site)[2]}")  # the third of four: before the last
    extract = earlier.select_one("#rekord ~ .pal-wyciag")
    assert extract.select_one("#w-skrocie") is not None and extract.select_one("#uchwala") is not None
    text = section_text(earlier, "rekord")
    assert "I/2/2020" in text and "Dz. Urz. Woj. Maz. z 2020 r. poz. 7" in text
    assert "Rozwój wolontariatu" in text and NOTE not in text  # as it was, before the last change
    assert "2020–2022" in text
    for link in extract.select("a[href^='#']"):
        assert earlier.select_one(f"[id='{link['href'][1:]}']") is not None, link["href"]
    assert "```" not in earlier.get_text() and "tresc:" not in earlier.get_text()


def test_an_earlier_record_that_fails_todays_checks_is_shown_field_by_field(
    built: tuple[Path, str, dict[str, str]],
) -> None:
    site, _, _ = built
    first = soup(site, f"{URL}/wersje/{versions(site)[0]}")
    fields = [li.get_text() for li in first.select("#rekord ~ ul.pal-zmiany-rekordu li")]
    assert "Cel: Rozwój wolontariatu w gminie" in fields and "Numer uchwały: I/1/2020" in fields
    assert first.select_one("#rekord ~ .pal-wyciag") is None
    second = soup(site, f"{URL}/wersje/{versions(site)[1]}")
    sentences = [li.get_text() for li in second.select("#porownanie-rekord ~ ul.pal-zmiany-rekordu li")]
    assert sentences == [
        "Zmieniono numer uchwały: [usunięto: I/1/2020] → [dodano: I/2/2020]",
        "Zmieniono cel nr 2: Rozwój wolontariatu[usunięto:  w gminie]",
    ]


def test_every_change_of_this_archives_published_content_has_a_polish_reason() -> None:
    """From now on a commit that changes programmes or pages says why in Polish (the commit-msg
    hook asks for it); past ones are described in programmes/opisy-zmian.yml."""
    if (PROJECT / ".git" / "shallow").exists():
        pytest.skip("a shallow clone does not have the archive's history")
    problems: list = []
    descriptions = load_descriptions(PROJECT / "programmes", Context(PROJECT, problems, {}))
    assert problems == []
    log = git(PROJECT, "log", "--format=%x01%H%x00%B", "--", "programmes", "docs/*.md")
    commits = [entry.split("\x00", 1) for entry in log.split("\x01")[1:]]
    assert commits
    unexplained = []
    for sha, message in commits:
        description = next((text for key, text in descriptions.items() if sha.startswith(key)), None)
        described = {sha: description} if description else {}
        if reason_of(sha, message.strip(), described).text is None:
            unexplained.append(f"{sha[:7]} {message.strip().splitlines()[0]}")
    assert unexplained == []


def test_the_commit_msg_hook_asks_for_a_polish_reason(tmp_path: Path) -> None:
    project = copy_project(tmp_path, ("hooks",))
    shutil.copytree(PROJECT / "scripts", project / "scripts")
    init_repo(project)
    git(project, "config", "core.hooksPath", "scripts/git-hooks")
    (project / "README.md").write_text("x\n", encoding="utf-8")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "Tooling: a readme")  # nothing published: any message
    (project / "programmes").mkdir()
    (project / "programmes/opisy-zmian.yml").write_text("# opisy\n", encoding="utf-8")
    git(project, "add", "-A")
    refused = subprocess.run(
        ["git", "commit", "-q", "-m", "Add descriptions"], cwd=project, capture_output=True, text=True
    )
    assert refused.returncode != 0 and "Powód:" in refused.stderr and "Napisz go po" in refused.stderr
    assert git(project, "log", "--format=%s") == "Tooling: a readme\n"
    trailer = subprocess.run(
        ["git", "commit", "-q", "-m", "Add descriptions", "-m", "Powód: Dodanie pliku z opisami zmian"],
        cwd=project,
        capture_output=True,
        text=True,
    )
    assert trailer.returncode == 0, trailer.stderr
    (project / "programmes/opisy-zmian.yml").write_text("# opisy zmian\n", encoding="utf-8")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "Poprawka opisu pliku z opisami zmian")
    assert len(git(project, "log", "--format=%s").splitlines()) == 3


MARKUP_REASON = "Poprawka <script>alert(1)</script> *na* [stronie](javascript:alert(1)) O archiwum"


@pytest.fixture(scope="module")
def edited(
    register_repo: tuple[Path, dict[str, str]], tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, str]:
    """A clone with a description of a commit it does not have, and a commit whose message and
    author's name hold markup; built once (its site and log)."""
    project, _ = register_repo
    clone = tmp_path_factory.mktemp("edited") / "clone"
    git(clone.parent, "clone", "-q", f"file://{project}", str(clone))
    descriptions = clone / "programmes/opisy-zmian.yml"
    descriptions.write_text(
        descriptions.read_text(encoding="utf-8") + '"0badc0de": Opis zapisu, którego nie ma\n',
        encoding="utf-8",
    )
    page = clone / "docs/o-archiwum.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nNowy akapit.\n", encoding="utf-8")
    commit(clone, MARKUP_REASON, "Ewa <img src=x onerror=alert(1)>", "2024-06-01")
    result = run_build(clone)
    assert result.returncode == 0, result.stderr
    return clone, result.stderr


def test_a_description_for_a_commit_that_does_not_exist_is_a_warning(edited: tuple[Path, str]) -> None:
    assert "opis zapisu 0badc0de nie pasuje do żadnego zapisu" in edited[1]


def test_markup_in_a_commit_message_or_a_name_is_shown_as_text(edited: tuple[Path, str]) -> None:
    """Messages and git names come from outside the archive's documents: never markup."""
    clone, _ = edited
    site = clone / "site"
    register = soup(site, "rejestr-zmian")
    (row,) = [tr for tr in register.select("article tbody tr") if "alert" in tr.get_text()]
    name = git(clone, "log", "-1", "--format=%aN").strip()  # as git keeps it (it drops "<", ">")
    assert MARKUP_REASON in row.get_text() and f"{name} (spoza listy redaktorów)" in row.get_text()
    for path in site.rglob("index.html"):
        html = soup(site, path.parent.relative_to(site).as_posix())
        assert not [s for s in html.select("script") if "alert" in s.get_text()], path
        assert not html.select("img[onerror]") and not html.select("a[href^='javascript']"), path
    assert name in soup(site, "o-archiwum").select_one(".pal-metryczka").get_text()


def test_a_programmes_first_version_says_when_its_resolution_enters_into_force(real_site: Path) -> None:
    """Where the record says so: the resolution's own words on entry into force."""
    stated = [
        (url, r["uchwala"]["wejscie_w_zycie"]) for url, r in records() if r["uchwala"].get("wejscie_w_zycie")
    ]
    assert stated, "no real record states its entry into force: the test needs one"
    for url, wording in stated:
        rows = soup(real_site, url).select("#rejestr-zmian ~ table tbody tr")
        first = rows[-1].select("td")[1].get_text(" ", strip=True)
        assert f"wejście w życie: „{' '.join(wording.split())}”" in first, url
