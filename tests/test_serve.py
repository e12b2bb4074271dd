"""`mkdocs serve` rebuilds the archive when a file under programmes/ changes."""

from __future__ import annotations

import html
import os
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import yaml

from conftest import AS_OF, copy_project
from pages import municipalities


class _WithEnv(yaml.SafeLoader):
    """Reads mkdocs.yml's `!ENV [NAME, default]` as its default, as MkDocs does when NAME is unset."""


_WithEnv.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(url: str, wanted: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        body = fetch(url)
        if body is not None and wanted in body:
            return True
        time.sleep(0.5)
    return False


def served_path(project: Path) -> str:
    """`mkdocs serve` serves under the path of site_url, as the published site will be."""
    site_url = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_WithEnv)["site_url"]
    return urllib.parse.urlsplit(site_url).path or "/"


def test_serve_rebuilds_when_a_programme_changes(tmp_path: Path) -> None:
    folder, gmina = next(iter(municipalities().items()))  # any real municipality, by its name
    name = html.escape(gmina["nazwa"], quote=False)
    project = copy_project(tmp_path / "projekt", municipalities=[folder])  # the only one looked at
    port = free_port()
    env = {**os.environ, "PAL_DATA_STANU": AS_OF, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}{served_path(project)}gminy/{folder}/"
        assert wait_for(url, name, 90), "the server did not start"
        gmina = project / "programmes" / folder / "gmina.yml"
        text = gmina.read_text(encoding="utf-8")
        line = next(line for line in text.splitlines() if line.startswith("nazwa:"))
        gmina.write_text(text.replace(line, f'nazwa: "{name} (zmieniona)"'), encoding="utf-8")
        assert wait_for(url, f"{name} (zmieniona)", 90), "the change was not rebuilt"
    finally:
        server.terminate()
        server.wait(timeout=30)
