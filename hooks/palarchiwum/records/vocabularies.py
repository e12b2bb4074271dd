"""Controlled vocabularies: which terms exist, and which record fields carry them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# Which vocabulary each kind of extracted item is described with, and in which field.
# (vocabulary key, record section, field holding the term ids)
TERM_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("cele", "cel_glowny", "tematy"),
    ("cele", "cele", "tematy"),
    ("cele", "dzialania", "tematy"),
    ("adresaci", "adresaci", "grupy"),
    ("rezultaty", "rezultaty", "rodzaje"),
    ("partnerzy", "partnerzy", "rodzaje"),
    ("finansowanie", "finansowanie", "zrodla"),
)
VOCABULARY_FOLDER = "slowniki"
# Results are either hard (countable) or soft (attitudes, skills); the vocabulary says which.
CHARACTERS = {"twardy": "twardy", "miekki": "miękki"}


@dataclass(frozen=True)
class Term:
    """One term of a vocabulary; equal by vocabulary and id, like a taxonomy slug."""

    vocabulary: str
    id: str
    name: str
    description: str
    wordings: tuple[str, ...]
    character: str | None = None  # result kinds only: "twardy" or "miekki"

    @property
    def url(self) -> str:
        return f"{self.vocabulary}/{self.id}/"

    @property
    def src_uri(self) -> str:
        return f"{self.url}index.md"

    @property
    def character_label(self) -> str | None:
        return CHARACTERS.get(self.character or "")


@dataclass(frozen=True)
class Vocabulary:
    """A vocabulary file: its key (also its URL and file name), title, description and terms."""

    key: str
    name: str
    description: str
    terms: tuple[Term, ...]
    source: Path

    @property
    def url(self) -> str:
        return f"{self.key}/"

    @property
    def src_uri(self) -> str:
        return f"{self.url}index.md"

    def term(self, term_id: str) -> Term | None:
        return next((t for t in self.terms if t.id == term_id), None)


# The vocabularies in the order pages show them: for whom, what for, with what result, with whom,
# paid by whom.
VOCABULARY_ORDER = ("adresaci", "cele", "rezultaty", "partnerzy", "finansowanie")


def vocabulary_keys() -> tuple[str, ...]:
    return VOCABULARY_ORDER


def sections_of(vocabulary: str) -> tuple[str, ...]:
    """The record sections whose items carry terms of `vocabulary`."""
    return tuple(section for key, section, _ in TERM_FIELDS if key == vocabulary)


def term_field(section: str) -> tuple[str, str] | None:
    """(vocabulary key, field name) for items of `section`, or None when they carry no terms."""
    return next(((key, name) for key, sec, name in TERM_FIELDS if sec == section), None)
