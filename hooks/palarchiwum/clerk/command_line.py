"""Command line for clerks: ``check`` validates without building; ``new`` scaffolds a municipality or
a programme; ``import`` drafts a programme from its text; ``zalacz`` attaches a file; ``podglad``
and ``zbuduj`` preview and build the site."""

from __future__ import annotations

import sys
from pathlib import Path

from palarchiwum.clerk.importing.drafting import DraftExists, import_text, project_vocabularies, write_draft
from palarchiwum.clerk.importing.import_command import ImportRefused, read_source, summary, target_folder
from palarchiwum.publisher import publisher_from
from palarchiwum.records.archive import build_archive
from palarchiwum.records.markup_sources import markup_problems
from palarchiwum.records.polish import plural
from palarchiwum.records.problems import InvalidArchive, Problem
from palarchiwum.settings import archive_options, page_sources, project_settings

from . import github_report
from .attach_command import add_attach_command, run_attach
from .importing.source_attachment import with_source, write_source
from .new_command import add_new_command, run_new
from .polish_arguments import PROGRAM, PolishArgumentParser
from .record_attachments import AttachRefused
from .site_commands import SITE_COMMANDS, add_site_commands, run_site_command


def main(argv: list[str] | None = None) -> int:
    parser = PolishArgumentParser(prog=PROGRAM, description="Narzędzia archiwum programów.")
    commands = parser.add_subparsers(dest="command", required=True, title="polecenia", metavar="POLECENIE")
    check = commands.add_parser("check", help="sprawdź wszystkie programy bez budowania strony")
    check.add_argument(
        "--projekt", type=Path, default=Path.cwd(), help="folder z mkdocs.yml (domyślnie bieżący)"
    )
    check.add_argument(
        "--raport-github",
        action="store_true",
        help="także adnotacje przy plikach i podsumowanie przebiegu w GitHub Actions",
    )
    drafted = commands.add_parser(
        "import", help="szkic programu z jego tekstu: programme.md i programme.yml do sprawdzenia"
    )
    drafted.add_argument("plik", type=Path, nargs="?", help="tekst programu w UTF-8 (np. wyodrębniony z PDF)")
    drafted.add_argument("--gmina", help="folder gminy w programmes/, np. 2808011-ketrzyn")
    drafted.add_argument("--program", help="nazwa nowego folderu programu, np. pal-2021-2030")
    drafted.add_argument(
        "--projekt", type=Path, default=Path.cwd(), help="folder z mkdocs.yml (domyślnie bieżący)"
    )
    add_new_command(commands)
    add_attach_command(commands)
    add_site_commands(commands)
    args = parser.parse_args(argv)
    root = args.projekt.resolve()
    if not (root / "mkdocs.yml").is_file():
        print(
            f"Nie ma pliku mkdocs.yml w {root}: uruchom polecenie w folderze projektu "
            "(albo wskaż go opcją --projekt).",
            file=sys.stderr,
        )
        return 1
    if args.command in SITE_COMMANDS:
        return run_site_command(args, root)
    if args.command == "import":
        return run_import(args.plik, args.gmina, args.program, root)
    if args.command == "zalacz":
        return run_attach(args, project_settings(root).programmes_dir, root)
    if args.command == "new":
        return run_new(args, project_settings(root).programmes_dir, root)
    return run_check(root, github=args.raport_github)


def run_check(root: Path, github: bool = False) -> int:
    """Validate everything, the markup of every file included; print every problem; 0 when the
    archive is valid. With ``github``, also as a GitHub Actions run shows them."""
    try:
        settings = project_settings(root)
    except InvalidArchive as exc:
        if github:
            github_report.report(exc.problems, (), None)
        print(exc, file=sys.stderr)
        return 1
    docs, markdown = page_sources(root / "mkdocs.yml")
    problems = markup_problems(root, (settings.programmes_dir,), (docs,), markdown)
    try:
        archive = build_archive(settings.programmes_dir, root, settings.as_of)
    except InvalidArchive as exc:
        problems += exc.problems
    gaps: tuple[Problem, ...] = ()  # what a BIP must show and the archive does not give yet
    try:
        gaps = publisher_from(archive_options(root / "mkdocs.yml")).gaps
    except InvalidArchive as exc:
        problems += exc.problems
    if problems:
        refused = InvalidArchive(problems)
        if github:
            github_report.report(refused.problems, (), None)
        print(refused, file=sys.stderr)
        return 1
    municipalities = plural(len(archive.municipalities), "gmina", "gminy", "gmin")
    programmes = plural(len(archive.programmes), "program", "programy", "programów")
    passed = f"W porządku: {municipalities}, {programmes}; statusy na dzień {archive.as_of.isoformat()}."
    if github:
        github_report.report((), archive.warnings, passed)
    print(passed)
    if archive.warnings:
        counted = plural(len(archive.warnings), "ostrzeżenie", "ostrzeżenia", "ostrzeżeń")
        print(f"Do sprawdzenia ({counted}; nie blokują publikacji):")
        print("\n".join(f"  {warning}" for warning in archive.warnings))
    if gaps := gaps + archive.contact_gaps:
        print("Dane, które BIP ma podawać, a których jeszcze brak (nie blokują publikacji):")
        print("\n".join(f"  {gap}" for gap in gaps))
    return 0


def run_import(source: Path | None, municipality: str | None, programme: str | None, root: Path) -> int:
    """Write a draft programme from a text file; on any problem write nothing and say why."""
    try:
        settings = project_settings(root)
        text = read_source(source)
        folder = target_folder(settings.programmes_dir, root, municipality, programme)
        draft = import_text(text, project_vocabularies(settings.programmes_dir))
        written = write_draft(with_source(draft, source), folder)
        written.append(write_source(source, folder, written))
    except InvalidArchive as exc:
        print(exc, file=sys.stderr)
        return 1
    except (ImportRefused, DraftExists, AttachRefused) as exc:
        print(f"Nic nie zapisano: {exc}.", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"Nic nie zapisano: nie można zapisać plików ({exc.strerror}).", file=sys.stderr)
        return 1
    print(summary(draft, written, root))
    return 0
