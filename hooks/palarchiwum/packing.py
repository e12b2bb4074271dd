"""Texts kept compressed in memory: an archive of 10,000 programmes holds some 650 MB of text."""

from __future__ import annotations

import zlib


def pack(text: str) -> bytes:
    """UTF-8, zlib at its fastest level: Polish text shrinks about fourfold."""
    return zlib.compress(text.encode("utf-8"), 1)


def unpack(packed: bytes) -> str:
    return zlib.decompress(packed).decode("utf-8")
