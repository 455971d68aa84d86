"""An xlsxwriter worksheet that prepares formulas and writes cells faster, for reports with
hundreds of thousands of cells (a cost line is eighteen: its line and its input copy).

xlsxwriter prepares every formula with about thirty regular expressions that prefix
Excel 365's dynamic-array functions (FILTER, SORT, XLOOKUP, ...) with `_xlfn.`; on a large
Costs sheet that was a third of the whole run. The report's formulas use none of them: when
a formula names none (one search, a superset of the names, so any doubt takes the original
path), preparing it is only removing the leading "=", which is what the original does then.

Writing a cell, xlsxwriter escapes each attribute (a cell reference, a format's number) with
a regular expression and an exception; a plain cell (a number, a shared text, a formula with
a number or text result, a blank, each with its own format) needs none of that and is
written here in one step, to the same bytes. Every other cell takes the original path.
tests/test_fast_sheet.py pins both equalities."""

from __future__ import annotations

import re
from typing import Any

from xlsxwriter.utility import xl_rowcol_to_cell_fast
from xlsxwriter.worksheet import Worksheet

# Every name xlsxwriter's _prepare_formula rewrites when future functions are off, without
# word boundaries (a superset: SINGLE is matched by xlsxwriter as any character + INGLE).
_DYNAMIC = re.compile(
    r"ANCHORARRAY|BYCOL|BYROW|CHOOSECOLS|CHOOSEROWS|DROP|EXPAND|FILTER|HSTACK|LAMBDA|"
    r"MAKEARRAY|MAP|RANDARRAY|REDUCE|SCAN|INGLE|SEQUENCE|SORT|SWITCH|TAKE|TEXTSPLIT|TOCOL|"
    r"TOROW|UNIQUE|VSTACK|WRAPCOLS|WRAPROWS|XLOOKUP|_xlfn")

# The results xlsxwriter stores as an error (t="e"): those take its own path.
_ERROR_RESULTS = frozenset(("#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!",
                            "#VALUE!"))


class FastWorksheet(Worksheet):  # type: ignore[misc]  # xlsxwriter has no types
    def _prepare_formula(self, formula: str, expand_future_functions: bool = False) -> Any:  # noqa: FBT001, FBT002 - xlsxwriter's signature
        if expand_future_functions or self.use_future_functions or _DYNAMIC.search(formula):
            return super()._prepare_formula(formula, expand_future_functions)
        if formula.startswith("{"):
            formula = formula[1:]
        if formula.startswith("="):
            formula = formula[1:]
        if formula.endswith("}"):
            formula = formula[:-1]
        return formula

    def _write_cell(self, row: int, col: int, cell: Any) -> None:
        fmt = cell.format
        kind = cell.__class__.__name__
        if not fmt:  # the row's or the column's format applies: the original path
            super()._write_cell(row, col, cell)
            return
        head = f'<c r="{xl_rowcol_to_cell_fast(row, col)}" s="{fmt._get_xf_index()}"'
        if kind in ("Number", "Datetime"):
            self.fh.write(f"{head}><v>{cell.number:.16G}</v></c>")
        elif kind == "String" and not self.constant_memory:
            self.fh.write(f'{head} t="s"><v>{cell.string}</v></c>')
        elif kind == "Blank":
            self.fh.write(f"{head}/>")
        elif kind == "Formula" and not isinstance(cell.value, bool) and (
                cell.value not in _ERROR_RESULTS):
            text = ' t="str"' if isinstance(cell.value, str) and cell.value != "" else ""
            self.fh.write(f"{head}{text}><f>{self._escape_data(cell.formula)}</f>"
                          f"<v>{self._escape_data(cell.value)}</v></c>")
        else:
            super()._write_cell(row, col, cell)
