"""Each commit's editor and public reason, given to it as the log is read."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from .editors import Roster
from .git_log import Commit
from .reasons import reason_of


class Attribution:
    """Names the editor of each commit (``Roster``) and finds its reason (``reasons``).

    `descriptions` are the publisher's, by commit id as written (7 or more hex digits).
    """

    def __init__(self, roster: Roster, descriptions: Mapping[str, str], source: str) -> None:
        self._roster = roster
        self._descriptions = dict(descriptions)
        self._by_start: dict[str, list[str]] = {}
        for key in self._descriptions:
            self._by_start.setdefault(key[:7], []).append(key)
        self._used: set[str] = set()
        self._source = source  # the descriptions file, as the clerk knows it

    def __call__(self, commit: Commit) -> Commit:
        described = {}
        for key in self._by_start.get(commit.sha[:7], []):
            if commit.sha.startswith(key):
                described[commit.sha] = self._descriptions[key]
                self._used.add(key)
        return replace(
            commit,
            editor=self._roster.editor(commit.author, commit.email),
            reason=reason_of(commit.sha, commit.message, described),
        )

    def unused(self) -> list[str]:
        """Warnings for descriptions of commits the history does not have."""
        return [
            f"{self._source}: opis zapisu {key} nie pasuje do żadnego zapisu w historii "
            "repozytorium; sprawdź identyfikator w „git log --oneline”"
            for key in sorted(set(self._descriptions) - self._used)
        ]


def missing_reasons(commits: Iterable[Commit], source: str) -> list[str]:
    """Warnings for published changes without a reason in Polish, saying how to give one."""
    return [
        f"zmiana {c.short} z {c.day.isoformat()} nie ma powodu po polsku, więc rejestr zmian "
        f"podaje „powód nie został podany”; dopisz go w {source} w wierszu "
        f'"{c.short}": <powód po polsku>'
        for c in commits
        if c.reason.text is None
    ]
