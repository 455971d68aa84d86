"""Fixtures shared by the unit tests: the thesis workbook, the bundled example, and a
small writer of workbooks laid out cell by cell."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

import pytest
import xlsxwriter

from roti_excel.resources import resource_dir
from tests.workbooks import thesis_workbook

# sheet name -> rows, each a list of cell values; None leaves the cell empty
Grid = Mapping[str, Sequence[Sequence[Any]]]


class GridWorkbook(Protocol):
    """The type of the `grid_workbook` fixture."""

    def __call__(self, sheets: Grid, *, hidden: Collection[str] = (),
                 very_hidden: Collection[str] = ()) -> Path: ...


@pytest.fixture
def thesis_workbook_path(tmp_path: Path) -> Path:
    """The thesis case as a person lays it out (tests/workbooks.py), in tmp_path."""
    return thesis_workbook(tmp_path / "thesis.xlsx")


@pytest.fixture
def bundled_example() -> Path:
    """The English example workbook shipped with the package."""
    path = resource_dir("input_templates") / "roti_example_en.xlsx"
    assert path.is_file(), path
    return path


def write_grid(path: Path, sheets: Grid, *, hidden: Collection[str] = (),
               very_hidden: Collection[str] = ()) -> Path:
    """Write each sheet's rows from A1 exactly as given: strings stay strings, dates get a
    date format, None is no cell at all."""
    wb = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False,
                                         "strings_to_formulas": False,
                                         "strings_to_urls": False})
    day = wb.add_format({"num_format": "yyyy-mm-dd"})
    for name, rows in sheets.items():
        ws = wb.add_worksheet(name)
        if name in hidden:
            ws.hide()
        if name in very_hidden:
            ws.very_hidden()
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is None:
                    continue
                if isinstance(value, (dt.date, dt.datetime)):
                    ws.write_datetime(r, c, value, day)
                else:
                    ws.write(r, c, value)
    wb.close()
    return path


@pytest.fixture
def grid_workbook(tmp_path: Path) -> GridWorkbook:
    """`grid_workbook({"Costs": [[...], ...]}, hidden=..., very_hidden=...)`: a workbook
    written cell by cell (see :func:`write_grid`) in tmp_path; returns its path."""
    made = 0

    def make(sheets: Grid, *, hidden: Collection[str] = (),
             very_hidden: Collection[str] = ()) -> Path:
        nonlocal made
        made += 1
        return write_grid(tmp_path / f"grid{made}.xlsx", sheets, hidden=hidden,
                          very_hidden=very_hidden)

    return make
