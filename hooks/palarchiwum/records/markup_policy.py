"""The allow-list of markup a page of the archive may carry, and its check by nh3 (ammonia).

The list holds what the archive actually produces: Python-Markdown's output with the extensions
in mkdocs.yml (tables, definition lists, footnotes, abbreviations, admonitions, attribute lists,
tables of contents, fancy lists) and the markup of the archive's own templates and hand-written
pages. Nothing on it runs code or loads anything: no scripts, styles, images, media, frames,
SVG or MathML; links only within the archive or to ``https:``, ``mailto:`` and ``tel:``.

Sanitizing is a check, not a filter: a page is published as it was rendered, or not at all.
Where nh3 would change it, `unsafe_markup` says what it would remove.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

import nh3

from .markup_findings import Finding, differences, names

TAGS = names(
    "a abbr blockquote br button code dd del details div dl dt em fieldset figcaption figure form h1 h2 "
    "h3 h4 h5 h6 hr input ins label legend li mark nav ol option p pre section select small span strong sub "
    "summary sup "
    "table tbody td th thead time tr ul"
)
# Every tag may carry an id and classes (attribute lists set nothing else); these may carry more.
GENERIC_ATTRIBUTES = frozenset({"id", "class"})
ATTRIBUTES: dict[str, frozenset[str]] = {
    tag: names(listed)
    for tag, listed in {
        "a": "href title",  # links; footnotes' and headings' permalinks have a title
        "abbr": "title",
        "ol": "type start",  # pymdownx.fancylists
        "th": "align scope",  # tables, with use_align_attribute (an inline style would break the CSP)
        # A cell names its column, so that a table's rows can stack on a phone (docs/assets/tabele.css).
        "td": "align data-etykieta",
        "details": "open",  # long sections: open in the HTML, for print and readers without scripts
        "time": "datetime",
        "span": "title aria-hidden aria-current data-pagefind-ignore",
        "div": "aria-hidden data-pagefind-ignore",
        "section": "aria-labelledby",
        "nav": "aria-label",
        "p": "role",
        # The finders' and the search page's forms (templates, docs/szukaj.md): they submit to the
        # archive's own pages only (a form's action is a URL, checked like a link).
        "form": "role action method hidden data-dane data-korzen",
        "input": "name type autocomplete",
        "select": "name",
        "option": "value selected",
        "label": "for",
        "button": "type hidden",
    }.items()
}
URL_SCHEMES = frozenset({"https", "mailto", "tel"})

# Relative URLs (within the archive) are let through by nh3, and so would be "//host/…" (another
# host, its protocol implied) and "/\host", which browsers read alike, also with spaces or
# control characters before them, or tabs and line ends between them, which browsers drop. A
# form's action has no scheme: a form submits to the archive's own pages only. The theme's own
# elements have ids starting "__" (e.g. "__config", which its script reads as its settings): a
# page's text must not clobber them; nor the elements the archive's own scripts find by id
# (docs/assets/szukaj.js, dla-mieszkancow.js), where a second one first would feed the script
# another address to read. nh3's output is searched for them: it writes every attribute value in
# double quotes, with the characters a browser drops as they are.
SCRIPT_IDS = names(
    "pal-szukaj pal-q pal-szukaj-stan pal-wyniki pal-wiecej pal-brak pal-podpowiedzi "
    "pal-dla-mnie pal-dla-mnie-stan pal-dla-mnie-wyniki pal-dla-mnie-wiecej"
)
_DROPPED = r"[\x00-\x20]*"
_OTHER_HOST = rf"{_DROPPED}[/\\][\t\n\r]*[/\\]"
# Each pattern begins with a literal, the attribute's name, which the regular expression engine
# scans for fast: the three take a tenth of the check's time.
_LINK_ELSEWHERE = re.compile(rf'href="{_OTHER_HOST}')
_FORM_ELSEWHERE = re.compile(
    rf'action="(?:(?P<host>{_OTHER_HOST})|(?P<out>{_DROPPED}[a-zA-Z][a-zA-Z0-9+.\-\t\n\r]*:[^"]*)")'
)
_RESERVED_ID = re.compile(
    r'id="(?:(?P<theme>__[^"]*)|(?P<script>pal-(?:szukaj|q|wyniki|wiecej|dla-mnie)[^"]*))"'
)


def cleaner() -> nh3.Cleaner:
    """nh3 set to the allow-list: what it keeps is allowed; it adds nothing of its own."""
    return nh3.Cleaner(
        tags=set(TAGS),
        attributes={"*": set(GENERIC_ATTRIBUTES), **{tag: set(listed) for tag, listed in ATTRIBUTES.items()}},
        url_schemes=set(URL_SCHEMES),
        strip_comments=False,
        link_rel=None,
    )


def unsafe_markup(html: str, clean: nh3.Cleaner, script_ids: int = 1) -> list[Finding]:
    """What in `html` (a page's or a text's rendered HTML) is not on the allow-list; [] when the
    sanitizer leaves it as it is. A page may carry each id of the archive's scripts
    `script_ids` times (a text alone: 0)."""
    cleaned = clean.clean(html)
    unchanged = cleaned == html or cleaned == _as_serialized(html)  # most pages: the first
    found = [] if unchanged else differences(html, cleaned)
    found += [Finding("url", "a", "href", "//…") for _ in _in_tags(_LINK_ELSEWHERE, cleaned)]
    for match in _in_tags(_FORM_ELSEWHERE, cleaned):
        found.append(Finding("url", "form", "action", "//…" if match["host"] else match["out"]))
    used: Counter[str] = Counter()
    for match in _in_tags(_RESERVED_ID, cleaned):
        if match["theme"]:
            found.append(Finding("theme-id", "", "id", match["theme"]))
        elif match["script"] in SCRIPT_IDS:
            used[match["script"]] += 1
    found += [Finding("theme-id", "", "id", name) for name, times in used.items() if times > script_ids]
    return found


def _in_tags(pattern: re.Pattern[str], html: str) -> Iterator[re.Match[str]]:
    """The matches of `pattern` in nh3's output that are inside a tag, not text quoting markup."""
    for match in pattern.finditer(html):
        if _in_a_tag(html, match.start()):
            yield match


def _in_a_tag(html: str, position: int) -> bool:
    """Whether `position` of nh3's output is inside a tag: its text has "<" and ">" escaped."""
    return html.rfind("<", 0, position) > html.rfind(">", 0, position)


def _as_serialized(html: str) -> str:
    """Python-Markdown's HTML written as nh3 writes it when nothing is removed: void elements
    without "/", a non-breaking space as "&nbsp;"; anything else differing goes to the exact
    comparison of `differences`."""
    return (
        html.replace("<br />", "<br>")
        .replace("<hr />", "<hr>")
        .replace("\xa0", "&nbsp;")
        .replace("&#160;", "&nbsp;")
    )
