"""A municipality's office and units as contact details, and what a BIP must show of the office.

Every contact has the same keys (``CONTACT_KEYS``), each None when the record does not know it:
templates read ``office.bip`` without asking whether the record wrote the key.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .problems import Problem

CONTACT_KEYS = ("nazwa", "adres", "telefon", "email", "www", "bip", "epuap")
# What a BIP must show of a public body's office (the BIP regulation and the act on
# computerisation: seat, contacts, electronic inbox), as a clerk reads it, in the genitive.
OFFICE_DETAILS = (
    ("nazwa", "nazwy"),
    ("adres", "adresu"),
    ("telefon", "numeru telefonu"),
    ("email", "adresu e-mail"),
    ("bip", "adresu strony BIP"),
    ("epuap", "adresu skrytki ePUAP"),
)
# The first number of a phone field ("89 751 75 00 wew. 12, 89 751 24 01" dials 89 751 75 00).
_FIRST_NUMBER = re.compile(r"^\s*(\+?[\d\s().-]+?)\s*(?:$|[,;/]|wew|lub|fax|faks)", re.IGNORECASE)


class ContactDetails(dict[str, Any]):
    """One office or unit: a mapping of ``CONTACT_KEYS``, with what a page needs to link them."""

    @property
    def known(self) -> bool:
        """Whether anything but the name is known."""
        return any(self[key] for key in CONTACT_KEYS if key != "nazwa")

    @property
    def phone_uri(self) -> str | None:
        """``tel:`` address of the first number given, +48 for a Polish 9-digit one; None if unclear."""
        found = _FIRST_NUMBER.match(self["telefon"] or "")
        if found is None:
            return None
        digits = re.sub(r"\D", "", found.group(1))
        if found.group(1).startswith("+") and 8 <= len(digits) <= 15:
            return f"tel:+{digits}"
        if len(digits) == 9:
            return f"tel:+48{digits}"
        if len(digits) == 11 and digits.startswith("48"):
            return f"tel:+{digits}"
        return None

    @property
    def www_is_link(self) -> bool:
        """Only https addresses become links: the archive links nowhere else (markup_policy)."""
        return bool(self["www"] and self["www"].startswith("https://"))


def contact_details(raw: Mapping[str, Any]) -> ContactDetails:
    """The contact a record gives, every key present, blank values as None."""
    return ContactDetails({key: _value(raw.get(key)) for key in CONTACT_KEYS})


def missing_office_details(office: ContactDetails | None) -> list[tuple[str, str]]:
    """What a BIP must show of the office and the record does not give: (key, genitive name)."""
    return [(key, name) for key, name in OFFICE_DETAILS if office is None or not office[key]]


def office_gap(office: ContactDetails | None, file: str, line: int) -> Problem | None:
    """A note for the clerk (never a failure) naming the office details a BIP must show that the
    municipality's file does not give; None when it gives them all."""
    missing = missing_office_details(office)
    if not missing:
        return None
    return Problem(
        file,
        line,
        "urzad",
        f"BIP ma podawać dane urzędu gminy, a brakuje: {', '.join(name for _, name in missing)}",
        f"uzupełnij w tym pliku w urzad: {', '.join(key for key, _ in missing)}; "
        "czego nie potwierdza żadne źródło, zostaw null",
    )


def _value(value: Any) -> str | None:
    return str(value).strip() or None if value is not None else None
