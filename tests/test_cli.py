"""The roti-excel command: exit codes, messages, outputs (docs/contract.md, "Command line")."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from roti_excel.cli import cli
from roti_excel.input_template import thesis_case
from tests.workbooks import simple_program, thesis_workbook, write_workbook

SUMMARY_KEYS = {"program", "currency", "language", "objective_pct", "total", "groups", "levels",
                "intangibles", "issues"}
FINANCIAL_KEYS = {"benefits", "costs", "net_benefits", "bcr", "roi_pct", "payback_months",
                  "band", "status", "caveats", "benefit_months", "payback_recovered",
                  "benefits_undiscounted"}


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture
def thesis(tmp_path: Path) -> Path:
    return thesis_workbook(tmp_path / "thesis.xlsx")


@pytest.fixture
def invalid(tmp_path: Path) -> Path:
    return write_workbook(tmp_path / "bad.xlsx", simple_program(),
                          {"Costs": [{"Code": "ZZ", "Unit cost": "lots"}]})


class TestHelp:
    @pytest.mark.parametrize("command", ["template", "validate", "run", "demo", "batch", "watch"])
    def test_every_command_has_help_with_an_example(self, command):
        """Each command's help explains it and shows an example."""
        result = invoke(command, "--help")
        assert result.exit_code == 0
        assert "Example:" in result.output and "roti-excel " + command in result.output

    def test_top_level_help(self):
        """The group's help names the tool and lists the commands."""
        result = invoke("--help")
        assert result.exit_code == 0 and "run" in result.output and "validate" in result.output

    def test_usage_error_exits_2(self):
        """An unknown option is a usage error: exit 2."""
        assert invoke("run", "--nope").exit_code == 2

    def test_python_dash_m(self):
        """python -m roti_excel is the same command."""
        done = subprocess.run([sys.executable, "-m", "roti_excel", "--help"],
                              capture_output=True, text=True, check=False)
        assert done.returncode == 0 and "validate" in done.stdout


class TestValidate:
    def test_valid_exits_0(self, thesis):
        """A valid workbook: exit 0, warnings printed, OK line."""
        result = invoke("validate", str(thesis))
        assert result.exit_code == 0
        assert f"{thesis}: OK" in result.output
        assert f"{thesis}: Reaction!E4: warning: answer 0 to P1" in result.output

    def test_invalid_exits_1_with_every_problem(self, invalid):
        """Every problem on its own line, FILE: SHEET!CELL: message; exit 1."""
        result = invoke("validate", str(invalid))
        assert result.exit_code == 1
        assert f"{invalid}: Costs!A3: Code is 'ZZ'" in result.output
        assert f"{invalid}: Costs!B3: Unit cost is 'lots'; enter a number" in result.output
        assert "Traceback" not in result.output

    def test_several_inputs(self, thesis, invalid):
        """One bad input among several makes the exit 1, and both are reported."""
        result = invoke("validate", str(thesis), str(invalid))
        assert result.exit_code == 1 and f"{thesis}: OK" in result.output

    def test_missing_file(self, tmp_path):
        """A file that does not exist is reported by name, exit 1."""
        result = invoke("validate", str(tmp_path / "nope.xlsx"))
        assert result.exit_code == 1 and "nope.xlsx" in result.output


class TestRun:
    def test_writes_report_and_json(self, thesis, tmp_path):
        """run writes <stem>_report.xlsx beside the input and the JSON summary."""
        out = tmp_path / "summary.json"
        result = invoke("run", str(thesis), "--json", str(out))
        assert result.exit_code == 0, result.output
        assert (tmp_path / "thesis_report.xlsx").is_file()
        data = json.loads(out.read_text(encoding="utf-8"))
        assert set(data) >= SUMMARY_KEYS
        assert data["organization"] and data["groups"][0]["participants"] == 30
        assert set(data["total"]) == FINANCIAL_KEYS
        assert {g["name"] for g in data["groups"]} == {"Maker", "Packer"}
        assert round(data["total"]["benefits"], 2) == 346_324_197.92
        assert data["total"]["band"] == "high" and data["objective_pct"] == 25.0
        assert set(data["levels"]) == {"reaction", "learning", "application", "impact"}

    def test_a_report_that_cannot_be_written_is_said_in_the_workbooks_language(self,
                                                                               tmp_path):
        """An Indonesian workbook's report into a missing folder: the message in Indonesian
        (it was English whatever the workbook), English when --lang en asks for it."""
        from roti_excel.input_template.workbook import bundled_template

        source = tmp_path / "contoh.xlsx"
        source.write_bytes(bundled_template("id", example=True).read_bytes())
        missing = tmp_path / "tidak ada" / "laporan.xlsx"
        result = CliRunner().invoke(cli, ["run", "-q", str(source), "-o", str(missing)])
        assert result.exit_code == 1
        assert f"folder {missing.parent} tidak ada; buat folder itu atau pilih folder lain" \
            in result.output
        result = CliRunner().invoke(cli, ["run", "-q", str(source), "-o", str(missing),
                                          "--lang", "en"])
        assert f"folder {missing.parent} does not exist; create it" in result.output

    def test_invalid_writes_nothing(self, invalid, tmp_path):
        """An invalid input: exit 1 and no report, no JSON."""
        result = invoke("run", str(invalid), "--json", str(tmp_path / "s.json"))
        assert result.exit_code == 1
        assert not (tmp_path / "bad_report.xlsx").exists()
        assert not (tmp_path / "s.json").exists()
        assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.xlsx"]

    def test_out_dir_and_several_inputs(self, thesis, invalid, tmp_path):
        """--out-dir collects the reports; one bad input makes exit 1 but others are written."""
        out = tmp_path / "reports"
        result = invoke("run", str(thesis), str(invalid), "--out-dir", str(out), "--json",
                        str(tmp_path / "x.json"))
        assert result.exit_code == 1
        assert sorted(p.name for p in out.iterdir()) == ["thesis_report.json",
                                                          "thesis_report.xlsx"]

    def test_output_with_several_inputs_is_usage_error(self, thesis, invalid, tmp_path):
        """-o with two inputs: exit 2."""
        assert invoke("run", str(thesis), str(invalid), "-o", str(tmp_path / "r.xlsx")
                      ).exit_code == 2

    def test_zero_costs_give_null_ratios(self, tmp_path):
        """Costs of 0: the JSON has null BCR, ROI, payback and band; no crash."""
        src = write_workbook(tmp_path / "free.xlsx", simple_program(), {
            "Costs": [{"Code": "TM", "Unit cost": 0}],
            "Measures": [{"Measure": "M", "Better when": "higher", "Value per unit": 1,
                          "Isolation": "none"}],
            "Impact": [{"Measure": "M", "Before": 1, "After": 2}]})
        result = invoke("run", str(src), "--json", str(tmp_path / "s.json"))
        assert result.exit_code == 0, result.output
        total = json.loads((tmp_path / "s.json").read_text())["total"]
        assert [total[k] for k in ("bcr", "roi_pct", "payback_months", "band")] == [None] * 4

    def test_input_unchanged(self, thesis):
        """run never modifies its input."""
        before = thesis.read_bytes()
        invoke("run", str(thesis))
        assert thesis.read_bytes() == before


class TestBundledExampleThroughRun:
    @pytest.mark.parametrize("lang", ["en", "id"])
    def test_golden_figures(self, tmp_path, lang):
        """The checked-in example gives the per-unit figures of docs/method.md through `run`."""
        import shutil

        from roti_excel.input_template.workbook import bundled_template

        source = tmp_path / f"example_{lang}.xlsx"
        shutil.copyfile(bundled_template(lang, example=True), source)
        result = invoke("run", str(source), "--json", str(tmp_path / "s.json"))
        assert result.exit_code == 0, result.output
        data = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))
        groups = {g["name"]: g for g in data["groups"]}
        assert round(groups["Maker"]["benefits"], 2) == 193_250_239.58
        assert round(groups["Packer"]["benefits"], 2) == 153_073_958.33
        assert round(groups["Maker"]["roi_pct"], 4) == 57.5868
        assert round(groups["Packer"]["roi_pct"], 4) == 64.6629
        assert round(groups["Maker"]["bcr"], 4) == 1.5759
        assert {g["band"] for g in data["groups"]} == {"high"}
        assert data["language"] == lang


class TestTemplateAndDemo:
    def test_demo(self, tmp_path):
        """demo runs the bundled example and prints where the report is."""
        result = invoke("demo", "--out-dir", str(tmp_path))
        assert result.exit_code == 0, result.output
        assert "report:" in result.output and "BCR 1.61, ROI 60.6\u00a0% (High; Provisional: " \
            "no isolation, costs not fully loaded)" in result.output
        assert any(p.name.endswith("_report.xlsx") for p in tmp_path.iterdir())

    @pytest.mark.parametrize(("lang", "example"), [("en", False), ("id", True)])
    def test_template(self, tmp_path, lang, example):
        """template writes a workbook the reader recognises."""
        target = tmp_path / "t.xlsx"
        args = ["template", "-o", str(target), "--lang", lang] + (["--example"] if example
                                                                 else [])
        result = invoke(*args)
        assert result.exit_code == 0 and target.is_file()


class TestNoOutputIsAnInput:
    """Any output of a call that is one of its inputs, or two outputs that are one file, is a
    usage error before anything is written: the inputs are byte for byte as they were."""

    @staticmethod
    def refused(args: list[str], *inputs: Path) -> str:
        before = {p: p.read_bytes() for p in inputs}
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 2, result.output
        assert {p: p.read_bytes() for p in inputs} == before
        return result.output

    def test_report_onto_its_input(self, thesis: Path) -> None:
        """`run in.xlsx -o in.xlsx` would replace the input with its report."""
        assert "is an input of this command" in self.refused(
            ["run", str(thesis), "-o", str(thesis)], thesis)

    def test_json_onto_its_input(self, thesis: Path) -> None:
        """`run in.xlsx --json in.xlsx` would replace the input with JSON."""
        assert "is an input of this command" in self.refused(
            ["run", str(thesis), "--json", str(thesis)], thesis)
        assert not (thesis.parent / "thesis_report.xlsx").exists()

    def test_report_onto_another_input(self, tmp_path: Path) -> None:
        """`run a.xlsx a_report.xlsx`: a's report would overwrite the second input before it
        is read."""
        a = thesis_workbook(tmp_path / "a.xlsx")
        second = thesis_workbook(tmp_path / "a_report.xlsx")
        assert "a_report.xlsx is an input" in self.refused(["run", str(a), str(second)], a,
                                                           second)

    def test_input_through_a_link(self, thesis: Path, tmp_path: Path) -> None:
        """A symbolic link to the input is the input."""
        link = tmp_path / "link.xlsx"
        link.symlink_to(thesis)
        self.refused(["run", str(thesis), "-o", str(link)], thesis)

    def test_two_inputs_one_report(self, tmp_path: Path) -> None:
        """`twin.xlsx` and `twin.xlsm` would write one twin_report.xlsx over the other."""
        xlsx = thesis_workbook(tmp_path / "twin.xlsx")
        xlsm = tmp_path / "twin.xlsm"
        xlsm.write_bytes(xlsx.read_bytes())
        assert "would both be written to" in self.refused(["run", str(xlsx), str(xlsm)], xlsx,
                                                          xlsm)
        assert not (tmp_path / "twin_report.xlsx").exists()

    def test_report_and_json_one_file(self, thesis: Path, tmp_path: Path) -> None:
        """-o and --json naming one file: the JSON would replace the report."""
        out = tmp_path / "out.xlsx"
        self.refused(["run", str(thesis), "-o", str(out), "--json", str(out)], thesis)
        assert not out.exists()

    def test_batch_out_dir_is_the_folder(self, tmp_path: Path) -> None:
        """`batch F --out-dir F` would overwrite the user's own a_report.xlsx."""
        a = thesis_workbook(tmp_path / "a.xlsx")
        own = tmp_path / "a_report.xlsx"
        own.write_bytes(b"mine")
        assert "is the folder of the inputs" in self.refused(
            ["batch", str(tmp_path), "--out-dir", str(tmp_path)], a, own)


class TestJsonToStandardOutput:
    def test_stdout_is_the_json_alone(self, thesis: Path) -> None:
        """`run --json -` can be piped into a JSON parser: what was written goes to stderr."""
        result = CliRunner().invoke(cli, ["run", str(thesis), "--json", "-"])
        assert result.exit_code == 0
        data = json.loads(result.stdout)
        assert set(data) >= SUMMARY_KEYS
        assert "wrote" in result.stderr


class TestFindingsOnScreen:
    def test_run_shows_the_caveats_of_the_method(self, thesis: Path) -> None:
        """What the conservative rules found (no isolation, a missing L cost line) is shown
        by `run` as warnings at their cells, not only inside the report."""
        result = CliRunner().invoke(cli, ["run", str(thesis)])
        assert result.exit_code == 0
        assert "Measures!A3: warning: Working time (Maker): no isolation applied" in result.stderr
        assert "Costs: warning: no learner salaries and benefits (L) cost line" in result.stderr


class TestPdf:
    def test_without_libreoffice_the_workbook_is_written_and_the_user_told(
            self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        import roti_excel.report.pdf as pdf

        monkeypatch.setattr(pdf, "soffice", lambda: None)
        thesis = thesis_workbook(tmp_path / "thesis.xlsx")
        result = CliRunner().invoke(cli, ["run", str(thesis), "--pdf"])
        assert result.exit_code == 1
        assert (tmp_path / "thesis_report.xlsx").is_file()
        assert not (tmp_path / "thesis_report.pdf").exists()
        assert "no PDF written: LibreOffice (soffice) is not installed" in result.output
        assert "Traceback" not in result.output

    def test_the_pdf_may_not_be_an_input(self, tmp_path: Path) -> None:
        thesis = thesis_workbook(tmp_path / "thesis.xlsx")
        other = tmp_path / "thesis_report.pdf"
        other.write_bytes(b"%PDF- a user's own file")
        result = CliRunner().invoke(cli, ["run", str(thesis), str(other), "--pdf"])
        assert result.exit_code == 2
        assert other.read_bytes() == b"%PDF- a user's own file"

    @pytest.mark.libreoffice
    def test_pdf_beside_the_report_starting_with_the_brief(self, tmp_path: Path) -> None:
        import shutil

        if shutil.which("soffice") is None or shutil.which("pdftotext") is None:
            pytest.skip("LibreOffice or pdftotext is not installed")
        thesis = thesis_workbook(tmp_path / "thesis.xlsx")
        result = invoke("run", str(thesis), "--pdf", "-q")
        assert result.exit_code == 0, result.output
        pdf = tmp_path / "thesis_report.pdf"
        assert f"wrote {pdf}" in result.output
        first = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"],
                               capture_output=True, text=True, check=True).stdout
        assert "Brief for the board" in first and "Sign-off" in first
        assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


class TestFindingsShownOncePerProblem:
    """Two years of monthly Impact periods under a 12-month horizon: each period past it is
    a finding, but `run` prints one line per measure, the JSON lists one issue per measure
    and Data quality one row, each with the count and range; the narrative still counts
    the periods."""

    PERIODS = 24  # per measure: 12 counted, 12 past the horizon

    @pytest.fixture
    def long_impact(self, tmp_path: Path) -> Path:
        rows = thesis_case.SHEETS["Impact"]
        grown = [dict(rows[i % len(rows)], **{"Before period": f"p{i}",
                                              "After period": f"q{i}"})
                 for i in range(2 * self.PERIODS)]
        return thesis_workbook(tmp_path / "long.xlsx", Impact=grown)

    def test_run_json_and_report(self, long_impact: Path, tmp_path: Path) -> None:
        report, summary = tmp_path / "r.xlsx", tmp_path / "r.json"
        result = invoke("run", str(long_impact), "-o", str(report), "--json", str(summary))
        assert result.exit_code == 0, result.output
        lines = [x for x in result.output.splitlines() if "benefit horizon" in x]
        assert len(lines) == 2, result.output  # one per measure (Maker, Packer)
        assert all("cells like this" in x for x in lines)
        assert any("Impact!A" in x and ": warning: " in x for x in lines)
        issues = json.loads(summary.read_text(encoding="utf-8"))["issues"]
        horizon = [i for i in issues if "benefit horizon" in i["message"]]
        assert len(horizon) == 2
        assert {i["cell"].count(":") for i in horizon} == {1}  # a range, A27:A99
        wb = openpyxl.load_workbook(report, read_only=True)
        shown = [r for r in wb["Data quality"].iter_rows(values_only=True)
                 if any(isinstance(v, str) and "benefit horizon" in v and "cells like" in v
                        for v in r)]
        assert len(shown) == 2
        texts = " ".join(str(v) for r in wb["Data quality"].iter_rows(values_only=True)
                         for v in r if v)
        assert f"{2 * (self.PERIODS - 12)} periods beyond the 12-month benefit horizon" in texts
