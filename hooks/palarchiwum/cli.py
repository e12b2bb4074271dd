"""Command line for clerks: ``python -m palarchiwum check`` validates without building."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import yaml

from .archive import build_archive
from .polish import plural
from .problems import InvalidArchive
from .settings import from_environment


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m palarchiwum", description="Narzędzia archiwum programów."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="sprawdź wszystkie programy bez budowania strony")
    check.add_argument(
        "--projekt", type=Path, default=Path.cwd(), help="folder z mkdocs.yml (domyślnie bieżący)"
    )
    args = parser.parse_args(argv)
    return run_check(args.projekt.resolve())


def run_check(root: Path) -> int:
    """Validate everything; print every problem; 0 when the archive is valid."""
    try:
        settings = from_environment(root, _archive_options(root / "mkdocs.yml"))
        archive = build_archive(settings.programmes_dir, root, settings.as_of)
    except InvalidArchive as exc:
        print(exc, file=sys.stderr)
        return 1
    municipalities = plural(len(archive.municipalities), "gmina", "gminy", "gmin")
    programmes = plural(len(archive.programmes), "program", "programy", "programów")
    print(f"W porządku: {municipalities}, {programmes}; statusy na dzień {archive.as_of.isoformat()}.")
    return 0


def _archive_options(mkdocs_yml: Path) -> dict[str, Any]:
    """The ``extra.archiwum`` options, read without MkDocs (unknown tags are ignored)."""
    if not mkdocs_yml.is_file():
        return {}

    class Lenient(yaml.SafeLoader):
        pass

    Lenient.add_multi_constructor("", lambda loader, suffix, node: None)
    try:
        config = yaml.load(mkdocs_yml.read_text(encoding="utf-8"), Loader=Lenient) or {}
    except yaml.YAMLError:
        return {}
    options = (config.get("extra") or {}).get("archiwum") or {}
    return options if isinstance(options, dict) else {}
