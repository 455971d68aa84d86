"""A stopped `run` leaves no partial file: SIGTERM or Ctrl-C while the report is being
written removes its temporary file, and no report (0-byte or half) appears."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from roti_excel.input_template import thesis_case
from tests.workbooks import thesis_workbook


def large_input(folder: Path) -> Path:
    """The thesis case with 20,000 cost lines: its report takes seconds to write, time
    enough to stop it midway."""
    line = dict(thesis_case.SHEETS["Costs"][0])
    return thesis_workbook(folder / "big.xlsx", Costs=[line] * 20_000)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != "big.xlsx")


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_stopped_run_leaves_nothing(tmp_path: Path, sig: signal.Signals) -> None:
    """Stopped once its temporary report exists: the process ends, the temporary file is
    gone, and there is no report."""
    source = large_input(tmp_path)
    before = source.read_bytes()
    proc = subprocess.Popen([sys.executable, "-m", "roti_excel", "run", str(source)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while not any(p.name.startswith(".big_report.") for p in tmp_path.iterdir()):
        assert proc.poll() is None, "the run ended before its report was being written"
        assert time.monotonic() < deadline, "no temporary report appeared"
        time.sleep(0.01)
    proc.send_signal(sig)
    proc.communicate(timeout=60)
    assert proc.returncode != 0
    assert leftovers(tmp_path) == []
    assert source.read_bytes() == before
