"""The layers of the package: pure modules load no model, and no import points up.

Layers, lowest first (a module may import its own layer or a lower one):

0. ``talkclaims`` (the package), ``talkclaims.records``, ``talkclaims.text``: plain
   values and text.
1. ``talkclaims.lang``: the rule data and the lookups built on it; ``talkclaims.corpus``:
   quotations grouped across articles (pure functions over records and names).
2. ``talkclaims.read``: documents in.
3. ``talkclaims.pipeline``: the spaCy model (parse).
4. ``talkclaims.rules``: the rule engine and its spaCy component.
5. ``talkclaims.run``: extraction over many documents.
6. ``talkclaims.qa``: scoring and checks.
7. ``talkclaims.write``: records out (formats, views, the report).
8. ``talkclaims.cli`` and ``talkclaims.__main__``: the command line.

Imports are read with `ast` from every module under ``src/talkclaims``, including those
inside functions and under ``TYPE_CHECKING``: a type-only import still ties the layers.
"""

from __future__ import annotations

import ast
import functools
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "talkclaims"

LAYERS: dict[str, int] = {
    "talkclaims": 0,
    "talkclaims.records": 0,
    "talkclaims.text": 0,
    "talkclaims.lang": 1,
    "talkclaims.corpus": 1,
    "talkclaims.read": 2,
    "talkclaims.pipeline": 3,
    "talkclaims.rules": 4,
    "talkclaims.run": 5,
    "talkclaims.qa": 6,
    "talkclaims.write": 7,
    "talkclaims.cli": 8,
    "talkclaims.__main__": 8,
}


#: Modules that must import without spaCy (beyond every module of text and lang).
PURE_MODULES = (
    "talkclaims",
    "talkclaims.records",
    "talkclaims.rules.families",
    "talkclaims.rules.settle",
    "talkclaims.rules.candidates",
    "talkclaims.corpus.wording",
    "talkclaims.corpus.align",
    "talkclaims.corpus.index",
    "talkclaims.corpus.speakers",
    "talkclaims.corpus.groups",
)


class Arrow(NamedTuple):
    """One import: which module, where, what it imports."""

    importer: str
    path: Path
    line: int
    imported: str


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def layer(module: str) -> int | None:
    """The layer of a module: its longest prefix in `LAYERS`."""
    parts = module.split(".")
    for n in range(len(parts), 0, -1):
        prefix = ".".join(parts[:n])
        if prefix in LAYERS:
            return LAYERS[prefix]
    return None


def _resolve_from(path: Path, importer: str, node: ast.ImportFrom) -> list[str]:
    """The talkclaims modules a ``from … import …`` names (relative ones resolved)."""
    if node.level:
        package = importer.split(".")
        if path.name != "__init__.py":
            package = package[:-1]
        package = package[: len(package) - (node.level - 1)]
        base = ".".join([*package, *([node.module] if node.module else [])])
    else:
        base = node.module or ""
    if base != "talkclaims" and not base.startswith("talkclaims."):
        return []
    found = []
    for alias in node.names:
        # « from talkclaims import records » imports the module talkclaims.records
        candidate = f"{base}.{alias.name}"
        as_module = SRC.joinpath(*candidate.split("."))
        if as_module.with_suffix(".py").exists() or (as_module / "__init__.py").exists():
            found.append(candidate)
        else:
            found.append(base)
    return list(dict.fromkeys(found))


def _dynamic(node: ast.Call) -> str | None:
    """``importlib.import_module("talkclaims.x…")`` or an f-string starting so."""
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
    if name != "import_module" or not node.args:
        return None
    arg = node.args[0]
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        text = arg.value
    elif isinstance(arg, ast.JoinedStr) and arg.values and isinstance(arg.values[0], ast.Constant):
        text = str(arg.values[0].value).rsplit(".", 1)[0]
    else:
        return None
    return text if text.startswith("talkclaims") else None


@functools.cache
def arrows() -> tuple[Arrow, ...]:
    """Every talkclaims import of every module of the package."""
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        importer = module_name(path)
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names if a.name.split(".")[0] == "talkclaims"]
            elif isinstance(node, ast.ImportFrom):
                names = _resolve_from(path, importer, node)
            elif isinstance(node, ast.Call):
                names = [n for n in [_dynamic(node)] if n]
            else:
                continue
            out.extend(Arrow(importer, path, node.lineno, name) for name in names)
    return tuple(out)


def upward(found: tuple[Arrow, ...]) -> list[Arrow]:
    return [a for a in found if (layer(a.imported) or 0) > (layer(a.importer) or 0)]


# --- the parser itself ------------------------------------------------------------------


def test_every_module_has_a_layer() -> None:
    modules = [module_name(p) for p in PACKAGE.rglob("*.py")]
    assert len(modules) > 30
    assert [m for m in modules if layer(m) is None] == []


def test_imports_are_found_at_every_depth() -> None:
    found = {(a.importer, a.imported) for a in arrows()}
    # module level
    assert ("talkclaims.lang.people", "talkclaims.text.fold") in found
    # inside a function
    assert ("talkclaims.pipeline.nlp", "talkclaims.text.sentences") in found
    # under TYPE_CHECKING
    assert ("talkclaims.rules.candidates", "talkclaims.rules.context") in found
    # importlib with an f-string
    assert ("talkclaims.rules.engine", "talkclaims.rules.proposers") in found


def test_layer_of_names() -> None:
    assert layer("talkclaims") == 0
    assert layer("talkclaims.text.spans") == 0
    assert layer("talkclaims.lang.patterns") == 1
    assert layer("talkclaims.read.readers") == 2
    assert layer("talkclaims.rules.proposers.cue_frames") == 4
    assert layer("talkclaims.write.report") == 7
    assert layer("talkclaims.cli.root") == 8


# --- the layers ----------------------------------------------------------------------------


def test_no_import_points_up_the_layers() -> None:
    offending = [
        f"{a.path.relative_to(SRC.parent)}:{a.line}: {a.importer} (layer {layer(a.importer)}) "
        f"imports {a.imported} (layer {layer(a.imported)})"
        for a in upward(arrows())
    ]
    assert offending == []


# --- pure modules load no model ------------------------------------------------------------


def _pure_modules() -> list[str]:
    names = [
        module_name(p) for sub in ("text", "lang") for p in sorted((PACKAGE / sub).glob("*.py"))
    ]
    return [*names, *PURE_MODULES]


def test_pure_modules_are_found() -> None:
    names = _pure_modules()
    for expected in (
        "talkclaims.text.spans",
        "talkclaims.text.fold",
        "talkclaims.text.sentences",
        "talkclaims.text.quotes",
        "talkclaims.lang.patterns",
        "talkclaims.lang.grammar",
        "talkclaims.lang.outlets",
        "talkclaims.lang.people",
    ):
        assert expected in names


def test_pure_modules_import_without_spacy() -> None:
    names = _pure_modules()
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "from talkclaims.lang.patterns import shipped_patterns\n"
        "from talkclaims.lang.outlets import OutletFinder\n"
        "from talkclaims.lang.people import SpeakerIndex\n"
        "patterns = shipped_patterns()\n"
        "OutletFinder(patterns); SpeakerIndex(patterns)\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc'))\n"
        "print(repr(heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
