"""`roti-excel import` of a large Google Forms export against its floor: pandas reading the
same CSV plus openpyxl loading the template, writing the same cells and saving (issue 15:
at most 1.5 x). Each side runs in a fresh process; wall time and peak RSS are reported.

    python benchmarks/import_bench.py                 # 100,000 responses x 10 questions
    python benchmarks/import_bench.py --rows 20000    # quick look
"""

from __future__ import annotations

import argparse
import csv
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = ["Sangat tidak setuju", "Tidak setuju", "Netral", "Setuju", "Sangat setuju"]

FLOOR = """
import sys
import openpyxl
import pandas as pd
frame = pd.read_csv(sys.argv[1], dtype=str, keep_default_na=False)
points = {w: i + 1 for i, w in enumerate(WORDS)}
wb = openpyxl.load_workbook(sys.argv[2])
ws = wb["Reaction"]
for r, row in enumerate(frame.itertuples(index=False), 4):
    ws.cell(r, 4).value = row[0][:10]
    ws.cell(r, 5).value = row[1]
    for c, answer in enumerate(row[2:], 7):
        ws.cell(r, c).value = points.get(answer)
wb.save(sys.argv[3])
""".replace("WORDS", repr(WORDS))


def export(path: Path, rows: int, questions: int) -> None:
    rng = random.Random(1)
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["Timestamp", "Email Address",
                         *(f"Pertanyaan {q + 1}" for q in range(questions))])
        for i in range(rows):
            writer.writerow([f"2025/03/{1 + i % 28:02d} 4:15:32 PM GMT+7", f"p{i}@contoh.id",
                             *(rng.choice(WORDS) for _ in range(questions))])


def timed(command: list[str]) -> tuple[float, float]:
    """(seconds, peak RSS in MB) of a command in a fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak, before) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--questions", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        source, template = folder / "forms.csv", folder / "template.xlsx"
        export(source, args.rows, args.questions)
        subprocess.run([sys.executable, "-m", "roti_excel", "template", "-o", str(template)],
                       check=True, capture_output=True)
        ours, floor = [], []
        for n in range(args.repeat):
            ours.append(timed([sys.executable, "-m", "roti_excel", "import", str(source),
                               "--into", str(template), "-o", str(folder / f"o{n}.xlsx")]))
            floor.append(timed([sys.executable, "-c", FLOOR, str(source), str(template),
                                str(folder / f"f{n}.xlsx")]))
    ours_s = statistics.median(s for s, _ in ours)
    floor_s = statistics.median(s for s, _ in floor)
    print(f"{args.rows:,} responses x {args.questions} questions, medians of {args.repeat}")
    print(f"roti-excel import     {ours_s:7.2f} s   peak {max(m for _, m in ours):6.0f} MB")
    print(f"pandas + openpyxl     {floor_s:7.2f} s   (peak RSS of children so far: "
          f"{max(m for _, m in floor):.0f} MB)")
    print(f"ratio                 {ours_s / floor_s:7.2f} x  (goal: at most 1.5 x)")


if __name__ == "__main__":
    main()
