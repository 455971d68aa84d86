"""Workbook -> raw tables whose every value remembers its sheet and A1 cell.

Only this module and the guard know about files and cells. Values are read with
python-calamine (fast, values only: formulas are never evaluated, macros never run).
A sheet is parsed only once :func:`roti_excel.reading.guard.inspect_file` has cleared it (and
everything read on opening the workbook), and its table used only when the whole file is
cleared: calamine can abort the whole process on some hostile files.
"""

from __future__ import annotations

import datetime as dt
import io
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from python_calamine import CalamineWorkbook

from roti_excel import schema
from roti_excel.a1 import a1, column_letter
from roti_excel.issues import Issue, error, warning
from roti_excel.messages import msg

# A header row may sit below a title and instruction rows; look this far down for it.
HEADER_SEARCH_ROWS = 30

Value = str | float | int | bool | dt.date | dt.datetime | dt.time | dt.timedelta | None


@dataclass(frozen=True)
class Cell:
    value: Value
    ref: str  # A1, e.g. "D7"

    @property
    def blank(self) -> bool:
        return self.value is None or (isinstance(self.value, str) and not self.value.strip())


class RawRow:
    """One data row. Values and A1 references are made on demand: a large sheet has
    millions of cells and only a few ever need their reference (in a message)."""

    __slots__ = ("_line", "_table", "number")

    def __init__(self, table: RawTable, number: int, line: list[Any]) -> None:
        self._table = table
        self.number = number  # 1-based spreadsheet row
        self._line = line

    def _at(self, col: int) -> Value:
        return clean(self._line[col]) if col < len(self._line) else None

    def value(self, key: str) -> Value:
        """The cleaned value of a schema column (None when blank or no such column)."""
        col = self._table.columns.get(key)
        if col is None or col >= len(self._line):
            return None
        value = self._line[col]
        return value if type(value) is float else clean(value)

    def ref(self, key: str) -> str:
        col = self._table.columns.get(key, 0)
        return f"{self._table.letters(col)}{self.number}"

    def get(self, key: str) -> Cell | None:
        col = self._table.columns.get(key)
        if col is None:
            return None
        return Cell(self._at(col), f"{self._table.letters(col)}{self.number}")

    def raw(self, col: int) -> Any:
        """The value as read (unclean) at a 0-based column; "" past the row's end."""
        return self._line[col] if col < len(self._line) else ""

    @property
    def extra(self) -> dict[str, Cell]:
        """Open columns: header text -> cell."""
        return {h: Cell(self._at(c), f"{self._table.letters(c)}{self.number}")
                for h, c in self._table.extra_columns.items()}


@dataclass
class RawTable:
    sheet: schema.Sheet
    name: str  # tab name as in the workbook
    header_row: int  # 1-based
    columns: dict[str, int]  # schema column key -> 0-based column index
    extra_columns: dict[str, int]  # open-column header text -> 0-based column index
    rows: list[RawRow] = field(default_factory=list)
    hidden: bool = False
    _letters: dict[int, str] = field(default_factory=dict, repr=False)
    _lines: list[list[Any]] | None = field(default=None, repr=False)
    _shortest: int = field(default=0, repr=False)  # the shortest line's length

    def letters(self, col: int) -> str:
        """Column letters, cached: they are asked for once per message, not per cell."""
        found = self._letters.get(col)
        if found is None:
            found = self._letters[col] = column_letter(col)
        return found

    def raw_column(self, col: int, rows: list[RawRow] | None = None) -> list[Any]:
        """The values as read at a 0-based column, one per data row ("" past a row's end)."""
        if rows is None:
            if self._lines is None or len(self._lines) != len(self.rows):
                self._lines = [r._line for r in self.rows]
                self._shortest = min(map(len, self._lines), default=0)
            lines = self._lines
            if col < self._shortest:  # every line reaches it (calamine's rows are even)
                return [line[col] for line in lines]
        else:
            lines = [r._line for r in rows]
        return [line[col] if col < len(line) else "" for line in lines]


@dataclass
class RawWorkbook:
    path: Path
    tables: dict[str, RawTable] = field(default_factory=dict)
    ignored_sheets: list[str] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)


def clean(value: Any) -> Value:
    if value is None or isinstance(value, (str, float, int, bool, dt.date, dt.time, dt.timedelta)):
        if isinstance(value, str):
            return value.strip() or None
        return value
    return str(value)  # calamine error cells and anything unexpected become text


def _find_header(sheet: schema.Sheet, grid: list[list[Any]]) -> tuple[int, dict[str, int]] | None:
    """The row (0-based) whose cells name the most schema columns, and those columns."""
    best: tuple[int, dict[str, int]] | None = None
    for r, row in enumerate(grid[:HEADER_SEARCH_ROWS]):
        found: dict[str, int] = {}
        for c, value in enumerate(row):
            if not isinstance(value, str) or not value.strip():
                continue
            col = schema.match_column(sheet, value)
            if col is not None and col.key not in found:
                found[col.key] = c
        if found and (best is None or len(found) > len(best[1])):
            best = (r, found)
    return best


def _extra_columns(name: str, header: list[Any], header_r: int, columns: dict[str, int],
                   issues: list[Issue]) -> dict[str, int]:
    """An open sheet's other headed columns (question codes, scale points) by their header
    text; a header met twice is an error and only its first column kept."""
    extra: dict[str, int] = {}
    for c, value in enumerate(header):
        if c in columns.values() or value is None or not str(value).strip():
            continue
        text = str(value).strip()
        if isinstance(value, float) and value.is_integer():
            text = str(int(value))
        if text in extra:
            issues.append(error(msg("column_twice", name=text), name, a1(header_r, c)))
            continue
        extra[text] = c
    return extra


def _missing_columns(sheet: schema.Sheet, name: str, header_r: int, width: int,
                     columns: dict[str, int]) -> list[Issue]:
    """An error per required column the header row (of `width` cells) does not name."""
    return [error(msg("column_missing", col=col, col_en=col.en, col_id=col.id,
                      row=str(header_r + 1)), name, a1(header_r, width))
            for col in sheet.columns if col.required and col.key not in columns]


def _add_rows(table: RawTable, grid: list[list[Any]], used: list[int]) -> None:
    """The rows under the header where any used cell holds something other than blanks."""
    for r in range(table.header_row, len(grid)):  # 1-based header row: 0-based next row
        line = grid[r]
        for c in used:
            if c < len(line) and _filled(line[c]):
                table.rows.append(RawRow(table, r + 1, line))
                break


def _table(sheet: schema.Sheet, name: str, grid: list[list[Any]], *, hidden: bool,
           issues: list[Issue]) -> RawTable | None:
    located = _find_header(sheet, grid)
    if located is None:
        # the required columns; a sheet with none (Reaction) lists the ones it has
        wanted = tuple(c for c in sheet.columns if c.required) or sheet.columns
        issues.append(error(msg("no_header", columns=list(wanted)), name, "A1"))
        return None
    header_r, columns = located
    header = grid[header_r]
    extra = (_extra_columns(name, header, header_r, columns, issues) if sheet.open_columns
             else {})
    issues.extend(_missing_columns(sheet, name, header_r, len(header), columns))
    table = RawTable(sheet, name, header_r + 1, columns, extra, hidden=hidden)
    _add_rows(table, grid, sorted({*columns.values(), *extra.values()}))
    return table


def _filled(value: Any) -> bool:
    return value != "" and value is not None and not (isinstance(value, str)
                                                       and not value.strip())


# the names calamine reads as the zip workbook the guard let through
_ZIP_SUFFIXES = (".xlsx", ".xlsm")


def _open(path: Path) -> Any:
    """calamine's workbook. calamine picks its reader by the name's suffix, so a workbook
    renamed .xls (the guard checked it is a zip workbook) and a name that is not UTF-8
    (bytes a file system allows) are handed over as bytes, read by their content (the guard
    capped the size)."""
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        return CalamineWorkbook.from_filelike(io.BytesIO(path.read_bytes()))
    if path.suffix.lower() not in _ZIP_SUFFIXES:
        return CalamineWorkbook.from_filelike(io.BytesIO(path.read_bytes()))
    return CalamineWorkbook.from_path(str(path))


class SheetParser:
    """Sheets parsed ahead, two at a time, each thread with its own calamine workbook:
    calamine's parsing lets go of the interpreter, so a sheet is parsed while the guard
    judges the next one (see `inspect_file`'s `cleared`) and while the one before becomes
    a table. Only sheets the schema knows are parsed; a use as a context manager waits for
    the threads at its end."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="calamine")
        self._parsing: dict[str, Future[list[list[Any]]]] = {}

    def __enter__(self) -> SheetParser:
        return self

    def __exit__(self, *_exc: object) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def start(self, name: str) -> None:
        """Begin parsing the sheet `name` (once; ignored for a sheet the schema does not know)."""
        if name not in self._parsing and schema.match_sheet(name) is not None:
            self._parsing[name] = self._pool.submit(self._parse, name)

    def grid(self, name: str) -> list[list[Any]]:
        """The sheet's cells as rows of values (started now when it was not yet)."""
        self.start(name)
        return self._parsing[name].result()

    def _parse(self, name: str) -> list[list[Any]]:
        if not hasattr(self._local, "wb"):
            self._local.wb = _open(self.path)
        grid: list[list[Any]] = self._local.wb.get_sheet_by_name(name).to_python(
            skip_empty_area=False)
        return grid


def read_workbook(path: Path, parser: SheetParser | None = None) -> RawWorkbook:
    """Read every sheet the schema knows; other sheets (Instructions, lists) are ignored.
    `parser` may have started on some sheets already (its own one otherwise)."""
    if parser is None:
        with SheetParser(path) as own:
            return read_workbook(path, own)
    book = RawWorkbook(path)
    wb = _open(path)
    if path.suffix.lower() not in _ZIP_SUFFIXES:
        suffix: object = path.suffix or msg("no_suffix")
        book.issues.append(warning(msg("renamed_workbook", suffix=suffix)))
    visibility = {m.name: str(m.visible).rsplit(".", 1)[-1].lower()
                  for m in wb.sheets_metadata}
    wanted: list[tuple[str, schema.Sheet]] = []
    for name in wb.sheet_names:
        sheet = schema.match_sheet(name)
        if sheet is None:
            book.ignored_sheets.append(name)
            continue
        first = next((n for n, s in wanted if s.key == sheet.key), None)
        if first is not None:
            book.issues.append(error(
                msg("sheet_twice", first=first, second=name, sheet=sheet), name))
            continue
        wanted.append((name, sheet))
    for name, _ in wanted:
        parser.start(name)
    for name, sheet in wanted:
        grid = parser.grid(name)
        state = visibility.get(name, "visible")
        hidden = state != "visible"
        table = _table(sheet, name, grid, hidden=hidden, issues=book.issues)
        if table is not None:
            if hidden:
                key = "sheet_very_hidden" if state == "veryhidden" else "sheet_hidden"
                book.issues.append(warning(msg(key, name=name), name))
            book.tables[sheet.key] = table
    return book
