"""An xlsxwriter worksheet that prepares formulas faster, for reports with tens of
thousands of them (a cost line is five).

xlsxwriter prepares every formula with about thirty regular expressions that prefix
Excel 365's dynamic-array functions (FILTER, SORT, XLOOKUP, ...) with `_xlfn.`; on a large
Costs sheet that was a third of the whole run. The report's formulas use none of them: when
a formula names none (one search, a superset of the names, so any doubt takes the original
path), preparing it is only removing the leading "=", which is what the original does then.
tests/test_fast_sheet.py pins the equality on every formula of the golden reports."""

from __future__ import annotations

import re
from typing import Any

from xlsxwriter.worksheet import Worksheet

# Every name xlsxwriter's _prepare_formula rewrites when future functions are off, without
# word boundaries (a superset: SINGLE is matched by xlsxwriter as any character + INGLE).
_DYNAMIC = re.compile(
    r"ANCHORARRAY|BYCOL|BYROW|CHOOSECOLS|CHOOSEROWS|DROP|EXPAND|FILTER|HSTACK|LAMBDA|"
    r"MAKEARRAY|MAP|RANDARRAY|REDUCE|SCAN|INGLE|SEQUENCE|SORT|SWITCH|TAKE|TEXTSPLIT|TOCOL|"
    r"TOROW|UNIQUE|VSTACK|WRAPCOLS|WRAPROWS|XLOOKUP|_xlfn")


class FastFormulaWorksheet(Worksheet):  # type: ignore[misc]  # xlsxwriter has no types
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
