"""How well the register tells a public reason in Polish from a developer's message.

Usage: ``python benchmarks/reason_language.py CORPUS`` where CORPUS holds ``polish.txt`` and
``english.txt``: real commit messages from other repositories, separated by lines ``%%%`` (kept
outside the project: it holds only the archive's own words). Each message is read as the build
reads it (``history.reasons``: a ``Powód:`` trailer, else a Polish subject). Messages are split in
two halves by CRC-32 of their text; the rule was tuned on half 0 only, half 1 is held out.
Also prints how this repository's own history is read.

A Polish message read as no reason costs a „powód nie został podany” and a warning to the clerk
(the descriptions file mends it); an English one read as a reason would be published.
"""

from __future__ import annotations

import subprocess
import sys
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from palarchiwum.history.reasons import reason_of  # noqa: E402


def messages(path: Path) -> list[str]:
    return [m.strip() for m in path.read_text(encoding="utf-8").split("\n%%%\n") if m.strip()]


def main(corpus: Path) -> None:
    print(f"{'zbiór':10} {'połowa':>14} {'dobrze':>7} {'z':>4} {'odsetek':>8}")
    for name, polish in (("polish", True), ("english", False)):
        counts = {0: [0, 0], 1: [0, 0]}
        wrong: list[tuple[int, str]] = []
        for message in messages(corpus / f"{name}.txt"):
            half = zlib.crc32(message.encode()) % 2
            right = (reason_of("", message, {}).text is not None) == polish
            counts[half][0] += right
            counts[half][1] += 1
            if not right:
                wrong.append((half, message.splitlines()[0][:90]))
        for half, label in ((0, "strojona (0)"), (1, "odłożona (1)")):
            good, total = counts[half]
            print(f"{name:10} {label:>14} {good:>7} {total:>4} {good / total:>8.1%}")
        for half, subject in wrong:
            print(f"    błędnie ({half}): {subject}")
    log = subprocess.run(
        ["git", "log", "--format=%B%x00"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    own = [m.strip() for m in log.stdout.split("\0") if m.strip()]
    polish_subjects = sum(reason_of("", m, {}).text is not None for m in own)
    print(f"to repozytorium: {len(own)} zapisów, powód po polsku w {polish_subjects}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(Path(sys.argv[1]))
