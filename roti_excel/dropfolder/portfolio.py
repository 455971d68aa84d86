"""The drop folder's portfolio: which programs and failures it shows. `watch` and
`roti-excel portfolio` take them from the folder's ledger (:func:`ledger_portfolio`: the
newest report of each program and period, the reports it superseded, the failures); `batch`
keeps one :class:`Portfolio` of its pass in memory. Both write it with
:func:`roti_excel.report.portfolio.write_portfolio`."""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from roti_excel.dropfolder.ledger import Answer, Ledger, Row, ledger_path
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
        self.writer(path)()

    def writer(self, path: Path) -> Callable[[], None]:
        """The writing of what the portfolio holds now (it may run in another thread while
        this one adds answers)."""
        programs, failures = list(self.programs.values()), list(self.failures.values())
        return functools.partial(write_portfolio, path, programs, failures)

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
    # from_summary checks every value of a summary read back from disk
    return [ProgramRow.from_summary(cast(Summary, summary), shown_name(workbook), when)
            for workbook, summary, when in _summaries(reports)]


def _summaries(reports: Path) -> Iterator[tuple[str, dict[str, Any], dt.datetime]]:
    """(report name, summary, when written) of every report with its JSON summary."""
    for path in sorted(reports.glob("*" + REPORT_JSON_SUFFIX)):
        workbook = path.with_suffix(".xlsx")
        try:
            summary = json.loads(path.read_text(encoding="utf-8"))
            when = dt.datetime.fromtimestamp(path.stat().st_mtime)
        except (OSError, ValueError):
            continue  # being replaced right now, or not ours: the next rebuild has it
        if isinstance(summary, dict) and workbook.is_file():
            yield workbook.name, summary, when


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


def open_ledger(reports: Path, failed: Path) -> Ledger:
    """The folder's ledger in `reports`; a folder answered before it had one gets one, filled
    from the reports and errors files it holds. Raises sqlite3.Error when it cannot be
    opened (a read-only or full folder)."""
    ledger = Ledger(ledger_path(reports))
    if ledger.empty:
        seed_ledger(ledger, reports, failed)
    return ledger


def seed_ledger(ledger: Ledger, reports: Path, failed: Path) -> None:
    """A folder answered before it had a ledger: its reports and failures, as settled rows
    (so the portfolio keeps showing them)."""
    for workbook, summary, when in _summaries(reports):
        input_name = str(summary.get("input_file") or workbook)
        ledger.record(input_name, Answer(ok=True, moved_to=input_name, reason="",
                                         finished=when, report=workbook, summary=summary))
    for row in read_failures(failed):
        ledger.record(row.file, Answer(ok=False, moved_to=row.file, reason=row.first_error,
                                       finished=row.failed_at, errors_file=row.errors_file))


def ledger_portfolio(ledger: Ledger, path: Path, since: dt.datetime | None = None,
                     organisation: str | None = None) -> Callable[[], None]:
    """Take what the portfolio shows from the ledger (on the ledger's thread) and return
    the writing of `path` (which may run on another)."""
    programs, failed, superseded = _ledger_rows(ledger, since, organisation)
    # a function with its data (no lambda): it is sent to the writer process
    return functools.partial(write_portfolio, path, programs, failed, history=superseded)


def _ledger_rows(ledger: Ledger, since: dt.datetime | None, organisation: str | None
                 ) -> tuple[list[ProgramRow], list[FailedRow], list[ProgramRow]]:
    """(programs, failed files, superseded reports) the portfolio shows."""
    current, history = ledger.programs(since, organisation)
    failures = [] if organisation is not None else ledger.failures(since)
    failed = [FailedRow(shown_name(row.moved_to or row.name), row.reason or "",
                        row.finished or dt.datetime.now(), row.errors_file or "")
              for row in failures]
    return [_program(row) for row in current], failed, [_program(row) for row in history]


def _program(row: Row) -> ProgramRow:
    assert row.summary is not None  # the ledger's programs are its rows with a summary
    return ProgramRow.from_summary(cast(Summary, row.summary), row.report or "",
                                   row.finished or dt.datetime.now())


def rebuild_portfolio(folder: Path, output: Path | None = None,
                      since: dt.datetime | None = None,
                      organisation: str | None = None) -> tuple[Path, int, int]:
    """`roti-excel portfolio`: the folder's portfolio from its ledger, written to `output`
    (default: FOLDER/reports/portfolio.xlsx, or a name saying the filters when filtered);
    returns the path and how many programs and failures it shows. A folder answered before
    it had a ledger gets one first (under the runner lock: no runner is writing it)."""
    from roti_excel.dropfolder.lock import runner_lock

    reports = folder.resolve() / "reports"
    path = ledger_path(reports)
    if not path.exists():
        reports.mkdir(exist_ok=True)
        with runner_lock(reports, folder):
            open_ledger(reports, folder.resolve() / "failed").close()
    ledger = Ledger(path, read_only=True)
    try:
        programs, failed, superseded = _ledger_rows(ledger, since, organisation)
    finally:
        ledger.close()
    target = output or reports / _portfolio_name(since, organisation)
    write_portfolio(target, programs, failed, history=superseded)
    return target, len(programs), len(failed)


def _portfolio_name(since: dt.datetime | None, organisation: str | None) -> str:
    parts = [PORTFOLIO_NAME.removesuffix(".xlsx")]
    if organisation is not None:
        parts.append("".join(c if c.isalnum() else "-" for c in organisation).strip("-"))
    if since is not None:
        parts.append(f"since-{since:%Y-%m-%d}")
    return "_".join(parts) + ".xlsx"
