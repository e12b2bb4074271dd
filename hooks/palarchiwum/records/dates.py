"""Dates as programmes give them: a year, a month or a day."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class NotADate(ValueError):
    """Text that looks like a date but names no day of the calendar."""


@dataclass(frozen=True, order=True)
class PartialDate:
    """A year, a month or a day; `first` and `last` are the days it spans."""

    first: dt.date
    last: dt.date
    text: str

    @classmethod
    def parse(cls, value: int | str) -> PartialDate:
        """Parse 2014, "2021-01" or "2021-01-15"; raise NotADate for e.g. "2021-13"."""
        match = _PARTIAL.match(str(value))
        if not match:
            raise NotADate(f"„{value}” nie jest datą")
        year, month, day = (int(g) if g else None for g in match.groups())
        try:
            if month is None:
                return cls(dt.date(year, 1, 1), dt.date(year, 12, 31), str(value))
            if day is None:
                last_day = calendar.monthrange(year, month)[1]
                return cls(dt.date(year, month, 1), dt.date(year, month, last_day), str(value))
            day_ = dt.date(year, month, day)
            return cls(day_, day_, str(value))
        except (ValueError, calendar.IllegalMonthError):
            raise NotADate(f"„{value}” nie jest prawdziwą datą kalendarzową") from None

    @property
    def precision(self) -> str:
        """'rok', 'miesiac' or 'dzien'."""
        return ("rok", "miesiac", "dzien")[self.text.count("-")]


def parse_day(value: str) -> dt.date:
    """Parse an exact day "YYYY-MM-DD"; raise NotADate otherwise."""
    date = PartialDate.parse(value)
    if date.precision != "dzien":
        raise NotADate(f"„{value}” nie jest pełną datą dzienną")
    return date.first


MONTHS_GENITIVE = (
    "stycznia",
    "lutego",
    "marca",
    "kwietnia",
    "maja",
    "czerwca",
    "lipca",
    "sierpnia",
    "września",
    "października",
    "listopada",
    "grudnia",
)
_MONTHS_NOMINATIVE = (
    "styczeń",
    "luty",
    "marzec",
    "kwiecień",
    "maj",
    "czerwiec",
    "lipiec",
    "sierpień",
    "wrzesień",
    "październik",
    "listopad",
    "grudzień",
)


def polish_day(day: dt.date) -> str:
    """'29 kwietnia 2014 r.'"""
    return f"{day.day} {MONTHS_GENITIVE[day.month - 1]} {day.year} r."


def polish_partial(date: PartialDate, genitive: bool = False) -> str:
    """'2014', 'styczeń 2021' or '15 stycznia 2021 r.'; after "od", "do", "z" the month is in the
    genitive (`genitive`): 'od stycznia 2021'."""
    if date.precision == "rok":
        return str(date.first.year)
    if date.precision == "miesiac":
        return f"{polish_month(date.first.month, genitive)} {date.first.year}"
    return polish_day(date.first)


def polish_period(start: PartialDate, end: PartialDate) -> str:
    """'2021–2030', 'marzec 2021 – grudzień 2022'; a period within one year (month, day) named
    once: '2025', never '2025–2025'."""
    first, last = polish_partial(start), polish_partial(end)
    if first == last:
        return first
    return f"{first} – {last}" if " " in first + last else f"{first}–{last}"


def polish_month(month: int, genitive: bool = False) -> str:
    """'styczeń' for 1; 'stycznia' in the genitive."""
    return (MONTHS_GENITIVE if genitive else _MONTHS_NOMINATIVE)[month - 1]
