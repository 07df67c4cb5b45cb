"""Exact reads (no newline translation) and atomic writes that keep the file's mode."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from .errors import SeminarError, UnreadablePageError


class PageWriteError(SeminarError):
    """The page could not be written; the old page is still there, whole."""


def read_text(path: str) -> str:
    """The file's text, decoded as UTF-8 exactly as stored (BOM and CRLF kept)."""
    target = Path(path)
    try:
        data = target.read_bytes()
    except FileNotFoundError:
        raise UnreadablePageError("no such file", path=path, expected="the path of a markdown page") from None
    except IsADirectoryError:
        raise UnreadablePageError("is a directory", path=path, expected="the path of a markdown page") from None
    except PermissionError:
        raise UnreadablePageError("cannot be read: permission denied", path=path) from None
    except OSError as error:
        raise UnreadablePageError(f"cannot be read: {error.strerror}", path=path) from None
    if b"\x00" in data:
        line, column = _position(data, data.index(b"\x00"))
        raise UnreadablePageError(
            "is a binary file, not a markdown page", path=path, line=line, column=column, found="a NUL byte"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _position(data, error.start)
        raise UnreadablePageError(
            "is not UTF-8 text",
            path=path,
            line=line,
            column=column,
            found=f"byte 0x{data[error.start]:02x}",
            expected="a UTF-8 encoded markdown file",
        ) from None


def _position(data: bytes, offset: int) -> tuple[int, int]:
    line_start = data.rfind(b"\n", 0, offset) + 1
    return data.count(b"\n", 0, offset) + 1, offset - line_start + 1


def write_atomic(path: str, text: str) -> None:
    """Replace the file with `text` all at once: temp file beside it, fsync, `os.replace`.

    A symlink is followed so the link stays a link; the file's permission bits are kept;
    a read-only page is refused rather than replaced.
    """
    target = os.path.realpath(path)
    folder = os.path.dirname(target) or "."
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        mode = 0o644
    if os.path.exists(target) and not os.access(target, os.W_OK):
        raise PageWriteError("is read-only; nothing was written", path=path)
    data = text.encode("utf-8")
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{os.path.basename(target)}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise PageWriteError(f"cannot write in its folder ({error.strerror}); nothing was written", path=path) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, mode)
        os.replace(temp, target)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise
    _sync_folder(folder)


def _sync_folder(folder: str) -> None:
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)
