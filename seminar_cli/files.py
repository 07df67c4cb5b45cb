"""Exact reads (no newline translation) and atomic writes that keep the file's mode."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from typing import BinaryIO

from .errors import PageWriteError, UnreadablePageError


def read_text(path: str) -> str:
    """The file's text, decoded as UTF-8 exactly as stored (BOM and CRLF kept)."""
    try:
        with open(path, "rb") as stream:
            data = stream.read()
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
    a page or folder without write permission is refused rather than replaced (for root too).
    """
    target = os.path.realpath(path)
    folder = os.path.dirname(target) or "."
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        mode = 0o644
    else:
        if not mode & 0o222 or not os.access(target, os.W_OK):
            raise PageWriteError("is read-only; nothing was written", path=path)
    if not stat.S_IMODE(os.stat(folder).st_mode) & 0o222 or not os.access(folder, os.W_OK):
        raise PageWriteError("is in a read-only folder; nothing was written", path=path)
    import tempfile  # only when writing: lint and show never pay for it

    data = text.encode("utf-8")
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{os.path.basename(target)}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise PageWriteError(f"cannot write in its folder ({error.strerror}); nothing was written", path=path) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            _write(stream, data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, mode)
        os.replace(temp, target)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise
    _sync_folder(folder)


def _write(stream: BinaryIO, data: bytes) -> None:
    """Write `data`; SEMINAR_WRITE_DELAY (seconds) slows it down so tests can kill a write midway."""
    delay = float(os.environ.get("SEMINAR_WRITE_DELAY", "0") or 0)
    if not delay:
        stream.write(data)
        return
    import time

    half = len(data) // 2
    stream.write(data[:half])
    stream.flush()
    time.sleep(delay)
    stream.write(data[half:])


@contextmanager
def locked(path: str) -> Iterator[None]:
    """Hold an exclusive lock on the page while it is read, edited and replaced.

    The lock is taken on the file itself (no lock file is left behind). A replaced page
    is a new file, so after waiting for the lock the path is opened again until the
    locked file is the one the path names. Where locking is not available, edits still
    refuse to write over a page that changed since it was read.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        yield
        return
    while True:
        try:
            handle = os.open(path, os.O_RDONLY)
        except OSError:
            yield  # reading will report the problem
            return
        try:
            fcntl.flock(handle, fcntl.LOCK_EX)
            if os.fstat(handle).st_ino == os.stat(path).st_ino:
                break
        except OSError:
            pass
        os.close(handle)
    try:
        yield
    finally:
        os.close(handle)


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
