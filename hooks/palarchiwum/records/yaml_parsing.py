"""Reading YAML records safely, remembering the line of every value.

Only plain data is accepted: no custom tags, no aliases. Dates stay strings, so that
validation treats them the same whether or not the clerk quoted them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .hostile_input import CONTROL_HINT, control_character_in
from .polish import grouped

Path_ = tuple[str | int, ...]


# libyaml's parser when PyYAML has it (about ten times faster), the pure-Python one otherwise.
_Base: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _PlainLoader(_Base):  # type: ignore[misc,valid-type]
    """SafeLoader that leaves timestamps as text."""


_PlainLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class YamlError(Exception):
    """A YAML file that cannot be read as plain data; carries the line and a Polish message."""

    def __init__(self, line: int, message: str, hint: str = "", path: Path_ = ()) -> None:
        super().__init__(message)
        self.line = line
        self.message = message
        self.hint = hint
        self.path = path


@dataclass
class YamlDocument:
    """Plain data from one YAML file, with the 1-based line of every key and item."""

    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, path: Path_) -> int:
        """Line of the value at `path`, or of its nearest ancestor that has one."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


# A record nests four levels deep, holds some 700 values and quotes at most a paragraph (the real
# archive's largest: 4, 662 and 660 characters). Far beyond that is an attack or a runaway paste:
# nesting alone crashes the YAML parser long before a file reaches its size limit.
MAX_DEPTH = 32
MAX_NODES = 50_000
MAX_SCALAR = 100_000
_LIMIT_HINT = (
    "rekord programu ma kilka poziomów wcięć i cytaty długości zdania lub akapitu; "
    "pełny tekst programu należy do programme.md"
)


def parse_yaml(text: str) -> YamlDocument:
    """Parse one YAML document; raise YamlError with a line number when it is not plain data."""
    _check_limits(text)
    loader = _PlainLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return YamlDocument(None, {(): 1})
        doc = YamlDocument(None)
        doc.data = _convert(loader, node, (), doc.lines, set())
        return doc
    except yaml.MarkedYAMLError as exc:
        line, explained = _unclosed_quote(text) or (_line_of_mistake(exc), _explain(exc, text))
        raise YamlError(line, f"błąd składni YAML: {explained}", _SYNTAX_HINT) from None
    except yaml.YAMLError:
        raise YamlError(1, "błąd składni YAML: pliku nie da się odczytać", _SYNTAX_HINT) from None
    finally:
        loader.dispose()


def _check_limits(text: str) -> None:
    """Raise YamlError at the first value past a limit, or carrying a control character (written
    as an escape such as ``"\\u202e"``), reading the file as a stream of events, without building
    it: the parser builds nested values by recursion, and crashes on deep ones."""
    loader = _PlainLoader(text)
    escapes = "\\" in text  # control characters typed as such are refused with the file's text
    depth = nodes = 0
    try:
        while (event := loader.get_event()) is not None:
            step = _DEPTH_STEP.get(type(event), 0)
            depth += step
            if step < 0:
                continue
            nodes += 1
            size = len(event.value) if type(event) is yaml.ScalarEvent else 0
            if depth > MAX_DEPTH or nodes > MAX_NODES or size > MAX_SCALAR:
                raise YamlError(event.start_mark.line + 1, _past_limit(depth, nodes, size), _LIMIT_HINT)
            if escapes and size and (hidden := control_character_in(event.value)):
                raise YamlError(event.start_mark.line + 1, f"{hidden} w wartości", CONTROL_HINT)
    except yaml.YAMLError:
        return  # a syntax error: parsing the file reports it with its explanation
    finally:
        loader.dispose()


_DEPTH_STEP = {
    yaml.SequenceStartEvent: 1,
    yaml.MappingStartEvent: 1,
    yaml.SequenceEndEvent: -1,
    yaml.MappingEndEvent: -1,
}


def _past_limit(depth: int, nodes: int, size: int) -> str:
    if depth > MAX_DEPTH:
        return f"listy lub słowniki zagnieżdżone głębiej niż {MAX_DEPTH} poziomy"
    if nodes > MAX_NODES:
        return f"plik ma więcej niż {grouped(MAX_NODES)} wartości"
    return f"wartość ma {grouped(size)} znaków, więcej niż dopuszczalne {grouped(MAX_SCALAR)}"


_SYNTAX_HINT = (
    "sprawdź wcięcia (spacjami), dwukropki po kluczach i cudzysłowy wokół tekstów zawierających „: ”"
)
# Where the parser notices a mistake is often lines after it starts: an unclosed quote or bracket
# is noticed where the file ends, a key without its colon at the next key. For these, the mistake
# starts where the parser began reading the value (its context), not where it gave up.
_STARTS_AT_CONTEXT = (
    "while scanning a simple key",
    "while scanning a quoted scalar",
    "while scanning a double-quoted scalar",
    "while parsing a quoted scalar",
    "while parsing a flow sequence",
    "while parsing a flow mapping",
)


def _line_of_mistake(exc: yaml.MarkedYAMLError) -> int:
    starts_earlier = exc.context_mark is not None and str(exc.context or "").startswith(_STARTS_AT_CONTEXT)
    mark = exc.context_mark if starts_earlier else (exc.problem_mark or exc.context_mark)
    return mark.line + 1 if mark else 1


def _character_at(text: str, mark: yaml.Mark | None) -> str:
    lines = text.splitlines()
    if mark is None or mark.line >= len(lines) or mark.column >= len(lines[mark.line]):
        return ""
    return lines[mark.line][mark.column]


_QUOTE_IT = "tekst zaczynający się od tego znaku ujmij w cudzysłów"
# The messages of both of PyYAML's parsers (libyaml's and the pure-Python one), in the words a
# clerk needs: (words of the parser's context, words of its problem, the Polish explanation).
_SYNTAX_MESSAGES = (
    ("while scanning an alias", "", f"„*” na początku wartości oznacza w YAML alias; {_QUOTE_IT}"),
    ("while scanning an anchor", "", f"„&” na początku wartości oznacza w YAML kotwicę; {_QUOTE_IT}"),
    ("while scanning a tag", "", f"„!” na początku wartości oznacza w YAML znacznik; {_QUOTE_IT}"),
    ("while scanning a directive", "", f"„%” na początku wiersza oznacza w YAML dyrektywę; {_QUOTE_IT}"),
    (
        "while scanning a block scalar",
        "",
        "po „|” albo „>” nic nie może stać w tym samym wierszu; tekst zacznij od następnego wiersza",
    ),
    (
        "while parsing a block collection",
        "",
        "element listy nie zaczyna się od „- ” albo ma inne wcięcie niż pozostałe elementy",
    ),
    (
        "",
        "mapping values are not allowed",
        "dwukropek w niedozwolonym miejscu; tekst zawierający „: ” ujmij w cudzysłów",
    ),
    ("", "mapping keys are not allowed", "klucz w niedozwolonym miejscu; sprawdź wcięcie wiersza"),
    ("", "could not find expected ':'", "brak dwukropka po kluczu"),
    ("", "unexpected ':'", "dwukropek w niedozwolonym miejscu; tekst zawierający „:” ujmij w cudzysłów"),
    ("", "tab character", "tabulator we wcięciu — wcięcia w YAML robi się spacjami"),
    (
        "",
        "cannot start any token",
        f"znak, od którego nie może się zaczynać wartość (np. @ albo `); {_QUOTE_IT}",
    ),
    ("", "did not find expected key", "złe wcięcie: wiersz nie pasuje do poziomu wcięcia sąsiednich wierszy"),
    ("", "expected <block end>", "złe wcięcie: wiersz nie pasuje do poziomu wcięcia sąsiednich wierszy"),
    (
        "",
        "sequence entries are not allowed",
        "element listy („- ”) w miejscu, gdzie lista nie może się zacząć; sprawdź wcięcie",
    ),
    (
        "",
        "expected ',' or ']'",
        "niezamknięty nawias kwadratowy „[” albo brak przecinka między elementami listy",
    ),
    ("", "expected ',' or '}'", "niezamknięty nawias klamrowy „{” albo brak przecinka między polami"),
    ("", "node content", "brak wartości tam, gdzie powinna być (np. przecinek albo „-” bez elementu)"),
    ("", "unexpected end of stream", "niezamknięty cudzysłów"),
    (
        "",
        "unknown escape character",
        "niedozwolona sekwencja z „\\” w tekście w cudzysłowie (w cudzysłowie '…' nie trzeba jej)",
    ),
    ("", "undefined alias", "aliasy YAML (*nazwa) nie są dozwolone"),
    ("", "found another document", "plik zawiera więcej niż jeden dokument YAML (usuń „---”)"),
    (
        "",
        "document start",
        "tekst po zakończeniu dokumentu (np. po wierszu „...”); usuń go albo popraw wcięcie",
    ),
)


# A line inside a quoted text that looks like the next field of the record: the quote was left open.
_KEY_LINE = re.compile(r"^\s*(?:- )?[a-z_]+:(?: |$)")


def _unclosed_quote(text: str) -> tuple[int, str] | None:
    """(line, explanation) of a quote left open on one line and closed by another value's quote
    further down: the parser fails only after the quote closes, at a line that is not wrong."""
    loader = _PlainLoader(text)
    lines = text.splitlines()
    try:
        while (token := loader.get_token()) is not None:
            if type(token) is yaml.ScalarToken and token.style in ('"', "'"):
                first, last = token.start_mark.line, token.end_mark.line
                if any(_KEY_LINE.match(line) for line in lines[first + 1 : last]):
                    return (
                        first + 1,
                        "niezamknięty cudzysłów: tekst w cudzysłowie ciągnie się przez kolejne pola",
                    )
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()
    return None


def _explain(exc: yaml.MarkedYAMLError, text: str) -> str:
    context, problem = str(exc.context or ""), str(exc.problem or "")
    if _character_at(text, exc.problem_mark) == "\t":
        return "tabulator — wcięcia i odstępy w YAML robi się spacjami"
    for in_context, in_problem, polish in _SYNTAX_MESSAGES:
        if (not in_context or context.startswith(in_context)) and in_problem in problem:
            return polish
    return "zapis, którego nie da się odczytać w tym miejscu"


def _convert(
    loader: _PlainLoader, node: yaml.Node, path: Path_, lines: dict[Path_, int], seen: set[int]
) -> Any:
    line = node.start_mark.line + 1
    lines[path] = line
    if id(node) in seen:
        raise YamlError(line, "aliasy YAML (*nazwa) nie są dozwolone", "wpisz wartość wprost", path)
    seen.add(id(node))
    if node.tag.rsplit(":", 1)[-1] not in _PLAIN_TAGS or not node.tag.startswith("tag:yaml.org,2002:"):
        raise YamlError(
            line,
            f"niedozwolony znacznik YAML {node.tag!r}",
            "używaj tylko zwykłych tekstów, liczb, list i słowników",
            path,
        )
    if isinstance(node, yaml.MappingNode):
        return _convert_mapping(loader, node, path, lines, seen)
    if isinstance(node, yaml.SequenceNode):
        return [_convert(loader, item, (*path, i), lines, seen) for i, item in enumerate(node.value)]
    if path and path[-1] in TEXT_KEYS and node.tag in _NUMBER_TAGS:
        return str(node.value)  # as written: 0123 is not octal 83, and digits keep their zeros
    return loader.construct_object(node, deep=True)


_PLAIN_TAGS = {"str", "int", "float", "bool", "null", "map", "seq"}
_NUMBER_TAGS = {"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}
# Values that are codes written with digits, never numbers: a checksum of digits only, a TERYT
# code, a resolution's number. Read as written, quoted or not.
TEXT_KEYS = frozenset({"sha256", "teryt", "numer"})


def _convert_mapping(
    loader: _PlainLoader,
    node: yaml.MappingNode,
    path: Path_,
    lines: dict[Path_, int],
    seen: set[int],
) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key_line = key_node.start_mark.line + 1
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
            raise YamlError(key_line, "klucz musi być zwykłym tekstem", "np. „nazwa: …”", path)
        key = str(key_node.value)
        if key in result:
            raise YamlError(
                key_line,
                f"klucz „{key}” występuje dwa razy",
                "usuń lub połącz powtórzony klucz",
                (*path, key),
            )
        result[key] = _convert(loader, value_node, (*path, key), lines, seen)
        lines[(*path, key)] = key_line
    return result
