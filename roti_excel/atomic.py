"""Writing output so that a failure never leaves half a file: write a temporary file in
the target folder, then rename it into place (atomic on one file system)."""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from roti_excel.errors import OutputError
from roti_excel.messages import msg

# On Windows a file open in Excel cannot be replaced; retry briefly before giving up.
REPLACE_ATTEMPTS = 5
REPLACE_PAUSE_S = 0.2


def replace(source: Path, target: Path, attempts: int = REPLACE_ATTEMPTS) -> None:
    """os.replace with retries for a target that is momentarily locked."""
    for attempt in range(attempts):
        try:
            os.replace(source, target)
            return
        except PermissionError as exc:
            if attempt == attempts - 1:
                raise OutputError(msg("output_locked", path=str(target))) from exc
            time.sleep(REPLACE_PAUSE_S)


def move(source: Path, target: Path) -> None:
    """Move a file into another folder: a rename; across file systems (a processed/ folder
    mounted elsewhere) a copy under a temporary name beside the target, renamed onto it once
    whole, then the source removed. Stopped at any point, the file is whole in one place or
    both, never half anywhere. Tried once: a caller with a loop retries later instead of
    sleeping here."""
    try:
        replace(source, target, attempts=1)
    except OSError as exc:
        if exc.errno != errno.EXDEV:
            raise
        with atomic_path(target) as temp:
            shutil.copy2(source, temp)
        source.unlink()


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A temporary path beside `target`; renamed onto it when the block succeeds, removed
    when it fails."""
    folder = target.parent
    if not folder.is_dir():
        raise OutputError(msg("output_no_folder", folder=str(folder)))
    try:
        fd, name = tempfile.mkstemp(dir=folder, prefix=f".{target.stem}.", suffix=target.suffix)
    except OSError as exc:
        raise OutputError(msg("output_not_writable", folder=str(folder),
                              reason=exc.strerror or type(exc).__name__)) from exc
    os.close(fd)
    temp = Path(name)
    # mkstemp creates 0600; the output is a normal document, so honour the umask instead
    umask = os.umask(0)
    os.umask(umask)
    with contextlib.suppress(OSError):
        os.chmod(temp, 0o666 & ~umask)
    try:
        yield temp
        replace(temp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


def remove_temps(target: Path) -> None:
    """Remove temporary files :func:`atomic_path` left beside `target` when its process was
    killed mid-write (a killed process runs no cleanup). Only names of the form
    `.<stem>.<8 random characters><suffix>`, as tempfile.mkstemp makes them, are touched."""
    pattern = glob.escape(f".{target.stem}.") + "?" * 8 + glob.escape(target.suffix)
    for temp in target.parent.glob(pattern):
        with contextlib.suppress(OSError):
            temp.unlink()


# what tempfile.mkstemp names atomic_path's temporaries: `.<stem>.<8 characters><suffix>`
_TEMP = re.compile(r"^\..+\.[a-z0-9_]{8}\.(xlsx|json|txt|pdf)$")


def sweep_temps(folder: Path) -> list[Path]:
    """Remove every temporary atomic_path left in `folder` (a runner killed mid-write runs
    no cleanup); only for a folder the caller alone writes to. Returns what was removed."""
    removed: list[Path] = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    for name in names:
        if _TEMP.match(name):
            with contextlib.suppress(OSError):
                (folder / name).unlink()
                removed.append(folder / name)
    return removed


def write_bytes(target: Path, data: bytes) -> None:
    with atomic_path(target) as temp:
        temp.write_bytes(data)
