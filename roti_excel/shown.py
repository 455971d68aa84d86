"""A file name as text: a name is whatever bytes the file system allows; a log line, a
message or a cell is not."""

from __future__ import annotations


def shown_name(name: str) -> str:
    """A file name as the log, messages, errors files and the portfolio show it: bytes that
    are not UTF-8 as \\xNN and control characters (a newline would forge a log line) as
    escapes; an ordinary name is unchanged."""
    if name.isprintable():
        return name
    out = []
    for ch in name:
        if 0xDC80 <= ord(ch) <= 0xDCFF:  # a byte the file system gave that is not UTF-8
            out.append(f"\\x{ord(ch) - 0xDC00:02x}")
        elif not ch.isprintable():
            out.append(ch.encode("unicode_escape").decode("ascii"))
        else:
            out.append(ch)
    return "".join(out)
