"""A thin layer over an xlsxwriter worksheet: user text always as inert strings (truncated
with a visible marker past Excel's cell limit, and recorded), formulas always with their
cached value, column widths and wrapped-row heights worked out when the sheet is done,
and the same print setup on every sheet."""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from xlsxwriter.utility import quote_sheetname, xl_rowcol_to_cell

from roti_excel.narrative.numbers import format_date, format_number
from roti_excel.report.labels import Labels
from roti_excel.report.styles import Styles

MAX_CELL_TEXT = 32_767
MAX_WIDTH = 55.0  # characters; longer text wraps
MIN_WIDTH = 6.0
LINE_HEIGHT = 13.0  # points per line of 10-point text
DEFAULT_HEIGHT = 14.0  # every row, set explicitly so Excel and LibreOffice agree
# Advance widths of the report's font (Calibri, and Carlito with the same metrics), in
# thousandths of its size: a wrapped text's lines are counted from what its words measure,
# so a row is as tall as its text (no blank line under a paragraph that fits on one)
_GLYPH_WIDTH = dict(zip(
    " abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.,()-:;'\"%/•",
    (226, 479, 525, 423, 525, 498, 305, 471, 525, 229, 239, 455, 229, 799, 525, 527, 525,
     525, 349, 391, 335, 525, 452, 715, 433, 453, 395, 579, 544, 533, 615, 488, 459, 631,
     623, 252, 319, 520, 420, 855, 646, 662, 517, 673, 543, 459, 487, 642, 567, 890, 519,
     487, 468, 252, 250, 303, 303, 306, 268, 268, 221, 401, 715, 386, 498), strict=True))
GLYPH_DEFAULT = 507  # digits, and any other character (the width of a digit)
CELL_PADDING_PT = 4.0  # what a cell's text leaves free of its width (about 5 pixels)
HEADER_CAP = 16  # a header wraps (on two lines or more) rather than widen its column more
# A4 landscape less the margins, in points
MARGIN_SIDE_IN, MARGIN_TOP_IN, MARGIN_BOTTOM_IN = 0.4, 0.5, 0.6
PRINT_WIDTH_PT = 842 - 2 * MARGIN_SIDE_IN * 72
PRINT_HEIGHT_PT = 595 - (MARGIN_TOP_IN + MARGIN_BOTTOM_IN) * 72 - 6
PORTRAIT_WIDTH_PT = 595 - 2 * MARGIN_SIDE_IN * 72
# No printed text below 8 pt: a page is shrunk no more than its smallest text allows (a
# sheet with 9-pt notes to 90 %, one whose smallest text is 10 pt to 81 %); fitting is
# trusted only with some room to spare, since the spreadsheet's own measure of a column
# differs a little from ours (LibreOffice's scale is about 4 % below our estimate).
MIN_PRINTED_PT = 8.1
MIN_PRINT_SCALE = 0.9  # a sheet printed across pages (too wide to fit) is printed at 90 %
FIT_SCALE_MIN = 0.95  # the estimate a 9-pt sheet needs to be fitted to one page wide
CHART_TEXT_PT = 10.0  # the charts' axis and legend text (their titles are 11 pt)
FOOTER_PT = (9, 10)  # the footer's sizes: 9 pt on a sheet with 9-pt text, else 10 pt
WRAP_FLOOR = 12.0  # a column of wrapping text is never narrowed below this (characters)


@dataclass(frozen=True)
class Truncation:
    sheet: str
    cell: str
    length: int


@dataclass(frozen=True)
class PrintedTable:
    """A table as the sheet prints it, for whoever checks the printed pages: its heading
    (the section right above, "" when none), header row and labels, last row, the text
    of each data row's leftmost text cell, and whether its header row is repeated on
    every page (the sheet's print titles)."""

    heading: str
    first: int
    header: int
    last: int
    labels: tuple[str, ...]
    row_texts: tuple[str, ...]
    header_height: float  # points, at full size
    repeated: bool


@dataclass
class Book:
    """What every sheet module shares while the workbook is written."""

    wb: Any
    lang: str
    t: Labels
    styles: Styles
    names: dict[str, str]  # sheet key -> sheet name in the report language
    program: str
    generated: dt.date
    truncations: list[Truncation] = field(default_factory=list)
    present: tuple[str, ...] = ()  # the keys of the sheets this report has
    # sheet name -> its tables as printed, and the sheets printed across pages
    tables: dict[str, list[PrintedTable]] = field(default_factory=dict)
    across: set[str] = field(default_factory=set)
    titles: dict[str, str] = field(default_factory=dict)  # sheet name -> its title

    def sheet(self, key: str, max_width: float | None = None) -> Sheet:
        """The sheet's writer; text wider than `max_width` characters wraps."""
        return Sheet(self, key, MAX_WIDTH if max_width is None else max_width)


def literal(text: str) -> str:
    """A string as a formula literal: quotes doubled."""
    return '"' + text.replace('"', '""') + '"'


def _letter_width(fmt: Any) -> float:
    """How much wider a format's letters are than body text (10 pt regular): bold 11 pt
    headlines wrap sooner, so their rows need more height."""
    size = float(getattr(fmt, "font_size", 10) or 10)
    return size / 10 * (1.05 if getattr(fmt, "bold", 0) else 1.0)


def text_points(text: str, wider: float = 1.0) -> float:
    """How wide `text` prints, in points, in 10-pt body text (`wider` times that)."""
    return _body_points(text) * wider


# Cached: a report measures the same words and labels over and over (a Costs sheet of
# 50,000 lines measured 1.4 million texts, letter by letter).
@functools.lru_cache(maxsize=1 << 16)
def _body_points(text: str) -> float:
    return sum(_GLYPH_WIDTH.get(ch, GLYPH_DEFAULT) for ch in text) / 100


def word_width(text: str, wider: float = 1.0) -> float:
    """The column width (in characters) a word needs on one line: what it measures, and a
    character for the cell's padding."""
    return text_points(text, wider) / 5.25 + 1.0


def _longest_line(text: str) -> int:
    """Characters on the text's longest line. Most texts are one line: isprintable() is
    False for every line break splitlines() knows, so such a text is its own length."""
    if text.isprintable():
        return len(text)
    return _longest_of_lines(text)


@functools.lru_cache(maxsize=1 << 14)
def _longest_of_lines(text: str) -> int:
    return max((len(line) for line in text.splitlines()), default=0)


@functools.lru_cache(maxsize=1 << 14)
def _longest_word(text: str, wider: float) -> float:
    """The column width the text's longest word needs (wrapping never splits a word)."""
    return max((word_width(w, wider) for w in text.split()), default=0.0)


@functools.lru_cache(maxsize=1 << 14)
def wrapped_lines(text: str, width_pt: float, wider: float = 1.0) -> int:
    """How many lines `text` takes wrapped at word boundaries in `width_pt` points (a word
    longer than the width on a line of its own, as the spreadsheet shows it)."""
    lines = 0
    space = text_points(" ", wider)
    for part in text.splitlines() or [""]:
        lines += 1
        used = 0.0
        for word in part.split():
            size = text_points(word, wider)
            if used and used + space + size > width_pt:
                lines += 1
                used = size
            else:
                used += (space if used else 0.0) + size
    return lines


def sum_of(refs: Sequence[str]) -> str:
    """SUM over references; 0 when there are none; nested past Excel's 255 arguments."""
    if not refs:
        return "0"
    if len(refs) <= 255:
        return "SUM(" + ",".join(refs) + ")"
    parts = [sum_of(refs[i:i + 255]) for i in range(0, len(refs), 255)]
    return sum_of(parts)


def runs(rows: Iterable[int]) -> list[tuple[int, int]]:
    """Sorted rows grouped into (first, last) runs of consecutive rows."""
    out: list[tuple[int, int]] = []
    for r in sorted(set(rows)):
        if out and r == out[-1][1] + 1:
            out[-1] = (out[-1][0], r)
        else:
            out.append((r, r))
    return out


def _absolute(row: int, col: int) -> str:
    """A cell as an absolute reference: $E$5."""
    return str(xl_rowcol_to_cell(row, col, row_abs=True, col_abs=True))


def _number_width(value: float, fmt_text: str) -> float:
    decimals, percent, prefix = _number_format(fmt_text)
    shown = abs(value) * (100 if percent else 1)
    try:
        digits = len(f"{shown:,.{decimals}f}")
    except (OverflowError, ValueError):
        digits = 12
    return digits + prefix + 3


@functools.lru_cache(maxsize=256)
def _number_format(fmt_text: str) -> tuple[int, bool, int]:
    """(decimals shown, a percentage, characters of a quoted prefix) of a number format."""
    decimals = 0
    if "." in fmt_text:
        decimals = len(fmt_text.split(".", 1)[1].split(";")[0].rstrip('%" '))
        decimals = min(decimals, 4)
    prefix = fmt_text.split('"')[1] if fmt_text.count('"') >= 2 else ""
    return decimals, "%" in fmt_text, len(prefix)



def _px(width: float) -> int:
    """A column's width in pixels, as the spreadsheet draws a width in characters."""
    return int(width * 7 + 5)


def _page_height(scale: float) -> float:
    """A printed page's height in the sheet's own points at `scale` (the percentage is
    whole, as the spreadsheet applies it)."""
    return PRINT_HEIGHT_PT / (math.floor(scale * 100) / 100 or 0.01)


def finite(value: float) -> float:
    """The value, or ValueError for NaN or an infinity: a spreadsheet cell must never hold
    one (LibreOffice shows it as 0, Excel refuses the file). The inputs are bounded so this
    cannot happen; if it ever does, the report is not written (OutputError) rather than
    written wrong."""
    if not math.isfinite(value):
        raise ValueError(f"a figure is {value}, not a finite number")
    return value

class Sheet:
    def __init__(self, book: Book, key: str, max_width: float = 55.0) -> None:
        self.book = book
        self.key = key
        self.name = book.names[key]
        self.ws: Any = book.wb.get_worksheet_by_name(self.name)
        self.t = book.t
        self.st = book.styles
        self._width: dict[int, float] = {}
        self._min_width: dict[int, float] = {}
        self._max_width: dict[int, float] = {}
        self._rigid: dict[int, float] = {}  # the width content that cannot wrap needs
        self._numbers: dict[tuple[int, str], float] = {}  # (column, format) -> largest |n|
        self._headers: dict[int, dict[int, str]] = {}  # header row -> column -> label
        self._leftmost: dict[int, tuple[int, str]] = {}  # row -> its leftmost text cell
        self._used: set[int] = set()  # rows holding anything
        # row, first col, last col, text, how much wider its letters are than the body's
        self._wrapped: list[tuple[int, int, int, str, float]] = []
        self._fixed_rows: set[int] = set()
        self._fixed_height: dict[int, float] = {}
        self._sections: dict[int, int] = {}  # heading row -> rows kept with it
        self._section_text: dict[int, str] = {}
        self._charts: list[tuple[int, int, int, float, float]] = []  # row, col, x, w, h (px)
        # row, first and last column, text, format: written by finish (`paragraph`)
        self._paragraphs: list[tuple[int, int, int, str, Any]] = []
        self._max_row = 0
        self._smallest = 10.0  # the smallest text on the sheet (points), charts' included
        self._last_sized: Any = None  # the format _sized saw last
        self.max_width = max_width  # longer text wraps (in a wrapping format)

    # -- references -------------------------------------------------------------------
    def ref(self, row: int, col: int) -> str:
        """Absolute reference for use from another sheet: 'Input copies'!$E$5."""
        return f"{quote_sheetname(self.name)}!{_absolute(row, col)}"

    def range(self, r0: int, c0: int, r1: int, c1: int) -> str:
        return f"{quote_sheetname(self.name)}!{_absolute(r0, c0)}:{_absolute(r1, c1)}"

    @staticmethod
    def local(row: int, col: int, *, absolute: bool = False) -> str:
        return str(xl_rowcol_to_cell(row, col, row_abs=absolute, col_abs=absolute))

    @staticmethod
    def local_range(r0: int, c0: int, r1: int, c1: int) -> str:
        return f"{_absolute(r0, c0)}:{_absolute(r1, c1)}"

    # -- writing ----------------------------------------------------------------------
    def _sized(self, fmt: Any) -> None:
        """Note the size of a cell's text: the smallest sets how far the page may shrink."""
        if fmt is self._last_sized:  # a table's cells share a few formats
            return
        self._last_sized = fmt
        self._smallest = min(self._smallest, float(getattr(fmt, "font_size", 10) or 10))

    def _fit(self, col: int, width: float, *, wraps: bool = False) -> None:
        """Widen the column for content `width` characters wide; content that `wraps` can
        take a narrower column, the rest (numbers, one-line text) cannot."""
        self._width[col] = max(self._width.get(col, 0.0), min(width, self.max_width))
        if not wraps:
            self._rigid[col] = max(self._rigid.get(col, 0.0), min(width, self.max_width))

    def min_width(self, col: int, width: float) -> None:
        self._min_width[col] = max(self._min_width.get(col, 0.0), width)

    def max_col_width(self, col: int, width: float) -> None:
        """Cap a column's width (longer text in it wraps or is cut at the cell's edge):
        a sheet that must fit its page, such as the Brief."""
        self._max_width[col] = width

    def fixed_height(self, row: int, height: float) -> None:
        """A row of a set height (points), whatever its text."""
        self.ws.set_row(row, height)
        self._fixed_rows.add(row)
        self._fixed_height[row] = height

    # one cell (row, col, value, format) and two keyword-only layout options
    def text(self, row: int, col: int, value: str | None, fmt: Any = None, *,  # noqa: PLR0913
             fit: bool = True, last_col: int | None = None) -> None:
        """User or report text, always a string cell (never a formula, number or link)."""
        text = "" if value is None else str(value)
        self._max_row = max(self._max_row, row)
        self._used.add(row)
        if len(text) > MAX_CELL_TEXT:
            # the count as the limit beside it is written (40,000 beside 32,767)
            marker = self.t("truncated_marker", n=format_number(len(text), 0, self.book.lang))
            text = text[: MAX_CELL_TEXT - len(marker)] + marker
            self.book.truncations.append(Truncation(self.name, xl_rowcol_to_cell(row, col),
                                                    len(value or "")))
        if text == "":
            self.ws.write_blank(row, col, None, fmt if fmt is not None else self.st.text)
            return
        self.ws.write_string(row, col, text, fmt if fmt is not None else self.st.text)
        self._sized(fmt)
        if col <= self._leftmost.get(row, (col, ""))[0]:
            self._leftmost[row] = (col, text)
        self._fit_text(row, col, text, fmt if fmt is not None else self.st.text, fit=fit,
                       last_col=last_col)

    # where the text is, the text and its format, and two keyword-only layout options
    def _fit_text(self, row: int, col: int, text: str, fmt: Any, *,  # noqa: PLR0913
                  fit: bool = True, last_col: int | None = None) -> None:
        """Size the column for a cell's text (a string or a formula's text result); text
        in a wrapping format wraps, its row's height worked out when the sheet is done."""
        longest = _longest_line(text)
        if fit:
            self._fit(col, longest + 2, wraps=bool(getattr(fmt, "text_wrap", 0)))
            if getattr(fmt, "text_wrap", 0):  # it wraps, but never inside a word
                longest_word = _longest_word(text, _letter_width(fmt))
                self._rigid[col] = max(self._rigid.get(col, 0.0), longest_word)
        if getattr(fmt, "text_wrap", 0) and (longest + 2 > MIN_WIDTH or "\n" in text):
            self._wrapped.append((row, col, col if last_col is None else last_col, text,
                                  _letter_width(fmt)))

    def number(self, row: int, col: int, value: float | None, fmt: Any) -> None:
        self._max_row = max(self._max_row, row)
        self._used.add(row)
        if value is None:
            self.ws.write_blank(row, col, None, fmt)
            return
        self.ws.write_number(row, col, finite(value), fmt)
        self._sized(fmt)
        self._fit_number(col, value, fmt)

    def _fit_number(self, col: int, value: float, fmt: Any) -> None:
        """Note the largest number a column shows in each format: its width, which only
        grows with the number, is measured once, when the widths are asked for."""
        key = (col, fmt.num_format or "")
        if abs(value) > self._numbers.get(key, -1.0):
            self._numbers[key] = abs(value)

    # one cell (row, col, formula, cached value, format) and where a merged cell ends
    def formula(self, row: int, col: int, formula: str, cached: float | str,  # noqa: PLR0913
                fmt: Any, *, last_col: int | None = None) -> None:
        """A live formula with the value Python computed stored as its result; merged
        across to `last_col` when given (a number then shares its width among them)."""
        text = formula if formula.startswith("=") else "=" + formula
        self._max_row = max(self._max_row, row)
        self._used.add(row)
        if last_col is not None and last_col > col:
            self.ws.merge_range(row, col, row, last_col, "", fmt)
        self.ws.write_formula(row, col, text, fmt,
                              cached if isinstance(cached, str) else finite(cached))
        self._sized(fmt)
        if isinstance(cached, str):
            self._fit_text(row, col, cached, fmt, last_col=last_col)
        elif last_col is None or last_col == col:
            self._fit_number(col, cached, fmt)
        else:
            cols = range(col, last_col + 1)
            for c in cols:
                self._fit(c, _number_width(cached, fmt.num_format or "") / len(cols))

    def header(self, row: int, col: int, labels: Sequence[str]) -> None:
        self._used.add(row)
        for i, label in enumerate(labels):
            self._headers.setdefault(row, {})[col + i] = label
            self.ws.write_string(row, col + i, label, self.st.header)
            longest_word = max((len(w) for w in label.split()), default=4)
            self._fit(col + i, min(max(longest_word, math.ceil(len(label) / 2)), HEADER_CAP) + 2,
                      wraps=True)
            self._rigid[col + i] = max(self._rigid.get(col + i, 0.0),
                                       max((word_width(w, _letter_width(self.st.header))
                                            for w in label.split()), default=0.0))
            self._wrapped.append((row, col + i, col + i, label, _letter_width(self.st.header)))

    def title(self, row: int, text: str, subtitle: str = "") -> None:
        self.book.titles.setdefault(self.name, text)
        self.text(row, 0, text, self.st.title, fit=False)
        self.fixed_height(row, 20.0)
        if subtitle:
            self.text(row + 1, 0, subtitle, self.st.subtitle, fit=False)

    def section(self, row: int, text: str, keep: int = 4) -> None:
        """A heading kept on one printed page with the first rows under it (itself
        included): `keep` rows, the whole table when it is short."""
        self.text(row, 0, text, self.st.section, fit=False)
        self._sections[row] = keep
        self._section_text[row] = text

    def paragraph(self, row: int, first: int, last: int, text: str, fmt: Any = None) -> None:
        """A wrapped paragraph merged across columns, written when the sheet is done: on a
        sheet printed across pages it ends with the first page's columns (one merged past
        them was cut at the page's edge), and its height fits the width it has."""
        if not text:
            return
        fmt = fmt if fmt is not None else self.st.paragraph
        self._max_row = max(self._max_row, row)
        self._used.add(row)
        self._sized(fmt)  # its text size bounds how far the sheet may shrink
        self._paragraphs.append((row, first, last, text, fmt))

    def _write_paragraphs(self, widths: dict[int, float], page_width: float | None) -> None:
        """The paragraphs, each ending by the last column printed on the first page of a
        sheet `page_width` points wide (None: printed one page wide, any column)."""
        on_page: int | None = None  # the first page's last column, when it has one
        if page_width is not None:  # the columns that fit at MIN_PRINT_SCALE, with room to
            # spare: LibreOffice's page holds a little less than this estimate
            room, on_page = page_width / MIN_PRINT_SCALE / 0.75 * 0.95, -1
            while room >= _px(widths.get(on_page + 1, 8.43)):
                on_page += 1
                room -= _px(widths.get(on_page, 8.43))
        for row, first, last, text, fmt in self._paragraphs:
            if on_page is not None:
                last = max(first, min(last, on_page))
            if last > first:
                self.ws.merge_range(row, first, row, last, "", fmt)
            self.text(row, first, text, fmt, fit=False, last_col=last)

    # where the chart goes, then xlsxwriter's insert_chart options, keyword-only
    def chart(self, row: int, col: int, chart: Any, *, x_offset: int = 0,  # noqa: PLR0913
              x_scale: float = 1.0, y_scale: float = 1.0) -> None:
        """Insert a chart (480 x 288 pixels at scale 1); kept on one printed page."""
        self.ws.insert_chart(row, col, chart, {"x_offset": x_offset, "y_offset": 4,
                                              "x_scale": x_scale, "y_scale": y_scale})
        self._charts.append((row, col, x_offset, 480 * x_scale, 288 * y_scale + 4))
        self._smallest = min(self._smallest, CHART_TEXT_PT)

    # -- finishing --------------------------------------------------------------------
    def widths(self) -> dict[int, float]:
        for (col, fmt_text), largest in self._numbers.items():
            self._fit(col, _number_width(largest, fmt_text))
        self._numbers.clear()
        cols = set(self._width) | set(self._min_width)
        wide = {c: max(self._width.get(c, MIN_WIDTH), self._min_width.get(c, 0.0), MIN_WIDTH)
                for c in cols}
        return {c: min(w, self._max_width.get(c, w)) for c, w in wide.items()}

    def _heights(self, widths: dict[int, float]) -> dict[int, float]:
        heights: dict[int, float] = {}
        for row, first, last, text, wider in self._wrapped:
            if row in self._fixed_rows:
                continue
            width = sum(_px(widths.get(c, 8.43)) for c in range(first, last + 1)) * 0.75
            lines = wrapped_lines(text, width - CELL_PADDING_PT, wider)
            if lines > 1:
                heights[row] = max(heights.get(row, 0.0),
                                   lines * LINE_HEIGHT * max(wider, 1.0) + 3)
        return {r: min(h, 409.0) for r, h in heights.items()}

    def _narrowed(self, widths: dict[int, float], page_width: float) -> dict[int, float]:
        """The widths, with the columns of wrapping text narrowed (never below
        WRAP_FLOOR, nor below what their numbers and one-line text need) until the sheet
        fits one page wide at the sheet's smallest scale (`_fit_scale_min`), when that is
        enough."""
        out = dict(widths)
        while self._fit_scale(out, page_width) < self._fit_scale_min():
            slack = {c: w - max(self._rigid.get(c, 0.0), self._min_width.get(c, 0.0),
                                WRAP_FLOOR) for c, w in out.items()}
            col = max(slack, key=lambda c: slack[c], default=None)
            if col is None or slack[col] < 1:
                return widths  # cannot fit: printed across pages at full width instead
            out[col] -= 1  # a character at a time, widest slack first
        return out

    def _fit_scale_min(self) -> float:
        """The smallest estimated scale at which the sheet is fitted to one page wide: its
        smallest text printed at no less than MIN_PRINTED_PT, with FIT_SCALE_MIN's room
        to spare (0.95 for a sheet with 9-pt text, 0.855 when all is 10 pt or more)."""
        lowest = math.ceil(MIN_PRINTED_PT / self._smallest * 100) / 100
        return lowest * FIT_SCALE_MIN / MIN_PRINT_SCALE

    def _fit_scale(self, widths: dict[int, float], page_width: float) -> float:
        """The scale that fits the sheet's columns and charts to one page wide (at most 1)."""
        def px(col: int) -> float:
            return _px(widths.get(col, 8.43))

        last_col = max(widths, default=0)
        table = sum(px(c) for c in range(last_col + 1))
        charts = max((sum(px(c) for c in range(col)) + x + w
                      for _, col, x, w, _ in self._charts), default=0.0)
        return min(1.0, page_width / (max(table, charts, 1.0) * 0.75))

    def _runs_over(self, start: int, end: int, heights: dict[int, float],
                   scale: float) -> bool:
        """Whether the table from row `start` to `end` is longer than a printed page."""
        return sum(self._row_height(r, heights)
                   for r in range(start, end + 1)) > _page_height(scale) * 0.95

    def _repeated_header(self, heights: dict[int, float], scale: float) -> int | None:
        """The header row to print on every page: that of the first table longer than a
        page (a sheet has one such row, so the sheets place any other table that may run
        over a page on a sheet of its own, or before it)."""
        return next((header for (start, end), header in zip(self._tables(),
                                                           sorted(self._headers), strict=True)
                     if self._runs_over(start, end, heights, scale)), None)

    def _row_height(self, row: int, heights: dict[int, float]) -> float:
        """A row's printed height: worked out from its wrapped text, set, or the default."""
        return heights.get(row, self._fixed_height.get(row, DEFAULT_HEIGHT))

    def _tables(self) -> list[tuple[int, int]]:
        """(first row, last row) of each table: its heading (a section right above, if
        any) through the last of the rows that follow its header row without a gap."""
        out = []
        for header in sorted(self._headers):
            end = header
            while end + 1 in self._used and end + 1 not in self._headers \
                    and end + 1 not in self._sections:
                end += 1
            start = header - 1 if header - 1 in self._sections else header
            out.append((start, end))
        return out

    def _page_breaks(self, heights: dict[int, float], scale: float) -> list[int]:
        """Rows to break the printed pages above, so that no chart and no section heading
        with the start of its table is split across two pages (pages at `scale`)."""
        page = _page_height(scale)

        def height(row: int) -> float:
            return self._row_height(row, heights)

        keep: dict[int, float] = {r: sum(height(r + i) for i in range(n))
                                  for r, n in self._sections.items()}
        for start, end in self._tables():
            # a table that fits on a page is never split: it starts a page when it must,
            # with its heading, so no page shows its rows without its header row
            whole = sum(height(r) for r in range(start, end + 1))
            if whole <= page * 0.95:
                keep[start] = max(keep.get(start, 0.0), whole)
        last_row = self._max_row
        for row, _, _, _, h in self._charts:
            keep[row] = max(keep.get(row, 0.0), h * 0.75 + 4)
            last_row = max(last_row, row + math.ceil(h * 0.75 / DEFAULT_HEIGHT))
        breaks: list[int] = []
        y = 0.0
        for row in range(last_row + 1):
            need = keep.get(row)
            if need and y > 0 and y + need > page:
                breaks.append(row)
                y = 0.0
            y += height(row)
            if y > page:
                y = height(row)
        return breaks

    def finish(self, freeze_row: int | None, *, landscape: bool = True,
               repeat: int | None = None, one_page: bool = False) -> None:
        page_width = PRINT_WIDTH_PT if landscape else PORTRAIT_WIDTH_PT
        self.ws.set_default_row(DEFAULT_HEIGHT)
        widths = self._narrowed(self.widths(), page_width)
        for col, width in sorted(widths.items()):
            self.ws.set_column(col, col, width)
        scale = self._fit_scale(widths, page_width)
        across = not one_page and scale < self._fit_scale_min()
        self._write_paragraphs(widths, page_width if across else None)
        heights = self._heights(widths)
        for row, h in heights.items():
            self.ws.set_row(row, h)
        if freeze_row:
            self.ws.freeze_panes(freeze_row, 0)
        ws = self.ws
        if landscape:
            ws.set_landscape()
        ws.set_paper(9)  # A4
        if not across:
            ws.fit_to_pages(1, 1 if one_page else 0)
        else:
            # shrinking a wide sheet to one page wide would print its text below 8 pt: print
            # it at MIN_PRINT_SCALE across pages instead, the first column on every page
            ws.set_print_scale(round(MIN_PRINT_SCALE * 100))
            ws.repeat_columns(0)
            scale = MIN_PRINT_SCALE
        ws.set_margins(left=MARGIN_SIDE_IN, right=MARGIN_SIDE_IN, top=MARGIN_TOP_IN,
                       bottom=MARGIN_BOTTOM_IN)
        ws.center_horizontally()
        if repeat is None and not one_page:
            repeat = self._repeated_header(heights, scale)
        if repeat is not None:
            ws.repeat_rows(repeat)
        self._register(heights, repeat, across=scale == MIN_PRINT_SCALE and not one_page)
        ws.set_footer(self.footer(page_width), {"margin": 0.25})
        breaks = [] if one_page else self._page_breaks(heights, scale)
        if breaks:
            ws.set_h_pagebreaks(breaks)

    def _register(self, heights: dict[int, float], repeat: int | None, *,
                  across: bool) -> None:
        """The sheet's tables as printed, in the book's registry."""
        tables = []
        for (start, end), header in zip(self._tables(), sorted(self._headers), strict=True):
            texts = tuple(self._leftmost[r][1] for r in range(header + 1, end + 1)
                          if r in self._leftmost)
            tables.append(PrintedTable(self._section_text.get(start, ""), start, header, end,
                                       tuple(label for _, label in
                                             sorted(self._headers[header].items())), texts,
                                       self._row_height(header, heights), header == repeat))
        self.book.tables[self.name] = tables
        if across:
            self.book.across.add(self.name)

    def footer(self, page_width: float = PRINT_WIDTH_PT) -> str:
        """Program (left, cut with "..." where it would run into the centre), page
        (centre), sheet and date (right), on a page `page_width` points wide."""
        page = self.t("footer_page")
        date = self.t("footer_generated", date=format_date(self.book.generated, self.book.lang))
        size = FOOTER_PT[0] if self._smallest < FOOTER_PT[1] else FOOTER_PT[1]
        # the left part ends before the centred page number ("Halaman 10 dari 28")
        room = (page_width - text_points(page.replace("&P", "99").replace("&N", "99"))
                * size / 10) / 2 - 12
        name = self.book.program
        if text_points(name) * size / 10 > room:
            while name and text_points(name + "...") * size / 10 > room:
                name = name[:-1]
            name = name.rstrip() + "..."
        name = name.replace("&", "&&")
        # the sheet's name beside the date (the centre is too narrow on a portrait page): a
        # loose page says where it is from
        return f"&L&{size}{name}&C&{size}{page}&R&{size}&A - {date}"
