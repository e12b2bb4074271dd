"""Each published page's Content-Security-Policy, as a ``<meta http-equiv>`` (GitHub Pages sends
no headers of a site's own).

Scripts run only from the site itself, and the theme's inline scripts by their hashes, computed
from the page as it is written: never ``'unsafe-inline'``, so no inline event handler runs. No
objects or frames; images, styles, fonts and connections from the site only. Pagefind compiles
its WebAssembly (``'wasm-unsafe-eval'``). A script inside the page's content is never hashed: the
policy allows only what the templates wrote.
"""

from __future__ import annotations

import base64
import hashlib
import re

# Where the templates (overrides/main.html, overrides/404.html) ask for the policy.
PLACEHOLDER = "pal-archiwum-polityka-tresci"
_INLINE_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.DOTALL | re.IGNORECASE)
_DATA = re.compile(r"""\b(?:src\s*=|type\s*=\s*["']?application/(?:ld\+)?json)""", re.IGNORECASE)
DIRECTIVES = (
    "default-src 'none'",
    "script-src 'self' 'wasm-unsafe-eval'{hashes}",
    "style-src 'self'",
    "img-src 'self' data:",  # data: for the theme's own icons, drawn from its stylesheet
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)


def with_content_policy(output: str, content: str, preview: bool = False) -> str:
    """The page `output` with its policy written where the template asked for it; `content` is
    the page's own HTML, whose scripts (there should be none) are not allowed.

    In the clerks' preview, inline scripts run: ``mkdocs serve`` adds its live reload script to
    every page it serves, different each time, so no hash can name it (a hash would also switch
    ``'unsafe-inline'`` off). The allow-list still keeps scripts out of every page's content.
    """
    hashes = sorted({_hash(script) for script in inline_scripts(output) if script not in content})
    allowed = " 'unsafe-inline'" if preview else "".join(f" 'sha256-{h}'" for h in hashes)
    policy = "; ".join(DIRECTIVES).format(hashes=allowed)
    return output.replace(PLACEHOLDER, policy, 1)


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script a browser would run (not JSON data blocks)."""
    return [found.group(2) for found in _INLINE_SCRIPT.finditer(html) if not _DATA.search(found.group(1))]


def _hash(script: str) -> str:
    return base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
