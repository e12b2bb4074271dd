"""Handing freed memory back to the system, so that the search indexer has it."""

from __future__ import annotations

import contextlib
import ctypes
import gc


def give_back_memory() -> None:
    """Collect garbage and ask the C library to return its free pages to the system.

    Python keeps the memory of freed objects for its own later use. At 10,000 programmes, once
    the texts are let go (Site.release_texts), the build's process held 0.71-0.88 GB while
    Pagefind indexed beside it, instead of 1.0 GB. Only glibc has ``malloc_trim``; elsewhere
    this only collects.
    """
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).malloc_trim(0)
