"""A programme's harmonogram as a picture: bars on a month axis, with the as-of date marked.

The geometry is computed here, in percent of the axis width; the template draws it. A programme
whose record has no dated entries is drawn as one bar for its whole period.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from palarchiwum.records.catalogue_records import Item, Programme
from palarchiwum.records.dates import PartialDate


@dataclass(frozen=True)
class Bar:
    number: int  # 1-based, the entry's number in the table under the picture
    item: Item | None  # None for the bar of the programme's whole period
    start: PartialDate
    end: PartialDate
    left: float  # percent of the axis
    width: float
    running: bool  # the as-of date falls within the entry


@dataclass(frozen=True)
class Tick:
    year: int
    left: float  # where January of that year starts, in percent of the axis


@dataclass(frozen=True)
class Timeline:
    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...]
    months: int  # months on the axis
    first: dt.date  # the axis starts on this day …
    last: dt.date  # … and ends on this one
    as_of: dt.date
    as_of_left: float | None  # None when the as-of date is off the axis
    from_period: bool  # True: no dated entries, the one bar is the programme's period

    @property
    def as_of_side(self) -> str:
        """'na-osi', 'przed' (the axis starts later) or 'po' (it ended earlier)."""
        if self.as_of_left is not None:
            return "na-osi"
        return "przed" if self.as_of < self.first else "po"


def timeline_of(programme: Programme, as_of: dt.date) -> Timeline:
    entries = programme.items.get("harmonogram", ())
    dated = [(i, e.start, e.end) for i, e in enumerate(entries, 1) if e.start and e.end]
    spans = dated or [(1, programme.start, programme.end)]
    first = min(start.first for _, start, _ in spans).replace(day=1)
    last = max(end.last for _, _, end in spans)
    months = _month_index(last) - _month_index(first) + 1

    def position(day: dt.date) -> float:
        days = calendar.monthrange(day.year, day.month)[1]
        offset = _month_index(day) - _month_index(first) + (day.day - 1) / days
        return round(100 * offset / months, 3)

    bars = tuple(
        Bar(
            number=n,
            item=entries[n - 1] if dated else None,
            start=start,
            end=end,
            left=position(start.first),
            width=round(100 * (_month_index(end.last) - _month_index(start.first) + 1) / months, 3),
            running=start.first <= as_of <= end.last,
        )
        for n, start, end in spans
    )
    # A year's label sits where its January begins, or at the start of an axis beginning later.
    years = range(first.year, last.year + 1)
    ticks = tuple(Tick(year, position(max(first, dt.date(year, 1, 1)))) for year in years)
    on_axis = first <= as_of <= last
    return Timeline(bars, ticks, months, first, last, as_of, position(as_of) if on_axis else None, not dated)


def _month_index(day: dt.date) -> int:
    return day.year * 12 + day.month - 1
