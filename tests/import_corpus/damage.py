"""Damage a source text the way PDF extraction does, deterministically (every function is seeded).

Each function takes a plain text and returns it damaged in one way: blank lines removed, a table
of contents with dotted leaders inserted after the title, running headers and footers with page
numbers every ~40 lines, words hyphenated at line ends after re-wrapping to ~80 columns, or some
years' digits lost. ``damaged(text, kind, seed, title)`` applies one kind, or all of them
(``"wszystko"``), and reports which digits were lost, so that the truth of the damaged text can
be derived honestly (see ``corpus.py``).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

WIDTH = 80  # columns a re-wrapped line may take
PAGE_LINES = 40  # about this many lines between running headers
KINDS = ("bez-pustych-wierszy", "spis-tresci", "naglowki-stron", "przeniesienia", "utracone-cyfry")
ALL = "wszystko"
_HEADING = re.compile(r"^\s*(?:Rozdział\s+\S+|[IVXL]{1,6}\.|\d{1,2}\.(?:\d{1,2}\.?)?)\s+\S.{2,80}$")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_WORD = re.compile(r"^[^\W\d_]{8,}$")  # only plain words this long are split at a line end


@dataclass(frozen=True)
class Loss:
    """One year whose digit was lost: where it was, what it was, what it became."""

    start: int
    original: str
    damaged: str


@dataclass(frozen=True)
class Damaged:
    text: str
    losses: tuple[Loss, ...] = ()


def without_blank_lines(text: str) -> str:
    """Every empty (or whitespace-only) line dropped, as many extractors do."""
    return "".join(line for line in text.splitlines(keepends=True) if line.strip())


def with_contents(text: str, seed: int, title: str | None = None) -> str:
    """A "Spis treści" of the text's headings, with dotted leaders and page numbers, after the title."""
    rng = random.Random(seed)
    lines = text.splitlines(keepends=True)
    headings = [line.strip() for line in lines if _HEADING.match(line)][:14]
    if not headings:
        return text
    page, contents = 2, ["Spis treści\n"]
    for heading in headings:
        page += rng.randint(0, 3)
        leader = "." * max(3, WIDTH - len(heading) - len(str(page)) - 2)
        contents.append(f"{heading} {leader} {page}\n")
    at = _after_title(lines, title)
    return "".join(lines[:at] + contents + lines[at:])


def _after_title(lines: list[str], title: str | None) -> int:
    """Index of the line after the one where the title ends (after the first line without a title)."""
    if title:
        wanted = " ".join(title.split())[:40]
        joined = ""
        for i, line in enumerate(lines):
            joined = " ".join((joined + " " + line).split())[-400:]
            if wanted and wanted in joined:
                return i + 1
    return next((i + 1 for i, line in enumerate(lines) if line.strip()), 0)


def with_running_heads(text: str, seed: int, title: str | None = None) -> str:
    """A footer ("Strona N z M", an "Id: …" line) and the title as a header every ~40 lines."""
    rng = random.Random(seed)
    lines = text.splitlines(keepends=True)
    breaks, at = [], 0
    while True:
        at += rng.randint(PAGE_LINES - 5, PAGE_LINES + 5)
        if at >= len(lines):
            break
        breaks.append(at)
    pages = len(breaks) + 1
    ident = "-".join(f"{rng.getrandbits(bits):0{bits // 4}X}" for bits in (32, 16, 16, 16, 48))
    header = " ".join((title or "").split()) or "Program"
    out, previous = [], 0
    for page, at in enumerate(breaks, start=1):
        out += lines[previous:at]
        out.append(
            f"Id: {ident}. Podpisany Strona {page} z {pages}\n" if page % 2 else f"Strona {page} z {pages}\n"
        )
        out.append(f"{header}\n")
        previous = at
    out += lines[previous:]
    if out and not out[-1].endswith("\n"):
        out[-1] += "\n"
    out.append(f"Strona {pages} z {pages}\n")
    return "".join(out)


def hyphenated(text: str, seed: int, width: int = WIDTH) -> str:
    """Lines longer than `width` re-wrapped, long words split at the line end with "-"."""
    rng = random.Random(seed)
    out = []
    for line in text.splitlines():
        out.extend(_wrapped(line, width, rng) if len(line) > width else [line])
    return "\n".join(out) + ("\n" if text.endswith("\n") else "")


def _wrapped(line: str, width: int, rng: random.Random) -> list[str]:
    rows, row = [], ""
    for word in line.split():
        if not row:
            row = word
        elif len(row) + 1 + len(word) <= width:
            row += " " + word
        elif _WORD.match(word) and len(row) + 5 <= width and rng.random() < 0.7:
            room = min(width - len(row) - 2, len(word) - 3)
            cut = rng.randint(3, max(3, room)) if room >= 3 else 0
            if cut:
                rows.append(f"{row} {word[:cut]}-")
                row = word[cut:]
            else:
                rows.append(row)
                row = word
        else:
            rows.append(row)
            row = word
    return rows + ([row] if row else [])


def digit_losses(text: str, seed: int, count: int = 3) -> tuple[Loss, ...]:
    """Which years lose a digit: `count` of them, each with one digit replaced or dropped."""
    rng = random.Random(seed)
    years = list(_YEAR.finditer(text))
    losses = []
    for match in sorted(rng.sample(years, min(count, len(years))), key=lambda m: m.start()):
        year = match.group(0)
        at = rng.randint(2, 3)
        if rng.random() < 0.3:
            damaged = year[:at] + year[at + 1 :]
        else:
            damaged = year[:at] + rng.choice([d for d in "0123456789" if d != year[at]]) + year[at + 1 :]
        losses.append(Loss(match.start(), year, damaged))
    return tuple(losses)


def digits_lost(text: str, seed: int, count: int = 3) -> str:
    """The text with some years' digits replaced or dropped (see ``digit_losses``)."""
    return _apply(text, digit_losses(text, seed, count))


def _apply(text: str, losses: tuple[Loss, ...]) -> str:
    for loss in sorted(losses, key=lambda item: -item.start):
        text = text[: loss.start] + loss.damaged + text[loss.start + len(loss.original) :]
    return text


def damaged(text: str, kind: str, seed: int, title: str | None = None) -> Damaged:
    """The text damaged in one way (a name from KINDS), or in all of them in turn (ALL)."""
    if kind == "bez-pustych-wierszy":
        return Damaged(without_blank_lines(text))
    if kind == "spis-tresci":
        return Damaged(with_contents(text, seed, title))
    if kind == "naglowki-stron":
        return Damaged(with_running_heads(text, seed, title))
    if kind == "przeniesienia":
        return Damaged(hyphenated(text, seed))
    if kind == "utracone-cyfry":
        losses = digit_losses(text, seed)
        return Damaged(_apply(text, losses), losses)
    if kind == ALL:
        text = hyphenated(with_running_heads(with_contents(text, seed, title), seed, title), seed)
        text = without_blank_lines(text)
        losses = digit_losses(text, seed)
        return Damaged(_apply(text, losses), losses)
    raise ValueError(f"unknown kind of damage {kind!r}; known: {', '.join((*KINDS, ALL))}")
