"""Recalculate the report in LibreOffice and compare every formula's result with the value
the tool stored: finance opens the file in a spreadsheet that recalculates, so the live
formulas and the Python figures must agree."""

from __future__ import annotations

import math
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from roti_excel.method.evaluate import Results, evaluate
from roti_excel.report import workbook as report
from tests.cases import no_costs_evaluation, no_groups_evaluation, rich_evaluation
from tests.test_report import find_row, thesis_results

pytestmark = pytest.mark.libreoffice

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
# Load/OOXMLRecalcMode = 0: always recalculate an .xlsx on load (never trust cached values)
PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode"
 oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode"
 oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""
REL_TOL = 1e-9
ABS_TOL = 1e-9  # for results that are 0 up to rounding (a difference of equal numbers)


def soffice(args: list[str], work: Path) -> None:
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    profile = work / "profile"
    (profile / "user").mkdir(parents=True, exist_ok=True)
    (profile / "user" / "registrymodifications.xcu").write_text(PROFILE, encoding="utf-8")
    done = subprocess.run(
        [SOFFICE, "--headless", "--norestore", f"-env:UserInstallation={profile.as_uri()}",
         *args], capture_output=True, text=True, timeout=240, check=False)
    assert done.returncode == 0, done.stderr


def recalculated(path: Path, work: Path) -> Path:
    out = work / "recalculated"
    out.mkdir(exist_ok=True)
    soffice(["--convert-to", "xlsx", "--outdir", str(out), str(path)], work)
    converted = out / path.name
    assert converted.exists(), f"LibreOffice wrote no {converted}"
    return converted


def compare(path: Path, work: Path) -> int:
    """Assert every formula cell recalculates to its cached value; returns how many."""
    formulas = openpyxl.load_workbook(path)
    cached = openpyxl.load_workbook(path, data_only=True)
    fresh = openpyxl.load_workbook(recalculated(path, work), data_only=True)
    checked = 0
    wrong: list[str] = []
    for ws in formulas.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type != "f":
                    continue
                ours = cached[ws.title][cell.coordinate].value
                theirs = fresh[ws.title][cell.coordinate].value
                checked += 1
                if isinstance(ours, int | float) and isinstance(theirs, int | float):
                    same = math.isclose(ours, theirs, rel_tol=REL_TOL, abs_tol=ABS_TOL)
                else:
                    same = ours == theirs
                if not same:
                    wrong.append(f"{ws.title}!{cell.coordinate} {cell.value}: stored {ours!r}, "
                                 f"LibreOffice {theirs!r}")
    assert not wrong, "\n".join(wrong[:20])
    return checked


def write(results: Results, folder: Path) -> Path:
    return report.write(results, folder / "report.xlsx", None)


def test_thesis_formulas_recalculate_to_the_stored_values(tmp_path: Path) -> None:
    results = thesis_results(tmp_path)
    path = write(results, tmp_path)
    assert compare(path, tmp_path) > 300
    ws = openpyxl.load_workbook(path)["Level 5 ROI"]
    total = find_row(ws, "Total")
    roi = ws.cell(total, 6)
    assert roi.data_type == "f" and str(roi.value) == f"=(B{total}-C{total})/C{total}"
    fresh = openpyxl.load_workbook(tmp_path / "recalculated" / path.name, data_only=True)
    value = fresh["Level 5 ROI"].cell(total, 6).value
    assert value * 100 == pytest.approx(results.total.roi_pct, rel=REL_TOL)


@pytest.mark.parametrize("case", [rich_evaluation, no_costs_evaluation, no_groups_evaluation],
                         ids=["isolation-methods", "no-costs", "no-groups"])
def test_other_cases_recalculate_to_the_stored_values(tmp_path: Path, case: object) -> None:
    assert callable(case)
    path = write(evaluate(case()), tmp_path)
    assert compare(path, tmp_path) > 100


def test_thesis_renders_to_pdf(tmp_path: Path) -> None:
    """The report prints: LibreOffice turns it into a PDF of a sensible number of pages."""
    path = write(thesis_results(tmp_path), tmp_path)
    soffice(["--convert-to", "pdf", "--outdir", str(tmp_path), str(path)], tmp_path)
    pdf = tmp_path / "report.pdf"
    assert pdf.exists() and pdf.stat().st_size > 10_000


def _credibility_cases(folder: Path) -> dict[str, Results]:
    """The benefit-period, trend and estimate cases of test_credibility, evaluated."""
    from tests import test_credibility as c

    strong = c.trend_case(folder, [30.0 - i for i in range(12)], [10.0] * 12)
    return {
        "weak trend": c.results_of(c.trend_case(
            folder, [20, 9, 18, 8, 21, 10, 19, 7, 20, 9, 18, 12.0], [8.0] * 12)),
        "strong trend": c.results_of(strong),
        "annualised": c.results_of(c.monthly_case(folder, 6, Annualise="yes")),
        "discounted": c.results_of(c.monthly_case(folder, 24, **{"Benefit horizon": 24,
                                                                "Discount rate": 0.1})),
        "not recovered": c.results_of(c.monthly_case(folder, 12, costs=2_000_000)),
        "estimates": c.results_of(c.estimates_case(folder, c.TestEstimates.ROWS)),
        "not monetised": c.results_of(c.TestNotMonetised().path(folder)),
    }


def test_credibility_cases_recalculate_to_the_stored_values(tmp_path: Path) -> None:
    """Payback beyond the benefit months (IF text), discount and Annualise factors, R² and
    the weak-trend rule, per-row estimate factors: LibreOffice agrees with every one."""
    for name, results in _credibility_cases(tmp_path).items():
        folder = tmp_path / name.replace(" ", "_")
        folder.mkdir()
        assert compare(write(results, folder), folder) > 20, name


def test_indonesian_report_has_no_english_sentence(tmp_path: Path) -> None:
    """The Indonesian report, printed by LibreOffice and read back as text, holds none of the
    product's English sentences: not a message, a label, a note or a paragraph (words
    shared by both languages, such as "ROI", are not sentences); nor the English words of
    a scale the tool knows in both languages (the Level 3 categories and scale points). Of
    the Indonesian example, and of the English thesis input reported in Indonesian (its
    scale typed in English: "useful", "very useful")."""
    import re

    from roti_excel import evaluate, load
    from roti_excel.messages.catalogue import CATALOGUE
    from roti_excel.method.application import scale_labels
    from roti_excel.report.labels import COLUMNS, SHEETS
    from roti_excel.report.texts import TEXT
    from roti_excel.resources import resource_dir
    from tests.workbooks import thesis_workbook

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    english: list[str] = []
    for en, id_ in [*CATALOGUE.values(), *TEXT.values(), *COLUMNS.values(), *SHEETS.values()]:
        if en == id_:
            continue
        # the template's fixed words between its placeholders, long enough to be English
        for part in re.split(r"\{[^}]*\}", en):
            words = part.strip(" .,;:()'\"-")
            if len(words.split()) >= 3 and words not in id_:  # not a shared formula
                english.append(words)
    for name, source in (("example", resource_dir("input_templates") / "roti_example_id.xlsx"),
                         ("thesis", thesis_workbook(tmp_path / "thesis_en.xlsx"))):
        loaded = load(source)
        assert loaded.evaluation is not None
        work = tmp_path / name
        work.mkdir()
        path = report.write(evaluate(loaded.evaluation), work / "report.xlsx", "id")
        soffice(["--convert-to", "pdf", "--outdir", str(work), str(path)], work)
        text = subprocess.run(["pdftotext", "-layout", str(work / "report.pdf"), "-"],
                              capture_output=True, text=True, check=True).stdout
        flat = " ".join(text.split())
        found = sorted({phrase for phrase in english if phrase in flat})
        assert not found, (name, found[:10])
        scale = {w for q in loaded.evaluation.questions_at(3)
                 for w in set(scale_labels(q, "en")) - set(scale_labels(q, "id"))}
        shown = sorted({w for w in scale if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])",
                                                       flat, re.IGNORECASE)})
        assert not shown, (name, shown)
