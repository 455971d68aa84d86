"""Large-workbook performance of roti-excel, side by side with what it costs just to read
and write the same cells. Not a test: the numbers depend on the machine.

    python benchmarks/perf_bench.py                   # 100,000 + 100,000 rows, 3 runs each
    python benchmarks/perf_bench.py --rows 20000 --repeat 1 --batch-files 10

Measures, each in a fresh process (so start-up is included where a user would pay it):
  floor      python-calamine reads every cell, xlsxwriter (constant_memory) writes them
  run        `python -m roti_excel run large.xlsx`, the whole command
  read       our read stage (guard + reader + validation: roti_excel.load)
  openpyxl   openpyxl read-only mode iterating every cell of the same workbook
  rss        peak resident memory of the run
  batch      run_batch over N example workbooks with 1 and 2 workers (files/s)
and checks the run's figures against an independent pandas computation.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

QUESTIONS = ["P1", "P2", "P3", "P4", "P5", "T1", "T2", "T3", "T4"]

FLOOR = """
import sys
from python_calamine import CalamineWorkbook
import xlsxwriter
src, dst = sys.argv[1], sys.argv[2]
book = CalamineWorkbook.from_path(src)
out = xlsxwriter.Workbook(dst, {"constant_memory": True})
for name in book.sheet_names:
    ws = out.add_worksheet(name[:31])
    number, text = ws.write_number, ws.write_string  # the fastest writes, by type
    for r, row in enumerate(book.get_sheet_by_name(name).to_python()):
        for c, v in enumerate(row):
            if type(v) is float:
                number(r, c, v)
            elif type(v) is str:
                if v:
                    text(r, c, v)
            elif v is not None:
                ws.write(r, c, v)
out.close()
"""

OPENPYXL_READ = """
import sys
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True)
n = 0
for ws in wb.worksheets:
    for row in ws.iter_rows(values_only=True):
        n += len(row)
print(n)
"""

GUARD_ONLY = """
import sys
from roti_excel.reading.guard import inspect_file
assert inspect_file(sys.argv[1]).ok
"""

READER_ONLY = """
import sys
from pathlib import Path
from roti_excel.reading.raw_tables import read_workbook
read_workbook(Path(sys.argv[1]))
"""

WARM_EXAMPLE = """
import statistics, sys, tempfile, time
from pathlib import Path
from roti_excel.api import process
from roti_excel.input_template.workbook import bundled_template
source = bundled_template("en", example=True)
with tempfile.TemporaryDirectory() as tmp:
    times = []
    for i in range(int(sys.argv[1])):
        start = time.perf_counter()
        outcome = process(source, Path(tmp) / f"r{i}.xlsx", Path(tmp) / f"r{i}.json")
        times.append(time.perf_counter() - start)
        assert outcome.ok
print(statistics.median(times[2:]))
"""

OUR_READ = """
import sys
from roti_excel import load
loaded = load(sys.argv[1])
assert loaded.ok, loaded.messages()[:3]
"""

RUN_WITH_RSS = """
import resource, sys
from roti_excel.cli import main
sys.argv = ["roti-excel", "run", sys.argv[1], "--json", sys.argv[2]]
try:
    main()
except SystemExit as stop:
    assert not stop.code, stop.code
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
"""


def make_large(path: Path, rows: int, seed: int = 1) -> None:
    """The thesis case plus `rows` level 1 respondents (9 questions) and `rows` level 2
    participants, written with xlsxwriter in constant-memory mode."""
    import xlsxwriter

    from roti_excel.input_template import thesis_case as example_case

    rng = random.Random(seed)
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})

    def sheet(name: str, headers: list[str], data: object) -> None:
        ws = wb.add_worksheet(name)
        ws.write_row(0, 0, headers)
        for r, row in enumerate(data, start=1):  # type: ignore[call-overload]
            for c, v in enumerate(row):
                if v is not None:
                    ws.write(r, c, v)

    sheet("Program", ["Field", "Value"], example_case.PROGRAM)
    for name, sheet_rows in example_case.SHEETS.items():
        if name in ("Reaction", "Learning"):
            continue
        headers: list[str] = []
        for row in sheet_rows:
            headers += [k for k in row if k not in headers]
        sheet(name, headers, ([row.get(h) for h in headers] for row in sheet_rows))
    sheet("Reaction", ["Group", "Session", "Trainer", "Date", "Respondent", *QUESTIONS],
          ([rng.choice(["Maker", "Packer"]), f"S{i % 200}", f"Trainer {i % 7}", "2010-06-01",
            f"R{i}", *[rng.randint(1, 5) for _ in QUESTIONS]] for i in range(rows)))
    sheet("Learning", ["Group", "Participant", "Name", "Pre-test", "Post-test", "Max score",
                       "Pass mark", "Status"],
          ([rng.choice(["Maker", "Packer"]), f"P{i}", f"Name {i}", rng.randint(30, 70),
            rng.randint(50, 100), 100, 70, "attended"] for i in range(rows)))
    wb.close()


def timed(args: list[str]) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True, check=True, cwd=ROOT)
    return time.perf_counter() - start, done.stderr


def median_of(repeat: int, args: list[str]) -> tuple[float, list[str]]:
    runs = [timed(args) for _ in range(repeat)]
    return statistics.median(t for t, _ in runs), [e for _, e in runs]


def independent_check(large: Path, summary: dict[str, object]) -> list[str]:
    """Level 1 and 2 figures recomputed with pandas straight from the workbook."""
    import pandas as pd

    problems: list[str] = []
    reaction = pd.read_excel(large, sheet_name="Reaction", engine="calamine")
    learning = pd.read_excel(large, sheet_name="Learning", engine="calamine")
    levels = summary["levels"]
    assert isinstance(levels, dict)
    mean_l1 = reaction[QUESTIONS].stack().mean()
    fav = (reaction[QUESTIONS].stack() >= 4).mean() * 100
    mean_l2 = learning["Post-test"].mean()
    pass_rate = (learning["Post-test"] >= learning["Pass mark"]).mean() * 100
    for label, ours, theirs in (
            ("L1 mean", levels["reaction"]["mean"], mean_l1),
            ("L1 % favourable", levels["reaction"]["favourable_pct"], fav),
            ("L2 mean post", levels["learning"]["mean_post"], mean_l2),
            ("L2 pass rate", levels["learning"]["pass_rate_pct"], pass_rate)):
        if abs(float(ours) - float(theirs)) > 1e-9 * max(1.0, abs(float(theirs))):
            problems.append(f"{label}: ours {ours}, pandas {theirs}")
    total = summary["total"]
    assert isinstance(total, dict)
    if round(total["benefits"], 2) != 346_324_197.92:
        problems.append(f"benefits {total['benefits']} != thesis 346,324,197.92")
    return problems


def batch_rates(files: int) -> dict[int, float]:
    """Files per second of run_batch with 1 and 2 workers (best of 2)."""
    from benchmarks.batch_bench import make_folder, timed_run

    rates: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "drop"
        folder.mkdir()
        make_folder(folder, files)
        for workers in (1, 2):
            best = min(timed_run(folder, workers)[0] for _ in range(2))
            rates[workers] = files / best
    return rates


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--batch-files", type=int, default=50)
    args = parser.parse_args()
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        large = work / "large.xlsx"
        make_large(large, args.rows)
        print(f"workbook: {args.rows:,} + {args.rows:,} rows, "
              f"{large.stat().st_size / 1e6:.1f} MB", flush=True)
        floor, _ = median_of(args.repeat, [py, "-c", FLOOR, str(large), str(work / "f.xlsx")])
        run_t, errs = median_of(args.repeat, [py, "-c", RUN_WITH_RSS, str(large),
                                              str(work / "s.json")])
        rss_mb = max(int(e.strip().splitlines()[-1]) for e in errs) / 1024
        read_t, _ = median_of(args.repeat, [py, "-c", OUR_READ, str(large)])
        guard_t, _ = median_of(args.repeat, [py, "-c", GUARD_ONLY, str(large)])
        reader_t, _ = median_of(args.repeat, [py, "-c", READER_ONLY, str(large)])
        warm = float(subprocess.run([py, "-c", WARM_EXAMPLE, "12"], capture_output=True,
                                    text=True, check=True, cwd=ROOT).stdout)
        opx_t, _ = median_of(args.repeat, [py, "-c", OPENPYXL_READ, str(large)])
        summary = json.loads((work / "s.json").read_text(encoding="utf-8"))
        problems = independent_check(large, summary)
        shutil.copyfile(large, work / "keep.xlsx")
    rates = batch_rates(args.batch_files)
    rows = [
        ("floor: calamine read + xlsxwriter write", f"{floor:.2f} s", ""),
        ("roti-excel run (whole process)", f"{run_t:.2f} s", f"{run_t / floor:.2f} x floor"),
        ("our read stage (roti_excel.load)", f"{read_t:.2f} s",
         f"openpyxl / ours {opx_t / read_t:.1f}"),
        ("  of which the guard alone", f"{guard_t:.2f} s", ""),
        ("  reader alone (calamine + tables)", f"{reader_t:.2f} s",
         f"openpyxl / ours {opx_t / reader_t:.1f}"),
        ("openpyxl read-only, every cell", f"{opx_t:.2f} s", ""),
        ("peak RSS of run", f"{rss_mb:.0f} MB", ""),
        ("example workbook, warm, in process", f"{warm * 1000:.0f} ms", "per file"),
        (f"batch of {args.batch_files}, 1 worker", f"{rates[1]:.2f} files/s",
         f"{1 / rates[1] * 1000:.0f} ms/file"),
        (f"batch of {args.batch_files}, 2 workers", f"{rates[2]:.2f} files/s",
         f"{rates[2] / rates[1]:.2f} x 1 worker"),
    ]
    print(f"medians of {args.repeat} runs")
    for label, value, ratio in rows:
        print(f"| {label:<42} | {value:>12} | {ratio:<18} |")
    print("independent check:", "OK" if not problems else "; ".join(problems))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
