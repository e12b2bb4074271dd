"""Synthetic archives shaped like the real one, for measuring size and speed.

    python benchmarks/synthetic.py 1000 /tmp/archiwum-1000

writes a copy of the project whose ``programmes/`` holds the five real programmes plus
synthetic ones made from them: the same texts and quotes (so every check still runs), other
municipalities, periods and vocabulary terms, and goal links in half of them.
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path
from typing import Any

import yaml

PROJECT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "hooks")
VOIVODESHIPS = (
    "dolnośląskie", "kujawsko-pomorskie", "lubelskie", "lubuskie", "łódzkie", "małopolskie",
    "mazowieckie", "opolskie", "podkarpackie", "podlaskie", "pomorskie", "śląskie",
    "świętokrzyskie", "warmińsko-mazurskie", "wielkopolskie", "zachodniopomorskie",
)  # fmt: skip
NAME_PARTS = ("Biała", "Dąbrowa", "Łąka", "Zielona", "Stara", "Nowa", "Górna", "Wola", "Ślęża", "Żabno")
PROGRAMMES_PER_MUNICIPALITY = 3
TERM_FIELDS = {
    "cele": ("tematy", "cele"),
    "dzialania": ("tematy", "cele"),
    "adresaci": ("grupy", "adresaci"),
    "rezultaty": ("rodzaje", "rezultaty"),
    "partnerzy": ("rodzaje", "partnerzy"),
    "finansowanie": ("zrodla", "finansowanie"),
}


def generate(count: int, target: Path, seed: int = 2026) -> Path:
    """A project under `target` with `count` programmes (the five real ones included)."""
    rng = random.Random(seed)
    _copy_project(target)
    programmes = target / "programmes"
    templates = sorted(p.parent for p in programmes.glob("*/*/programme.yml"))
    vocabularies = _vocabularies(programmes / "slowniki")
    for n in range(max(0, count - len(templates))):
        municipality = _municipality(programmes, n // PROGRAMMES_PER_MUNICIPALITY, rng)
        _programme(municipality, n, templates[n % len(templates)], vocabularies, rng)
    return target


def _copy_project(target: Path) -> None:
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for part in (*PROJECT_PARTS, "programmes"):
        source = PROJECT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)


def _vocabularies(folder: Path) -> dict[str, list[str]]:
    """Term ids per vocabulary, in file order (earlier terms are drawn more often)."""
    return {
        path.stem: [t["id"] for t in yaml.safe_load(path.read_text(encoding="utf-8"))["terminy"]]
        for path in folder.glob("*.yml")
    }


def _municipality(programmes: Path, index: int, rng: random.Random) -> Path:
    teryt = f"{9000000 + index}"
    name = f"{NAME_PARTS[index % len(NAME_PARTS)]} {index + 1}"
    folder = programmes / f"{teryt}-syntetyczna-{index + 1}"
    if not folder.exists():
        folder.mkdir()
        record = {
            "nazwa": f"Gmina {name}",
            "nazwa_krotka": name,
            "typ": "gmina wiejska",
            "teryt": teryt,
            "wojewodztwo": VOIVODESHIPS[index % len(VOIVODESHIPS)],
            "powiat": "syntetyczny",
        }
        _write_yaml(folder / "gmina.yml", record, "../../hooks/palarchiwum/schemas/gmina.schema.json")
    return folder


def _programme(
    municipality: Path, n: int, template: Path, vocabularies: dict[str, list[str]], rng: random.Random
) -> None:
    record: dict[str, Any] = yaml.safe_load((template / "programme.yml").read_text(encoding="utf-8"))
    start = rng.randint(2008, 2028)
    end = start + rng.randint(1, 9)
    folder = municipality / f"pal-{start}-{end}-{n}"
    shutil.copytree(template, folder)
    record["okres"] = {"od": start, "do": end}
    record["uchwala"] = {
        "numer": f"{n}/{start}",
        "data": f"{start - 1}-12-{rng.randint(10, 28)}",
        "organ": "Rada Gminy",
    }
    record.pop("relacje", None)
    record.pop("uwagi_redakcyjne", None)
    if record.get("cel_glowny"):
        record["cel_glowny"]["tematy"] = _draw(vocabularies["cele"], rng)
    for section, (field, vocabulary) in TERM_FIELDS.items():
        for item in record.get(section, []):
            item[field] = _draw(vocabularies[vocabulary], rng)
    if n % 2 == 0:
        _link_goals(record, rng)
    _write_yaml(folder / "programme.yml", record, "../../../hooks/palarchiwum/schemas/programme.schema.json")


def _draw(terms: list[str], rng: random.Random) -> list[str]:
    """One to three terms, the earlier ones in the vocabulary far more often (as in real use)."""
    weights = [1 / (rank + 1) for rank in range(len(terms))]
    chosen = rng.choices(terms, weights=weights, k=rng.randint(1, 3))
    return list(dict.fromkeys(chosen))


def _link_goals(record: dict[str, Any], rng: random.Random) -> None:
    """Assign most actions and results to one or two goals, leaving some unassigned."""
    goals = [g["id"] for g in record.get("cele", [])]
    if not goals:
        return
    for section in ("dzialania", "rezultaty"):
        for item in record.get(section, []):
            if rng.random() < 0.8:
                item["cele"] = sorted(set(rng.sample(goals, k=min(len(goals), rng.randint(1, 2)))))


def _write_yaml(path: Path, data: dict[str, Any], schema: str) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    path.write_text(f"# yaml-language-server: $schema={schema}\n{text}", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int, help="how many programmes in all")
    parser.add_argument("target", type=Path, help="folder for the generated project (replaced)")
    args = parser.parse_args()
    generate(args.count, args.target)
    print(f"{args.target}: {args.count} programów")


if __name__ == "__main__":
    main()
