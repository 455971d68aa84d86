"""The zip container: its contents list read before zipfile loads it, each entry's
declared sizes and ratio, and each entry inflated here as a stream, with a byte cap, that
must end exactly at its declared size and CRC."""

from __future__ import annotations

import os
import struct
import zipfile
import zlib
from collections.abc import Generator, Iterator
from typing import BinaryIO

from roti_excel.issues import Issue, error
from roti_excel.messages import msg
from roti_excel.reading.guard.common import (
    CHUNK,
    NEW_COPY,
    Refused,
    damaged,
    listed,
    size_text,
)
from roti_excel.reading.guard.limits import Limits


def entry_chunks(fh: BinaryIO, info: zipfile.ZipInfo, cap: int) -> Iterator[bytes]:
    """The entry's bytes, decompressed here in chunks (not by zipfile, which stops
    silently at the declared size): refused past `cap` bytes or past the size the zip
    declares, and unless the data ends exactly at that size with the declared CRC.
    So a zip that lies about its sizes is caught, whatever a later parser believes."""
    limit = min(cap, info.file_size)
    _seek_data(fh, info)
    if info.compress_type == zipfile.ZIP_STORED:
        total, crc = yield from _stored_chunks(fh, info.compress_size, limit)
    else:
        total, crc = yield from _inflated_chunks(fh, limit)
    if total > cap:
        raise Refused(error(damaged("part_zip_bomb", part=info.filename,
                                    size=size_text(cap))))
    if total != info.file_size or crc != info.CRC:
        raise Refused(error(damaged("part_mismatch", part=info.filename)))


def _seek_data(fh: BinaryIO, info: zipfile.ZipInfo) -> None:
    """To the entry's data, after its local header (refused when that is not where the
    contents list says)."""
    header = b""
    if 0 <= info.header_offset < os.fstat(fh.fileno()).st_size:
        fh.seek(info.header_offset)
        header = fh.read(30)
    if len(header) < 30 or header[:4] != b"PK\x03\x04":
        raise Refused(error(damaged("part_misplaced", part=info.filename)))
    name_len, extra_len = struct.unpack("<HH", header[26:30])
    fh.seek(info.header_offset + 30 + name_len + extra_len)


def _stored_chunks(fh: BinaryIO, size: int, limit: int) -> Generator[bytes, None, tuple[int, int]]:
    """A stored (uncompressed) entry of `size` bytes, up to `limit` bytes; returns the
    bytes read (one chunk past `limit` at most) and their CRC."""
    total = 0
    crc = 0
    left = size
    while left > 0 and total <= limit:
        data = fh.read(min(CHUNK, left))
        if not data:
            break
        left -= len(data)
        total += len(data)
        crc = zlib.crc32(data, crc)
        if total <= limit:
            yield data
    return total, crc


def _inflated_chunks(fh: BinaryIO, limit: int) -> Generator[bytes, None, tuple[int, int]]:
    """A deflated entry, inflated a chunk at a time up to `limit` bytes; returns the
    bytes inflated (one chunk past `limit` at most) and their CRC."""
    total = 0
    crc = 0
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    pending = b""
    while not inflater.eof and total <= limit:
        raw = pending or fh.read(CHUNK)
        if not raw:
            break
        data = inflater.decompress(raw, CHUNK)
        pending = inflater.unconsumed_tail
        total += len(data)
        crc = zlib.crc32(data, crc)
        if data and total <= limit:
            yield data
    return total, crc


def directory_record(fh: BinaryIO, size: int) -> tuple[int, int] | None:
    """(entries, central directory bytes) from the end records, before zipfile loads the
    directory; None when they cannot be found (zipfile then says why)."""
    tail_len = min(size, 22 + 65535)
    fh.seek(size - tail_len)
    tail = fh.read(tail_len)
    pos = tail.rfind(b"PK\x05\x06")
    if pos < 0 or pos + 22 > len(tail):
        return None
    entries, cd_size = struct.unpack("<HL", tail[pos + 10:pos + 16])
    if pos >= 20 and tail[pos - 20:pos - 16] == b"PK\x06\x07":  # zip64 locator
        (offset,) = struct.unpack("<Q", tail[pos - 12:pos - 4])
        if 0 <= offset < size:
            fh.seek(offset)
            record = fh.read(56)
            if len(record) == 56 and record[:4] == b"PK\x06\x06":
                entries64, cd_size64 = struct.unpack("<QQ", record[32:48])
                return max(entries, entries64), max(cd_size, cd_size64)
    return entries, cd_size


def entry_issues(infos: list[zipfile.ZipInfo], limits: Limits) -> list[Issue]:
    """Duplicates, declared sizes, ratios, encryption, compression: before any read."""
    if len(infos) > limits.max_entries:
        return [error(msg("too_many_parts", parts=len(infos), limit=limits.max_entries,
                          new_copy=NEW_COPY))]
    issues = _duplicate(infos)
    total = sum(info.file_size for info in infos)
    if total > limits.max_total_uncompressed:
        issues.append(error(msg("unpacks_too_large", size=size_text(total),
                                limit=size_text(limits.max_total_uncompressed))))
    unreadable, large, bombs = _sort_entries(infos, limits)
    issues += unreadable
    if large:
        shown = [msg("part_size", part=i.filename, size=size_text(i.file_size))
                 for i in large[:3]]
        issues.append(error(msg("parts_too_large", parts=listed(shown, len(large)),
                                limit=size_text(limits.max_entry_bytes))))
    if bombs:
        shown = [msg("part_ratio", part=i.filename,
                     ratio=round(i.file_size / max(i.compress_size, 1))) for i in bombs[:3]]
        issues.append(error(msg("parts_compressed", parts=listed(shown, len(bombs)))))
    return issues


def _duplicate(infos: list[zipfile.ZipInfo]) -> list[Issue]:
    """The first part whose name (in any case) appears twice, as an error."""
    seen: set[str] = set()
    for info in infos:
        key = info.filename.lower()
        if key in seen:
            return [error(damaged("part_twice", part=info.filename))]
        seen.add(key)
    return []


def _sort_entries(infos: list[zipfile.ZipInfo], limits: Limits
                  ) -> tuple[list[Issue], list[zipfile.ZipInfo], list[zipfile.ZipInfo]]:
    """The entries in order, up to the first that cannot be read (its error): those too
    large once unpacked, and those compressed far more than a real workbook's."""
    large: list[zipfile.ZipInfo] = []
    bombs: list[zipfile.ZipInfo] = []
    for info in infos:
        unreadable = _unreadable(info)
        if unreadable is not None:
            return [unreadable], large, bombs
        if info.file_size > limits.max_entry_bytes:
            large.append(info)
        elif (info.file_size > limits.ratio_min_bytes
              and info.compress_size < info.file_size * limits.min_ratio):
            bombs.append(info)
    return [], large, bombs


def _unreadable(info: zipfile.ZipInfo) -> Issue | None:
    """An entry encrypted, or compressed in a way Excel never writes."""
    if info.flag_bits & 0x1:
        return error(msg("zip_password"))
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        return error(damaged("part_compression", part=info.filename))
    return None


def other_zip_kind(names: set[str]) -> Issue | None:
    """A zip that is not an .xlsx: another format, or a workbook missing its parts."""
    if "xl/workbook.bin" in names:
        return error(msg("xlsb"))
    if "mimetype" in names and "content.xml" in names:
        return error(msg("ods"))
    if "word/document.xml" in names:
        return error(msg("word_document"))
    if "ppt/presentation.xml" in names:
        return error(msg("powerpoint"))
    if "[content_types].xml" not in names:
        return error(msg("no_content_types"))
    if "xl/workbook.xml" not in names:
        return error(msg("no_workbook_part"))
    return None
