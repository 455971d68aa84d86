"""The Brief: the first sheet, one printed page for the board, carrying the headline with its
band and credibility status, the caveats, the objectives per level, the three most important
actions and a sign-off block whose report version is a short hash of the input file."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from roti_excel import evaluate, load, summary
from roti_excel.method.evaluate import Results
from roti_excel.narrative.render import render
from roti_excel.report import workbook as report
from roti_excel.summary import summary_json
from tests import test_credibility as c
from tests.workbooks import thesis_workbook


def results_and_file(folder: Path, **sheets: object) -> tuple[Results, Path]:
    path = thesis_workbook(folder / "thesis.xlsx", **sheets)
    loaded = load(path)
    assert loaded.evaluation is not None, loaded.messages()
    return evaluate(loaded.evaluation), path


def texts(ws: openpyxl.worksheet.worksheet.Worksheet) -> list[str]:
    return [str(cell.value) for row in ws.iter_rows() for cell in row if cell.value is not None]


class TestContent:
    def test_first_active_portrait_one_page(self, tmp_path: Path) -> None:
        results, _ = results_and_file(tmp_path)
        wb = openpyxl.load_workbook(report.write(results, tmp_path / "r.xlsx"))
        brief = wb.worksheets[0]
        assert brief.title == "Brief" and wb.active is brief
        assert brief.page_setup.orientation == "portrait"
        assert brief.sheet_properties.pageSetUpPr.fitToPage
        assert brief.page_setup.fitToHeight in (None, 1)  # 1 is Excel's default, omitted

    def test_headline_band_status_caveats_actions_and_sign_off(self, tmp_path: Path) -> None:
        results, _ = results_and_file(tmp_path)
        wb = openpyxl.load_workbook(report.write(results, tmp_path / "r.xlsx"))
        shown = texts(wb["Brief"])
        story = render(results, "en")
        assert story.credibility in shown  # the caveats in plain words
        for i, action in enumerate(story.actions[:3], 1):
            assert f"{i}. {action}" in shown
        assert not any(s.startswith("4. ") for s in shown)
        for label in ("Prepared by", "Reviewed by", "Approved by", "Signature", "Date"):
            assert label in shown
        assert results.evaluation.program.prepared_by in shown
        # the headline figures are live formulas over Level 5, the band and status too
        formulas = [s for s in shown if s.startswith("=")]
        assert sum("'Level 5 ROI'!" in f for f in formulas) >= 10
        cached = openpyxl.load_workbook(tmp_path / "r.xlsx", data_only=True)["Brief"]
        values = [cell.value for row in cached.iter_rows() for cell in row]
        assert "High" in values and "Provisional" in values
        assert results.total.benefits in values and results.total.costs in values
        assert "met" in values  # the ROI objective of 25 %

    def test_indonesian_brief(self, tmp_path: Path) -> None:
        results, _ = results_and_file(tmp_path)
        wb = openpyxl.load_workbook(report.write(results, tmp_path / "r.xlsx", "id"))
        brief = wb.worksheets[0]
        assert brief.title == "Ringkasan eksekutif"
        shown = texts(brief)
        for label in ("Disusun oleh", "Diperiksa oleh", "Disetujui oleh", "Pengesahan",
                      "Tiga tindakan terpenting"):
            assert label in shown
        assert render(results, "id").credibility in shown

    def test_objectives_per_level(self, tmp_path: Path) -> None:
        results, _ = results_and_file(tmp_path)
        wb = openpyxl.load_workbook(report.write(results, tmp_path / "r.xlsx"), data_only=True)
        shown = texts(wb["Brief"])
        # levels 1-3 and 4 have no objective in the thesis, the ROI one of 25 %
        assert shown.count("none set") == 4


class TestVersion:
    def test_version_is_the_input_hash_and_in_the_summary(self, tmp_path: Path) -> None:
        results, path = results_and_file(tmp_path)
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        data = json.loads(summary_json(summary(results)))
        assert data["input_sha256"] == digest
        assert data["report_version"] == digest[:8]
        assert data["input_file"] == "thesis.xlsx"
        wb = openpyxl.load_workbook(report.write(results, tmp_path / "r.xlsx"))
        shown = " ".join(texts(wb["Brief"]))
        assert f"Report version {digest[:8]}" in shown and "thesis.xlsx" in shown

    def test_a_changed_input_gives_a_new_version(self, tmp_path: Path) -> None:
        results, path = results_and_file(tmp_path)
        wb = openpyxl.load_workbook(path)
        ws = wb["Program"]
        for row in ws.iter_rows():
            if row[0].value == "Prepared by":
                row[1].value = "Finance review copy"
        changed = tmp_path / "changed.xlsx"
        wb.save(changed)
        loaded = load(changed)
        assert loaded.evaluation is not None
        assert summary(evaluate(loaded.evaluation))["report_version"] != \
            summary(results)["report_version"]

    def test_in_memory_evaluation_has_a_content_version(self) -> None:
        from tests.cases import rich_evaluation

        one = summary(evaluate(rich_evaluation()))
        assert one["input_file"] == "" and re.fullmatch(r"[0-9a-f]{8}", one["report_version"])
        assert summary(evaluate(rich_evaluation()))["report_version"] == one["report_version"]


# -- printed: LibreOffice ------------------------------------------------------------------

MIN_WORD_HEIGHT = 9.9  # points: LibreOffice's box of an 8-pt word is 9.98 high (Carlito)


def pdf_pages(xlsx: Path, work: Path) -> list[str]:
    """The report printed by LibreOffice, as pdftotext -bbox pages."""
    from tests.test_report_libreoffice import soffice

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    soffice(["--convert-to", "pdf", "--outdir", str(work), str(xlsx)], work)
    html = subprocess.run(["pdftotext", "-bbox", str(xlsx.with_suffix(".pdf")), "-"],
                          capture_output=True, text=True, check=True).stdout
    return html.split("<page ")[1:]


def words(page: str) -> list[tuple[float, str]]:
    """(height, word) of every word on a page."""
    return [(float(y1) - float(y0), w) for y0, y1, w in re.findall(
        r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>', page)]


def _cases(folder: Path) -> dict[str, Results]:
    negative = c.thesis(folder, Costs=[*c.thesis_case.SHEETS["Costs"], c.WAGE_LINE],
                        Measures=c.measures_with(Isolation="estimate", Contribution=0.5,
                                                 Confidence=0.8))
    thesis, _ = results_and_file(folder / "t")
    return {"thesis": thesis, "negative": negative,
            "not_monetised": c.results_of(c.TestNotMonetised().path(folder))}


@pytest.mark.libreoffice
@pytest.mark.parametrize("lang", ["en", "id"])
def test_brief_on_one_page_and_no_text_below_8_pt(tmp_path: Path, lang: str) -> None:
    (tmp_path / "t").mkdir()
    sign_off = {"en": "Sign-off", "id": "Pengesahan"}[lang]
    summary_heading = {"en": "Headline", "id": "utama"}[lang]  # the Summary's first section
    for name, results in _cases(tmp_path).items():
        work = tmp_path / name
        work.mkdir()
        pages = pdf_pages(report.write(results, work / "report.xlsx", lang), work)
        first = words(pages[0])
        text = " ".join(w for _, w in first)
        assert sign_off in text and "Approved" not in " ".join(
            w for _, w in words(pages[1])), name
        status = {"thesis": ("Provisional", "Sementara"), "negative": ("Credible", "Kredibel"),
                  "not_monetised": ("Not monetised", "Tidak dimonetisasi")}[name]
        assert status[0 if lang == "en" else 1].split()[0] in text, name
        # the Summary starts on page 2: the brief is exactly one page
        assert summary_heading in [w for _, w in words(pages[1])], name
        # no text below 8 pt on any page: wide sheets print across pages, not shrunk
        for number, page in enumerate(pages, 1):
            small = [(h, w) for h, w in words(page) if h < MIN_WORD_HEIGHT]
            assert not small, f"{name}, page {number}: text below 8 pt: {small[:5]}"


@pytest.mark.libreoffice
def test_a_table_runs_over_pages_with_its_header_and_short_ones_stay_whole(
        tmp_path: Path) -> None:
    """Level 1's table of means (longer than a page) starts its second page with its header
    row; the Summary's scorecard (short) is printed whole, heading and header included."""
    results, _ = results_and_file(tmp_path)
    pages = pdf_pages(report.write(results, tmp_path / "report.xlsx"), tmp_path)
    texts = [" ".join(w for _, w in words(p)) for p in pages]
    first = next(i for i, t in enumerate(texts) if "Level 1 Reaction: did" in t)
    top = re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)</word>',
                     pages[first + 1])
    first_line = min(float(y) for y, _ in top)
    assert {"By", "Item", "Question", "Dimension"} <= {w for y, w in top
                                                       if float(y) < first_line + 3}
    scorecard = [i for i, t in enumerate(texts) if "Level scorecard" in t]
    assert len(scorecard) == 1
    assert "5 ROI" in texts[scorecard[0]] and "1 Reaction" in texts[scorecard[0]]
