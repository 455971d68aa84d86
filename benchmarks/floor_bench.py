"""`roti-excel run` against the bare read of the same workbook (issue 13: the survey
workbook within 1.5 x, cost lines within 2 x of python-calamine reading every cell).

    python benchmarks/floor_bench.py            # 100,000 survey rows; 49,990 and 200,000 lines
    python benchmarks/floor_bench.py --survey-rows 20000 --cost-lines 10000 --repeat 1

The Costs sheet takes at most 50,000 lines (its stated capacity): 49,990 is the largest
cost-line workbook processed; 200,000 is refused by the guard (the time to refuse it).

Each measure in a fresh process, median of --repeat: "bare read" is python-calamine
reading every cell of every sheet into Python values (`to_python`), nothing else; "run" is
the whole `roti-excel run IN -o OUT --json J` (guard, read, validation, method, report,
JSON), with its peak resident memory. Two floors show what the run cannot go below:
"guarded" is the guard judging the file with calamine parsing each sheet it clears (the
least a safe read does: no sheet reaches the parser before its extent is known), and
"write floor" is xlsxwriter's own calls writing only the cells REPORT.md asks for per cost
line (the Costs line with its five formulas and the input copy they refer to), nothing
else of the report. Not a test: the numbers depend on the machine.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.growth_bench import costs
from benchmarks.perf_bench import make_large
from roti_excel.reading.guard.limits import DEFAULT_LIMITS
from tests.workbooks import thesis_workbook

BARE_READ = """
import sys
from python_calamine import CalamineWorkbook
book = CalamineWorkbook.from_path(sys.argv[1])
cells = sum(len(row) for name in book.sheet_names
            for row in book.get_sheet_by_name(name).to_python())
print(cells)
"""
GUARDED_READ = """
import sys
from pathlib import Path
from roti_excel.reading.guard import inspect_file
from roti_excel.reading.raw_tables import SheetParser, read_workbook
path = Path(sys.argv[1])
with SheetParser(path) as parser:
    if inspect_file(path, cleared=parser.start).ok:
        read_workbook(path, parser)
"""
# xlsxwriter's own calls writing only the cells REPORT.md asks for per cost line: the Costs
# line (group, code, class, description, 4 input formulas, the amount formula, source) and
# the input copy it refers to (source, group, code, 4 numbers, description)
WRITE_FLOOR = """
import sys, xlsxwriter
n = int(sys.argv[1])
book = xlsxwriter.Workbook(sys.argv[2], {"constant_memory": True})
costs, copy = book.add_worksheet("Costs"), book.add_worksheet("Input copies")
money = book.add_format({"num_format": "#,##0"})
for r in range(1, n + 1):
    costs.write_string(r, 0, "Group A"); costs.write_string(r, 1, "TRD1")
    costs.write_string(r, 2, "Direct"); costs.write_string(r, 3, f"line {r}")
    for c, col in zip(range(4, 8), "DEFG"):
        costs.write_formula(r, c, f"='Input copies'!${col}${r + 1}", money, 1.0)
    costs.write_formula(r, 8, f"=E{r + 1}*F{r + 1}*G{r + 1}*H{r + 1}", money, 1.0)
    costs.write_string(r, 9, f"Costs!A{r + 5}")
for r in range(1, n + 1):
    copy.write_string(r, 0, f"Costs!A{r + 5}"); copy.write_string(r, 1, "Group A")
    copy.write_string(r, 2, "TRD1")
    for c in range(3, 7):
        copy.write_number(r, c, 1000.0 + r, money)
    copy.write_string(r, 7, f"line {r}")
book.close()
"""
RUN = """
import resource, sys
from roti_excel.cli import main
sys.argv = ["roti-excel", "run", "-q", sys.argv[1], "-o", sys.argv[2], "--json", sys.argv[3]]
try:
    main()
except SystemExit as stop:  # 1: refused (beyond the stated capacity)
    assert stop.code in (0, 1, None), stop.code
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024, file=sys.stderr)
"""


COSTS_CAPACITY = DEFAULT_LIMITS.table_capacity("costs") or 0


def timed(args: list[str]) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", *args], capture_output=True, text=True,
                          check=True)
    return time.perf_counter() - start, (done.stderr.strip().splitlines() or [""])[-1]


def measure(path: Path, repeat: int, lines: int | None) -> dict[str, float]:
    """Medians of the bare read, the guarded read, the run (and its peak MB), and for a
    cost-line workbook the write floor of its `lines`; side by side, so a slower moment of
    the machine hits them all."""
    out = path.with_name(path.stem + "_report.xlsx")
    times: dict[str, list[float]] = {"bare": [], "guarded": [], "run": [], "peak": [],
                                     "write": []}
    for _ in range(repeat):
        times["bare"].append(timed([BARE_READ, str(path)])[0])
        times["guarded"].append(timed([GUARDED_READ, str(path)])[0])
        took, peak = timed([RUN, str(path), str(out), str(out.with_suffix(".json"))])
        times["run"].append(took)
        times["peak"].append(float(peak))
        if lines is not None:
            times["write"].append(timed([WRITE_FLOOR, str(lines),
                                         str(path.with_name("floor.xlsx"))])[0])
    return {k: (max(v) if k == "peak" else statistics.median(v)) for k, v in times.items()
            if v}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--survey-rows", type=int, default=100_000)
    parser.add_argument("--cost-lines", type=int, nargs="+", default=[49_990, 200_000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="roti_floor_") as tmp:
        survey = Path(tmp) / "survey.xlsx"
        make_large(survey, args.survey_rows)
        books: list[tuple[str, Path, int | None]] = [
            (f"survey {args.survey_rows:,} + {args.survey_rows:,}", survey, None)]
        for n in args.cost_lines:
            book = thesis_workbook(Path(tmp) / f"cost_lines_{n}.xlsx", **costs(n))
            books.append((f"cost lines {n:,}", book, n if n <= COSTS_CAPACITY else None))
        print(f"{'workbook':<28} {'MB':>5} {'bare read':>9} {'guarded':>8} {'run':>7} "
              f"{'ratio':>6} {'peak MB':>7} {'write floor':>11}")
        for label, path, lines in books:
            m = measure(path, args.repeat, lines)
            floor = f"{m['write']:11.2f}" if "write" in m else f"{'-':>11}"
            print(f"{label:<28} {path.stat().st_size / 1e6:5.1f} {m['bare']:9.2f} "
                  f"{m['guarded']:8.2f} {m['run']:7.2f} {m['run'] / m['bare']:6.2f} "
                  f"{m['peak']:7.0f} {floor}", flush=True)


if __name__ == "__main__":
    main()
