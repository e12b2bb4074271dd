"""The core's layout: stages in folders, imports running one way, nothing from MkDocs.

A newcomer reads the build's order from ``hooks/palarchiwum/`` (README, Layout); these tests
keep the code saying what the folders say.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

HOOKS = Path(__file__).resolve().parent.parent / "hooks"
CORE = HOOKS / "palarchiwum"
ADAPTER = HOOKS / "archiwum_hooks.py"
# The stages in the order the README's Layout section draws them: a stage imports only the
# stages before it (equal numbers stand side by side and import neither way). "" is the
# package's top, the site model; __main__ starts the clerks' command line.
ORDER = {
    "records": 0,
    "history": 1,
    "reuse": 1,
    "": 2,
    "opendata": 3,
    "search": 3,
    "pages": 4,
    "build": 5,
    "clerk": 6,
    "__main__": 7,
}
TOP_MODULES_AT_MOST = 8
ADAPTER_LINES_AT_MOST = 150
FRAMEWORKS = {"mkdocs", "material"}


def _name(path: Path) -> str:
    """`palarchiwum.records.archive` for hooks/palarchiwum/records/archive.py."""
    parts = path.relative_to(HOOKS).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_name(path): path for path in sorted(CORE.rglob("*.py"))}


def _stage(module: str) -> str:
    parts = module.split(".")[1:]
    if not parts:
        return ""
    if len(parts) == 1 and (CORE / f"{parts[0]}.py").is_file():
        return "__main__" if parts[0] == "__main__" else ""
    return parts[0]


def _imports(module: str) -> set[str]:
    """Every module `module` imports, anywhere in its file, as absolute names."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names if f"{base}.{alias.name}" in MODULES)
    return found


def _core_imports(module: str) -> set[str]:
    return {name for name in _imports(module) if name in MODULES and name != module}


def test_the_core_imports_nothing_from_mkdocs_nor_the_adapter() -> None:
    found = {
        (module, name)
        for module in MODULES
        for name in _imports(module)
        if name.split(".")[0] in FRAMEWORKS | {ADAPTER.stem}
    }
    assert found == set()


@pytest.mark.parametrize("module", sorted(MODULES))
def test_a_stage_imports_only_the_stages_before_it(module: str) -> None:
    stage = _stage(module)
    wrong = [
        target
        for target in sorted(_core_imports(module))
        if _stage(target) != stage and ORDER[_stage(target)] >= ORDER[stage]
    ]
    assert wrong == [], f"{module} ({stage or 'top'}) imports a later or parallel stage: {wrong}"


def test_no_module_imports_itself_round_a_cycle() -> None:
    graph = {module: _core_imports(module) for module in MODULES}
    done: set[str] = set()
    cycles: list[list[str]] = []

    def visit(module: str, path: list[str]) -> None:
        if module in path:
            cycles.append([*path[path.index(module) :], module])
            return
        if module in done:
            return
        for target in sorted(graph[module]):
            visit(target, [*path, module])
        done.add(module)

    for module in sorted(graph):
        visit(module, [])
    assert cycles == []


def test_every_stage_has_its_place_and_says_what_it_takes_and_gives() -> None:
    packages = {path.parent for path in CORE.rglob("*.py")} - {CORE}
    for package in sorted(packages):
        stage = package.relative_to(CORE).parts[0]
        assert stage in ORDER, f"{package} has no place in the order of stages (README, Layout)"
        init = package / "__init__.py"
        assert init.is_file(), f"{package} is not a package"
        assert ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))), f"{init} says nothing"
    top = sorted(path.name for path in CORE.glob("*.py"))
    assert len(top) <= TOP_MODULES_AT_MOST, top


@pytest.mark.parametrize("module", sorted(MODULES))
def test_every_module_says_first_what_it_holds(module: str) -> None:
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    docstring = ast.get_docstring(tree)
    assert docstring and docstring.split("\n")[0].strip(), f"{MODULES[module]} begins with no docstring"


def test_the_adapter_only_handles_mkdocs_events() -> None:
    lines = ADAPTER.read_text(encoding="utf-8").splitlines()
    assert len(lines) <= ADAPTER_LINES_AT_MOST, "what is not MkDocs event handling belongs in the core"
