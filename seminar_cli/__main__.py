"""`python -m seminar_cli` runs the `seminar` command."""

from .entry import main

main()
