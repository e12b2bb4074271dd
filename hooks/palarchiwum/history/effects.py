"""When a change of a programme takes effect, where its record says so."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from palarchiwum.records.dates import NotADate, parse_day
from palarchiwum.records.yaml_parsing import YamlError

from .record_comparison import record_data, value_at


@dataclass(frozen=True)
class Effect:
    repealed_on: dt.date | None = None  # the change records a repeal, from this day
    entry_into_force: str | None = None  # the change publishes the programme: the resolution's words


def effect_of(old: str | None, new: str | None) -> Effect | None:
    """A repeal the change records (its day), or, for a programme's first version, when its
    resolution enters into force (as the record quotes it); None when the record says neither."""
    if new is None or ("uchylenie" not in new and (old is not None or "wejscie_w_zycie" not in new)):
        return None  # neither fact can be there: no record read (some 6 ms a record)
    before, after = _data(old), _data(new)
    repeal = _day(value_at(after, ("uchylenie", "data")))
    if repeal and repeal != _day(value_at(before, ("uchylenie", "data"))):
        return Effect(repealed_on=repeal)
    wording = value_at(after, ("uchwala", "wejscie_w_zycie"))
    if old is None and isinstance(wording, str) and wording.strip():
        return Effect(entry_into_force=" ".join(wording.split()))
    return None


def _data(text: str | None) -> dict[str, Any]:
    try:
        return record_data(text)
    except YamlError:
        return {}


def _day(value: Any) -> dt.date | None:
    try:
        return parse_day(str(value)) if value else None
    except NotADate:
        return None
