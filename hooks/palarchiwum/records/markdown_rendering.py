"""Markdown rendered as the site renders it: Python-Markdown with the extensions of mkdocs.yml."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import markdown

# MkDocs always adds these to the extensions mkdocs.yml lists.
MKDOCS_BUILTINS = ("toc", "tables", "fenced_code")


@dataclass(frozen=True)
class MarkdownSetup:
    """The extensions a page is rendered with, and their settings (mkdocs.yml's markdown_extensions)."""

    extensions: tuple[str, ...] = MKDOCS_BUILTINS
    configs: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    @classmethod
    def listed(cls, entries: object) -> MarkdownSetup:
        """From mkdocs.yml's list: names, or one-key mappings of a name to its settings."""
        names, configs = list(MKDOCS_BUILTINS), {}
        for entry in entries if isinstance(entries, list) else []:
            name, config = next(iter(entry.items())) if isinstance(entry, dict) and entry else (entry, None)
            if not isinstance(name, str):
                continue
            if name not in names:
                names.append(name)
            if isinstance(config, dict):
                configs[name] = config
        return cls(tuple(names), configs)

    def renderer(self) -> Renderer:
        return Renderer(self)


class Renderer:
    """One Python-Markdown instance, reset between texts."""

    def __init__(self, setup: MarkdownSetup) -> None:
        configs = {name: dict(config) for name, config in setup.configs.items()}
        self._markdown = markdown.Markdown(extensions=list(setup.extensions), extension_configs=configs)

    def html(self, text: str) -> str:
        return self._markdown.reset().convert(text)
