"""Hostile and broken workbooks through the command line: a clear answer for each, no
crash, nothing lost (the corpus is in tests/hostile.py, made by the tests themselves).

For every case, `roti-excel validate` and `roti-excel run` must: exit 1 (0 when the case
only warns), print the expected message once as `FILE: [SHEET[!CELL]: ]message`, print no
traceback, write no report for an error (and one for a warning), leave the input byte for
byte unchanged, and leave no temporary file in the input's folder or the temp folder.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from roti_excel.cli import cli
from tests.hostile import CASES, MERGED_TITLE, Case


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def made(case: Case, tmp_path: Path) -> Path:
    """The case's input, alone in its own folder."""
    folder = tmp_path / "in"
    folder.mkdir()
    path = folder / case.filename
    case.make(path, tmp_path / "scratch")
    return path


def invoke(command: str, path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
           ) -> tuple[Result, Path]:
    """Run the command with a fresh temp folder; returns the result and that folder."""
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    return CliRunner().invoke(cli, [command, str(path)]), temp


def message_lines(case: Case, path: Path, output: str) -> list[str]:
    """The output lines giving the case's message, in `FILE: SHEET!CELL: ...` form."""
    prefix = f"{path}: " + (f"{case.where}: " if case.where else "")
    prefix += "" if case.severity == "error" else "warning: "
    return [line for line in output.splitlines()
            if line.startswith(prefix) and case.fragment in line]


def test_the_corpus_is_large_enough() -> None:
    """At least 25 bad inputs, each with its own name."""
    names = [case.name for case in CASES]
    assert len(CASES) >= 25
    assert len(set(names)) == len(names)
    assert sum(case.severity == "error" for case in CASES) >= 25


@pytest.mark.parametrize("command", ["validate", "run"])
@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_hostile_input(case: Case, command: str, tmp_path: Path,
                       monkeypatch: pytest.MonkeyPatch) -> None:
    """The expected message once, the exit code, a report only when no error, the input
    unchanged and no temporary file left."""
    path = made(case, tmp_path)
    before = digest(path)
    result, temp = invoke(command, path, tmp_path, monkeypatch)
    output = result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), output
    assert "Traceback" not in output
    assert result.exit_code == case.exit_code, output
    assert len(message_lines(case, path, output)) == 1, output
    assert digest(path) == before, "the input was changed"
    report = path.with_name(f"{path.stem}_report.xlsx")
    written = command == "run" and case.severity == "warning"
    assert sorted(path.parent.iterdir()) == sorted([path, report] if written else [path])
    assert list(temp.iterdir()) == []
    if command == "run":
        last = output.splitlines()[-1]
        assert last == (f"wrote {report}" if written
                        else f"{path}: not processed; no report written")
    elif case.severity == "warning":
        assert f"{path}: OK" in output


def test_errors_come_before_warnings(tmp_path: Path) -> None:
    """A workbook with an error and warnings lists the error first (docs/contract.md)."""
    case = next(case for case in CASES if case.name == "merged_in_costs")
    path = made(case, tmp_path)
    lines = CliRunner().invoke(cli, ["validate", str(path)]).output.splitlines()
    kinds = ["warning" if ": warning: " in line else "error" for line in lines]
    assert kinds[0] == "error"
    assert kinds == sorted(kinds)


def test_merged_cells_outside_the_data_are_not_reported(tmp_path: Path) -> None:
    """A merged title row (above the header) changes nothing read: no message at all
    about it, and the report is written."""
    path = made(MERGED_TITLE, tmp_path)
    result = CliRunner().invoke(cli, ["run", str(path)])
    assert result.exit_code == 0, result.output
    assert "merged cells" not in result.output and "unmerge" not in result.output
    assert path.with_name("title_report.xlsx").is_file()


def test_macro_enabled_report_keeps_no_macros(tmp_path: Path) -> None:
    """An .xlsm gives an ordinary .xlsx report: no VBA project, no macro content type."""
    case = next(case for case in CASES if case.name == "macro_enabled")
    path = made(case, tmp_path)
    assert CliRunner().invoke(cli, ["run", str(path)]).exit_code == 0
    report = path.with_name("macro_report.xlsx")
    with zipfile.ZipFile(report) as z:
        names = [name.lower() for name in z.namelist()]
        types = z.read("[Content_Types].xml").lower()
    assert not any("vba" in name for name in names)
    assert b"macroenabled" not in types


def test_whole_corpus_in_one_process(tmp_path: Path) -> None:
    """`python -m roti_excel validate` over every input at once, in a real process (a
    parser crash would kill it): exit 1, every file answered, no traceback."""
    paths = []
    for case in CASES:
        folder = tmp_path / case.name
        folder.mkdir()
        paths.append(folder / case.filename)
        case.make(paths[-1], tmp_path / "scratch")
    proc = subprocess.run([sys.executable, "-m", "roti_excel", "validate", *map(str, paths)],
                          capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    for case, path in zip(CASES, paths, strict=True):
        assert message_lines(case, path, proc.stderr), case.name


# -- bounded: every input answered under a 2 GB address-space limit and in 60 s -----------

LIMIT_BYTES = 2 << 30
LIMIT_S = 60


def _limited_run(path: Path, out: Path) -> subprocess.CompletedProcess[str]:
    """`roti-excel run` in a process of its own, limited to 2 GB of address space."""
    import resource

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (LIMIT_BYTES, LIMIT_BYTES))

    return subprocess.run([sys.executable, "-m", "roti_excel", "run", str(path), "-o",
                           str(out), "--json", str(out.with_suffix(".json"))],
                          capture_output=True, text=True, timeout=LIMIT_S, check=False,
                          preexec_fn=limit)


def _cost_lines(path: Path, n: int) -> Path:
    from roti_excel.input_template import thesis_case
    from tests.workbooks import thesis_workbook

    line = thesis_case.SHEETS["Costs"][0]
    return thesis_workbook(path, Costs=[dict(line, Description=f"line {i}")
                                        for i in range(n)])


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_AS is enforced on Linux")
def test_every_input_within_2_gb_and_60_s(tmp_path: Path) -> None:
    """The hostile corpus, a workbook at the Costs sheet's capacity (50,000 lines) and one
    beyond it: each answered (exit 0 or 1 as decided) in a 2 GB process within 60 s, with
    no traceback, the input unchanged and no partial output."""
    inputs: list[tuple[Path, int]] = []
    for case in CASES:
        folder = tmp_path / case.name
        folder.mkdir()
        path = folder / case.filename
        case.make(path, tmp_path / "scratch")
        inputs.append((path, case.exit_code))
    for name, lines, expected in (("at_capacity", 49_990, 0), ("beyond", 60_000, 1)):
        (tmp_path / name).mkdir()
        inputs.append((_cost_lines(tmp_path / name / f"{name}.xlsx", lines), expected))
    for path, expected in inputs:
        before = digest(path)
        out = path.with_name("out_report.xlsx")
        proc = _limited_run(path, out)
        assert proc.returncode == expected, (path.name, proc.stderr[-500:])
        assert "Traceback" not in proc.stderr and "MemoryError" not in proc.stderr
        assert digest(path) == before
        written = sorted(p.name for p in path.parent.iterdir() if p != path)
        assert written == (["out_report.json", "out_report.xlsx"] if expected == 0 else []), \
            (path.name, written)
