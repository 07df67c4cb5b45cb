"""Files in and out: only regular files are read (within a size limit), outputs never replace what they should
not, writes keep owner and mode and never overwrite a page someone else saved meanwhile."""

from __future__ import annotations

import errno
import os
import re
import shutil
import socket
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import EXAMPLES, invoke

from seminar_cli import files
from seminar_cli.errors import (
    Interrupted,
    PageWriteError,
    SeminarError,
    UnreadablePageError,
    UsageError,
    WriteRefusedError,
)

ADD = ["--date", "2027-01-14", "--speaker", "Ann Lee"]


def example(folder: Path, name: str = "seminar.md") -> Path:
    path = folder / name
    shutil.copyfile(EXAMPLES / "ml-seminar-2026.md", path)
    return path


def temporary_files(folder: Path) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name.endswith(".tmp"))


def seminar(*args: str, timeout: float = 20, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "seminar_cli", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
@pytest.mark.parametrize("command", ["lint", "show", "rotate"])
def test_a_fifo_as_page_is_refused_at_once(command: str, tmp_path: Path) -> None:
    fifo = tmp_path / "f.md"
    os.mkfifo(fifo)
    result = seminar(command, str(fifo), timeout=20)  # no writer ever comes: reading it would wait forever
    assert result.returncode == 2
    assert f"{fifo}: is a named pipe (FIFO), not a file" in result.stderr
    assert "Traceback" not in result.stderr
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_a_device_as_page_is_refused_before_it_is_read() -> None:
    code, _, err = invoke("show", "/dev/zero")  # reading it would never end
    assert code == 2
    assert "/dev/zero: is a character device, not a file" in err


def test_a_socket_as_page_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.md"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
    except OSError as error:  # a path too long for a socket address
        pytest.skip(f"cannot make a socket here: {error}")
    try:
        code, _, err = invoke("lint", str(path))
    finally:
        server.close()
    assert code == 2 and "is a socket, not a file" in err


def test_a_page_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    page = example(tmp_path)
    size = page.stat().st_size
    (tmp_path / ".seminar.toml").write_text(f"max-page-size = {size - 1}\n")
    for command in (["show"], ["lint"], ["rotate", "--today", "2026-12-04"]):
        code, _, err = invoke(command[0], str(page), *command[1:])
        assert code == 2, command
        assert f"{page}: is " in err and "more than the size limit of" in err and "max-page-size" in err
    (tmp_path / ".seminar.toml").write_text('max-page-size = "1 MiB"\n')
    assert invoke("show", str(page))[0] == 0


def test_the_default_size_limit_is_64_mib(tmp_path: Path) -> None:
    path = tmp_path / "big.md"
    with open(path, "wb") as stream:
        stream.truncate(64 * 1024 * 1024 + 1)  # sparse: nothing is written to disk
    with pytest.raises(UnreadablePageError, match="is 64 MiB, more than the size limit of 64 MiB"):
        files.read_text(str(path))


def test_a_bad_size_in_the_configuration_is_a_usage_error(tmp_path: Path) -> None:
    page = example(tmp_path)
    (tmp_path / ".seminar.toml").write_text('max-page-size = "lots"\n')
    code, _, err = invoke("lint", str(page))
    assert code == 2 and "max-page-size" in err and "64 MiB" in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_an_output_never_replaces_a_fifo_socket_or_folder(tmp_path: Path) -> None:
    page = example(tmp_path)
    fifo = tmp_path / "out.ics"
    os.mkfifo(fifo)
    folder = tmp_path / "folder"
    folder.mkdir()
    for target in (fifo, folder):
        for force in ([], ["--force"]):
            code, _, err = invoke("export", str(page), "-o", str(target), *force)
            assert code == 2, (target, force)
            assert "an output only ever replaces a regular file" in err
    assert stat.S_ISFIFO(os.stat(fifo).st_mode) and folder.is_dir() and not list(folder.iterdir())
    assert temporary_files(tmp_path) == []


def test_a_device_is_never_an_output() -> None:
    assert files.kind_of(os.stat("/dev/null").st_mode) == "a character device"
    with pytest.raises(Exception, match="an output only ever replaces a regular file"):
        files.check_output("/dev/null", force=True)


def test_every_output_refuses_an_existing_file_without_force(tmp_path: Path) -> None:
    page = example(tmp_path)
    other = example(tmp_path, "other.md")
    before = other.read_bytes()
    code, _, err = invoke("export", str(page), "--format", "csv", "-o", str(other))
    assert code == 2 and f"{other}: exists: expected --force to replace it" in err
    code, _, err = invoke("new-season", str(page), "--year", "2027", "-o", str(other))
    assert code == 2 and "exists" in err
    assert other.read_bytes() == before
    assert invoke("export", str(page), "--format", "csv", "-o", str(other), "--force")[0] == 0
    assert other.read_bytes().startswith(b"uid,")


def test_dash_as_output_is_standard_output(tmp_path: Path) -> None:
    page = example(tmp_path)
    code, out, _ = invoke("export", str(page), "--format", "json", "-o", "-")
    assert code == 0 and out.startswith("{") and not (tmp_path / "-").exists()


def test_an_output_into_a_missing_folder_is_one_line(tmp_path: Path) -> None:
    page = example(tmp_path)
    target = tmp_path / "missing" / "out.ics"
    for args in (
        ["export", str(page), "-o", str(target)],
        ["new-season", str(page), "--year", "2027", "-o", str(target)],
    ):
        code, _, err = invoke(*args)
        assert code == 2 and err.count("\n") == 1 and "does not exist" in err, args


def test_a_full_disk_is_one_line_and_leaves_the_page_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page = example(tmp_path)
    before = page.read_bytes()

    def full(stream: object, data: bytes) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files, "_write", full)
    code, _, err = invoke("add-talk", str(page), *ADD)
    assert code == 2 and err.count("\n") == 1
    assert f"{page}: could not be written (No space left on device); nothing was written" in err
    code, _, err = invoke("export", str(page), "-o", str(tmp_path / "out.ics"))
    assert code == 2 and "No space left on device" in err
    assert page.read_bytes() == before and temporary_files(tmp_path) == []


def test_an_edit_removes_the_temporary_files_a_killed_run_left(tmp_path: Path) -> None:
    page = example(tmp_path)
    stale = [tmp_path / ".seminar.md.seminar-k1ll3d_0.tmp", tmp_path / ".seminar.md.seminar-abcdefgh.tmp"]
    for path in stale:
        path.write_text("half a page")
    kept = [tmp_path / ".other.md.seminar-abcdefgh.tmp", tmp_path / ".seminar.md.notours.tmp"]
    for path in kept:
        path.write_text("not this page's, or not this tool's")
    assert invoke("rotate", str(page), "--today", "2026-12-04", "--check")[0] == 1  # checking writes nothing
    assert all(path.exists() for path in stale)
    assert invoke("rotate", str(page), "--today", "2026-12-04")[0] == 0
    assert not any(path.exists() for path in stale) and all(path.exists() for path in kept)


def slow_edit(page: Path) -> subprocess.Popen[str]:
    """An edit whose write waits a second halfway, so that something can happen meanwhile."""
    return subprocess.Popen(
        [sys.executable, "-m", "seminar_cli", "add-talk", str(page), *ADD],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "SEMINAR_WRITE_DELAY": "1.5"},
    )


def wait_for_temporary_file(folder: Path) -> None:
    deadline = time.monotonic() + 20
    while not temporary_files(folder):
        assert time.monotonic() < deadline, "the write never started"
        time.sleep(0.01)


def append_like_an_editor(page: Path) -> bytes:
    with open(page, "ab") as stream:
        stream.write(b"\nA note the organizer added.\n")
    return page.read_bytes()


def save_by_rename_like_an_editor(page: Path) -> bytes:
    saved = page.with_name("seminar.md~new")
    saved.write_bytes(page.read_bytes().replace(b"Harbor Valley", b"Harbour Valley"))
    os.replace(saved, page)
    return page.read_bytes()


@pytest.mark.parametrize("editor", [append_like_an_editor, save_by_rename_like_an_editor])
def test_a_page_saved_by_another_program_during_an_edit_is_not_overwritten(editor: object, tmp_path: Path) -> None:
    page = example(tmp_path)
    process = slow_edit(page)
    wait_for_temporary_file(tmp_path)
    theirs = editor(page)  # type: ignore[operator]
    _, err = process.communicate(timeout=30)
    assert process.returncode == 2, err
    assert "changed on disk while it was being edited" in err and "nothing was written" in err
    assert page.read_bytes() == theirs
    assert temporary_files(tmp_path) == []


@pytest.mark.parametrize(("name", "code"), [("SIGTERM", 143), ("SIGHUP", 129), ("SIGINT", 130)])
def test_a_signal_during_a_write_removes_the_temporary_file(name: str, code: int, tmp_path: Path) -> None:
    import signal

    if not hasattr(signal, name):
        pytest.skip(f"no {name} here")
    page = example(tmp_path)
    before = page.read_bytes()
    process = slow_edit(page)
    wait_for_temporary_file(tmp_path)
    process.send_signal(getattr(signal, name))
    _, err = process.communicate(timeout=30)
    assert process.returncode == code, err
    assert err == f"seminar: interrupted; {page} unchanged\n"
    assert page.read_bytes() == before and temporary_files(tmp_path) == []


@pytest.mark.parametrize("command", ["rotate", "show"])
def test_ctrl_c_while_a_long_page_is_read_prints_one_line(command: str, tmp_path: Path) -> None:
    import signal

    page = example(tmp_path)
    row = "| 10-08-2026 | On Site | Marcus Delacroix | Northfield Institute of Technology | Sparse Models |\n"
    text = page.read_text().replace(row.replace("Sparse Models", "Sparse Mixture-of-Experts Models for Regional "
                                                "Climate Downscaling"), row * 30000)  # fmt: skip
    page.write_text(text)
    process = subprocess.Popen(
        [sys.executable, "-m", "seminar_cli", command, str(page)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    time.sleep(1.0)  # past start-up, while the page is being read
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    what = f"{page} unchanged" if command == "rotate" else "nothing was written"
    assert err == f"seminar: interrupted; {what}\n"
    assert page.read_text() == text


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root can give a file away")
def test_an_edit_as_root_keeps_the_pages_owner_and_group(tmp_path: Path) -> None:
    page = example(tmp_path)
    os.chown(page, 65534, 65533)
    os.chmod(page, 0o640)
    assert invoke("add-talk", str(page), *ADD)[0] == 0
    info = os.stat(page)
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (65534, 65533, 0o640)
    assert "Ann Lee" in page.read_text()


def test_a_page_with_a_second_hard_link_is_refused_with_the_reason(tmp_path: Path) -> None:
    page = example(tmp_path)
    other = tmp_path / "same-page.md"
    os.link(page, other)
    before = page.read_bytes()
    code, _, err = invoke("add-talk", str(page), *ADD)
    assert code == 2
    assert "has 2 hard links: replacing it would split it from its other names" in err
    assert page.read_bytes() == before and os.stat(page).st_ino == os.stat(other).st_ino


def test_lint_fix_on_a_read_only_page_says_it_could_not_be_written(tmp_path: Path) -> None:
    page = tmp_path / "seminar.md"
    page.write_text((EXAMPLES / "ml-seminar-2026.md").read_text().replace("ET, Thursday, 12/03", "ET, Monday, 12/03"))
    page.chmod(0o444)
    code, _, err = invoke("lint", "--fix", "--select", "SEM001", str(page))
    assert code == 2
    assert "is read-only; nothing was written" in err
    assert "could not be written" in err and "could not be read" not in err


def test_a_signal_while_the_temporary_file_is_being_made_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import signal
    import tempfile

    from seminar_cli.errors import Interrupted

    page = example(tmp_path)
    before = page.read_bytes()
    make = tempfile.mkstemp

    def signalled(*args: object, **kwargs: object) -> tuple[int, str]:
        made = make(*args, **kwargs)  # type: ignore[call-overload]
        files.on_signal(signal.SIGINT, None)  # the file exists, its name not yet returned
        return made  # type: ignore[no-any-return]

    monkeypatch.setattr(tempfile, "mkstemp", signalled)
    with pytest.raises(Interrupted) as raised:
        files.write_atomic(str(page), "new text\n")
    assert "unchanged" in str(raised.value)
    assert page.read_bytes() == before and temporary_files(tmp_path) == []


@pytest.mark.parametrize(
    ("size", "text"),
    [(0, "0 bytes"), (1023, "1023 bytes"), (1024, "1 KiB"), (1536, "1.5 KiB"), (1 << 20, "1 MiB"),
     ((1 << 20) - 1, "1024 KiB"), (64 << 20, "64 MiB"), (3 << 30, "3 GiB")],
)  # fmt: skip
def test_size_text(size: int, text: str) -> None:
    assert files.size_text(size) == text


def test_a_read_keeps_every_byte_and_stamps_the_file(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_bytes(b"\xef\xbb\xbf# A\r\nb\n")
    text, stamp = files.read_stamped(str(page))
    info = os.stat(page)
    assert text == "\ufeff# A\r\nb\n"
    assert stamp == files.Stamp(info.st_dev, info.st_ino, 10, info.st_mtime_ns)
    assert files.read_text(str(page), limit=10) == text


def test_a_page_of_exactly_the_limit_is_read_and_one_byte_more_is_refused(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_bytes(b"x" * 100)
    assert files.read_text(str(page), limit=100) == "x" * 100
    with pytest.raises(UnreadablePageError) as refused:
        files.read_text(str(page), limit=99)
    assert refused.value.message == "is 100 bytes, more than the size limit of 99 bytes"
    assert refused.value.expected == "a smaller page, or a higher `max-page-size` under [tool.seminar]"


@pytest.mark.parametrize(
    ("data", "message", "line", "column", "found"),
    [
        (b"# A\nab\x00c\n", "is a binary file, not a markdown page", 2, 3, "a NUL byte"),
        (b"\x00", "is a binary file, not a markdown page", 1, 1, "a NUL byte"),
        (b"# A\n\nx \xe9t\xe9\n", "is not UTF-8 text", 3, 3, "byte 0xe9"),
        (b"\xff", "is not UTF-8 text", 1, 1, "byte 0xff"),
    ],
)
def test_a_binary_or_latin_1_page_is_refused_where_the_bad_byte_is(
    data: bytes, message: str, line: int, column: int, found: str, tmp_path: Path
) -> None:
    page = tmp_path / "page.md"
    page.write_bytes(data)
    with pytest.raises(UnreadablePageError) as refused:
        files.read_text(str(page))
    error = refused.value
    assert (error.message, error.line, error.column, error.found) == (message, line, column, found)
    assert error.expected == ("a UTF-8 encoded markdown file" if "UTF-8" in message else None)


def test_a_missing_page_or_folder_is_no_such_file(tmp_path: Path) -> None:
    for path in (tmp_path / "missing.md", tmp_path / "missing" / "page.md", example(tmp_path) / "page.md"):
        with pytest.raises(UnreadablePageError) as refused:
            files.read_text(str(path))
        assert (refused.value.message, refused.value.expected) == ("no such file", "the path of a markdown page")
    with pytest.raises(UnreadablePageError) as refused:
        files.read_text(str(tmp_path))
    assert (refused.value.message, refused.value.expected) == ("is a directory", "the path of a markdown page")


def test_kind_of() -> None:
    assert files.kind_of(stat.S_IFREG | 0o644) is None
    assert files.kind_of(stat.S_IFDIR) == "a directory"
    assert files.kind_of(stat.S_IFIFO) == "a named pipe (FIFO)"
    assert files.kind_of(stat.S_IFCHR) == "a character device"
    assert files.kind_of(stat.S_IFBLK) == "a block device"
    assert files.kind_of(stat.S_IFSOCK) == "a socket"
    assert files.kind_of(stat.S_IFLNK) == "not a regular file"


def test_check_output_refusals_say_why(tmp_path: Path) -> None:
    os.symlink(tmp_path / "nowhere", tmp_path / "broken")
    cases = {
        tmp_path / "broken": "is a broken symbolic link",
        tmp_path / "no" / "out.ics": f"cannot be written: the folder {tmp_path / 'no'} does not exist",
        tmp_path: "is a directory; an output only ever replaces a regular file",
        example(tmp_path, "out.ics"): "exists",
    }
    for path, message in cases.items():
        with pytest.raises(UsageError) as refused:
            files.check_output(str(path), force=False)
        assert refused.value.message == message
    files.check_output(str(tmp_path / "new.ics"), force=False)
    files.check_output(str(tmp_path / "out.ics"), force=True)


def test_write_output_writes_a_new_file_and_replaces_one_only_with_force(tmp_path: Path) -> None:
    out = tmp_path / "out.ics"
    files.write_output(str(out), "one\n", force=False)
    assert out.read_bytes() == b"one\n" and stat.S_IMODE(os.stat(out).st_mode) == 0o644
    with pytest.raises(UsageError):
        files.write_output(str(out), "two\n", force=False)
    files.write_output(str(out), "two\r\n", force=True)
    assert out.read_bytes() == b"two\r\n"
    assert temporary_files(tmp_path) == []


def test_a_write_keeps_the_mode_and_follows_a_symlink(tmp_path: Path) -> None:
    page = example(tmp_path)
    os.chmod(page, 0o640)
    os.symlink(page, tmp_path / "link.md")
    files.write_atomic(str(tmp_path / "link.md"), "new\n")
    assert page.read_text() == "new\n" and stat.S_IMODE(os.stat(page).st_mode) == 0o640
    assert os.path.islink(tmp_path / "link.md") and temporary_files(tmp_path) == []


def test_a_new_file_is_not_written_over_one_that_appeared(tmp_path: Path) -> None:
    page = example(tmp_path)
    with pytest.raises(UsageError) as refused:
        files.write_atomic(str(page), "new\n", new=True)
    assert refused.value.message == "exists"
    files.write_atomic(str(tmp_path / "fresh.md"), "new\n", new=True)
    assert (tmp_path / "fresh.md").read_text() == "new\n" and temporary_files(tmp_path) == []


def test_writes_refused_before_anything_is_written(tmp_path: Path) -> None:
    page = example(tmp_path)
    os.chmod(page, 0o444)
    with pytest.raises(PageWriteError) as refused:
        files.write_atomic(str(page), "new\n")
    assert refused.value.message == "is read-only; nothing was written"
    os.chmod(page, 0o644)
    os.link(page, tmp_path / "other.md")
    with pytest.raises(PageWriteError) as refused:
        files.write_atomic(str(page), "new\n")
    assert refused.value.message.startswith("has 2 hard links: replacing it would split it from its other names")
    with pytest.raises(PageWriteError) as refused:
        files.write_atomic(str(tmp_path), "new\n")
    assert refused.value.message == "is a directory, not a file; nothing was written"
    with pytest.raises(PageWriteError) as refused:
        files.write_atomic(str(tmp_path / "no" / "page.md"), "new\n")
    assert refused.value.message == f"cannot be written: the folder {tmp_path / 'no'} does not exist"
    assert temporary_files(tmp_path) == []


def test_a_page_changed_since_it_was_read_is_not_replaced(tmp_path: Path) -> None:
    page = example(tmp_path)
    read = files.read_stamped(str(page))
    files.write_atomic(str(page), "edited\n", unchanged=read)
    assert page.read_text() == "edited\n"
    read = files.read_stamped(str(page))
    page.write_text("edited!\n")
    with pytest.raises(WriteRefusedError):
        files.write_atomic(str(page), "mine\n", unchanged=read)
    assert page.read_text() == "edited!\n" and temporary_files(tmp_path) == []


def test_only_this_tools_temporary_files_for_the_page_are_removed(tmp_path: Path) -> None:
    page = example(tmp_path)
    ours = [".seminar.md.seminar-abcd_123.tmp", ".seminar.md.seminar-00000000.tmp"]
    others = [".seminar.md.seminar-abc.tmp", ".other.md.seminar-abcdefgh.tmp", "seminar.md.seminar-abcdefgh.tmp",
              ".seminar.md.seminar-ABCDEFGH.tmp"]  # fmt: skip
    for name in ours + others:
        (tmp_path / name).write_text("x")
    os.symlink(page, tmp_path / ".seminar.md.seminar-linklink.tmp")
    assert files.remove_stale_temporary_files(str(page)) == 2
    assert sorted(os.listdir(tmp_path)) == sorted([".seminar.md.seminar-linklink.tmp", "seminar.md", *others])
    assert files.remove_stale_temporary_files(str(tmp_path / "missing" / "page.md")) == 0


def test_a_signal_while_the_page_is_renamed_waits_for_the_rename(tmp_path: Path) -> None:
    with pytest.raises(Interrupted) as stopped:
        files.on_signal(2, None)
    assert (stopped.value.signum, stopped.value.path) == (2, None)
    with pytest.raises(Interrupted) as stopped, files._signals_held("page.md"):
        files.on_signal(15, None)  # held: it returns, and is raised once the rename is done
    assert (stopped.value.signum, stopped.value.path, stopped.value.written) == (15, "page.md", True)
    with files._signals_held("page.md"):
        pass  # nothing pending: nothing raised
    assert not files._signals.holding and files._signals.pending == 0


def test_the_lock_is_held_on_the_page_itself(tmp_path: Path) -> None:
    import fcntl

    page = example(tmp_path)
    with files.locked(str(page)):
        other = os.open(page, os.O_RDONLY)
        try:
            with pytest.raises(BlockingIOError):
                fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)
        finally:
            os.close(other)
    with files.locked(str(tmp_path / "missing.md")), files.locked(str(tmp_path)):
        pass  # nothing to lock: reading reports it
    assert temporary_files(tmp_path) == []


def refusal(call: Callable[[], object]) -> str:
    """What the refusal of `call` tells the user, in full: path, what was found, what was expected."""
    with pytest.raises(SeminarError) as refused:
        call()
    return str(refused.value)


def test_every_read_refusal_names_the_file(tmp_path: Path) -> None:
    page, fifo, loop = tmp_path / "page.md", tmp_path / "fifo", tmp_path / "loop"
    os.mkfifo(fifo)
    os.symlink(loop, loop)
    page.write_bytes(b"# A\n\n\x00 \x00")
    cases = {
        tmp_path / "missing.md": "no such file: expected the path of a markdown page",
        tmp_path: "is a directory: expected the path of a markdown page",
        fifo: "is a named pipe (FIFO), not a file: expected the path of a markdown page",
        loop: "cannot be read: Too many levels of symbolic links",
        page: "is a binary file, not a markdown page: found a NUL byte",
    }
    for path, said in cases.items():
        where = f"{path}:3:1" if path == page else str(path)
        assert refusal(lambda path=path: files.read_text(str(path))) == f"{where}: {said}"  # type: ignore[misc]
    page.write_bytes(b"\n\xe9")
    assert refusal(lambda: files.read_text(str(page))) == (
        f"{page}:2:1: is not UTF-8 text: found byte 0xe9; expected a UTF-8 encoded markdown file"
    )


def test_a_file_that_does_not_say_its_size_is_cut_at_the_limit_when_read() -> None:
    # /proc files say they are empty: the limit holds on what is read, not on what the file claims.
    assert refusal(lambda: files.read_text("/proc/self/status", limit=10)) == (
        "/proc/self/status: is 11 bytes, more than the size limit of 10 bytes: "
        "expected a smaller page, or a higher `max-page-size` under [tool.seminar]"
    )


@pytest.mark.parametrize(
    ("error", "said"),
    [
        (PermissionError(errno.EACCES, "Permission denied"), "cannot be read: permission denied"),
        (OSError(errno.EIO, "Input/output error"), "cannot be read: Input/output error"),
        (OSError("odd"), "cannot be read: odd"),
    ],
)
def test_a_page_that_cannot_be_opened_or_read_says_why(
    error: OSError, said: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = example(tmp_path)

    def failing(*args: object, **kwargs: object) -> int:
        raise error

    with monkeypatch.context() as patch:
        patch.setattr(os, "open", failing)
        assert refusal(lambda: files.read_text(str(page))) == f"{page}: {said}"

    class Unreadable:
        """The opened page, whose reading fails."""

        def __init__(self, handle: int) -> None:
            self.stream = opened(handle, "rb")

        def __enter__(self) -> Unreadable:
            return self

        def __exit__(self, *exc: object) -> None:
            self.stream.close()

        def fileno(self) -> int:
            return self.stream.fileno()

        def read(self, size: int = -1) -> bytes:
            raise error

    opened = os.fdopen
    monkeypatch.setattr(os, "fdopen", lambda handle, mode: Unreadable(handle))
    assert refusal(lambda: files.read_text(str(page))) == f"{page}: {said}"


def test_every_output_refusal_names_the_file(tmp_path: Path) -> None:
    page = example(tmp_path)
    os.symlink(tmp_path / "nowhere", tmp_path / "broken")
    cases = {
        tmp_path / "broken": "is a broken symbolic link: expected a file path, or - for standard output",
        tmp_path / "no" / "out.ics": f"cannot be written: the folder {tmp_path / 'no'} does not exist",
        page / "out.ics": "cannot be written: Not a directory",
        tmp_path: "is a directory; an output only ever replaces a regular file: expected a file path, or - for "
        "standard output",
        page: "exists: expected --force to replace it, or another -o path",
    }
    for path, said in cases.items():
        assert refusal(lambda path=path: files.check_output(str(path), force=False)) == f"{path}: {said}"  # type: ignore[misc]


def test_every_write_refusal_names_the_file(tmp_path: Path) -> None:
    page, loop = example(tmp_path), tmp_path / "loop"
    os.symlink(loop, loop)
    for mode in (0o444, 0o555, 0o000):  # no write bit, whatever else: read-only (for root too)
        os.chmod(page, mode)
        assert refusal(lambda: files.write_atomic(str(page), "x")) == f"{page}: is read-only; nothing was written"
    os.chmod(page, 0o644)
    os.link(page, tmp_path / "other.md")
    assert refusal(lambda: files.write_atomic(str(page), "x")) == (
        f"{page}: has 2 hard links: replacing it would split it from its other names, writing it in place could "
        "leave it half-written; nothing was written: expected a page with one name (cp PAGE copy && mv copy PAGE "
        "makes one)"
    )
    os.unlink(tmp_path / "other.md")
    assert refusal(lambda: files.write_atomic(str(loop), "x")) == (
        f"{loop}: cannot be written: Too many levels of symbolic links; nothing was written"
    )
    assert refusal(lambda: files.write_atomic(str(tmp_path), "x")) == (
        f"{tmp_path}: is a directory, not a file; nothing was written"
    )
    lost = tmp_path / "no" / "page.md"
    assert refusal(lambda: files.write_atomic(str(lost), "x")) == (
        f"{lost}: cannot be written: the folder {tmp_path / 'no'} does not exist"
    )
    assert refusal(lambda: files.write_atomic(str(page), "x", new=True)) == (
        f"{page}: exists: expected --force to replace it, or another -o path"
    )
    read = files.read_stamped(str(page))
    page.write_bytes(page.read_bytes())  # the same text saved again: the file is no longer the one read
    assert refusal(lambda: files.write_atomic(str(page), "x", unchanged=read)) == (
        f"{page}: changed on disk while it was being edited (another program saved it); the version on disk is "
        "left as it is and nothing was written: expected the command run again on the saved page"
    )
    assert temporary_files(tmp_path) == []


def test_a_read_only_folder_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    page = example(folder)
    os.chmod(folder, 0o555)
    try:
        assert refusal(lambda: files.write_atomic(str(page), "x")) == (
            f"{page}: is in a read-only folder; nothing was written"
        )
    finally:
        os.chmod(folder, 0o755)
    os.chmod(folder, 0o200)  # writable, not readable: a write goes ahead
    try:
        files.write_atomic(str(page), "x")
    finally:
        os.chmod(folder, 0o755)
    assert page.read_text() == "x"


def test_the_new_text_is_written_beside_the_page_under_a_name_of_this_tool(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    name = "n" * 200 + ".md"
    page = example(tmp_path, name)
    renamed: list[tuple[str, str]] = []
    replace = os.replace

    def spied(temp: str, target: str) -> None:
        renamed.append((temp, target))
        replace(temp, target)

    monkeypatch.setattr(os, "replace", spied)
    files.write_atomic(str(page), "new\n")
    ((temp, target),) = renamed
    assert target == str(page) and os.path.dirname(temp) == str(tmp_path)
    assert re.fullmatch(re.escape("." + name[:120] + ".seminar-") + r"[a-z0-9_]{8}\.tmp", os.path.basename(temp))
    assert page.read_text() == "new\n"


def test_a_temporary_file_that_cannot_be_made_or_written_leaves_the_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    page = example(tmp_path)
    old = page.read_bytes()

    def full(*args: object, **kwargs: object) -> object:
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(tempfile, "mkstemp", full)
        assert refusal(lambda: files.write_atomic(str(page), "new\n")) == (
            f"{page}: cannot write in its folder (No space left on device); nothing was written"
        )
    with monkeypatch.context() as patch:
        patch.setattr(files, "_write", full)
        assert refusal(lambda: files.write_atomic(str(page), "new\n")) == (
            f"{page}: could not be written (No space left on device); nothing was written"
        )
    with monkeypatch.context() as patch:
        patch.setattr(files, "_write", lambda stream, data: files.on_signal(2, None))
        with pytest.raises(Interrupted) as stopped:
            files.write_atomic(str(page), "new\n")
        assert str(stopped.value) == f"interrupted; {page} unchanged"
    assert page.read_bytes() == old and temporary_files(tmp_path) == []


def test_a_signal_during_the_rename_comes_after_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page = example(tmp_path)
    put = files._put_in_place

    def interrupted_put(temp: str, target: str, path: str, new: bool) -> None:
        files.on_signal(15, None)
        put(temp, target, path, new)

    monkeypatch.setattr(files, "_put_in_place", interrupted_put)
    with pytest.raises(Interrupted) as stopped:
        files.write_atomic(str(page), "new\n")
    assert str(stopped.value) == f"interrupted; {page} was written in full"
    assert page.read_text() == "new\n"


def test_a_new_file_on_a_file_system_without_hard_links_is_renamed_into_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(source: str, target: str) -> None:
        raise PermissionError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    files.write_atomic(str(tmp_path / "new.md"), "new\n", new=True)
    assert (tmp_path / "new.md").read_text() == "new\n" and temporary_files(tmp_path) == []
    page = example(tmp_path)
    monkeypatch.setattr(files, "_replaceable", lambda target, path: None)  # the page appeared after the check
    assert refusal(lambda: files.write_atomic(str(page), "new\n", new=True)) == (
        f"{page}: exists: expected --force to replace it, or another -o path"
    )
    assert page.read_text() != "new\n"


def test_a_user_who_cannot_give_the_file_its_owner_still_gives_it_its_group(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = example(tmp_path)
    os.chown(page, 1234, 1234)
    calls: list[tuple[int, int]] = []
    given: list[int] = []  # the groups the fake gave
    group_refused = [False]

    def fchown(handle: int, uid: int, gid: int) -> None:
        assert isinstance(handle, int) and os.fstat(handle)  # the new file's handle
        calls.append((uid, gid))
        if uid != -1 or group_refused[0]:
            raise PermissionError(errno.EPERM, "Operation not permitted")
        given.append(gid)

    monkeypatch.setattr(os, "fchown", fchown)
    files.write_atomic(str(page), "new\n")
    assert (calls, given) == ([(1234, 1234), (-1, 1234)], [1234]) and page.read_text() == "new\n"
    os.chown(page, 1234, 1234)
    group_refused[0] = True
    files.write_atomic(str(page), "newer\n")  # the group refused too: written all the same
    assert calls[2:] == [(1234, 1234), (-1, 1234)] and page.read_text() == "newer\n"


def test_the_write_delay_splits_the_write_in_two_only_when_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time as clock

    page = example(tmp_path)
    pauses: list[float] = []
    monkeypatch.setattr(clock, "sleep", pauses.append)
    for setting, expected in ((None, []), ("", []), ("0", []), ("0.25", [0.25])):
        if setting is None:
            monkeypatch.delenv("SEMINAR_WRITE_DELAY", raising=False)
        else:
            monkeypatch.setenv("SEMINAR_WRITE_DELAY", setting)
        pauses.clear()
        files.write_atomic(str(page), f"text {setting}\n" * 3)
        assert pauses == expected and page.read_text() == f"text {setting}\n" * 3


def test_temporary_files_of_another_user_are_left(tmp_path: Path) -> None:
    page = example(tmp_path)
    theirs = tmp_path / ".seminar.md.seminar-abcdefgh.tmp"
    theirs.write_text("x")
    os.chown(theirs, 1234, 1234)
    assert files.remove_stale_temporary_files(str(page)) == 0 and theirs.exists()


def test_a_folder_that_cannot_be_synced_still_has_the_new_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page = example(tmp_path)
    sync = os.fsync

    def fsync(handle: int) -> None:
        if stat.S_ISDIR(os.fstat(handle).st_mode):
            raise OSError(errno.EINVAL, "Invalid argument")  # some file systems cannot sync a folder
        sync(handle)

    monkeypatch.setattr(os, "fsync", fsync)
    files.write_atomic(str(page), "new\n")
    assert page.read_text() == "new\n"
