"""The git ``commit-msg`` hook's question: does a commit that changes published content say
why, in Polish? (``scripts/git-hooks/commit-msg``; the register publishes the answer.)

Standard library only, through ``history.reasons``: the hook must run before anything else.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from palarchiwum.history.reasons import reason_of, split_message

_EXAMPLE = """\
Zmiana zmienia opublikowane strony archiwum, więc rejestr zmian poda jej powód. Napisz go po
polsku, zrozumiale dla mieszkańca, w pierwszym wierszu opisu zapisu, np.:

    Poprawka numeru uchwały w programie gminy Kętrzyn

albo, gdy pierwszy wiersz ma zostać techniczny, dopisz na końcu opisu wiersz:

    Powód: Poprawka numeru uchwały w programie gminy Kętrzyn

Zapis nie został utworzony; Twój opis jest w pliku {path}."""


def published(paths: list[str]) -> list[str]:
    """The staged files whose change the register lists: programmes' files, hand-written pages."""
    return [p for p in paths if p.startswith("programmes/") or (p.startswith("docs/") and p.endswith(".md"))]


def check_message(message: str, staged: list[str]) -> str | None:
    """None when the commit may be made; else what to tell the person committing."""
    if not published(staged):
        return None
    text = "\n".join(line for line in message.splitlines() if not line.startswith("#"))
    subject, _, _ = split_message(text)
    if subject.startswith(("fixup!", "squash!")) or subject.startswith("Merge "):
        return None  # rewritten or joined later; the final commit is checked then
    if reason_of("", text, {}).text is not None:
        return None
    return _EXAMPLE


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("użycie: commit-msg PLIK_Z_OPISEM_ZAPISU", file=sys.stderr)
        return 2
    path = Path(argv[1])
    staged = subprocess.run(
        ["git", "-c", "core.quotepath=off", "diff", "--cached", "--name-only"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.splitlines()
    problem = check_message(path.read_text(encoding="utf-8", errors="replace"), staged)
    if problem is None:
        return 0
    print(problem.format(path=path), file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
