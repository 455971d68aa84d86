"""File names as the drop folder shows them in text: a name is whatever bytes the file system
allows, a log line or a cell is not."""

from __future__ import annotations

import hashlib
import os

# A file name holds 255 bytes on common file systems; outputs add `_report.xlsx`, moves a
# time stamp, atomic writes `.` + 8 characters: a stem of at most this many bytes fits all.
STEM_BYTES = 200


def bounded_stem(stem: str, limit: int = STEM_BYTES) -> str:
    """`stem` when it fits in `limit` bytes; otherwise its start and `~` and 8 characters
    of its hash, so the output still says which input it was and two long names that
    differ only at their end stay apart."""
    raw = os.fsencode(stem)
    if len(raw) <= limit:
        return stem
    tag = "~" + hashlib.sha1(raw, usedforsecurity=False).hexdigest()[:8]
    room = limit - len(tag)
    kept: list[str] = []
    used = 0
    for ch in stem:
        size = len(os.fsencode(ch))
        if used + size > room:
            break
        kept.append(ch)
        used += size
    return "".join(kept) + tag
