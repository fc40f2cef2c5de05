"""MkDocs hook: the option tables of the command pages, built from the Typer app itself.

A page holds a marker such as ``<!-- talkclaims-options: extract -->``, alone on its line;
the hook replaces it with a Markdown table of that command's parameters (names, value,
default, help), read from ``typer.main.get_command(app)``, the same objects ``--help``
prints. So the tables cannot drift from ``--help``: a new option appears on its page at
the next build, and a marker naming no command stops the build.
"""

from __future__ import annotations

import enum
import re
from typing import Any

MARKER = re.compile(r"^<!--\s*talkclaims-options:\s*([\w-]+)\s*-->[ \t]*$", re.M)  # alone on a line


def commands() -> dict[str, Any]:
    """The click commands of the talkclaims app, by name, in the order --help lists them."""
    import typer

    from talkclaims.cli.root import app

    return dict(typer.main.get_command(app).commands)


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return " ".join(text.split()).replace("|", "\\|").replace("*", "\\*")


def _code(text: str) -> str:
    return f"`{text}`"


def _names(param: Any) -> str:
    if param.param_type_name == "argument":
        name = param.metavar or param.name.upper()
        return _code(f"{name}..." if param.nargs != 1 else name)
    names = [_code(n) for n in (*param.opts, *param.secondary_opts)]
    return ", ".join(names)


def _value(param: Any) -> str:
    """What the parameter takes: its choices, a flag, or its value's name and bounds."""
    annotation = param.type_descriptor.annotation
    if param.param_type_name == "argument":
        return "argument"
    if param.is_flag:
        return "flag"
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return " | ".join(_code(str(member.value)) for member in annotation)
    label = param.metavar or param.name.upper()
    bounds = []
    if getattr(param, "min", None) is not None:
        bounds.append(f"≥ {param.min}")
    if getattr(param, "max", None) is not None:
        bounds.append(f"≤ {param.max}")
    return _code(label) + (f" ({', '.join(bounds)})" if bounds else "")


def _default(param: Any) -> str:
    """The default as --help would give it; one that depends on the machine (the help
    says « default: … » itself) or that is no value at all is left to the help text."""
    if param.param_type_name == "argument":
        return "required" if param.required else ""
    help_text = param.help or ""
    default = param.default
    if "default" in help_text.lower() or default is None or default == "" or default == []:
        return ""
    if param.is_flag:
        if param.secondary_opts:  # --first-names/--no-first-names
            return _code(param.opts[0] if default else param.secondary_opts[0])
        return ""  # a plain flag is off unless given
    if isinstance(default, enum.Enum):
        default = default.value
    return _code(str(default))


def options_table(name: str) -> str:
    """The Markdown table of the parameters of ``talkclaims NAME``."""
    found = commands()
    if name not in found:
        raise KeyError(f"no talkclaims command {name!r} (commands: {', '.join(found)})")
    rows = ["| parameter | takes | default | what it does |", "|---|---|---|---|"]
    for param in found[name].params:
        if getattr(param, "hidden", False):
            continue
        rows.append(
            "| "
            + " | ".join(
                _cell(part)
                for part in (_names(param), _value(param), _default(param), param.help or "")
            )
            + " |"
        )
    rows.append("| `--help` | flag | | Show the help and exit. |")
    return "\n".join(rows)


def on_page_markdown(markdown: str, **kwargs: Any) -> str:
    """MkDocs event: replace every options marker of a page with its table."""
    return MARKER.sub(lambda match: options_table(match.group(1)), markdown)
