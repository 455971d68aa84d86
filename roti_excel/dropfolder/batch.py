"""`roti-excel batch FOLDER`: one pass over every workbook in a folder, each processed in a
worker process, reports and errors files into FOLDER/reports, a portfolio of every program.

The drop-folder runner, `roti-excel watch FOLDER`, lives in watch.py (re-exported here).
"""

from __future__ import annotations

import os
import sqlite3
import sys
import threading
import time
from collections import deque
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from roti_excel.domain import FileStatus
from roti_excel.dropfolder.folder import (
    FAILED_DIR,
    LOG_NAME,
    REPORTS_DIR,
    WORKBOOK_SUFFIXES,
    PortfolioUpdate,
    RunLog,
    StopSignal,
    errors_file,
    is_ignored,
    is_own_output,
    job_for,
    not_workbook_answer,
    try_output,
    write_errors,
)
from roti_excel.dropfolder.ledger import Answer, Ledger
from roti_excel.dropfolder.portfolio import PORTFOLIO_NAME, Portfolio, open_ledger
from roti_excel.dropfolder.watch import watch_folder
from roti_excel.dropfolder.workers import DEFAULT_TIMEOUT_S, Job, WorkerPool
from roti_excel.errors import UsageError
from roti_excel.outcome import FileOutcome
from roti_excel.output_paths import same_file
from roti_excel.shown import shown_name

__all__ = ["BatchOutcome", "FileOutcome", "collect_inputs", "run_batch", "watch_folder"]


@dataclass
class BatchOutcome:
    """Every file's result; ok when every input produced a report."""

    folder: Path
    reports: Path
    results: list[FileOutcome] = field(default_factory=list)
    seconds: float = 0.0
    not_processed: list[Path] = field(default_factory=list)  # left when stopped by Ctrl-C

    @property
    def ok(self) -> bool:
        return not self.not_processed and all(r.ok for r in self.results)

    @property
    def failed(self) -> list[FileOutcome]:
        return [r for r in self.results if not r.ok]

    def summary_line(self) -> str:
        done = len(self.results)
        rate = done / self.seconds if self.seconds > 0 else 0.0
        line = (f"batch: {done} file(s), {done - len(self.failed)} with a report, "
                f"{len(self.failed)} failed, in {self.seconds:.1f} s ({rate:.2f} files/s); "
                f"reports and {PORTFOLIO_NAME} in {self.reports}")
        if self.not_processed:
            line += f"; stopped, {len(self.not_processed)} file(s) not processed"
        return line


def collect_inputs(folder: Path, reports: Path) -> list[Path]:
    """Every file directly in `folder` that someone dropped: not lock or temporary files,
    nor (when reports are written into the folder itself) the runner's own outputs."""
    own = reports.resolve() == folder.resolve()
    # links are listed (to be answered, never followed); folders only when named like a
    # workbook (x.xlsx): a folder of one's own (archive/) is not an input
    found = [p for p in folder.iterdir()
             if (p.is_symlink() or p.is_file()
                 or (p.is_dir() and p.suffix.lower() in WORKBOOK_SUFFIXES))
             and not is_ignored(p.name) and not (own and is_own_output(p.name))]
    return sorted(found, key=lambda p: (p.name.casefold(), p.name))


def run_batch(folder: Path, out_dir: Path | None = None, workers: int | None = None, *,
              timeout: float = DEFAULT_TIMEOUT_S,
              stop: threading.Event | None = None) -> BatchOutcome:
    """Process every input in `folder` once; see the module docstring. Prints one line per
    file and a closing summary; shows a progress bar when standard error is a terminal."""
    start = time.monotonic()
    reports = out_dir if out_dir is not None else folder / REPORTS_DIR
    if same_file(reports, folder):
        raise UsageError(
            f"--out-dir {out_dir} is the folder of the inputs: reports written there would "
            f"overwrite files of the same names (a_report.xlsx); choose another folder "
            f"(default: {folder / REPORTS_DIR})")
    reports.mkdir(parents=True, exist_ok=True)
    sources = collect_inputs(folder, reports)
    run = _BatchRun(folder, reports, len(sources))
    jobs: deque[Job] = deque()
    lang = run.ledger.language() if run.ledger is not None else None
    for source, out_stem in output_stems(sources).items():
        answer = not_workbook_answer(source, lang)
        if answer is not None:
            run.finish(FileOutcome(source, FileStatus.FAILED, answer), out_stem)
        else:
            jobs.append(job_for(source, reports, out_stem))
            run.stems[source] = out_stem
    size = min(workers or os.cpu_count() or 1, len(jobs))
    if size:
        run.pool_loop(jobs, size, timeout, StopSignal(stop))
    run.portfolio.flush(idle=True, last=True)
    run.close()
    run.progress.close()
    run.outcome.seconds = time.monotonic() - start
    print(run.outcome.summary_line(), flush=True)
    return run.outcome


def output_stems(sources: list[Path]) -> dict[Path, str]:
    """Each input's stem for its output names. Workbooks choose first; an input whose stem
    is taken (`a.csv` beside `a.xlsx`) uses its whole name instead (`a.csv.errors.txt`)."""
    used: set[str] = set()
    stems = {}
    first = [s for s in sources if s.suffix.lower() in WORKBOOK_SUFFIXES]
    for source in first + [s for s in sources if s not in first]:
        stem = source.stem if source.stem.casefold() not in used else source.name
        n = 2
        while stem.casefold() in used:
            stem, n = f"{source.name}-{n}", n + 1
        used.add(stem.casefold())
        stems[source] = stem
    return {source: stems[source] for source in sources}


class _BatchRun:
    def __init__(self, folder: Path, reports: Path, total: int) -> None:
        self.outcome = BatchOutcome(folder, reports)
        self.progress = Progress(total)
        self.log = RunLog(reports / LOG_NAME, self.progress.echo)
        self.ledger = _open_ledger(self.log, reports, folder)
        self.programs = Portfolio()  # this pass's answers only
        self.stems: dict[Path, str] = {}
        self.portfolio = PortfolioUpdate(self.log, reports / PORTFOLIO_NAME,
                                         lambda: self.programs.writer(reports / PORTFOLIO_NAME))

    def pool_loop(self, jobs: deque[Job], size: int, timeout: float, stop: StopSignal) -> None:
        stopping = False
        with stop.installed(), WorkerPool(size, timeout) as pool:
            while jobs or pool.busy:
                if stop.requested and not stopping:
                    stopping = True
                    self.log.note("stopping: finishing the files in hand "
                                  "(Ctrl-C again to abandon them)")
                    self.outcome.not_processed += [j.source for j in jobs]
                    jobs.clear()
                if stopping and stop.abandon:
                    for job in pool.abandon():
                        self._abandoned(job)
                    break
                while jobs and pool.idle:
                    pool.submit(jobs.popleft())
                for job, result in pool.poll(0.25):
                    if stopping and result.status is FileStatus.CRASHED:
                        self._abandoned(job)  # Ctrl-C reached the worker: not the file's fault
                    else:
                        self.finish(result, self.stems[job.source])
                self.portfolio.flush(idle=not jobs and not pool.busy)
                self.progress.tick()
        self.portfolio.flush(idle=True, last=True)

    def _abandoned(self, job: Job) -> None:
        self.log.note(f"{job.label}: abandoned, no report written")
        self.outcome.not_processed.append(job.source)

    def finish(self, result: FileOutcome, out_stem: str) -> None:
        reports = self.outcome.reports
        self.outcome.results.append(result)
        errors = errors_file(reports, out_stem)
        self.programs.add(result, shown_as=shown_name(result.source.name),
                          errors_file=shown_name(errors.name))
        if result.ok:
            with suppress(OSError):
                errors.unlink(missing_ok=True)
        else:
            try_output(self.log, errors.name, lambda: write_errors(errors, result.messages))
            # a report of an earlier version of this input would mislead (the reports folder
            # is never the inputs' folder, so these are ours)
            job = job_for(result.source, reports, out_stem)
            for stale in (job.report, job.json_path):
                with suppress(OSError):
                    stale.unlink(missing_ok=True)
        self.portfolio.mark()
        self._record(result, None if result.ok else errors.name)
        self.log.file(result)
        self.progress.advance(ok=result.ok)

    def _record(self, result: FileOutcome, errors_name: str | None) -> None:
        """The answer into the folder's ledger (for `roti-excel portfolio`); a ledger that
        cannot be written costs the ledger, not the batch."""
        if self.ledger is None:
            return
        try:
            self.ledger.record(result.source.name, Answer(
                ok=result.ok, moved_to=result.source.name, reason=result.first_error,
                finished=result.finished,
                report=None if result.report is None else shown_name(result.report.name),
                errors_file=None if errors_name is None else shown_name(errors_name),
                summary=result.summary if result.ok else None,
                messages=tuple(result.messages)))
        except sqlite3.Error as exc:
            self.log.note(f"could not record {shown_name(result.source.name)} in the "
                          f"ledger: {exc}; the portfolio command will not show it")
            self.ledger = None

    def close(self) -> None:
        if self.ledger is not None:
            self.ledger.close()


def _open_ledger(log: RunLog, reports: Path, folder: Path) -> Ledger | None:
    """The ledger in `reports` (made, and filled with what earlier runs left, when new);
    None when it cannot be opened (a read-only folder): the batch goes on without it."""
    try:
        return open_ledger(reports, folder / FAILED_DIR)
    except sqlite3.Error as exc:
        log.note(f"cannot open the ledger in {reports}: {exc}; answers are not recorded "
                 "for the portfolio command")
        return None


class Progress:
    """A one-line progress bar on standard error when it is a terminal: files done,
    failed, time left. Lines printed through `echo` appear above it."""

    WIDTH = 28

    def __init__(self, total: int, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        isatty = getattr(self.stream, "isatty", None)
        self.enabled = total > 0 and callable(isatty) and bool(isatty())
        self.total, self.done, self.failed = total, 0, 0
        self.start = time.monotonic()
        self._width = 0
        self._drawn_at = 0.0

    def echo(self, line: str) -> None:
        self._clear()
        print(line, file=self.stream, flush=True)
        self._draw()

    def advance(self, *, ok: bool) -> None:
        self.done += 1
        self.failed += not ok
        self._draw()

    def tick(self) -> None:
        if time.monotonic() - self._drawn_at >= 1.0:
            self._draw()

    def close(self) -> None:
        self._clear()

    def line(self) -> str:
        filled = self.WIDTH * self.done // self.total if self.total else self.WIDTH
        text = (f"[{'#' * filled}{'-' * (self.WIDTH - filled)}] {self.done}/{self.total} files,"
                f" {self.failed} failed")
        elapsed = time.monotonic() - self.start
        if 0 < self.done < self.total and elapsed >= 1.0:
            left = elapsed / self.done * (self.total - self.done)
            text += f", about {int(left) // 60}:{int(left) % 60:02d} left"
        return text

    def _draw(self) -> None:
        if self.enabled:
            text = self.line()
            self.stream.write("\r" + text.ljust(self._width))
            self.stream.flush()
            self._width = len(text)
            self._drawn_at = time.monotonic()

    def _clear(self) -> None:
        if self.enabled and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
            self._width = 0
