"""A build's private folder, where generated pages, data files and rendered HTML wait on disk.

At 10,000 programmes the generated Markdown alone is some 1.4 GB of text, and MkDocs keeps
every page's HTML from the moment it is rendered until its template is filled in. Kept in
memory, both grow with the archive; kept here, they cost one file each.
"""

from __future__ import annotations

import pickle
import tempfile
from pathlib import Path
from typing import Any

from palarchiwum.generated_files import with_folder


class Spool:
    def __init__(self) -> None:
        # A TemporaryDirectory also removes itself when it is let go or Python exits, which
        # covers builds that fail half-way.
        self._directory = tempfile.TemporaryDirectory(prefix="pal-archiwum-", ignore_cleanup_errors=True)
        self.folder = Path(self._directory.name)
        self._made: set[Path] = set()

    def write(self, name: str, content: str) -> Path:
        """Keep `content` under `name` (a relative path); returns where it is."""
        return self._put(name, content.encode("utf-8"))

    def take(self, name: str) -> str:
        """What was kept under `name`, which is then let go."""
        return self._pop(name).decode("utf-8")

    def keep(self, name: str, value: Any) -> None:
        """Keep a Python object (pickled) under `name` until `take_back`."""
        self._put(name, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))

    def take_back(self, name: str) -> Any:
        """The object kept under `name`, which is then let go."""
        return pickle.loads(self._pop(name))

    def _put(self, name: str, data: bytes) -> Path:
        path = with_folder(self.folder / name, self._made)
        path.write_bytes(data)
        return path

    def _pop(self, name: str) -> bytes:
        path = self.folder / name
        data = path.read_bytes()
        path.unlink()
        return data

    def remove(self) -> None:
        self._directory.cleanup()
