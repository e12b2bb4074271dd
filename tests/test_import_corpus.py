"""The import corpus (tests/import_corpus) stays sound: truths that parse and quote their texts,
damage that is deterministic. (What import keeps of every corpus text: test_import_shapes.py.)"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from import_corpus import damage
from import_corpus.corpus import (
    HERE,
    LISTS,
    PARTS,
    RESOLUTION_KEYS,
    TOP_KEYS,
    TRUTH_SUFFIX,
    cases,
    normalised,
)

PROJECT = Path(__file__).resolve().parent.parent
OWN_TEXTS = sorted(path for part in PARTS for path in (HERE / part).glob("*.txt"))
SOURCE = PROJECT / "programmes/1405052-jaktorow/pal-2011-2016/attachments/zrodlo.txt"
QUOTED = ("tytul", "cel_glowny", "uchwala.podstawa_prawna", *LISTS)


def own_id(path: Path) -> str:
    return f"{path.parent.name}/{path.stem}"


def test_corpus_is_split_into_parts() -> None:
    names = {part: sorted(p.stem for p in (HERE / part).glob("*.txt")) for part in PARTS}
    assert len(names["strojenie"]) + len(names["odlozone"]) >= 12
    assert len(names["odlozone"]) >= 4
    assert not set(names["strojenie"]) & set(names["odlozone"])


@pytest.mark.parametrize("path", OWN_TEXTS, ids=own_id)
def test_truth_parses_and_names_only_known_fields(path: Path) -> None:
    truth = yaml.safe_load(path.with_name(path.stem + TRUTH_SUFFIX).read_text(encoding="utf-8"))
    assert isinstance(truth, dict)
    assert set(truth) <= set(TOP_KEYS), set(truth) - set(TOP_KEYS)
    assert set(truth.get("uchwala") or {}) <= set(RESOLUTION_KEYS)
    if truth.get("okres") is not None:
        assert set(truth["okres"]) == {"od", "do"}
        assert truth["okres"]["od"] <= truth["okres"]["do"]
    data = (truth.get("uchwala") or {}).get("data")
    assert data is None or (isinstance(data, str) and len(data) == 10), "write the date as 'YYYY-MM-DD'"
    for key in LISTS:
        assert isinstance(truth.get(key, []), list), key
        assert all(isinstance(item, str) and item.strip() for item in truth.get(key, [])), key


@pytest.mark.parametrize("path", OWN_TEXTS, ids=own_id)
def test_every_quote_of_a_truth_occurs_in_its_text(path: Path) -> None:
    (case,) = [c for c in cases(path.parent.name) if c.name == own_id(path)]
    text = normalised(case.text).lower()
    for key in QUOTED:
        value = case.truth.get(key)
        for quote in value if isinstance(value, list) else [value] if value else []:
            assert normalised(quote).lower() in text, f"{key}: {quote!r} is not in {path.name}"


def test_damage_is_deterministic() -> None:
    text = SOURCE.read_text(encoding="utf-8")
    title = "Program Aktywności Lokalnej dla Gminy Jaktorów na lata 2011-2016"
    for kind in (*damage.KINDS, damage.ALL):
        first, again = damage.damaged(text, kind, 7, title), damage.damaged(text, kind, 7, title)
        assert first == again, kind
        assert first.text != text, f"{kind} changed nothing"
    assert damage.damaged(text, damage.ALL, 7, title) != damage.damaged(text, damage.ALL, 8, title)


def test_damage_does_what_it_says() -> None:
    text = SOURCE.read_text(encoding="utf-8")
    assert "\n\n" not in damage.without_blank_lines(text)
    assert "Spis treści" in damage.with_contents(text, 1)
    assert "Strona 1 z" in damage.with_running_heads(text, 1, "Tytuł")
    assert max(len(line) for line in damage.hyphenated(text, 1).splitlines()) <= damage.WIDTH + 1
    losses = damage.digit_losses(text, 1)
    assert losses and all(loss.original != loss.damaged for loss in losses)
