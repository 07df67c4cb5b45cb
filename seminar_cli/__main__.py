"""`python -m seminar_cli` runs the `seminar` command."""

from .cli.entry import script

script()
