"""The archive's records: municipalities, programmes and the items quoted from them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

from .compressed_texts import TextsReleased, unpack
from .dates import PartialDate, polish_period
from .municipality_contacts import ContactDetails
from .polish import paired_quotes

# The parts of a programme's structured extract, in reading order, with their Polish headings.
SECTIONS: tuple[tuple[str, str], ...] = (
    ("cele", "Cele szczegółowe"),
    ("dzialania", "Działania i kierunki działań"),
    ("adresaci", "Adresaci"),
    ("partnerzy", "Partnerzy"),
    ("metody", "Metody i formy pracy"),
    ("harmonogram", "Harmonogram"),
    ("rezultaty", "Przewidywane rezultaty"),
    ("produkty", "Produkty"),
    ("finansowanie", "Źródła finansowania"),
    ("monitoring", "Monitoring i ewaluacja"),
)


class Status(Enum):
    """Where a programme stands on the as-of date."""

    PLANNED = ("przyszly", "przyjęty, realizacja jeszcze się nie zaczęła")
    IN_FORCE = ("obowiazujacy", "obowiązujący")
    ENDED = ("zakonczony", "zakończony")
    SUPERSEDED = ("zastapiony", "zastąpiony")
    REPEALED = ("uchylony", "uchylony")

    @property
    def code(self) -> str:
        return self.value[0]

    @property
    def label(self) -> str:
        return self.value[1]


@dataclass(frozen=True)
class Item:
    """One quoted item of a programme's extract: a goal, an action, an addressee, …"""

    id: str
    section: str
    quote: str
    goals: tuple[str, ...] = ()
    actions: tuple[str, ...] = ()
    start: PartialDate | None = None
    end: PartialDate | None = None
    terms: tuple[str, ...] = ()  # ids in the vocabulary that carries this section's terms

    @property
    def anchor(self) -> str:
        """The HTML id of the place in the full text where the quote begins."""
        return f"tekst-{self.id}"


@dataclass(frozen=True)
class Resolution:
    """The resolution that adopted a programme; None where the document does not say."""

    number: str | None
    date: dt.date | None
    organ: str | None
    legal_basis: str | None = None
    executor: str | None = None
    entry_into_force: str | None = None
    publication: str | None = None
    source_note: str | None = None


@dataclass(frozen=True)
class Attachment:
    path: str
    description: str
    sha256: str
    role: str
    size: int


@dataclass(frozen=True)
class Correction:
    """An editorial correction a record declares: where programme.md knowingly differs from the
    source it was transcribed from (the passage in each, and why)."""

    source: str
    text: str
    reason: str


@dataclass(frozen=True)
class Incomplete:
    """The archive holds only part of the document: which part, why, and where the whole is."""

    holds: str
    reason: str
    whole: str | None  # where the whole document is published; None when unknown

    @property
    def whole_is_link(self) -> bool:
        return bool(self.whole and self.whole.startswith("https://"))


@dataclass(frozen=True)
class Municipality:
    """A gmina whose programmes the archive holds."""

    key: str  # the folder name, e.g. 2808011-ketrzyn
    slug: str  # the URL part
    name: str
    short_name: str
    kind: str
    teryt: str
    teryt_verified: bool
    county_city: bool
    voivodeship: str
    county: str
    office: ContactDetails | None  # the keys of municipality_contacts.CONTACT_KEYS, None if unknown
    units: tuple[ContactDetails, ...]
    source: Path

    @property
    def url(self) -> str:
        return f"gminy/{self.slug}/"


@dataclass
class Programme:
    """A programme: its catalogue record, its full text, and what the archive derives."""

    key: str  # <municipality folder>/<programme folder>
    slug: str
    municipality: Municipality
    title: str
    short_name: str
    start: PartialDate
    end: PartialDate
    period_wording: str | None
    resolution: Resolution
    implementer: dict[str, Any] | None
    contact: dict[str, Any] | None
    main_goal: Item | None
    items: Mapping[str, tuple[Item, ...]]
    supersedes: tuple[str, ...]
    amends: tuple[str, ...]
    attachments: tuple[Attachment, ...]
    notes: tuple[str, ...]
    corrections: tuple[Correction, ...]
    incomplete: Incomplete | None
    packed_text: bytes | None  # programme.md, compressed (see compressed_texts.py); read it as `text`
    record_path: Path
    text_path: Path
    repealed_on: dt.date | None = None
    repealed_by: str | None = None  # the act that repealed it, as the record names it
    superseded_by: list[str] = field(default_factory=list)
    amended_by: list[str] = field(default_factory=list)
    status: Status = Status.IN_FORCE
    draft: bool = False  # a draft shown by the clerks' preview, never in a build (draft_records.py)

    @property
    def text(self) -> str:
        """The full text, programme.md as adopted."""
        if self.packed_text is None:
            raise TextsReleased(self.key)
        return unpack(self.packed_text)

    def release_text(self) -> None:
        """Let the text and the items' quotes go once every page and data file that shows them
        is rendered (see Site.release_texts)."""
        self.packed_text = None
        self.items = _Released(self.key)

    @property
    def url(self) -> str:
        return f"programy/{self.municipality.slug}/{self.slug}/"

    @property
    def src_uri(self) -> str:
        """The generated page's source path, which other generated pages link to."""
        return f"{self.url}index.md"

    @property
    def shown_title(self) -> str:
        """The title as pages show it: its quotation marks paired, „…” (polish.paired_quotes)."""
        return paired_quotes(self.title)

    @property
    def period(self) -> str:
        """The period as a reader reads it: '2021–2030', or '2025' for a single year."""
        return polish_period(self.start, self.end)

    @property
    def since(self) -> dt.date:
        """The day it was adopted, or (adoption unknown) the first day of its period."""
        return self.resolution.date or self.start.first

    def item(self, item_id: str) -> Item | None:
        for items in self.items.values():
            for entry in items:
                if entry.id == item_id:
                    return entry
        return None

    def all_items(self) -> tuple[Item, ...]:
        """The main goal and every extracted item, in reading order."""
        head = (self.main_goal,) if self.main_goal else ()
        return head + tuple(item for items in self.items.values() for item in items)


class _Released(Mapping[str, tuple[Item, ...]]):
    """A released programme's items: reading them is the build's bug (TextsReleased)."""

    def __init__(self, key: str) -> None:
        self._key = key

    def __getitem__(self, section: str) -> tuple[Item, ...]:
        raise TextsReleased(self._key)

    def __iter__(self) -> Iterator[str]:
        raise TextsReleased(self._key)

    def __len__(self) -> int:
        raise TextsReleased(self._key)
