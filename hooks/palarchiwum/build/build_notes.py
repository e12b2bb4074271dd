"""What a build tells the person who runs it besides its pages: warnings, and the details a BIP
must show that the archive does not give yet (notes, which never fail a strict build)."""

from __future__ import annotations

from typing import Protocol

from palarchiwum.history.history_warnings import warn_in_log
from palarchiwum.publisher import Publisher
from palarchiwum.records.archive import Archive
from palarchiwum.records.polish import plural
from palarchiwum.records.problems import Problem
from palarchiwum.site import Site


class InfoLog(Protocol):
    """A log that takes notes: MkDocs' plugin logger, or a test's."""

    def info(self, msg: str, *args: object) -> object: ...


def bip_gaps(publisher: Publisher, archive: Archive) -> tuple[Problem, ...]:
    """The publisher's missing details, then each municipality office's, one note per group."""
    return publisher.gaps + archive.contact_gaps


def tell_in_log(site: Site, log: InfoLog) -> None:
    """The site's warnings as warnings (``warn_in_log``); each missing BIP detail as a note
    beginning „Uwaga:”, at INFO: MkDocs' ``--strict`` fails a build on warnings, and a BIP
    published before its publisher's every detail is known is still correct."""
    warn_in_log(site.warnings)
    for gap in bip_gaps(site.publisher, site.archive):
        log.info("Uwaga: %s", gap)
    if site.shared.enabled:
        log.info("%s", shared_summary(site))


def shared_summary(site: Site) -> str:
    """„wspólne fragmenty: 4 pary programów (porównano 4 pary) w 0,4 s”, for the log and benchmarks."""
    shared = site.shared
    effort = shared.effort
    pairs = plural(len(shared.pairs), "para programów", "pary programów", "par programów")
    compared = plural(effort.candidates, "parę", "pary", "par")
    seconds = f"{sum(effort.seconds):.1f}".replace(".", ",")
    return f"wspólne fragmenty: {pairs} (porównano {compared}) w {seconds} s"
