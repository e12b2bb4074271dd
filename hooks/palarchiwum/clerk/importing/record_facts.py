"""The harmonogram's facts: the dates an entry states ("01.2021-03.2021", "2019-2023"), and
the rows of a schedule flattened from a table ("1 Klub seniora 2019-2023 GOPS", "I kwartał
każdego roku – ogłoszenie konkursów", "Projekt 1 2018-2020").

A row names a task and its term (a year or years, months, a quarter, "do 31 maja"); the task is
the entry, quoted without the row's number, term and other columns. A line of running prose is
no row: its term follows a preposition ("realizowany w latach 2019-2023") or it ends a sentence.
(The title and period are read in ``titles``, the adopting resolution in ``resolution_clauses``.)
"""

from __future__ import annotations

import re

from palarchiwum.records.dates import MONTHS_GENITIVE as MONTHS

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


ROW_MAX = 160
_YEAR = r"(?:19|20)\d\d"
_TERM = re.compile(
    rf"(?<![\w/.-]){_YEAR}(?![\w/])"
    r"|\b(?:I{1,3}|IV)\s+(?:kwarta\w*|półrocz\w*)|\bkwarta\w*|\bpółrocz\w*"
    r"|(?<![\w.])\d{1,2}\.\d{4}\b"
    rf"|\b(?:do|od)\s+(?:dnia\s+)?\d{{1,2}}\s+(?:{'|'.join(MONTHS)})\b",
    re.IGNORECASE,
)
_SPACED_DASH = re.compile(r"\s[-–—]\s")
_ROW_NUMBER = re.compile(r"^\d{1,2}\.?\s+(?=\D)")
# A term after these words belongs to a sentence, not to a table's column.
_BEFORE_TERM = re.compile(r"(?i)\b(?:w|we|do|od|z|na|za|lata|latach|roku|okresie|dnia|i|oraz|a)$")
_SENTENCE_END = re.compile(r"[.!?:;]$")
_YEARS = re.compile(rf"(?<![\w/.-])({_YEAR})(?:\s*[-–—]\s*({_YEAR}))?(?![\w/])")


def task_of_row(line: str) -> str | None:
    """The task a schedule row names, or None when the line is no row."""
    line = line.strip()
    if len(line) > ROW_MAX or not _TERM.search(line) or _SENTENCE_END.search(line.rstrip('”")')):
        return None
    parts = _SPACED_DASH.split(line, maxsplit=1)
    if len(parts) == 2:
        termed = [bool(_TERM.search(part)) for part in parts]
        if termed == [True, False]:
            return _task(parts[1])
        if termed == [False, True]:
            return _task(parts[0])
    term = _TERM.search(line)
    assert term is not None
    before = line[: term.start()].rstrip(" ,–-")
    if _BEFORE_TERM.search(before):
        return None
    return _task(before)


def _task(text: str) -> str | None:
    text = _ROW_NUMBER.sub("", text.strip()).strip(" ,;–-")
    return text if len(re.findall(r"[^\W\d_]", text)) >= 3 else None


def row_years(line: str) -> tuple[int | None, int | None]:
    """The years a row's term states ("2019-2023", "2020"), or (None, None)."""
    match = _YEARS.search(line)
    if match is None:
        return None, None
    start = int(match.group(1))
    end = int(match.group(2)) if match.group(2) else start
    return (start, end) if start <= end else (None, None)
