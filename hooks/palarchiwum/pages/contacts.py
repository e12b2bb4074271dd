"""What a reader can use of a contact (a programme's, a municipality office's or unit's): the
details the record gives, in reading order, each with the address a link opens."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from palarchiwum.records.municipality_contacts import CONTACT_KEYS, contact_details


def known_details(contact: Mapping[str, Any] | None) -> list[tuple[str, str, str | None]]:
    """(kind, text, link or None) for every detail the contact gives, its name aside; unknown
    ones are left out. A phone links by ``tel:`` where its number is clear, an e-mail by
    ``mailto:``, a website or BIP only over https (the pages' allow-list)."""
    details = contact_details(contact or {})
    links = {
        "telefon": details.phone_uri,
        "email": f"mailto:{details['email']}" if details["email"] else None,
        "www": details["www"] if details.www_is_link else None,
        "bip": details["bip"] if (details["bip"] or "").startswith("https://") else None,
    }
    return [
        (key, " ".join(str(details[key]).split()), links.get(key))
        for key in CONTACT_KEYS
        if key != "nazwa" and details[key]
    ]


def has_details(contact: Mapping[str, Any] | None) -> bool:
    return bool(known_details(contact))
