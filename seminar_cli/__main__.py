"""`python -m seminar_cli` runs the `seminar` command."""

from .cli import main

main()
