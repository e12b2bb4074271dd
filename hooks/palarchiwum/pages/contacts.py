"""What a reader can use of a contact (a programme's, a municipality office's or unit's): the
details the record gives, in reading order, each with the address a link opens."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from palarchiwum.records.catalogue_records import Programme
from palarchiwum.records.municipality_contacts import CONTACT_KEYS, contact_details

# What the first screen of a programme shows of a contact: the ways to reach someone at once.
QUICK = ("telefon", "email", "www")


def known_details(
    contact: Mapping[str, Any] | None, only: tuple[str, ...] = CONTACT_KEYS
) -> list[tuple[str, str, str | None]]:
    """(kind, text, link or None) for every detail the contact gives (of those in `only`), its
    name aside; unknown ones are left out. A phone links by ``tel:`` where its number is clear,
    an e-mail by ``mailto:``, a website or BIP only over https (the pages' allow-list)."""
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
        if key != "nazwa" and key in only and details[key]
    ]


def has_details(contact: Mapping[str, Any] | None) -> bool:
    return contact_details(contact or {}).known


def contact_to_reach(programme: Programme) -> tuple[Mapping[str, Any] | None, bool]:
    """Whom a resident reaches about a programme whose document gives no contact: the
    municipality's unit that runs it, else the office or a unit with a phone, e-mail or website,
    else any with known details; and whether the municipality's page has more contacts."""
    municipality = programme.municipality
    reachable = [c for c in (municipality.office, *municipality.units) if c and has_details(c)]
    runner = _name((programme.implementer or {}).get("nazwa"))

    def runs_it(contact: Mapping[str, Any]) -> bool:
        # "Gmina … działająca przez Miejski Ośrodek Pomocy Społecznej w Kętrzynie" names its unit.
        name = _name(contact.get("nazwa"))
        return bool(runner and name) and (name in runner or runner in name)

    # The unit that runs it first, then whoever can be phoned, written to or visited online.
    ranked = sorted(reachable, key=lambda c: (not runs_it(c), not known_details(c, QUICK)))
    return (ranked[0] if ranked else None), len(reachable) > 1


def _name(value: Any) -> str:
    return " ".join(str(value or "").split()).casefold()
