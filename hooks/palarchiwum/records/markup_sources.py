"""Markup checked where it is written: each programme text, record value, vocabulary, municipality
file and hand-written page, rendered alone as the site renders it, against the allow-list.

`archiwum check` runs this on the whole project; the build, which checks every page as MkDocs
renders it (markup_policy), runs it only when a page failed, to name the file and line. A file
this module cannot read or parse is skipped: loading reports it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import nh3

from .markdown_rendering import MarkdownSetup, Renderer
from .markup_findings import Finding
from .markup_policy import cleaner, unsafe_markup
from .problems import Problem, display_path
from .text_files import read_text
from .yaml_parsing import Path_, YamlError, parse_yaml

# A hand-written page's front matter, as MkDocs reads it (mkdocs.utils.meta).
_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
_PLACEHOLDER = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
MAX_FINDINGS_PER_FILE = 20
_AFTER = "\n\nKoniec.\n"
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def markup_problems(
    root: Path, archives: tuple[Path, ...], pages: tuple[Path, ...], setup: MarkdownSetup
) -> list[Problem]:
    """Every finding in the Markdown and YAML files under `archives` (programmes, records,
    vocabularies) and in the hand-written pages under `pages`, with its file and line."""
    check = _Check(setup.renderer(), cleaner())
    problems: list[Problem] = []
    for folder, hand_written in [(f, False) for f in archives] + [(f, True) for f in pages]:
        for path in sorted(folder.rglob("*")):
            if path.suffix not in {".md", ".yml"} or not path.is_file():
                continue
            text = read_text(path, "", [])  # what it cannot read, loading reports
            if text is None:
                continue
            if path.suffix == ".yml":
                found = check.record(text)
            elif hand_written:  # a page of its own: it may hold the search's or the finder's form
                found = check.text(_without_placeholders(text), script_ids=1)
            else:
                found = check.text(text)
            shown = display_path(path, root)
            problems += [Problem(shown, line, "", f.message, f.hint) for line, f in found]
    return problems


def _without_placeholders(text: str) -> str:
    """A hand-written page with its {{ … }} and {% … %} placeholders (the publisher's details,
    filled in by the build) left out, their lines kept."""
    return _PLACEHOLDER.sub(lambda found: "\n" * found.group(0).count("\n"), text)


class _Check:
    def __init__(self, renderer: Renderer, clean: nh3.Cleaner) -> None:
        self._renderer = renderer
        self._clean = clean

    def findings(self, markdown: str, script_ids: int = 0) -> Counter[Finding]:
        """Each finding of `markdown` rendered alone, with how many places show it. A paragraph
        follows the text, as the page's next part does: a tag left open in the text (a link
        running over the rest of the page) shows in it."""
        html = self._renderer.html(markdown + _AFTER)
        return Counter(unsafe_markup(html, self._clean, script_ids=script_ids))

    def text(self, text: str, script_ids: int = 0) -> list[tuple[int, Finding]]:
        """A Markdown text's findings, each at the first line whose text up to it shows it."""
        offset = 0
        if found := _FRONT_MATTER.match(text):
            offset = found.group(0).count("\n")
            text = text[found.end() :]
        lines = text.splitlines(keepends=True)
        return [
            (offset + line, finding)
            for line, finding in self._located(len(lines), lambda n: _closed("".join(lines[:n])), script_ids)
        ]

    def record(self, text: str) -> list[tuple[int, Finding]]:
        """A YAML file's findings, each at the line of the first value that shows it. Its text
        values are rendered together, a paragraph each: one render per file, not per value."""
        try:
            doc = parse_yaml(text)
        except YamlError:
            return []
        values = list(_strings(doc.data, ()))
        paths = [path for path, _ in values]
        found = self._located(len(values), lambda n: "\n\n".join(v for _, v in values[:n]))
        return [(doc.line_of(paths[index - 1]), finding) for index, finding in found]

    def _located(
        self, count: int, first: Callable[[int], str], script_ids: int = 0
    ) -> Iterator[tuple[int, Finding]]:
        """(n, finding) for each place a finding of first(count) is shown: for its k-th place,
        the smallest n whose first(n) shows it k times."""
        everything = self.findings(first(count), script_ids)
        places = [(finding, k) for finding, times in everything.items() for k in range(1, times + 1)]
        for finding, k in places[:MAX_FINDINGS_PER_FILE]:
            low, high = 1, count
            while low < high:
                middle = (low + high) // 2
                if self.findings(first(middle), script_ids)[finding] >= k:
                    high = middle
                else:
                    low = middle + 1
            yield low, finding


def _closed(text: str) -> str:
    """The beginning of a text, with a code block it leaves open closed: what the lines of a code
    example quote must not count as the text's own markup while its end is looked for."""
    fence = None
    for line in text.splitlines():
        found = _FENCE.match(line)
        if found and fence is None:
            fence = found.group(1)
        elif (
            found
            and fence is not None
            and found.group(1).startswith(fence)
            and not line.strip()[len(found.group(1)) :]
        ):
            fence = None
    return text if fence is None else f"{text}\n{fence}\n"


def _strings(data: Any, path: Path_) -> Iterator[tuple[Path_, str]]:
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, (*path, index))
