"""Each sheet, scanned as a byte stream without building a tree: the extent of its
cells, merged ranges, formulas without a stored value, strings over Excel's 32,767
characters; and the issues they make."""

from __future__ import annotations

import html
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import BinaryIO

from roti_excel import schema
from roti_excel.a1 import a1, parse_a1, parse_range
from roti_excel.issues import Issue, error, warning
from roti_excel.messages import msg
from roti_excel.reading.guard import above
from roti_excel.reading.guard.common import (
    SHOWN,
    col_number,
    count_text,
    damaged,
    listed,
    max_number,
)
from roti_excel.reading.guard.limits import Limits
from roti_excel.reading.guard.xmlcheck import no_dtd
from roti_excel.reading.guard.xmlstream import as_utf8, pieces, rfind_start, with_prefix
from roti_excel.reading.guard.zipcheck import entry_chunks


def _inside(p: bytes, also: bytes) -> bytes:
    """A cell's content up to its <v>, its end or the next cell (or `also`)."""
    return (rb"[^<]*(?:<(?!" + p + rb"v[\s>/]|/" + p + rb"c>|" + p + rb"c[\s>/]" + also
            + rb")[^<]*)*")


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
        # A hidden row: its start tag's attributes (hidden="1" or "true").
        "hidden_row": re.compile(rb"<" + p + rb"row(\s[^<>]*?\shidden\s*=\s*[\"'](?:1|true)"
                                 rb"[\"'][^<>]*)>"),
        "dimension": re.compile(rb"<" + p + rb"dimension\s(?:[^<>]*?\s)?ref=" + q
                                + rb"([^\"'<>]*)"),
        "merge": re.compile(rb"<" + p + rb"mergeCell\s(?:[^<>]*?\s)?ref=" + q
                            + rb"([^\"'<>]*)"),
        # A cell without a <v> child: its start tag and its content.
        # A formula cell without a value: its start tag's attributes, then (with no <v>
        # before it) a formula, then either the cell's end or an empty <v/> or <v></v>
        # (what openpyxl writes), captured. Unrolled loops: linear on hostile input.
        "no_value": re.compile(
            rb"<" + p + rb"c(\s[^<>]*)?(?<!/)>" + _inside(p, rb"|" + p + rb"f[\s>/]")
            + rb"<" + p + rb"f[\s>/]" + _inside(p, b"") + rb"(?:</" + p + rb"c>|(<" + p
            + rb"v(?:\s[^<>]*)?(?:/>|>\s*</" + p + rb"v>)))"),
        "formula": re.compile(rb"<" + p + rb"f[\s>/]"),
        # A cell whose formula adds up or averages (a total row someone added): its start
        # tag's attributes. Only the text's start is looked at: =SUM(, =SUBTOTAL(9,...
        "aggregate": re.compile(
            rb"<" + p + rb"c(\s[^<>]*)?(?<!/)>\s*<" + p + rb"f(?:\s[^<>]*)?>\s*=?\s*"
            rb"(?:_xlfn\.)?(?:SUM|AVERAGE|AVERAGEA|SUBTOTAL|AGGREGATE)\s*\(", re.IGNORECASE),
        # The common spelling of a shared-string cell, as Excel, LibreOffice, openpyxl and
        # xlsxwriter write it: ` t="s"`, maybe more attributes, then its <v> at once.
        "shared_fast": re.compile(rb'\st="s"(?:\s[^<>]*?)?(?<!/)><' + p + rb"v>([^<]{0,24})</"
                                  + p + rb"v>"),
        # Any shared-string cell (t="s"): its start tag's attributes and its <v>.
        "shared_index": re.compile(
            rb"<" + p + rb"c(\s[^<>]*?\st\s*=\s*[\"']s[\"'][^<>]*?)(?<!/)>"
            + _inside(p, b"") + rb"<" + p + rb"v>([^<]{0,24})</" + p + rb"v>"),
        # A cell holding a spreadsheet error (t="e", e.g. #DIV/0!): its start tag's
        # attributes and the error's text. The content between may not leave the cell.
        "error_cell": re.compile(
            rb"<" + p + rb"c(\s[^<>]*?\st\s*=\s*[\"']e[\"'][^<>]*?)(?<!/)>"
            + _inside(p, b"") + rb"<" + p + rb"v>([^<]{0,64})</" + p + rb"v>"),
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


_R_ATTR = re.compile(rb"(?:^|\s)r=[\"']([^\"']*)[\"']")
_T_SHARED = re.compile(rb"(?:^|\s)t\s*=\s*[\"']s[\"']")
_T_ERROR = re.compile(rb"\st\s*=\s*[\"']e[\"']")
# t="s" spelled with white space around "=" (those cells take the exact count)
_T_SHARED_ODD = re.compile(rb"\st(?:\s+=|=\s)")
_T_STR = re.compile(rb"(?:^|\s)t=[\"']str[\"']")
# Formula cells without a value remembered per sheet, for the data-area check (more are
# counted): 10,000 references are well under a MB.
_KEPT = 10_000
_EXCEL_ESCAPE = re.compile(r"_x[0-9A-Fa-f]{4}_")
_TAG = re.compile(rb"<[^<>]*>")
_WINDOW = 1024 * 1024


def _starts(prefix: bytes, name: bytes) -> tuple[bytes, ...]:
    """The byte strings that begin an element `name` (followed by space, > or /)."""
    return tuple(b"<" + prefix + name + end for end in (b" ", b">", b"/", b"\t", b"\n", b"\r"))


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


def _may_hold_long_text(piece: bytes, limit: int, rich_run: tuple[bytes, bytes]) -> bool:
    """False when no text over `limit` characters can be in the piece: such a text is more
    than `limit` bytes without a "<" (XML escapes it), a run that covers a whole window of
    half that length, so a "<" in every window rules it out. A piece with rich text (several
    runs, <r>, in one cell) is always looked at."""
    if rich_run[0] in piece or rich_run[1] in piece:
        return True
    step = (limit + 1) // 2
    return any(piece.find(b"<", at, at + step) < 0
               for at in range(0, len(piece) - step + 1, step))


class SheetScan:
    """Everything the guard wants from one sheet's XML, fed piece by piece."""

    def __init__(self, prefix: bytes, limits: Limits, shared: SharedStrings) -> None:
        self.limits = limits
        self.pats = _sheet_patterns(prefix, limits.max_string_chars + 1)
        self.prefix = prefix
        self.cell_starts = _starts(prefix, b"c")
        self.row_split = re.compile(rb"<" + re.escape(prefix) + rb"row[\s>/]")
        self.c_token = b"<" + prefix + b"c"
        self.row_token = b"<" + prefix + b"row"
        # a cell as Excel, LibreOffice, openpyxl and xlsxwriter write it: r= first
        self.cell_ref = b"<" + prefix + b'c r="'
        self.ref_parts = re.compile(rb"([A-Za-z]+)([0-9]+)\"")
        self.row_ref = b"<" + prefix + b'row r="'
        self.rich_run = (b"<" + prefix + b"r>", b"<" + prefix + b"r ")
        self.row_digits = re.compile(rb'([0-9]+)"')
        # a text cell as they write it: t="s" last, then its <v> at once
        self.shared_ref = b' t="s"><' + prefix + b"v>"
        self.shared_end = b"</" + prefix + b"v>"
        long_shared = self.long_shared = shared.long
        self.shared_count = shared.count
        self.shared_max = -1  # the largest shared-string index a cell uses
        self.shared_bad: str | None = None  # a cell with an index that cannot be
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
        self.hidden_rows: list[int] = []  # 1-based, the first 10,000
        self.errors: list[tuple[str, str]] = []  # (cell, the error as shown, e.g. #DIV/0!)
        self.errors_total = 0
        self.aggregates: list[str] = []  # cells adding up or averaging, the first 10,000
        self.long_text: list[tuple[str, int, bool]] = []  # cell, characters, exact
        self.long_text_total = 0

    def feed(self, piece: bytes) -> None:
        if self.dimension is None and b"dimension" in piece:
            self._dimension(piece)
        self._cell_extent(piece)
        self._row_elements(piece)
        if b"mergeCell" in piece:
            self._merges(piece)
        if self.pats["formula"].search(piece):
            self._formulas(piece)
            self._aggregates(piece)
        single = b"'" in piece  # attributes in single quotes (rare): look for those too
        if (b'"e"' in piece or (single and b"'e'" in piece)) and _T_ERROR.search(piece):
            self._error_cells(piece)
        if len(piece) > self.limits.max_string_chars and _may_hold_long_text(
                piece, self.limits.max_string_chars, self.rich_run):
            self._long_texts(piece)
        if self.shared_v is not None:
            self._long_shared_cells(piece, self.shared_v)
        if self.shared_count is not None and (b'"s"' in piece or (single and b"'s'" in piece)):
            self._shared_indexes(piece)

    def _dimension(self, piece: bytes) -> None:
        match = self.pats["dimension"].search(piece)
        if match:
            self.dimension = match.group(1).decode("utf-8", "replace")

    def _cell_extent(self, piece: bytes) -> None:
        """The last row and column the piece's cell references name: by the bounds of its
        last reference when every cell is spelled as Excel writes it (see `above`), else by
        the fast patterns, or the lenient ones when those miss cells (and cells without
        r="..." counted)."""
        if not self._extent_by_bound(piece):
            self._extent_exact(piece)

    def _extent_by_bound(self, piece: bytes) -> bool:
        """True when the piece's largest row and column are known from its last cell: every
        cell starts <c r="LettersDigits"> and names a row and column within that bound."""
        count = piece.count(self.cell_ref)
        if count == 0 or count != piece.count(self.c_token):  # <cols>, <cfRule>, odd cells
            return False
        last = self.ref_parts.match(piece, piece.rfind(self.cell_ref) + len(self.cell_ref))
        if last is None or len(last.group(2)) > 9:
            return False
        rows = max(self.max_row, int(last.group(2)))
        cols = max(self.max_col, col_number(last.group(1)))
        within = above.letters_up_to(cols) + above.digits_up_to(rows)
        if above.not_within(self.cell_ref, within, b'"').search(piece):
            return False
        self.max_row, self.max_col = rows, cols
        return True

    def _extent_exact(self, piece: bytes) -> None:
        pats = self.pats
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
            self.max_col = max(self.max_col, max(col_number(c) for c in set(col_list)))
        if row_list:
            self.max_row = max(self.max_row, max_number(row_list))

    def _row_elements(self, piece: bytes) -> None:
        """The <row> elements seen and the largest r="..." among them."""
        rows_here = piece.count(self.row_token)  # rowBreaks too: only makes it larger
        if rows_here:
            if not self._row_r_by_bound(piece, rows_here):
                row_rs = self.pats["row_r"].findall(piece)
                if row_rs:
                    self.max_row_r = max(self.max_row_r, max_number(row_rs))
            self.rows_seen += rows_here
            if b"hidden" in piece:
                self._hidden_rows(piece)

    def _row_r_by_bound(self, piece: bytes, rows_here: int) -> bool:
        """True when the piece's largest <row r="..."> is its last one: every row element
        starts <row r="Digits"> and none names a larger row (see `above`)."""
        if piece.count(self.row_ref) != rows_here:
            return False
        last = self.row_digits.match(piece, piece.rfind(self.row_ref) + len(self.row_ref))
        if last is None or len(last.group(1)) > 9:
            return False
        rows = max(self.max_row_r, int(last.group(1)))
        if above.not_within(self.row_ref, above.digits_up_to(rows), b'"').search(piece):
            return False
        self.max_row_r = rows
        return True

    def _hidden_rows(self, piece: bytes) -> None:
        """Rows hidden in the sheet: calamine reads them like any other, so a hidden line
        (an old quote, a test row) would count without anyone seeing it."""
        for attrs in self.pats["hidden_row"].findall(piece):
            match = _R_ATTR.search(attrs)
            if match and match.group(1).isdigit() and len(self.hidden_rows) < _KEPT:
                self.hidden_rows.append(int(match.group(1)))

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
            bounds = parse_range(ref)
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
        """Formula cells with no <v>, or an empty one that is not a text result (Excel
        stores a formula giving "" as t="str" with an empty <v>), in the order found."""
        found: list[tuple[bytes, bytes]] = self.pats["no_value"].findall(piece)
        if b"str" in piece:
            found = [(tag, empty_v) for tag, empty_v in found
                     if not (empty_v and _T_STR.search(tag))]
        self.no_value_total += len(found)
        room = _KEPT - len(self.no_value)
        if room > 0:
            self.no_value.extend(self._cell_ref(tag) for tag, _ in found[:room])

    def _aggregates(self, piece: bytes) -> None:
        """Cells whose formula is a SUM, AVERAGE or SUBTOTAL: inside a table they are a
        total row the reader would count as one more line."""
        room = _KEPT - len(self.aggregates)
        if room > 0:
            found = self.pats["aggregate"].findall(piece)[:room]
            self.aggregates.extend(self._cell_ref(tag) for tag in found)

    def _shared_indexes(self, piece: bytes) -> None:
        """The largest shared-string index the cells use, and the first cell whose index is
        not a plain number (negative, empty): calamine would read such a cell as another
        text (item 0) without a word."""
        if self._shared_by_bound(piece):
            return
        indexes: list[bytes] = self.pats["shared_fast"].findall(piece)
        exact = len(indexes) == len(_T_SHARED.findall(piece)) and all(
            i.isdigit() for i in indexes)
        found: list[tuple[bytes, bytes]] = []
        if not exact:  # another spelling, or a bad index whose cell is to be named
            found = self.pats["shared_index"].findall(piece)
            indexes = [index for _, index in found]
        digits = [index for index in indexes if index.isdigit()]
        if digits:
            self.shared_max = max(self.shared_max, max_number(digits))
        if self.shared_bad is None and len(digits) < len(indexes):
            tag = next(tag for tag, index in found if not index.isdigit())
            self.shared_bad = self._cell_ref(tag)

    def _shared_by_bound(self, piece: bytes) -> bool:
        """True when every text cell of the piece is spelled t="s"><v>Digits</v> and names a
        shared text that exists (see `above`): nothing to note then."""
        count = piece.count(b't="s"')
        if (count != piece.count(self.shared_ref) or b"'s'" in piece
                or _T_SHARED_ODD.search(piece) or self.shared_count is None):
            return False
        if count == 0:
            return True
        if self.shared_count == 0:  # no shared texts: any text cell is one too many
            return False
        within = above.digits_up_to(self.shared_count - 1, zero=True)
        return above.not_within(self.shared_ref, within, self.shared_end).search(piece) is None

    def _error_cells(self, piece: bytes) -> None:
        """Cells holding a spreadsheet error: calamine reads them as blank, which would be a
        silent misread of the value the sheet shows (#DIV/0!, #REF!, #N/A...)."""
        found: list[tuple[bytes, bytes]] = self.pats["error_cell"].findall(piece)
        self.errors_total += len(found)
        room = _KEPT - len(self.errors)
        if room > 0:
            self.errors.extend((self._cell_ref(tag), shown.decode("utf-8", "replace"))
                               for tag, shown in found[:room])

    def _long(self, ref: str, measured: tuple[int, bool]) -> None:
        if measured[0] > self.limits.max_string_chars:
            self.long_text_total += 1
            if len(self.long_text) < SHOWN:
                self.long_text.append((ref, *measured))

    def _ref_before(self, piece: bytes, pos: int) -> str:
        start = rfind_start(piece, self.c_token, max(0, pos - 65536), pos)
        if start < 0:  # a cell with over 64 KB before its text
            start = rfind_start(piece, self.c_token, 0, pos)
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
            start = rfind_start(piece, self.c_token, max(0, match.start() - 65536),
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


def scan_sheet(fh: BinaryIO, info: zipfile.ZipInfo, limits: Limits,
               shared: SharedStrings) -> SheetScan:
    chunks = as_utf8(no_dtd(entry_chunks(fh, info, limits.max_entry_bytes), info.filename))
    prefix, stream = with_prefix(chunks)
    scan = SheetScan(prefix, limits, shared)
    for piece in pieces(stream, scan.c_token, b"</" + prefix + b"c>",
                        limits.max_cell_xml_bytes, info.filename):
        scan.feed(piece)
        rows, cols = scan.extent()
        if rows > limits.max_rows or cols > limits.max_cols or rows * cols > limits.max_cells:
            break  # already refused: the rest cannot change that
    return scan


@dataclass(frozen=True)
class SharedStrings:
    """What the sheets need of the shared-strings part: how many items it holds (None when
    unknown, the part having been refused), and {index: (characters, exact)} of the items
    longer than Excel allows."""

    count: int | None = 0
    long: dict[int, tuple[int, bool]] = field(default_factory=dict)


def long_shared_strings(fh: BinaryIO, info: zipfile.ZipInfo, limits: Limits) -> SharedStrings:
    """The items of the shared-strings part, counted, and those longer than Excel allows."""
    chunks = as_utf8(no_dtd(entry_chunks(fh, info, limits.max_entry_bytes), info.filename))
    prefix, stream = with_prefix(chunks)
    pats = _sheet_patterns(prefix, limits.max_string_chars + 1)
    starts = _starts(prefix, b"si")
    found: dict[int, tuple[int, bool]] = {}
    index = 0  # of the first item in the piece
    for piece in pieces(stream, b"<" + prefix + b"si", b"</" + prefix + b"si>",
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
    return SharedStrings(index, found)


def _over_capacity(name: str, rows: int, limits: Limits) -> list[Issue]:
    """A table longer than the tool's stated capacity for that sheet: refused before any
    parser runs, naming the sheet, its last row and the capacity."""
    found = schema.match_sheet(name)
    capacity = limits.table_capacity(found.key) if found is not None else None
    if capacity is None or rows <= capacity:
        return []
    return [error(msg("table_too_long", sheet=name, rows=count_text(rows),
                      limit=count_text(capacity)), name, a1(rows - 1, 0))]


def sheet_issues(name: str, scan: SheetScan, limits: Limits) -> list[Issue]:
    issues: list[Issue] = []
    rows, cols = scan.extent()
    dim = parse_range(scan.dimension) if scan.dimension else None
    if dim is not None:
        # counts of rows and columns: the last index + 1
        rows = max(rows, dim[0][0] + 1, dim[1][0] + 1)
        cols = max(cols, dim[0][1] + 1, dim[1][1] + 1)
    if rows > limits.max_rows or cols > limits.max_cols:
        shown = (a1(rows - 1, cols - 1) if rows < 10**9 and cols < 10**9
                 else msg("beyond_last_cell"))
        issues.append(error(msg("cells_past_excel", sheet=name, cell=shown,
                                last=a1(limits.max_rows - 1, limits.max_cols - 1)), name))
    elif rows * cols > limits.max_cells:
        far = a1(rows - 1, cols - 1)
        issues.append(error(msg("cells_too_many", sheet=name, cell=far,
                                cells=count_text(rows * cols)), name, far))
    else:
        issues.extend(_over_capacity(name, rows, limits))
    if scan.too_many_merged:
        issues.append(error(msg("merged_too_many", sheet=name,
                                limit=limits.max_merged_ranges), name))
    elif scan.bad_merge:
        issues.append(error(msg("merged_too_large", sheet=name, range=scan.bad_merge,
                                limit=count_text(limits.max_cells)),
                            name, scan.bad_merge.split(":")[0]))
    elif scan.merged:
        issues.append(merged_warning(name, scan.merged))
    if scan.long_text:
        shown_cells = [msg("text_length" if exact else "text_length_over", cell=ref,
                           length=length) for ref, length, exact in scan.long_text]
        first_ref = scan.long_text[0][0]
        issues.append(error(msg("text_too_long", cells=listed(shown_cells,
                                                              scan.long_text_total),
                                limit=limits.max_string_chars),
                            name, first_ref if parse_a1(first_ref) else None))
    if scan.no_value:
        issues.append(uncomputed_warning(name, scan.no_value, scan.no_value_total))
    issues.extend(_shared_index_issues(name, scan))
    return issues


def _shared_index_issues(name: str, scan: SheetScan) -> list[Issue]:
    """A text cell pointing past the shared texts, or not at one at all: the file is damaged,
    and calamine would show another text in its place."""
    if scan.shared_count is None:
        return []
    if scan.shared_bad is not None:
        return [error(damaged("text_cell_unclear", cell=scan.shared_bad, sheet=name), name,
                      scan.shared_bad)]
    if scan.shared_max >= scan.shared_count:
        used = (msg("text_number", n=scan.shared_max + 1) if scan.shared_max < 10**9 - 1
                else msg("text_number_huge"))
        return [error(damaged("text_number_missing", sheet=name, used=used,
                              count=scan.shared_count), name)]
    return []


def merged_warning(sheet: str, merged: Sequence[str]) -> Issue:
    """The guard's warning for a sheet's merged ranges (also rebuilt by the data-area
    check, which replaces it)."""
    first = merged[0].split(":")[0]
    return warning(msg("merged_cells", ranges=listed(merged[:SHOWN], len(merged))),
                   sheet, first if parse_a1(first) else None)


def uncomputed_warning(sheet: str, cells: Sequence[str], total: int) -> Issue:
    """The guard's warning for formula cells without a stored value, naming the first
    few of `cells` (`total` in all)."""
    key = "formula_no_value" if total == 1 else "formulas_no_value"
    return warning(msg(key, cells=listed(cells[:SHOWN], total)), sheet,
                   cells[0] if parse_a1(cells[0]) else None)

