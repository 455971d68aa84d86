"""`roti-excel watch`: files dropped into a folder are picked up once they have finished
arriving, answered (report, or errors file), moved unchanged to processed/ or failed/, never
processed twice, never lost; Ctrl-C stops it cleanly."""

from __future__ import annotations

import collections
import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from roti_excel.dropfolder import watch as watch_module
from roti_excel.dropfolder.watch import watch_folder
from roti_excel.dropfolder.workers import CRASH_HOOK, HANG_HOOK
from roti_excel.errors import OutputError
from tests.dropfiles import broken, digest, program, wait_until

ROOT = Path(__file__).resolve().parents[1]


def _inputs(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()
                  if p.is_file() and not p.name.endswith(".errors.txt"))


def _log_counts(folder: Path) -> collections.Counter[str]:
    """How many times each file was processed, from roti.log."""
    lines = (folder / "reports" / "roti.log").read_text(encoding="utf-8").splitlines()
    return collections.Counter(line.split("  ")[1] for line in lines
                               if len(line.split("  ")) >= 4 and line.split("  ")[3].endswith(" s"))


def _portfolio_text(folder: Path) -> list[str]:
    ws = openpyxl.load_workbook(folder / "reports" / "portfolio.xlsx")["Portfolio"]
    return [str(v) for row in ws.iter_rows(values_only=True) for v in row if v is not None]


@contextlib.contextmanager
def watcher_thread(folder: Path) -> Iterator[threading.Thread]:
    """watch_folder on `folder` in a thread (settle and rescan 0.3 s) until the block ends,
    then stopped and joined."""
    stop = threading.Event()
    thread = threading.Thread(target=watch_folder, args=(folder,), daemon=True,
                              kwargs={"settle": 0.3, "workers": 1, "rescan": 0.3,
                                      "stop": stop})
    thread.start()
    try:
        wait_until(lambda: (folder / "reports" / "roti.log").exists(), 30, "the watcher")
        yield thread
    finally:
        stop.set()
        thread.join(20)


def _slow_copy(source: Path, target: Path, pieces: int, pause: float) -> None:
    """Write `target` in pieces, as a slow network copy does."""
    data = source.read_bytes()
    size = len(data) // pieces + 1
    with target.open("wb") as fh:
        for start in range(0, len(data), size):
            fh.write(data[start:start + size])
            fh.flush()
            time.sleep(pause)


@pytest.mark.slow
@pytest.mark.skipif(os.name == "nt", reason="SIGINT to a child process is POSIX-only")
def test_drop_folder_end_to_end(tmp_path: Path) -> None:
    """Good files, a slowly copied one, a broken workbook, a CSV and lock files dropped into
    a watched folder; a file dropped again under the same name; then Ctrl-C."""
    folder, staging = tmp_path / "drop", tmp_path / "staging"
    folder.mkdir()
    staging.mkdir()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get(
        "PYTHONPATH", "")])}
    proc = subprocess.Popen([sys.executable, "-m", "roti_excel", "watch", str(folder),
                             "--settle", "1.0", "--workers", "2"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    dropped: list[str] = []  # digests of everything dropped (inputs)
    try:
        wait_until(lambda: (folder / "reports" / "portfolio.xlsx").exists(), 30,
                   "the watcher to start")
        goods = [program(staging / f"{n}.xlsx", n.title(), cost)
                 for n, cost in (("alpha", 100_000), ("beta", 400_000), ("gamma", 180_000))]
        slow = program(staging / "slow.xlsx", "Slow", 150_000)
        bad = [broken(staging / "broken.xlsx", goods[0]), staging / "export.csv"]
        bad[1].write_text("Field,Value\n", encoding="utf-8")
        dropped += [digest(p) for p in (*goods, *bad, slow)]
        for path in (*goods, *bad):
            shutil.copy(path, folder / path.name)
        (folder / "~$alpha.xlsx").write_bytes(b"lock")
        (folder / ".~lock.beta.xlsx#").write_text("lock", encoding="utf-8")
        locks = {n: digest(folder / n) for n in ("~$alpha.xlsx", ".~lock.beta.xlsx#")}
        # 12 pieces, 0.25 s apart (3 s in all, each pause shorter than the settle time)
        _slow_copy(slow, folder / "slow.xlsx", 12, 0.25)
        processed, failed = folder / "processed", folder / "failed"
        wait_until(lambda: len(_inputs(processed)) == 4 and len(_inputs(failed)) == 2, 30,
                   "every file to be answered")
        # the same name again, with other figures: a fresh report, the first input kept
        first_report = (folder / "reports" / "alpha_report.json").stat().st_mtime_ns
        (staging / "again").mkdir()
        again = program(staging / "again" / "alpha.xlsx", "Alpha again", 50_000)
        shutil.copy(again, folder / "alpha.xlsx")
        dropped.append(digest(again))
        wait_until(lambda: len(_inputs(processed)) == 5, 20, "the second alpha.xlsx")
        time.sleep(0.5)
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            output, _ = proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            output, _ = proc.communicate()
    assert proc.returncode == 0, output
    reports = folder / "reports"
    # every good file has a report and is in processed/, every bad one in failed/
    assert {p.name for p in reports.glob("*_report.xlsx")} == {
        "alpha_report.xlsx", "beta_report.xlsx", "gamma_report.xlsx", "slow_report.xlsx"}
    assert (reports / "alpha_report.json").stat().st_mtime_ns > first_report
    assert "Alpha again" in (reports / "alpha_report.json").read_text()
    names = _inputs(processed)
    assert "alpha.xlsx" in names and "slow.xlsx" in names and len(names) == 5
    assert any(n.startswith("alpha.") and n != "alpha.xlsx" for n in names)  # time-stamped
    assert _inputs(failed) == ["broken.xlsx", "export.csv"]
    for name in ("broken.xlsx", "export.csv"):
        errors = (failed / f"{Path(name).stem}.errors.txt").read_text(encoding="utf-8")
        assert errors.splitlines() and all(
            line.startswith(f"{name}: ") for line in errors.splitlines())
    assert "save it as Excel Workbook (*.xlsx)" in (failed / "export.errors.txt").read_text()
    # lock files untouched; nothing else left in the drop folder
    assert {n: digest(folder / n) for n in locks} == locks
    assert sorted(p.name for p in folder.iterdir() if p.is_file()) == sorted(locks)
    # no input lost or changed; nothing processed twice
    kept = [digest(p) for d in (processed, failed) for p in d.iterdir()
            if not p.name.endswith(".errors.txt")]
    assert sorted(kept) == sorted(dropped)
    counts = _log_counts(folder)
    assert counts == {"alpha.xlsx": 2, "beta.xlsx": 1, "gamma.xlsx": 1, "slow.xlsx": 1,
                      "broken.xlsx": 1, "export.csv": 1}, counts
    # the portfolio lists every program and the failed files
    text = _portfolio_text(folder)
    for name in ("Alpha again", "Beta", "Gamma", "Slow", "broken.xlsx", "export.csv"):
        assert name in text
    assert not [p for p in reports.iterdir() if p.name.startswith(".")]  # no temp files


@pytest.fixture
def watcher(tmp_path: Path) -> Iterator[tuple[Path, threading.Event, threading.Thread]]:
    """watch_folder in a thread (settle 0.3 s), stopped at the end of the test."""
    folder = tmp_path / "drop"
    folder.mkdir()
    stop = threading.Event()
    errors: list[BaseException] = []

    def run() -> None:
        try:
            watch_folder(folder, settle=0.3, workers=1, timeout=3, rescan=0.5, stop=stop,
                         grace=1.0)
        except BaseException as exc:  # pragma: no cover - surfaced below
            errors.append(exc)
            raise

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    wait_until(lambda: (folder / "reports" / "portfolio.xlsx").exists(), 30, "the watcher")
    yield folder, stop, thread
    stop.set()
    thread.join(20)
    assert not thread.is_alive() and not errors


def test_rescan_backstop_and_worker_crash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                          ) -> None:
    """Without file events the periodic rescan still finds files; a file that kills its
    worker goes to failed/ with its errors file while the next file is processed."""
    monkeypatch.setenv(CRASH_HOOK, "crash")

    class NoEvents:
        def __init__(self) -> None:
            raise OSError("inotify watch limit reached")

    monkeypatch.setattr(watch_module, "Observer", NoEvents)
    folder = tmp_path / "drop"
    folder.mkdir()
    with watcher_thread(folder) as thread:
        program(folder / "a-crash.xlsx", "Crash", 100_000)
        program(folder / "b.xlsx", "B", 100_000)
        wait_until(lambda: _inputs(folder / "processed") == ["b.xlsx"]
                   and _inputs(folder / "failed") == ["a-crash.xlsx"], 30, "both files")
    assert not thread.is_alive()
    errors = (folder / "failed" / "a-crash.errors.txt").read_text()
    assert errors.startswith("a-crash.xlsx: the program reading this file stopped abruptly")
    log = (folder / "reports" / "roti.log").read_text()
    assert "file events unavailable" in log
    # a crash may be the machine's (a kill, no memory): tried once more before the blame
    assert log.count("a-crash.xlsx: its worker stopped before answering; it stays in the "
                     "folder and is tried again in 5 s") == 1


def test_a_fault_of_the_machine_is_retried_not_blamed(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """While the answer cannot be written (a full disk, simulated), the good file stays in
    the drop folder and is tried again, later and later; once the fault clears it is
    answered and goes to processed/, never to failed/."""
    from roti_excel.dropfolder.workers import FAULT_HOOK

    flag = tmp_path / "disk-full"
    flag.write_text("x")
    monkeypatch.setenv(FAULT_HOOK, f"good:{flag}")
    monkeypatch.setattr(watch_module, "DEFER_FIRST_S", 0.5)
    folder = tmp_path / "drop"
    folder.mkdir()
    with watcher_thread(folder):
        program(folder / "good.xlsx", "Good", 100_000)
        log = folder / "reports" / "roti.log"
        wait_until(lambda: log.exists() and log.read_text().count(
            "good.xlsx: its answer cannot be written now (no space left on device (test "
            "fault)); it stays in the folder") >= 2, 30, "two deferred tries")
        assert _inputs(folder) == ["good.xlsx"] and _inputs(folder / "failed") == []
        assert "tried again in 0.5 s" in log.read_text()
        assert "tried again in 1 s" in log.read_text()  # later and later
        flag.unlink()  # the disk has room again
        wait_until(lambda: _inputs(folder / "processed") == ["good.xlsx"], 30, "the answer")
    assert (folder / "reports" / "good_report.xlsx").is_file()
    assert _inputs(folder / "failed") == []


def test_stop_abandons_a_hung_file_without_leftovers(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Stopping while a file is in hand: after the grace time it is abandoned, stays in the
    drop folder unchanged for the next start, and no output is half written."""
    monkeypatch.setenv(HANG_HOOK, "hang")
    folder = tmp_path / "drop"
    folder.mkdir()
    stop = threading.Event()
    thread = threading.Thread(target=watch_folder, args=(folder,), daemon=True,
                              kwargs={"settle": 0.3, "workers": 1, "stop": stop, "grace": 1.0})
    thread.start()
    wait_until(lambda: (folder / "reports" / "roti.log").exists(), 30, "the watcher")
    program(folder / "hang.xlsx", "Hang", 100_000)
    before = digest(folder / "hang.xlsx")
    time.sleep(2.0)  # settle time and pick-up: the worker now hangs on it
    started = time.monotonic()
    stop.set()
    thread.join(20)
    assert not thread.is_alive() and time.monotonic() - started < 10
    assert digest(folder / "hang.xlsx") == before
    assert not _inputs(folder / "processed") and not _inputs(folder / "failed")
    assert not [p for p in (folder / "reports").iterdir() if p.name.startswith(".")]
    log = (folder / "reports" / "roti.log").read_text()
    assert "hang.xlsx: abandoned" in log and "stopping: finishing 1 file(s)" in log


def test_changed_file_is_processed_again(
        watcher: tuple[Path, threading.Event, threading.Thread]) -> None:
    """A file replaced under the same name after it was handled is a new arrival."""
    folder, _stop, _thread = watcher
    program(folder / "a.xlsx", "First", 100_000)
    wait_until(lambda: _inputs(folder / "processed") == ["a.xlsx"], 20, "the first a.xlsx")
    program(folder / "a.xlsx", "Second", 200_000)
    wait_until(lambda: len(_inputs(folder / "processed")) == 2, 20, "the second a.xlsx")
    assert "Second" in (folder / "reports" / "a_report.json").read_text()
    wait_until(lambda: "Second" in _portfolio_text(folder), 10, "the portfolio")


def test_blocked_move_is_retried_not_reprocessed(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A move that fails (on Windows: the file is open in another program) is retried
    later; the runner keeps going and does not process the file again meanwhile."""
    real_move = watch_module.move
    attempts: list[str] = []

    def locked_twice(source: Path, target: Path) -> None:
        attempts.append(source.name)
        if attempts.count(source.name) <= 2:
            raise OutputError(f"{target} is open in another program (Excel?)")
        real_move(source, target)

    monkeypatch.setattr(watch_module, "move", locked_twice)
    monkeypatch.setattr(watch_module, "MOVE_RETRY_S", 0.2)
    folder = tmp_path / "drop"
    folder.mkdir()
    with watcher_thread(folder):
        program(folder / "a.xlsx", "A", 100_000)
        wait_until(lambda: _inputs(folder / "processed") == ["a.xlsx"], 20, "the move")
    assert attempts == ["a.xlsx"] * 3
    assert _log_counts(folder) == {"a.xlsx": 1}
    assert "a.xlsx: cannot move it to processed/ yet" in (
        folder / "reports" / "roti.log").read_text()
    assert "A" in _portfolio_text(folder)


def test_one_runner_per_folder(tmp_path: Path) -> None:
    """A second watch on a folder already answered exits 2 and says why; once the first is
    gone (even killed), a new one starts: the lock dies with its process."""
    folder = tmp_path / "drop"
    folder.mkdir()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get(
        "PYTHONPATH", "")])}
    command = [sys.executable, "-m", "roti_excel", "watch", str(folder), "--settle", "1.0",
               "--workers", "1"]
    first = subprocess.Popen(command, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, text=True)
    try:
        wait_until(lambda: (folder / "reports" / "portfolio.xlsx").exists(), 30,
                   "the watcher to start")
        second = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60,
                                check=False)
        assert second.returncode == 2, second.stderr
        assert f"another roti-excel runner (process {first.pid}) is already answering" in \
            second.stderr
        assert "Traceback" not in second.stderr
    finally:
        first.kill()  # kill -9: no chance to clean up
        first.wait(30)
    third = subprocess.Popen(command, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, text=True)
    try:
        time.sleep(3)
        assert third.poll() is None, third.communicate()[0]
    finally:
        third.terminate()
        third.wait(30)


def test_a_dropped_link_is_answered_not_followed(watcher: tuple[Path, threading.Event,
                                                                 threading.Thread],
                                                 tmp_path: Path) -> None:
    """A link to a workbook elsewhere goes to failed/ as a link (its target untouched and
    never read) with an errors file saying to copy the workbook itself."""
    folder, _, _ = watcher
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    target = program(elsewhere / "secret.xlsx", "Secret", 100_000)
    before = digest(target)
    (folder / "secret.xlsx").symlink_to(target)
    failed = folder / "failed"
    wait_until(lambda: (failed / "secret.errors.txt").exists(), 30, "the link's answer")
    assert (failed / "secret.xlsx").is_symlink()
    assert "link to a file elsewhere" in (failed / "secret.errors.txt").read_text("utf-8")
    assert digest(target) == before
    assert not (folder / "reports" / "secret_report.xlsx").exists()


def test_twin_names_get_their_own_reports(watcher: tuple[Path, threading.Event,
                                                         threading.Thread]) -> None:
    """twin.xlsx and twin.xlsm (dropped together or one after the other) each keep their
    report: the .xlsm's outputs carry its whole name."""
    folder, _, _ = watcher
    program(folder / "twin.xlsx", "Twin X", 100_000)
    reports = folder / "reports"
    wait_until(lambda: (reports / "twin_report.json").exists(), 30, "the first twin")
    program(folder / "twin.xlsm", "Twin M", 150_000)
    wait_until(lambda: (reports / "twin.xlsm_report.json").exists(), 30, "the second twin")
    first = json.loads((reports / "twin_report.json").read_text("utf-8"))
    second = json.loads((reports / "twin.xlsm_report.json").read_text("utf-8"))
    assert (first["program"], second["program"]) == ("Twin X", "Twin M")


def test_start_removes_temporaries_of_a_killed_run(tmp_path: Path) -> None:
    """A runner killed mid-write leaves `.<stem>.<8 chars>.xlsx` temporaries: the next
    runner removes them at start (and nothing else)."""
    folder = tmp_path / "drop"
    for sub in ("reports", "failed"):
        (folder / sub).mkdir(parents=True)
    leftovers = [folder / "reports" / ".alpha_report.k3j9x2ab.xlsx",
                 folder / "reports" / ".alpha_report.q8w7e6r5.json",
                 folder / "failed" / ".bad.errors.a1b2c3d4.txt"]
    kept = [folder / "reports" / "alpha_report.xlsx", folder / "reports" / ".notes"]
    for path in (*leftovers, *kept):
        path.write_bytes(b"")
    with watcher_thread(folder):
        wait_until(lambda: not any(p.exists() for p in leftovers), 30, "the sweep")
    assert all(p.exists() for p in kept)


def test_a_250_byte_name_dropped_twice(watcher: tuple[Path, threading.Event,
                                                      threading.Thread]) -> None:
    """A 250-byte name is answered (failed/ with its errors file), and dropped again it is
    moved under a time-stamped name that still fits: the runner never stops on it."""
    folder, _, thread = watcher
    name = "b" * 245 + ".csv"
    failed = folder / "failed"
    (folder / name).write_text("x", encoding="utf-8")
    wait_until(lambda: (failed / name).exists(), 30, "the first answer")
    (folder / name).write_text("y", encoding="utf-8")
    wait_until(lambda: len([p for p in failed.iterdir() if p.suffix == ".csv"]) == 2, 30,
               "the second answer")
    assert thread.is_alive()
    assert all(len(os.fsencode(p.name)) <= 255 for p in failed.iterdir())


def test_help_lists_every_name_the_runner_ignores() -> None:
    from click.testing import CliRunner

    from roti_excel.cli import cli
    from roti_excel.dropfolder.folder import IGNORED_NAMES, TEMP_SUFFIXES

    text = " ".join(CliRunner().invoke(cli, ["watch", "--help"]).output.split()).lower()
    for suffix in TEMP_SUFFIXES:
        assert (suffix if suffix != "~" else "ending in ~") in text, suffix
    for name in IGNORED_NAMES:
        assert name in text, name
    assert "~$x.xlsx" in text and ".~lock.x.xlsx#" in text
