"""roti_excel: training evaluation (Kirkpatrick levels 1-4, Phillips ROI) from an Excel
workbook to a report workbook finance can audit.

    >>> from roti_excel import load, evaluate, write_report
    >>> loaded = load("program.xlsx")
    >>> results = evaluate(loaded.evaluation)
    >>> write_report(results, "program_report.xlsx")
"""

from __future__ import annotations

from roti_excel.api import Loaded, load, load_valid, write_report
from roti_excel.errors import InputError, RotiError
from roti_excel.issues import Issue
from roti_excel.method.evaluate import Results, evaluate
from roti_excel.summary import summary

__version__ = "0.1.0"
__all__ = ["InputError", "Issue", "Loaded", "Results", "RotiError", "evaluate", "load",
           "load_valid", "summary", "write_report"]
