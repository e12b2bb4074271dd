"""``podglad`` and ``zbuduj``: MkDocs' own ``serve`` and ``build --strict`` for clerks, in Polish.

MkDocs runs as a child process (``python -m mkdocs``), not inside this one: the core imports
nothing from MkDocs (tests/test_layout.py), and its log, read line by line, is said in Polish,
the lines a clerk need not read left out and any line not recognised passed on as it is. The
child gets its own process group, so that Ctrl+C reaches it once, from here, and it removes its
temporary folder. The preview sets $PAL_PODGLAD=1 (drafts shown, an archive with errors shown as
the list of its problems: build/preview.py); the build makes sure it is unset.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import subprocess
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from palarchiwum.build.preview import HEADING
from palarchiwum.records.problems import display_path
from palarchiwum.settings import PREVIEW_VARIABLE

SITE_COMMANDS = ("podglad", "zbuduj")
DEFAULT_ADDRESS = "127.0.0.1:8000"
# Material's notice about MkDocs 2.0, which says nothing a clerk can act on.
QUIET_THEME = {"NO_MKDOCS_2_WARNING": "1", "PYTHONUNBUFFERED": "1"}
_LEVEL = re.compile(r"^(INFO|WARNING|ERROR|DEBUG|CRITICAL) +-  (.*)$")
_REQUEST = re.compile(r'^"GET .*" code \d+$')  # an address the preview has no page for
_CLOCK = re.compile(r"^\[\d\d:\d\d:\d\d\] ")
_COLOUR = re.compile(r"\x1b\[[0-9;]*m")
_OURS = re.compile(r"^pal-?archiwum: ")
# What MkDocs says that a clerk need not read.
_LEFT_OUT = re.compile(
    r"^(Cleaning site directory|Building documentation to directory: .*|Watching paths for changes: .*"
    r"|Reloading browsers|Browser connected: .*|Shutting down\.\.\.)$"
)
_BUILT = re.compile(r"^Documentation built in ([0-9.]+) seconds$")
_STRICT = re.compile(r"^Aborted with (\d+) warnings? in strict mode!$")
_SERVING = re.compile(r"^Serving on (\S+)$")


# The address the site is published at (mkdocs.yml's site_url); the Pages workflow sets it.
SITE_URL_VARIABLE = "PAL_SITE_URL"


def add_site_commands(commands: argparse._SubParsersAction) -> None:
    """The preview and the build, as subcommands of the clerks' command line."""
    preview = commands.add_parser(
        "podglad", help="podgląd strony w przeglądarce, ze szkicami; odświeża się po każdej zmianie plików"
    )
    preview.add_argument(
        "--adres", default=DEFAULT_ADDRESS, help=f"adres i port podglądu (domyślnie {DEFAULT_ADDRESS})"
    )
    build = commands.add_parser(
        "zbuduj", help="zbuduj stronę do publikacji (bez szkiców), domyślnie do site/"
    )
    build.add_argument("--do", type=Path, help="folder, do którego zbudować stronę (domyślnie site/)")
    for sub in (preview, build):
        sub.add_argument("--projekt", type=Path, default=Path.cwd(), help="folder z mkdocs.yml")


def run_site_command(args: argparse.Namespace, root: Path) -> int:
    if args.command == "podglad":
        return run_preview(root, args.adres)
    return run_build(root, (args.do or root / "site").resolve())


def run_preview(root: Path, address: str) -> int:
    """``mkdocs serve`` with drafts, until Ctrl+C; 0 when stopped so, 1 when it could not run."""
    if not (root / "mkdocs.yml").is_file():
        print(f"Nie ma pliku mkdocs.yml w {root}: uruchom podgląd w folderze projektu.", file=sys.stderr)
        return 1
    log = PreviewLog()
    print("Buduję podgląd strony (szkice też widać, tylko w podglądzie)…", flush=True)
    command = ["serve", "-f", str(root / "mkdocs.yml"), "-a", address]
    code = _run_mkdocs(command, {PREVIEW_VARIABLE: "1"}, log.said)
    if code is None:
        print("Podgląd zatrzymany.", flush=True)
        return 0
    print("Podgląd nie działa: popraw to, co opisano powyżej, i uruchom go znowu.", file=sys.stderr)
    return 1


def run_build(root: Path, site: Path) -> int:
    """``mkdocs build --strict`` into `site`, never with drafts; 0 when the site is built."""
    if not (root / "mkdocs.yml").is_file():
        print(f"Nie ma pliku mkdocs.yml w {root}: uruchom budowanie w folderze projektu.", file=sys.stderr)
        return 1
    if not os.environ.get(SITE_URL_VARIABLE):
        print(
            f"Uwaga: nie podano adresu, pod którym strona będzie opublikowana (zmienna {SITE_URL_VARIABLE}, "
            "np. https://gmina.example.pl/archiwum/): odnośniki kanoniczne i kanały wskażą adres podglądu "
            "lokalnego. Przed publikacją zbuduj stronę z tą zmienną.",
            file=sys.stderr,
        )
    log = BuildLog(display_path(site, Path.cwd()))
    command = ["build", "--strict", "-f", str(root / "mkdocs.yml"), "-d", str(site)]
    code = _run_mkdocs(command, {PREVIEW_VARIABLE: None}, log.said)
    if code == 0:
        return 0
    if not log.failure_said:
        print("Nie zbudowano strony: popraw błędy wymienione powyżej.", file=sys.stderr)
    return 1


def _run_mkdocs(
    command: list[str], variables: dict[str, str | None], said: Callable[[str], str | None]
) -> int | None:
    """Run MkDocs, printing its log as `said` puts it; its exit code, None when stopped by Ctrl+C
    (or by SIGTERM, as a test stops it)."""
    env = {**os.environ, **QUIET_THEME, **{k: v for k, v in variables.items() if v is not None}}
    for name in (k for k, v in variables.items() if v is None):
        env.pop(name, None)
    # Ctrl+C, and SIGTERM as a test stops the preview, stop MkDocs from here. A shell that starts
    # us in the background ignores SIGINT, and MkDocs would inherit that: it is set back first.
    previous = (
        signal.signal(signal.SIGINT, signal.default_int_handler),
        signal.signal(signal.SIGTERM, _interrupted),
    )
    child = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", *command],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        errors="replace",
        start_new_session=True,
    )
    try:
        _print_all(child.stdout or (), said)
        return child.wait()
    except KeyboardInterrupt:
        child.send_signal(signal.SIGINT)  # MkDocs then removes its temporary site folder
        try:
            child.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
        return None
    finally:
        signal.signal(signal.SIGINT, previous[0])
        signal.signal(signal.SIGTERM, previous[1])


def _interrupted(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _print_all(lines: Iterable[str], said: Callable[[str], str | None]) -> None:
    for line in lines:
        text = said(_COLOUR.sub("", line.rstrip("\n")))
        if text is not None:
            print(text, flush=True)


def _message(line: str) -> tuple[str, str]:
    """A line of MkDocs' log as (level, message); a line that continues a message has level ""."""
    found = _LEVEL.match(line)
    if not found:
        return "", line
    return found.group(1), _OURS.sub("", _CLOCK.sub("", found.group(2)))


def _in_polish(level: str, message: str) -> str:
    """A line passed on: a warning says so; an error or a note is its message."""
    return f"Uwaga: {message}" if level == "WARNING" else message


def _seconds(text: str) -> str:
    return f"{float(text):.1f}".replace(".", ",")


class PreviewLog:
    """What the preview's log says to the clerk, build after build."""

    def __init__(self) -> None:
        self.served = False
        self.problems = False  # the current build found problems
        self.had_problems = False  # the build before it did

    def said(self, line: str) -> str | None:
        level, message = _message(line)
        if message == "Aborted with a BuildError!" or _STRICT.match(message):
            return "Nie uruchomiono podglądu: nie udało się zbudować strony (błędy powyżej)."
        if "Address already in use" in message:
            return "Ten adres jest zajęty (może działa już inny podgląd): podaj inny, np. --adres :8001"
        if not level:
            return line
        if message == "Building documentation...":
            self.had_problems, self.problems = self.problems, False
            return None
        if message == "Detected file changes":
            return "Zmiany w plikach: buduję podgląd od nowa…"
        if message.startswith(HEADING):
            self.problems = True
            return message
        if built := _BUILT.match(message):
            return self._built(_seconds(built.group(1)))
        if serving := _SERVING.match(message):
            self.served = True
            return (
                f"Podgląd działa: otwórz {serving.group(1)} w przeglądarce. Po zapisaniu zmian w plikach "
                "podgląd odświeży się sam. Zatrzymanie: Ctrl+C."
            )
        if message.startswith("An error happened during the rebuild"):
            return (
                "Nie udało się zbudować podglądu (błąd powyżej). Dopóki nie zostanie poprawiony, "
                "strony podglądu nie odpowiadają; po zapisaniu poprawki podgląd zbuduje się sam."
            )
        # The build's own summary (search index, markup check) is for whoever publishes.
        if _LEFT_OUT.match(message) or _REQUEST.match(message) or message.startswith("wyszukiwarka:"):
            return None
        return _in_polish(level, message)

    def _built(self, seconds: str) -> str:
        if self.problems:
            return (
                f"Podgląd pokazuje listę błędów pod każdym adresem ({seconds} s). Popraw pliki i zapisz "
                "je: podgląd odświeży się sam."
            )
        if not self.served:
            return f"Archiwum bez błędów, podgląd zbudowany ({seconds} s)."
        fixed = "Błędy poprawione. " if self.had_problems else ""
        return f"{fixed}Archiwum bez błędów, podgląd odświeżony ({seconds} s)."


class BuildLog:
    """What the build's log says to the clerk."""

    def __init__(self, site: str) -> None:
        self.site = site
        self.failure_said = False

    def said(self, line: str) -> str | None:
        level, message = _message(line)
        if built := _BUILT.match(message):
            return f"Strona zbudowana w {_seconds(built.group(1))} s: folder {self.site}/ (bez szkiców)."
        if message == "Aborted with a BuildError!":
            self.failure_said = True
            return "Nie zbudowano strony: popraw błędy wymienione powyżej i zbuduj ją znowu."
        if strict := _STRICT.match(message):
            self.failure_said = True
            return (
                f"Nie zbudowano strony: ostrzeżenia powyżej ({strict.group(1)}) blokują publikację. "
                "Popraw je i zbuduj stronę znowu."
            )
        if not level:
            return line
        if _LEFT_OUT.match(message) or message == "Building documentation...":
            return None
        return _in_polish(level, message)
