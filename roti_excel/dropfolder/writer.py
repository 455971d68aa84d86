"""A process of its own that writes portfolio.xlsx for a runner.

Writing a portfolio of thousands of programs is seconds of pure Python (xlsxwriter); in a
thread of the runner it would hold the interpreter lock that the runner's loop needs for
every step (measured: the loop ran 3 to 4 times slower meanwhile, and a folder of 10,000
programs drained 30 % slower). A writer process, started once and reused, takes that work
off the runner entirely. Like a worker it ignores Ctrl-C (stopping is the runner's call)
and ends quietly when its runner is gone."""

from __future__ import annotations

import contextlib
import multiprocessing
import signal
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

from roti_excel.dropfolder.workers import sigint_held
from roti_excel.errors import OutputError


def _serve(conn: Connection) -> None:
    """Write each portfolio sent; answer "" when written, else why not."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    with contextlib.suppress(OSError, EOFError):  # the runner is gone: end quietly
        while True:
            write = conn.recv()
            if write is None:
                return
            try:
                write()
                conn.send("")
            except (OSError, OutputError) as exc:
                conn.send(str(exc) or type(exc).__name__)


class WriterProcess:
    """One writing at a time, in a process started at the first one."""

    def __init__(self) -> None:
        self._ctx = multiprocessing.get_context("spawn")
        self._conn: Connection | None = None
        self._process: Any = None
        self.busy = False

    def start(self, write: Callable[[], None]) -> None:
        """Send a writing (a picklable callable: a module-level function with its data)."""
        if self._process is None or not self._process.is_alive():
            self._spawn()
        assert self._conn is not None
        self._conn.send(write)
        self.busy = True

    def result(self, timeout: float = 0.0) -> str | None:
        """None while writing; then "" when written or the reason it could not be."""
        if not self.busy or self._conn is None:
            return None
        try:
            if not self._conn.poll(timeout):
                if self._process.is_alive():
                    return None
                answer = "the portfolio's writer process stopped before it finished"
            else:
                answer = self._conn.recv()
        except (OSError, EOFError):
            answer = "the portfolio's writer process stopped before it finished"
        self.busy = False
        return str(answer)

    def close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(OSError):
                self._conn.send(None)
        if self._process is not None:
            self._process.join(10)
            if self._process.is_alive():
                self._process.kill()
                self._process.join(5)
        if self._conn is not None:
            self._conn.close()
        self._conn = self._process = None
        self.busy = False

    def _spawn(self) -> None:
        self.close()
        self._conn, child = self._ctx.Pipe()
        self._process = self._ctx.Process(target=_serve, args=(child,), daemon=True,
                                          name="roti-excel portfolio writer")
        with sigint_held():
            self._process.start()
        child.close()
