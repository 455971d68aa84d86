"""The drop folder's ledger: every file seen and what became of it, in SQLite; the runner
resumes from it after a stop at any point, and the portfolio is built from it."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from pathlib import Path

import openpyxl
import pytest

from roti_excel.dropfolder.ledger import (
    ANSWERED,
    DONE,
    FAILED_INPUT,
    GONE,
    HISTORY_LIMIT,
    Answer,
    Ledger,
    ledger_path,
)
from roti_excel.dropfolder.portfolio import ledger_portfolio
from tests.dropfiles import digest, invalid, program, wait_until
from tests.test_watch import watcher_thread

T0 = dt.datetime(2026, 1, 5, 9, 0)


def _summary(program_name: str, roi: float, organisation: str = "PT A",
             start: str | None = None) -> dict[str, object]:
    return {"program": program_name, "organization": organisation, "currency": "IDR",
            "language": "en", "objective_pct": 25.0, "period_start": start,
            "period_end": None, "issues": [{"message": "a warning"}] * 3,
            "total": {"benefits": 100.0 + roi, "costs": 100.0, "net_benefits": roi,
                      "bcr": (100.0 + roi) / 100, "roi_pct": roi, "band": "high",
                      "status": "credible", "caveats": []}}


def _answered(ledger: Ledger, name: str, summary: dict[str, object] | None,
              when: dt.datetime) -> int:
    row = ledger.arrive(name, 10, 1)
    ledger.queue(row, "ab" * 32, 10, 1)
    ledger.start(row)
    ledger.answer(row, Answer(ok=summary is not None, moved_to=name,
                              reason="" if summary else "x.xlsx: Costs!A1: bad",
                              finished=when, report=f"{name}_report.xlsx" if summary else None,
                              errors_file=None if summary else f"{name}.errors.txt",
                              summary=summary, messages=("one", "two")))
    return row


class TestStates:
    def test_a_file_goes_through_its_states_in_transactions(self, tmp_path: Path) -> None:
        ledger = Ledger(tmp_path / "l.sqlite")
        row = _answered(ledger, "a.xlsx", _summary("A", 10.0), T0)
        stored = ledger.row(row)
        assert (stored.state, stored.attempts, stored.moved_to) == (ANSWERED, 1, "a.xlsx")
        assert stored.messages == ("one", "two")
        # the issue list stays out of the ledger (the report has it); its count is kept
        assert stored.summary is not None and "issues" not in stored.summary
        assert stored.summary["issue_count"] == 3
        assert [r.id for r in ledger.open_rows()] == [row]
        ledger.settle(row, ok=True)
        assert ledger.row(row).state == DONE and ledger.open_rows() == []
        # another connection (the `portfolio` command) sees the committed state
        other = sqlite3.connect(tmp_path / "l.sqlite")
        assert other.execute("SELECT state FROM files").fetchall() == [(DONE,)]

    def test_any_byte_name_is_kept_as_the_file_system_gave_it(self, tmp_path: Path) -> None:
        ledger = Ledger(tmp_path / "l.sqlite")
        name = os.fsdecode(b"gaji\xff\nbaris.xlsx")
        row = ledger.arrive(name, 1, 1)
        assert ledger.row(row).name == name
        stored = sqlite3.connect(tmp_path / "l.sqlite").execute(
            "SELECT name FROM files").fetchone()[0]
        assert stored == b"gaji\xff\nbaris.xlsx"

    def test_final_states_are_not_resumed(self, tmp_path: Path) -> None:
        ledger = Ledger(tmp_path / "l.sqlite")
        gone = ledger.arrive("g.xlsx", 1, 1)
        ledger.forget(gone, "removed")
        failed = _answered(ledger, "f.xlsx", None, T0)
        ledger.settle(failed, ok=False)
        assert ledger.row(gone).state == GONE and ledger.row(failed).state == FAILED_INPUT
        assert ledger.open_rows() == []


class TestPortfolioFromTheLedger:
    def test_a_newer_report_of_a_program_and_period_supersedes_the_older(
            self, tmp_path: Path) -> None:
        ledger = Ledger(tmp_path / "l.sqlite")
        for i, (name, roi, start) in enumerate([
                ("Safety", 10.0, "2025-01-01"), ("Safety", 30.0, "2025-01-01"),
                ("safety", 50.0, "2026-01-01"), ("Sales", 5.0, None)]):
            ledger.settle(_answered(ledger, f"f{i}.xlsx", _summary(name, roi, start=start),
                                    T0 + dt.timedelta(days=i)), ok=True)
        current, history = ledger.programs()
        assert sorted((r.summary or {})["total"]["roi_pct"] for r in current) == [5.0, 30.0,
                                                                                   50.0]
        assert [(r.summary or {})["total"]["roi_pct"] for r in history] == [10.0]

    def test_since_and_organisation_filter(self, tmp_path: Path) -> None:
        ledger = Ledger(tmp_path / "l.sqlite")
        for i, org in enumerate(["PT A", "PT B", "pt a"]):
            ledger.settle(_answered(ledger, f"f{i}.xlsx", _summary(f"P{i}", 1.0, org),
                                    T0 + dt.timedelta(days=10 * i)), ok=True)
        names = [(r.summary or {})["program"] for r in ledger.programs(organisation="PT A")[0]]
        assert names == ["P0", "P2"]
        names = [(r.summary or {})["program"]
                 for r in ledger.programs(since=T0 + dt.timedelta(days=5))[0]]
        assert names == ["P1", "P2"]

    def test_history_is_bounded(self, tmp_path: Path) -> None:
        ledger = Ledger(tmp_path / "l.sqlite")
        for i in range(HISTORY_LIMIT + 5):
            ledger.settle(_answered(ledger, f"f{i}.xlsx", _summary("Same", float(i)),
                                    T0 + dt.timedelta(minutes=i)), ok=True)
        current, history = ledger.programs()
        assert len(current) == 1 and len(history) == HISTORY_LIMIT
        assert (history[0].summary or {})["total"]["roi_pct"] == HISTORY_LIMIT + 3

    def test_portfolio_workbook_has_current_programs_failures_and_history(
            self, tmp_path: Path) -> None:
        ledger = Ledger(tmp_path / "l.sqlite")
        ledger.settle(_answered(ledger, "old.xlsx", _summary("Safety", 10.0), T0), ok=True)
        ledger.settle(_answered(ledger, "new.xlsx", _summary("Safety", 30.0),
                                T0 + dt.timedelta(days=1)), ok=True)
        ledger.settle(_answered(ledger, "bad.xlsx", None, T0), ok=False)
        out = tmp_path / "portfolio.xlsx"
        ledger_portfolio(ledger, out)()
        wb = openpyxl.load_workbook(out)
        assert wb.sheetnames == ["Portfolio", "Benchmarks", "History"]
        main = [v for row in wb["Portfolio"].iter_rows(values_only=True) for v in row]
        history = [v for row in wb["History"].iter_rows(values_only=True) for v in row]
        assert "new.xlsx_report.xlsx" in main and "old.xlsx_report.xlsx" not in main
        assert "old.xlsx_report.xlsx" in history
        assert "bad.xlsx" in main and "x.xlsx: Costs!A1: bad" in main


# -- the runner and its ledger ---------------------------------------------------------------

def _rows(folder: Path) -> list[tuple[str, str]]:
    db = sqlite3.connect(ledger_path(folder / "reports"))
    return [(os.fsdecode(bytes(n)), s) for n, s in
            db.execute("SELECT name, state FROM files ORDER BY id")]


@pytest.mark.slow
def test_watch_records_every_file_and_its_answer(tmp_path: Path) -> None:
    folder = tmp_path / "drop"
    folder.mkdir()
    with watcher_thread(folder):
        program(folder / "good.xlsx", "Good", 100_000)
        invalid(folder / "bad.xlsx")
        (folder / "notes.csv").write_text("a,b\n", encoding="utf-8")
        wait_until(lambda: not [p for p in folder.iterdir() if p.is_file()], 60, "answers")
    assert sorted(_rows(folder)) == [("bad.xlsx", FAILED_INPUT), ("good.xlsx", DONE),
                                     ("notes.csv", FAILED_INPUT)]
    row = next(r for r in Ledger(ledger_path(folder / "reports")).programs()[0])
    assert row.sha256 == digest(folder / "processed" / "good.xlsx")


@pytest.mark.slow
def test_an_answer_made_before_a_kill_is_moved_not_made_again(tmp_path: Path) -> None:
    """The runner was killed after recording an answer, before moving its input (and
    before writing its errors file): the next start writes the errors file and moves the
    input to the name recorded, without processing it again or a time-stamped name."""
    folder = tmp_path / "drop"
    (folder / "reports").mkdir(parents=True)
    bad = invalid(folder / "bad.xlsx")
    good = program(folder / "good.xlsx", "Good", 100_000)
    ledger = Ledger(ledger_path(folder / "reports"))
    for path, summary in ((bad, None), (good, _summary("Good", 100.0))):
        st = path.stat()
        row = ledger.arrive(path.name, st.st_size, st.st_mtime_ns)
        ledger.queue(row, digest(path), st.st_size, st.st_mtime_ns)
        ledger.start(row)
        ledger.answer(row, Answer(
            ok=summary is not None, moved_to=path.name, reason="" if summary else "recorded",
            finished=T0, report="good_report.xlsx" if summary else None,
            errors_file=None if summary else "bad.errors.txt", summary=summary,
            messages=() if summary else ("bad.xlsx: the recorded answer",)))
    ledger.close()
    with watcher_thread(folder):
        wait_until(lambda: not bad.exists() and not good.exists(), 30, "the moves")
    assert sorted(os.listdir(folder / "failed")) == ["bad.errors.txt", "bad.xlsx"]
    assert (folder / "failed" / "bad.errors.txt").read_text(encoding="utf-8") == \
        "bad.xlsx: the recorded answer\n"
    assert os.listdir(folder / "processed") == ["good.xlsx"]
    # not processed again: no report was written by this run, and the log has no line for it
    assert not (folder / "reports" / "good_report.xlsx").exists()
    assert sorted(_rows(folder)) == [("bad.xlsx", FAILED_INPUT), ("good.xlsx", DONE)]


@pytest.mark.slow
def test_a_folder_answered_before_the_ledger_keeps_its_portfolio(tmp_path: Path) -> None:
    """Reports and failures left by a runner without a ledger are read into it once."""
    first = tmp_path / "first"
    first.mkdir()
    with watcher_thread(first):
        program(first / "a.xlsx", "Alpha", 100_000)
        invalid(first / "b.xlsx")
        wait_until(lambda: not [p for p in first.iterdir() if p.is_file()], 60, "answers")
    ledger_path(first / "reports").unlink()
    for extra in ("-wal", "-shm"):
        Path(str(ledger_path(first / "reports")) + extra).unlink(missing_ok=True)
    with watcher_thread(first):
        pass
    assert sorted(_rows(first)) == [("a.xlsx", DONE), ("b.xlsx", FAILED_INPUT)]
    text = [str(v) for row in openpyxl.load_workbook(
        first / "reports" / "portfolio.xlsx")["Portfolio"].iter_rows(values_only=True)
        for v in row if v is not None]
    assert "Alpha" in text and "b.xlsx" in text
    shutil.rmtree(first)


class TestTheFoldersLanguage:
    """What cannot be read as a workbook is answered in the language of the folder's
    programs; in both languages while the folder has none."""

    def test_majority_of_the_programs(self, tmp_path: Path) -> None:
        ledger = Ledger(tmp_path / "l.sqlite")
        assert ledger.language() is None
        for i, lang in enumerate(["id", "id", "en"]):
            ledger.settle(_answered(ledger, f"f{i}.xlsx", {**_summary(f"P{i}", 1.0),
                                                           "language": lang}, T0), ok=True)
        assert ledger.language() == "id"

    def test_answers(self, tmp_path: Path) -> None:
        from roti_excel.dropfolder.folder import not_workbook_answer

        csv = tmp_path / "laporan.csv"
        csv.write_text("a;b\n", encoding="utf-8")
        indonesian = not_workbook_answer(csv, "id")
        assert indonesian is not None and len(indonesian) == 1
        assert indonesian[0].startswith("laporan.csv: ini file CSV")
        both = not_workbook_answer(csv, None)
        assert both is not None and both[0].startswith("laporan.csv: this is a CSV file")
        assert both[1].startswith("laporan.csv: ini file CSV")
        assert not_workbook_answer(tmp_path / "a.xlsx", "id") is None
