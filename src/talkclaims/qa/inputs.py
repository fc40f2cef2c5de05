"""The data files `check` and `evaluate` are given: baselines, expectations, gold.

A person writes or edits these files, and a CI job reads them, so anything may be in
them: a value of the wrong type, a number of 5,000 digits, lists nested thousands deep.
Each problem is a `DataFileError` whose message is ``FILE:LINE: problem`` (the CLI's one
line, exit 2), never a traceback that a build would read as a failed check. The readers
here keep the line of every list and mapping they build, so that the checks of each
field, made by the callers, can say where the bad value is.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from talkclaims.read.jsonline import DECODER, JsonLineError, parse_json_line

#: How deep lists and mappings may nest. A claim, an expectation or a gold file needs
#: four levels; past this the file is not one of them (or it is an attack: Python's
#: parsers recurse, and a file nested thousands deep exhausts their stack).
MAX_DEPTH = 32


class DataFileError(ValueError):
    """A data file that cannot be used: ``FILE:LINE: problem`` (``FILE: problem`` when
    the problem has no line)."""

    def __init__(self, path: Path | str, line: int | None, problem: str) -> None:
        self.path, self.line, self.problem = str(path), line, problem
        super().__init__(f"{self.where}: {problem}")

    @property
    def where(self) -> str:
        """``FILE:LINE``, or ``FILE`` alone."""
        return f"{self.path}:{self.line}" if self.line else self.path


def read_text(path: Path) -> str:
    """The file as UTF-8 text, or a `DataFileError` saying why it cannot be read."""
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise DataFileError(path, None, f"cannot read: not UTF-8 text (byte {exc.start})") from exc
    except OSError as exc:
        raise DataFileError(path, None, f"cannot read: {exc.strerror or exc}") from exc


def _number_problem(exc: ValueError) -> str:
    """A value YAML or JSON could not build, said in a line: Python refuses to turn a
    string of over 4,300 digits into a number (its defence against slow conversions)."""
    first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if "digits" in first and "integer" in first:
        return "a number too long to read (over 4,300 digits)"
    return f"invalid value: {first[:200]}"


class _Loader(yaml.SafeLoader):
    """PyYAML's safe loader that refuses nesting past `MAX_DEPTH` before its recursive
    composer meets it, and notes the line of every list and mapping it builds."""

    def __init__(self, text: str, path: Path) -> None:
        super().__init__(text)
        self.path = path
        self.depth = 0
        self.lines: dict[int, int] = {}
        self.item_lines: dict[int, list[int]] = {}
        self.key_lines: dict[int, dict[str, int]] = {}
        self.root: yaml.Node | None = None

    def construct_document(self, node: yaml.Node) -> Any:
        self.root = node
        return super().construct_document(node)

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node:
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                line = self.peek_event().start_mark.line + 1
                raise DataFileError(self.path, line, f"nested too deep (over {MAX_DEPTH} levels)")
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            value = super().construct_object(node, deep=deep)
        except DataFileError:
            raise
        except ValueError as exc:  # a number of 5,000 digits, a date that is not one
            raise DataFileError(self.path, node.start_mark.line + 1, _number_problem(exc)) from exc
        if isinstance(value, (list, dict)) and id(value) not in self.lines:
            self.lines[id(value)] = node.start_mark.line + 1
            if isinstance(node, yaml.SequenceNode):
                self.item_lines[id(value)] = [child.start_mark.line + 1 for child in node.value]
            elif node is self.root and isinstance(node, yaml.MappingNode):
                # the keys of the top level (a gold file's « doc: »), not of every claim
                self.key_lines[id(value)] = {
                    key.value: key.start_mark.line + 1
                    for key, _ in node.value
                    if isinstance(key, yaml.ScalarNode)
                }
        return value


class YamlData:
    """A YAML file read whole, with the line where each of its lists and mappings starts.

    ``value`` is what ``yaml.safe_load`` would give; ``line_of(item)`` the 1-based line
    of a list or mapping within it (``default`` for anything else).
    """

    def __init__(self, path: Path, text: str | None = None) -> None:
        self.path = path
        text = read_text(path) if text is None else text
        loader = _Loader(text, path)
        try:
            self.value = loader.get_single_data()
        except yaml.YAMLError as exc:
            # where the broken construct starts (« - [oops »), else where parsing failed
            mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
            problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            line = mark.line + 1 if mark is not None else None
            raise DataFileError(path, line, f"invalid YAML: {problem}") from exc
        except RecursionError as exc:  # a structure too deep for Python, whatever its shape
            raise DataFileError(path, None, "nested too deep") from exc
        finally:
            loader.dispose()
        self._lines = loader.lines
        self._item_lines = loader.item_lines
        self._key_lines = loader.key_lines

    def line_of(self, item: object, default: int = 1) -> int:
        """The line where the list or mapping ``item`` starts; ``default`` for others."""
        return self._lines.get(id(item), default) if isinstance(item, (list, dict)) else default

    def key_line(self, mapping: dict[str, Any], key: str) -> int:
        """The line of ``key`` in the top-level mapping of this file (where the mapping
        starts for another mapping, or a key that is not there)."""
        return self._key_lines.get(id(mapping), {}).get(key) or self.line_of(mapping)

    def items(self, sequence: list[Any]) -> list[tuple[int, Any]]:
        """The items of a list of this file, each with the line where it starts."""
        lines = self._item_lines.get(id(sequence)) or []
        start = self.line_of(sequence)
        return [(lines[n] if n < len(lines) else start, item) for n, item in enumerate(sequence)]


def json_array(path: Path, text: str) -> Iterator[tuple[int, Any]]:
    """The items of a JSON array, each with the line where it starts (``extract -f json``
    writes one per line, but any layout reads). Read item by item, so that an error
    names the line of its item."""
    decoder = DECODER  # refuses NaN, Infinity and numbers past range, as dumps are read
    pos, line = 0, 1

    def skip(to: int) -> None:
        """Move to ``to``, then past white space, counting lines."""
        nonlocal pos, line
        while to < len(text) and text[to] in " \t\r\n":
            to += 1
        line += text.count("\n", pos, to)
        pos = to

    def fail(problem: str) -> DataFileError:
        return DataFileError(path, line, problem)

    skip(0)
    if not text.startswith("[", pos):
        raise fail("expected a JSON list of claims")
    skip(pos + 1)
    closed = text.startswith("]", pos)
    while not closed:
        try:
            value, end = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            raise DataFileError(path, exc.lineno, f"invalid JSON: {exc.msg}") from exc
        except RecursionError as exc:
            raise fail("nested too deep") from exc
        except JsonLineError as exc:
            raise fail(str(exc)) from exc
        except ValueError as exc:
            raise fail(_number_problem(exc)) from exc
        yield line, value
        skip(end)
        if text.startswith(",", pos):
            skip(pos + 1)
        elif text.startswith("]", pos):
            closed = True
        else:
            raise fail("invalid JSON: expected ',' or ']' after an item")
    skip(pos + 1)
    if pos < len(text):
        raise fail("invalid JSON: text after the list")


def json_lines(path: Path, text: str, first: int = 1) -> Iterator[tuple[int, Any]]:
    """The values of a JSON Lines file, each with its line (blank lines skipped);
    ``text`` starts at line ``first``."""
    for number, line in enumerate(text.split("\n"), first):
        if not line.strip():
            continue
        try:
            value, _ = parse_json_line(line)  # the parser of dumps (talkclaims.read.jsonline)
        except JsonLineError as exc:
            raise DataFileError(path, number, str(exc)) from None
        yield number, value


def json_lines_file(path: Path) -> Iterator[tuple[int, Any]]:
    """`json_lines` of a file read a line at a time: a file of millions of records is
    never held whole."""
    number = 0
    try:
        with path.open(encoding="utf-8", newline="\n") as stream:
            for number, line in enumerate(stream, 1):
                if line.strip():
                    yield from json_lines(path, line, number)
    except UnicodeDecodeError as exc:
        problem = f"cannot read: not UTF-8 text ({exc.reason})"
        raise DataFileError(path, number + 1, problem) from exc
    except OSError as exc:
        raise DataFileError(path, None, f"cannot read: {exc.strerror or exc}") from exc


#: What a Parquet file starts with (and ends with).
PARQUET_MAGIC = b"PAR1"


def is_parquet(path: Path) -> bool:
    """Whether ``path`` holds Parquet (by its first bytes, whatever its suffix)."""
    try:
        with path.open("rb") as stream:
            return stream.read(4) == PARQUET_MAGIC
    except OSError as exc:
        raise DataFileError(path, None, f"cannot read: {exc.strerror or exc}") from exc


def parquet_rows(path: Path, batch_rows: int = 10_000) -> Iterator[tuple[int, dict[str, Any]]]:
    """The rows of a Parquet file as dicts (as ``extract -f parquet`` writes claims), each
    with its number from 1, read a batch at a time. pyarrow is the ``parquet`` extra:
    without it, one line says how to install it."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise DataFileError(
            path, None, "a Parquet baseline needs pyarrow: pip install 'talkclaims[parquet]'"
        ) from None
    import pyarrow as pa

    try:
        batches = pq.ParquetFile(path).iter_batches(batch_size=batch_rows)
        row = 0
        while (batch := next(batches, None)) is not None:
            for record in batch.to_pylist():
                row += 1
                yield row, record
    except (pa.ArrowException, OSError) as exc:
        problem = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise DataFileError(path, None, f"cannot read as Parquet: {problem}") from exc
