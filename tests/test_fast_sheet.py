"""The report's faster formula preparation gives exactly what xlsxwriter's own does."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
import xlsxwriter
from xlsxwriter.worksheet import Worksheet

from roti_excel.report.fast_sheet import FastWorksheet

GOLDEN = Path(__file__).parent / "golden"


def golden_formulas() -> list[str]:
    """Every formula of the golden reports (both languages, every case)."""
    found: set[str] = set()
    for path in GOLDEN.glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        for key in ("report_en", "report_id"):
            for sheet in (data.get(key) or {}).get("sheets", []):
                found.update(cell[0] for cell in sheet["cells"].values()
                             if isinstance(cell[0], str) and cell[0].startswith("="))
    return sorted(found)


class TestPrepareFormula:
    def test_every_report_formula_prepares_as_xlsxwriter_does(self) -> None:
        """All of the distinct formulas the golden reports hold (over 900)."""
        formulas = golden_formulas()
        assert len(formulas) > 900
        fast, plain = FastWorksheet(), Worksheet()
        assert [fast._prepare_formula(f) for f in formulas] == [
            plain._prepare_formula(f) for f in formulas]

    @pytest.mark.parametrize("formula", [
        "=FILTER(A1:A9,B1:B9>0)", "=XLOOKUP(1,A:A,B:B)", "=SINGLE(A1)", "=ASINGLE(A1)",
        "={SUM(A1:A3)}", "=_xlfn.SORT(A1:A3)", "=SUM(A1:A3)", "=filter(A1)", "=LAMBDA(x,x)(1)"])
    def test_dynamic_functions_take_xlsxwriters_path(self, formula: str) -> None:
        """Names xlsxwriter rewrites (and its own quirks) give its result, and so does
        everything else."""
        assert FastWorksheet()._prepare_formula(formula) == (
            Worksheet()._prepare_formula(formula))


def _written(worksheet_class: type[Worksheet]) -> dict[str, bytes]:
    """A workbook of every kind of cell the report writes and more (no format, row and
    column formats, text needing escapes, each kind of formula result), as its zip's
    parts."""
    out = io.BytesIO()
    wb = xlsxwriter.Workbook(out, {"in_memory": True})
    wb.worksheet_class = worksheet_class
    ws = wb.add_worksheet("Cells")
    money, pct = wb.add_format({"num_format": "#,##0"}), wb.add_format({"num_format": "0%"})
    ws.set_row(40, None, pct)
    ws.set_column(9, 9, 12, money)
    values: list[Any] = [0, -1.5, 1e15, 3.14159265358979, 12345678.9, "text", 'a "quote"',
                         "<tag> & amp", " padded ", "line\nbreak", "", None, True, False,
                         dt.datetime(2026, 12, 3, 9, 30), dt.date(2024, 1, 15)]
    for r, value in enumerate(values):
        for c, fmt in enumerate((money, None)):
            ws.write(r, c, value, fmt)
            ws.write(40, r, value)  # the row's format
            ws.write(r + 50, 9, value)  # the column's format
    for r, result in enumerate([12.5, "word", "", "#DIV/0!", "#N/A", True, False, 0, None,
                                "<b> & c"]):
        ws.write_formula(r, 4, "=SUM(A1:A3)*2", money, result)
        ws.write_formula(r, 5, '=IF(A1>0,"<x>","&")', None, result)
        ws.write_formula(r + 20, 6, "=A1", pct, result)
    ws.write_blank(30, 0, None, money)
    ws.write_rich_string(31, 0, "plain ", wb.add_format({"bold": True}), "bold", money)
    ws.write_url(32, 0, "https://example.com", money, "link")
    ws.write_array_formula(33, 0, 33, 0, "{=SUM(A1:A3*B1:B3)}", money, 7)
    ws.write_boolean(34, 0, True, money)  # noqa: FBT003 - xlsxwriter's signature
    wb.close()
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as z:
        return {name: z.read(name) for name in z.namelist()}


class TestWriteCell:
    def test_every_kind_of_cell_is_written_as_xlsxwriter_writes_it(self) -> None:
        fast, plain = _written(FastWorksheet), _written(Worksheet)
        assert fast.keys() == plain.keys()
        for name in plain:
            assert fast[name] == plain[name], name

    def test_the_comparison_sees_a_difference(self) -> None:
        """The sheet holds the cells compared (so the equality above means something)."""
        sheet = _written(Worksheet)["xl/worksheets/sheet1.xml"]
        for piece in (b't="str"', b't="e"', b't="b"', b'<c r="A31" s=', b"<f>SUM(A1:A3)*2</f>"):
            assert piece in sheet
