"""``--help`` as the README writes the commands: ``talkclaims extract [OPTIONS] PATH...``.

Recent Typer versions label each parameter with its Python type: a required argument as
``{paths}`` in the usage line and ``<list[str]>`` beside it, every flag (``--dask``,
``--help``) as ``<bool>`` although it takes no value. The command and group classes here
show an argument by its metavar (``PATH...``, else its name in capitals) with no type,
and a flag with nothing after it; options that take a value name it by their metavar
(``--patterns DIR``), given where they are declared. Nothing here changes what is parsed.
"""

from __future__ import annotations

from typing import Any

from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption


class _Argument(TyperArgument):
    """An argument shown as ``PATH...`` (repeatable) or ``FILE``, without a type label."""

    @property
    def display_name_raw(self) -> str:
        name = self.metavar or (self.name or "").upper()
        return f"{name}..." if self.nargs != 1 else name

    def display_type_rich(self, ctx: Any) -> str | None:
        return None

    def get_usage_pieces(self, ctx: Any) -> list[str]:
        return [self.display_name_raw if self.required else f"[{self.display_name_raw}]"]


def _present(param: object) -> None:
    """Label ``param`` for help once: an argument by name, a flag with no value."""
    if isinstance(param, TyperArgument) and not isinstance(param, _Argument):
        if param.metavar is None:
            param.metavar = (param.name or "").upper()
        param.__class__ = _Argument
    elif isinstance(param, TyperOption) and param.is_flag and param.metavar is None:
        param.metavar = ""  # a flag takes no value: no « <bool> »


class Command(TyperCommand):
    """A command whose help names its parameters as the README does."""

    def get_params(self, ctx: Any) -> list[Any]:
        params = super().get_params(ctx)
        for param in params:
            _present(param)
        return params


class Group(TyperGroup):
    """The ``talkclaims`` group, with the same help (``--version``, ``--help``)."""

    def get_params(self, ctx: Any) -> list[Any]:
        params = super().get_params(ctx)
        for param in params:
            _present(param)
        return params
