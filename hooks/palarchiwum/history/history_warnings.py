"""Telling the person who builds what to look at (an incomplete history, a record to check),
without failing a strict build."""

from __future__ import annotations

import logging
from collections.abc import Iterable


def warn_in_log(warnings: Iterable[str]) -> None:
    """Print each warning (`Site.warnings`) as a warning of the build's log.

    A clone without full history (or a copy without git) still builds a correct archive, with the
    dates from the records. MkDocs' ``--strict`` counts only the warnings of its own loggers, so
    these go to a logger of their own, which prints them in the same form.
    """
    log = _history_log()
    for warning in warnings:
        log.warning("pal-archiwum: %s", warning)


def _history_log() -> logging.Logger:
    log = logging.getLogger("palarchiwum.historia")
    if not log.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        log.addHandler(handler)
        log.propagate = False
    return log
