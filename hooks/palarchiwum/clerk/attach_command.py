"""``bash scripts/archiwum zalacz PLIK --program GMINA/PROGRAM --opis …``: the arguments and their running."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from palarchiwum.records.problems import display_path

from .record_attachments import ROLES, AttachRefused, attach


def add_attach_command(commands: argparse._SubParsersAction) -> None:
    attached = commands.add_parser(
        "zalacz", help="dołącz plik do programu: skopiuj go do attachments/ i opisz w rekordzie (z SHA-256)"
    )
    attached.add_argument("plik", type=Path, help="plik do dołączenia, np. uchwala.pdf")
    attached.add_argument(
        "--program",
        required=True,
        help="folder programu: <gmina>/<program>, np. 2808011-ketrzyn/pal-2021-2030",
    )
    attached.add_argument(
        "--opis", required=True, help="co to za plik, po polsku, np. „Uchwała w formacie PDF, jak w BIP”"
    )
    attached.add_argument(
        "--rola",
        choices=ROLES,
        default="inny",
        help="zrodlo = tekst, z którego przepisano programme.md; oryginal = opublikowany dokument; "
        "inny (domyślnie)",
    )
    attached.add_argument(
        "--jako", help="nazwa pliku w attachments/ (domyślnie nazwa pliku bez polskich znaków)"
    )
    attached.add_argument(
        "--projekt", type=Path, default=Path.cwd(), help="folder z mkdocs.yml (domyślnie bieżący)"
    )


def run_attach(args: argparse.Namespace, programmes: Path, root: Path) -> int:
    """Copy and describe the file, or say in Polish why nothing was written; 0 on success."""
    parts = Path(args.program).parts
    if len(parts) != 2 or any(part.startswith(".") for part in parts):
        print(
            f"Nic nie zapisano: --program podaje folder gminy i programu, np. 2808011-ketrzyn/pal-2021-2030 "
            f"(podano „{args.program}”).",
            file=sys.stderr,
        )
        return 1
    folder = programmes.joinpath(*parts)
    try:
        entry = attach(folder, args.plik, args.opis, args.rola, args.jako)
    except AttachRefused as exc:
        print(f"Nic nie zapisano: {exc}.", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"Nic nie zapisano: nie można zapisać plików ({exc.strerror}).", file=sys.stderr)
        return 1
    print(f"Dołączono {display_path(folder / entry.file, root)} (SHA-256 {entry.sha256}).")
    print(f"Dopisano wpis w {display_path(folder / 'programme.yml', root)}, w polu zalaczniki.")
    print("Sprawdź: bash scripts/archiwum check")
    return 0
