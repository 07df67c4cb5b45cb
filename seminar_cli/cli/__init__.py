"""The command line: typer, rich, the clock, stdin, prompts and exit codes live here and nowhere else."""
