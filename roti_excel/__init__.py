"""roti_excel: training evaluation (Kirkpatrick levels 1-4, Phillips ROI) from an Excel
workbook to a report workbook finance can audit.

    >>> from roti_excel import load, evaluate, write_report
    >>> loaded = load("program.xlsx")
    >>> results = evaluate(loaded.evaluation)
    >>> write_report(results, "program_report.xlsx")
"""

from __future__ import annotations

from .api import Loaded, load, load_valid, write_report
from .issues import InputError, Issue, RotiError
from .results import Results, evaluate, summary

__version__ = "0.1.0"
__all__ = ["InputError", "Issue", "Loaded", "Results", "RotiError", "evaluate", "load",
           "load_valid", "summary", "write_report"]
