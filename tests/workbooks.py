"""Build input workbooks for tests from plain rows, the way a person would lay them out:
a title row, then the header row, then data. Headers are the contract's English names."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import xlsxwriter

from roti_excel.input_template import thesis_case as example_case

Rows = Sequence[Mapping[str, Any]]


def write_workbook(path: Path, program: Sequence[tuple[str, Any]], sheets: Mapping[str, Rows],
                   *, title_rows: int = 1) -> Path:
    wb = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False,
                                         "strings_to_formulas": False, "strings_to_urls": False})
    ws = wb.add_worksheet("Program")
    ws.write_row(0, 0, ["Field", "Value"])
    for r, (field, value) in enumerate(program, start=1):
        ws.write(r, 0, field)
        ws.write(r, 1, value)
    for name, rows in sheets.items():
        ws = wb.add_worksheet(name)
        headers: list[str] = []
        for row in rows:
            headers.extend(k for k in row if k not in headers)
        for t in range(title_rows):
            ws.write(t, 0, f"{name} (title row {t + 1})")
        ws.write_row(title_rows, 0, headers)
        for r, row in enumerate(rows, start=title_rows + 1):
            for c, h in enumerate(headers):
                if h in row and row[h] is not None:
                    ws.write(r, c, row[h])
    wb.close()
    return path


def thesis_workbook(path: Path, **overrides: Any) -> Path:
    """The thesis case (input_template.thesis_case), optionally with sheets replaced."""
    sheets = {**example_case.SHEETS, **overrides}
    return write_workbook(path, example_case.PROGRAM, sheets)


def simple_program(**fields: Any) -> list[tuple[str, Any]]:
    base: dict[str, Any] = {"Program name": "Test program", "Currency": "IDR"}
    base.update(fields)
    return list(base.items())
