"""Two versions of a catalogue record compared as a reader says it: „Dodano cel: …”,
„Zmieniono okres realizacji: 2021–2029 → 2021–2030”, „Usunięto adresata: …”. Never YAML, never
an item's id: items are named by their number in the list, terms by their names.

A record of an earlier version may not meet today's schema; whatever it holds is compared all
the same, value by value, and a file that is not YAML at all is said to be unreadable.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from palarchiwum.records.dates import NotADate, PartialDate, polish_day, polish_period
from palarchiwum.records.yaml_parsing import YamlError, parse_yaml

from .version_comparison import Piece, word_pieces

# The name of a term, by vocabulary and key; of a programme, by its reference (folder/folder).
TermName = Callable[[str, str], str]
ProgrammeName = Callable[[str], str]


@dataclass(frozen=True)
class FieldChange:
    verb: str  # "Dodano", "Usunięto" or "Zmieniono"
    what: str  # in the accusative: "cel", "okres realizacji", "tematy celu nr 2"
    pieces: tuple[Piece, ...]  # the value: added ("ins"), removed ("del"), or both word by word


@dataclass(frozen=True)
class RecordComparison:
    changes: tuple[FieldChange, ...]
    readable: bool = True  # False when a version's record is not YAML

    @property
    def unchanged(self) -> bool:
        return self.readable and not self.changes


@dataclass(frozen=True)
class _Noun:
    accusative: str  # "cel", "adresata"
    genitive: str  # "celu", "adresata"
    plural_genitive: str  # "celów", "adresatów"


ITEM_NOUNS: dict[str, _Noun] = {
    "cele": _Noun("cel", "celu", "celów"),
    "dzialania": _Noun("działanie", "działania", "działań"),
    "adresaci": _Noun("adresata", "adresata", "adresatów"),
    "partnerzy": _Noun("partnera", "partnera", "partnerów"),
    "metody": _Noun("metodę pracy", "metody pracy", "metod pracy"),
    "harmonogram": _Noun("pozycję harmonogramu", "pozycji harmonogramu", "pozycji harmonogramu"),
    "rezultaty": _Noun("rezultat", "rezultatu", "rezultatów"),
    "produkty": _Noun("produkt", "produktu", "produktów"),
    "finansowanie": _Noun("źródło finansowania", "źródła finansowania", "źródeł finansowania"),
    "monitoring": _Noun("sposób monitorowania", "sposobu monitorowania", "sposobów monitorowania"),
}
# An item's fields besides its text: (name in the accusative, vocabulary or section it refers to).
ITEM_FIELDS: dict[str, tuple[str, str]] = {
    "tematy": ("tematy", "vocabulary:cele"),
    "grupy": ("grupy adresatów", "vocabulary:adresaci"),
    "rodzaje": ("rodzaje", ""),  # the vocabulary depends on the section (see _vocabulary_of)
    "zrodla": ("źródła", "vocabulary:finansowanie"),
    "cele": ("cele", "section:cele"),
    "dzialania": ("działania", "section:dzialania"),
    "od": ("początek", ""),
    "do": ("koniec", ""),
}
# Fields of the record, in the order of the programme page, with their names in the accusative.
SCALARS: dict[tuple[str, ...], str] = {
    ("tytul",): "tytuł",
    ("nazwa_skrocona",): "nazwę skróconą",
    ("szkic",): "oznaczenie szkicu",
    ("okres",): "okres realizacji",
    ("okres", "brzmienie"): "okres realizacji w brzmieniu dokumentu",
    ("uchwala", "numer"): "numer uchwały",
    ("uchwala", "data"): "datę podjęcia uchwały",
    ("uchwala", "organ"): "organ, który podjął uchwałę",
    ("uchwala", "podstawa_prawna"): "podstawę prawną uchwały",
    ("uchwala", "wykonawca"): "wykonawcę uchwały",
    ("uchwala", "wejscie_w_zycie"): "wejście w życie uchwały",
    ("uchwala", "publikacja"): "publikację uchwały w dzienniku urzędowym",
    ("uchwala", "zrodlo"): "źródło danych uchwały",
    ("realizator",): "realizatora",
    ("kontakt",): "kontakt w sprawie programu",
    ("uchylenie",): "uchylenie programu",
    ("tekst_niepelny",): "informację, że archiwum ma tylko część tekstu",
}
LISTS: dict[str, _Noun] = {
    "uwagi_redakcyjne": _Noun("uwagę redakcji", "uwagi redakcji", "uwag redakcji"),
    "poprawki_redakcyjne": _Noun("poprawkę redakcyjną", "poprawki redakcyjnej", "poprawek redakcyjnych"),
}
ATTACHMENTS = _Noun("załącznik", "załącznika", "załączników")
RELATIONS = {
    "zastepuje": "program, który ten program zastępuje",
    "zmienia": "program, który ten program zmienia",
}
_PARTS = {  # how the parts of an object value are named when it is shown in one line
    "nazwa": "",
    "brzmienie": "w brzmieniu",
    "adres": "adres",
    "telefon": "tel.",
    "email": "e-mail",
    "www": "strona",
    "data": "z dniem",
    "akt": "",
    "zawiera": "archiwum ma",
    "powod": "powód",
    "pelny_tekst": "pełny tekst",
    "zrodlo": "w źródle",
    "tekst": "w archiwum",
    "plik": "plik",
    "opis": "",
    "sha256": "suma kontrolna",
    "rola": "rola",
}
_ROLES = {"zrodlo": "tekst źródłowy", "oryginal": "opublikowany dokument", "inny": "inny plik"}
_SECTION_VOCABULARY = {"partnerzy": "partnerzy", "rezultaty": "rezultaty"}


def compare_records(
    old: str | None, new: str | None, term_name: TermName, programme_name: ProgrammeName
) -> RecordComparison:
    """What changed from the record `old` to `new` (None: there was none)."""
    try:
        before, after = record_data(old), record_data(new)
    except YamlError:
        return RecordComparison((), readable=False)
    return RecordComparison(tuple(_Comparer(term_name, programme_name).record(before, after)))


def record_data(text: str | None) -> dict[str, Any]:
    """A version's record as plain data ({} for none, or for one that is not a mapping); raises
    YamlError when it is not YAML."""
    if text is None:
        return {}
    data = parse_yaml(text).data
    return data if isinstance(data, dict) else {}


class _Comparer:
    def __init__(self, term_name: TermName, programme_name: ProgrammeName) -> None:
        self.term_name = term_name
        self.programme_name = programme_name

    def record(self, before: Mapping[str, Any], after: Mapping[str, Any]) -> list[FieldChange]:
        # Items are named by their number in their list: "cel nr 2", never by their id.
        self.old_numbers = {s: _numbers(before.get(s)) for s in ITEM_NOUNS}
        self.new_numbers = {s: _numbers(after.get(s)) for s in ITEM_NOUNS}
        found: list[FieldChange] = []
        for path, what in SCALARS.items():
            found += self.value(what, _at(before, path), _at(after, path), path)
        main_goals = before.get("cel_glowny"), after.get("cel_glowny")
        found += self.item("cel główny", "celu głównego", *main_goals, "")
        for section, noun in ITEM_NOUNS.items():
            found += self.items(section, noun, before.get(section), after.get(section))
        for key, what in RELATIONS.items():
            old = [self.programme_name(str(r)) for r in _list(_at(before, ("relacje", key)))]
            new = [self.programme_name(str(r)) for r in _list(_at(after, ("relacje", key)))]
            found += _added_removed(what, old, new)
        for key, noun in LISTS.items():
            old = [_shown(v) for v in _list(before.get(key))]
            new = [_shown(v) for v in _list(after.get(key))]
            found += _added_removed(noun.accusative, old, new)
        found += self.attachments(before.get("zalaczniki"), after.get("zalaczniki"))
        known = (
            {p[0] for p in SCALARS} | set(ITEM_NOUNS) | set(LISTS) | {"cel_glowny", "relacje", "zalaczniki"}
        )
        for key in sorted((set(before) | set(after)) - known):  # a field this code does not know yet
            found += self.value(f"pole „{key}”", before.get(key), after.get(key), (key,))
        return found

    def value(self, what: str, old: Any, new: Any, path: tuple[str, ...]) -> list[FieldChange]:
        if path == ("okres",):
            old, new = _period(old), _period(new)
        elif path == ("uchwala", "data"):
            old, new = _day(old), _day(new)
        else:
            old, new = _shown(old), _shown(new)
        return _change(what, old, new)

    def items(self, section: str, noun: _Noun, old_raw: Any, new_raw: Any) -> list[FieldChange]:
        old, new = _by_id(old_raw), _by_id(new_raw)
        found: list[FieldChange] = []
        for key, item in old.items():
            if key not in new:
                found.append(FieldChange("Usunięto", noun.accusative, (Piece("del", _text(item)),)))
        for key, item in new.items():
            if key not in old:
                found.append(FieldChange("Dodano", noun.accusative, (Piece("ins", _text(item)),)))
            else:
                number = self.new_numbers[section][key]
                what, whose = f"{noun.accusative} nr {number}", f"{noun.genitive} nr {number}"
                found += self.item(what, whose, old[key], item, section)
        common = [k for k in old if k in new]
        if common != [k for k in new if k in old]:
            found.append(FieldChange("Zmieniono", f"kolejność {noun.plural_genitive}", ()))
        return found

    def attachments(self, old_raw: Any, new_raw: Any) -> list[FieldChange]:
        """Attachments by their file: a new description or a new file is a change of one."""
        old, new = _by_id(old_raw, "plik"), _by_id(new_raw, "plik")
        found = [
            FieldChange("Usunięto", ATTACHMENTS.accusative, (Piece("del", _shown(a) or ""),))
            for k, a in old.items()
            if k not in new
        ]
        for key, attachment in new.items():
            if key not in old:
                found.append(
                    FieldChange("Dodano", ATTACHMENTS.accusative, (Piece("ins", _shown(attachment) or ""),))
                )
            else:
                what = f"{ATTACHMENTS.accusative} {key.rsplit('/', 1)[-1]}"
                found += _change(what, _shown(old[key]), _shown(attachment))
        return found

    def item(self, what: str, whose: str, old: Any, new: Any, section: str) -> list[FieldChange]:
        """One item present in both versions (or the main goal, in either)."""
        if not isinstance(old, Mapping) or not isinstance(new, Mapping):
            return _change(what, _text(old) if old else None, _text(new) if new else None)
        found = _change(what, _text(old), _text(new))
        for name, (label, refers_to) in ITEM_FIELDS.items():
            if name not in old and name not in new:
                continue
            if refers_to.startswith("section:"):
                target = refers_to.removeprefix("section:")
                # Compared by id, named by number: renumbering alone changes no link.
                noun = ITEM_NOUNS[target].accusative
                old_ids = [str(v) for v in _list(old.get(name))]
                new_ids = [str(v) for v in _list(new.get(name))]
                gone = [
                    f"{noun} nr {self.old_numbers[target].get(v, '?')}" for v in old_ids if v not in new_ids
                ]
                came = [
                    f"{noun} nr {self.new_numbers[target].get(v, '?')}" for v in new_ids if v not in old_ids
                ]
                found += _added_removed(f"{label} {whose}", gone, came, verb_per_item=False)
            elif vocabulary := refers_to.removeprefix("vocabulary:") or _SECTION_VOCABULARY.get(section, ""):
                before = [self.term_name(vocabulary, str(v)) for v in _list(old.get(name))]
                after = [self.term_name(vocabulary, str(v)) for v in _list(new.get(name))]
                found += _added_removed(f"{label} {whose}", before, after, verb_per_item=False)
            else:
                found += _change(f"{label} {whose}", _day_or_text(old.get(name)), _day_or_text(new.get(name)))
        return found


def _change(what: str, old: str | None, new: str | None) -> list[FieldChange]:
    if old == new:
        return []
    if old is None:
        return [FieldChange("Dodano", what, (Piece("ins", new or ""),))]
    if new is None:
        return [FieldChange("Usunięto", what, (Piece("del", old),))]
    if len(old.split()) <= 3 and len(new.split()) <= 3:
        return [FieldChange("Zmieniono", what, (Piece("del", old), Piece("same", " → "), Piece("ins", new)))]
    return [FieldChange("Zmieniono", what, word_pieces(old, new))]


def _added_removed(
    what: str, old: list[str], new: list[str], verb_per_item: bool = True
) -> list[FieldChange]:
    """Elements of a list added and removed; with `verb_per_item`, one sentence per element
    („Dodano uwagę redakcji: …”), else one sentence for the list („Zmieniono tematy celu nr 2:
    dodano …, usunięto …”)."""
    removed = [v for v in old if v not in new]
    added = [v for v in new if v not in old]
    if verb_per_item:
        return [FieldChange("Usunięto", what, (Piece("del", v),)) for v in removed] + [
            FieldChange("Dodano", what, (Piece("ins", v),)) for v in added
        ]
    if not removed and not added:
        return []
    pieces: list[Piece] = []
    for kind, values in (("ins", added), ("del", removed)):
        for value in values:
            pieces += [Piece("same", "; ")] if pieces else []
            pieces.append(Piece(kind, value))
    return [FieldChange("Zmieniono", what, tuple(pieces))]


def value_at(data: Mapping[str, Any], path: tuple[str, ...]) -> Any:
    """The value at `path` in a record's data, None where any part is missing."""
    value: Any = data
    for key in path:
        if not isinstance(value, Mapping):
            return None
        value = value.get(key)
    return value


def _at(data: Mapping[str, Any], path: tuple[str, ...]) -> Any:
    value = value_at(data, path)
    if path == ("okres",) and isinstance(value, Mapping):  # its wording is a field of its own
        return {k: v for k, v in value.items() if k != "brzmienie"}
    return value


def _list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list) else ([] if value is None else [value])


def _numbers(value: Any) -> dict[str, int]:
    return {key: i + 1 for i, key in enumerate(_by_id(value))}


def _by_id(value: Any, key_field: str = "id") -> dict[str, Any]:
    """A section's items by id (an item without one by its place)."""
    found: dict[str, Any] = {}
    for i, item in enumerate(_list(value)):
        named = isinstance(item, Mapping) and item.get(key_field)
        key = str(item[key_field]) if named else f"#{i}"
        found.setdefault(key, item)
    return found


def _text(item: Any) -> str:
    """An item's wording: its text (``tresc``) or wording (``brzmienie``), else all it holds."""
    if isinstance(item, Mapping):
        for key in ("tresc", "brzmienie"):
            if isinstance(item.get(key), str):
                return " ".join(item[key].split())
    return _shown(item) or ""


def _shown(value: Any) -> str | None:
    """Any value in one line of Polish: None for nothing, „tak”/„nie”, parts with their names."""
    if value is None or value == "" or value == [] or value == {}:
        return None
    if isinstance(value, bool):
        return "tak" if value else "nie"
    if isinstance(value, Mapping):
        parts = []
        order = list(_PARTS)
        for key, part in sorted(
            value.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else len(order)
        ):
            shown = _ROLES.get(str(part), str(part)) if key == "rola" else _day_or_text(part)
            if shown is not None:
                name = _PARTS.get(str(key), str(key))
                parts.append(f"{name} {shown}" if name else shown)
        return "; ".join(parts) or None
    if isinstance(value, list):
        return "; ".join(s for v in value if (s := _shown(v))) or None
    return " ".join(str(value).split())


def _day_or_text(value: Any) -> str | None:
    return _day(value) if isinstance(value, str | int) and not isinstance(value, bool) else _shown(value)


def _day(value: Any) -> str | None:
    if isinstance(value, dt.date):
        return polish_day(value)
    try:
        date = PartialDate.parse(value)
    except (NotADate, TypeError):
        return _shown(value)
    return polish_day(date.first) if date.precision == "dzien" else polish_period(date, date)


def _period(value: Any) -> str | None:
    if not isinstance(value, Mapping):
        return _shown(value)
    try:
        return polish_period(PartialDate.parse(value.get("od")), PartialDate.parse(value.get("do")))
    except (NotADate, TypeError):
        return _shown(value)
