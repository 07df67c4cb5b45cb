"""How `--help` reads: each paragraph of a command's docstring flows (the terminal wraps it), text in brackets
shows as typed (`[slides](…)` is not rich markup), and `--help` itself, a flag, shows no value type.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

from ..patterns import compiled

_RICH_TAG = compiled(r"(\\*)(\[[a-z#/@][^[]*?])")  # what rich would read as a markup tag


def flowing(doc: str | None) -> str:
    """A docstring's paragraphs, each joined into one line for the terminal to wrap; markup escaped.

    A paragraph whose later lines are indented (a list of examples) keeps its lines.
    """
    paragraphs = inspect.cleandoc(doc or "").split("\n\n")
    return "\n\n".join(_escaped(_joined(paragraph)) for paragraph in paragraphs)


def _joined(paragraph: str) -> str:
    lines = paragraph.splitlines()
    if any(line[:1].isspace() for line in lines[1:]):
        return paragraph
    return " ".join(line.strip() for line in lines)


def _escaped(text: str) -> str:
    return _RICH_TAG.sub(lambda match: f"{match.group(1)}{match.group(1)}\\{match.group(2)}", text)


def _without_value_type(option: Any) -> Any:
    if option is not None:
        option.metavar = ""
    return option


class Command(TyperCommand):
    """A command whose `--help` shows no value type, as every other flag."""

    def get_help_option(self, ctx: Any) -> Any:
        """The help option, shown as the flag it is."""
        return _without_value_type(super().get_help_option(ctx))


class Group(TyperGroup):
    """The `seminar` group, whose `--help` shows no value type."""

    def get_help_option(self, ctx: Any) -> Any:
        """The help option, shown as the flag it is."""
        return _without_value_type(super().get_help_option(ctx))


def command(app: typer.Typer, name: str, function: Callable[..., Any]) -> None:
    """Register `function` as the command `name`, with its docstring as flowing help."""
    app.command(name, help=flowing(function.__doc__), cls=Command)(function)
