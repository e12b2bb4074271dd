"""Synthetic archives shaped like the real one, for measuring size and speed.

    python benchmarks/synthetic.py 1000 /tmp/archiwum-1000

writes a copy of the project whose ``programmes/`` holds the five real programmes plus
synthetic ones made from them: their structure, length and quotes (so every check still runs),
other municipalities, periods and vocabulary terms, and goal links in half of them.

Texts are shared as real ones are (issue 22), not copied wholesale: every word of a synthetic
text that no quote of its record uses is changed into a word of its own (both in programme.md
and in its source text, so the source check still holds), so two synthetic texts share only
the quoted wording of their template, which is then common to thousands of them. Besides,
FAMILY_SHARE of the programmes are written from a template shared by a family of
2-5 programmes of different municipalities, each with a few words of its own (small edits);
and a municipality's later programme is, at SUCCESSOR_SHARE, its earlier one updated.
"""

from __future__ import annotations

import argparse
import copy
import functools
import hashlib
import random
import re
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
FAMILY_SHARE = 0.4  # programmes written from a template a family of programmes shares
FAMILY_SIZES = (2, 5)
SUCCESSOR_SHARE = 0.3  # later programmes of a municipality that update its earlier one
# Letters a synthetic text adds to a word: so many that two texts written on their own rarely
# write a word alike (26^5 ways), which real texts never do by chance either.
SUFFIX_LETTERS = 5
OWN_WORDS = 0.03  # word types a family member or a successor writes its own way
_LETTERS = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")  # a word; "społeczno-zawodowy" is one
# A word split at a line's end (also across an empty line), as the source check joins it.
_SPLIT_AT_LINE_END = re.compile(r"-(?<=[^\W\d_]-)[ \t]*(\n(?:[ \t]*\n)?)[ \t]*([^\W\d_]+)")
# libyaml: generating 10,000 programmes takes minutes, not an hour
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
PROGRAMME_SCHEMA = "../../../hooks/palarchiwum/schemas/programme.schema.json"
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
    records = [_load_yaml((t / "programme.yml").read_text(encoding="utf-8")) for t in templates]
    vocabularies = _vocabularies(programmes / "slowniki")
    for n, wording in enumerate(_wordings(max(0, count - len(templates)), len(templates), rng)):
        municipality = _municipality(programmes, n // PROGRAMMES_PER_MUNICIPALITY, rng)
        template = templates[wording.template]
        record = _record(copy.deepcopy(records[wording.template]), n, vocabularies, rng)
        folder = municipality / f"pal-{record['okres']['od']}-{record['okres']['do']}-{n}"
        shutil.copytree(template, folder)
        _reword(folder, record, wording)
        _write_yaml(folder / "programme.yml", record, PROGRAMME_SCHEMA)
    return target


def _load_yaml(text: str) -> Any:
    return yaml.load(text, Loader=_LOADER)


class Wording:
    """How a synthetic programme's text is written: from which real template, in whose words
    (`voice`: the family's or its own), with which of its own words on top (`own`)."""

    def __init__(self, template: int, voice: str, own: str | None = None) -> None:
        self.template, self.voice, self.own = template, voice, own

    def word(self, word: str) -> str:
        voice = self.voice
        if self.own and _number(self.own, word.replace("-", "")) % 1000 < OWN_WORDS * 1000:
            voice = self.own
        n = _number(voice, word.replace("-", ""))  # the source may join a word split at a line's end
        suffix = ""
        for _ in range(SUFFIX_LETTERS):
            n, letter = divmod(n, 26)
            suffix += chr(97 + letter)
        return word + (suffix.upper() if word.isupper() else suffix)


def _number(voice: str, word: str) -> int:
    return int.from_bytes(hashlib.blake2b(f"{voice}|{word}".encode(), digest_size=4).digest(), "big")


def _wordings(count: int, templates: int, rng: random.Random) -> list[Wording]:
    """Who writes like whom: families of programmes of different municipalities on one template,
    successors updating their municipality's earlier programme, the rest each on its own."""
    wordings: list[Wording | None] = [None] * count
    members = [n for n in range(count) if rng.random() < FAMILY_SHARE]
    rng.shuffle(members)
    family = 0
    while members:
        size = rng.randint(*FAMILY_SIZES)
        chosen, members = members[:size], members[size:]
        template = rng.randrange(templates)
        for n in chosen:
            wordings[n] = Wording(template, f"rodzina-{family}", f"program-{n}")
        family += 1
    for n in range(count):
        if wordings[n] is not None:
            continue
        earlier = wordings[n - 1] if n % PROGRAMMES_PER_MUNICIPALITY else None
        if earlier is not None and rng.random() < SUCCESSOR_SHARE:
            wordings[n] = Wording(earlier.template, earlier.voice, f"program-{n}")
        else:
            wordings[n] = Wording(n % templates, f"program-{n}")
    return [w for w in wordings if w is not None]


def _reword(folder: Path, record: dict[str, Any], wording: Wording) -> None:
    """Every word of the text and its source that no string of the record holds, in the
    programme's own words; the source's attachment entry (in `record`) follows its new bytes."""
    record_text = yaml.dump(record, Dumper=_DUMPER, allow_unicode=True)
    kept = {word.replace("-", "") for word in _LETTERS.findall(record_text)}

    word = functools.cache(wording.word)  # a text and its source: a few thousand words, many times

    def reworded(text: str) -> str:
        return _LETTERS.sub(lambda m: m[0] if m[0].replace("-", "") in kept else word(m[0]), text)

    text = folder / "programme.md"
    text.write_text(reworded(text.read_text(encoding="utf-8")), encoding="utf-8")
    for attachment in record.get("zalaczniki", []):
        if attachment.get("rola") != "zrodlo":
            continue
        source = folder / attachment["plik"]
        joined = _SPLIT_AT_LINE_END.sub(lambda m: m[2] + m[1], source.read_text(encoding="utf-8"))
        source.write_text(reworded(joined), encoding="utf-8")
        attachment["sha256"] = hashlib.sha256(source.read_bytes()).hexdigest()
        if "rozmiar" in attachment:
            attachment["rozmiar"] = source.stat().st_size


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
        path.stem: [t["id"] for t in _load_yaml(path.read_text(encoding="utf-8"))["terminy"]]
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


def _record(
    record: dict[str, Any], n: int, vocabularies: dict[str, list[str]], rng: random.Random
) -> dict[str, Any]:
    """Programme `n`'s record, made from a copy of its template's."""
    start = rng.randint(2008, 2028)
    end = start + rng.randint(1, 9)
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
    return record


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
    text = yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=100)
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
