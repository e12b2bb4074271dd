"""Polish as the site's texts write it: plural forms of counted nouns, grouped thousands,
alphabetical order."""

from __future__ import annotations


def plural(count: int, one: str, few: str, many: str) -> str:
    """'1 program', '3 programy', '5 programów', '22 programy', '12 programów'."""
    if count == 1:
        form = one
    elif 2 <= count % 10 <= 4 and not 12 <= count % 100 <= 14:
        form = few
    else:
        form = many
    return f"{count} {form}"


def grouped(number: int) -> str:
    """'2 000 000': thousands separated by spaces, as Polish writes them."""
    return f"{number:,}".replace(",", " ")


# The Polish alphabet: each letter with a diacritic sorts after its base letter.
_ALPHABET = "aąbcćdeęfghijklłmnńoópqrsśtuvwxyzźż"
_RANK = {letter: i for i, letter in enumerate(_ALPHABET)}


def sort_key(text: str) -> tuple[tuple[int, int], ...]:
    """Alphabetical order as a Polish reader expects it: 'Łódź' after 'Lublin', before 'Małkinia'."""
    return tuple((0, _RANK[ch]) if ch in _RANK else (1, ord(ch)) for ch in text.casefold())


_OPENING, _CLOSING = "„", "”"


def paired_quotes(text: str) -> str:
    """A catalogue name with Polish quotation marks in pairs: „…”.

    Records copy titles from documents that close a „ with a straight " or an English “, or quote
    with straight quotes only: each straight or English double quote becomes the opening mark
    where no quote is open and the closing one where one is.
    """
    out = []
    open_quote = False
    for ch in text:
        if ch == _OPENING:
            open_quote = True
        elif ch == _CLOSING:
            open_quote = False
        elif ch in '"“':
            ch = _CLOSING if open_quote else _OPENING
            open_quote = not open_quote
        out.append(ch)
    return "".join(out)
