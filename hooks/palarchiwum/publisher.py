"""Who publishes the archive: the BIP's publisher and editors, from ``extra.archiwum.wydawca``.

Nothing here is a default fact: what the configuration does not give stays None, the pages say
in a sentence that the publisher has not given it yet, and ``Publisher.gaps`` tells the clerk.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from palarchiwum.records.dates import NotADate, parse_day
from palarchiwum.records.problems import InvalidArchive, Problem

_SOURCE = "mkdocs.yml: extra.archiwum.wydawca"


@dataclass(frozen=True)
class Contact:
    name: str | None
    role: str | None = None
    email: str | None = None
    phone: str | None = None


@dataclass(frozen=True)
class Publisher:
    name: str | None
    address: str | None
    email: str | None
    phone: str | None
    editors: tuple[Contact, ...]
    accessibility_contact: Contact | None
    published_on: dt.date | None  # when the site was first published
    statement_prepared_on: dt.date | None  # when the accessibility statement was prepared

    @property
    def gaps(self) -> tuple[Problem, ...]:
        """What a BIP must show of its publisher and the configuration does not give: one note
        per group (the publisher, the editors, the accessibility contact), never a failure."""
        found = []
        own = [
            (key, name)
            for key, value, name in (
                ("nazwa", self.name, "nazwy"),
                ("adres", self.address, "adresu"),
                ("email", self.email, "adresu e-mail"),
                ("telefon", self.phone, "numeru telefonu"),
            )
            if not value
        ]
        if own:
            found.append(
                _gap(
                    "",
                    f"BIP ma podawać dane wydawcy, a brakuje: {', '.join(name for _, name in own)}",
                    f"uzupełnij {', '.join(key for key, _ in own)}",
                )
            )
        if not self.editors:
            found.append(
                _gap(
                    "redaktorzy",
                    "BIP ma podawać redaktorów strony, a nie podano żadnego",
                    "dodaj redaktorzy: [{nazwa: …, funkcja: …, email: …, telefon: …}]",
                )
            )
        contact = self.accessibility_contact or Contact(None)
        unreachable = [
            name
            for value, name in (
                (contact.name, "osoby kontaktowej"),
                (contact.email or self.email, "adresu e-mail"),
                (contact.phone or self.phone, "numeru telefonu"),
            )
            if not value
        ]
        if unreachable:
            found.append(
                _gap(
                    "dostepnosc",
                    "deklaracja dostępności ma podawać kontakt w sprawach dostępności, a brakuje: "
                    + ", ".join(unreachable),
                    "uzupełnij dostepnosc: {nazwa: …, email: …, telefon: …}",
                )
            )
        return tuple(found)


def _gap(key: str, message: str, what_to_do: str) -> Problem:
    """A note on the publisher's configuration: the key, what is missing, where to give it."""
    field = f"extra.archiwum.wydawca.{key}" if key else "extra.archiwum.wydawca"
    return Problem("mkdocs.yml", 0, field, message, f"{what_to_do} w extra.archiwum.wydawca w mkdocs.yml")


def publisher_from(options: Mapping[str, Any]) -> Publisher:
    """The publisher described by ``wydawca`` in the archive's options; raise on a bad date."""
    raw = options.get("wydawca") or {}
    if not isinstance(raw, Mapping):
        raise InvalidArchive([Problem(_SOURCE, 0, "", "powinien być słownikiem pól", "zob. mkdocs.yml")])
    problems: list[Problem] = []
    publisher = Publisher(
        name=_text(raw.get("nazwa")),
        address=_text(raw.get("adres")),
        email=_text(raw.get("email")),
        phone=_text(raw.get("telefon")),
        editors=tuple(_contact(e) for e in raw.get("redaktorzy") or [] if isinstance(e, Mapping)),
        accessibility_contact=_contact(raw["dostepnosc"])
        if isinstance(raw.get("dostepnosc"), Mapping)
        else None,
        published_on=_date(raw, "data_publikacji", problems),
        statement_prepared_on=_date(raw, "data_deklaracji", problems),
    )
    if problems:
        raise InvalidArchive(problems)
    return publisher


def _optional_contact(raw: Any) -> Contact | None:
    return _contact(raw) if isinstance(raw, Mapping) else None


def _contact(raw: Mapping[str, Any]) -> Contact:
    return Contact(
        _text(raw.get("nazwa")), _text(raw.get("funkcja")), _text(raw.get("email")), _text(raw.get("telefon"))
    )


def _text(value: Any) -> str | None:
    return str(value).strip() or None if value is not None else None


def _date(raw: Mapping[str, Any], key: str, problems: list[Problem]) -> dt.date | None:
    value = raw.get(key)
    if not value:
        return None
    try:
        return parse_day(str(value))
    except NotADate as exc:
        problems.append(Problem(_SOURCE, 0, key, str(exc), "podaj datę RRRR-MM-DD"))
        return None
