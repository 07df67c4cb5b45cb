"""Files in and out: only regular files are read (within a size limit), outputs never replace what they should
not, writes keep owner and mode and never overwrite a page someone else saved meanwhile."""

from __future__ import annotations

import errno
import os
import shutil
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import EXAMPLES, invoke

from seminar_cli import files
from seminar_cli.errors import UnreadablePageError

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
