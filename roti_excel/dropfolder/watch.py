"""`roti-excel watch FOLDER`: the drop-folder runner.

A file is picked up once it has finished arriving: its size and modification time unchanged
for `settle` seconds and it can be opened. File events (watchdog) make that quick; a rescan of
the folder every `rescan` seconds catches what events miss (network shares, a full inotify
table). Each workbook is processed in a worker process; the input then moves, unchanged, to
processed/ (a report was written) or failed/ (with `<stem>.errors.txt` beside it). An input
whose name is already taken there keeps a time-stamped name: nothing dropped is ever deleted
or modified. Every change of a file's state is recorded first in the folder's ledger
(reports/ledger.sqlite, see ledger.py), so a runner killed at any point resumes at its next
start without losing a file or answering one twice. Ctrl-C stops between two steps: the
files in hand are finished (or, after a second Ctrl-C, abandoned: they stay in the folder for
the next start) and the function returns normally.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import queue
import sqlite3
import stat
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from roti_excel.atomic import move, sweep_temps
from roti_excel.domain import FileStatus
from roti_excel.dropfolder.folder import (
    FAILED_DIR,
    LOG_NAME,
    PROCESSED_DIR,
    REPORTS_DIR,
    STOP_GRACE_S,
    WORKBOOK_SUFFIXES,
    PortfolioUpdate,
    RunLog,
    StopSignal,
    errors_file,
    is_ignored,
    job_for,
    not_workbook_answer,
    not_workbook_message,
    now_stamp,
    write_errors,
)
from roti_excel.dropfolder.ledger import (
    ANSWERED,
    PROCESSING,
    Answer,
    Ledger,
    Row,
    ledger_path,
)
from roti_excel.dropfolder.lock import runner_lock
from roti_excel.dropfolder.names import bounded_stem
from roti_excel.dropfolder.openfiles import held_for_writing
from roti_excel.dropfolder.portfolio import PORTFOLIO_NAME, ledger_portfolio, open_ledger
from roti_excel.dropfolder.workers import DEFAULT_TIMEOUT_S, Job, WorkerPool
from roti_excel.errors import OutputError
from roti_excel.fingerprint import file_sha256
from roti_excel.outcome import FileOutcome
from roti_excel.shown import shown_name

DEFAULT_SETTLE_S = 2.0
DEFAULT_RESCAN_S = 5.0
TICK_S = 0.2
MOVE_RETRY_S = 5.0
# A file whose answer could not be written (the disk, not the file) is tried again after
# this, doubling up to DEFER_MAX_S; a file whose worker crashed is tried once more.
DEFER_FIRST_S = 5.0
DEFER_MAX_S = 300.0
CRASH_RETRIES = 1
# A file that looks cut short (empty, cannot be unzipped) is looked at again once it has
# been unchanged this long (at least 5 settle times): a copy that paused is not "damaged".
RECHECK_MIN_S = 10.0
# A ledger that cannot be written (a full disk) is tried again this often.
LEDGER_RETRY_S = 5.0

Signature = tuple[int, int]  # size, modification time (ns)


class _Events(FileSystemEventHandler):
    """Puts the name of every file an event mentions on a queue (watchdog's thread)."""

    def __init__(self, names: queue.SimpleQueue[str]) -> None:
        self.names = names

    def on_any_event(self, event: FileSystemEvent) -> None:
        for path in (event.src_path, getattr(event, "dest_path", "")):
            if path:
                self.names.put(os.path.basename(os.fsdecode(path)))


@dataclass
class _Arrival:
    signature: Signature
    since: float  # when the signature was first seen
    row: int  # its ledger row
    queued: bool = False  # stable, recorded as waiting for a worker


@dataclass
class _Settling:
    """An answer whose input is still to be moved (recorded in the ledger first)."""

    source: Path
    ok: bool
    messages: list[str]
    target: Path
    row: int


@dataclass
class _Stuck:
    """An answer whose input could not be moved yet (open in another program)."""

    settling: _Settling
    signature: Signature
    retry_at: float


@dataclass
class _Deferred:
    """A file to try again later, unchanged: its answer could not be written, or its worker
    crashed (once)."""

    signature: Signature
    retry_at: float
    attempts: int  # how many times it was tried
    row: int


# the public entry point: the folder and the CLI's two options, then keyword-only settings
# with defaults (tests and callers embedding the runner set them)
def watch_folder(folder: Path, settle: float = DEFAULT_SETTLE_S,  # noqa: PLR0913
                 workers: int | None = None, *, timeout: float = DEFAULT_TIMEOUT_S,
                 rescan: float = DEFAULT_RESCAN_S, stop: threading.Event | None = None,
                 grace: float = STOP_GRACE_S) -> None:
    """Process each workbook dropped into `folder` until Ctrl-C (or `stop` is set, for a
    caller running this in a thread); see the module docstring. `timeout` limits the time
    per file, `grace` the wait for the files in hand once asked to stop."""
    reports = folder.resolve() / REPORTS_DIR
    _make_folders(reports, folder.resolve() / PROCESSED_DIR, folder.resolve() / FAILED_DIR)
    with runner_lock(reports, folder):  # UsageError when another runner has the folder
        try:
            _Watch(folder, settle, workers or os.cpu_count() or 1, timeout, rescan).run(
                StopSignal(stop, grace))
        except KeyboardInterrupt:  # only before the handler is in place: stopping is success
            return


def _make_folders(*folders: Path) -> None:
    for sub in folders:
        try:
            sub.mkdir(exist_ok=True)
        except OSError as exc:
            raise OutputError(f"cannot make {sub} ({exc.strerror}); make the drop folder "
                              "writable, then start again") from exc


def _stop_observer(observer: Any) -> None:
    # watchdog logs a harmless race of its inotify thread at shutdown as an error ("called
    # when the thread is inactive"); keep it off the terminal while stopping.
    logger = logging.getLogger("watchdog.observers")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        observer.stop()
        observer.join(5)
    finally:
        logger.setLevel(level)


def _signature(path: Path) -> Signature | None:
    """Size and mtime of a regular file, of a link itself (never followed) or of a folder
    named like a workbook, which are answered too; None when it is gone or anything else."""
    try:
        st = path.lstat()
    except OSError:
        return None
    if stat.S_ISREG(st.st_mode) or stat.S_ISLNK(st.st_mode) or (
            stat.S_ISDIR(st.st_mode) and path.suffix.lower() in WORKBOOK_SUFFIXES):
        return (st.st_size, st.st_mtime_ns)
    return None


def _can_open(path: Path) -> bool:
    """Readable now (a copy in progress on Windows keeps the file locked)."""
    try:
        with path.open("rb") as fh:
            fh.read(1)
    except OSError:
        return False
    return True


class _Watch:
    def __init__(self, folder: Path, settle: float, workers: int, timeout: float,
                 rescan: float) -> None:
        self.folder = folder.resolve()
        self.reports = self.folder / REPORTS_DIR
        self.processed = self.folder / PROCESSED_DIR
        self.failed = self.folder / FAILED_DIR
        self.settle, self.workers, self.timeout, self.rescan = settle, workers, timeout, rescan
        self.log = RunLog(self.reports / LOG_NAME)
        # what a runner killed mid-write left (the lock says no other runner writes here)
        for folder in (self.reports, self.failed):
            for temp in sweep_temps(folder):
                self.log.note(f"removed {shown_name(temp.name)}, left by a run that was "
                              "stopped while writing it")
        self.ledger = _open_ledger(self.reports, self.failed)
        self.events: queue.SimpleQueue[str] = queue.SimpleQueue()
        self.arrivals: dict[str, _Arrival] = {}
        self.in_hand: dict[str, tuple[Job, Signature, int]] = {}
        self.stuck: dict[str, _Stuck] = {}
        self.deferred: dict[str, _Deferred] = {}
        self.rechecked: set[int] = set()  # rows already looked at again as incomplete
        self.ledger_warned = -float("inf")
        portfolio = self.reports / PORTFOLIO_NAME
        self.portfolio = PortfolioUpdate(self.log, portfolio,
                                         lambda: ledger_portfolio(self.ledger, portfolio))

    def run(self, stop: StopSignal) -> None:
        with stop.installed():  # first: Ctrl-C during start-up is a request to stop too
            observer = self._start_observer()
            try:
                self.log.note(f"watching {self.folder} (Ctrl-C to stop)")
                self._resume()
                if self._portfolio_stale():
                    self.portfolio.mark()
                self.portfolio.flush(idle=True)
                with WorkerPool(self.workers, self.timeout) as pool:
                    self._loop(pool, stop)
            finally:
                self.portfolio.flush(idle=True, last=True)
                if observer is not None:
                    _stop_observer(observer)
                self.log.note(f"stopped watching {self.folder}")
                self.ledger.close()

    def _portfolio_stale(self) -> bool:
        """Whether portfolio.xlsx misses an answer the ledger has (a folder with a long
        history starts without rewriting a portfolio that is up to date)."""
        try:
            written = dt.datetime.fromtimestamp((self.reports / PORTFOLIO_NAME).stat().st_mtime)
        except OSError:
            return True
        settled = self.ledger.last_settled()
        return settled is not None and settled >= written

    # -- resuming what a stopped or killed runner left ---------------------------------------

    def _resume(self) -> None:
        """Take up every file the ledger has not settled: finish the moves of those already
        answered, take the others in hand again (unless gone or replaced)."""
        now = time.monotonic()
        for row in self.ledger.open_rows():
            source = self.folder / row.name
            signature = _signature(source)
            same = signature is not None and _same_content(source, signature, row)
            if row.state == ANSWERED:
                self._resume_answered(row, source, signature if same else None)
            elif not same or signature is None:
                self.ledger.forget(row.id, "removed or replaced while the runner was stopped")
            else:
                if row.state == PROCESSING:
                    self.log.note(f"{shown_name(row.name)}: was being processed when the "
                                  "runner stopped; processing it again")
                self.arrivals[row.name] = _Arrival(signature, now - self.settle, row.id)

    def _resume_answered(self, row: Row, source: Path, signature: Signature | None) -> None:
        """An answer was made but its input not yet moved: move it now, to the name the
        ledger holds (never a second answer under a time-stamped name)."""
        ok = row.errors_file is None  # a failure's answer always names its errors file
        folder = self.processed if ok else self.failed
        target = folder / (row.moved_to or row.name)
        if signature is not None:  # still in the folder, unchanged
            self._move(_Settling(source, ok, list(row.messages), target, row.id), signature)
        elif target.exists():
            self.ledger.settle(row.id, ok=ok)
        else:
            self.ledger.forget(row.id, "removed before it could be moved")

    # -- the loop ----------------------------------------------------------------------------

    def _loop(self, pool: WorkerPool, stop: StopSignal) -> None:
        next_scan = 0.0
        stopping = False
        while True:
            try:
                if stop.requested:
                    if not stopping:
                        stopping = True
                        if pool.busy:
                            self.log.note(f"stopping: finishing {len(pool.busy)} file(s) in "
                                          "hand (Ctrl-C again to abandon them)")
                    if self._stopped(pool, stop):
                        return
                else:
                    next_scan = self._take_arrivals(pool, next_scan)
                self._collect(pool, stopping=stopping)
                self.portfolio.flush(idle=not self.in_hand and not self.arrivals)
            except sqlite3.Error as exc:
                self._ledger_fault(exc)

    def _ledger_fault(self, exc: sqlite3.Error) -> None:
        """The ledger cannot be written (a full or read-only disk): the machine's fault. Each
        step writes the ledger before it acts, so the step is simply not taken; wait, then
        go on (a file whose answer was lost meanwhile is taken up again from its row)."""
        now = time.monotonic()
        if now >= self.ledger_warned + LEDGER_RETRY_S * 12:
            self.ledger_warned = now
            self.log.note(f"the ledger {self.ledger.path.name} cannot be written now ({exc}); "
                          f"nothing is lost: trying again every {LEDGER_RETRY_S:g} s")
        time.sleep(LEDGER_RETRY_S)

    def _stopped(self, pool: WorkerPool, stop: StopSignal) -> bool:
        """Asked to stop: done once no file is in hand, or at once when asked to abandon
        them (they are then abandoned)."""
        if not pool.busy:
            return True
        if stop.abandon:
            for job in pool.abandon():
                self._abandoned(job)
            return True
        return False

    def _take_arrivals(self, pool: WorkerPool, next_scan: float) -> float:
        """Look at the files events named (and the whole folder when a rescan is due, at
        `next_scan`) and hand those that have arrived to the workers; returns when the
        next rescan is due."""
        names = self._drain_events()
        if time.monotonic() >= next_scan:
            names.update(self._listing())
            next_scan = time.monotonic() + self.rescan
            self._retry_stuck()
        self._look(names | set(self.arrivals))
        self._due_again()
        self._dispatch(pool)
        return next_scan

    def _due_again(self) -> None:
        """Deferred files whose time has come go back in line, ready at once."""
        now = time.monotonic()
        for name, later in list(self.deferred.items()):
            if later.retry_at <= now:
                if _signature(self.folder / name) == later.signature:
                    self.arrivals[name] = _Arrival(later.signature, now - self.settle,
                                                   later.row)
                else:
                    del self.deferred[name]
                    self.ledger.forget(later.row, "removed or replaced before its next try")

    def _collect(self, pool: WorkerPool, *, stopping: bool) -> None:
        """The answers of the workers that are done."""
        for job, result in pool.poll(TICK_S):
            if stopping and result.status is FileStatus.CRASHED:
                self._abandoned(job)  # Ctrl-C reached the worker: not the file's fault
            else:
                self._finished(job, result)

    def _abandoned(self, job: Job) -> None:
        # its ledger row stays `processing`: the next start takes it up again
        self.in_hand.pop(job.source.name, None)
        self.log.note(f"{job.label}: abandoned; it stays in the folder and is processed at "
                      "the next start")

    def _start_observer(self) -> Any:
        try:
            observer = Observer()
            observer.schedule(_Events(self.events), str(self.folder), recursive=False)
            observer.start()
        except Exception as exc:  # noqa: BLE001 - any failure: fall back to rescanning
            self.log.note(f"file events unavailable ({exc}); checking the folder every "
                          f"{self.rescan:g} s instead")
            return None
        return observer

    def _drain_events(self) -> set[str]:
        names = set()
        while True:
            try:
                names.add(self.events.get_nowait())
            except queue.Empty:
                return names

    def _listing(self) -> set[str]:
        try:
            return set(os.listdir(self.folder))
        except OSError as exc:
            self.log.note(f"cannot list {self.folder}: {exc.strerror}")
            return set()

    def _look(self, names: set[str]) -> None:
        """Note new files and changes; forget files that went away."""
        now = time.monotonic()
        for name in names:
            if name in self.in_hand or is_ignored(name):
                continue
            signature = _signature(self.folder / name)
            if signature is None:
                gone = self.arrivals.pop(name, None)
                if gone is not None:
                    self.ledger.forget(gone.row, "removed before it had finished arriving")
                continue
            if self._known(name, signature):
                continue
            arrival = self.arrivals.get(name)
            if arrival is None:
                row = self._row_for(name, signature)
                if row is not None:
                    self.arrivals[name] = _Arrival(signature, now, row)
            elif arrival.signature != signature:  # still arriving: wait for it to settle
                self.arrivals[name] = _Arrival(signature, now, arrival.row)

    def _row_for(self, name: str, signature: Signature) -> int | None:
        """The ledger row of a file the runner has no step in hand for: its unsettled row
        when the ledger has one for this very file (a step lost to a ledger fault), else a
        new one; None when its answer was already made (its move is then finished)."""
        earlier = self.ledger.open_row(name)
        if earlier is not None:
            if _same_content(self.folder / name, signature, earlier):
                if earlier.state == ANSWERED:
                    self._resume_answered(earlier, self.folder / name, signature)
                    return None
                return earlier.id
            self.ledger.forget(earlier.id, "replaced by a new file of the same name")
        return self.ledger.arrive(name, *signature)

    def _known(self, name: str, signature: Signature) -> bool:
        """True for a file waiting for its next try or for its move; a new file of the same
        name replaces the one whose try or move was pending (that one is forgotten)."""
        later = self.deferred.get(name)
        if later is not None:
            if later.signature == signature:
                return True
            del self.deferred[name]
            self.ledger.forget(later.row, "replaced by a new file of the same name")
        stuck = self.stuck.get(name)
        if stuck is not None:
            if stuck.signature == signature:
                return True
            del self.stuck[name]
            self.ledger.forget(stuck.settling.row, "replaced before it could be moved")
        return False

    def _dispatch(self, pool: WorkerPool) -> None:
        """Hand every file that has finished arriving to a worker (first come, first
        served); answer a non-workbook at once."""
        now = time.monotonic()
        for name, arrival in sorted(self.arrivals.items(), key=lambda item: item[1].since):
            source = self.folder / name
            if now - arrival.since < self.settle:
                continue
            answer = not_workbook_answer(source, self.ledger.language()) \
                if not_workbook_message(source) else None
            if answer is None and (not pool.idle or not _can_open(source)):
                self._queue(source, arrival)
                continue
            if answer is None and held_for_writing(source):
                arrival.since = now  # still being written: settle again once it is closed
                continue
            if answer is not None:
                del self.arrivals[name]
                self._settle(FileOutcome(source, FileStatus.FAILED, answer),
                             arrival.signature, arrival.row)
            elif self._queue(source, arrival):
                job = job_for(source, self.reports, self._out_stem(source))
                self.ledger.start(arrival.row)
                del self.arrivals[name]
                pool.submit(job)
                self.in_hand[name] = (job, arrival.signature, arrival.row)

    def _queue(self, source: Path, arrival: _Arrival) -> bool:
        """Record a stable file's content in the ledger (once); False when it cannot be
        read now."""
        if arrival.queued:
            return True
        try:
            sha256 = file_sha256(source)
        except OSError:
            return False
        self.ledger.queue(arrival.row, sha256, *arrival.signature)
        arrival.queued = True
        return True

    def _out_stem(self, source: Path) -> str | None:
        """The stem of the outputs: the input's, unless another input of another kind has
        it (twin.xlsx and twin.xlsm, now or answered before): then all but the .xlsx use
        their whole name (twin.xlsm_report.xlsx), so no report overwrites another's."""
        if source.suffix.lower() == ".xlsx":
            return None
        stem = source.stem.casefold()
        for where in (self.folder, self.processed, self.failed):
            try:
                names = os.listdir(where)
            except OSError:
                continue
            if any(Path(n).stem.casefold() == stem and n != source.name
                   and Path(n).suffix.lower() in WORKBOOK_SUFFIXES for n in names):
                return source.name
        return None

    def _finished(self, job: Job, result: FileOutcome) -> None:
        name = job.source.name
        _job, signature, row = self.in_hand.pop(name)
        now_signature = _signature(job.source)
        if now_signature is None:
            self.log.note(f"{name}: removed from the folder while it was being processed")
            self.ledger.forget(row, "removed while it was being processed")
        elif now_signature != signature:
            self.log.note(f"{name}: changed while it was being processed; processing it again")
            self.ledger.forget(row, "changed while it was being processed")
            self.arrivals[name] = _Arrival(now_signature, time.monotonic(),
                                           self.ledger.arrive(name, *now_signature))
        elif not self._recheck(name, result, signature, row) and \
                not self._defer(name, result, signature, row):
            self.deferred.pop(name, None)
            self._settle(result, signature, row)

    def _recheck(self, name: str, result: FileOutcome, signature: Signature, row: int) -> bool:
        """A file that looks cut short is looked at once more, after it has stayed unchanged
        for a longer settle (a copy that paused); True when it waits for that."""
        if not result.incomplete or row in self.rechecked:
            return False
        self.rechecked.add(row)
        wait = max(RECHECK_MIN_S, 5 * self.settle)
        self.log.note(f"{shown_name(name)}: looks incomplete (still being copied?); looking "
                      f"at it again once it has been unchanged for {wait:g} s")
        self.arrivals[name] = _Arrival(signature, time.monotonic() + wait - self.settle, row)
        return True

    def _defer(self, name: str, result: FileOutcome, signature: Signature, row: int) -> bool:
        """Keep the file in the folder for another try when the fault was not the file's:
        its answer could not be written (tried again, later and later, until it can), or
        its worker crashed the first time (a kill, a machine short of memory). True when
        deferred."""
        earlier = self.deferred.get(name)
        attempts = 1 + (earlier.attempts if earlier else 0)
        crashed_once = result.status is FileStatus.CRASHED and attempts <= CRASH_RETRIES
        if result.status is not FileStatus.DEFERRED and not crashed_once:
            return False
        wait = min(DEFER_FIRST_S * 2 ** (attempts - 1), DEFER_MAX_S)
        reason = result.first_error.split(": ", 1)[-1]
        what = ("its worker stopped before answering" if crashed_once else
                f"its answer cannot be written now ({reason})")
        self.log.note(f"{shown_name(name)}: {what}; it stays in the folder and is tried "
                      f"again in {wait:g} s")
        self.ledger.defer(row, dt.datetime.now() + dt.timedelta(seconds=wait), what)
        self.deferred[name] = _Deferred(signature, time.monotonic() + wait, attempts, row)
        return True

    def _settle(self, result: FileOutcome, signature: Signature, row: int) -> None:
        """Record the answer in the ledger (where the input goes included), then move."""
        folder = self.processed if result.ok else self.failed
        target = self._free_name(folder, result.source.name, with_errors=not result.ok)
        self.ledger.answer(row, Answer(
            ok=result.ok, moved_to=target.name, reason=result.first_error,
            finished=result.finished,
            report=None if result.report is None else shown_name(result.report.name),
            errors_file=None if result.ok else shown_name(
                errors_file(folder, target.stem).name),
            summary=result.summary if result.ok else None, messages=tuple(result.messages)))
        self.log.file(result)
        self._move(_Settling(result.source, result.ok, result.messages, target, row),
                   signature)

    def _move(self, settling: _Settling, signature: Signature) -> None:
        """Move the input to processed/ or failed/ (errors file first, so whoever finds the
        input in failed/ finds the reason beside it)."""
        target = settling.target
        name = settling.source.name
        try:
            if not settling.ok:
                write_errors(errors_file(target.parent, target.stem), settling.messages)
            move(settling.source, target)
        except (OSError, OutputError) as exc:
            if name not in self.stuck:
                self.log.note(f"{name}: cannot move it to {target.parent.name}/ yet ({exc}); "
                              "will retry")
            self.stuck[name] = _Stuck(settling, signature, time.monotonic() + MOVE_RETRY_S)
            return
        self.stuck.pop(name, None)
        self.ledger.settle(settling.row, ok=settling.ok)
        self.portfolio.mark()

    def _retry_stuck(self) -> None:
        now = time.monotonic()
        for name, stuck in list(self.stuck.items()):
            if _signature(stuck.settling.source) != stuck.signature:
                del self.stuck[name]  # gone or replaced: a new file is a new arrival
                self.ledger.forget(stuck.settling.row, "removed or replaced before it could "
                                   "be moved")
            elif stuck.retry_at <= now:
                self._move(stuck.settling, stuck.signature)

    def _free_name(self, folder: Path, name: str, *, with_errors: bool) -> Path:
        """`name` in `folder`, or a time-stamped variant when taken (by an input or, in
        failed/, by an errors file)."""
        source = Path(name)
        stem = bounded_stem(source.stem)  # a 250-byte name plus a time stamp is too long
        candidate, n = name, 1
        while (folder / candidate).exists() or (
                with_errors and errors_file(folder, Path(candidate).stem).exists()):
            n += 1
            tail = now_stamp() if n == 2 else f"{now_stamp()}-{n - 1}"
            candidate = f"{stem}.{tail}{source.suffix}"
        return folder / candidate


def _open_ledger(reports: Path, failed: Path) -> Ledger:
    """The folder's ledger; a folder answered before it had one gets one, filled from what
    it holds. Without a ledger the runner cannot promise anything: OutputError."""
    try:
        return open_ledger(reports, failed)
    except sqlite3.Error as exc:
        raise OutputError(f"cannot open the drop folder's ledger {ledger_path(reports)} "
                          f"({exc}); free some space or make {reports} writable, then start "
                          "again") from exc


def _same_content(path: Path, signature: Signature, row: Row) -> bool:
    """Whether the file is the one the ledger row describes: a row still arriving (no
    content recorded yet) takes what is there; otherwise the same size and time, or the
    same bytes."""
    if row.sha256 is None or signature == (row.size, row.mtime_ns):
        return True
    try:
        return file_sha256(path) == row.sha256
    except OSError:
        return False
