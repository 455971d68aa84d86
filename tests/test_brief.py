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
        _one_page_wide(work / "report.xlsx", pages, lang, name)
        _no_blank_line_between_actions(pages, name)


def _one_page_wide(xlsx: Path, pages: list[str], lang: str, name: str) -> None:
    """Every sheet of the case prints one page wide: fitted to the page's width (and, by
    the caller's check, no text below 8 pt), and in the PDF its title tops one page only
    (a sheet printed across pages starts each part with its title and column A)."""
    generated = {"en": "Generated", "id": "Dibuat"}[lang]
    wb = openpyxl.load_workbook(xlsx)
    for ws in wb.worksheets:
        assert ws.sheet_properties.pageSetUpPr.fitToPage and \
            ws.page_setup.fitToWidth in (None, 1), f"{name}: {ws.title} not one page wide"
    names = wb.sheetnames
    titled: dict[str, int] = {}
    for page in pages:
        lines, footer = _lines(page)
        sheet = _sheet_of(footer, names, generated)
        title = str(wb[sheet]["A1"].value or "")
        if lines and title and " ".join(w for _, _, w in lines[0]).startswith(
                " ".join(title.split()[:3])):
            titled[sheet] = titled.get(sheet, 0) + 1
    across = {sheet: n for sheet, n in titled.items() if n > 1}
    assert not across, f"{name}: printed across pages: {across}"


def _no_blank_line_between_actions(pages: list[str], name: str) -> None:
    """The Summary's recommended actions (its bullets) follow each other line by line: no
    row taller than its text (a blank line under an action that fits on one line)."""
    for page in pages:
        lines, _ = _lines(page)
        tops = [line[0][1] for line in lines]
        bullets = [i for i, line in enumerate(lines) if line[0][2] == "•"]
        steps = [tops[i + 1] - tops[i] for i in range(bullets[0], bullets[-1])] \
            if bullets else []
        if steps:
            assert max(steps) < 1.6 * min(steps), f"{name}: a gap between actions: {steps}"


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


# -- every table's header row on each of its printed pages ----------------------------------

Box = tuple[float, float, str]  # x, y (top) and the word


def _lines(page: str) -> tuple[list[list[Box]], list[Box]]:
    """The page's words in lines (same top within 1.5 pt), top first, each left to right,
    and the footer's words (in the bottom margin)."""
    found = [(float(x), float(y), w) for x, y, w in re.findall(
        r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)</word>', page)]
    foot = float(re.findall(r'height="([\d.]+)"', page)[0]) - 0.6 * 72
    lines: list[list[Box]] = []
    for box in sorted((b for b in found if b[1] < foot), key=lambda b: (b[1], b[0])):
        if lines and box[1] - lines[-1][0][1] < 1.5:
            lines[-1].append(box)
        else:
            lines.append([box])
    return [sorted(line) for line in lines], sorted((b for b in found if b[1] >= foot),
                                                    key=lambda b: (b[1], b[0]))


def _sheet_of(footer: list[Box], names: list[str], generated: str) -> str:
    """The sheet a page belongs to, from its footer's right part: "<sheet> - Generated
    <date>"."""
    text = " ".join(w for _, _, w in footer)
    return max((n for n in names if f"{n} - {generated}" in text), key=len)


def _first_words(texts: tuple[str, ...]) -> set[str]:
    return {t.split()[0] for t in texts if t.split()}


class _PrintedSheet:
    """Follows one sheet's pages in order: which of its tables is being printed, whose
    header rows were printed already."""

    def __init__(self, name: str, tables: list[report.PrintedTable], title: str, *,
                 across: bool) -> None:
        self.name, self.tables, self.title, self.across = name, tables, title, across
        self.current: report.PrintedTable | None = None
        self.started: set[int] = set()  # header rows of the tables begun on earlier pages

    def header_at(self, lines: list[list[Box]], i: int, table: report.PrintedTable) -> bool:
        """Whether the header row of `table` is printed from line `i` down (its labels wrap
        within the row's height); a sheet printed across pages shows some of its labels."""
        top = lines[i][0][1]
        shown = {w for line in lines[i:] for _, y, w in line
                 if y < top + table.header_height + 2}
        firsts = [label.split()[0] for label in table.labels if label.split()]
        found = [f for f in firsts if f in shown]
        return (firsts[0] in found and len(found) >= min(2, len(firsts))) if self.across \
            else len(found) == len(firsts)

    def heading_of(self, line: list[Box]) -> report.PrintedTable | None:
        text = " ".join(w for _, _, w in line)
        return next((t for t in self.tables if t.heading and text.startswith(t.heading)),
                    None)

    def data_of(self, line: list[Box], table: report.PrintedTable) -> bool:
        return bool({w for _, _, w in line} & _first_words(table.row_texts))

    def check(self, lines: list[list[Box]], where: str) -> None:
        if lines and " ".join(w for _, _, w in lines[0]).startswith(self.title[:20]):
            self.current = None  # the sheet's first page, or the first of a part across
            self.started.clear()
        elif lines:
            self._check_top(lines, where)
        self._follow(lines)

    def _check_top(self, lines: list[list[Box]], where: str) -> None:
        """A page continuing a table starts with that table's header row, and a header row
        at a page's top belongs to the rows under it."""
        table = self.current
        if self.heading_of(lines[0]) is not None:
            return  # a table starts the page with its heading
        repeated = next((t for t in self.tables
                         if t.header in self.started and self.header_at(lines, 0, t)), None)
        if repeated is not None:
            assert repeated is table, f"{where}: the header of another table on top"
            below = next((line for line in lines if line[0][1] >= lines[0][0][1]
                          + repeated.header_height + 2), [])
            assert below and self.data_of(below, repeated) and self.heading_of(below) is None, \
                f"{where}: a header row over no row of its table"
        elif table is not None:
            assert not self.data_of(lines[0], table), \
                f"{where}: continues {table.heading or table.labels} without its header row"

    def _follow(self, lines: list[list[Box]]) -> None:
        """The tables begun on this page, in the sheet's order: by their heading, or by a
        header row printed the first time (a table without heading)."""
        for i, line in enumerate(lines):
            later = [t for t in self.tables if t.header not in self.started]
            table = self.heading_of(line)
            if table is None and later and not later[0].heading and \
                    self.header_at(lines, i, later[0]):
                table = later[0]
            if table is not None:
                self.current = table
                self.started.add(table.header)


@pytest.mark.libreoffice
@pytest.mark.parametrize("lang", ["en", "id"])
def test_every_page_of_a_table_starts_with_its_header_row(tmp_path: Path, lang: str) -> None:
    """Driven by the report's own registry of its tables (where each is, its heading,
    header labels and rows): every printed page that continues a table starts with that
    table's header row, and no header row tops a page over rows of another table."""
    (tmp_path / "t").mkdir()
    generated = {"en": "Generated", "id": "Dibuat"}[lang]
    repeated = []
    for name, results in _cases(tmp_path).items():
        work = tmp_path / name
        work.mkdir()
        book = report.build(results, work / "report.xlsx", lang)
        sheets = {n: _PrintedSheet(n, tables, book.titles.get(n, "\0"),
                                   across=n in book.across)
                  for n, tables in book.tables.items()}
        repeated += [t for tables in book.tables.values() for t in tables if t.repeated]
        for number, page in enumerate(pdf_pages(work / "report.xlsx", work), 1):
            lines, footer = _lines(page)
            sheet = sheets[_sheet_of(footer, list(sheets), generated)]
            sheet.check(lines, f"{name} {lang}, page {number} ({sheet.name})")
    assert repeated  # the cases have tables longer than a page to look at
