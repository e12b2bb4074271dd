"""A programme's words as the shared-passage comparison reads them, each with its place in
programme.md.

Normalisation (what "the same words" means): the document's Markdown is set aside (markers,
link targets, tags, attribute lists, footnote references), letters are compared without case
and without Polish diacritics ("Społecznej" = "spolecznej", as a reader typing without Polish
letters would read it), numbers are words of their own, punctuation is not a word, and the
programme's own municipality's name, in any of its forms, is one and the same word in every
programme ("Kętrzyna" in one, "Kłobucka" in the other): a template filled in for another
municipality is still the same passage.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

import numpy as np

# Spans of programme.md that are Markdown, not the document's words; blanked (the same number
# of spaces), so that every word keeps its offset in the file.
_NOT_WORDS = re.compile(
    r"(?=[<{\[(&])(?:"  # (each begins with one of these: the rest of the text is passed at once)
    r"<!--.*?-->"  # comments
    r"|</?[A-Za-z][^>\n]*>"  # tags
    r"|\{:?[ \t]*[#.:][^}\n]*\}"  # attribute lists
    r"|\[\^[^\]\s]+\]:?"  # footnote references and labels
    r"|(?<=\])\([^)\n]*\)"  # link targets (the link's text stays)
    r"|&[a-zA-Z]+;|&#x?[0-9a-fA-F]+;)",  # entities
    re.S,
)
_WORD = re.compile(r"\w+")  # in a text whose underscores (emphasis in Markdown) are blanked
_TOKENS = re.compile(r"\w+|\W+")
_FOLD = tuple(zip("ąćęłńóśźż", "acelnoszz", strict=True))
# The word every form of a programme's own municipality's name becomes (no text has it: its
# underscores are blanked).
MUNICIPALITY = "_gmina_"
_STEM_FROM = 6  # a name's word of this many letters or more matches its forms by all but its last


def blanked(text: str) -> str:
    """programme.md with its Markdown syntax spans and underscores replaced by spaces (offsets
    unchanged)."""
    return _NOT_WORDS.sub(lambda m: re.sub(r"[^\n]", " ", m[0]), text).replace("_", " ")


def fold(text: str) -> str:
    """Lower case, Polish letters without diacritics (str.replace: some ten times faster than
    str.translate on a whole text)."""
    text = text.lower()
    for letter, plain in _FOLD:
        text = text.replace(letter, plain)
    return text


def name_stems(name: str) -> tuple[str, ...]:
    """The beginnings that the forms of a municipality's name share: "Kętrzyn" → "ketrzy"
    (Kętrzyna, Kętrzynie, kętrzyński); words of fewer than four letters are left alone."""
    stems = []
    for word in _WORD.findall(name):
        folded = fold(word)
        if len(folded) >= 4 and not folded.isdigit():
            stems.append(folded[:-1] if len(folded) >= _STEM_FROM else folded)
    return tuple(stems)


@dataclass(frozen=True)
class TextWords:
    """The normalised words of one text, as numbers (`values`), and, when asked for (for the
    texts that share passages), where each stands in programme.md (`starts`, `ends`)."""

    values: np.ndarray  # uint64, one per word
    starts: np.ndarray | None = None
    ends: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self.values)

    def chars(self, first: int, last: int) -> tuple[int, int]:
        """The offsets in programme.md of words first..last-1 (the end excluded)."""
        if self.starts is None or self.ends is None:
            raise ValueError("text_words(..., places=True) gives the words' places")
        return int(self.starts[first]), int(self.ends[last - 1])


def text_words(text: str, municipality_name: str, places: bool = False) -> TextWords:
    """The words of programme.md as numbers, one per run of word characters of the text without
    its Markdown; with `places`, their offsets too (one pass over the text for both)."""
    shown = blanked(text)
    if not places:
        return TextWords(_values(_WORD.findall(shown), municipality_name))
    tokens = _TOKENS.findall(shown)  # words and what lies between them, in turn
    lengths = np.fromiter(map(len, tokens), dtype=np.int32, count=len(tokens))  # texts under 2 GB
    ends = np.cumsum(lengths)
    first = 0 if tokens and _WORD.match(tokens[0]) else 1
    return TextWords(_values(tokens[first::2], municipality_name), (ends - lengths)[first::2], ends[first::2])


def _values(words: list[str], municipality_name: str) -> np.ndarray:
    """One number per word: its folded form's crc32, every form of the name one and the same."""
    folded = fold(" ".join(words))  # words hold no space, nor does anything fold into one
    stems = name_stems(municipality_name)
    if stems:
        forms = re.compile(r"\b(?:" + "|".join(map(re.escape, stems)) + r")\w*")
        folded = forms.sub(MUNICIPALITY, folded)
    normal = folded.split(" ") if words else []
    return np.fromiter(map(zlib.crc32, map(str.encode, normal)), dtype=np.uint64, count=len(normal))
