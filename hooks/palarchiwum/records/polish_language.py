"""Whether a short text (a reason for a change) is written in Polish.

The register publishes the reason for every change, and a developer's English commit message is
not a public reason. A reason counts as Polish when it has Polish words (a Polish letter, or one
of the common Polish words below) and almost no English ones. English is recognised by its
function words and the verbs of commit messages ("Add", "Fix", "Update"), which a Polish
sentence does not use; words both languages share ("a", "i", "do", "to", "no", "na") count for
neither. Names and numbers ("PAL", "2021–2030", "Kętrzyn") count for neither either, beyond their
Polish letters.

Standard library only: the git ``commit-msg`` hook in ``scripts/`` uses it without the project's
virtual environment.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+")
_POLISH_LETTERS = re.compile(r"[ąćęłńóśźż]")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words common in Polish sentences (and in reasons for changes) and not in English ones.
POLISH_WORDS = _words(
    """
    w z ze we od dla oraz lub albo ani się nie jest są był była było były przez przy po za pod nad
    przed bez aby żeby że czy jak jako także też który która które których którym tego tej ten ta
    te tych tym jego jej ich oraz według wraz zgodnie podstawie zamiast nr pkt
    dodanie dodano dodaj dodać zmiana zmiany zmian zmieniono zmienia zmienić poprawka poprawki
    poprawiono poprawa poprawienie usunięcie usunięto usuń aktualizacja aktualizacji zaktualizowano
    uzupełnienie uzupełniono korekta korekty literówka literówki błąd błędu błędów
    programu programy programów programie uchwała uchwały uchwale uchwał gmina gminy gmin
    gminie miasta miasto tekst tekstu tekście strona strony stronie stron rekord rekordu opis
    opisu opisy załącznik załącznika załączniki wersja wersji nowy nowa nowe nowego nowej dane
    danych numer numeru daty dnia rok roku lata lat cel cele celu celów działanie działania
    działań adresat adresaci adresatów rezultat rezultaty partnerzy partnera finansowanie
    harmonogram harmonogramu okres okresu realizacji redakcja redakcji redakcyjna redakcyjne
    uwaga uwagi wydawca wydawcy kontakt kontaktu archiwum archiwa mieszkańców organizacji
    przepisano ponownie oryginału oryginał źródła źródło publikacja publikacji wyszukiwarka
    poradnik wskazówki
    """
)

# English words a Polish reason does not contain: function words, and commit-message verbs.
ENGLISH_WORDS = _words(
    """
    the of and with for from into onto when while each every all any not its is are was
    were be been being has have had this that these those there their they them we our you your
    he she his her which who what where why how than then so but or if as at an via per
    can could should would will must may might one ones only also more most less very just
    add adds added adding fix fixes fixed fixing update updates updated updating remove removes
    removed removing delete deleted rename renamed move moved refactor refactored refactoring
    merge merged revert reverted bump bumped use uses used make makes made change changes
    changed improve improved clean cleanup initial commit wip typo typos docs readme tests
    page pages file files programme programmes site build builds search index memory
    feature features support supports new old first last own out up down about after before
    without within between under over
    """
)


# Endings of Polish words that English words (of five letters or more) do not have: nouns
# („aktualizacja”, „usunięcie” without its letter, „zdjęcia”), adjectives („pionowe”,
# „wymaganych”) and verbs („polecamy”, „dajemy”).
_POLISH_ENDINGS = (
    "acja", "acji", "acje", "anie", "enie", "ania", "enia", "aniu", "eniu", "ych", "ami",
    "owy", "owa", "owe", "ości", "ować", "ywać", "iwać", "emy", "amy", "imy", "cie",
)  # fmt: skip
_ENGLISH_POSSESSIVE = re.compile(r"\w['’]s\b")


def looks_polish(text: str) -> bool:
    """True when `text` is written in Polish: Polish words, and English ones (if any) few.

    A capitalised word inside the text is taken for a name (a town, a person): its Polish
    letters do not make an English sentence Polish („Apply the category to Złote Ewenementy”).
    """
    words = _WORD.findall(text)
    polish = sum(1 for i, word in enumerate(words) if _polish_word(word, first=i == 0))
    english = sum(1 for word in words if word.casefold() in ENGLISH_WORDS)
    english += len(_ENGLISH_POSSESSIVE.findall(text))
    return polish > 0 and english * 4 <= polish and english <= 2


def _polish_word(word: str, first: bool) -> bool:
    folded = word.casefold()
    if folded in POLISH_WORDS:
        return True
    if word[:1].isupper() and not first:
        return False  # a name
    return bool(_POLISH_LETTERS.search(folded)) or (len(folded) >= 5 and folded.endswith(_POLISH_ENDINGS))
