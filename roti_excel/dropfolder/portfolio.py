"""The drop folder's portfolio: which programs and failures it shows. Both runners keep one
:class:`Portfolio` in memory, add each file's answer as it comes (from the typed summary),
and write it with :func:`roti_excel.report.portfolio.write_portfolio`. `watch` starts from
what earlier runs left in the folder; `batch` from nothing (its portfolio is this pass)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from roti_excel.outcome import FileOutcome
from roti_excel.report.portfolio import FailedRow, ProgramRow, write_portfolio
from roti_excel.shown import shown_name
from roti_excel.summary import Summary

PORTFOLIO_NAME = "portfolio.xlsx"
ERRORS_SUFFIX = ".errors.txt"
REPORT_JSON_SUFFIX = "_report.json"


@dataclass
class Portfolio:
    """Programs keyed by report file name (a new answer for the same report replaces the old
    one), failures keyed by errors file name."""

    programs: dict[str, ProgramRow] = field(default_factory=dict)
    failures: dict[str, FailedRow] = field(default_factory=dict)

    def add_program(self, row: ProgramRow) -> None:
        self.programs[row.report] = row

    def add_failure(self, row: FailedRow) -> None:
        self.failures[row.errors_file] = row

    def add(self, outcome: FileOutcome, *, shown_as: str, errors_file: str) -> None:
        """One file's answer: its program when it has a report, else its failure, shown
        under the input's name (`shown_as`) beside its errors file."""
        if outcome.ok and outcome.summary is not None and outcome.report is not None:
            self.add_program(ProgramRow.from_summary(
                outcome.summary, shown_name(outcome.report.name), outcome.finished))
        else:
            self.add_failure(FailedRow(shown_as, outcome.first_error, outcome.finished,
                                       errors_file))

    def write(self, path: Path) -> None:
        write_portfolio(path, list(self.programs.values()), list(self.failures.values()))

    @classmethod
    def from_folder(cls, reports: Path, failed: Path) -> Portfolio:
        """What earlier runs left: every report with its summary, every errors file."""
        portfolio = cls()
        for row in read_reports(reports):
            portfolio.add_program(row)
        for failure in read_failures(failed):
            portfolio.add_failure(failure)
        return portfolio


def read_reports(reports: Path) -> list[ProgramRow]:
    """A row per `<stem>_report.json` in `reports` whose `<stem>_report.xlsx` is there too."""
    rows = []
    for path in sorted(reports.glob("*" + REPORT_JSON_SUFFIX)):
        workbook = path.with_suffix(".xlsx")
        try:
            summary = json.loads(path.read_text(encoding="utf-8"))
            when = dt.datetime.fromtimestamp(path.stat().st_mtime)
        except (OSError, ValueError):
            continue  # being replaced right now, or not ours: the next rebuild has it
        if isinstance(summary, dict) and workbook.is_file():
            # from_summary checks every value of a summary read back from disk
            rows.append(ProgramRow.from_summary(cast(Summary, summary), shown_name(workbook.name),
                                                when))
    return rows


def read_failures(failed: Path) -> list[FailedRow]:
    """A row per `<stem>.errors.txt` in `failed`, with the input beside it."""
    rows = []
    for path in sorted(failed.glob("*" + ERRORS_SUFFIX)):
        stem = path.name[: -len(ERRORS_SUFFIX)]
        inputs = [p.name for p in failed.iterdir()
                  if p.is_file() and p.stem == stem and not p.name.endswith(ERRORS_SUFFIX)]
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
            when = dt.datetime.fromtimestamp(path.stat().st_mtime)
        except OSError:
            continue
        first = next((line for line in text.splitlines() if line.strip()), "")
        rows.append(FailedRow(shown_name(inputs[0] if inputs else stem), first, when,
                              shown_name(path.name)))
    return rows


