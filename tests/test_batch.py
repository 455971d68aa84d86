"""`roti-excel batch`: one pass over a folder, each file in a worker process, reports and
errors files in reports/, a portfolio of every program; a worker that dies or hangs fails
its own file only."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner

from roti_excel.cli import cli
from roti_excel.dropfolder.batch import (
    BatchOutcome,
    Progress,
    collect_inputs,
    output_stems,
    run_batch,
)
from roti_excel.dropfolder.folder import is_ignored, is_own_output, not_workbook_message
from roti_excel.dropfolder.portfolio import read_failures
from roti_excel.dropfolder.workers import CRASH_HOOK, HANG_HOOK
from roti_excel.errors import UsageError
from roti_excel.report.portfolio import FailedRow, ProgramRow, write_portfolio
from tests.dropfiles import broken, digest, invalid, program
from tests.workbooks import thesis_workbook


def _rows(path: Path) -> list[tuple[object, ...]]:
    ws = openpyxl.load_workbook(path)["Portfolio"]
    return [r for r in ws.iter_rows(values_only=True) if any(v is not None for v in r)]


def _program_rows(path: Path) -> list[tuple[object, ...]]:
    rows = _rows(path)
    start = next(i for i, r in enumerate(rows) if r[0] == "Program") + 1
    end = next(i for i, r in enumerate(rows) if isinstance(r[0], str)
               and r[0].startswith("Total"))
    return rows[start:end]


@pytest.fixture
def mixed_folder(tmp_path: Path) -> Path:
    """Three good programs, an invalid one, a broken one, a CSV, an .xls and lock files."""
    folder = tmp_path / "drop"
    folder.mkdir()
    program(folder / "alpha.xlsx", "Alpha", 100_000)       # ROI 100 %
    program(folder / "beta.xlsx", "Beta", 400_000)         # ROI -50 %
    program(folder / "gamma.xlsx", "Gamma", 180_000)       # ROI 11.1 %
    invalid(folder / "invalid.xlsx")
    broken(folder / "broken.xlsx", folder / "alpha.xlsx")
    (folder / "export.csv").write_text("Field,Value\nProgram name,X\n", encoding="utf-8")
    (folder / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    (folder / "~$alpha.xlsx").write_bytes(b"owner lock")
    (folder / ".~lock.beta.xlsx#").write_text("lock", encoding="utf-8")
    return folder


class TestBatch:
    def test_every_file_gets_an_answer(self, mixed_folder: Path) -> None:
        """Good inputs get a report and JSON, bad ones an errors file naming the file;
        lock files are left alone; the exit status says some failed."""
        before = {p.name: digest(p) for p in mixed_folder.iterdir()}
        outcome = run_batch(mixed_folder, workers=2)
        reports = mixed_folder / "reports"
        assert not outcome.ok
        assert sorted(r.source.name for r in outcome.results) == sorted(
            n for n in before if not n.startswith(("~$", ".~lock")))
        for stem in ("alpha", "beta", "gamma"):
            assert (reports / f"{stem}_report.xlsx").is_file()
            assert json.loads((reports / f"{stem}_report.json").read_text())["program"]
            assert not (reports / f"{stem}.errors.txt").exists()
        for name in ("invalid.xlsx", "broken.xlsx", "export.csv", "old.xls"):
            stem = Path(name).stem
            lines = (reports / f"{stem}.errors.txt").read_text(encoding="utf-8").splitlines()
            assert lines and all(line.startswith(f"{name}: ") for line in lines), lines
            assert not (reports / f"{stem}_report.xlsx").exists()
        assert "save it as Excel Workbook (*.xlsx)" in (reports / "export.errors.txt").read_text()
        assert "Save As" in (reports / "old.errors.txt").read_text()
        assert not list(reports.glob("*lock*"))
        # inputs stay where they are, unchanged; nothing else lands in the folder
        assert {p.name: digest(p) for p in mixed_folder.iterdir() if p.is_file()} == before
        assert sorted(p.name for p in mixed_folder.iterdir() if p.is_dir()) == ["reports"]

    def test_invalid_file_lists_every_problem(self, mixed_folder: Path) -> None:
        run_batch(mixed_folder, workers=1)
        lines = (mixed_folder / "reports" / "invalid.errors.txt").read_text().splitlines()
        assert len(lines) >= 2  # the missing Costs sheet and the bad Impact value
        assert any("Costs" in line for line in lines)
        assert any("Impact!" in line for line in lines)

    def test_portfolio_lists_programs_by_roi_and_the_failures(self, mixed_folder: Path
                                                             ) -> None:
        run_batch(mixed_folder, workers=2)
        path = mixed_folder / "reports" / "portfolio.xlsx"
        programs = _program_rows(path)
        assert [r[0] for r in programs] == ["Alpha", "Gamma", "Beta"]
        alpha = programs[0]
        summary = json.loads((mixed_folder / "reports" / "alpha_report.json").read_text())
        # the organisation comes from the JSON summary when it carries one
        assert alpha[1] == summary.get("organization", "")
        assert alpha[2:4] == ("IDR", 1)  # no Groups sheet: the program is one group
        assert alpha[5:8] == (200_000, 100_000, 100_000)
        assert alpha[9] == pytest.approx(1.0) and alpha[11] == "high"
        assert programs[2][11] == "negative" and programs[1][11] == "thin positive"
        assert alpha[12].startswith("provisional (")  # no isolation, no L or TE line
        assert alpha[14] == "alpha_report.xlsx"
        total = next(r for r in _rows(path) if r[0] == "Total")
        assert str(total[5]).startswith("=SUMIFS(")
        rows = _rows(path)
        failed_at = next(i for i, r in enumerate(rows) if str(r[0]).startswith("Failed files"))
        listed = rows[failed_at + 2:failed_at + 6]
        failed = {r[0]: r[1] for r in listed}
        assert {r[14] for r in listed} == {"invalid.errors.txt", "broken.errors.txt",
                                           "export.errors.txt", "old.errors.txt"}
        assert set(failed) == {"invalid.xlsx", "broken.xlsx", "export.csv", "old.xls"}
        assert all(str(msg).startswith(f"{name}: ") for name, msg in failed.items())
        chart = openpyxl.load_workbook(path)["Portfolio"]._charts
        assert len(chart) == 1

    def test_run_log_has_a_line_per_file(self, mixed_folder: Path) -> None:
        outcome = run_batch(mixed_folder, workers=2)
        lines = (mixed_folder / "reports" / "roti.log").read_text().splitlines()
        assert len(lines) == len(outcome.results) == 7
        alpha = next(line for line in lines if "  alpha.xlsx  " in line)
        stamp, _name, status, seconds = alpha.split("  ")[:4]
        dt.datetime.strptime(stamp, "%Y-%m-%d %H:%M:%S")
        assert status == "ok" and seconds.endswith(" s")
        assert any("  export.csv  failed  " in line for line in lines)

    def test_all_good_is_ok_and_rerun_tidies_stale_outputs(self, tmp_path: Path) -> None:
        """A rerun replaces reports; a file fixed since removes its old errors file, a file
        broken since loses its old report (it would describe another version)."""
        folder = tmp_path / "drop"
        folder.mkdir()
        program(folder / "a.xlsx", "A", 100_000)
        invalid(folder / "b.xlsx")
        assert not run_batch(folder, workers=1).ok
        reports = folder / "reports"
        assert (reports / "b.errors.txt").exists()
        program(folder / "b.xlsx", "B", 100_000)
        invalid(folder / "a.xlsx")
        outcome = run_batch(folder, workers=1)
        assert [r.source.name for r in outcome.failed] == ["a.xlsx"]
        assert not (reports / "b.errors.txt").exists() and (reports / "b_report.xlsx").exists()
        assert not (reports / "a_report.xlsx").exists()
        assert not (reports / "a_report.json").exists()
        (folder / "a.xlsx").unlink()
        assert run_batch(folder, workers=1).ok

    def test_out_dir_and_same_stem(self, tmp_path: Path) -> None:
        """--out-dir takes the outputs; `a.xlsx` and `a.csv` do not overwrite each other's."""
        folder, out = tmp_path / "drop", tmp_path / "out"
        folder.mkdir()
        program(folder / "a.xlsx", "A", 100_000)
        (folder / "a.csv").write_text("x\n")
        outcome = run_batch(folder, out_dir=out, workers=1)
        assert not (folder / "reports").exists()
        assert (out / "a_report.xlsx").exists() and (out / "a.csv.errors.txt").exists()
        assert len(outcome.results) == 2

    def test_out_dir_that_is_the_folder_is_refused(self, tmp_path: Path) -> None:
        """Reports among the inputs would overwrite the user's own `a_report.xlsx`: refused
        before anything is written, and the user's file is untouched."""
        program(tmp_path / "a.xlsx", "A", 100_000)
        (tmp_path / "a_report.xlsx").write_bytes(b"the user's own file")
        with pytest.raises(UsageError, match="is the folder of the inputs"):
            run_batch(tmp_path, out_dir=tmp_path / ".", workers=1)
        assert (tmp_path / "a_report.xlsx").read_bytes() == b"the user's own file"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["a.xlsx", "a_report.xlsx"]

    def test_a_portfolio_that_cannot_be_written_does_not_stop_the_batch(
            self, tmp_path: Path) -> None:
        """portfolio.xlsx cannot be replaced (here a folder has its name; on Windows, the
        file open in Excel): logged with the reason, and every file is still processed."""
        (tmp_path / "reports" / "portfolio.xlsx").mkdir(parents=True)
        program(tmp_path / "a.xlsx", "A", 100_000)
        program(tmp_path / "b.xlsx", "B", 100_000)
        assert run_batch(tmp_path, workers=1).ok
        log = (tmp_path / "reports" / "roti.log").read_text()
        assert "could not write portfolio.xlsx: " in log and "directory" in log

    def test_empty_folder(self, tmp_path: Path) -> None:
        outcome = run_batch(tmp_path, workers=2)
        assert outcome.ok and outcome.results == []
        assert outcome.summary_line().startswith("batch: 0 file(s)")


class TestWorkerIsolation:
    def test_worker_that_dies_fails_its_file_only(self, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
        """A file that makes its worker exit abruptly (as a parser abort does) is reported
        as failed; the other files, before and after it, complete."""
        monkeypatch.setenv(CRASH_HOOK, "crash")
        folder = tmp_path / "drop"
        folder.mkdir()
        for i in range(5):
            program(folder / f"p{i}.xlsx", f"Program {i}", 100_000 + i)
        program(folder / "p2-crash.xlsx", "Crash", 100_000)
        outcome = run_batch(folder, workers=2)
        by_name = {r.source.name: r for r in outcome.results}
        assert by_name["p2-crash.xlsx"].status == "crashed"
        assert "stopped abruptly (exit code 3)" in by_name["p2-crash.xlsx"].first_error
        assert all(by_name[f"p{i}.xlsx"].ok for i in range(5))
        reports = folder / "reports"
        assert (reports / "p2-crash.errors.txt").read_text().startswith("p2-crash.xlsx: ")
        assert [r[0] for r in _program_rows(reports / "portfolio.xlsx")] == [
            f"Program {i}" for i in range(5)]
        assert not [p for p in reports.iterdir() if p.name.startswith(".")]  # no temp files

    def test_hung_worker_is_stopped_at_the_time_limit(self, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv(HANG_HOOK, "hang")
        folder = tmp_path / "drop"
        folder.mkdir()
        program(folder / "a.xlsx", "A", 100_000)
        program(folder / "b-hang.xlsx", "B", 100_000)
        program(folder / "c.xlsx", "C", 100_000)
        outcome = run_batch(folder, workers=1, timeout=3)
        by_name = {r.source.name: r.status for r in outcome.results}
        assert by_name == {"a.xlsx": "ok", "b-hang.xlsx": "timed out", "c.xlsx": "ok"}


class TestCommand:
    def test_exit_status(self, tmp_path: Path) -> None:
        program(tmp_path / "a.xlsx", "A", 100_000)
        runner = CliRunner()
        result = runner.invoke(cli, ["batch", str(tmp_path), "--workers", "1"],
                               catch_exceptions=False)
        assert result.exit_code == 0, result.output
        assert "batch: 1 file(s), 1 with a report, 0 failed" in result.output
        (tmp_path / "b.csv").write_text("x\n")
        result = runner.invoke(cli, ["batch", str(tmp_path)], catch_exceptions=False)
        assert result.exit_code == 1

    def test_thesis_example(self, tmp_path: Path) -> None:
        thesis_workbook(tmp_path / "thesis.xlsx")
        assert run_batch(tmp_path, workers=1).ok
        row = _program_rows(tmp_path / "reports" / "portfolio.xlsx")[0]
        assert str(row[0]).startswith("Prodtech") and row[11] == "high"


class TestFiles:
    @pytest.mark.parametrize("name", ["~$program.xlsx", ".~lock.program.xlsx#", ".hidden.xlsx",
                                      "program.xlsx.tmp", "download.crdownload", "Thumbs.db",
                                      "A1B2C3D4", "~WRL0001.tmp", "program.xlsx~"])
    def test_ignored(self, name: str) -> None:
        assert is_ignored(name)

    @pytest.mark.parametrize("name", ["program.xlsx", "Program (2).XLSX", "data.csv", "old.xls"])
    def test_not_ignored(self, name: str) -> None:
        assert not is_ignored(name)

    def test_not_workbook_message(self) -> None:
        def message(name: str) -> str | None:
            return not_workbook_message(Path("/nonexistent-dir") / name)

        assert message("a.xlsx") is None and message("A.XLSM") is None
        assert (message("a.csv") or "").startswith("a.csv: this is a CSV file")
        assert ".xlsx" in (message("notes.txt") or "")
        assert "without extension" in (message("README") or "")

    def test_own_outputs(self) -> None:
        assert all(is_own_output(n) for n in ("a_report.xlsx", "a_report.json", "a.errors.txt",
                                               "portfolio.xlsx", "roti.log"))
        assert not is_own_output("a.xlsx")

    def test_output_stems(self, tmp_path: Path) -> None:
        stems = output_stems([tmp_path / "a.csv", tmp_path / "a.xlsx", tmp_path / "A.xlsm"])
        assert list(stems.values()) == ["a.csv", "a", "A.xlsm"]

    def test_collect_inputs(self, mixed_folder: Path) -> None:
        names = [p.name for p in collect_inputs(mixed_folder, mixed_folder / "reports")]
        assert names == ["alpha.xlsx", "beta.xlsx", "broken.xlsx", "export.csv", "gamma.xlsx",
                         "invalid.xlsx", "old.xls"]


class TestProgress:
    def test_line(self) -> None:
        bar = Progress(4)
        assert bar.line().startswith("[" + "-" * Progress.WIDTH + "] 0/4 files, 0 failed")
        bar.advance(ok=True)
        bar.advance(ok=False)
        assert "2/4 files, 1 failed" in bar.line() and "#" * 14 in bar.line()
        bar.start -= 20  # 2 files in 20 s: 2 more take about 20 s
        assert bar.line().endswith("2/4 files, 1 failed, about 0:20 left")

    def test_outcome(self, tmp_path: Path) -> None:
        assert BatchOutcome(tmp_path, tmp_path).ok


def _summary(name: str, benefits: float, costs: float, currency: str = "IDR",
             participants: list[float | None] | None = None) -> dict[str, object]:
    roi = (benefits - costs) / costs * 100 if costs else None
    band = None if roi is None else "high" if roi >= 25 else (
        "thin_positive" if roi >= 0 else "negative")
    groups = [{"name": f"G{i}", "participants": n} for i, n in enumerate(participants or [])]
    return {"program": name, "currency": currency, "objective_pct": 25.0, "groups": groups,
            "total": {"benefits": benefits, "costs": costs, "net_benefits": benefits - costs,
                      "bcr": benefits / costs if costs else None, "roi_pct": roi,
                      "payback_months": None, "band": band},
            "levels": {"learning": {"evaluated": True, "participants": 7}}}


class TestPortfolio:
    NOW = dt.datetime(2024, 5, 1, 10, 0)

    def test_totals_per_currency_and_no_costs(self, tmp_path: Path) -> None:
        rows = [ProgramRow.from_summary(_summary("A", 300, 100, participants=[3, 4]),
                                        "a_report.xlsx", self.NOW),
                ProgramRow.from_summary(_summary("B", 50, 100), "b_report.xlsx", self.NOW),
                ProgramRow.from_summary(_summary("C", 10, 0), "c_report.xlsx", self.NOW),
                ProgramRow.from_summary(_summary("D", 120, 100, "USD"), "d.xlsx", self.NOW)]
        assert rows[0].participants == 7 and rows[1].participants == 7  # learning fallback
        path = tmp_path / "portfolio.xlsx"
        write_portfolio(path, rows, [], self.NOW)
        table = _rows(path)
        names = [r[0] for r in table[table.index(next(r for r in table if r[0] == "Program"))
                                     + 1:][:4]]
        assert names == ["A", "D", "B", "C"]  # ROI 200 %, 20 %, -50 %, none last
        c = next(r for r in table if r[0] == "C")
        assert c[9] is None and c[11] == "no costs"
        totals = [r for r in table if r[0] == "Total in"]
        assert [t[2] for t in totals] == ["IDR", "USD"]
        assert "None." in [r[0] for r in table]

    def test_speaks_the_language_of_most_programs(self, tmp_path: Path) -> None:
        """Indonesian workbooks give an Indonesian portfolio; the not-monetised program stays
        out of the totals whatever the language (the SUMIFS criterion is in that language)."""
        def summary(name: str, benefits: float, costs: float, **total: Any) -> Any:
            data = _summary(name, benefits, costs)
            data["language"] = "id"
            data["total"].update(total)
            return data

        rows = [ProgramRow.from_summary(summary("A", 300, 100, status="provisional",
                                                caveats=["no_isolation"]), "a.xlsx", self.NOW),
                ProgramRow.from_summary(summary("K3", 0, 50, status="not_monetised",
                                                band=None, roi_pct=None, bcr=None),
                                        "k.xlsx", self.NOW)]
        path = tmp_path / "portfolio.xlsx"
        write_portfolio(path, rows, [], self.NOW)
        book = openpyxl.load_workbook(path, data_only=True)
        assert book.sheetnames == ["Portofolio", "Pembanding"]
        table = [r for r in book["Portofolio"].iter_rows(values_only=True) if any(r)]
        assert table[0][0] == "Portofolio ROI pelatihan"
        a = next(r for r in table if r[0] == "A")
        assert a[11] == "tinggi" and a[12] == "sementara (tanpa isolasi)"
        k = next(r for r in table if r[0] == "K3")
        assert k[11] == "tanpa ROI" and k[12] == "tidak dimonetisasi"
        total = next(r for r in table if r[0] == "Total")
        assert total[6] == 100  # K3's costs left out
        formulas = openpyxl.load_workbook(path)["Portofolio"]
        assert any('"<>tidak dimonetisasi"' in str(c.value) for r in formulas.iter_rows()
                   for c in r)
        assert "Tidak ada." in [r[0] for r in table]

    def test_user_text_is_never_a_formula(self, tmp_path: Path) -> None:
        row = ProgramRow.from_summary(_summary("=HYPERLINK(\"http://x\")", 1, 1), "r.xlsx",
                                      self.NOW)
        path = tmp_path / "portfolio.xlsx"
        write_portfolio(path, [row], [FailedRow("=1+1", "=2+2", self.NOW, "x.errors.txt")])
        ws = openpyxl.load_workbook(path)["Portfolio"]
        values = [c.value for r in ws.iter_rows() for c in r if c.data_type == "f"]
        assert all(str(v).startswith(("=SUMIFS(", "=IF(")) for v in values)

    def test_empty(self, tmp_path: Path) -> None:
        path = tmp_path / "portfolio.xlsx"
        write_portfolio(path, [], [])
        assert "No program has been processed yet." in [r[0] for r in _rows(path)]

    def test_read_failures(self, tmp_path: Path) -> None:
        (tmp_path / "a.20240501-100000.xlsx").write_bytes(b"x")
        (tmp_path / "a.20240501-100000.errors.txt").write_text("a.xlsx: Costs!B2: bad\nmore\n")
        (rows,) = read_failures(tmp_path)
        assert rows.file == "a.20240501-100000.xlsx"
        assert rows.first_error == "a.xlsx: Costs!B2: bad"


class TestContainment:
    def test_links_and_folders_are_answered_never_followed(self, tmp_path: Path) -> None:
        """A link to a workbook elsewhere, a link to /etc/passwd and a folder named x.xlsx
        each get an errors file saying what to do; no link is read, no report is made from
        a file outside the folder, and a folder of one's own is left alone."""
        folder, elsewhere = tmp_path / "drop", tmp_path / "elsewhere"
        folder.mkdir()
        elsewhere.mkdir()
        outside = program(elsewhere / "secret.xlsx", "Secret", 100_000)
        (folder / "linked.xlsx").symlink_to(outside)
        (folder / "passwd.xlsx").symlink_to("/etc/passwd")
        (folder / "x.xlsx").mkdir()
        (folder / "archive").mkdir()
        program(folder / "real.xlsx", "Real", 100_000)
        outcome = run_batch(folder, workers=1)
        reports = folder / "reports"
        assert (reports / "real_report.xlsx").is_file()
        assert not (reports / "linked_report.xlsx").exists()
        for stem, words in (("linked", "link to a file elsewhere"),
                            ("passwd", "link to a file elsewhere"), ("x", "is a folder")):
            text = (reports / f"{stem}.errors.txt").read_text(encoding="utf-8")
            assert words in text and "root:" not in text, text
        assert not (reports / "archive.errors.txt").exists()
        assert len(outcome.failed) == 3
