"""New municipality and programme folders for clerks: files with the schema modeline and comments.

A new programme starts as a draft (``szkic: true``): the check refuses to publish it until a
person has filled it in from the adopted text and removed the flag.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from palarchiwum.records.dates import NotADate, PartialDate
from palarchiwum.records.slugs import slugify

_TERYT = re.compile(r"^\d{7}$")
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
KINDS = ("gmina miejska", "gmina wiejska", "gmina miejsko-wiejska")
PASTE_HERE = "<!-- Wklej tutaj pełny tekst uchwały i programu, bez zmian w brzmieniu. -->"


class ScaffoldRefused(Exception):
    """Nothing was written; the message says why, in Polish."""


@dataclass(frozen=True)
class Municipality:
    teryt: str
    name: str
    short_name: str
    kind: str
    voivodeship: str
    county: str

    @property
    def folder(self) -> str:
        return f"{self.teryt}-{slugify(self.short_name)}"


def new_municipality(programmes: Path, m: Municipality) -> list[Path]:
    """Write ``<teryt>-<name>/gmina.yml``; refuse (writing nothing) on bad values or an existing folder."""
    problems = []
    if not _TERYT.match(m.teryt):
        problems.append(f"kod TERYT „{m.teryt}” ma mieć 7 cyfr, np. 2808011")
    if m.kind not in KINDS:
        problems.append(f"rodzaj gminy „{m.kind}” jest nieznany; dozwolone: {', '.join(KINDS)}")
    existing = (
        sorted(p.name for p in programmes.glob(f"{m.teryt}-*") if p.is_dir()) if programmes.is_dir() else []
    )
    if existing:
        problems.append(
            f"gmina o kodzie TERYT {m.teryt} już jest w archiwum: {programmes.name}/{existing[0]}"
        )
    if problems:
        raise ScaffoldRefused("; ".join(problems))
    folder = programmes / m.folder
    folder.mkdir(parents=True)
    path = folder / "gmina.yml"
    path.write_text(_municipality_yaml(m), encoding="utf-8")
    return [path]


def _municipality_yaml(m: Municipality) -> str:
    return f"""\
# yaml-language-server: $schema=../../hooks/palarchiwum/schemas/gmina.schema.json
# Gmina w archiwum. Uzupełnij to, co wiesz; czego nie wiesz, zostaw jako null (strona tego nie
# pokaże i niczego nie zgaduje). Sprawdź kod TERYT w rejestrze GUS (https://eteryt.stat.gov.pl) i
# wtedy ustaw teryt_zweryfikowany: true.
nazwa: {_quoted(m.name)}
nazwa_krotka: {_quoted(m.short_name)}
typ: {m.kind}
teryt: "{m.teryt}"
teryt_zweryfikowany: false
miasto_na_prawach_powiatu: false
wojewodztwo: {_quoted(m.voivodeship)}
powiat: {_quoted(m.county)}
# Urząd gminy: BIP ma podawać jego adres, telefon, e-mail, adres strony BIP i skrytkę ePUAP.
# Wpisz tylko dane sprawdzone u źródła (strona urzędu, jego BIP); adresy stron od https://.
urzad: null
#  nazwa: Urząd Gminy …
#  adres: null        # np. ul. Przykładowa 1, 00-000 Przykładowo
#  telefon: null
#  email: null
#  www: null
#  bip: null          # np. https://bip.przykladowo.pl
#  epuap: null        # np. /UGPrzykladowo/SkrytkaESP
# Jednostki ważne dla programów, np. ośrodek pomocy społecznej; ramka „W skrócie” pokazuje dane
# tej, która prowadzi program, gdy program nie podaje własnego kontaktu.
jednostki: []
#  - nazwa: Miejski Ośrodek Pomocy Społecznej w …
#    adres: null
#    telefon: null
#    email: null
#    www: null
"""


@dataclass(frozen=True)
class NewProgramme:
    municipality_folder: str  # e.g. 2808011-ketrzyn
    slug: str  # e.g. pal-2021-2030
    title: str
    start: str  # RRRR or RRRR-MM
    end: str


def new_programme(programmes: Path, p: NewProgramme) -> list[Path]:
    """Write ``<gmina>/<slug>/programme.yml`` (a draft) and an empty ``programme.md``."""
    problems = []
    municipality = programmes / p.municipality_folder
    if not (municipality / "gmina.yml").is_file():
        problems.append(
            f"nie ma gminy {programmes.name}/{p.municipality_folder} (brak gmina.yml); "
            "dodaj ją najpierw poleceniem: bash scripts/archiwum new gmina …"
        )
    if not _SLUG.match(p.slug):
        problems.append(f"nazwa folderu programu „{p.slug}” ma się składać z małych liter, cyfr i łączników")
    for label, value in (("początek", p.start), ("koniec", p.end)):
        if not _is_year_or_month(value):
            problems.append(f"{label} okresu „{value}” podaj jako RRRR albo RRRR-MM, np. 2021 albo 2021-01")
    if (municipality / p.slug).exists():
        problems.append(f"program {programmes.name}/{p.municipality_folder}/{p.slug} już istnieje")
    if problems:
        raise ScaffoldRefused("; ".join(problems))
    folder = municipality / p.slug
    folder.mkdir()
    record, text = folder / "programme.yml", folder / "programme.md"
    record.write_text(_programme_yaml(p), encoding="utf-8")
    text.write_text(
        f"# {p.title}\n\n<!-- Wklej tutaj pełny tekst uchwały i programu, bez zmian w brzmieniu. -->\n"
    )
    return [record, text]


def _is_year_or_month(value: str) -> bool:
    try:
        return PartialDate.parse(value).precision != "dzien"
    except NotADate:
        return False


def _programme_yaml(p: NewProgramme) -> str:
    return f"""\
# yaml-language-server: $schema=../../../hooks/palarchiwum/schemas/programme.schema.json
# Rekord katalogowy programu. Każdy cytat (tresc, brzmienie) musi dosłownie występować
# w programme.md. Czego dokument nie mówi, zapisz jako null; niczego nie dopisuj z pamięci.
# Terminy (tematy, grupy, rodzaje, zrodla) wybierz ze słowników w programmes/slowniki/.
# Sprawdzenie: bash scripts/archiwum check
# Gdy rekord jest gotowy, usuń poniższą linię „szkic: true” — dopiero wtedy program trafi na stronę.
szkic: true
tytul: {_quoted(p.title)}
okres:
  od: {_year(p.start)}
  do: {_year(p.end)}
  brzmienie: null  # jak okres nazywa dokument, np. „na lata 2021-2030”
uchwala:
  numer: null  # dokładnie jak w uchwale, np. LXIV/400/14
  data: null  # RRRR-MM-DD
  organ: null  # np. Rada Miejska w Kętrzynie
  podstawa_prawna: null
  wykonawca: null
  wejscie_w_zycie: null
  publikacja: null
realizator: null  # nazwa: …, brzmienie: cytat
kontakt: null
cel_glowny:
  id: cg1
  tematy: []
  tresc: null  # cytat celu głównego
cele: []
#  - id: c1
#    tematy: [integracja-spoleczna]
#    tresc: cytat celu
dzialania: []
adresaci: []
#  - id: a1
#    grupy: [osoby-bezrobotne]
#    brzmienie: cytat, np. osób bezrobotnych
partnerzy: []
metody: []
harmonogram: []
#  - id: h1
#    tresc: cytat pozycji harmonogramu
#    od: "2021-01"
#    do: "2021-03"
rezultaty: []
produkty: []
finansowanie: []
monitoring: []
zalaczniki: []
uwagi_redakcyjne: []
"""


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar, so that any name is read back exactly."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _year(value: str) -> str:
    return value if "-" not in value else f'"{value}"'
