"""The portfolio's rows and the one path both drop-folder runners take to it: a program per
report from its typed summary, a failure per errors file, the newest answer per report."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl

from roti_excel import evaluate, summary
from roti_excel.domain import Band, FileStatus
from roti_excel.dropfolder.portfolio import Portfolio, read_reports
from roti_excel.outcome import FileOutcome
from roti_excel.report.portfolio import ProgramRow
from tests.cases import rich_evaluation

WHEN = dt.datetime(2025, 3, 12, 16, 15)


def rich_summary() -> dict[str, object]:
    return dict(summary(evaluate(rich_evaluation())))


class TestProgramRow:
    def test_from_a_real_summary(self) -> None:
        """The keys the summary writes: organization, per-group participants, the band."""
        data = summary(evaluate(rich_evaluation()))
        row = ProgramRow.from_summary(data, "rich_report.xlsx", WHEN)
        assert row.organisation == "Org & Co"
        assert row.participants == 40  # North 10 + South 30
        assert row.groups == 2
        assert row.band == Band(data["total"]["band"])
        assert row.roi_pct == data["total"]["roi_pct"]

    def test_credibility_status_and_caveats(self) -> None:
        """The portfolio shows each program's status with its reasons in words; a summary
        written before statuses existed shows none."""
        data = summary(evaluate(rich_evaluation()))
        row = ProgramRow.from_summary(data, "rich_report.xlsx", WHEN)
        assert row.status == data["total"]["status"]
        expected = data["total"]["status"].replace("_", " ")
        assert row.credibility.startswith(expected)
        old = dict(data)
        old["total"] = {k: v for k, v in data["total"].items()
                        if k not in ("status", "caveats")}  # type: ignore[assignment]
        assert ProgramRow.from_summary(old, "r.xlsx", WHEN).credibility == ""  # type: ignore[arg-type]
        provisional = ProgramRow("P", "", "IDR", 1, None, 1.0, 1.0, 0.0, 1.0, 0.0, 25.0,
                                 Band.THIN_POSITIVE, None, "p.xlsx", WHEN, "provisional",
                                 ("no_isolation", "not_fully_loaded"))
        assert provisional.credibility == "provisional (no isolation, costs not fully loaded)"

    def test_values_that_are_not_numbers_read_as_unknown(self) -> None:
        """A summary read back from disk is checked value by value, never trusted."""
        data = rich_summary()
        data["total"] = {"benefits": "lots", "costs": float("nan"), "bcr": True,
                         "band": "excellent"}
        row = ProgramRow.from_summary(data, "r.xlsx", WHEN)  # type: ignore[arg-type]
        assert (row.benefits, row.costs, row.bcr, row.band) == (0.0, 0.0, None, None)


class TestPortfolio:
    def ok(self, report: str, program: str) -> FileOutcome:
        data = summary(evaluate(rich_evaluation()))
        data["program"] = program
        return FileOutcome(Path(report.replace("_report", "")), FileStatus.OK, [], data,
                           Path("reports") / report, finished=WHEN)

    def test_a_new_answer_for_a_report_replaces_the_old(self) -> None:
        """The same input dropped again: one row, the newest."""
        portfolio = Portfolio()
        portfolio.add(self.ok("a_report.xlsx", "First"), shown_as="a.xlsx",
                      errors_file="a.errors.txt")
        portfolio.add(self.ok("a_report.xlsx", "Second"), shown_as="a.xlsx",
                      errors_file="a.errors.txt")
        portfolio.add(self.ok("b_report.xlsx", "Other"), shown_as="b.xlsx",
                      errors_file="b.errors.txt")
        assert sorted(r.program for r in portfolio.programs.values()) == ["Other", "Second"]

    def test_a_failed_file_is_a_failure_row(self) -> None:
        """No report: the failure, under the input's name, with its first error."""
        portfolio = Portfolio()
        failed = FileOutcome(Path("in/x.xlsx"), FileStatus.CRASHED,
                             ["x.xlsx: the program reading this file stopped"], finished=WHEN)
        portfolio.add(failed, shown_as="x-20250312.xlsx", errors_file="x-20250312.errors.txt")
        (row,) = portfolio.failures.values()
        assert (row.file, row.errors_file) == ("x-20250312.xlsx", "x-20250312.errors.txt")
        assert row.first_error.startswith("x.xlsx: the program") and not portfolio.programs

    def test_from_folder_reads_what_earlier_runs_left(self, tmp_path: Path) -> None:
        """Reports with their summary, and errors files with their input; a summary whose
        workbook is gone, and a stray errors file, are read as what they are."""
        reports, failed = tmp_path / "reports", tmp_path / "failed"
        reports.mkdir()
        failed.mkdir()
        (reports / "a_report.json").write_text(json.dumps(rich_summary()), encoding="utf-8")
        (reports / "a_report.xlsx").write_bytes(b"")
        (reports / "gone_report.json").write_text(json.dumps(rich_summary()), encoding="utf-8")
        (failed / "b.xlsx").write_bytes(b"")
        (failed / "b.errors.txt").write_text("b.xlsx: Costs!D5: bad\nmore\n", encoding="utf-8")
        portfolio = Portfolio.from_folder(reports, failed)
        assert list(portfolio.programs) == ["a_report.xlsx"]
        (failure,) = portfolio.failures.values()
        assert (failure.file, failure.first_error) == ("b.xlsx", "b.xlsx: Costs!D5: bad")
        assert [r.report for r in read_reports(reports)] == ["a_report.xlsx"]

    def test_written_workbook_lists_programs_and_failures(self, tmp_path: Path) -> None:
        """What is kept is what is written."""
        portfolio = Portfolio()
        portfolio.add(self.ok("a_report.xlsx", "Alpha"), shown_as="a.xlsx",
                      errors_file="a.errors.txt")
        portfolio.add(FileOutcome(Path("z.xlsx"), FileStatus.FAILED, ["z.xlsx: broken"],
                                  finished=WHEN), shown_as="z.xlsx", errors_file="z.errors.txt")
        path = tmp_path / "portfolio.xlsx"
        portfolio.write(path)
        cells = [c.value for row in openpyxl.load_workbook(path)["Portfolio"].iter_rows()
                 for c in row]
        assert "Alpha" in cells and "z.xlsx: broken" in cells and "Org & Co" in cells
