"""Exact, bounded reads and atomic, locked writes that keep a file's mode and owner; what an output may replace.

Only regular files under the size limit are read. A file is replaced by renaming a temporary
file (`.NAME.seminar-XXXXXXXX.tmp`) over it, so it is always the old text or the new one.
"""

from __future__ import annotations

import os
import stat

from .errors import Interrupted, PageWriteError, SeminarError, UnreadablePageError, UsageError, WriteRefusedError
from .model import PAGE_SIZE_LIMIT, Frozen, frozen

TYPE_CHECKING = False
if TYPE_CHECKING:
    from types import TracebackType
    from typing import BinaryIO

_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # opening a FIFO never waits for a writer
_TEMP = ".seminar-"  # what marks this tool's temporary files: `.NAME.seminar-XXXXXXXX.tmp`
_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


@frozen
class Stamp(Frozen):
    """Which file was read (device, inode), how long it was and when it was last modified."""

    device: int
    inode: int
    size: int
    mtime_ns: int


def _stamp(info: os.stat_result) -> Stamp:
    return Stamp(info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)


def read_text(path: str, limit: int = PAGE_SIZE_LIMIT) -> str:
    """The file's text, decoded as UTF-8 exactly as stored (BOM and CRLF kept)."""
    return read_stamped(path, limit)[0]


def read_stamped(path: str, limit: int = PAGE_SIZE_LIMIT) -> tuple[str, Stamp]:
    """The file's exact text and the stamp of the file it was read from (to tell later whether it changed)."""
    data, info = _read_bytes(path, limit)
    return _decode(data, path), _stamp(info)


def _read_bytes(path: str, limit: int) -> tuple[bytes, os.stat_result]:
    _check_readable(_stat(path), path, limit)
    try:
        handle = os.open(path, os.O_RDONLY | _NONBLOCK)
    except OSError as error:
        raise _unreadable(error, path) from None
    with os.fdopen(handle, "rb") as stream:
        info = os.fstat(stream.fileno())
        _check_readable(info, path, limit)  # the path may name another file by now
        try:
            data = stream.read(limit + 1)
        except OSError as error:
            raise _unreadable(error, path) from None
    if len(data) > limit:
        raise _too_big(len(data), limit, path)
    return data, info


def _stat(path: str) -> os.stat_result:
    try:
        return os.stat(path)
    except OSError as error:
        raise _unreadable(error, path) from None


def _unreadable(error: OSError, path: str) -> UnreadablePageError:
    if isinstance(error, FileNotFoundError | NotADirectoryError):
        return UnreadablePageError("no such file", path=path, expected="the path of a markdown page")
    if isinstance(error, PermissionError):
        return UnreadablePageError("cannot be read: permission denied", path=path)
    return UnreadablePageError(f"cannot be read: {error.strerror or error}", path=path)


def kind_of(mode: int) -> str | None:
    """What a file that is not a regular file is (`a directory`, `a named pipe (FIFO)`...); None for a file."""
    return next((kind for test, kind in _KINDS if test(mode)), None if stat.S_ISREG(mode) else "not a regular file")


def _check_readable(info: os.stat_result, path: str, limit: int) -> None:
    kind = kind_of(info.st_mode)
    if kind == "a directory":
        raise UnreadablePageError("is a directory", path=path, expected="the path of a markdown page")
    if kind is not None:
        raise UnreadablePageError(f"is {kind}, not a file", path=path, expected="the path of a markdown page")
    if info.st_size > limit:
        raise _too_big(info.st_size, limit, path)


def _too_big(size: int, limit: int, path: str) -> UnreadablePageError:
    return UnreadablePageError(
        f"is {size_text(size)}, more than the size limit of {size_text(limit)}",
        path=path,
        expected="a smaller page, or a higher `max-page-size` under [tool.seminar]",
    )


def size_text(size: int) -> str:
    """A number of bytes as people write it: `64 MiB`, `1.5 KiB`, `12 bytes`."""
    for unit, factor in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if size >= factor:
            return f"{size / factor:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size} bytes"


def _decode(data: bytes, path: str) -> str:
    if b"\x00" in data:
        line, column = _position(data, data.index(b"\x00"))
        raise UnreadablePageError(
            "is a binary file, not a markdown page", path=path, line=line, column=column, found="a NUL byte"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _position(data, error.start)
        found, expected = f"byte 0x{data[error.start]:02x}", "a UTF-8 encoded markdown file"
        raise UnreadablePageError(
            "is not UTF-8 text", path=path, line=line, column=column, found=found, expected=expected
        ) from None


def _position(data: bytes, offset: int) -> tuple[int, int]:
    line_start = data.rfind(b"\n", 0, offset) + 1
    return data.count(b"\n", 0, offset) + 1, offset - line_start + 1


def check_output(path: str, *, force: bool) -> None:
    """Refuse an output that would not be a new regular file (or, with `force`, a regular file replaced)."""
    if os.path.islink(path) and not os.path.exists(path):
        raise UsageError("is a broken symbolic link", path=path, expected="a file path, or - for standard output")
    try:
        info = os.stat(path)
    except FileNotFoundError:
        if not os.path.isdir(folder := os.path.dirname(os.path.abspath(path))):
            raise UsageError(f"cannot be written: the folder {folder} does not exist", path=path) from None
        return
    except OSError as error:
        raise UsageError(f"cannot be written: {error.strerror or error}", path=path) from None
    kind = kind_of(info.st_mode)
    if kind is not None:
        what = f"is {kind}; an output only ever replaces a regular file"
        raise UsageError(what, path=path, expected="a file path, or - for standard output")
    if not force:
        raise _exists(path)


def _exists(path: str) -> UsageError:
    return UsageError("exists", path=path, expected="--force to replace it, or another -o path")


def write_output(path: str, text: str, *, force: bool) -> None:
    """Write an output (`-o`): a new regular file, or with `force` a regular file replaced; never a device or folder."""
    check_output(path, force=force)
    write_atomic(path, text, new=not force)


def write_atomic(path: str, text: str, *, unchanged: tuple[str, Stamp] | None = None, new: bool = False) -> None:
    """Replace the file with `text` all at once: a temporary file beside it, fsync, `os.replace`.

    A symlink is followed; mode, owner and group are kept; a read-only file or folder, a file
    with several hard links and anything but a regular file are refused (for root too), and so
    is a file that is no longer the `unchanged` one an edit read, or one that appeared when `new`.
    """
    target = os.path.realpath(path)
    folder = os.path.dirname(target) or "."
    info = _replaceable(target, path)
    _check_folder(folder, path)
    temp = ""
    try:
        with _signals_held(path, written=False):  # a signal never leaves a temporary file it has no name for
            handle, temp = _temp_file(target, folder, path)
        _fill(handle, temp, text.encode("utf-8"), info)
        if unchanged is not None:
            _check_unchanged(target, path, *unchanged)
        with _signals_held(path):
            _put_in_place(temp, target, path, new)
    except BaseException as error:
        if temp:
            _remove(temp)
        raise _write_error(error, path) from None
    _sync_folder(folder)


def _put_in_place(temp: str, target: str, path: str, new: bool) -> None:
    """Rename the temporary file over the target; with `new`, link it there only if no file has appeared meanwhile."""
    if not new:
        os.replace(temp, target)
        return
    try:
        os.link(temp, target)
    except OSError as error:  # the file appeared meanwhile, or a file system without hard links
        if isinstance(error, FileExistsError) or os.path.lexists(target):
            raise _exists(path) from None
        os.replace(temp, target)
        return
    os.unlink(temp)


def _replaceable(target: str, path: str) -> os.stat_result | None:
    """The file about to be replaced (None when there is none yet), refused unless it can be replaced safely."""
    try:
        info = os.stat(target)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise PageWriteError(f"cannot be written: {error.strerror or error}; nothing was written", path=path) from None
    kind = kind_of(info.st_mode)
    if kind is not None:
        raise PageWriteError(f"is {kind}, not a file; nothing was written", path=path)
    if info.st_nlink > 1:
        why = "replacing it would split it from its other names, writing it in place could leave it half-written"
        what = f"has {info.st_nlink} hard links: {why}; nothing was written"
        raise PageWriteError(what, path=path, expected="a page with one name (cp PAGE copy && mv copy PAGE makes one)")
    if not stat.S_IMODE(info.st_mode) & 0o222 or not os.access(target, os.W_OK):
        raise PageWriteError("is read-only; nothing was written", path=path)
    return info


def _check_folder(folder: str, path: str) -> None:
    try:
        mode = stat.S_IMODE(os.stat(folder).st_mode)
    except OSError:
        raise PageWriteError(f"cannot be written: the folder {folder} does not exist", path=path) from None
    if not mode & 0o222 or not os.access(folder, os.W_OK):
        raise PageWriteError("is in a read-only folder; nothing was written", path=path)


def _temp_prefix(target: str) -> str:
    """The start of this tool's temporary files for a file (its name cut short so the temp name stays legal)."""
    return f".{os.path.basename(target)[:120]}{_TEMP}"


def _temp_file(target: str, folder: str, path: str) -> tuple[int, str]:
    import tempfile  # only when writing: lint and show never pay for it

    try:
        return tempfile.mkstemp(prefix=_temp_prefix(target), suffix=".tmp", dir=folder)
    except OSError as error:
        raise PageWriteError(f"cannot write in its folder ({error.strerror}); nothing was written", path=path) from None


def _fill(handle: int, temp: str, data: bytes, info: os.stat_result | None) -> None:
    """Write the new text to the temporary file, on disk, with the old file's mode, owner and group."""
    with os.fdopen(handle, "wb") as stream:
        _write(stream, data)
        stream.flush()
        os.fsync(stream.fileno())
        mode = stat.S_IMODE(info.st_mode) if info else 0o644
        os.chmod(stream.fileno() if os.chmod in os.supports_fd else temp, mode)
        if info is not None:
            _keep_owner(stream.fileno(), info)


def _keep_owner(handle: int, info: os.stat_result) -> None:
    """Give the new file the old one's owner and group (root can; others keep what they may)."""
    mine = os.fstat(handle)
    if (mine.st_uid, mine.st_gid) == (info.st_uid, info.st_gid) or not hasattr(os, "fchown"):
        return
    try:
        os.fchown(handle, info.st_uid, info.st_gid)
    except PermissionError:
        from contextlib import suppress  # (on the way to a write only: reading pages never loads contextlib)

        with suppress(PermissionError):
            os.fchown(handle, -1, info.st_gid)  # a user may still give it a group they belong to


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


def _check_unchanged(target: str, path: str, text: str, stamp: Stamp) -> None:
    """Refuse when the file on disk is no longer the one the edit read (another program saved or appended)."""
    try:
        now = _stamp(os.stat(target))
        same = now == stamp and _read_bytes(target, stamp.size)[0] == text.encode("utf-8")
    except SeminarError:
        same = False
    if not same:
        raise WriteRefusedError(
            "changed on disk while it was being edited (another program saved it); the version on disk is left as "
            "it is and nothing was written",
            path=path,
            expected="the command run again on the saved page",
        )


def _write_error(error: BaseException, path: str) -> BaseException:
    """What to tell the user about a write that did not happen (the temporary file is gone already)."""
    if isinstance(error, Interrupted):
        return error.at(path)
    if isinstance(error, OSError):
        return PageWriteError(f"could not be written ({error.strerror or error}); nothing was written", path=path)
    return error


def _remove(temp: str) -> None:
    from contextlib import suppress

    with suppress(FileNotFoundError):
        os.unlink(temp)


def remove_stale_temporary_files(path: str) -> int:
    """Remove the temporary files a killed run of this tool left beside the file (call it under the lock)."""
    target = os.path.realpath(path)
    folder = os.path.dirname(target) or "."
    import re

    pattern = re.compile(re.escape(_temp_prefix(target)) + r"[a-z0-9_]{8}\.tmp")
    try:
        stale = [entry for entry in os.scandir(folder) if pattern.fullmatch(entry.name) and _ours(entry)]
    except OSError:
        return 0
    from contextlib import suppress

    for entry in stale:
        with suppress(OSError):
            os.unlink(entry.path)
    return len(stale)


def _ours(entry: os.DirEntry[str]) -> bool:
    """A regular file (not a link) owned by whoever runs the tool."""
    user = getattr(os, "geteuid", None)
    try:
        info = entry.stat(follow_symlinks=False)
    except OSError:
        return False
    return stat.S_ISREG(info.st_mode) and (user is None or info.st_uid == user())


class _Signals:
    """While a file is being renamed into place, a signal waits until the rename is done."""

    holding = False
    pending = 0


_signals = _Signals()


def on_signal(signum: int, frame: object) -> None:
    """Signal handler for SIGINT, SIGTERM and SIGHUP: stop the command (or, mid-rename, right after it)."""
    if _signals.holding:
        _signals.pending = signum
        return
    raise Interrupted(signum)


def _signals_held(path: str, *, written: bool = True) -> _Held:
    """Hold SIGINT, SIGTERM and SIGHUP back for a step that must not be cut (the rename, making the
    temporary file); raise them once it is done, `written` telling whether the page was."""
    return _Held(path, written)


class _Held:
    """The context of `_signals_held`."""

    __slots__ = ("path", "written")

    def __init__(self, path: str, written: bool) -> None:
        self.path, self.written = path, written

    def __enter__(self) -> None:
        _signals.holding = True

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        _signals.holding = False
        if _signals.pending and kind is None:  # (an error on its way out goes first, as it would unheld)
            signum, _signals.pending = _signals.pending, 0
            raise Interrupted(signum, self.path, written=self.written)


class _Lock:
    """An exclusive lock on a page (`locked`), or none (`NOT_LOCKED`)."""

    __slots__ = ("handle", "path")

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.handle: int | None = None

    def __enter__(self) -> None:
        if self.path is not None:
            self.handle = _lock(self.path)

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self.handle is not None:
            os.close(self.handle)
            self.handle = None


NOT_LOCKED = _Lock(None)


def locked(path: str) -> _Lock:
    """Hold an exclusive lock on the page while it is read, edited and replaced.

    The lock is on the file itself (no lock file is left behind); a replaced page is a new file,
    so the path is opened again until the locked file is the one it names.
    """
    return _Lock(path)


def _lock(path: str) -> int | None:
    """The handle of the locked file; None when it cannot be locked (reading will report or refuse it)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        return None
    while True:
        try:
            handle = os.open(path, os.O_RDONLY | _NONBLOCK)
        except OSError:
            return None
        try:
            if not stat.S_ISREG(os.fstat(handle).st_mode):
                os.close(handle)
                return None
            fcntl.flock(handle, fcntl.LOCK_EX)
            if os.fstat(handle).st_ino == os.stat(path).st_ino:
                return handle
        except OSError:
            pass
        os.close(handle)


def _sync_folder(folder: str) -> None:
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    from contextlib import suppress

    with suppress(OSError):
        os.fsync(handle)
    os.close(handle)
