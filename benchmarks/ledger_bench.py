"""How long `roti-excel watch` takes to drain a folder, with and without a long history in
its ledger, and with 1 and 2 workers.

    python benchmarks/ledger_bench.py                      # 300 files; 0 and 10,000 earlier
    python benchmarks/ledger_bench.py --files 100 --history 0 2000 --workers 2

Each run: a fresh drop folder holding `--files` copies of the bundled example workbooks
(the thesis case, English and Indonesian), a ledger pre-filled with `--history` earlier
answers (distinct programs of 20 organisations, each with its JSON summary, as a folder
that has answered that many files holds), then `roti-excel watch` started as a process;
the time is from its start until every file is answered (the folder empty, no unsettled
row in the ledger), so start-up, the portfolio rebuilds (which show every earlier program)
and the ledger's writes are all included. Not a test: numbers depend on the machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from roti_excel.dropfolder.ledger import OPEN_STATES, Ledger, ledger_path
from roti_excel.input_template.workbook import write_template


def make_folder(folder: Path, files: int) -> None:
    examples = [write_template(folder.parent / f"example_{lang}.xlsx", lang, example=True)
                for lang in ("en", "id")]
    for i in range(files):
        shutil.copyfile(examples[i % 2], folder / f"program_{i:03d}.xlsx")


def fill_ledger(reports: Path, history: int, distinct: int) -> None:
    """`history` settled answers of `distinct` programs (re-dropped corrected workbooks
    beyond that), written in one transaction."""
    Ledger(ledger_path(reports)).close()  # the schema
    db = sqlite3.connect(ledger_path(reports))
    start = dt.datetime(2024, 1, 1)
    rows = []
    for i in range(history):
        when = (start + dt.timedelta(hours=i)).isoformat()
        roi = (i * 37) % 300 - 50.0
        summary = {"program": f"Program {i % distinct}", "organization": f"PT Contoh {i % 20}",
                   "currency": "IDR", "language": "id" if i % 2 else "en",
                   "objective_pct": 25.0,
                   "total": {"benefits": 100e6 + roi * 1e6, "costs": 100e6,
                             "net_benefits": roi * 1e6, "bcr": 1 + roi / 100,
                             "roi_pct": roi, "band": "high" if roi >= 25 else
                             "thin_positive" if roi >= 0 else "negative",
                             "status": "credible", "caveats": [], "payback_months": 6.0},
                   "levels": {"reaction": {"favourable_pct": 70.0 + i % 30},
                              "learning": {"pass_rate_pct": 80.0 + i % 20},
                              "application": {"mean": 2.5 + (i % 10) / 10, "scale": "1-4"}}}
        name = f"earlier_{i:05d}.xlsx".encode()
        rows.append((name, "ab" * 32, 1000, 1, when, when, "done", 1, name,
                     f"earlier_{i:05d}_report.xlsx", when, summary["program"],
                     summary["organization"], json.dumps(summary)))
    with db:
        db.executemany(
            "INSERT INTO files (name, sha256, size, mtime_ns, first_seen, updated, state, "
            "attempts, moved_to, report, finished, program, organisation, summary) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    db.close()


def drained(folder: Path) -> bool:
    if any(p.is_file() for p in folder.iterdir()):
        return False
    db = sqlite3.connect(ledger_path(folder / "reports"), timeout=10)
    try:
        marks = ", ".join("?" * len(OPEN_STATES))
        return db.execute(f"SELECT count(*) FROM files WHERE state IN ({marks})",
                          OPEN_STATES).fetchone()[0] == 0
    finally:
        db.close()


def timed_drain(root: Path, files: int, history: int, distinct: int, workers: int) -> float:
    run = root / f"run_{history}_{distinct}_{workers}"
    folder = run / "drop"
    (folder / "reports").mkdir(parents=True)
    make_folder(folder, files)
    fill_ledger(folder / "reports", history, distinct)
    # a folder with a history has its portfolio: write it before the clock starts
    subprocess.run([sys.executable, "-m", "roti_excel", "portfolio", str(folder)],
                   check=True, stdout=subprocess.DEVNULL)
    start = time.perf_counter()
    runner = subprocess.Popen(
        [sys.executable, "-m", "roti_excel", "watch", str(folder), "--settle", "0.2",
         "--workers", str(workers)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while not drained(folder):
            if runner.poll() is not None:
                raise SystemExit(f"the runner stopped early (exit {runner.returncode})")
            time.sleep(0.1)
        seconds = time.perf_counter() - start
    finally:
        runner.send_signal(signal.SIGINT)
        runner.wait(120)
    if len(os.listdir(folder / "processed")) != files:
        raise SystemExit("not every file was processed")
    shutil.rmtree(run)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=300)
    parser.add_argument("--history", type=int, nargs="+", default=[0, 10_000])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--distinct", type=int, nargs="+", default=[500, 10_000],
                        help="programs among the earlier answers (the rest re-drops)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="roti_ledger_bench_") as tmp:
        print(f"{args.files} workbooks, {os.cpu_count()} cores")
        print(f"{'workers':>7}  {'earlier':>8}  {'programs':>8}  {'seconds':>8}  "
              f"{'files/s':>8}  {'vs none':>8}")
        for workers in args.workers:
            base = timed_drain(Path(tmp), args.files, 0, 1, workers)
            print(f"{workers:>7}  {0:>8}  {0:>8}  {base:>8.2f}  {args.files / base:>8.2f}  "
                  f"{1:>7.2f}x", flush=True)
            for history in (h for h in args.history if h):
                for distinct in args.distinct:
                    seconds = timed_drain(Path(tmp), args.files, history, distinct, workers)
                    print(f"{workers:>7}  {history:>8}  {min(distinct, history):>8}  "
                          f"{seconds:>8.2f}  {args.files / seconds:>8.2f}  "
                          f"{seconds / base:>7.2f}x", flush=True)


if __name__ == "__main__":
    main()
