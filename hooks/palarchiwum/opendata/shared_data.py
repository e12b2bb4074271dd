"""Shared passages in the open data: a programme's share of text found in other programmes, the
programmes, and each passage's place in both texts (words and characters of programme.md)."""

from __future__ import annotations

from typing import Any

from palarchiwum.records.catalogue_records import Programme
from palarchiwum.reuse.shared_text import Kinship, SharedText

SHARE_DIGITS = 4  # a share as a fraction, e.g. 0.7026


def shared_data(programme: Programme, shared: SharedText, page_url: Any) -> dict[str, Any] | None:
    """The ``wspolne_fragmenty`` field; None when the publisher turned the search off.
    `page_url` makes a site path absolute (``Urls.of``)."""
    if not shared.enabled:
        return None
    return {
        "udzial": round(shared.share(programme), SHARE_DIGITS),
        "programy": [_kin(programme, kin, page_url) for kin in shared.kin(programme)],
    }


def _kin(programme: Programme, kin: Kinship, page_url: Any) -> dict[str, Any]:
    pair, first = kin.pair, kin.pair.first is programme
    comparison = page_url(pair.src_uri.removesuffix("index.md"))
    here, there = ("a", "b") if first else ("b", "a")
    passages = []
    for p in pair.passages:
        own = (p.first_word, p.first_chars) if first else (p.second_word, p.second_chars)
        other = (p.second_word, p.second_chars) if first else (p.first_word, p.first_chars)
        passages.append(
            {
                "slowa": [own[0], own[0] + p.words],
                "znaki": list(own[1]),
                "w_drugim": {"slowa": [other[0], other[0] + p.words], "znaki": list(other[1])},
                "kotwica": f"{here}-{p.number}",
                "kotwica_w_drugim": f"{there}-{p.number}",
            }
        )
    return {
        "id": kin.programme.key,
        "adres": page_url(kin.programme.url),
        "porownanie": comparison,
        "udzial": round(kin.share, SHARE_DIGITS),
        "udzial_drugiego": round(pair.share_of(kin.programme), SHARE_DIGITS),
        "slowa_wspolne": pair.shared_words,
        "fragmenty": passages,
    }
