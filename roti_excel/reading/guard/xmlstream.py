"""Byte streams of XML shaped for pattern scans: UTF-16 transcoded, the root's
namespace prefix found, and pieces cut so that no tag or element is split."""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Iterator

from roti_excel.issues import error
from roti_excel.reading.guard.common import Refused, damaged, size_text


def as_utf8(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """UTF-16 XML (allowed by OOXML, rare) transcoded to UTF-8 so byte patterns match."""
    it = iter(chunks)
    first = next(it, b"")
    if first.startswith((codecs.BOM_UTF16_LE, b"<\0")):
        encoding = "utf-16-le"
    elif first.startswith((codecs.BOM_UTF16_BE, b"\0<")):
        encoding = "utf-16-be"
    else:
        yield first
        yield from it
        return
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    yield decoder.decode(first).lstrip("\ufeff").encode("utf-8")
    for chunk in it:
        yield decoder.decode(chunk).encode("utf-8")
    yield decoder.decode(b"", final=True).encode("utf-8")


_NAME_ENDS = frozenset(b" >/\t\n\r")


def rfind_start(buf: bytes, token: bytes, lo: int, hi: int | None = None) -> int:
    """The last start of element `token` (e.g. b"<c", not b"<cols") in buf[lo:hi], or -1."""
    end = len(buf) if hi is None else hi
    n = len(token)
    for _ in range(64):
        i = buf.rfind(token, lo, end)
        if i < 0 or (i + n < len(buf) and buf[i + n] in _NAME_ENDS):
            return i
        end = i + n - 1
    # Many look-alikes (<cols, <cfRule...): one search per possible following byte.
    return max(buf.rfind(token + bytes([b]), lo, end + 1) for b in _NAME_ENDS)


def pieces(chunks: Iterable[bytes], token: bytes, close: bytes,
           max_carry: int, where: str) -> Iterator[bytes]:
    """Re-cut a stream into pieces that never split a tag, nor an element that begins
    with `token` (a cell, a shared string) and ends with `close` (or "/>").

    Each byte is searched a bounded number of times, also when one element spans many
    chunks, so hostile input stays linear in time; an element over `max_carry` bytes is
    refused, which bounds memory."""
    carry = b""
    open_at_0 = False  # `carry` begins with an element start
    close_from = 0  # where in `carry` its close tag may still be
    for chunk in chunks:
        old = len(carry)
        buf = carry + chunk if carry else chunk
        fresh = max(0, old - 16)  # the carry holds no element start after its first byte
        cut = _last_element_start(buf, token, fresh)
        if cut > 0:
            yield buf[:cut]
            carry, open_at_0, close_from = buf[cut:], True, 0
            continue
        begin = 0
        if cut == 0 or open_at_0:
            begin = _element_end(buf, close, close_from)
            if begin < 0:  # the element goes on in the next chunk
                if len(buf) > max_carry:
                    raise _too_large(where, max_carry)
                carry, open_at_0 = buf, True
                close_from = max(0, len(buf) - len(close))
                continue
        cut = _tag_cut(buf, begin, fresh, old)
        if cut == 0 and len(buf) > max_carry:
            raise _too_large(where, max_carry)
        if cut > 0:
            yield buf[:cut]
        carry, open_at_0, close_from = buf[cut:], False, 0
    if carry:
        yield carry


def _last_element_start(buf: bytes, token: bytes, fresh: int) -> int:
    """The last start of element `token` in buf[fresh:], or -1; the last 64 KB searched
    first, so a long buffer is not searched whole each time."""
    near = max(fresh, len(buf) - 65536)
    cut = rfind_start(buf, token, near)
    if cut < 0 and near > fresh:
        cut = rfind_start(buf, token, fresh)
    return cut


def _element_end(buf: bytes, close: bytes, close_from: int) -> int:
    """Where the element that begins `buf` ends: after its "/>" or its `close` tag (looked
    for from `close_from`); -1 when it goes on in the next chunk."""
    gt = buf.find(b">")
    if gt > 0 and buf[gt - 1] == 0x2F:  # "/>": an empty element
        return gt + 1
    end = buf.find(close, close_from)
    return end + len(close) if end >= 0 else -1


def _tag_cut(buf: bytes, begin: int, fresh: int, old: int) -> int:
    """Where to cut when no element starts after `begin`: at the last "<" (that tag may go
    on). `old` bytes of `buf` were carried; `fresh` is where new tags may begin."""
    if begin:
        lt = buf.rfind(b"<", begin)
        return lt if lt >= 0 else len(buf)
    lt = buf.rfind(b"<", fresh)  # a carried tag holds no "<" after its first byte
    return lt if lt >= 0 else (0 if old else len(buf))


def _too_large(where: str, max_carry: int) -> Refused:
    return Refused(error(damaged("element_too_large", part=where, size=size_text(max_carry))))


_ROOT = re.compile(rb"<(?![?!])(?:([A-Za-z_][\w.-]*):)?[A-Za-z_][\w.-]*[\s>/]")


def with_prefix(chunks: Iterable[bytes]) -> tuple[bytes, Iterator[bytes]]:
    """The namespace prefix of the root element (b"" or e.g. b"x:"), and the stream."""
    it = iter(chunks)
    head = b""
    for chunk in it:
        head += chunk
        match = _ROOT.search(head)
        if match or len(head) > 1024 * 1024:
            prefix = match.group(1) + b":" if match and match.group(1) else b""
            return prefix, _chain(head, it)
    return b"", iter((head,))


def _chain(first: bytes, rest: Iterator[bytes]) -> Iterator[bytes]:
    yield first
    yield from rest
