"""Who made a change: the editor's name and role, not a git identity.

git maps identities to people itself: the repository's ``.mailmap`` gives each author (by their
git name or e-mail address) one name and address, and the log is read with them (``%aN``,
``%aE``). The publisher's list of editors (``extra.archiwum.wydawca.redaktorzy``) then gives the
role, matched by the mapped name, else by the mapped e-mail address (a shared mailbox may
serve several editors, so the name decides first). An author not on the list is
shown by the mapped name, marked as not on the list; an e-mail address is never shown as a name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Editor:
    name: str
    role: str | None = None
    listed: bool = False  # on the publisher's list of editors


@dataclass(frozen=True)
class RosterEntry:
    """One editor as the publisher lists them."""

    name: str | None
    role: str | None
    email: str | None


UNKNOWN_NAME = "osoba niepodpisana"


class Roster:
    """The publisher's editors, looked up by a commit's mapped author."""

    def __init__(self, entries: Iterable[RosterEntry]) -> None:
        self._by_email: dict[str, RosterEntry] = {}
        self._by_name: dict[str, RosterEntry] = {}
        for entry in entries:
            if entry.email:
                self._by_email.setdefault(entry.email.casefold(), entry)
            if entry.name:
                self._by_name.setdefault(_normal(entry.name), entry)

    def editor(self, name: str, email: str) -> Editor:
        listed = self._by_name.get(_normal(name))
        listed = listed or (self._by_email.get(email.casefold()) if email else None)
        if listed:
            return Editor(listed.name or _shown(name), listed.role, listed=True)
        return Editor(_shown(name))


def _normal(name: str) -> str:
    return " ".join(name.casefold().split())


def _shown(name: str) -> str:
    """A git name as a register shows it: one line, and never an e-mail address."""
    name = " ".join(name.split())
    return name if name and "@" not in name else UNKNOWN_NAME
