"""An export as a table of text: a CSV (UTF-8, with or without a BOM; comma, semicolon or
tab separated, as the downloader's locale wrote it) or the first sheet of a workbook.
Anything else is refused with a message naming the file, never guessed at."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from roti_excel.messages import Text, msg

MAX_MB = 100  # 100,000 responses to 10 questions are about 15 MB
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
# what a file that is not text starts with, and what to call it
MAGIC = ((b"%PDF", "a PDF"), (b"PK\x03\x04", "a zip file or a workbook"),
         (b"\xd0\xcf\x11\xe0", "an old Excel .xls workbook"))

Cell = str | float | dt.datetime | None


class SourceError(Exception):
    """The export cannot be read; `text` says why, in the user's language when shown."""

    def __init__(self, text: Text) -> None:
        super().__init__(text.key)
        self.text = text


@dataclass(frozen=True)
class SourceTable:
    path: Path
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]  # as long as the headers, None where blank
    first_row: int = 2  # the export's row number of rows[0] (the header is row 1)

    @property
    def name(self) -> str:
        return self.path.name


def read_source(path: Path) -> SourceTable:
    """The export's header and rows. Raises SourceError."""
    size = path.stat().st_size
    if size == 0:
        raise SourceError(msg("import_empty", file=path.name))
    if size > MAX_MB * 1_000_000:
        raise SourceError(msg("import_too_large", file=path.name, size=round(size / 1e6),
                              limit=MAX_MB))
    workbook = path.suffix.lower() in WORKBOOK_SUFFIXES
    grid = _workbook_grid(path) if workbook else _csv_grid(path)
    grid = [row for row in grid if any(v not in (None, "") for v in row)]
    if not grid:
        raise SourceError(msg("import_empty", file=path.name))
    width = max(len(row) for row in grid)
    headers = tuple(_header(v) for v in grid[0]) + ("",) * (width - len(grid[0]))
    rows = tuple(tuple(_cell(v) for v in row) + (None,) * (width - len(row))
                 for row in grid[1:])
    return SourceTable(path, headers, rows)


def _header(value: object) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def _cell(value: object) -> Cell:
    if value is None or isinstance(value, str | float | dt.datetime):
        return None if value == "" else value
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return float(value)
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time())
    return str(value)


def _csv_grid(path: Path) -> list[list[object]]:
    data = path.read_bytes()
    for magic, kind in MAGIC:
        if data.startswith(magic):
            raise SourceError(msg("import_not_text", file=path.name, kind=kind))
    if b"\x00" in data[:4096]:
        raise SourceError(msg("import_not_text", file=path.name, kind="binary data"))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceError(msg("import_encoding", file=path.name,
                              byte=f"0x{data[exc.start]:02x}", position=exc.start)) from exc
    sample = text[:65536]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, ",;\t")
    except csv.Error:
        dialect = csv.excel
    return [list(row) for row in csv.reader(io.StringIO(text, newline=""), dialect)]


def _workbook_grid(path: Path) -> list[list[object]]:
    from python_calamine import CalamineWorkbook

    from roti_excel.reading.guard import inspect_file

    guarded = inspect_file(path)  # zip bombs, lying sizes, encrypted files: refused first
    problems = [i for i in guarded.issues if i.is_error]
    if problems:
        raise SourceError(msg("import_unreadable", file=path.name,
                              reason=problems[0].text or problems[0].message))
    try:
        book = CalamineWorkbook.from_path(str(path))
        return [list(row) for row in book.get_sheet_by_index(0).to_python(skip_empty_area=False)]
    except Exception as exc:  # any parser failure is a file problem
        reason = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
        raise SourceError(msg("import_unreadable", file=path.name, reason=reason)) from exc
