"""XML safety: no DTD or entity declaration anywhere in a part (UTF-8 or UTF-16), and the
few parts parsed into elements parsed with defusedxml."""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Iterator
from typing import BinaryIO
from xml.etree.ElementTree import ParseError

import defusedxml.ElementTree as safe_et

from roti_excel.issues import error
from roti_excel.messages import msg
from roti_excel.reading.guard.common import NEW_COPY, Refused, damaged
from roti_excel.reading.guard.limits import Limits
from roti_excel.reading.guard.zipcheck import entry_chunks

# Markup OOXML never contains: a DTD, an entity declaration (in UTF-8 and UTF-16).
_DTD_MARKERS = tuple(
    marker.encode(encoding)
    for marker in ("<!DOCTYPE", "<!ENTITY")
    for encoding in ("utf-8", "utf-16-le", "utf-16-be")
)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def no_dtd(chunks: Iterable[bytes], part: str) -> Iterator[bytes]:
    """Pass the chunks through, refusing a DTD or entity declaration anywhere in them."""
    tail = b""
    for chunk in chunks:
        window = tail + chunk[:64] if tail else b""
        for text in (window, chunk):
            if b"!" in text and any(marker in text for marker in _DTD_MARKERS):
                raise Refused(error(msg("xml_dtd", part=part, new_copy=NEW_COPY)))
        tail = chunk[-64:]
        yield chunk


class _Reader:
    """File-like view of a chunk iterator, for the XML parser."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._buf = b""
        self._pos = 0

    def read(self, size: int = -1) -> bytes:
        if size < 0:
            rest = self._buf[self._pos:] + b"".join(self._chunks)
            self._buf, self._pos = b"", 0
            return rest
        while len(self._buf) - self._pos < size:
            nxt = next(self._chunks, None)
            if nxt is None:
                break
            self._buf = self._buf[self._pos:] + nxt
            self._pos = 0
        out = self._buf[self._pos:self._pos + size]
        self._pos += len(out)
        return out


def elements(fh: BinaryIO, info: zipfile.ZipInfo,
             limits: Limits) -> Iterator[tuple[str, dict[str, str]]]:
    """(local name, attributes by local name) of every element of a small XML part,
    parsed with defusedxml (DTDs, entities and external references forbidden)."""
    cap = min(limits.max_tree_part_bytes, limits.max_entry_bytes)
    reader = _Reader(no_dtd(entry_chunks(fh, info, cap), info.filename))
    try:
        for _event, elem in safe_et.iterparse(reader, events=("end",), forbid_dtd=True):
            tag: str = elem.tag
            attrib: dict[str, str] = {_local(k): v for k, v in elem.attrib.items()}
            elem.clear()
            yield _local(tag), attrib
    except (ParseError, LookupError, ValueError) as exc:  # ValueError: DefusedXmlException
        raise Refused(error(damaged("part_invalid_xml", part=info.filename,
                                    detail=str(exc)))) from exc
