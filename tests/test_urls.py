"""Published addresses are permanent: every URL in the golden list still resolves."""

from __future__ import annotations

from pathlib import Path

GOLDEN = Path(__file__).resolve().parent / "published_urls.txt"


def published() -> list[str]:
    lines = GOLDEN.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("#")]


def test_every_published_url_still_resolves(real_site: Path) -> None:
    urls = published()
    assert "adresaci/osoby-bezdomne/" in urls and "programy/2808011-ketrzyn/pal-2014-2020/" in urls
    missing = [url for url in urls if not resolves(real_site, url)]
    assert missing == [], "these published addresses no longer resolve"


def resolves(site: Path, url: str) -> bool:
    """A page URL ends with a slash and is served from its index.html; a file URL is the file."""
    return (site / url / "index.html").is_file() if url.endswith("/") else (site / url).is_file()
