"""The site's navigation as a page carries it: the primary sidebar (the phone's drawer too) and the tabs."""

from __future__ import annotations

import re

# The opening tags of the two navigations, as Material writes them.
PRIMARY = re.compile(r'<nav class="md-nav md-nav--primary[^"]*"')
TABS = re.compile(r'<nav class="md-tabs"')
NAV_TAG = re.compile(r"<(/?)nav\b")


def element_at(html: str, start: int) -> str:
    """The <nav> element that opens at `start`, nested <nav>s included, as the page has it."""
    depth = 0
    for tag in NAV_TAG.finditer(html, start):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return html[start : html.index(">", tag.end()) + 1]
    raise ValueError(f"the <nav> at {start} is never closed")


def navigation_parts(html: str) -> dict[str, str]:
    """The primary navigation and the tabs of a page's HTML (a part the page lacks is absent)."""
    parts = {}
    for name, opening in (("primary", PRIMARY), ("tabs", TABS)):
        found = opening.search(html)
        if found:
            parts[name] = element_at(html, found.start())
    return parts


def navigation_bytes(html: str) -> int:
    """Bytes (UTF-8) of the page's primary navigation and tabs together."""
    return sum(len(part.encode("utf-8")) for part in navigation_parts(html).values())
