"""What the sanitizer would remove from a page, told in Polish: the tag or attribute, and what to
write instead.

nh3 decides; this module only explains. Both the rendered HTML and nh3's output are read into the
same sequence of tags, attributes and text (the standard library's parser), and compared: where
they differ, the tags and attributes that nh3 did not keep are the findings. Anything else that
differs (markup that a browser would read in another way than it is written) is a finding too.
"""

from __future__ import annotations

import html
import html.entities
import re
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser


def names(listed: str) -> frozenset[str]:
    """Names listed with spaces between them."""
    return frozenset(listed.split())


_RUNS_OR_FRAMES = names("script iframe frame frameset object embed applet base meta link template portal")
_MEDIA = names("img picture source video audio track image svg math canvas map area")
_LOADS = names("src srcset poster background data codebase lowsrc dynsrc xlink:href")
_URL_ATTRIBUTES = frozenset({"href", "action"})
_ATTRIBUTE_HINT = "usuń go; lista atrybutów w Markdown {…} może ustawić tylko #identyfikator i .klasę"
_LINK_HINT = "odnośnik może prowadzić do strony archiwum albo na zewnątrz: https://…, mailto:… lub tel:…"


@dataclass(frozen=True)
class Finding:
    """One thing the allow-list does not allow: kind 'tag', 'attribute', 'url', 'theme-id' or 'other'."""

    kind: str
    tag: str
    attribute: str
    value: str

    @property
    def message(self) -> str:
        return "niedozwolona treść HTML: " + self._what()

    def _what(self) -> str:
        tag, attribute = f"<{self.tag}>", f"{self.attribute}="
        if self.kind == "tag":
            if self.tag == "style":
                return "znacznik <style> (arkusz stylów)"
            if self.tag in _RUNS_OR_FRAMES:
                return f"znacznik {tag} (uruchamia kod lub wczytuje treść)"
            if self.tag in _MEDIA:
                return f"znacznik {tag} (obraz lub multimedia)"
            return f"znacznik {tag}, którego archiwum nie publikuje"
        if self.kind == "attribute":
            if self.attribute.startswith("on"):
                return f"atrybut {attribute} na znaczniku {tag} (kod uruchamiany w przeglądarce)"
            if self.attribute == "style":
                return f"atrybut style= na znaczniku {tag} (styl wpisany w tekst)"
            if self.attribute in _LOADS:
                return f"atrybut {attribute} na znaczniku {tag} (wczytuje plik)"
            return f"atrybut {attribute} na znaczniku {tag}, którego archiwum nie publikuje"
        if self.kind == "url":
            if self.value == "//…":
                return f"adres w atrybucie {attribute} zaczynający się od // (inny serwer, bez protokołu)"
            return f"adres „{_shortened(self.value)}” w atrybucie {attribute}"
        if self.kind == "theme-id":
            return f"identyfikator „{self.value}” zastrzeżony dla szablonu lub skryptu strony"
        if self.tag:
            return f"znak < wewnątrz znacznika {tag}: „{_shortened(self.value)}”"
        return f"fragment, który przeglądarka odczyta inaczej, niż go zapisano: „{_shortened(self.value)}”"

    @property
    def hint(self) -> str:
        if self.kind == "tag":
            if self.tag in _MEDIA:
                return (
                    "archiwum nie wyświetla obrazów ani multimediów w tekście: dołącz plik jako "
                    "załącznik (zalaczniki w programme.yml) albo podaj odnośnik [opis](https://…)"
                )
            if self.tag in _RUNS_OR_FRAMES or self.tag == "style":
                return "usuń ten znacznik: wygląd i działanie stron nadaje archiwum"
            return "zapisz to w Markdown (np. **pogrubienie**, *kursywa*, listy, tabele) albo usuń znacznik"
        if self.kind == "attribute":
            return _ATTRIBUTE_HINT
        if self.kind == "url":
            if self.attribute == "action":
                return "formularz może wysyłać tylko do stron archiwum: podaj adres względny, np. ./"
            if self.value.lower().lstrip().startswith("http:"):
                return "napisz adres z https:// (połączenie szyfrowane)"
            return _LINK_HINT
        if self.kind == "theme-id":
            return "wybierz inny identyfikator (np. bez przedrostka „__” lub „pal-”)"
        if self.tag:
            return "usuń znaczniki z wartości atrybutu albo zapisz znak < jako &lt;"
        return "popraw znaczniki HTML (każdy otwarty zamknij w tym samym akapicie) albo zapisz to w Markdown"


def differences(html: str, cleaned: str) -> list[Finding]:
    """What nh3 removed from `html` to give `cleaned`, once for each place; [] when the two read
    alike."""
    reader = _read(html)
    original, kept = reader.tokens, _read(cleaned).tokens
    if original == kept and not reader.hidden_tags:
        return []
    removed_tags = _starts(original) - _starts(kept)
    found = [Finding("tag", tag, "", "") for tag in removed_tags.elements()]
    removed = _attributes(original, set(removed_tags)) - _attributes(kept, set())
    for tag, attribute, value in removed.elements():
        kind = "url" if attribute in _URL_ATTRIBUTES else "attribute"
        found.append(Finding(kind, tag, attribute, value))
    # "<" inside a tag: what a browser reads as the end of a <noscript> or <textarea> may hide in
    # an attribute, read differently by another parser (mutation XSS).
    found += [Finding("other", tag, "", written) for tag, written in reader.hidden_tags]
    if not found:
        found.append(Finding("other", "", "", _first_difference(original, kept)))
    return found


Token = tuple[str, str, tuple[tuple[str, str], ...]]


def _starts(tokens: list[Token]) -> Counter[str]:
    return Counter(tag for kind, tag, _ in tokens if kind == "start")


def _attributes(tokens: list[Token], skipped: set[str]) -> Counter[tuple[str, str, str]]:
    return Counter(
        (tag, name, value)
        for kind, tag, attrs in tokens
        if kind == "start" and tag not in skipped
        for name, value in attrs
    )


def _first_difference(original: list[Token], kept: list[Token]) -> str:
    for a, b in zip(original, kept, strict=False):
        if a != b:
            return a[1] if a[0] == "data" else f"<{a[1]}>"
    longer = original[len(kept) :] or kept[len(original) :]
    return longer[0][1] if longer else ""


def _read(html: str) -> _Reader:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader


# What a tag's attributes are, as the standard library's parser finds them (html.parser).
_TAG_NAME = re.compile(r"<[a-zA-Z][^\t\n\r\f />\x00]*(?:\s|/(?!>))*")
_ATTRIBUTE = re.compile(
    r"""((?<=['"\s/])[^\s/>][^\s/=>]*)(\s*=+\s*('[^']*'|"[^"]*"|(?!['"])[^>\s]*))?(?:\s|/(?!>))*"""
)
_REFERENCE = re.compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[a-zA-Z][a-zA-Z0-9]*;?)")


def attributes_as_browsers_read(written: str) -> tuple[tuple[str, str], ...]:
    """A start tag's attributes, their values decoded as a browser decodes an attribute: a named
    reference without ";" stays as written when a letter, digit or "=" follows it ("&section=2"
    in a link is not "§ion=2"), which the standard library's parser decodes anyway."""
    found = _TAG_NAME.match(written)
    position, attributes = (found.end() if found else len(written)), []
    while found := _ATTRIBUTE.match(written, position):
        name, assigned, value = found.group(1, 2, 3)
        if value and value[:1] == value[-1:] and value[:1] in "'\"":
            value = value[1:-1]
        attributes.append((name.lower(), _decoded(value) if assigned else ""))
        position = found.end()
    return tuple(attributes)


def _decoded(value: str) -> str:
    def one(found: re.Match[str]) -> str:
        reference = found.group(0)
        if reference.endswith(";") or reference.startswith("&#"):
            return html.unescape(reference)
        following = value[found.end() : found.end() + 1]
        legacy = reference[1:] in html.entities.html5 and following != "="
        return html.unescape(reference) if legacy else reference

    return _REFERENCE.sub(one, value)


class _Reader(HTMLParser):
    """Tags, attributes (values decoded as browsers decode them) and text, adjacent texts
    joined. End tags are left out, and the <tbody> a parser adds to a table written without one:
    either changes nothing a reader sees."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tokens: list[Token] = []
        self.hidden_tags: list[tuple[str, str]] = []  # (tag, as written) with a raw "<" inside

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tbody":
            return
        written = self.get_starttag_text() or ""
        self.tokens.append(("start", tag, attributes_as_browsers_read(written)))
        if "<" in written[1:]:
            self.hidden_tags.append((tag, written))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        if self.tokens and self.tokens[-1][0] == "data":
            data = self.tokens.pop()[1] + data
        self.tokens.append(("data", data, ()))

    def handle_comment(self, data: str) -> None:
        self.tokens.append(("comment", data, ()))

    def handle_decl(self, decl: str) -> None:
        self.tokens.append(("declaration", decl, ()))

    def handle_pi(self, data: str) -> None:
        self.tokens.append(("processing", data, ()))

    def unknown_decl(self, data: str) -> None:
        self.tokens.append(("declaration", data, ()))


def _shortened(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
