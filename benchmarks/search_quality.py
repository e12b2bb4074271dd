"""How often the search finds the page a query means: the share of queries with it among the
first 3 results.

    .venv/bin/python benchmarks/search_quality.py            # the real archive, then 1,000 synthetic
    .venv/bin/python benchmarks/search_quality.py 0          # the real archive only
    .venv/bin/python benchmarks/search_quality.py --site DIR --project DIR   # a site already built

Queries come from the archive's files: every programme's title, every municipality's name and
short name, every vocabulary term's label. Each is asked as written, without Polish letters, in
another inflected form, and in lower case. The page each should find: the programme, the
municipality's page, the term's page (any page of that name, where several share it: the
synthetic programmes keep the titles of the real ones they copy; such queries are counted apart
as "ambiguous"). The queries run through the search page's own code (docs/assets/szukaj.js,
``openSearch``), in Chromium, as the page runs them.

The other inflected form changes one word by a few rules of Polish declension (a title's first
word, a name's or label's last): "Program" → "Programu", "Kętrzyn" → "Kętrzyna", "Jaktorów" →
"Jaktorowa", "Wola" → "Woli", "Seniorzy" → "Seniorów", "bezrobotne" → "bezrobotnych", "Osoby"
→ "Osobom". Not every such form is a real word; none is one the archive was tuned to.

Half the queries (those whose text has an odd CRC-32) were set aside before the ranking was
tuned to the other half: both halves are reported.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import unicodedata
import zlib
from collections import defaultdict
from pathlib import Path

import yaml
from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from search_download import build, served
from synthetic import generate

from browser import find

PROJECT = Path(__file__).resolve().parent.parent
VARIANTS = ("jak napisano", "bez polskich liter", "inna forma", "małymi literami")
BATCH = 100


def folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("ł", "l").replace("Ł", "L"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def inflected(word: str, first_of_title: bool = False) -> str:
    """Another case of one word, by a few rules of Polish declension."""
    low = word.lower()
    if first_of_title and low[-1:].isalpha() and low[-1] not in "aeiouyąęó":
        return word + "u"  # Program → Programu
    for ending, other in (
        ("ów", "owa"), ("zy", "ów"), ("dia", "diów"), ("ia", "ii"), ("ka", "ki"), ("ga", "gi"), ("la", "li"),
        ("a", "y"), ("e", "ych"), ("y", "om"), ("i", "om"), ("o", "a"), ("ń", "nia"),
    ):  # fmt: skip
        if low.endswith(ending):
            return word[: len(word) - len(ending)] + other
    return word + "a" if low[-1:].isalpha() else word  # Kętrzyn → Kętrzyna


OBLIQUE = ("ej", "ych", "ich", "ego", "emu", "ym", "im")  # already not the nominative: left as they are


def other_form(text: str, title: bool) -> str:
    words = text.split()
    declinable = [i for i, w in enumerate(words) if w.isalpha() and not w.lower().endswith(OBLIQUE)]
    at = 0 if title else max(declinable, default=len(words) - 1)
    words[at] = inflected(words[at], first_of_title=title)
    return " ".join(words)


def named_pages(project: Path) -> list[tuple[str, str, str]]:
    """(kind, name, site path) of every page a name should find, from the archive's files."""
    programmes = project / "programmes"
    pages = []
    for gmina in sorted(programmes.glob("*/gmina.yml")):
        record = yaml.safe_load(gmina.read_text(encoding="utf-8"))
        folder = gmina.parent.name
        for key in ("nazwa", "nazwa_krotka"):
            pages.append(("gmina", record[key], f"/gminy/{folder}/"))
        for programme in sorted(gmina.parent.glob("*/programme.yml")):
            title = yaml.safe_load(programme.read_text(encoding="utf-8"))["tytul"]
            pages.append(("program", " ".join(title.split()), f"/programy/{folder}/{programme.parent.name}/"))
    for vocabulary in sorted((programmes / "slowniki").glob("*.yml")):
        for term in yaml.safe_load(vocabulary.read_text(encoding="utf-8"))["terminy"]:
            pages.append(("temat", term["nazwa"], f"/{vocabulary.stem}/{term['id']}/"))
    return pages


def queries(project: Path) -> dict[tuple[str, str, str], set[str]]:
    """(kind, variant, query) → the site paths that answer it."""
    wanted: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for kind, name, path in named_pages(project):
        forms = (name, folded(name), other_form(name, title=kind == "program"), name.lower())
        for variant, query in zip(VARIANTS, forms, strict=True):
            wanted[(kind, variant, query)].add(path)
    return wanted


def run(site: Path, wanted: dict[tuple[str, str, str], set[str]], top: int = 3) -> dict[str, list[int]]:
    keys = sorted({query for _, _, query in wanted})
    found: dict[str, list[str]] = {}
    with served(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page()
        page.goto(f"{base}szukaj/")
        for start in range(0, len(keys), BATCH):
            batch = keys[start : start + BATCH]
            found.update(
                zip(batch, [["/" + p + "/" for p in f] for f in find(page, batch, top=top)], strict=True)
            )
        browser.close()
    return found


def report(label: str, site: Path, project: Path) -> None:
    wanted = queries(project)
    found = run(site, wanted)
    print(f"\n{label}: {len(wanted)} queries ({len({q for _, _, q in wanted})} distinct)")
    for half in ("dostrojona", "odłożona"):
        tally: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
        for (kind, variant, query), paths in wanted.items():
            if ("odłożona" if zlib.crc32(query.encode()) % 2 else "dostrojona") != half:
                continue
            group = kind + (" (niejednoznaczne)" if len(paths) > 1 else "")
            tally[(group, variant)][0] += bool(paths & set(found[query]))
            tally[(group, variant)][1] += 1
        print(f"  {half} połowa:")
        for group in sorted({g for g, _ in tally}):
            cells = []
            for variant in VARIANTS:
                hit, total = tally.get((group, variant), [0, 0])
                cells.append(
                    f"{variant}: {hit}/{total} ({100 * hit / total:.0f}%)" if total else f"{variant}: –"
                )
            print(f"    {group:28} " + "; ".join(cells))
        hits = sum(h for h, _ in tally.values())
        total = sum(t for _, t in tally.values())
        print(f"    razem: {hits}/{total} ({100 * hits / max(total, 1):.1f}%) w pierwszych 3 wynikach")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int, nargs="?", default=1000, help="synthetic programmes (0: none)")
    parser.add_argument("--site", type=Path, help="a site already built")
    parser.add_argument("--project", type=Path, default=PROJECT, help="the project the site was built from")
    args = parser.parse_args()
    if args.site:
        report(str(args.site), args.site, args.project)
        return
    with tempfile.TemporaryDirectory() as tmp:
        real = generate(0, Path(tmp) / "real")
        build(real)
        report("the real archive", real / "site", real)
        if args.count:
            synthetic = generate(args.count, Path(tmp) / "synthetic")
            build(synthetic)
            report(f"{args.count} synthetic programmes", synthetic / "site", synthetic)


if __name__ == "__main__":
    main()
