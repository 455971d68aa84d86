"""Inputs for the batch and watch tests: small valid programs with their own names and
figures, and the kinds of bad file people drop."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from pathlib import Path

from tests.workbooks import simple_program, write_workbook


def program(path: Path, name: str, cost: float, organisation: str = "PT Contoh",
            currency: str = "IDR") -> Path:
    """A valid workbook: one cost line, one measure improving by 200 units of 1,000 each,
    so benefits are 200,000 and ROI is (200,000 - cost) / cost."""
    fields = simple_program(**{"Program name": name, "Organization": organisation,
                               "Currency": currency})
    return write_workbook(path, fields, {
        "Costs": [{"Code": "TM", "Description": "trainer", "Unit cost": cost}],
        "Measures": [{"Measure": "Downtime", "Unit": "hour", "Better when": "lower",
                      "Value per unit": 1000, "Isolation": "none"}],
        "Impact": [{"Measure": "Downtime", "Before": 500, "After": 300}],
    })


def broken(path: Path, good: Path) -> Path:
    """The first half of a valid workbook: what an interrupted copy leaves."""
    data = good.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def invalid(path: Path) -> Path:
    """A readable workbook with errors (no Costs sheet, a bad Impact value)."""
    return write_workbook(path, simple_program(**{"Program name": "Invalid"}), {
        "Measures": [{"Measure": "Downtime", "Better when": "lower", "Value per unit": 1000,
                      "Isolation": "none"}],
        "Impact": [{"Measure": "Downtime", "Before": "lots", "After": 300}],
    })


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def wait_until(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(0.1)
