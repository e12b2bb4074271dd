"""Pagefind's filter files, rewritten in a fixed order, so that one commit always builds the
same bytes.

Pagefind 1.5 writes each filter's values, and the list of filters in its metadata file, in the
order of a Rust hash map, which differs from one run to the next (a TODO of its own: "Change
filter indexes to BTree to give them a stable hash"). The files are CBOR (after a signature,
gzipped); a filter file is ``[name, [[value, [page, …]], …]]`` and the metadata file lists the
filters as ``[[name, file], …]`` in its fourth field. Here each filter's values are sorted, the
filters too, each file is named by a hash of what it now holds, and the entry file points to
the rewritten metadata. Nothing else of the index changes.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path
from typing import Any

import cbor2

SIGNATURE = b"pagefind_dcd"
FILTERS = 3  # the field of the metadata file that lists the filters


def stabilize_filters(bundle: Path) -> None:
    """Rewrite the filter files and metadata of the Pagefind bundle in `bundle` in a fixed order."""
    entry_file = bundle / "pagefind-entry.json"
    entry = json.loads(entry_file.read_text(encoding="utf-8"))
    for language, index in entry["languages"].items():
        meta_file = bundle / f"pagefind.{index['hash']}.pf_meta"
        meta = _read(meta_file)
        filters = []
        for name, old in meta[FILTERS]:
            filter_name, values = _read(bundle / "filter" / f"{old}.pf_filter")
            new = _write(bundle / "filter", language, [filter_name, sorted(values)], old, "{}.pf_filter", 7)
            filters.append([name, new])
        meta[FILTERS] = sorted(filters)
        index["hash"] = _write(bundle, language, meta, index["hash"], "pagefind.{}.pf_meta", 10)
    entry_file.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _read(path: Path) -> Any:
    data = path.read_bytes()
    if not data.startswith(SIGNATURE):
        data = gzip.decompress(data)
    return cbor2.loads(data[len(SIGNATURE) :])


def _write(folder: Path, language: str, content: Any, old: str, pattern: str, digits: int) -> str:
    """Write `content` under a name from its hash; remove the file it replaces; the new name."""
    data = SIGNATURE + cbor2.dumps(content)
    name = f"{language}_{hashlib.sha256(data).hexdigest()[:digits]}"
    (folder / pattern.format(name)).write_bytes(gzip.compress(data, mtime=0))
    if name != old:
        (folder / pattern.format(old)).unlink()
    return name
