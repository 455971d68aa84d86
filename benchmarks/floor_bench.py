"""`roti-excel run` against the bare read of the same workbook (issue 13: the survey
workbook within 1.5 x, cost lines within 2 x of python-calamine reading every cell).

    python benchmarks/floor_bench.py            # 100,000 survey rows; 49,990 and 200,000 lines
    python benchmarks/floor_bench.py --survey-rows 20000 --cost-lines 10000 --repeat 1

The Costs sheet takes at most 50,000 lines (its stated capacity): 49,990 is the largest
cost-line workbook processed; 200,000 is refused by the guard (the time to refuse it).

Each measure in a fresh process, median of --repeat: "bare read" is python-calamine
reading every cell of every sheet into Python values (`to_python`), nothing else; "run" is
the whole `roti-excel run IN -o OUT --json J` (guard, read, validation, method, report,
JSON), with its peak resident memory. Not a test: the numbers depend on the machine.
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
from tests.workbooks import thesis_workbook

BARE_READ = """
import sys
from python_calamine import CalamineWorkbook
book = CalamineWorkbook.from_path(sys.argv[1])
cells = sum(len(row) for name in book.sheet_names
            for row in book.get_sheet_by_name(name).to_python())
print(cells)
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


def timed(args: list[str]) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", *args], capture_output=True, text=True,
                          check=True)
    return time.perf_counter() - start, (done.stderr.strip().splitlines() or [""])[-1]


def measure(path: Path, repeat: int) -> tuple[float, float, int]:
    """(bare read s, run s, run peak MB), medians."""
    out = path.with_name(path.stem + "_report.xlsx")
    bares, runs = [], []
    for _ in range(repeat):  # side by side, so a slower moment of the machine hits both
        bares.append(timed([BARE_READ, str(path)])[0])
        runs.append(timed([RUN, str(path), str(out), str(out.with_suffix(".json"))]))
    return (statistics.median(bares), statistics.median(r[0] for r in runs),
            max(int(r[1]) for r in runs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--survey-rows", type=int, default=100_000)
    parser.add_argument("--cost-lines", type=int, nargs="+", default=[49_990, 200_000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="roti_floor_") as tmp:
        survey = Path(tmp) / "survey.xlsx"
        make_large(survey, args.survey_rows)
        books = [(f"survey {args.survey_rows:,} + {args.survey_rows:,}", survey)] + [
            (f"cost lines {n:,}", thesis_workbook(Path(tmp) / f"cost_lines_{n}.xlsx",
                                                  **costs(n))) for n in args.cost_lines]
        print(f"{'workbook':<28} {'MB':>6} {'bare read s':>12} {'run s':>8} {'ratio':>6} "
              f"{'peak MB':>8}")
        for label, path in books:
            bare, run, peak = measure(path, args.repeat)
            print(f"{label:<28} {path.stat().st_size / 1e6:6.1f} {bare:12.2f} {run:8.2f} "
                  f"{run / bare:6.2f} {peak:8}", flush=True)


if __name__ == "__main__":
    main()
