"""Workbook -> raw tables whose every value remembers its sheet and A1 cell.

Only this module and the guard know about files and cells. Values are read with
python-calamine (fast, values only: formulas are never evaluated, macros never run).
The caller must have run :func:`roti_excel.guard.inspect_file` first: calamine can abort
the whole process on some hostile files.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from python_calamine import CalamineWorkbook

from . import schema
from .issues import Issue, a1, error, warning

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


@dataclass
class RawRow:
    number: int  # 1-based spreadsheet row
    cells: dict[str, Cell]  # schema column key -> cell
    extra: dict[str, Cell]  # open columns: header text -> cell

    def get(self, key: str) -> Cell | None:
        return self.cells.get(key)


@dataclass
class RawTable:
    sheet: schema.Sheet
    name: str  # tab name as in the workbook
    header_row: int  # 1-based
    columns: dict[str, int]  # schema column key -> 0-based column index
    extra_columns: dict[str, int]  # open-column header text -> 0-based column index
    rows: list[RawRow]
    hidden: bool = False

    def header_cell(self, key: str) -> str:
        col = self.columns.get(key)
        return a1(self.header_row - 1, col if col is not None else 0)


@dataclass
class RawWorkbook:
    path: Path
    tables: dict[str, RawTable] = field(default_factory=dict)
    ignored_sheets: list[str] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)


def _clean(value: Any) -> Value:
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


def _table(sheet: schema.Sheet, name: str, grid: list[list[Any]], hidden: bool,
           issues: list[Issue]) -> RawTable | None:
    located = _find_header(sheet, grid)
    if located is None:
        wanted = ", ".join(c.en for c in sheet.columns if c.required)
        issues.append(error(
            f"no header row found; put the column names ({wanted}) in one row near the top",
            name, "A1"))
        return None
    header_r, columns = located
    header = grid[header_r]
    extra: dict[str, int] = {}
    if sheet.open_columns:
        for c, value in enumerate(header):
            if c in columns.values() or value is None or not str(value).strip():
                continue
            text = str(value).strip()
            if isinstance(value, float) and value.is_integer():
                text = str(int(value))
            if text in extra:
                issues.append(error(f"column '{text}' appears twice; keep one", name,
                                    a1(header_r, c)))
                continue
            extra[text] = c
    for col in sheet.columns:
        if col.required and col.key not in columns:
            issues.append(error(
                f"required column '{col.en}' is missing; add a column headed '{col.name('en')}'"
                f" (or '{col.name('id')}') to the header row {header_r + 1}", name,
                a1(header_r, len(header))))
    rows: list[RawRow] = []
    for r in range(header_r + 1, len(grid)):
        line = grid[r]
        cells = {k: Cell(_clean(line[c]) if c < len(line) else None, a1(r, c))
                 for k, c in columns.items()}
        extras = {k: Cell(_clean(line[c]) if c < len(line) else None, a1(r, c))
                  for k, c in extra.items()}
        if all(cell.blank for cell in (*cells.values(), *extras.values())):
            continue
        rows.append(RawRow(r + 1, cells, extras))
    return RawTable(sheet, name, header_r + 1, columns, extra, rows, hidden)


def read_workbook(path: Path) -> RawWorkbook:
    """Read every sheet the schema knows; other sheets (Instructions, lists) are ignored."""
    book = RawWorkbook(path)
    wb = CalamineWorkbook.from_path(str(path))
    visibility = {m.name: str(m.visible).rsplit(".", 1)[-1].lower()
                  for m in wb.sheets_metadata}
    for name in wb.sheet_names:
        sheet = schema.match_sheet(name)
        if sheet is None:
            book.ignored_sheets.append(name)
            continue
        if sheet.key in book.tables:
            first = book.tables[sheet.key].name
            book.issues.append(error(
                f"sheets '{first}' and '{name}' are both the {sheet.en} sheet; keep one", name))
            continue
        grid = wb.get_sheet_by_name(name).to_python(skip_empty_area=False)
        state = visibility.get(name, "visible")
        hidden = state != "visible"
        table = _table(sheet, name, grid, hidden, book.issues)
        if table is not None:
            if hidden:
                how = ("very hidden (not listed under Unhide; a macro or the author hid it)"
                       if state == "veryhidden" else "hidden")
                book.issues.append(warning(
                    f"sheet '{name}' is {how}; its data IS used. Unhide it (right-click a sheet "
                    "tab > Unhide) to check it, or delete it if it should not be read", name))
            book.tables[sheet.key] = table
    return book
