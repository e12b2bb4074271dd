"""Scale: the archive's build against a plain MkDocs + Material build of the same pages.

    .venv/bin/python benchmarks/scale.py 100 1000 [10000]

For each N, generates N synthetic programmes (synthetic.py), commits them to a fresh git
repository (so history is read as in a real build), builds with the archive's hooks and prints
wall time, peak memory (of all the build's processes together), site size, bytes per programme
(and per part of the site), and the largest page. It then writes the very same Markdown pages
(the hand-written ones and every page the hooks generate) into a project without hooks, builds
that with plain MkDocs + Material (same theme, extensions and navigation), and prints the
ratio of the two times. Targets (issue 7): at 10,000 the archive's build is at most 1.3× the
plain one, its time per programme at most 1.2× that at 1,000, peak memory at most 2 GB, the
site at most 1 GB. With --no-plain it builds the archive only (the plain figure already known);
with --rounds R it builds each R times, alternately, and compares the fastest runs. With
--shared-cost it builds the archive also with ``wspolne_fragmenty: false`` and prints what the
shared passages add (issue 22: at most 10% of the time and 300 MB of peak memory at 10,000).
With --together the builds of a round run at the same time, each on a processor of its own (on
a machine with as many): their processor times compare under the same conditions, in half the
wall time.
Not a test: the numbers go into the issue notes.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from synthetic import PROJECT, generate

AS_OF = "2026-11-25"
ENV = {**os.environ, "PAL_DATA_STANU": AS_OF, "NO_MKDOCS_2_WARNING": "1"}


def machine_speed() -> float:
    """Seconds a fixed pure-Python loop takes now: this machine's speed drifts (it shares its
    processors), so each build's figures are printed with it."""
    started = time.perf_counter()
    total = 0
    for i in range(10_000_000):
        total += i * i % 7
    return time.perf_counter() - started


def timed(command: list[str], cwd: Path) -> tuple[tuple[float, float, int, int], str]:
    """Wall seconds, processor seconds (of all processes), peak memory (bytes) of a command, and
    the peak of its own process alone; and what it logged.

    Peak memory is the largest sum of resident memory over the command and all its descendants
    at once (sampled every 0.25 s from /proc), since Pagefind runs beside MkDocs: each process's
    own peak would understate what the machine must hold.
    """
    started = time.perf_counter()
    peak = own = 0
    with tempfile.TemporaryFile() as errors:
        child = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=errors)
        while (status := os.wait4(child.pid, os.WNOHANG))[0] == 0:
            peak = max(peak, tree_rss(child.pid))
            own = max(own, process_rss(child.pid))
            time.sleep(0.25)
        seconds = time.perf_counter() - started
        _, code, usage = status
        errors.seek(0)
        log = errors.read().decode()
        if os.waitstatus_to_exitcode(code) != 0:
            raise RuntimeError(f"{' '.join(command)} in {cwd} failed:\n{log[-3000:]}")
    return (seconds, usage.ru_utime + usage.ru_stime, peak, own), log


def process_rss(pid: int) -> int:
    """Resident memory of one process, in bytes (0 once it is gone)."""
    try:
        return int((Path("/proc") / str(pid) / "statm").read_text().split()[1]) * PAGE
    except (OSError, IndexError, ValueError):
        return 0


def tree_rss(pid: int) -> int:
    """Resident memory of a process and its descendants, in bytes (0 for those already gone).

    Walks the tree through /proc/<pid>/task/<tid>/children, so that sampling costs next to
    nothing beside the build it measures.
    """
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        proc = Path("/proc") / str(current)
        try:
            total += process_rss(current)
            for task in (proc / "task").iterdir():
                todo.extend(int(child) for child in (task / "children").read_text().split())
        except (OSError, IndexError, ValueError):
            continue
    return total


PAGE = os.sysconf("SC_PAGE_SIZE")


def commit_all(project: Path) -> None:
    for args in (
        ["init", "-q", "-b", "main"],
        ["add", "-A"],
        ["-c", "user.name=Bench", "-c", "user.email=bench@example.org", "commit", "-q", "-m", "Programy"],
    ):
        subprocess.run(["git", *args], cwd=project, check=True)


def plain_project(archive: Path, target: Path) -> Path:
    """The archive's pages as plain Markdown in a project with no hooks and no programmes."""
    sys.path.insert(0, str(archive / "hooks"))
    from palarchiwum.generated_files import VERBATIM
    from palarchiwum.pages.generated_pages import render_pages
    from palarchiwum.settings import archive_options
    from palarchiwum.site import prepare_site

    site = prepare_site(archive, archive_options(archive / "mkdocs.yml"), archive / "docs", "")
    docs = target / "docs"
    shutil.copytree(archive / "docs", docs)
    home = docs / "index.md"  # its template is one of the archive's overrides
    home.write_text(home.read_text(encoding="utf-8").replace("template: strona-glowna.html\n", ""), "utf-8")
    for page in render_pages(site):
        path = docs / page.src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        content = page.content
        if page.verbatim is not None:  # plain MkDocs reads the comparison texts' HTML as Markdown
            content = content.replace(VERBATIM, page.verbatim)
        path.write_text(content, encoding="utf-8")
    text = (archive / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("hooks:\n  - hooks/archiwum_hooks.py\n", "").replace("strict: true\n", "")
    text = text.replace("  custom_dir: overrides\n", "").replace("watch:\n  - programmes\n  - hooks\n", "")
    (target / "mkdocs.yml").write_text(text, encoding="utf-8")
    return target


def size_by_part(site: Path) -> dict[str, int]:
    """Bytes per top folder of the site, with programme versions and attachments apart."""
    parts: dict[str, int] = {}
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        rel = path.relative_to(site).parts
        if rel[0] == "programy" and "wersje" in rel:
            key = "programy: wersje"
        elif rel[0] == "programy" and "attachments" in rel:
            key = "programy: załączniki"
        else:
            key = rel[0] if len(rel) > 1 else "(strony w katalogu głównym)"
        parts[key] = parts.get(key, 0) + path.stat().st_size
    return parts


def site_sizes(site: Path) -> tuple[int, int, str]:
    files = [p for p in site.rglob("*") if p.is_file()]
    pages = [p for p in files if p.suffix == ".html"]
    largest = max(pages, key=lambda p: p.stat().st_size)
    return sum(p.stat().st_size for p in files), largest.stat().st_size, largest.relative_to(site).as_posix()


def without_shared(archive: Path, target: Path) -> Path:
    """The same archive, its shared passages turned off (extra.archiwum.wspolne_fragmenty)."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(archive, target, symlinks=True, ignore=shutil.ignore_patterns("site"))
    config = target / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  archiwum:\n", "  archiwum:\n    wspolne_fragmenty: false\n"), "utf-8")
    return target


def measure(
    count: int,
    tmp: Path,
    plain_too: bool = True,
    rounds: int = 1,
    part_size: int | None = None,
    shared_cost: bool = False,
    together: bool = False,
) -> dict[str, float]:
    """Build the archive of `count` programmes (and its plain twin) `rounds` times, alternately;
    the fastest run of each counts, since this machine's speed drifts between runs."""
    archive = generate(count, tmp / f"archiwum-{count}")
    if part_size:
        config = archive / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        option = f"  archiwum:\n    stron_w_czesci_indeksu: {part_size}\n"
        config.write_text(text.replace("  archiwum:\n", option), encoding="utf-8")
    commit_all(archive)
    plain = plain_project(archive, tmp / f"zwykly-{count}") if plain_too else None
    unshared = without_shared(archive, tmp / f"bez-wspolnych-{count}") if shared_cost else None
    print(f"\n{count} programmes")
    runs: dict[str, list[tuple[float, float, int, int]]] = {
        "archive build": [],
        "plain MkDocs": [],
        "no shared text": [],
    }
    builds = [
        (name, project, flags)
        for name, project, flags in (  # the archive logs its figures (INFO)
            ("archive build", archive, ["--strict"]),
            ("plain MkDocs", plain, ["-q"]),
            ("no shared text", unshared, ["--strict"]),
        )
        if project is not None
    ]
    for _ in range(rounds):
        for (name, project, _), (figures, log, speed) in zip(builds, _built(builds, together), strict=True):
            runs[name].append(figures)
            print(f"  {name:17s} {_figures(*figures)}   (machine speed probe {speed:.2f} s)")
            if project is archive:
                print(f"  {'':17s} {checks_share(log, figures[0])}")
                found = re.search(r"wspólne fragmenty: .*", log)
                print(f"  {'':17s} {found[0] if found else '(no shared passages logged)'}")
    seconds, cpu, *_ = min(runs["archive build"])
    if plain is not None:
        plain_seconds, plain_cpu, *_ = min(runs["plain MkDocs"])
        fastest = f"   (fastest of {rounds})" if rounds > 1 else ""
        ratio = f"{seconds / plain_seconds:8.2f}×   processor {cpu / plain_cpu:.2f}×"
        print(f"  ratio             {ratio}{fastest}")
    if unshared is not None:
        bare, bare_cpu, bare_peak, _ = min(runs["no shared text"])
        _, _, peak, _ = min(runs["archive build"])
        pages = sum(1 for _ in (archive / "site" / "wspolne-fragmenty").rglob("index.html"))
        size = sum(
            p.stat().st_size for p in (archive / "site" / "wspolne-fragmenty").rglob("*") if p.is_file()
        )
        added = f"+{100 * (seconds / bare - 1):.1f}% time (processor +{100 * (cpu / bare_cpu - 1):.1f}%)"
        print(
            f"  shared passages   {added}, peak memory {(peak - bare_peak) / 1e6:+.0f} MB; "
            f"{pages} comparison pages, {size / 1e6:.1f} MB"
        )
    total, largest, where = site_sizes(archive / "site")
    print(f"  per programme     {1000 * seconds / count:8.1f} ms")
    print(f"  site              {total / 1e6:8.1f} MB   {total / count / 1e3:.1f} kB per programme")
    print(f"  largest page      {largest / 1e3:8.1f} kB   ({where})")
    print("  site by part, kB per programme:")
    for part, size in sorted(size_by_part(archive / "site").items(), key=lambda item: -item[1])[:14]:
        print(f"    {part:28s} {size / count / 1e3:8.1f}")
    return {"seconds": seconds, "per": seconds / count, "cpu_per": cpu / count}


def _built(
    builds: list[tuple[str, Path, list[str]]], together: bool
) -> list[tuple[tuple[float, float, int, int], str, float]]:
    """Each build's figures, log and the machine speed probe before it: one after another, or
    (together) all at once, each on a processor of its own, under the same conditions."""

    def build(project: Path, flags: list[str]) -> tuple[tuple[float, float, int, int], str]:
        return timed([sys.executable, "-m", "mkdocs", "build", *flags], project)

    if not together:
        done = []
        for _, project, flags in builds:
            speed = machine_speed()
            done.append((*build(project, flags), speed))
        return done
    speed = machine_speed()
    with ThreadPoolExecutor(len(builds)) as pool:
        done = list(pool.map(lambda b: build(b[1], b[2]), builds))
    return [(figures, log, speed) for figures, log in done]


def checks_share(log: str, seconds: float) -> str:
    """What the markup check and the pages' Content-Security-Policy took of a build (issue 16:
    at most 3% at 1,000 programmes), from the figures the build logs."""
    check = re.search(r"kontrola HTML: sprawdzono ([\d ]+) stron\w* w ([\d,]+) s", log)
    policy = re.search(r"polityka treści stron w ([\d,]+) s", log)
    if not check or not policy:
        return "(the build logged no figures of its markup check)"
    pages, check_s = check.group(1).replace(" ", ""), float(check.group(2).replace(",", "."))
    policy_s = float(policy.group(1).replace(",", "."))
    return (
        f"markup check {check_s:.2f} s for {pages} pages ({100 * check_s / seconds:.1f}% of the build), "
        f"Content-Security-Policy {policy_s:.2f} s ({100 * policy_s / seconds:.1f}%)"
    )


def _figures(wall: float, processor: float, peak: int, own: int) -> str:
    memory = f"peak memory {peak / 1e9:5.2f} GB (MkDocs process alone {own / 1e9:.2f} GB)"
    return f"{wall:8.1f} s   processor {processor:8.1f} s   {memory}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("counts", type=int, nargs="*", default=[100, 1000])
    parser.add_argument("--no-plain", action="store_true", help="build the archive only, not plain MkDocs")
    parser.add_argument("--rounds", type=int, default=1, help="build each this many times, alternately")
    parser.add_argument("--index-part-size", type=int, help="stron_w_czesci_indeksu for the archive build")
    parser.add_argument("--shared-cost", action="store_true", help="build also without shared passages")
    parser.add_argument(
        "--together", action="store_true", help="run a round's builds at once (2+ processors)"
    )
    args = parser.parse_args()
    print(f"(project: {PROJECT}; peak memory: all processes of a build together)")
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for count in args.counts:
            results[count] = measure(
                count,
                Path(tmp),
                not args.no_plain,
                rounds=args.rounds,
                part_size=args.index_part_size,
                shared_cost=args.shared_cost,
                together=args.together,
            )
    if 1000 in results and 10000 in results:
        per, cpu_per = (results[10000][k] / results[1000][k] for k in ("per", "cpu_per"))
        print(f"\ntime per programme, 10,000 vs 1,000: {per:.2f}× (processor time {cpu_per:.2f}×)")


if __name__ == "__main__":
    main()
