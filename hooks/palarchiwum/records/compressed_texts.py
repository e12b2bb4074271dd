"""Texts kept compressed in memory: an archive of 10,000 programmes holds some 650 MB of text."""

from __future__ import annotations

import zlib


def pack(text: str) -> bytes:
    """UTF-8, zlib at its fastest level: Polish text shrinks about fourfold."""
    return zlib.compress(text.encode("utf-8"), 1)


def unpack(packed: bytes) -> str:
    return zlib.decompress(packed).decode("utf-8")


class TextsReleased(RuntimeError):
    """A text was read after the build let the texts go: the build's order is wrong, not the archive.

    The texts are needed only while the pages and data files are rendered, and with the quotes
    they are the bulk of the records, so the build lets them go before MkDocs renders the pages.
    """
