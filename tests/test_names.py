"""Poison file names in a drop folder: a name that is not UTF-8, or holds a newline, is
processed like any other and shown escaped; nothing crashes and no log line is forged."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from roti_excel.dropfolder.batch import run_batch
from roti_excel.resources import resource_dir
from roti_excel.shown import shown_name

EXAMPLE = resource_dir("input_templates") / "roti_example_en.xlsx"


class TestShownName:
    @pytest.mark.parametrize(("name", "shown"), [
        ("plain.xlsx", "plain.xlsx"),
        ("pelatihan K3 – gudang.xlsx", "pelatihan K3 – gudang.xlsx"),
        (os.fsdecode(b"bad\xff\xfe.xlsx"), "bad\\xff\\xfe.xlsx"),
        ("evil\nFORGED.xlsx", "evil\\nFORGED.xlsx"),
        ("tab\there.xlsx", "tab\\there.xlsx"),
    ])
    def test_escapes_only_what_text_cannot_hold(self, name: str, shown: str) -> None:
        """Ordinary names, Indonesian or not, are unchanged."""
        assert shown_name(name) == shown


class TestBatchWithPoisonNames:
    def test_every_file_answered_and_the_log_one_line_each(self, tmp_path: Path) -> None:
        """A good workbook whose name is not UTF-8 gets its report; a name with a newline
        gets its errors file; roti.log has exactly one line per file."""
        folder = tmp_path / "drop"
        folder.mkdir()
        bad_name = os.fsdecode(b"bad\xff.xlsx")
        shutil.copyfile(EXAMPLE, folder / bad_name)
        shutil.copyfile(EXAMPLE, folder / "good.xlsx")
        (folder / "evil\n2026-01-01 00:00:00  fake.xlsx  ok.xlsx").write_bytes(b"not a zip")
        outcome = run_batch(folder, workers=1)
        assert sorted(r.ok for r in outcome.results) == [False, True, True]
        reports = folder / "reports"
        assert (reports / os.fsdecode(b"bad\xff_report.xlsx")).exists()
        log = (reports / "roti.log").read_text(encoding="utf-8").splitlines()
        assert len(log) == 3
        assert any("bad\\xff.xlsx  ok" in line for line in log)
        assert any("evil\\n2026-01-01" in line for line in log)
        assert (reports / "portfolio.xlsx").exists()


def test_long_names_get_bounded_outputs(tmp_path: Path) -> None:
    """A 250-byte name: its report and errors file fit the file system (start of the name,
    ~ and a hash), and two long names differing only at their end stay apart."""
    from roti_excel.dropfolder.names import bounded_stem
    from tests.dropfiles import program

    folder = tmp_path / "drop"
    folder.mkdir()
    long_a, long_b = "a" * 240 + "1", "a" * 240 + "2"
    program(folder / f"{long_a}.xlsx", "Long A", 100_000)
    (folder / f"{long_b}.xlsx").write_bytes(b"not a workbook")
    outcome = run_batch(folder, workers=1)
    assert len(outcome.failed) == 1
    names = sorted(p.name for p in (folder / "reports").iterdir())
    assert f"{bounded_stem(long_a)}_report.xlsx" in names
    assert f"{bounded_stem(long_b)}.errors.txt" in names
    assert bounded_stem(long_a) != bounded_stem(long_b)
    assert all(len(os.fsencode(n)) <= 255 for n in names)
