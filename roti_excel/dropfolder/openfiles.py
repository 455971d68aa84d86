"""Whether another process still holds a file open for writing (a copy in progress), where
the operating system can tell: on Linux through /proc (the processes this user may see);
elsewhere the answer is "not that we know", and the settle time and the re-check of an
incomplete file are the guard."""

from __future__ import annotations

import os
from pathlib import Path

_PROC = Path("/proc")
_ACCESS_MODE = 0o3  # O_ACCMODE: 0 read-only, 1 write-only, 2 read-write


def held_for_writing(path: Path) -> bool:
    """True when a process other than this one has `path` open for writing."""
    if not (_PROC / "self" / "fd").is_dir():
        return False
    try:
        target = os.fsencode(path.resolve())
    except OSError:
        return False
    me = str(os.getpid())
    try:
        pids = [p for p in os.listdir(_PROC) if p.isdigit() and p != me]
    except OSError:
        return False
    return any(_writes(pid, target) for pid in pids)


def _writes(pid: str, target: bytes) -> bool:
    fd_dir = os.fsencode(f"/proc/{pid}/fd")
    try:
        fds = os.listdir(fd_dir)
    except OSError:  # gone, or another user's
        return False
    for fd in fds:
        try:
            # readlink, not stat: it never follows into a slow device or a hung mount
            if os.readlink(fd_dir + b"/" + fd) != target:
                continue
            info = Path(f"/proc/{pid}/fdinfo/{os.fsdecode(fd)}").read_text(encoding="ascii")
        except (OSError, UnicodeDecodeError):
            continue
        flags = next((line.split()[1] for line in info.splitlines()
                      if line.startswith("flags:")), "0")
        if int(flags, 8) & _ACCESS_MODE:
            return True
    return False
