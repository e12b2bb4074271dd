"""What a reader can use of a contact (a programme's, a municipality office's or unit's): the
details the record gives, in reading order, each with the address a link opens."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

# (key in the record, the link it makes): None for text that opens nothing.
_DETAILS = (
    ("adres", None),
    ("telefon", "tel:"),
    ("email", "mailto:"),
    ("www", ""),
    ("bip", ""),
    ("epuap", None),
)


def known_details(contact: Mapping[str, Any] | None) -> list[tuple[str, str, str | None]]:
    """(kind, text, link or None) for every detail the contact gives; unknown ones are left out."""
    found = []
    for key, scheme in _DETAILS:
        value = " ".join(str((contact or {}).get(key) or "").split())
        if not value:
            continue
        found.append((key, value, _target(value, scheme)))
    return found


def has_details(contact: Mapping[str, Any] | None) -> bool:
    return bool(known_details(contact))


def _target(value: str, scheme: str | None) -> str | None:
    if scheme == "tel:":
        digits = re.sub(r"[^0-9+]", "", value)
        return f"tel:{digits}" if digits else None
    if scheme == "mailto:":
        return f"mailto:{value}"
    if scheme == "":
        # Links leave the archive only over https (the pages' allow-list); an http address is shown.
        return value if value.startswith("https://") else None
    return None
