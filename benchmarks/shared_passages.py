"""Shared passages: what finding them costs, and what the rule finds on real texts.

    .venv/bin/python benchmarks/shared_passages.py scale 1000 10000 [--no-tracemalloc]
    .venv/bin/python benchmarks/shared_passages.py lengths [DIR]

``scale N…`` generates a synthetic archive of N programmes (synthetic.py: families of programmes
written from one template, successors, texts of their own), loads it as a build does, and
prints the time of each stage of ``find_shared_text`` (fingerprints, index, comparison of the
candidate pairs), the peak of memory allocated while it runs (tracemalloc, numpy's arrays
included), the pairs found and the passages' share of all words. Issue 22's targets at 10,000
programmes: at most 10% of the build's time, at most 300 MB of peak memory.

``lengths`` compares every two texts of this archive (and, given DIR, every .txt file in it as
a programme of a municipality of its own: a corpus of real programmes kept outside the project)
at each shortest passage length from 8 to 15 words, with the archive's rule for common wording,
and prints the pairs and passages found at each length with the shortest passages' words: the
figures behind the rule's PASSAGE_WORDS. Not a test: the numbers go into the issue notes.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from synthetic import PROJECT, generate

sys.path.insert(0, str(PROJECT / "hooks"))

from palarchiwum.records.archive import build_archive
from palarchiwum.reuse.alignment import Compared, shared_runs
from palarchiwum.reuse.fingerprints import SHINGLE, index_keys, shingle_hashes
from palarchiwum.reuse.index import build_index, common_threshold
from palarchiwum.reuse.shared_text import find_shared_text
from palarchiwum.reuse.words import blanked, text_words
from palarchiwum.settings import project_settings


def scale(count: int, folder: Path, traced: bool = True) -> None:
    started = time.perf_counter()
    project = generate(count, folder / f"archiwum-{count}")
    generated = time.perf_counter() - started
    settings = project_settings(project)
    archive = build_archive(settings.programmes_dir, project, settings.as_of)
    if traced:  # tracemalloc's own cost grows with the live allocations: times are then longer
        tracemalloc.start()
    began, processor = time.perf_counter(), time.process_time()
    shared = find_shared_text(archive.programmes)
    seconds, processor = time.perf_counter() - began, time.process_time() - processor
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    effort = shared.effort
    passages = sum(len(p.passages) for p in shared.pairs)
    shared_words = sum(p.shared_words for p in shared.pairs)
    print(f"\n{count} programmes ({shared.municipalities} municipalities; generated in {generated:.0f} s)")
    print(f"  words               {shared.words:>12,}")
    common = f"common: {effort.common:,} (threshold {shared.threshold})"
    print(f"  fingerprints        {effort.fingerprints:>12,}   {common}")
    print(f"  candidate pairs     {effort.candidates:>12,}   with passages: {len(shared.pairs):,}")
    print(f"  passages            {passages:>12,}   {shared_words:,} words in pairs")
    stages = ", ".join(
        f"{name} {s:.1f} s"
        for name, s in zip(("fingerprints", "index", "comparison"), effort.seconds, strict=True)
    )
    per = f"{1000 * seconds / count:.1f} ms per programme"
    print(f"  time                {seconds:>10.1f} s   ({stages}; {per})")
    print(f"  processor time      {processor:>10.1f} s")
    if traced:
        print(f"  peak memory         {peak / 1e6:>10.1f} MB  (allocated while finding, tracemalloc)")
    print(f"  programmes with kin {sum(1 for p in archive.programmes if shared.kin(p)):>12,}")


def lengths(corpus: Path | None) -> None:
    settings = project_settings(PROJECT)
    archive = build_archive(settings.programmes_dir, PROJECT, settings.as_of)
    texts: list[tuple[str, str, str]] = [  # (name, municipality, text)
        (p.key, p.municipality.key, p.text) for p in archive.programmes
    ]
    names = {p.key: p.municipality.short_name for p in archive.programmes}
    for path in sorted(corpus.glob("*.txt")) if corpus else ():
        texts.append((path.stem, path.stem, path.read_text(encoding="utf-8")))
        names[path.stem] = ""
    words = [text_words(text, names[name], places=True) for name, _, text in texts]
    municipalities = {m: n for n, m in enumerate(dict.fromkeys(m for _, m, _ in texts))}
    threshold = common_threshold(len(municipalities))
    hashes = [shingle_hashes(w.values) for w in words]
    # Every shingle in the index (no winnowing): the exact rule, for a corpus this small.
    order = sorted(range(len(texts)), key=lambda n: municipalities[texts[n][1]])
    import numpy as np

    index = build_index(
        [np.unique(index_keys(hashes[n])) for n in order],
        np.array([municipalities[texts[n][1]] for n in order]),
        threshold,
    )
    compared = []
    for n, w in enumerate(words):
        common = np.zeros(len(w), dtype=bool)
        for position in np.flatnonzero(index.is_common(index_keys(hashes[n]))).tolist():
            common[position : position + SHINGLE] = True
        compared.append(Compared(len(w), hashes[n], common))
    print(
        f"{len(texts)} texts of {len(municipalities)} municipalities; common wording: in {threshold} or more"
    )
    for at_least in range(8, 16):
        pairs, passages, shortest, tied = 0, 0, [], []
        for a, b in itertools.combinations(range(len(texts)), 2):
            runs = shared_runs(compared[a], compared[b], at_least)
            if runs:
                pairs += 1
                passages += len(runs)
                tied.append(f"{texts[a][0]} – {texts[b][0]}: {sum(r[2] for r in runs)} words in {len(runs)}")
                for i, _, length in runs:
                    if length < at_least + 2:
                        chars = words[a].chars(i, i + length)
                        shortest.append(" ".join(blanked(texts[a][2])[slice(*chars)].split()))
        print(f"\n  at least {at_least:2d} words: {pairs} pairs, {passages} passages")
        for pair in tied:
            print(f"    {pair}")
        print("    shortest passages:")
        for words_of in shortest[:6]:
            print(f"      {words_of[:140]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="what", required=True)
    scaled = sub.add_parser("scale")
    scaled.add_argument("counts", type=int, nargs="+")
    scaled.add_argument("--no-tracemalloc", action="store_true", help="times only, without tracemalloc")
    counted = sub.add_parser("lengths")
    counted.add_argument("corpus", type=Path, nargs="?")
    args = parser.parse_args()
    if args.what == "scale":
        with tempfile.TemporaryDirectory() as tmp:
            for count in args.counts:
                scale(count, Path(tmp), traced=not args.no_tracemalloc)
    else:
        lengths(args.corpus)


if __name__ == "__main__":
    main()
