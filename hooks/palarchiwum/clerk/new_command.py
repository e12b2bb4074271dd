"""``bash scripts/archiwum new gmina …`` and ``new program …``: the arguments and their running."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from palarchiwum.records.problems import display_path

from .scaffold import KINDS, Municipality, NewProgramme, ScaffoldRefused, new_municipality, new_programme


def add_new_command(commands: argparse._SubParsersAction) -> None:
    new = commands.add_parser("new", help="załóż nową gminę albo nowy program (pliki z opisem pól)")
    kinds = new.add_subparsers(dest="what", required=True, title="co założyć", metavar="gmina|program")
    gmina = kinds.add_parser("gmina", help="nowa gmina: folder programmes/<teryt>-<nazwa>/ z gmina.yml")
    gmina.add_argument("--teryt", required=True, help="kod TERYT (TERC), 7 cyfr, np. 2808011")
    gmina.add_argument("--nazwa", required=True, help="pełna nazwa, np. „Gmina Miejska Kętrzyn”")
    gmina.add_argument("--nazwa-krotka", required=True, help="krótka nazwa do list, np. Kętrzyn")
    gmina.add_argument("--typ", required=True, choices=KINDS, help="rodzaj gminy")
    gmina.add_argument("--wojewodztwo", required=True, help="np. warmińsko-mazurskie")
    gmina.add_argument("--powiat", required=True, help="np. kętrzyński")
    program = kinds.add_parser("program", help="nowy program: szkic programme.yml i pusty programme.md")
    program.add_argument("gmina", help="folder gminy w programmes/, np. 2808011-ketrzyn")
    program.add_argument("program", help="nazwa folderu programu, np. pal-2021-2030")
    program.add_argument("--tytul", required=True, help="tytuł programu jak w dokumencie")
    program.add_argument("--od", required=True, help="początek okresu: RRRR albo RRRR-MM")
    program.add_argument("--do", required=True, help="koniec okresu: RRRR albo RRRR-MM")
    for sub in (gmina, program):
        sub.add_argument("--projekt", type=Path, default=Path.cwd(), help="folder z mkdocs.yml")


def run_new(args: argparse.Namespace, programmes: Path, root: Path) -> int:
    """Write the files, or say in Polish why nothing was written; 0 on success."""
    try:
        if args.what == "gmina":
            written = new_municipality(
                programmes,
                Municipality(
                    args.teryt, args.nazwa, args.nazwa_krotka, args.typ, args.wojewodztwo, args.powiat
                ),
            )
            next_step = "Uzupełnij jednostki gminy (np. ośrodek pomocy społecznej) i sprawdź kod TERYT."
        else:
            written = new_programme(
                programmes, NewProgramme(args.gmina, args.program, args.tytul, args.od, args.do)
            )
            next_step = (
                "Wklej pełny tekst do programme.md, uzupełnij rekord według komentarzy, usuń "
                "„szkic: true” i sprawdź: bash scripts/archiwum check"
            )
    except ScaffoldRefused as exc:
        print(f"Nic nie zapisano: {exc}.", file=sys.stderr)
        return 1
    for path in written:
        print(f"Utworzono {display_path(path, root)}")
    print(next_step)
    return 0
