"""The dates a harmonogram entry states ("01.2021-03.2021", "2019-2023").

(The title and period are read in ``titles``, the adopting resolution in ``resolution_clauses``.)
"""

from __future__ import annotations

import re

_DASH = r"\s*[-–—]\s*"
_MONTH_RANGE = re.compile(rf"\b(\d{{1,2}})\.(\d{{4}})(?:\s*r\.)?{_DASH}(\d{{1,2}})\.(\d{{4}})\b")
_ONE_MONTH = re.compile(r"\b(\d{1,2})\.(\d{4})\b")
_YEAR_RANGE = re.compile(rf"(?:[-–—]\s*|\blata\s+|\blatach\s+)((?:19|20)\d\d){_DASH}((?:19|20)\d\d)\b")


def schedule_dates(text: str) -> tuple[str | int | None, str | int | None]:
    """The months or years a harmonogram entry states ("01.2021-03.2021"), or (None, None)."""
    ranges = list(_MONTH_RANGE.finditer(text))
    if ranges:
        m = ranges[-1]
        start, end = _month(m.group(1), m.group(2)), _month(m.group(3), m.group(4))
        if start and end:
            return start, end
    months = [_month(m.group(1), m.group(2)) for m in _ONE_MONTH.finditer(text)]
    months = [m for m in months if m]
    if len(months) == 1:
        return months[0], months[0]
    years = list(_YEAR_RANGE.finditer(text))
    if years:
        return int(years[-1].group(1)), int(years[-1].group(2))
    return None, None


def _month(month: str, year: str) -> str | None:
    return f"{year}-{int(month):02d}" if 1 <= int(month) <= 12 else None
