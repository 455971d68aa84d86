"""What a file really is, from its first bytes: zip, OLE (legacy .xls or a
password-protected workbook), text (CSV, HTML, XML renamed .xlsx) or anything else."""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path
from typing import BinaryIO

from roti_excel.issues import Issue, error
from roti_excel.messages import msg
from roti_excel.reading.guard.common import CHUNK
from roti_excel.reading.guard.limits import Limits

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le")


def open_regular(path: Path) -> tuple[BinaryIO | None, Issue | None]:
    """The file opened for reading only, or the issue that stops it."""
    try:
        st = path.stat()
    except (FileNotFoundError, ValueError):  # ValueError: a NUL character in the name
        return None, error(msg("file_not_found"))
    except PermissionError:
        return None, error(msg("file_permission_denied"))
    except OSError as exc:
        return None, error(msg("file_cannot_open", reason=str(exc.strerror or exc)))
    if stat.S_ISDIR(st.st_mode):
        return None, error(msg("file_is_folder"))
    if not stat.S_ISREG(st.st_mode):
        return None, error(msg("file_not_regular"))
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except PermissionError:
        return None, error(msg("file_permission_denied_open"))
    except OSError as exc:
        return None, error(msg("file_cannot_open", reason=str(exc.strerror or exc)))
    return os.fdopen(fd, "rb"), None


def _search_file(fh: BinaryIO, needle: bytes, limit: int) -> bool:
    """Whether `needle` occurs in the first `limit` bytes, read in chunks."""
    fh.seek(0)
    tail = b""
    read = 0
    while read < limit:
        chunk = fh.read(min(CHUNK, limit - read))
        if not chunk:
            return False
        read += len(chunk)
        if needle in tail + chunk[:len(needle)] or needle in chunk:
            return True
        tail = chunk[-len(needle):]
    return False


def _text_kind(head: bytes) -> str | None:
    """'html', 'xml2003', 'xml' or 'text' when `head` reads as text, else None."""
    if head.startswith(codecs.BOM_UTF8):
        text = head[3:].decode("utf-8", "replace")
    elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = head.decode("utf-16", "replace")
    else:
        if b"\0" in head:
            return None
        try:
            text = head.decode("utf-8")
        except UnicodeDecodeError as exc:
            if exc.start >= len(head) - 3:  # a character cut at the end of the sample
                text = head[:exc.start].decode("utf-8", "replace")
            else:
                text = head.decode("cp1252", "replace")
    bad = sum(1 for ch in text if (ch < " " and ch not in "\t\r\n\f") or ch == "\ufffd")
    if not text.strip() or bad > len(text) // 50:
        return None
    low = text.lstrip("\ufeff \t\r\n").lower()
    if low.startswith("<?xml"):
        if "urn:schemas-microsoft-com:office:spreadsheet" in low:
            return "xml2003"
        return "html" if "<html" in low[:4096] else "xml"
    start = low[:4096]
    if (low.startswith(("<!doctype html", "<html", "<table", "<meta", "<head", "<body",
                        "mime-version:"))
            or "<html" in start or "<table" in start):
        return "html"
    return "text"


def not_zip_issue(fh: BinaryIO, head: bytes, size: int, suffix: str,
                  limits: Limits) -> Issue:
    if head.startswith(_OLE_MAGIC):
        if _search_file(fh, _ENCRYPTION_INFO, min(size, limits.max_file_bytes)):
            return error(msg("password_protected"))
        return error(msg("legacy_xls"))
    kind = _text_kind(head)
    if kind == "text":
        return error(msg("text_renamed", suffix=suffix))
    if kind == "html":
        return error(msg("html_renamed", suffix=suffix))
    if kind == "xml2003":
        return error(msg("xml_2003"))
    if kind == "xml":
        return error(msg("xml_renamed", suffix=suffix))
    return error(msg("not_a_workbook"))
