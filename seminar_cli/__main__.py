"""`python -m seminar_cli` runs the `seminar` command."""

from .cli.entry import main

main()
