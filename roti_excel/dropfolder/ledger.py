"""The drop folder's ledger: an SQLite database in FOLDER/reports/ that records every file
the runner has seen and what became of it, one transaction per change of state.

The folder's moves follow the ledger: a file's answer (its outcome and the name it will have
in processed/ or failed/) is recorded before the errors file is written and the input moved,
so a runner killed at any point resumes at its next start (:meth:`Ledger.open_rows`) without
losing a file and without answering one twice. The portfolio is built from it
(roti_excel.dropfolder.portfolio), not from the files on disk.

States (:data:`OPEN_STATES` are those a restart resumes):
`waiting` (arriving: size and time not yet stable), `queued` (stable, waiting for a worker),
`processing` (in a worker), `answered` (outputs written; the input is being moved),
`failed_environment` (the machine's fault: tried again at `retry_at`), then the final ones:
`done` (a report), `failed_input` (the workbook's fault: in failed/ with its errors file),
`gone` (removed or replaced before it was answered).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sqlite3
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

LEDGER_NAME = "ledger.sqlite"
WAITING, QUEUED, PROCESSING, ANSWERED = "waiting", "queued", "processing", "answered"
FAILED_ENVIRONMENT = "failed_environment"
DONE, FAILED_INPUT, GONE = "done", "failed_input", "gone"
OPEN_STATES = (WAITING, QUEUED, PROCESSING, ANSWERED, FAILED_ENVIRONMENT)
FINAL_STATES = (DONE, FAILED_INPUT, GONE)
# The history sheet and the failures list show at most this many rows (the newest): the
# portfolio's cost follows the number of programs, not of files ever dropped.
HISTORY_LIMIT = 500

_SCHEMA = """
CREATE TABLE IF NOT EXISTS files (
    id INTEGER PRIMARY KEY,
    name BLOB NOT NULL,            -- the name as the file system gave it, any bytes
    sha256 TEXT,                   -- of the content, once it stopped changing
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    first_seen TEXT NOT NULL,
    updated TEXT NOT NULL,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    retry_at TEXT,
    reason TEXT,                   -- the first error, or why it waits
    messages TEXT,                 -- every message of its answer, one per line
    moved_to BLOB,                 -- its name in processed/ or failed/, once answered
    report TEXT,                   -- the report's file name in reports/
    errors_file TEXT,              -- the errors file's name in failed/
    finished TEXT,                 -- when its answer was made
    program TEXT, organisation TEXT, period_start TEXT, period_end TEXT,
    summary TEXT                   -- the JSON summary without its issue list
);
CREATE INDEX IF NOT EXISTS files_state ON files (state);
CREATE INDEX IF NOT EXISTS files_program ON files (organisation, program, period_start,
                                                   period_end, id);
"""


def _now() -> str:
    return dt.datetime.now().isoformat(timespec="microseconds")


@dataclass(frozen=True)
class Row:
    """One file the ledger holds (the columns a runner resumes from)."""

    id: int
    name: str  # decoded as the OS does (surrogates for bytes that are not UTF-8)
    sha256: str | None
    size: int
    mtime_ns: int
    state: str
    attempts: int
    moved_to: str | None
    reason: str | None
    summary: dict[str, Any] | None
    finished: dt.datetime | None
    errors_file: str | None
    report: str | None
    messages: tuple[str, ...]


@dataclass(frozen=True)
class Answer:
    """A file's answer as the ledger records it before the folder is touched."""

    ok: bool
    moved_to: str  # the input's name in processed/ or failed/
    reason: str  # the first error ("" for a report)
    finished: dt.datetime
    report: str | None = None
    errors_file: str | None = None
    summary: Mapping[str, Any] | None = None
    messages: tuple[str, ...] = ()


class Ledger:
    """The ledger of one drop folder. Only the thread that opened it uses it."""

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        self.path = path
        if read_only:
            self.db = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        else:
            self.db = sqlite3.connect(path, isolation_level=None)  # transactions are ours
            # WAL: a reader (`roti-excel portfolio`) never blocks the runner; NORMAL keeps
            # the database whole when the process is killed (the runner's threat), fsyncs
            # at checkpoints
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.executescript(_SCHEMA)
        self.db.row_factory = sqlite3.Row

    def close(self) -> None:
        self.db.close()

    @contextlib.contextmanager
    def _change(self) -> Iterator[sqlite3.Connection]:
        """One change of state: one transaction. A change that fails (a full disk) leaves
        nothing half done, and the next one starts clean."""
        if self.db.in_transaction:  # a COMMIT that failed may leave one open
            self.db.execute("ROLLBACK")
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            if self.db.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    @property
    def empty(self) -> bool:
        return self.db.execute("SELECT 1 FROM files LIMIT 1").fetchone() is None

    # -- the runner's changes ----------------------------------------------------------------

    def arrive(self, name: str, size: int, mtime_ns: int) -> int:
        """A new file (or a new content under a known name): a `waiting` row; its id."""
        stamp = _now()
        with self._change() as db:
            cursor = db.execute(
                "INSERT INTO files (name, size, mtime_ns, first_seen, updated, state) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (os.fsencode(name), size, mtime_ns, stamp, stamp, WAITING))
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def queue(self, row: int, sha256: str, size: int, mtime_ns: int) -> None:
        """Stable: its content is known and it waits for a worker."""
        self._set(row, state=QUEUED, sha256=sha256, size=size, mtime_ns=mtime_ns)

    def start(self, row: int) -> None:
        with self._change() as db:
            db.execute("UPDATE files SET state = ?, attempts = attempts + 1, updated = ? "
                       "WHERE id = ?", (PROCESSING, _now(), row))

    def defer(self, row: int, retry_at: dt.datetime, reason: str) -> None:
        """The machine's fault (or a worker killed once): tried again at `retry_at`."""
        self._set(row, state=FAILED_ENVIRONMENT, retry_at=retry_at.isoformat(),
                  reason=reason)

    def answer(self, row: int, answer: Answer) -> None:
        """The answer is made and where the input goes is decided: recorded before the
        errors file is written and the input moved."""
        summary = dict(answer.summary) if answer.summary is not None else None
        known = summary or {}
        self._set(row, state=ANSWERED, moved_to=os.fsencode(answer.moved_to),
                  reason=answer.reason or None, report=answer.report,
                  messages="\n".join(answer.messages),
                  errors_file=answer.errors_file, finished=answer.finished.isoformat(),
                  program=None if summary is None else str(summary.get("program") or ""),
                  organisation=None if summary is None else str(
                      summary.get("organization") or ""),
                  period_start=known.get("period_start"), period_end=known.get("period_end"),
                  summary=None if summary is None else _stored_summary(summary))

    def settle(self, row: int, *, ok: bool) -> None:
        """The input is in processed/ (`done`) or failed/ (`failed_input`)."""
        self._set(row, state=DONE if ok else FAILED_INPUT, retry_at=None)

    def forget(self, row: int, why: str) -> None:
        """Removed or replaced before it was answered."""
        self._set(row, state=GONE, reason=why)

    def record(self, name: str, answer: Answer) -> None:
        """A file answered before the folder had a ledger (read once from the folder)."""
        row = self.arrive(name, 0, 0)
        self.answer(row, answer)
        self.settle(row, ok=answer.ok)

    def _set(self, row: int, **values: object) -> None:
        columns = ", ".join(f"{k} = ?" for k in values)
        with self._change() as db:
            db.execute(f"UPDATE files SET {columns}, updated = ? WHERE id = ?",
                       (*values.values(), _now(), row))

    # -- what a runner resumes from ----------------------------------------------------------

    def open_rows(self) -> list[Row]:
        """Every file not yet settled, oldest first."""
        marks = ", ".join("?" * len(OPEN_STATES))
        return [_row(r) for r in self.db.execute(
            f"SELECT * FROM files WHERE state IN ({marks}) ORDER BY id",
            OPEN_STATES)]

    def open_row(self, name: str) -> Row | None:
        """The newest unsettled row of a file of this name (one the runner lost track of:
        a ledger write that failed mid-step, a full disk)."""
        marks = ", ".join("?" * len(OPEN_STATES))
        found = self.db.execute(
            f"SELECT * FROM files WHERE state IN ({marks}) AND name = ? "
            "ORDER BY id DESC LIMIT 1", (*OPEN_STATES, os.fsencode(name))).fetchone()
        return None if found is None else _row(found)

    def language(self) -> str | None:
        """The language most programs answered in this folder were written in ("en" on a
        tie); None before any program."""
        counts = dict(self.db.execute(
            "SELECT json_extract(summary, '$.language') = 'id', count(*) FROM files "
            "WHERE state = 'done' AND summary IS NOT NULL GROUP BY 1").fetchall())
        if not counts:
            return None
        return "id" if counts.get(1, 0) > counts.get(0, 0) else "en"

    def last_settled(self) -> dt.datetime | None:
        """When a file was last settled (None when none was)."""
        marks = ", ".join("?" * len(FINAL_STATES))
        when = self.db.execute(f"SELECT max(updated) FROM files WHERE state IN ({marks})",
                               FINAL_STATES).fetchone()[0]
        return None if when is None else dt.datetime.fromisoformat(when)

    def row(self, row: int) -> Row:
        return _row(self.db.execute("SELECT * FROM files WHERE id = ?", (row,)).fetchone())

    def count(self, state: str | None = None) -> int:
        if state is None:
            return int(self.db.execute("SELECT count(*) FROM files").fetchone()[0])
        return int(self.db.execute("SELECT count(*) FROM files WHERE state = ?",
                                   (state,)).fetchone()[0])

    # -- what the portfolio shows ------------------------------------------------------------

    def programs(self, since: dt.datetime | None = None,
                 organisation: str | None = None) -> tuple[list[Row], list[Row]]:
        """(current, history): the newest report of each program and period, and the
        reports they superseded (newest first, at most HISTORY_LIMIT)."""
        where, args = _filters(since, organisation)
        current_ids = (
            "SELECT max(id) FROM files WHERE state = 'done' AND summary IS NOT NULL"
            f"{where} GROUP BY lower(organisation), lower(program), "
            "coalesce(period_start, ''), coalesce(period_end, '')")
        current = [_row(r) for r in self.db.execute(
            f"SELECT * FROM files WHERE id IN ({current_ids}) ORDER BY id", args)]
        history = [_row(r) for r in self.db.execute(
            "SELECT * FROM files WHERE state = 'done' AND summary IS NOT NULL"
            f"{where} AND id NOT IN ({current_ids}) ORDER BY id DESC LIMIT ?",
            (*args, *args, HISTORY_LIMIT))]
        return current, history

    def failures(self, since: dt.datetime | None = None) -> list[Row]:
        """The newest inputs that were the workbook's fault (at most HISTORY_LIMIT)."""
        where, args = _filters(since, None)
        return [_row(r) for r in self.db.execute(
            f"SELECT * FROM files WHERE state = 'failed_input'{where} "
            "ORDER BY id DESC LIMIT ?", (*args, HISTORY_LIMIT))]


def _filters(since: dt.datetime | None, organisation: str | None) -> tuple[str, list[str]]:
    where, args = "", []
    if since is not None:
        where += " AND finished >= ?"
        args.append(since.isoformat())
    if organisation is not None:
        where += " AND lower(organisation) = lower(?)"
        args.append(organisation)
    return where, args


def _stored_summary(summary: Mapping[str, Any]) -> str:
    """The summary as the ledger keeps it: without its issue list (a workbook can carry
    thousands of warnings; the report and its JSON have them)."""
    kept = {k: v for k, v in summary.items() if k != "issues"}
    kept["issue_count"] = len(summary.get("issues") or ())
    return json.dumps(kept, ensure_ascii=False, allow_nan=False)


def _row(r: sqlite3.Row) -> Row:
    summary = json.loads(r["summary"]) if r["summary"] else None
    finished = dt.datetime.fromisoformat(r["finished"]) if r["finished"] else None
    return Row(id=r["id"], name=os.fsdecode(bytes(r["name"])), sha256=r["sha256"],
               size=r["size"], mtime_ns=r["mtime_ns"], state=r["state"],
               attempts=r["attempts"],
               moved_to=os.fsdecode(bytes(r["moved_to"])) if r["moved_to"] else None,
               reason=r["reason"], summary=summary if isinstance(summary, dict) else None,
               finished=finished, errors_file=r["errors_file"], report=r["report"],
               messages=tuple(r["messages"].split("\n")) if r["messages"] else ())


def ledger_path(reports: Path) -> Path:
    return reports / LEDGER_NAME
