"""Attachments: `zalacz` copies a file and describes it in the record; every file of a programme's
folder is described, every described file exists; checksums are text whatever their digits."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from conftest import GMINA_YML, PROGRAMME_YML, RECORD, clerk, copy_project, line_of, problems, write_archive
from palarchiwum.clerk.record_attachments import AttachRefused, Entry, with_entry
from palarchiwum.records.yaml_parsing import parse_yaml
from test_import import SOURCES, files_under

PROGRAMME = "1234562-przykladowo/pal-2020-2022"


@pytest.fixture(autouse=True)
def _a_project(tmp_path: Path) -> None:
    """The clerks' commands run in a project folder: one with mkdocs.yml."""
    copy_project(tmp_path, ("mkdocs.yml",))


COMMENTED = PROGRAMME_YML.replace("okres:\n", "# Okres z § 1 uchwały.\nokres:\n")


def test_zalacz_copies_the_file_and_adds_its_entry_keeping_the_record_as_written(tmp_path: Path) -> None:
    folder = write_archive(tmp_path / "programmes", record=COMMENTED)
    pdf = tmp_path / "Uchwała nr I-1-2020.pdf"
    pdf.write_bytes(b"%PDF-1.4 uchwala")
    done = clerk(tmp_path, "zalacz", str(pdf), "--program", PROGRAMME, "--opis", "Uchwała w PDF, jak w BIP",
                 "--rola", "oryginal")  # fmt: skip
    assert done.returncode == 0, done.stderr
    copied = folder / "attachments" / "Uchwala-nr-I-1-2020.pdf"
    assert copied.read_bytes() == pdf.read_bytes()
    record = (folder / "programme.yml").read_text(encoding="utf-8")
    assert record.startswith(COMMENTED)  # the clerk's lines, comments included, as they were
    assert record.endswith(
        "zalaczniki:\n  - plik: attachments/Uchwala-nr-I-1-2020.pdf\n"
        '    opis: "Uchwała w PDF, jak w BIP"\n'
        f'    sha256: "{hashlib.sha256(pdf.read_bytes()).hexdigest()}"\n    rola: oryginal\n'
    )
    assert "SHA-256" in done.stdout and clerk(tmp_path, "check").returncode == 0

    # A second file goes after the first, in the same list.
    second = tmp_path / "opinia.txt"
    second.write_text("Opinia komisji.\n", encoding="utf-8")
    assert clerk(tmp_path, "zalacz", str(second), "--program", PROGRAMME, "--opis", "Opinia").returncode == 0
    record = (folder / "programme.yml").read_text(encoding="utf-8")
    assert record.count("zalaczniki:") == 1 and record.index("Uchwala-nr") < record.index("opinia.txt")
    assert "    rola: inny\n" in record and clerk(tmp_path, "check").returncode == 0


def test_zalacz_refuses_in_polish_and_writes_nothing(tmp_path: Path) -> None:
    write_archive(tmp_path / "programmes")
    pdf = tmp_path / "uchwala.pdf"
    pdf.write_bytes(b"%PDF")
    before = files_under(tmp_path / "programmes")
    for args, said in (
        (("nie-ma.pdf", "--program", PROGRAMME, "--opis", "Uchwała"), "nie ma pliku"),
        ((str(pdf), "--program", "1234562-przykladowo/inny", "--opis", "Uchwała"), "nie ma programu"),
        ((str(pdf), "--program", "../..", "--opis", "Uchwała"), "--program podaje folder gminy i programu"),
        ((str(pdf), "--program", PROGRAMME, "--opis", "  "), "opisz plik po polsku"),
        ((str(pdf), "--program", PROGRAMME, "--opis", "Uchwała", "--rola", "zla"), "nieznana wartość „zla”"),
        ((str(pdf), "--opis", "Uchwała"), "brakuje wymaganych argumentów: --program"),
    ):
        refused = clerk(tmp_path, "zalacz", *args)
        assert refused.returncode != 0 and said in refused.stderr, (args, refused.stderr)
        assert "Traceback" not in refused.stderr and "usage" not in refused.stderr
        assert files_under(tmp_path / "programmes") == before
    assert clerk(tmp_path, "zalacz", str(pdf), "--program", PROGRAMME, "--opis", "Uchwała").returncode == 0
    again = clerk(tmp_path, "zalacz", str(pdf), "--program", PROGRAMME, "--opis", "Uchwała")
    assert again.returncode == 1 and "rekord już opisuje plik attachments/uchwala.pdf" in again.stderr


def test_a_file_the_record_does_not_describe_is_an_error_and_zalacz_describes_it(tmp_path: Path) -> None:
    folder = write_archive(tmp_path / "programmes")
    (folder / "attachments").mkdir()
    stray = folder / "attachments" / "skan.pdf"
    stray.write_bytes(b"%PDF skan")
    (found,) = problems(tmp_path)
    first_field = line_of(PROGRAMME_YML, "tytul:")  # the record has no zalaczniki: its first field
    assert found.startswith(f"{RECORD}:{first_field}: zalaczniki: plik attachments/skan.pdf leży w folderze")
    assert f"bash scripts/archiwum zalacz programmes/{PROGRAMME}/attachments/skan.pdf" in found
    in_place = f"programmes/{PROGRAMME}/attachments/skan.pdf"
    described = clerk(tmp_path, "zalacz", in_place, "--program", PROGRAMME, "--opis", "Skan uchwały")
    assert described.returncode == 0, described.stderr
    assert "plik: attachments/skan.pdf" in (folder / "programme.yml").read_text(encoding="utf-8")
    assert clerk(tmp_path, "check").returncode == 0
    stray.unlink()  # and an entry without its file
    (found,) = problems(tmp_path)
    assert "zalaczniki[1].plik: brak pliku attachments/skan.pdf" in found


def test_checksums_and_codes_made_of_digits_are_text(tmp_path: Path) -> None:
    digits = "0" + "1234567890" * 6 + "123"  # 64 digits, a leading zero: no number, no octal
    record = (
        PROGRAMME_YML + f"zalaczniki:\n  - plik: attachments/a.txt\n    opis: Tekst\n    sha256: {digits}\n"
    )
    folder = write_archive(
        tmp_path / "programmes", record=record, gmina=GMINA_YML.replace('"1234562"', "1234562")
    )
    (folder / "attachments").mkdir()
    (folder / "attachments" / "a.txt").write_text("tekst\n", encoding="utf-8")
    (found,) = problems(tmp_path)  # read as the text it is, so only its value is wrong
    assert found.startswith(
        f"{RECORD}:{line_of(record, 'sha256:')}: zalaczniki[1].sha256: suma SHA-256 nie zgadza"
    )


def test_import_keeps_the_text_it_read_as_the_source_attachment(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "projekt", ("mkdocs.yml", "programmes"))
    source = SOURCES[min(SOURCES)]
    municipality = min(SOURCES).split("/")[0]
    assert clerk(project, "import", str(source), "--gmina", municipality, "--program", "nowy").returncode == 0
    folder = project / "programmes" / municipality / "nowy"
    assert (folder / "attachments" / "zrodlo.txt").read_bytes() == source.read_bytes()
    record = (folder / "programme.yml").read_text(encoding="utf-8")
    assert f'    sha256: "{hashlib.sha256(source.read_bytes()).hexdigest()}"\n    rola: zrodlo\n' in record
    # Compared with it word by word from the first draft on: the draft is the only problem.
    checked = clerk(project, "check")
    ours = [line for line in checked.stderr.splitlines() if "/nowy/" in line]
    assert len(ours) == 1 and ": szkic: " in ours[0], ours


def test_an_entry_goes_into_any_block_list_and_a_list_in_brackets_is_refused_untouched() -> None:
    entry = Entry("attachments/b.pdf", "Opis pliku", "a" * 64, "inny")
    listed = "  - plik: attachments/a.txt\n    opis: abc\n"
    for record in (
        f"tytul: x\nzalaczniki:\n{listed}# koniec listy\nokres: 1\n",  # a comment after the list
        "tytul: x\nzalaczniki:\n    - plik: attachments/a.txt\n      opis: abc\n",  # indented deeper
        "tytul: x\nzalaczniki: []  # pusto\nokres: 1\n",
        "tytul: x\nzalaczniki:\nokres: 1\n",
        "tytul: x",
    ):
        edited = with_entry(record, entry)
        kept = [line for line in record.splitlines() if not line.startswith("zalaczniki:")]
        assert all(line in edited.splitlines() for line in kept), edited
        assert parse_yaml(edited).data["zalaczniki"][-1]["plik"] == "attachments/b.pdf"
    flow = 'tytul: x\nzalaczniki: [{plik: attachments/a.txt, opis: abc, sha256: "' + "b" * 64 + '"}]\n'
    with pytest.raises(AttachRefused, match="dopisz go ręcznie"):
        with_entry(flow, entry)
