"""Published addresses are permanent: every URL in the golden list still resolves."""

from __future__ import annotations

import re
from pathlib import Path

GOLDEN = Path(__file__).resolve().parent / "published_urls.txt"


def published() -> list[str]:
    lines = GOLDEN.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("#")]


def test_every_published_url_still_resolves(real_site: Path) -> None:
    urls = published()
    assert any(re.fullmatch(r"programy/\d{7}-[^/]+/[^/]+/", url) for url in urls), "the list was read"
    missing = [url for url in urls if not resolves(real_site, url)]
    assert missing == [], "these published addresses no longer resolve"


def resolves(site: Path, url: str) -> bool:
    """A page URL ends with a slash and is served from its index.html; a file URL is the file."""
    return (site / url / "index.html").is_file() if url.endswith("/") else (site / url).is_file()
