"""Worker processes for `batch` and `watch`.

Each input is processed in a worker process, never in the runner itself: the parsers can
abort the whole process on a hostile file (see guard.py) or hang, and that must cost that
one file only. A worker serves one job at a time and is reused for the next; when it dies
or runs past the time limit, the runner kills it, reports the file as failed and starts a
fresh worker. Workers are started with "spawn" on every platform (the runner has threads
running: watchdog's observer), so Linux behaves as Windows does.
"""

from __future__ import annotations

import contextlib
import importlib
import multiprocessing
import os
import signal
import time
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from roti_excel.atomic import remove_temps
from roti_excel.domain import FileStatus
from roti_excel.outcome import FileOutcome

DEFAULT_TIMEOUT_S = 120.0
# Extra time a fresh worker gets for starting Python and importing the libraries.
STARTUP_ALLOWANCE_S = 60.0
# Test-only hooks, read in the worker only: a file whose name contains the value of
# ROTI_TEST_CRASH_ON makes the worker exit abruptly (as a parser abort does); one whose name
# contains ROTI_TEST_HANG_ON makes it hang. Unset, they do nothing.
CRASH_HOOK = "ROTI_TEST_CRASH_ON"
HANG_HOOK = "ROTI_TEST_HANG_ON"
# "<fragment>:<flag file>": while the flag file exists, writing the answer of a file whose
# name holds the fragment fails as a full disk would (tests of the runner's retries)
FAULT_HOOK = "ROTI_TEST_OUTPUT_FAULT"
_READY = "ready"
# Workers dying before they are even ready means something is wrong with the installation.
MAX_STARTUP_FAILURES = 5
# Imported once per worker before its first job, so the first file is not slower.
_PREWARM = ("roti_excel.api", "roti_excel.method.evaluate", "roti_excel.reading.guard",
            "roti_excel.reading.raw_tables", "roti_excel.reading.evaluation",
            "roti_excel.report.workbook")

@dataclass(frozen=True)
class Job:
    """One input to process: its report and JSON paths, and the name messages use."""

    source: Path
    report: Path
    json_path: Path
    label: str


def run_job(job: Job) -> FileOutcome:
    """Process one input (in a worker). Never raises: anything that goes wrong is a message."""
    from roti_excel.api import process
    from roti_excel.errors import OutputError

    _test_hooks(job.source.name)
    start = time.perf_counter()
    try:
        _fault_hook(job.source.name)
        outcome = process(job.source, job.report, job.json_path)
    except OutputError as exc:  # the answer could not be written: not the file's fault
        return FileOutcome(job.source, FileStatus.DEFERRED, [f"{job.label}: {exc}"],
                           seconds=time.perf_counter() - start)
    except Exception as exc:  # noqa: BLE001 - one file's failure must not stop the worker
        reason = traceback.format_exception_only(exc)[-1].strip()[:300]
        return FileOutcome(job.source, FileStatus.FAILED, [
            f"{job.label}: internal error while processing this file ({reason}); please "
            "report it to the roti-excel maintainers with the file"],
            seconds=time.perf_counter() - start)
    messages = [_relabel(m, str(job.source), job.label) for m in outcome.messages]
    if not outcome.ok and not messages:
        messages = [f"{job.label}: the file was not processed (no reason given)"]
    return replace(outcome, messages=messages, seconds=time.perf_counter() - start)


def _relabel(message: str, prefix: str, label: str) -> str:
    """`/full/path/in.xlsx: Costs!E7: ...` -> `in.xlsx: Costs!E7: ...`."""
    if message.startswith(prefix + ":"):
        return label + message[len(prefix):]
    return message


def _fault_hook(name: str) -> None:
    from roti_excel.errors import OutputError

    fragment, _, flag = os.environ.get(FAULT_HOOK, "").partition(":")
    if fragment and fragment in name and flag and os.path.exists(flag):
        raise OutputError("no space left on device (test fault)")


def _test_hooks(name: str) -> None:
    crash = os.environ.get(CRASH_HOOK)
    if crash and crash in name:
        os._exit(3)
    hang = os.environ.get(HANG_HOOK)
    if hang and hang in name:
        while True:
            time.sleep(60)


def _serve(conn: Connection) -> None:
    """A worker's life: take a job, send its result, until told to stop."""
    # Ctrl-C in a terminal reaches every process of the console; stopping is the runner's call.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for module in _PREWARM:
        with contextlib.suppress(ImportError):
            importlib.import_module(module)
    # the runner may be gone (killed): its end of the pipe is then closed, and the worker
    # ends quietly rather than with a BrokenPipeError traceback on the terminal
    with contextlib.suppress(OSError):
        conn.send(_READY)
        while True:
            try:
                job = conn.recv()
            except EOFError:
                return
            if job is None:
                return
            conn.send(run_job(job))


@contextlib.contextmanager
def sigint_held() -> Iterator[None]:
    """Hold Ctrl-C back while starting a worker. The child is born with it blocked (so a
    Ctrl-C while it is still importing cannot kill it with a traceback; once running it
    ignores it), and a Ctrl-C meanwhile reaches the runner as soon as the worker is started,
    instead of being lost (as ignoring it for that moment would)."""
    if not hasattr(signal, "pthread_sigmask"):  # Windows: no console-wide Ctrl-C to hold
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


class _Worker:
    def __init__(self, ctx: Any, timeout: float) -> None:
        self.conn, child = ctx.Pipe()
        self.process: BaseProcess = ctx.Process(target=_serve, args=(child,), daemon=True,
                                                name="roti-excel worker")
        with sigint_held():
            self.process.start()
        child.close()
        self.timeout = timeout
        self.ready = False
        self.born = time.monotonic()
        self.job: Job | None = None
        self.given = 0.0
        self.deadline = 0.0

    def give(self, job: Job) -> None:
        self.conn.send(job)
        self.job = job
        self.given = time.monotonic()
        start = self.given if self.ready else self.born + STARTUP_ALLOWANCE_S
        self.deadline = max(start, self.given) + self.timeout

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()
        if self.process.exitcode is not None:
            self.process.close()

    def stop(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.conn.send(None)


class WorkerPool:
    """`size` worker processes, one job each at a time, with a time limit per job."""

    def __init__(self, size: int, timeout: float = DEFAULT_TIMEOUT_S) -> None:
        if size < 1:
            raise ValueError(f"a pool needs at least one worker, got {size}")
        self._ctx = multiprocessing.get_context("spawn")
        self.size = size
        self.timeout = timeout
        self._workers = [_Worker(self._ctx, timeout) for _ in range(size)]
        self._startup_failures = 0

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def busy(self) -> list[Job]:
        return [w.job for w in self._workers if w.job is not None]

    @property
    def idle(self) -> int:
        return sum(w.job is None for w in self._workers)

    def submit(self, job: Job) -> None:
        """Give `job` to an idle worker (replacing one that died while idle)."""
        for _attempt in range(2):
            worker = next((w for w in self._workers if w.job is None), None)
            if worker is None:
                raise RuntimeError("no idle worker; check WorkerPool.idle first")
            try:
                worker.give(job)
                return
            except OSError:  # died while idle: its pipe is broken
                self._replace(worker)
        raise RuntimeError("could not start a worker process")

    def poll(self, timeout: float) -> list[tuple[Job, FileOutcome]]:
        """Wait up to `timeout` seconds; return the jobs finished meanwhile, including those
        whose worker died or ran out of time (their worker is replaced)."""
        now = time.monotonic()
        deadlines = [w.deadline for w in self._workers if w.job is not None]
        if deadlines:
            timeout = max(0.0, min(timeout, min(deadlines) - now))
        handles: list[Any] = [w.conn for w in self._workers]
        handles += [w.process.sentinel for w in self._workers]
        ready = set(wait(handles, timeout))
        done: list[tuple[Job, FileOutcome]] = []
        for worker in list(self._workers):
            if worker.conn in ready or worker.process.sentinel in ready:
                finished = self._collect(worker)
            elif worker.job is not None and time.monotonic() > worker.deadline:
                finished = self._timed_out(worker)
            else:
                continue
            if finished is not None:
                done.append(finished)
        return done

    def abandon(self) -> list[Job]:
        """Kill the workers that have a job (leaving no temporary files of theirs behind);
        return the jobs abandoned."""
        jobs = []
        for worker in list(self._workers):
            if worker.job is not None:
                jobs.append(worker.job)
                self._replace(worker, restart=False)
        return jobs

    def close(self) -> None:
        """Stop every worker: idle ones are asked to exit, busy ones are killed."""
        self.abandon()
        for worker in self._workers:
            worker.stop()
        for worker in self._workers:
            worker.process.join(2)
            worker.kill()
        self._workers = []

    def _collect(self, worker: _Worker) -> tuple[Job, FileOutcome] | None:
        try:
            while worker.conn.poll():
                message = worker.conn.recv()
                if message == _READY:
                    worker.ready = True
                    if worker.job is not None:
                        worker.deadline = time.monotonic() + self.timeout
                    continue
                job, worker.job = worker.job, None
                return (job, message) if job is not None else None
        except (EOFError, OSError):
            pass
        if worker.process.is_alive():
            return None
        # The worker is gone without answering: the file made it exit (or it was killed).
        worker.process.join(1)
        code = worker.process.exitcode
        job = worker.job
        if not worker.ready:
            self._startup_failures += 1
            if self._startup_failures > MAX_STARTUP_FAILURES:
                raise RuntimeError(f"worker processes cannot start (exit code {code})")
        self._replace(worker)
        if job is None:
            return None
        how = f"exit code {code}" if code is not None and code >= 0 else f"signal {-(code or 0)}"
        return job, FileOutcome(job.source, FileStatus.CRASHED, [
            f"{job.label}: the program reading this file stopped abruptly ({how}); the file "
            "may be damaged or far too large: open it in Excel, save it again as .xlsx and "
            "drop it again"], seconds=time.monotonic() - worker.given)

    def _timed_out(self, worker: _Worker) -> tuple[Job, FileOutcome] | None:
        job, seconds = worker.job, time.monotonic() - worker.given
        self._replace(worker)
        if job is None:
            return None
        return job, FileOutcome(job.source, FileStatus.TIMED_OUT, [
            f"{job.label}: processing took longer than {self.timeout:g} s and was stopped; "
            "the file may be damaged or far too large: open it in Excel, save it again as "
            ".xlsx and drop it again"], seconds=seconds)

    def _replace(self, worker: _Worker, *, restart: bool = True) -> None:
        job = worker.job
        worker.kill()
        if job is not None:
            remove_temps(job.report)
            remove_temps(job.json_path)
        worker.job = None
        index = self._workers.index(worker)
        if restart:
            self._workers[index] = _Worker(self._ctx, self.timeout)
        else:
            del self._workers[index]
