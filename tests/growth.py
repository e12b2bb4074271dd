"""The archive grown as a clerk grows it: programmes the tests never saw, added with the clerks'
commands (`new gmina`, `import`) and the record completed by hand, as the guide says.

The two texts are our own words (the repository holds no third-party documents). One programme
runs for a single year and has every section; the other is an excerpt the archive holds only in
part, with no main goal, no addressees and no results. Both carry their source text as an
attachment (`rola: zrodlo`), so the source-fidelity check runs on what `import` wrote; in the
first, the extraction split a word ("udzia łu"), which the clerk mends in programme.md and
declares as an editorial correction.

Run as a script to grow a copy of the project in place:
``PYTHONPATH=hooks python tests/growth.py DIR`` (then commit it and run the whole suite there;
``bash scripts/test-grown`` does all of it).
"""

from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from conftest import clerk

SINGLE_YEAR = """\
Uchwała Nr XII/85/2025
Rady Gminy Zielony Gaj
z dnia 30 stycznia 2025 r.

w sprawie przyjęcia Programu Aktywności Lokalnej Gminy Zielony Gaj na rok 2025

Na podstawie art. 18 ust. 2 pkt 15 ustawy z dnia 8 marca 1990 r. o samorządzie gminnym oraz
art. 110 ust. 10 ustawy z dnia 12 marca 2004 r. o pomocy społecznej Rada Gminy Zielony Gaj
uchwala, co następuje:

§ 1. Przyjmuje się Program Aktywności Lokalnej Gminy Zielony Gaj na rok 2025, stanowiący
załącznik do niniejszej uchwały.

§ 2. Wykonanie uchwały powierza się Wójtowi Gminy Zielony Gaj.

§ 3. Uchwała wchodzi w życie z dniem podjęcia.

Program Aktywności Lokalnej Gminy Zielony Gaj na rok 2025

I. Cel główny

Celem głównym programu jest wzmocnienie więzi sąsiedzkich i aktywności mieszkańców gminy.

II. Cele szczegółowe

1. Zwiększenie udzia łu seniorów w życiu wsi.
2. Rozwój świetlicy wiejskiej jako miejsca spotkań.

III. Adresaci programu

Program skierowany jest do osób starszych oraz rodzin z dziećmi zamieszkałych na terenie gminy.

IV. Działania

1. Prowadzenie klubu seniora w świetlicy wiejskiej.
2. Organizacja pikniku sąsiedzkiego.

V. Przewidywane rezultaty

Oczekuje się wzrostu liczby mieszkańców uczestniczących w spotkaniach świetlicy.

VI. Finansowanie

Program finansowany jest ze środków własnych gminy.
"""

EXCERPT = """\
Program Aktywności Lokalnej dla Gminy Nowe Pole na lata 2024-2026

Rozdział 2. Cele programu

1. Przygotowanie mieszkańców do wspólnego działania na rzecz osie-
dla.
2. Wsparcie powstania grupy sąsiedzkiej przy bibliotece.

Rozdział 3. Działania

1. Warsztaty dla liderów osiedlowych.
2. Spotkania grupy sąsiedzkiej raz w miesiącu.
"""


@dataclass(frozen=True)
class Newcomer:
    """A municipality and one programme a clerk adds."""

    teryt: str
    name: str
    short_name: str
    kind: str
    voivodeship: str
    slug: str
    text: str

    @property
    def folder(self) -> str:
        return f"{self.teryt}-{self.short_name.lower().replace(' ', '-')}"

    @property
    def key(self) -> str:
        return f"{self.folder}/{self.slug}"


# TERYT codes beginning with 99 belong to no voivodeship: they can never clash with a real one.
NEWCOMERS = (
    Newcomer(
        "9901012", "Gmina Zielony Gaj", "Zielony Gaj", "gmina wiejska", "mazowieckie", "pal-2025", SINGLE_YEAR
    ),
    Newcomer(
        "9901023",
        "Gmina Nowe Pole",
        "Nowe Pole",
        "gmina miejsko-wiejska",
        "łódzkie",
        "pal-2024-2026",
        EXCERPT,
    ),
)


def _run(project: Path, *args: str) -> None:
    result = clerk(project, *args)
    assert result.returncode == 0, f"{' '.join(args[:2])}: {result.stdout}{result.stderr}"


def grow(project: Path) -> list[Newcomer]:
    """Add the newcomers to the project's archive as a clerk does; return them as added (in an
    archive grown before, under TERYT codes still free)."""
    added = [_unused(new, project / "programmes") for new in NEWCOMERS]
    for new in added:
        _run(
            project, "new", "gmina", "--teryt", new.teryt, "--nazwa", new.name, "--nazwa-krotka",
            new.short_name, "--typ", new.kind, "--wojewodztwo", new.voivodeship, "--powiat", "próbny",
        )  # fmt: skip
        source = project / f"{new.slug}.txt"
        source.write_text(new.text, encoding="utf-8")
        _run(project, "import", source.name, "--gmina", new.folder, "--program", new.slug)
        folder = project / "programmes" / new.folder / new.slug
        assert (folder / "attachments/zrodlo.txt").read_bytes() == source.read_bytes()  # import kept it
        source.unlink()
        if new.text is SINGLE_YEAR:
            _mend(folder, *MISREAD)
        record = folder / "programme.yml"
        data = yaml.safe_load(record.read_text(encoding="utf-8"))
        record.write_text(yaml.safe_dump(_completed(data, folder, new), allow_unicode=True, sort_keys=False))
    return added


def _unused(new: Newcomer, programmes: Path) -> Newcomer:
    """The newcomer under the first TERYT code from its own on that no folder uses yet."""
    while any(programmes.glob(f"{new.teryt}-*")):
        new = replace(new, teryt=f"{int(new.teryt) + 100:07d}")
    return new


# What the extraction misread in the single-year text, and what the document says.
MISREAD = ("udzia łu", "udziału")
MISREAD_REASON = (
    "Przy wyodrębnianiu tekstu z PDF wyraz „udziału” rozdzielono spacją; poprawiono według dokumentu."
)


def _mend(folder: Path, misread: str, meant: str) -> None:
    """The clerk mends a misread word in the text and in the record's quotes."""
    for name in ("programme.md", "programme.yml"):
        path = folder / name
        path.write_text(path.read_text(encoding="utf-8").replace(misread, meant), encoding="utf-8")


def _completed(data: dict, folder: Path, new: Newcomer) -> dict:
    """The draft record as a clerk finishes it: terms chosen, what import missed added, the
    source attached, the draft flag removed."""
    data.pop("szkic")
    for section, field, term in (
        ("cele", "tematy", "aktywnosc-mieszkancow"),
        ("dzialania", "tematy", "integracja-spoleczna"),
        ("adresaci", "grupy", "mieszkancy"),
    ):
        for item in data.get(section) or []:
            item[field] = item[field] or [term]
    if data.get("cel_glowny"):
        data["cel_glowny"]["tematy"] = ["aktywnosc-mieszkancow"]
    if new.text is SINGLE_YEAR:
        data["rezultaty"] = [
            {"id": "r1", "rodzaje": ["aktywnosc-i-zaangazowanie"], "tresc": "wzrostu liczby mieszkańców"}
        ]
        data["finansowanie"] = [
            {"id": "f1", "zrodla": ["budzet-gminy"], "tresc": "ze środków własnych gminy"}
        ]
        misread, meant = MISREAD
        data["poprawki_redakcyjne"] = [
            {
                "zrodlo": f"Zwiększenie {misread} seniorów",
                "tekst": f"Zwiększenie {meant} seniorów",
                "powod": MISREAD_REASON,
            }
        ]
    else:
        data["tekst_niepelny"] = {
            "zawiera": "rozdziały 2 i 3 programu: cele i działania",
            "powod": "gmina opublikowała w BIP tylko wyciąg z programu",
            "pelny_tekst": None,
        }
    source = (folder / "attachments/zrodlo.txt").read_bytes()
    data["zalaczniki"] = [
        {
            "plik": "attachments/zrodlo.txt",
            "opis": "Tekst, z którego przepisano program",
            "sha256": hashlib.sha256(source).hexdigest(),
            "rola": "zrodlo",
        }
    ]
    return data


if __name__ == "__main__":
    for added in grow(Path(sys.argv[1]).resolve()):
        print("dodano", added.key)
