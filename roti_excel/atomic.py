"""Writing output so that a failure never leaves half a file: write a temporary file in
the target folder, then rename it into place (atomic on one file system)."""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from .issues import OutputError

# On Windows a file open in Excel cannot be replaced; retry briefly before giving up.
REPLACE_ATTEMPTS = 5
REPLACE_PAUSE_S = 0.2


def replace(source: Path, target: Path) -> None:
    """os.replace with retries for a target that is momentarily locked."""
    for attempt in range(REPLACE_ATTEMPTS):
        try:
            os.replace(source, target)
            return
        except PermissionError as exc:
            if attempt == REPLACE_ATTEMPTS - 1:
                raise OutputError(f"{target} is open in another program (Excel?); close it "
                                  "and run again") from exc
            time.sleep(REPLACE_PAUSE_S)


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A temporary path beside `target`; renamed onto it when the block succeeds, removed
    when it fails."""
    folder = target.parent
    if not folder.is_dir():
        raise OutputError(f"folder {folder} does not exist; create it or choose another")
    try:
        fd, name = tempfile.mkstemp(dir=folder, prefix=f".{target.stem}.", suffix=target.suffix)
    except OSError as exc:
        raise OutputError(f"cannot write in {folder}: {exc.strerror}") from exc
    os.close(fd)
    temp = Path(name)
    try:
        yield temp
        replace(temp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


def write_bytes(target: Path, data: bytes) -> None:
    with atomic_path(target) as temp:
        temp.write_bytes(data)
