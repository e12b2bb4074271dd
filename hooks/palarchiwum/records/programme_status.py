"""A programme's status on a given day, from its period and its relations."""

from __future__ import annotations

import datetime as dt

from .catalogue_records import Programme, Status


def status_of(programme: Programme, successors: list[Programme], as_of: dt.date) -> Status:
    """Repealed from the day of repeal; superseded once a successor has taken effect; else by the period."""
    if programme.repealed_on and programme.repealed_on <= as_of:
        return Status.REPEALED
    if any(successor.since <= as_of for successor in successors):
        return Status.SUPERSEDED
    if as_of > programme.end.last:
        return Status.ENDED
    if as_of < programme.start.first:
        return Status.PLANNED
    return Status.IN_FORCE
