"""What `batch` and `watch` share: which files in a drop folder are inputs, the answer for
those that are not workbooks, the errors file, the run log, portfolio updates and stopping on
Ctrl-C."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType
from typing import Any

from roti_excel.atomic import write_bytes
from roti_excel.dropfolder.ledger import LEDGER_NAME
from roti_excel.dropfolder.names import bounded_stem
from roti_excel.dropfolder.portfolio import ERRORS_SUFFIX, PORTFOLIO_NAME
from roti_excel.dropfolder.workers import Job
from roti_excel.dropfolder.writer import WriterProcess
from roti_excel.errors import OutputError
from roti_excel.messages import msg
from roti_excel.outcome import FileOutcome
from roti_excel.output_paths import report_path
from roti_excel.shown import shown_name

REPORTS_DIR, PROCESSED_DIR, FAILED_DIR = "reports", "processed", "failed"
LOG_NAME = "roti.log"
WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm"})
# Office and download temporaries: skipped, never answered, never moved.
TEMP_SUFFIXES = (".tmp", ".temp", ".part", ".partial", ".crdownload", ".download", ".swp",
                  ".lock", "~")
IGNORED_NAMES = frozenset({"thumbs.db", "desktop.ini", ".ds_store"})
_EXCEL_SAVE_TEMP = re.compile(r"^[0-9A-F]{8}$")  # Excel saves to e.g. "A1B2C3D4", then renames
_OWN_OUTPUT = re.compile(r"(_report\.(xlsx|json)|\.errors\.txt)$", re.IGNORECASE)
# Least time between two rebuilds of portfolio.xlsx while files are still in hand.
PORTFOLIO_INTERVAL_S = 1.0
# The longest a stopping runner waits for the portfolio being written.
WRITER_WAIT_S = 300.0
# How long Ctrl-C waits for the files in hand before abandoning them.
STOP_GRACE_S = 10.0


def is_ignored(name: str) -> bool:
    """Office lock files (`~$x.xlsx`, `.~lock.x.xlsx#`), hidden and temporary files."""
    lower = name.lower()
    return (name.startswith(("~$", ".", "~")) or lower.endswith(TEMP_SUFFIXES)
            or lower in IGNORED_NAMES or bool(_EXCEL_SAVE_TEMP.match(name))
            or (name.startswith(".~lock.") and name.endswith("#")))


def is_own_output(name: str) -> bool:
    """Names the runner writes (when reports go to the drop folder itself)."""
    return bool(_OWN_OUTPUT.search(name)) or name in (PORTFOLIO_NAME, LOG_NAME) or \
        name.startswith(LEDGER_NAME)  # the ledger and its -wal and -shm files


_SUFFIX_KEYS = {".xls": "drop_xls", ".csv": "drop_csv", ".ods": "drop_ods",
                ".xlsb": "drop_xlsb", ".numbers": "drop_numbers"}


def not_workbook_message(path: Path, lang: str = "en") -> str | None:
    """The answer, in `lang`, for what is not an .xlsx workbook, without opening it: a link
    (never followed: it could point anywhere, /etc/passwd included) or a folder named like
    a workbook, then by extension; None for a workbook (its content is judged by the guard
    in a worker)."""
    name = shown_name(path.name)
    suffix = Path(path.name).suffix.lower()
    if path.is_symlink():
        text = msg("drop_link", name=name)
    elif path.is_dir():
        text = msg("drop_folder", name=name)
    elif suffix in WORKBOOK_SUFFIXES:
        return None
    elif suffix in _SUFFIX_KEYS:
        text = msg(_SUFFIX_KEYS[suffix], name=name)
    else:
        text = msg("drop_other", name=name, suffix=suffix) if suffix else msg(
            "drop_no_suffix", name=name)
    return text.render(lang)


def not_workbook_answer(path: Path, lang: str | None) -> list[str] | None:
    """The messages for what is not a workbook: in the folder's language (that of most of
    its programs), or in English and Indonesian while the folder has none (it cannot be
    read, so its own language is unknown); None for a workbook."""
    first = not_workbook_message(path, lang or "en")
    if first is None:
        return None
    return [first] if lang else [first, not_workbook_message(path, "id") or ""]


def job_for(source: Path, reports: Path, out_stem: str | None = None) -> Job:
    """The job for one input; `out_stem` replaces the input's stem in the output names
    (when two inputs of one batch share a stem)."""
    named = source.with_name(bounded_stem(out_stem or source.stem) + ".xlsx")
    return Job(source, report_path(named, None, reports, ".xlsx"),
               report_path(named, None, reports, ".json"), shown_name(source.name))


def errors_file(folder: Path, stem: str) -> Path:
    return folder / f"{bounded_stem(stem)}{ERRORS_SUFFIX}"


def write_errors(path: Path, messages: list[str]) -> None:
    """Every problem, one `FILE: SHEET!CELL: message` per line, errors before warnings."""
    # names are shown escaped; backslashreplace is the backstop for any other text
    write_bytes(path, ("\n".join(messages) + "\n").encode("utf-8", "backslashreplace"))


def now_stamp() -> str:
    """A time stamp for file names, valid on Windows too."""
    return dt.datetime.now().strftime("%Y%m%d-%H%M%S")


class RunLog:
    """One line per file, to the terminal and appended to reports/roti.log:
    time, file, result, seconds (and the first problem for a failure)."""

    def __init__(self, path: Path, echo: Callable[[str], None] | None = None) -> None:
        self.path = path
        self.echo = echo or (lambda line: print(line, file=sys.stderr, flush=True))
        self._warned = False

    def file(self, result: FileOutcome) -> None:
        line = (f"{result.finished:%Y-%m-%d %H:%M:%S}  {shown_name(result.source.name)}  "
                f"{result.status}  "
                f"{result.seconds:.2f} s")
        if not result.ok and result.first_error:
            line += f"  {result.first_error}"
        self.line(line)

    def note(self, text: str) -> None:
        self.line(f"{dt.datetime.now():%Y-%m-%d %H:%M:%S}  {text}")

    def line(self, line: str) -> None:
        self.echo(line)
        try:
            # opened per line: never holds the file open (Windows lets others read it)
            with self.path.open("a", encoding="utf-8", errors="backslashreplace") as fh:
                fh.write(line + "\n")
        except OSError as exc:
            if not self._warned:
                self._warned = True
                self.echo(f"(cannot write {self.path}: {exc.strerror}; logging to the "
                          "terminal only)")


def try_output(log: RunLog, what: str, write: Callable[[], None]) -> bool:
    """Run an output step; a failure (file open in Excel, disk full) is logged, not raised,
    so the runner keeps going."""
    try:
        write()
        return True
    except (OSError, OutputError) as exc:
        log.note(f"could not write {what}: {exc}")
        return False


class PortfolioUpdate:
    """Rebuilds portfolio.xlsx after files are done, off the runner's loop: `prepare` (on
    the caller's thread) takes what the portfolio shows and returns the writing, which runs
    in a writer process (writer.py) while the runner goes on. At once when the runner has
    nothing else in hand; otherwise no sooner than `interval` seconds, nor than ten times
    the last writing's own time, after the last: a large portfolio costs a large batch at
    most a tenth of its time."""

    def __init__(self, log: RunLog, path: Path, prepare: Callable[[], Callable[[], None]],
                 interval: float = PORTFOLIO_INTERVAL_S) -> None:
        self.log, self.path, self.prepare, self.interval = log, path, prepare, interval
        self.dirty = False
        self._next = -float("inf")
        self._writer = WriterProcess()
        self._started = 0.0

    def mark(self) -> None:
        self.dirty = True

    def flush(self, *, idle: bool, last: bool = False) -> None:
        """Start a rebuild when one is due; `last` waits for it and ends the writer (the
        runner is stopping)."""
        self._collect(wait=last)
        if self.dirty and not self._writer.busy and (idle or time.monotonic() >= self._next):
            write = self.prepare()
            self.dirty = False
            self._started = time.monotonic()
            self._writer.start(write)
        if last:
            self._collect(wait=True)
            self._writer.close()

    def _collect(self, *, wait: bool) -> None:
        """The writer's answer, when it has one (logged when the writing failed)."""
        answer = self._writer.result(timeout=WRITER_WAIT_S if wait else 0.0)
        if answer is None:
            return
        took = time.monotonic() - self._started
        self._next = time.monotonic() + max(self.interval, 10 * took)
        if answer:
            self.log.note(f"could not write {self.path.name}: {answer}")


class StopSignal:
    """Ctrl-C (SIGINT, and SIGTERM) as a request to stop rather than an exception, so the
    runner stops between two steps: the first asks to finish the files in hand, the second
    (or STOP_GRACE_S later) abandons them. Signal handlers are installed only in the main
    thread; elsewhere `event` (set by the caller) is the way to stop."""

    def __init__(self, event: threading.Event | None = None,
                 grace: float = STOP_GRACE_S) -> None:
        self.event = event or threading.Event()
        self.grace = grace
        self._abandon = False
        self._requested_at: float | None = None
        self._previous: dict[signal.Signals, Any] = {}

    @contextlib.contextmanager
    def installed(self) -> Iterator[StopSignal]:
        main = threading.current_thread() is threading.main_thread()
        signals = [signal.SIGINT] + ([signal.SIGTERM] if os.name != "nt" else [])
        if main:
            for sig in signals:
                self._previous[sig] = signal.signal(sig, self._handle)
        try:
            yield self
        finally:
            for sig, previous in self._previous.items():
                signal.signal(sig, previous)
            self._previous.clear()

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        # Only flags here: printing from a signal handler can hit a write in progress.
        if self.event.is_set():
            self._abandon = True
        self.event.set()

    @property
    def requested(self) -> bool:
        if self.event.is_set() and self._requested_at is None:
            self._requested_at = time.monotonic()
        return self.event.is_set()

    @property
    def abandon(self) -> bool:
        if not self.requested or self._requested_at is None:
            return False
        return self._abandon or time.monotonic() - self._requested_at > self.grace
