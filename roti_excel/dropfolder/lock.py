"""One runner per drop folder: two `watch`es on one folder would answer files twice and race
on the moves. The runner holds an OS lock on FOLDER/reports/.roti.lock for as long as it
runs; the kernel releases it when the process ends, however it ends (kill -9 included), so a
stale lock never blocks a restart."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from roti_excel.errors import OutputError, UsageError

LOCK_NAME = ".roti.lock"

try:
    import fcntl
except ImportError:  # Windows: no advisory locks through fcntl; the lock is not taken there
    fcntl = None  # type: ignore[assignment]


def _holder(path: Path) -> str:
    """The pid written by the runner holding the lock, for the message ("" if unknown)."""
    try:
        return path.read_text(encoding="ascii").strip()[:20]
    except (OSError, UnicodeDecodeError):
        return ""


@contextlib.contextmanager
def runner_lock(reports: Path, folder: Path) -> Iterator[None]:
    """Hold the folder's runner lock, or raise UsageError naming the runner that has it."""
    path = reports / LOCK_NAME
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:  # a read-only or full folder: nothing can be answered here
        raise OutputError(f"cannot take the runner lock {path} ({exc.strerror}); make "
                          f"{reports} writable (or free some space), then start again") from exc
    try:
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                pid = _holder(path)
                who = f" (process {pid})" if pid else ""
                raise UsageError(
                    f"another roti-excel runner{who} is already answering {folder}; stop it "
                    "first, or drop files into another folder") from exc
        with contextlib.suppress(OSError):  # the pid only names the holder (a full disk)
            os.ftruncate(fd, 0)
            os.write(fd, str(os.getpid()).encode("ascii"))
        try:
            yield
        finally:
            # a runner that ends normally leaves no file behind (one killed leaves a lock
            # file nobody holds: the next runner takes it over)
            with contextlib.suppress(OSError):
                path.unlink()
    finally:
        os.close(fd)  # closing releases the lock
