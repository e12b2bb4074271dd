"""Who publishes the archive: the BIP's publisher and editors, from ``extra.archiwum.wydawca``.

Nothing here is a default fact: what the configuration does not give stays None, and the
pages say it was not given.
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
