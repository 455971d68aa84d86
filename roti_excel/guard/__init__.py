"""Judge an input file before any parser touches it.

python-calamine aborts the whole Python process (no exception to catch) when a sheet has a
cell at XFD1048576, openpyxl runs out of memory on a merged range or a sheet that large, and
zip and XML bombs exist. So this module looks at the file itself, with the standard library
and defusedxml only, and turns everything it finds into :class:`~roti_excel.issues.Issue`s:

* the file: missing, a folder, unreadable, empty, too large;
* what it really is: zip (xlsx/xlsm/xlsb), OLE (legacy .xls or a password-protected
  workbook), text (CSV, HTML or XML renamed .xlsx), anything else;
* the zip: damaged, duplicate or too many entries, declared sizes and compression ratios;
* every XML part: no DTD or entity declaration (in UTF-8 or UTF-16, anywhere in the
  part, not only its first KB); the few parsed into elements are parsed with defusedxml;
* the workbook: sheets, hidden sheets, external links, macros;
* each sheet, scanned as a byte stream without building a tree: the extent of its cells,
  merged ranges, formulas without a stored value, strings over Excel's 32,767 characters.

Every entry read is decompressed here, as a stream, with a byte cap, and must end exactly
at the size and CRC its zip declares: a zip that lies about its sizes is refused and cannot
make the guard use more memory or time than the limits allow. Work is linear in the bytes
unpacked (about 40 MB/s) and memory stays near 10 MB above the interpreter's.
:func:`inspect_file` never raises for anything in the file and never writes to it.
"""

from __future__ import annotations

import codecs
import html
import os
import posixpath
import re
import stat
import struct
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO
from urllib.parse import unquote
from xml.etree.ElementTree import ParseError

import defusedxml
import defusedxml.ElementTree as safe_et

from ..issues import Issue, column_letter, error, sort_issues, warning

__all__ = ["DEFAULT_LIMITS", "GuardResult", "Limits", "SheetFacts", "inspect_file"]


@dataclass(frozen=True)
class Limits:
    """What the guard accepts. Each limit is far beyond any real workbook of this tool's
    users (HR training evaluations: hundreds to a few thousand rows) and low enough that
    the guard and the parsers after it stay within seconds and a few hundred MB."""

    # The file on disk. Real inputs are kilobytes to a few MB; 200 MB of compressed XML
    # is about 2 GB of XML, which neither reader could hold.
    max_file_bytes: int = 200 * 1024 * 1024
    # Zip entries. A workbook has about 10 parts plus 2 to 6 per sheet (sheet, rels,
    # drawing, comments, table...): 1,000 is a workbook of some 200 sheets with charts.
    max_entries: int = 1000
    # The zip's central directory, which zipfile loads whole (one object per record)
    # before anything can be counted: 1,000 entries x 1 KB, where a real record is
    # 46 bytes plus a name of 20 to 60. Stops a file with millions of tiny entries.
    max_directory_bytes: int = 1000 * 1024
    # Sum of the sizes the zip declares for its entries once unpacked. A 100,000-row,
    # 10-column sheet is about 45 MB of XML; 512 MB is eleven times that, and more than
    # python-calamine can read in a few GB of memory. The guard scans about 45 MB/s, so
    # this also bounds its own time.
    max_total_uncompressed: int = 512 * 1024 * 1024
    # One entry unpacked, declared or actually read (the cap of every streamed read):
    # over five times the 100,000 x 10 sheet.
    max_entry_bytes: int = 256 * 1024 * 1024
    # Zip bomb: compressed/uncompressed below this, for entries over ratio_min_bytes.
    # Measured: an xlsxwriter sheet of 100,000 x 10 identical zeros is 0.071, and
    # 100,000 x 10 empty formatted cells 0.086; deflate's own floor is about 0.001.
    # 0.01 (100:1) is also Apache POI's default (ZipSecureFile.MIN_INFLATE_RATIO).
    min_ratio: float = 0.01
    # Small entries may compress better than that (an empty sheet) and cannot bomb.
    ratio_min_bytes: int = 100 * 1024
    # XML parts parsed into elements ([Content_Types].xml, relationships, workbook.xml).
    # workbook.xml holds one element per sheet and per defined name: a few KB, rarely
    # a few MB in workbooks that piled up thousands of broken names.
    max_tree_part_bytes: int = 64 * 1024 * 1024
    # Rows x columns from A1 to the farthest cell of a sheet (its <dimension> or any
    # cell). The reader pads every sheet to that rectangle: python-calamine measured
    # 847 MB peak and 4.5 s for 20 million (A1 to T1000000), so half that.
    # 10 million is 100,000 rows x 100 columns.
    max_cells: int = 10_000_000
    # Excel's own last row and column (XFD1048576); anything beyond is a damaged file.
    max_rows: int = 1_048_576
    max_cols: int = 16_384
    # Excel's limit for the text of one cell.
    max_string_chars: int = 32_767
    # Merged ranges in one sheet. Forms merge tens to hundreds; openpyxl makes one
    # object per merged cell, so their total area is capped by max_cells too.
    max_merged_ranges: int = 100_000
    # The XML of one cell, or of any element between two cells. A cell holds at most
    # 32,767 characters (6 bytes each when escaped) plus an 8,192-character formula;
    # 16 MB leaves room for text with one formatting run per character.
    max_cell_xml_bytes: int = 16 * 1024 * 1024


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class SheetFacts:
    """What the guard learnt about one sheet, in workbook order, for the reader."""

    name: str
    hidden: bool  # state="hidden" or "veryHidden"
    dimension: str | None  # the sheet's <dimension ref>, as written, e.g. "A1:F120"
    merged: tuple[str, ...] = ()  # merged ranges, e.g. ("B3:D3",)
    kind: str = "worksheet"  # or "chartsheet", "dialogsheet", "macrosheet"


@dataclass(frozen=True)
class GuardResult:
    issues: list[Issue]
    sheets: list[SheetFacts]
    is_macro_enabled: bool

    @property
    def ok(self) -> bool:
        """True when nothing stops the file from being read (warnings allowed)."""
        return not any(i.severity == "error" for i in self.issues)


# --------------------------------------------------------------------------- messages

_AGAIN = "open it in Excel and save it again as Excel Workbook (.xlsx)"
_DAMAGED = "the workbook is damaged"
_NEW_COPY = f"{_AGAIN}, or ask the sender for a new copy"


def _size(n: int) -> str:
    for unit, scale in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if n >= scale:
            value = n / scale
            return f"{value:.0f} {unit}" if value >= 10 else f"{value:.1f} {unit}"
    return f"{n} bytes"


def _count(n: int) -> str:
    for word, scale in (("billion", 10**9), ("million", 10**6)):
        if n >= scale:
            value = n / scale
            return f"{value:.0f} {word}" if value >= 10 else f"{value:.1f} {word}"
    return f"{n:,}"


def _listing(items: list[str], total: int) -> str:
    more = total - len(items)
    return ", ".join(items) + (f" (and {more:,} more)" if more > 0 else "")


# --------------------------------------------------------------------------- internals

_CHUNK = 1024 * 1024
_SHOWN = 5  # cells or ranges named in one message

_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le")

# Markup OOXML never contains: a DTD, an entity declaration (in UTF-8 and UTF-16).
_DTD_MARKERS = tuple(
    marker.encode(encoding)
    for marker in ("<!DOCTYPE", "<!ENTITY")
    for encoding in ("utf-8", "utf-16-le", "utf-16-be")
)

# Errors the standard library raises on a damaged file: zipfile's BadZipFile (its
# directory), zlib.error (a broken deflate stream), OSError (reading), struct.error; and,
# kept for safety, EOFError and NotImplementedError, which zipfile raises when reading.
_FILE_ERRORS = (OSError, zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError,
                struct.error)


class _Refused(Exception):
    """A finding that ends the reading of one part (or of the whole file)."""

    def __init__(self, issue: Issue) -> None:
        super().__init__(issue.message)
        self.issue = issue


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _col_number(letters: bytes) -> int:
    """Column letters -> 1-based number; anything longer than 4 letters is beyond Excel."""
    if len(letters) > 4:
        return 10**9
    n = 0
    for ch in letters.upper():
        n = n * 26 + (ch - 64)
    return n


def _row_number(digits: bytes) -> int:
    return 10**9 if len(digits) > 9 else int(digits)


def _max_number(digit_strings: list[bytes]) -> int:
    """The largest of many digit strings, converted in C (no Python call per item)."""
    distinct = set(digit_strings)
    return 10**9 if max(map(len, distinct)) > 9 else max(map(int, distinct))


_REF_TEXT = re.compile(r"^\$?([A-Za-z]{1,8})\$?([0-9]{1,10})$")


def _parse_ref(ref: str) -> tuple[int, int] | None:
    """'B3' -> (row 3, column 2), 1-based; None if not a cell reference."""
    match = _REF_TEXT.match(ref.strip())
    if not match:
        return None
    return _row_number(match.group(2).encode()), _col_number(match.group(1).encode())


def _parse_range(ref: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """'B3:D3' (or 'B3') -> ((3, 2), (3, 4)); None if not a range."""
    first, _, last = ref.partition(":")
    start = _parse_ref(first)
    end = _parse_ref(last) if last else start
    if start is None or end is None:
        return None
    return start, end


def _a1(row: int, col: int) -> str:
    return f"{column_letter(col - 1)}{row}"


# --------------------------------------------------------------------------- streams


def _chunks(fh: BinaryIO, info: zipfile.ZipInfo, cap: int) -> Iterator[bytes]:
    """The entry's bytes, decompressed here in chunks (not by zipfile, which stops
    silently at the declared size): refused past `cap` bytes or past the size the zip
    declares, and unless the data ends exactly at that size with the declared CRC.
    So a zip that lies about its sizes is caught, whatever a later parser believes."""
    limit = min(cap, info.file_size)
    header = b""
    if 0 <= info.header_offset < os.fstat(fh.fileno()).st_size:
        fh.seek(info.header_offset)
        header = fh.read(30)
    if len(header) < 30 or header[:4] != b"PK\x03\x04":
        raise _Refused(error(f"{_DAMAGED}: the part {info.filename} cannot be found where "
                             f"the zip's contents list says; {_NEW_COPY}"))
    name_len, extra_len = struct.unpack("<HH", header[26:30])
    fh.seek(info.header_offset + 30 + name_len + extra_len)
    total = 0
    crc = 0
    if info.compress_type == zipfile.ZIP_STORED:
        left = info.compress_size
        while left > 0 and total <= limit:
            data = fh.read(min(_CHUNK, left))
            if not data:
                break
            left -= len(data)
            total += len(data)
            crc = zlib.crc32(data, crc)
            if total <= limit:
                yield data
    else:
        inflater = zlib.decompressobj(-zlib.MAX_WBITS)
        pending = b""
        while not inflater.eof and total <= limit:
            raw = pending or fh.read(_CHUNK)
            if not raw:
                break
            data = inflater.decompress(raw, _CHUNK)
            pending = inflater.unconsumed_tail
            total += len(data)
            crc = zlib.crc32(data, crc)
            if data and total <= limit:
                yield data
    if total > cap:
        raise _Refused(error(
            f"{_DAMAGED}: the part {info.filename} unpacks to more than {_size(cap)} "
            f"(a 'zip bomb'); {_NEW_COPY}"))
    if total != info.file_size or crc != info.CRC:
        raise _Refused(error(
            f"{_DAMAGED}: the part {info.filename} does not match the size or checksum "
            "that the zip declares for it (a damaged or crafted file, possibly a 'zip "
            f"bomb'); {_NEW_COPY}"))


def _no_dtd(chunks: Iterable[bytes], part: str) -> Iterator[bytes]:
    """Pass the chunks through, refusing a DTD or entity declaration anywhere in them."""
    tail = b""
    for chunk in chunks:
        window = tail + chunk[:64] if tail else b""
        for text in (window, chunk):
            if b"!" in text and any(marker in text for marker in _DTD_MARKERS):
                raise _Refused(error(
                    f"the workbook contains XML that Excel never writes (a DTD or entity "
                    f"declaration in {part}, as used in XML attacks), so it is not read; "
                    f"{_NEW_COPY}"))
        tail = chunk[-64:]
        yield chunk


def _as_utf8(chunks: Iterable[bytes]) -> Iterator[bytes]:
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


def _rfind_start(buf: bytes, token: bytes, lo: int, hi: int | None = None) -> int:
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


def _pieces(chunks: Iterable[bytes], token: bytes, close: bytes,
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
        near = max(fresh, len(buf) - 65536)
        cut = _rfind_start(buf, token, near)
        if cut < 0 and near > fresh:
            cut = _rfind_start(buf, token, fresh)
        if cut > 0:
            yield buf[:cut]
            carry, open_at_0, close_from = buf[cut:], True, 0
            continue
        begin = 0
        if cut == 0 or open_at_0:
            gt = buf.find(b">")
            if gt > 0 and buf[gt - 1] == 0x2F:  # "/>": an empty element
                begin = gt + 1
            else:
                end = buf.find(close, close_from)
                if end < 0:  # the element goes on in the next chunk
                    if len(buf) > max_carry:
                        raise _Refused(error(
                            f"{_DAMAGED}: {where} has a single element over "
                            f"{_size(max_carry)}; {_NEW_COPY}"))
                    carry, open_at_0 = buf, True
                    close_from = max(0, len(buf) - len(close))
                    continue
                begin = end + len(close)
        # No element starts after `begin`: cut at the last "<" (that tag may go on).
        if begin:
            lt = buf.rfind(b"<", begin)
            cut = lt if lt >= 0 else len(buf)
        else:  # a carried tag holds no "<" after its first byte
            lt = buf.rfind(b"<", fresh)
            cut = lt if lt >= 0 else (0 if old else len(buf))
        if cut == 0 and len(buf) > max_carry:
            raise _Refused(error(
                f"{_DAMAGED}: {where} has a single element over {_size(max_carry)}; "
                f"{_NEW_COPY}"))
        if cut > 0:
            yield buf[:cut]
        carry, open_at_0, close_from = buf[cut:], False, 0
    if carry:
        yield carry


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


def _elements(fh: BinaryIO, info: zipfile.ZipInfo,
              limits: Limits) -> Iterator[tuple[str, dict[str, str]]]:
    """(local name, attributes by local name) of every element of a small XML part,
    parsed with defusedxml (DTDs, entities and external references forbidden)."""
    cap = min(limits.max_tree_part_bytes, limits.max_entry_bytes)
    reader = _Reader(_no_dtd(_chunks(fh, info, cap), info.filename))
    try:
        for _event, elem in safe_et.iterparse(reader, events=("end",), forbid_dtd=True):
            tag: str = elem.tag
            attrib: dict[str, str] = {_local(k): v for k, v in elem.attrib.items()}
            elem.clear()
            yield _local(tag), attrib
    except (ParseError, LookupError, ValueError) as exc:  # ValueError: DefusedXmlException
        raise _Refused(error(
            f"{_DAMAGED}: {info.filename} is not valid XML ({exc}); {_NEW_COPY}")) from exc


# --------------------------------------------------------------------------- sheet scan


@lru_cache(maxsize=16)
def _sheet_patterns(prefix: bytes, min_long: int) -> dict[str, re.Pattern[bytes]]:
    """Byte patterns over sheet XML whose elements carry `prefix` (b"" or b"x:")."""
    p = re.escape(prefix)
    q = rb"[\"']"
    return {
        # Cell references as Excel writes them (a literal prefix: fast) ...
        "col_fast": re.compile(rb' r="([A-Za-z]+)[0-9]'),
        "row_fast": re.compile(rb' r="[A-Za-z]+([0-9]+)'),
        # ... and as XML allows them (other quotes, white space), when those miss cells.
        "col": re.compile(rb"<" + p + rb"c\s(?:[^<>]*?\s)?r\s*=\s*" + q
                          + rb"([A-Za-z]+)[0-9]"),
        "row": re.compile(rb"<" + p + rb"c\s(?:[^<>]*?\s)?r\s*=\s*" + q
                          + rb"[A-Za-z]+([0-9]+)"),
        "cell_start": re.compile(rb"<" + p + rb"c[\s>/]"),
        "row_r": re.compile(rb"<" + p + rb"row\s(?:[^<>]*?\s)?r\s*=\s*" + q
                            + rb"([0-9]+)"),
        "dimension": re.compile(rb"<" + p + rb"dimension\s(?:[^<>]*?\s)?ref=" + q
                                + rb"([^\"'<>]*)"),
        "merge": re.compile(rb"<" + p + rb"mergeCell\s(?:[^<>]*?\s)?ref=" + q
                            + rb"([^\"'<>]*)"),
        # A cell without a <v> child: its start tag and its content.
        "no_value": re.compile(rb"<" + p + rb"c(\s[^<>]*)?(?<!/)>([^<]*(?:<(?!" + p
                               + rb"v[\s>/]|/" + p + rb"c>|" + p + rb"c[\s>/])[^<]*)*)</"
                               + p + rb"c>"),
        "formula": re.compile(rb"<" + p + rb"f[\s>/]"),
        "long_v": re.compile(rb"<" + p + rb"v>([^<]{" + str(min_long).encode() + rb",})"),
        "long_t": re.compile(rb"<" + p + rb"t(?:\s[^<>]*)?>([^<]{" + str(min_long).encode()
                             + rb",})"),
        "rich_is": re.compile(rb"<" + p + rb"is>\s*<" + p + rb"r[\s>]"),
        # Each attempt stops at the next item, so these stay linear on hostile input.
        "long_is": re.compile(rb"<" + p + rb"is>(?:[^<]|<(?!/" + p + rb"is>|" + p
                              + rb"is>)){" + str(min_long).encode() + rb"}"),
        "phonetic": re.compile(rb"<" + p + rb"rPh[\s>][^<]*(?:<(?!/" + p + rb"rPh>|" + p
                               + rb"rPh[\s>])[^<]*)*</" + p + rb"rPh>"),
        "long_si": re.compile(rb"<" + p + rb"si(?:\s[^<>]*)?>(?:[^<]|<(?!/" + p + rb"si>|"
                              + p + rb"si[\s>/])){" + str(min_long).encode() + rb"}"),
    }


_ROOT = re.compile(rb"<(?![?!])(?:([A-Za-z_][\w.-]*):)?[A-Za-z_][\w.-]*[\s>/]")
_R_ATTR = re.compile(rb"(?:^|\s)r=[\"']([^\"']*)[\"']")
_T_SHARED = re.compile(rb"(?:^|\s)t=[\"']s[\"']")
_EXCEL_ESCAPE = re.compile(r"_x[0-9A-Fa-f]{4}_")
_TAG = re.compile(rb"<[^<>]*>")
_WINDOW = 1024 * 1024


def _starts(prefix: bytes, name: bytes) -> tuple[bytes, ...]:
    """The byte strings that begin an element `name` (followed by space, > or /)."""
    return tuple(b"<" + prefix + name + end for end in (b" ", b">", b"/", b"\t", b"\n", b"\r"))


def _with_prefix(chunks: Iterable[bytes]) -> tuple[bytes, Iterator[bytes]]:
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


def _text_length(xml: bytes, pats: dict[str, re.Pattern[bytes]], stop: int) -> tuple[int, bool]:
    """(characters, exact) of the text in a string item: its runs' text without the
    phonetic (rPh) runs, found by dropping every tag (Excel writes no white space between
    the tags of an item; a pretty-printed one may count a few characters too many).
    Counted 1 MB at a time, stopping once over `stop` (then not exact)."""
    total = 0
    pos = 0
    while pos < len(xml):
        end = len(xml)
        if end - pos > _WINDOW:
            end = xml.rfind(b"<", pos + 1, pos + _WINDOW)
            end = end if end > pos else pos + _WINDOW
        part = xml[pos:end]
        if b"rPh" in part:
            part = pats["phonetic"].sub(b"", part)
        raw = _TAG.sub(b"", part) if b"<" in part else part
        text = html.unescape(raw.decode("utf-8", "replace"))
        total += len(_EXCEL_ESCAPE.sub("x", text))
        pos = end
        if total > stop and pos < len(xml):
            return total, False
    return total, True


class _SheetScan:
    """Everything the guard wants from one sheet's XML, fed piece by piece."""

    def __init__(self, prefix: bytes, limits: Limits,
                 long_shared: dict[int, tuple[int, bool]]) -> None:
        self.limits = limits
        self.pats = _sheet_patterns(prefix, limits.max_string_chars + 1)
        self.prefix = prefix
        self.cell_starts = _starts(prefix, b"c")
        self.row_split = re.compile(rb"<" + re.escape(prefix) + rb"row[\s>/]")
        self.c_token = b"<" + prefix + b"c"
        self.row_token = b"<" + prefix + b"row"
        self.long_shared = long_shared
        # The <v> of a cell using one of the long shared strings (indexes are few).
        self.shared_v = re.compile(
            rb"<" + re.escape(prefix) + rb"v>(" + b"|".join(str(i).encode() for i in
                                                         sorted(long_shared)[:1000])
            + rb")</" + re.escape(prefix) + rb"v>") if long_shared else None
        self.dimension: str | None = None
        self.max_row = 0  # 1-based, from cell references
        self.max_col = 0
        self.max_row_r = 0  # from <row r="...">
        self.rows_seen = 0
        self.implicit = False  # some cells have no r="..." attribute
        self.implicit_cols = 0
        self.merged: list[str] = []
        self.merged_area = 0
        self.too_many_merged = False
        self.bad_merge: str | None = None
        self.no_value: list[str] = []
        self.no_value_total = 0
        self.long_text: list[tuple[str, int, bool]] = []  # cell, characters, exact
        self.long_text_total = 0

    def feed(self, piece: bytes) -> None:
        pats = self.pats
        if self.dimension is None and b"dimension" in piece:
            match = pats["dimension"].search(piece)
            if match:
                self.dimension = match.group(1).decode("utf-8", "replace")
        col_list = pats["col_fast"].findall(piece)
        row_list = pats["row_fast"].findall(piece)
        if piece.count(self.c_token) != len(row_list):  # <cols>, <cfRule>, ... or odd cells
            cells = len(pats["cell_start"].findall(piece))
            if cells > len(row_list):
                col_list = pats["col"].findall(piece)
                row_list = pats["row"].findall(piece)
                if cells > len(row_list):
                    self._implicit_positions(piece)
        if col_list:
            self.max_col = max(self.max_col, max(_col_number(c) for c in set(col_list)))
        if row_list:
            self.max_row = max(self.max_row, _max_number(row_list))
        rows_here = piece.count(self.row_token)  # rowBreaks too: only makes it larger
        if rows_here:
            row_rs = pats["row_r"].findall(piece)
            if row_rs:
                self.max_row_r = max(self.max_row_r, _max_number(row_rs))
            self.rows_seen += rows_here
        if b"mergeCell" in piece:
            self._merges(piece)
        if pats["formula"].search(piece):
            self._formulas(piece)
        if len(piece) > self.limits.max_string_chars:
            self._long_texts(piece)
        if self.shared_v is not None:
            self._long_shared_cells(piece, self.shared_v)

    def _implicit_positions(self, piece: bytes) -> None:
        """Cells without r="..." sit after the previous cell of their row: count them."""
        self.implicit = True
        for segment in self.row_split.split(piece):
            n = sum(segment.count(s) for s in self.cell_starts)
            self.implicit_cols = max(self.implicit_cols, n)

    def _merges(self, piece: bytes) -> None:
        for raw in self.pats["merge"].findall(piece):
            if len(self.merged) >= self.limits.max_merged_ranges:
                self.too_many_merged = True
                return
            ref = raw.decode("utf-8", "replace")
            self.merged.append(ref)
            bounds = _parse_range(ref)
            if bounds is None:
                continue
            (r1, c1), (r2, c2) = bounds
            if max(r1, r2) > self.limits.max_rows or max(c1, c2) > self.limits.max_cols:
                self.bad_merge = self.bad_merge or ref
                continue
            self.merged_area += (abs(r2 - r1) + 1) * (abs(c2 - c1) + 1)
            if self.merged_area > self.limits.max_cells:
                self.bad_merge = self.bad_merge or ref

    def _cell_ref(self, start_tag: bytes | None) -> str:
        match = _R_ATTR.search(start_tag or b"")
        return match.group(1).decode("utf-8", "replace") if match else "?"

    def _formulas(self, piece: bytes) -> None:
        formula = self.pats["formula"]
        for match in self.pats["no_value"].finditer(piece):
            if formula.search(match.group(2)):
                self.no_value_total += 1
                if len(self.no_value) < _SHOWN:
                    self.no_value.append(self._cell_ref(match.group(1)))

    def _long(self, ref: str, measured: tuple[int, bool]) -> None:
        if measured[0] > self.limits.max_string_chars:
            self.long_text_total += 1
            if len(self.long_text) < _SHOWN:
                self.long_text.append((ref, *measured))

    def _ref_before(self, piece: bytes, pos: int) -> str:
        start = _rfind_start(piece, self.c_token, max(0, pos - 65536), pos)
        if start < 0:  # a cell with over 64 KB before its text
            start = _rfind_start(piece, self.c_token, 0, pos)
        if start < 0:
            return "?"
        end = piece.find(b">", start)
        return self._cell_ref(piece[start + 1:end])

    def _long_texts(self, piece: bytes) -> None:
        pats = self.pats
        stop = self.limits.max_string_chars
        for match in pats["long_v"].finditer(piece):
            self._long(self._ref_before(piece, match.start()),
                       _text_length(match.group(1), pats, stop))
        if not pats["rich_is"].search(piece):  # one run per string: its <t> tells
            for match in pats["long_t"].finditer(piece):
                self._long(self._ref_before(piece, match.start()),
                           _text_length(match.group(1), pats, stop))
            return
        for match in pats["long_is"].finditer(piece):
            end = piece.find(b"</" + self.prefix + b"is>", match.start())
            item = piece[match.start():end if end >= 0 else len(piece)]
            self._long(self._ref_before(piece, match.start()),
                       _text_length(item, pats, stop))

    def _long_shared_cells(self, piece: bytes, shared_v: re.Pattern[bytes]) -> None:
        for match in shared_v.finditer(piece):
            start = _rfind_start(piece, self.c_token, max(0, match.start() - 65536),
                                 match.start())
            tag = piece[start:piece.find(b">", start)] if start >= 0 else b""
            if _T_SHARED.search(tag):
                self._long(self._cell_ref(tag), self.long_shared[int(match.group(1))])

    def extent(self) -> tuple[int, int]:
        """(last row, last column), 1-based, that a reader padding from A1 would need."""
        rows, cols = self.max_row, self.max_col
        if self.implicit:  # conservative: positions follow the row and previous cell
            rows = max(rows, self.max_row_r, self.rows_seen)
            cols = cols + self.implicit_cols
        return rows, cols


def _scan_sheet(fh: BinaryIO, info: zipfile.ZipInfo, limits: Limits,
                long_shared: dict[int, tuple[int, bool]]) -> _SheetScan:
    chunks = _as_utf8(_no_dtd(_chunks(fh, info, limits.max_entry_bytes), info.filename))
    prefix, stream = _with_prefix(chunks)
    scan = _SheetScan(prefix, limits, long_shared)
    for piece in _pieces(stream, scan.c_token, b"</" + prefix + b"c>",
                         limits.max_cell_xml_bytes, info.filename):
        scan.feed(piece)
        rows, cols = scan.extent()
        if rows > limits.max_rows or cols > limits.max_cols or rows * cols > limits.max_cells:
            break  # already refused: the rest cannot change that
    return scan


def _long_shared_strings(fh: BinaryIO, info: zipfile.ZipInfo,
                         limits: Limits) -> dict[int, tuple[int, bool]]:
    """{index: (characters, exact)} of the shared strings longer than Excel allows."""
    chunks = _as_utf8(_no_dtd(_chunks(fh, info, limits.max_entry_bytes), info.filename))
    prefix, stream = _with_prefix(chunks)
    pats = _sheet_patterns(prefix, limits.max_string_chars + 1)
    starts = _starts(prefix, b"si")
    found: dict[int, tuple[int, bool]] = {}
    index = 0  # of the first item in the piece
    for piece in _pieces(stream, b"<" + prefix + b"si", b"</" + prefix + b"si>",
                         limits.max_cell_xml_bytes, info.filename):
        if len(piece) > limits.max_string_chars:
            counted, before = 0, index
            for match in pats["long_si"].finditer(piece):
                before += sum(piece.count(s, counted, match.start()) for s in starts)
                counted = match.start()
                end = piece.find(b"</" + prefix + b"si>", match.start())
                item = piece[match.start():end if end >= 0 else len(piece)]
                measured = _text_length(item, pats, limits.max_string_chars)
                if measured[0] > limits.max_string_chars:
                    found[before] = measured
        index += sum(piece.count(s) for s in starts)
    return found


def _sheet_issues(name: str, scan: _SheetScan, limits: Limits) -> list[Issue]:
    issues: list[Issue] = []
    rows, cols = scan.extent()
    dim = _parse_range(scan.dimension) if scan.dimension else None
    if dim is not None:
        rows = max(rows, dim[0][0], dim[1][0])
        cols = max(cols, dim[0][1], dim[1][1])
    if rows > limits.max_rows or cols > limits.max_cols:
        shown = (_a1(rows, cols) if rows < 10**9 and cols < 10**9
                 else "beyond the last row or column")
        issues.append(error(
            f"sheet '{name}' has cells at {shown}, past Excel's last cell "
            f"{_a1(limits.max_rows, limits.max_cols)}: the file is damaged; copy the data "
            "to a new workbook and save that", name))
    elif rows * cols > limits.max_cells:
        far = _a1(rows, cols)
        issues.append(error(
            f"sheet '{name}' claims cells up to {far} ({_count(rows * cols)} cells); delete "
            "the unused rows/columns or copy the data to a new workbook", name, far))
    if scan.too_many_merged:
        issues.append(error(
            f"sheet '{name}' has more than {limits.max_merged_ranges:,} merged ranges; unmerge "
            "them (select all, Home > Merge & Center > Unmerge Cells) and save again", name))
    elif scan.bad_merge:
        issues.append(error(
            f"sheet '{name}' has merged cells {scan.bad_merge} covering too many cells "
            f"(all merged ranges together may cover at most {_count(limits.max_cells)}); "
            "unmerge them (Home > Merge & Center > Unmerge Cells) and save again", name,
            scan.bad_merge.split(":")[0]))
    elif scan.merged:
        first = scan.merged[0].split(":")[0]
        issues.append(warning(
            f"merged cells {_listing(scan.merged[:_SHOWN], len(scan.merged))} — unmerge them "
            "(Home > Merge & Center > Unmerge Cells) so each value sits in its own cell",
            name, first if _parse_ref(first) else None))
    if scan.long_text:
        shown_cells = [f"{ref} ({'' if exact else 'over '}{length:,} characters)"
                       for ref, length, exact in scan.long_text]
        first_ref = scan.long_text[0][0]
        issues.append(error(
            f"text too long in {_listing(shown_cells, scan.long_text_total)}: a cell may hold "
            f"at most {limits.max_string_chars:,} characters; shorten the text or split it "
            "over several cells", name, first_ref if _parse_ref(first_ref) else None))
    if scan.no_value:
        cells = _listing(scan.no_value, scan.no_value_total)
        subject = (f"formula in {cells} has" if scan.no_value_total == 1
                   else f"formulas in {cells} have")
        first_ref = scan.no_value[0]
        issues.append(warning(
            f"{subject} no stored value (file saved by a program that does not calculate); "
            "open and save it in Excel or LibreOffice", name,
            first_ref if _parse_ref(first_ref) else None))
    return issues


# --------------------------------------------------------------------------- file kinds


def _open_regular(path: Path) -> tuple[BinaryIO | None, Issue | None]:
    """The file opened for reading only, or the issue that stops it."""
    try:
        st = path.stat()
    except (FileNotFoundError, ValueError):  # ValueError: a NUL character in the name
        return None, error("file not found; check the file name and the folder")
    except PermissionError:
        return None, error("cannot open the file (permission denied); check that you may "
                           "read it, or copy it to your own folder and use the copy")
    except OSError as exc:
        return None, error(f"cannot open the file ({exc.strerror or exc}); copy it to a "
                           "local folder and use the copy")
    if stat.S_ISDIR(st.st_mode):
        return None, error("this is a folder, not a file; choose the Excel workbook inside it")
    if not stat.S_ISREG(st.st_mode):
        return None, error("this is not an ordinary file; save the workbook as a normal .xlsx "
                           "file and choose that")
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except PermissionError:
        return None, error("cannot open the file (permission denied); close it in Excel if "
                           "it is open there, check that you may read it, or copy it to your "
                           "own folder and use the copy")
    except OSError as exc:
        return None, error(f"cannot open the file ({exc.strerror or exc}); copy it to a "
                           "local folder and use the copy")
    return os.fdopen(fd, "rb"), None


def _search_file(fh: BinaryIO, needle: bytes, limit: int) -> bool:
    """Whether `needle` occurs in the first `limit` bytes, read in chunks."""
    fh.seek(0)
    tail = b""
    read = 0
    while read < limit:
        chunk = fh.read(min(_CHUNK, limit - read))
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


def _not_zip_issue(fh: BinaryIO, head: bytes, size: int, suffix: str,
                   limits: Limits) -> Issue:
    if head.startswith(_OLE_MAGIC):
        if _search_file(fh, _ENCRYPTION_INFO, min(size, limits.max_file_bytes)):
            return error("password-protected workbook: remove the password (File > Info > "
                         "Protect Workbook > Encrypt with Password, clear the box) and save "
                         "again")
        return error("legacy .xls workbook (Excel 97-2003): open it and save as Excel "
                     "Workbook (.xlsx)")
    kind = _text_kind(head)
    if kind == "text":
        return error(f"this is a text/CSV file renamed {suffix}; open it in Excel and save as "
                     ".xlsx (Excel Workbook)")
    if kind == "html":
        return error(f"this is a web page (HTML) renamed {suffix}, as some systems export; "
                     "open it in Excel and save as .xlsx (Excel Workbook)")
    if kind == "xml2003":
        return error("this is an Excel 2003 XML spreadsheet; open it in Excel and save as "
                     ".xlsx (Excel Workbook)")
    if kind == "xml":
        return error(f"this is an XML file renamed {suffix}, not an Excel workbook; check you "
                     "chose the right file")
    return error("not an Excel workbook; check you chose the right file, or open it in Excel "
                 "and save as .xlsx (Excel Workbook)")


# --------------------------------------------------------------------------- zip


def _directory_record(fh: BinaryIO, size: int) -> tuple[int, int] | None:
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


def _entry_issues(infos: list[zipfile.ZipInfo], limits: Limits) -> list[Issue]:
    """Duplicates, declared sizes, ratios, encryption, compression: before any read."""
    issues: list[Issue] = []
    if len(infos) > limits.max_entries:
        return [error(f"the file holds {len(infos):,} parts, more than the "
                      f"{limits.max_entries:,} any real workbook has: it is damaged or not a "
                      f"workbook; {_NEW_COPY}")]
    seen: dict[str, str] = {}
    for info in infos:
        key = info.filename.lower()
        if key in seen:
            issues.append(error(f"{_DAMAGED}: the part {info.filename} appears twice "
                                f"(a file readers may read differently); {_NEW_COPY}"))
            break
        seen[key] = info.filename
    total = sum(info.file_size for info in infos)
    if total > limits.max_total_uncompressed:
        issues.append(error(
            f"the workbook unpacks to {_size(total)}, more than the "
            f"{_size(limits.max_total_uncompressed)} allowed (too large, or a 'zip bomb'); "
            "delete unused sheets, pictures and empty rows, or split the data over several "
            "workbooks"))
    large: list[zipfile.ZipInfo] = []
    bombs: list[zipfile.ZipInfo] = []
    for info in infos:
        if info.flag_bits & 0x1:
            issues.append(error(
                "the workbook's parts are encrypted with a zip password; open it in Excel "
                "and save it as a normal .xlsx without a password"))
            break
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            issues.append(error(
                f"{_DAMAGED}: the part {info.filename} uses a compression Excel never "
                f"writes; {_NEW_COPY}"))
            break
        if info.file_size > limits.max_entry_bytes:
            large.append(info)
        elif (info.file_size > limits.ratio_min_bytes
              and info.compress_size < info.file_size * limits.min_ratio):
            bombs.append(info)
    if large:
        shown = [f"{i.filename} ({_size(i.file_size)})" for i in large[:3]]
        issues.append(error(
            f"parts too large once unpacked: {_listing(shown, len(large))}, over the "
            f"{_size(limits.max_entry_bytes)} allowed for one part; delete unused rows, "
            "sheets or pictures, or split the data over several workbooks"))
    if bombs:
        shown = [f"{i.filename} ({i.file_size / max(i.compress_size, 1):,.0f} to 1)"
                 for i in bombs[:3]]
        issues.append(error(
            f"parts compressed far more than in any real workbook: "
            f"{_listing(shown, len(bombs))} (a 'zip bomb'); the file is not read: ask the "
            "sender for the original file"))
    return issues


def _other_zip_kind(names: set[str]) -> Issue | None:
    """A zip that is not an .xlsx: another format, or a workbook missing its parts."""
    if "xl/workbook.bin" in names:
        return error("this is an Excel Binary Workbook (.xlsb); open it in Excel and save "
                     "as .xlsx (Excel Workbook)")
    if "mimetype" in names and "content.xml" in names:
        return error("this is an OpenDocument file (.ods, from LibreOffice); open it and "
                     "save as .xlsx (Excel Workbook)")
    if "word/document.xml" in names:
        return error("this is a Word document, not an Excel workbook; choose the workbook")
    if "ppt/presentation.xml" in names:
        return error("this is a PowerPoint presentation, not an Excel workbook; choose the "
                     "workbook")
    if "[content_types].xml" not in names:
        return error("not an Excel workbook: this zip file has no [Content_Types].xml (a "
                     "damaged workbook or another kind of file); open it in Excel and save "
                     "as .xlsx, or choose the right file")
    if "xl/workbook.xml" not in names:
        return error("not an Excel workbook: xl/workbook.xml is missing (a damaged workbook "
                     "or another kind of Office file); open it in Excel and save as .xlsx, "
                     "or choose the right file")
    return None


def _part_name(base: str, target: str) -> str:
    """A relationship target resolved against the part `base` (zip names, lower case)."""
    target = unquote(target.strip()).replace("\\", "/")
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/")).lower()
    return posixpath.normpath(posixpath.join(posixpath.dirname(base), target)).lower()


@dataclass
class _State:
    """What inspecting one file has found so far."""

    issues: list[Issue]
    sheets: list[SheetFacts]
    macro: bool = False


def _relationships(fh: BinaryIO, info: zipfile.ZipInfo | None, base: str,
                   limits: Limits) -> dict[str, tuple[str, str]]:
    """{Id: (type's last word, part name)} of a .rels part (empty when absent)."""
    rels: dict[str, tuple[str, str]] = {}
    if info is None:
        return rels
    for name, attrs in _elements(fh, info, limits):
        if name == "Relationship" and "Id" in attrs:
            kind = attrs.get("Type", "").rsplit("/", 1)[-1].lower()
            target = attrs.get("Target", "")
            external = attrs.get("TargetMode", "").lower() == "external"
            rels[attrs["Id"]] = (kind, "" if external else _part_name(base, target))
    return rels


def _inspect_zip(zf: zipfile.ZipFile, fh: BinaryIO, limits: Limits, state: _State) -> None:
    infos = zf.infolist()
    problems = _entry_issues(infos, limits)
    if problems:
        state.issues.extend(problems)
        return
    by_name = {info.filename.lower(): info for info in infos}
    other = _other_zip_kind(set(by_name))
    if other is not None:
        state.issues.append(other)
        return

    # Content types: macro-enabled or not.
    for name, attrs in _elements(fh, by_name["[content_types].xml"], limits):
        if name in ("Override", "Default") and "macroenabled" in attrs.get(
                "ContentType", "").lower():
            state.macro = True
    if "xl/vbaproject.bin" in by_name:
        state.macro = True
    if state.macro:
        state.issues.append(warning(
            "macro-enabled workbook: macros are never run; only the values stored in the "
            "file are read"))

    workbook = "xl/workbook.xml"
    rels = _relationships(fh, by_name.get("xl/_rels/workbook.xml.rels"), workbook, limits)

    # workbook.xml: the sheets in order, hidden or not; external references.
    declared: list[tuple[str, str, str | None]] = []  # name, state, relationship id
    external = any(n.startswith("xl/externallinks/") for n in by_name)
    for name, attrs in _elements(fh, by_name[workbook], limits):
        if name == "sheet":
            declared.append((attrs.get("name", ""), attrs.get("state", "visible"),
                             attrs.get("id")))
        elif name in ("externalReferences", "externalReference"):
            external = True
    if any(kind == "externallink" for kind, _ in rels.values()):
        external = True
    if external:
        state.issues.append(warning(
            "the workbook links to other workbooks; external links are not followed: the "
            "values stored in this file are used. To refresh them, open it in Excel, update "
            "the links (Data > Edit Links) and save"))
    if not declared:
        state.issues.append(error(f"{_DAMAGED}: it has no sheets; {_NEW_COPY}"))
        return

    # Shared strings over Excel's length, so the sheets can name the cells using them.
    long_shared: dict[int, tuple[int, bool]] = {}
    shared = [part for kind, part in rels.values() if kind == "sharedstrings"]
    sst = by_name.get(shared[0] if shared else "xl/sharedstrings.xml")
    if sst is not None:
        try:
            long_shared = _long_shared_strings(fh, sst, limits)
        except _Refused as refused:
            state.issues.append(refused.issue)

    read = {sst.filename.lower()} if sst is not None else set()
    scans: dict[str, _SheetScan] = {}  # a part named by several sheets is scanned once
    names_seen: dict[str, str] = {}
    for sheet_name, sheet_state, rid in declared:
        hidden = sheet_state.lower() in ("hidden", "veryhidden")
        kind, part = rels.get(rid or "", ("", ""))
        info = by_name.get(part) if part else None
        key = sheet_name.casefold()
        if key in names_seen:
            state.issues.append(error(
                f"{_DAMAGED}: two sheets are named '{sheet_name}'; {_NEW_COPY}", sheet_name))
        names_seen[key] = sheet_name
        # Hidden sheets are facts here; the reader warns for those whose data it uses.
        if info is None:
            state.issues.append(error(
                f"{_DAMAGED}: sheet '{sheet_name}' is missing from the file; {_NEW_COPY}",
                sheet_name))
            state.sheets.append(SheetFacts(sheet_name, hidden, None, (), kind or "worksheet"))
            continue
        read.add(info.filename.lower())
        try:
            scan = scans.get(part) or _scan_sheet(fh, info, limits, long_shared)
            scans[part] = scan
        except _Refused as refused:
            state.issues.append(Issue(refused.issue.severity, refused.issue.message,
                                      sheet_name, None))
            state.sheets.append(SheetFacts(sheet_name, hidden, None, (), kind or "worksheet"))
            continue
        state.sheets.append(SheetFacts(sheet_name, hidden, scan.dimension,
                                       tuple(scan.merged), kind or "worksheet"))
        state.issues.extend(_sheet_issues(sheet_name, scan, limits))

    # The other XML parts (styles, drawings, comments...) are read by the parsers too:
    # no DTD there either, and each must unpack to exactly its declared size.
    done = {"[content_types].xml", "xl/_rels/workbook.xml.rels", workbook}
    done.update(read)
    for info in infos:
        name = info.filename.lower()
        if name in done or not name.endswith((".xml", ".rels", ".vml")):
            continue
        try:
            for _chunk in _no_dtd(_chunks(fh, info, limits.max_entry_bytes), info.filename):
                pass
        except _Refused as refused:
            state.issues.append(refused.issue)
            return


# --------------------------------------------------------------------------- entry point


def inspect_file(path: Path | str, limits: Limits = DEFAULT_LIMITS) -> GuardResult:
    """Judge the file before any parser reads it. Never raises for anything in the file;
    never writes to it. `result.ok` is False when the file must not be parsed."""
    path = Path(path)
    state = _State([], [])
    fh, problem = _open_regular(path)
    if fh is None:
        return GuardResult([problem] if problem else [], [], False)
    with fh:
        try:
            _inspect_open(fh, path, limits, state)
        except _Refused as refused:
            state.issues.append(refused.issue)
        except (ParseError, defusedxml.DefusedXmlException) as exc:
            state.issues.append(error(f"{_DAMAGED}: it holds invalid XML ({exc}); "
                                      f"{_NEW_COPY}"))
        except _FILE_ERRORS as exc:
            state.issues.append(_damaged(exc))
    return GuardResult(sort_issues(state.issues), state.sheets, state.macro)


def _damaged(exc: BaseException) -> Issue:
    if isinstance(exc, OSError):
        return error(f"cannot read the file ({exc.strerror or exc}); copy it to a local "
                     "folder and use the copy")
    return error(f"{_DAMAGED} or incomplete: it cannot be unzipped. It may not have been "
                 "copied completely: get it again, or open it in Excel (which can repair it) "
                 "and save as .xlsx")


def _inspect_open(fh: BinaryIO, path: Path, limits: Limits, state: _State) -> None:
    size = os.fstat(fh.fileno()).st_size
    if size == 0:
        state.issues.append(error("the file is empty (0 bytes): it was not saved or not copied "
                                  "completely; get the workbook again"))
        return
    if size > limits.max_file_bytes:
        state.issues.append(error(
            f"the file is {_size(size)}, more than the {_size(limits.max_file_bytes)} "
            "allowed; delete unused sheets, pictures and empty rows, or split the data over "
            "several workbooks"))
        return
    head = fh.read(64 * 1024)
    if not head.startswith(_ZIP_MAGIC):
        state.issues.append(_not_zip_issue(fh, head, size, path.suffix or ".xlsx", limits))
        return
    record = _directory_record(fh, size)
    if record is not None:
        entries, cd_size = record
        if entries > limits.max_entries or cd_size > limits.max_directory_bytes:
            state.issues.append(error(
                f"the file holds {entries:,} parts ({_size(cd_size)} of contents list), more "
                f"than any real workbook: it is damaged or not a workbook; {_NEW_COPY}"))
            return
    fh.seek(0)
    with zipfile.ZipFile(fh) as zf:
        _inspect_zip(zf, fh, limits, state)
