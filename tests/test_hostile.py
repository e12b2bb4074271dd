"""Hostile or broken input is refused with a clear message, and nothing is written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import PROGRAMME_MD, PROGRAMME_YML, copy_project, problems, run_build, write_archive

TEXT = "programmes/1234562-przykladowo/pal-2020-2022/programme.md"
RECORD = "programmes/1234562-przykladowo/pal-2020-2022/programme.yml"


@pytest.mark.parametrize(
    ("markup", "message"),
    [
        ("<script>alert('x')</script>", "znacznik <script> (skrypt)"),
        ('<iframe src="https://example.com"></iframe>', "znacznik <iframe>"),
        ('<img src="x.png" onerror="alert(1)">', "atrybut onerror= (kod uruchamiany w przeglądarce)"),
        ("[kliknij](javascript:alert(1))", "adres „javascript:” (kod zamiast adresu)"),
        ("[kliknij](data:text/html;base64,PHNjcmlwdD4=)", "adres „data:” (treść zamiast adresu)"),
    ],
)
def test_markup_that_runs_code_in_a_programme_text_is_refused(
    tmp_path: Path, markup: str, message: str
) -> None:
    write_archive(tmp_path / "programmes", text=PROGRAMME_MD + f"\nZałącznik: {markup}\n")
    line = (PROGRAMME_MD + "\n").count("\n") + 1
    assert f"{TEXT}:{line}: niebezpieczna treść: {message} (wskazówka: usuń to z pliku" in "\n".join(
        problems(tmp_path)
    )


def test_markup_in_a_record_value_is_refused_too(tmp_path: Path) -> None:
    record = PROGRAMME_YML.replace("okres:", 'nazwa_skrocona: "PAL <script>fetch(1)</script>"\nokres:')
    write_archive(tmp_path / "programmes", record=record)
    assert f"{RECORD}:3: niebezpieczna treść: znacznik <script> (skrypt)" in "\n".join(problems(tmp_path))


def test_a_yaml_alias_bomb_is_refused_at_once(tmp_path: Path) -> None:
    bomb = "\n".join(
        [f"a0: &a0 [{', '.join(['x'] * 10)}]"]
        + [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 10)]
    )
    write_archive(tmp_path / "programmes", record=PROGRAMME_YML + bomb + "\n")
    found = problems(tmp_path)
    assert any("aliasy YAML (*nazwa) nie są dozwolone" in p for p in found), found


def test_a_python_tag_is_refused(tmp_path: Path) -> None:
    record = PROGRAMME_YML.replace(
        "okres:", "nazwa_skrocona: !!python/object/apply:os.system ['true']\nokres:"
    )
    write_archive(tmp_path / "programmes", record=record)
    assert any(RECORD in p and "3:" in p for p in problems(tmp_path))


def test_a_very_large_file_is_refused_unread(tmp_path: Path) -> None:
    write_archive(tmp_path / "programmes", text=PROGRAMME_MD + "x" * 2_100_000)
    found = problems(tmp_path)
    assert any(
        re.search(rf"{TEXT}: plik ma 2 \d{{3}} \d{{3}} bajtów, więcej niż dopuszczalne 2 000 000", p)
        for p in found
    )


def test_an_attachment_outside_the_programme_folder_is_refused(tmp_path: Path) -> None:
    record = PROGRAMME_YML + (
        "zalaczniki:\n  - plik: ../../../mkdocs.yml\n    opis: Plik spoza programu\n    rola: zrodlo\n"
        f'    sha256: "{"0" * 64}"\n'
    )
    write_archive(tmp_path / "programmes", record=record)
    assert any("zalaczniki[0].plik: ścieżka wychodzi poza folder programu" in p for p in problems(tmp_path))


def test_a_hostile_programme_stops_the_build_and_nothing_is_written(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "projekt")
    text = project / "programmes/2808011-ketrzyn/pal-2021-2030/programme.md"
    text.write_text(text.read_text(encoding="utf-8") + '\n<div onclick="steal()">x</div>\n', encoding="utf-8")
    result = run_build(project)
    assert result.returncode != 0
    assert "niebezpieczna treść: atrybut onclick=" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / "site").exists()


# The theme's own inline snippets (Material's templates), and data that browsers do not run.
THEME_SNIPPETS = ("__md_scope=new URL(", "var target=document.getElementById(location.hash")
DATA_TYPES = ("application/ld+json", "application/json")


def test_the_published_site_runs_no_script_but_ours(real_site: Path) -> None:
    # Relative from a page; from 404.html (served at any depth), under the site's path.
    ours = re.compile(r"^(?:(?:\.\./)*|/pal-archiwum/)(?:assets/|pagefind/)")
    for page in real_site.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for script in soup.find_all("script"):
            if script.get("src"):
                assert ours.match(script["src"]), (page, script["src"])
            elif script.get("type") not in DATA_TYPES:
                assert (script.string or "").startswith(THEME_SNIPPETS), (page, str(script)[:80])
        for tag in soup.find_all(True):
            handlers = [a for a in tag.attrs if a.lower().startswith("on")]
            assert not handlers, (page, tag.name, handlers)
            for attr in ("href", "src", "action"):
                assert not str(tag.get(attr, "")).lower().startswith(("javascript:", "data:")), (page, tag)
