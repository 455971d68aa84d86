"""Does `run` grow linearly? Each table of the thesis case grown 10 x (cost lines, Impact
rows, Reaction rows, Learning rows), `roti-excel run` timed at n and 10 n in fresh
processes (issue 13: the time may grow at most about 12 x; nothing quadratic).

    python benchmarks/growth_bench.py               # n = 2,000 (cost and impact rows),
                                                    #     10,000 (survey rows)
    python benchmarks/growth_bench.py --scale 0.2   # quick look
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from roti_excel.input_template import thesis_case
from tests.workbooks import thesis_workbook


def costs(n: int) -> dict[str, Any]:
    line = thesis_case.SHEETS["Costs"][0]
    return {"Costs": [dict(line, Description=f"line {i}") for i in range(n)]}


def impact(n: int) -> dict[str, Any]:
    rows = thesis_case.SHEETS["Impact"]
    return {"Impact": [dict(rows[i % len(rows)], **{"Before period": f"p{i}",
                                                    "After period": f"q{i}"})
                       for i in range(n)]}


def reaction(n: int) -> dict[str, Any]:
    rows = thesis_case.SHEETS["Reaction"]
    return {"Reaction": [dict(rows[i % len(rows)], Respondent=f"r{i}", Weight=1)
                         for i in range(n)]}


def learning(n: int) -> dict[str, Any]:
    rows = thesis_case.SHEETS["Learning"]
    return {"Learning": [dict(rows[i % len(rows)], Participant=f"p{i}") for i in range(n)]}


TABLES: dict[str, tuple[Callable[[int], dict[str, Any]], int]] = {
    "cost lines": (costs, 2_000), "impact rows": (impact, 2_000),
    "reaction rows": (reaction, 10_000), "learning rows": (learning, 10_000)}


def timed_run(path: Path) -> tuple[float, float]:
    """(seconds, peak RSS of the children so far in MB) of `roti-excel run -q path`."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "roti_excel", "run", "-q", str(path)],
                   check=False, capture_output=True)
    seconds = time.perf_counter() - start
    return seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        print(f"{'table':15} {'n':>8} {'10 n':>8} {'t(n) s':>8} {'t(10n) s':>9} {'ratio':>6}")
        for name, (make, base) in TABLES.items():
            n = max(10, int(base * args.scale))
            times = []
            for size in (n, 10 * n):
                path = thesis_workbook(folder / f"{name.split()[0]}_{size}.xlsx", **make(size))
                times.append(timed_run(path)[0])
            print(f"{name:15} {n:8,} {10 * n:8,} {times[0]:8.2f} {times[1]:9.2f} "
                  f"{times[1] / times[0]:6.1f}")


if __name__ == "__main__":
    main()
