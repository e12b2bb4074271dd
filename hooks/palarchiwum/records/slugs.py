"""URL parts derived from folder names, one rule for the whole archive."""

from __future__ import annotations

import re
import unicodedata

# Letters that Unicode does not decompose into a base letter and a mark.
_PLAIN = str.maketrans({"ł": "l", "Ł": "L", "đ": "d", "ø": "o", "ß": "ss"})
_NON_WORD = re.compile(r"[^a-z0-9]+")


def ascii_fold(text: str) -> str:
    """Polish (and other) letters without diacritics: 'Kętrzyn' -> 'Ketrzyn', 'żłobek' -> 'zlobek'."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_PLAIN))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by hyphens: 'PAL 2014–2020' -> 'pal-2014-2020'."""
    return _NON_WORD.sub("-", ascii_fold(text).lower()).strip("-")
