"""Typed errors carrying a path and a source position, turned into exit codes by the CLI."""

from __future__ import annotations


class SeminarError(Exception):
    """Base of every error the tool reports to a user (never a traceback).

    Printed as `path:line:col: option: message: found ...; expected ...`, each part as far as it is known
    (`option` names the command-line option whose value is wrong, e.g. `--date`).
    """

    exit_code = 2

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
        found: str | None = None,
        expected: str | None = None,
        source_line: str | None = None,
        option: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.option = option
        self.path = path
        self.line = line
        self.column = column
        self.found = found
        self.expected = expected
        self.source_line = source_line

    def with_path(self, path: str | None) -> SeminarError:
        """Fill in the path when the error was raised below the layer that knows it."""
        if self.path is None:
            self.path = path
        return self

    @property
    def where(self) -> str:
        """`path:line:col`, as far as it is known (empty when nothing is)."""
        if self.path is None and self.line is None:
            return ""
        parts = [self.path or "<page>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def __str__(self) -> str:
        text = ": ".join(part for part in (self.where, self.option, self.message) if part)
        if self.found is not None:
            text += f": found {self.found}"
        if self.expected is not None:
            text += ("; " if self.found is not None else ": ") + f"expected {self.expected}"
        return text


class UnreadablePageError(SeminarError):
    """The file cannot be read as text: missing, a directory, binary, or not UTF-8."""


class NotASeminarPageError(SeminarError):
    """The text has no section a seminar page has (Next, Upcoming, Schedule, Past)."""


class PageSyntaxError(SeminarError):
    """A part of the page that an operation needs could not be read."""


class UsageError(SeminarError):
    """The command line asks for something impossible or incomplete."""


class ConfigError(UsageError):
    """The configuration file cannot be read or holds a value the tool cannot use."""


class SelectorError(UsageError):
    """A talk selector matched no talk or several talks."""


class PageWriteError(SeminarError):
    """A file could not be written; the old file is still there, whole."""


class WriteRefusedError(SeminarError):
    """The rendered page would not mean what the edit intended, so nothing was written."""


class Interrupted(BaseException):
    """A signal (Ctrl-C, `kill`, a closed terminal) stopped the command; a file being written was left whole.

    Like `KeyboardInterrupt` it is no `Exception`: nothing that handles errors swallows it on its way out.
    """

    def __init__(self, signum: int, path: str | None = None, *, written: bool = False) -> None:
        if path is None:
            message = "interrupted; nothing was written"
        else:
            message = f"interrupted; {path} {'was written in full' if written else 'unchanged'}"
        super().__init__(message)
        self.message = message
        self.signum = signum
        self.path = path
        self.written = written
        self.exit_code = 128 + signum  # 130 for Ctrl-C, 143 for `kill`, 129 for a closed terminal

    def at(self, path: str) -> Interrupted:
        """The same interruption, saying which file it left alone (or finished writing)."""
        return self if self.path is not None else Interrupted(self.signum, path)


class InternalError(SeminarError):
    """A bug: the tool broke one of its own invariants; the page was left alone."""
