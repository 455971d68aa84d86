"""Faults injected into a real `roti-excel watch` process: the runner killed with SIGKILL at
random points over 200 files (two seeds), a worker killed mid-file, paused copies, a full
disk, a read-only folder, another file system, poison names. Each run asserts that every
file is answered exactly once (in the ledger and on disk), none is lost, no good file is
blamed, no traceback reaches the terminal and no temporary file is left."""

from __future__ import annotations

import contextlib
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from roti_excel.dropfolder.ledger import DONE, FAILED_INPUT, OPEN_STATES, ledger_path
from tests.dropfiles import invalid, program, wait_until

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(os.name == "nt", reason="SIGKILL and /proc are POSIX-only")]

_TEMP = re.compile(r"^\..+\.[A-Za-z0-9_]{6,}\.(xlsx|json|txt)$|\.tmp$")


def _drop(folder: Path, seed: int, good: int, bad: int) -> tuple[set[str], set[str]]:
    """`good` valid workbooks, `bad` invalid ones and a CSV, with names the seed picks."""
    rng = random.Random(seed)
    source = program(folder.parent / "good.xlsx", "Good", 100_000)
    wrong = invalid(folder.parent / "bad.xlsx")
    goods = {f"program {seed}-{i:03d}-{rng.randrange(10**6)}.xlsx" for i in range(good)}
    bads = {f"wrong {seed}-{i:03d}.xlsx" for i in range(bad)} | {f"notes {seed}.csv"}
    for name in goods:
        shutil.copyfile(source, folder / name)
    for name in bads:
        if name.endswith(".csv"):
            (folder / name).write_text("a;b\n1;2\n", encoding="utf-8")
        else:
            shutil.copyfile(wrong, folder / name)
    return goods, bads


def _runner(folder: Path, log: Path, workers: int = 2) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    with log.open("ab") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "roti_excel", "watch", str(folder), "--settle", "0.2",
             "--workers", str(workers)], stdout=out, stderr=subprocess.STDOUT, env=env)


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text(encoding="ascii")
            except (OSError, UnicodeDecodeError):
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry))
    return found


def _ledger(folder: Path) -> list[tuple[str, str]]:
    path = ledger_path(folder / "reports")
    if not path.exists():
        return []
    db = sqlite3.connect(path, timeout=10)
    try:
        return [(os.fsdecode(bytes(n)), s) for n, s in db.execute(
            "SELECT name, state FROM files ORDER BY id")]
    except sqlite3.OperationalError as exc:
        # the runner has made the file but not yet its tables: nothing in it yet
        if "no such table" not in str(exc):
            raise
        return []
    finally:
        db.close()


def _inputs_left(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.is_file()]


def _finish(folder: Path, log: Path, timeout: float = 240) -> None:
    """A last runner that drains the folder, then stops on Ctrl-C."""
    started = log.read_text(encoding="utf-8", errors="replace").count("watching ") \
        if log.exists() else 0
    runner = _runner(folder, log)
    try:
        wait_until(lambda: log.read_text(encoding="utf-8", errors="replace").count(
            "watching ") > started, 60, "the runner to start")
        wait_until(lambda: not _inputs_left(folder) and not any(
            s in OPEN_STATES for _, s in _ledger(folder)), timeout, "the folder to drain")
    finally:
        runner.send_signal(signal.SIGINT)
        assert runner.wait(60) == 0


def _assert_answered_once(folder: Path, goods: set[str], bads: set[str], log: Path) -> None:
    processed = set(os.listdir(folder / "processed"))
    failed = set(os.listdir(folder / "failed"))
    # every good file processed, under its own name (no second, time-stamped answer)
    assert processed == goods, (processed ^ goods)
    assert {n for n in failed if not n.endswith(".errors.txt")} == bads
    assert len([n for n in failed if n.endswith(".errors.txt")]) == len(bads)
    settled: dict[str, list[str]] = {}
    for name, state in _ledger(folder):
        if state in (DONE, FAILED_INPUT):
            settled.setdefault(name, []).append(state)
    assert settled == {**{n: [DONE] for n in goods}, **{n: [FAILED_INPUT] for n in bads}}
    reports = set(os.listdir(folder / "reports"))
    assert {n[: -len(".xlsx")] + "_report.xlsx" for n in goods} <= reports
    leftovers = [n for d in ("reports", "failed", "processed")
                 for n in os.listdir(folder / d) if _TEMP.search(n)]
    assert not leftovers
    text = log.read_text(encoding="utf-8", errors="replace")
    assert "Traceback" not in text, text[-3000:]


@pytest.mark.parametrize("seed", [11, 23])
def test_runner_killed_at_random_points(tmp_path: Path, seed: int) -> None:
    folder = tmp_path / "drop"
    folder.mkdir()
    log = tmp_path / "terminal.log"
    goods, bads = _drop(folder, seed, good=191, bad=8)  # 200 files with the CSV
    rng = random.Random(seed)
    kills = 0
    while _inputs_left(folder) and kills < 8:
        runner = _runner(folder, log)
        time.sleep(rng.uniform(0.8, 4.0))
        runner.kill()  # SIGKILL: no cleanup runs, its workers are left orphaned
        runner.wait()
        kills += 1
    _finish(folder, log)
    assert kills >= 2  # the folder was killed mid-drain at least twice
    _assert_answered_once(folder, goods, bads, log)


def test_worker_killed_mid_file_is_retried_not_blamed(tmp_path: Path) -> None:
    """One worker; each kill hits the file it holds (a file is hit at most once): the file
    is tried again in a fresh worker and answered as if nothing happened."""
    folder = tmp_path / "drop"
    folder.mkdir()
    log = tmp_path / "terminal.log"
    goods, bads = _drop(folder, 5, good=12, bad=1)
    runner = _runner(folder, log, workers=1)
    hit: set[str] = set()
    try:
        deadline = time.monotonic() + 120
        while _inputs_left(folder) and time.monotonic() < deadline and len(hit) < 3:
            busy = {n for n, s in _ledger(folder) if s == "processing"} - hit
            workers = _children(runner.pid)
            if busy and workers:
                time.sleep(0.05)
                # the worker may have gone on to another file meanwhile: a kill must not
                # hit a file a second time, and whatever it hits is counted as hit
                now = {n for n, s in _ledger(folder) if s == "processing"}
                if now & hit:
                    continue
                for pid in workers:
                    os.kill(pid, signal.SIGKILL)
                hit |= busy | now
                time.sleep(1.0)
            time.sleep(0.05)
    finally:
        runner.send_signal(signal.SIGINT)
        runner.wait(60)
    _finish(folder, log)
    assert hit, "no worker was caught holding a file"
    _assert_answered_once(folder, goods, bads, log)
    assert "its worker stopped before answering" in log.read_text(encoding="utf-8")


_COPIER = """
import sys, time
source, target, pause, hold = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4] == "1"
data = open(source, "rb").read()
half = len(data) // 2
out = open(target, "wb")
out.write(data[:half]); out.flush()
if not hold:
    out.close()
time.sleep(pause)
if not hold:
    out = open(target, "ab")
out.write(data[half:]); out.close()
"""


def test_paused_and_cut_short_copies(tmp_path: Path) -> None:
    """A copy that pauses for longer than the settle time, holding the file open, is not
    picked up until it is closed; one that pauses with the file closed (a resumed download)
    looks incomplete, is looked at again later and answered whole; a file that stays cut
    short is called damaged only after that second look."""
    folder = tmp_path / "drop"
    folder.mkdir()
    log = tmp_path / "terminal.log"
    good = program(tmp_path / "good.xlsx", "Good", 100_000)
    (folder / "cut.xlsx").write_bytes(good.read_bytes()[:3000])
    runner = _runner(folder, log, workers=1)
    try:
        wait_until(lambda: "watching" in log.read_text(encoding="utf-8"), 60, "the runner")
        copiers = [subprocess.Popen([sys.executable, "-c", _COPIER, str(good),
                                     str(folder / name), "3", hold])
                   for name, hold in (("held.xlsx", "1"), ("resumed.xlsx", "0"))]
        for copier in copiers:
            assert copier.wait(30) == 0
        wait_until(lambda: not _inputs_left(folder), 90, "the answers")
    finally:
        runner.send_signal(signal.SIGINT)
        runner.wait(60)
    assert sorted(os.listdir(folder / "processed")) == ["held.xlsx", "resumed.xlsx"]
    assert sorted(os.listdir(folder / "failed")) == ["cut.errors.txt", "cut.xlsx"]
    text = log.read_text(encoding="utf-8")
    assert "held.xlsx: looks incomplete" not in text  # never picked up while open
    assert text.count("cut.xlsx: looks incomplete") == 1
    assert "cut.xlsx  failed" in text and "Traceback" not in text
    states = _ledger(folder)
    assert sorted(states) == [("cut.xlsx", FAILED_INPUT), ("held.xlsx", DONE),
                              ("resumed.xlsx", DONE)]


# -- faults of the machine: a full disk, a read-only folder, another file system ---------------

@contextlib.contextmanager
def _tmpfs(where: Path, size_kb: int) -> Iterator[Path]:
    """A small tmpfs mounted on `where` (root only; skipped where it cannot be mounted)."""
    where.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs",
                           str(where)], capture_output=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace')}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def _fill(folder: Path) -> Path:
    """Fill the file system of `folder` to the last byte; returns the filler."""
    filler = folder / "filler.bin"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError:
        pass
    finally:
        os.close(fd)
    return filler


def _drop_and_wait(folder: Path, log: Path, goods: set[str], source: Path, *,  # noqa: PLR0913
                   fault: Callable[[], None], fault_seen: str,
                   clear: Callable[[], None]) -> None:
    """Start a runner, make the `fault`, drop `goods`, see the fault logged (`fault_seen`),
    check nothing was blamed, `clear` the fault and wait until every file is answered."""
    runner = _runner(folder, log, workers=1)
    try:
        wait_until(lambda: "watching" in log.read_text(encoding="utf-8"), 60, "the runner")
        fault()
        for name in goods:
            shutil.copyfile(source, folder / name)
        wait_until(lambda: fault_seen in log.read_text(encoding="utf-8"), 60, "the fault")
        assert sorted(os.listdir(folder / "failed")) == []  # nothing blamed meanwhile
        clear()
        wait_until(lambda: not _inputs_left(folder), 120, "the answers after the fault")
    finally:
        runner.send_signal(signal.SIGINT)
        runner.wait(60)


def test_a_full_disk_defers_files_until_space_is_free(tmp_path: Path) -> None:
    folder = tmp_path / "drop"
    folder.mkdir()
    log = tmp_path / "terminal.log"
    good = program(tmp_path / "good.xlsx", "Good", 100_000)
    goods = {f"full {i}.xlsx" for i in range(4)}
    with _tmpfs(folder / "reports", 2048) as reports:
        filler: list[Path] = []
        _drop_and_wait(folder, log, goods, good, fault=lambda: filler.append(_fill(reports)),
                       fault_seen="cannot be written now",
                       clear=lambda: [f.unlink() for f in filler] and None)
        assert set(os.listdir(folder / "processed")) == goods
        assert {f"full {i}_report.xlsx" for i in range(4)} <= set(os.listdir(reports))
        # a runner started on the full disk says so and stops (exit 1, no traceback)
        _fill(reports)
        refused = subprocess.run([sys.executable, "-m", "roti_excel", "watch", str(folder)],
                                 capture_output=True, text=True, timeout=60, check=False)
        assert refused.returncode == 1, refused.stderr
        assert "free some space" in refused.stderr and "Traceback" not in refused.stderr
    text = log.read_text(encoding="utf-8")
    assert "Traceback" not in text, text[-2000:]


def test_a_read_only_reports_folder_is_refused_then_answered(tmp_path: Path) -> None:
    """reports/ read-only (a remount the runner cannot undo; one cannot remount it under a
    running runner, which holds its ledger open): the runner says so and exits 1, leaving
    the files in the folder; once writable, they are answered."""
    folder = tmp_path / "drop"
    folder.mkdir()
    log = tmp_path / "terminal.log"
    good = program(tmp_path / "good.xlsx", "Good", 100_000)
    goods = {"ro 1.xlsx", "ro 2.xlsx"}
    for name in goods:
        shutil.copyfile(good, folder / name)

    def remount(mode: str) -> None:
        subprocess.run(["mount", "-o", f"remount,{mode}", str(folder / "reports")], check=True)

    with _tmpfs(folder / "reports", 8192):
        remount("ro")
        refused = subprocess.run([sys.executable, "-m", "roti_excel", "watch", str(folder)],
                                 capture_output=True, text=True, timeout=60, check=False)
        assert refused.returncode == 1, refused.stderr
        assert "writable" in refused.stderr and "Traceback" not in refused.stderr
        assert sorted(_inputs_left(folder)) == sorted(goods)  # left for a later start
        assert not (folder / "failed").exists() or os.listdir(folder / "failed") == []
        remount("rw")
        _drop_and_wait(folder, log, set(), good, fault=lambda: None, fault_seen="ro 2.xlsx",
                       clear=lambda: None)
        assert set(os.listdir(folder / "processed")) == goods
    assert "Traceback" not in log.read_text(encoding="utf-8")


def test_processed_on_another_file_system(tmp_path: Path) -> None:
    """processed/ mounted from another file system: a rename cannot cross it (EXDEV); the
    input is copied whole, then removed."""
    folder = tmp_path / "drop"
    folder.mkdir()
    log = tmp_path / "terminal.log"
    good = program(tmp_path / "good.xlsx", "Good", 100_000)
    with _tmpfs(folder / "processed", 8192) as processed:
        _drop_and_wait(folder, log, {"far.xlsx"}, good, fault=lambda: None,
                       fault_seen="far.xlsx  ok", clear=lambda: None)
        assert os.listdir(processed) == ["far.xlsx"]
        assert (processed / "far.xlsx").read_bytes() == good.read_bytes()
    assert "Traceback" not in log.read_text(encoding="utf-8")


def test_poison_names_links_and_twins(tmp_path: Path) -> None:
    """Any name the file system allows: bytes that are not UTF-8, 255 bytes, a newline; a
    link to a secret file; twin stems. Each is answered once, the ledger keeps the name's
    bytes, the log cannot be forged, nothing is followed."""
    folder = tmp_path / "drop"
    folder.mkdir()
    log = tmp_path / "terminal.log"
    good = program(tmp_path / "good.xlsx", "Good", 100_000)
    raw_names = [b"gaji\xff\xfe.xlsx", b"a" * 250 + b".xlsx",
                 b"line\n2026-01-01 00:00:00  forged.xlsx  ok  0.00 s.xlsx",
                 b"twin.xlsx", b"twin.xlsm"]
    for raw in raw_names:
        shutil.copyfile(good, os.path.join(os.fsencode(folder), raw))
    os.symlink("/etc/passwd", folder / "secret.xlsx")
    _finish(folder, log)
    processed = {os.fsencode(n) for n in os.listdir(folder / "processed")}
    assert processed == set(raw_names)
    failed = os.listdir(folder / "failed")
    assert sorted(failed) == ["secret.errors.txt", "secret.xlsx"]
    assert (folder / "failed" / "secret.xlsx").is_symlink()  # moved as a link, never read
    assert "root:" not in (folder / "failed" / "secret.errors.txt").read_text(encoding="utf-8")
    reports = os.listdir(folder / "reports")
    assert "twin_report.xlsx" in reports and "twin.xlsm_report.xlsx" in reports
    db = sqlite3.connect(ledger_path(folder / "reports"))
    stored = {bytes(n): s for n, s in db.execute("SELECT name, state FROM files")}
    assert stored == {**dict.fromkeys(raw_names, DONE), b"secret.xlsx": FAILED_INPUT}
    lines = log.read_text(encoding="utf-8").splitlines()
    assert not any(line.startswith("2026-01-01 00:00:00  forged") for line in lines)
    assert any("\\xff\\xfe" in line for line in lines)
    assert all(len(os.fsencode(n)) <= 255 for n in reports)
    assert "Traceback" not in log.read_text(encoding="utf-8")
