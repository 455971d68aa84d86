"""How fast `roti-excel batch` gets through a folder, with 1 and 2 (or more) workers.

    python benchmarks/batch_bench.py                 # 50 workbooks, 1 and 2 workers
    python benchmarks/batch_bench.py --files 100 --workers 1 2 4 --repeat 3

The folder holds copies of the bundled example workbooks (English and Indonesian, the
thesis case), each processed in full: guard, read, validate, compute, report workbook and
JSON. Times are wall-clock for the whole run_batch call, worker start-up included; the best
of --repeat runs is reported. Not a test: numbers depend on the machine.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from roti_excel.dropfolder.batch import run_batch
from roti_excel.input_template.workbook import write_template


def make_folder(folder: Path, files: int) -> None:
    examples = [write_template(folder / f".example_{lang}.xlsx", lang, example=True)
                for lang in ("en", "id")]
    for i in range(files):
        shutil.copyfile(examples[i % 2], folder / f"program_{i:03d}.xlsx")
    for example in examples:
        example.unlink()


def timed_run(folder: Path, workers: int) -> tuple[float, bool, int]:
    out = folder.parent / f"reports_{workers}"
    shutil.rmtree(out, ignore_errors=True)
    sink = io.StringIO()
    start = time.perf_counter()
    with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
        outcome = run_batch(folder, out_dir=out, workers=workers)
    return time.perf_counter() - start, outcome.ok, len(outcome.results)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=50)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="roti_bench_") as tmp:
        folder = Path(tmp) / "drop"
        folder.mkdir()
        make_folder(folder, args.files)
        print(f"{args.files} workbooks, {os.cpu_count()} cores, best of {args.repeat}")
        print(f"{'workers':>7}  {'seconds':>8}  {'files/s':>8}  {'speed-up':>8}")
        base = None
        for workers in args.workers:
            runs = [timed_run(folder, workers) for _ in range(args.repeat)]
            seconds = min(r[0] for r in runs)
            if not all(ok and n == args.files for _s, ok, n in runs):
                raise SystemExit(f"batch with {workers} worker(s) did not process every file")
            base = base or seconds
            print(f"{workers:>7}  {seconds:>8.2f}  {args.files / seconds:>8.2f}  "
                  f"{base / seconds:>7.2f}x")


if __name__ == "__main__":
    main()
