"""The report workbook (docs/report.md), read back with openpyxl: sheets and their order, charts,
number formats, print setup, live formulas with cached values that match the Python
figures, user text kept inert, and the atomic write."""

from __future__ import annotations

import html
import os
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.chart import BarChart, LineChart
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from roti_excel import load_valid
from roti_excel.domain import Language
from roti_excel.errors import OutputError
from roti_excel.method.evaluate import Results, evaluate
from roti_excel.report import workbook as report
from roti_excel.report.book import MIN_PRINT_SCALE, PRINT_WIDTH_PT
from roti_excel.report.labels import SHEETS, Labels
from roti_excel.report.styles import INPUT_FONT, typed_decimals, typed_format
from roti_excel.report.texts import TEXT
from tests.cases import EVIL, no_costs_evaluation, no_groups_evaluation, rich_evaluation
from tests.workbooks import thesis_workbook

# the thesis has no Estimates rows, so no sheet copying them
EN = [names[0] for key, names in SHEETS.items() if key != "inputs_estimates"]
ID = [names[1] for key, names in SHEETS.items() if key != "inputs_estimates"]
# -- cases --------------------------------------------------------------------------------

def thesis_results(folder: Path) -> Results:
    return evaluate(load_valid(thesis_workbook(folder / "thesis.xlsx")))



# -- helpers ------------------------------------------------------------------------------

def write(results: Results, folder: Path, name: str = "report.xlsx",
          lang: str | None = None) -> Path:
    return report.write(results, folder / name, lang)


def find_row(ws: Worksheet, label: str, col: int = 1) -> int:
    """The last row whose cell in `col` (1-based) holds `label`."""
    rows = [c.row for c in ws.iter_cols(col, col) for c in c if c.value == label]
    assert rows, f"{label!r} not in column {col} of {ws.title}"
    return rows[-1]


def chart_kinds(ws: Worksheet) -> list[tuple[str, str | None, str | None]]:
    out = []
    for chart in ws._charts:
        out.append((type(chart).__name__, getattr(chart, "type", None),
                    getattr(chart, "grouping", None)))
    return out


@pytest.fixture(scope="module")
def thesis(tmp_path_factory: pytest.TempPathFactory) -> tuple[Results, Path]:
    folder = tmp_path_factory.mktemp("thesis")
    results = thesis_results(folder)
    return results, write(results, folder)


@pytest.fixture(scope="module")
def rich(tmp_path_factory: pytest.TempPathFactory) -> tuple[Results, Path]:
    folder = tmp_path_factory.mktemp("rich")
    results = evaluate(rich_evaluation())
    return results, write(results, folder)


# -- structure ------------------------------------------------------------------------------

def test_sheets_in_report_order_and_brief_active(thesis: tuple[Results, Path]) -> None:
    wb = openpyxl.load_workbook(thesis[1])
    assert wb.sheetnames == EN
    assert wb.active is not None and wb.active.title == "Brief"


def test_levels_not_evaluated_get_no_sheet(rich: tuple[Results, Path]) -> None:
    wb = openpyxl.load_workbook(rich[1])
    assert wb.sheetnames == [n for n in EN if not n.startswith(("Level 1", "Level 2",
                                                                   "Level 3"))] + \
        ["Input copies - estimates"]  # this case has Estimates rows
    texts = [c.value for row in wb["Summary"].iter_rows() for c in row]
    assert texts.count("not evaluated") == 3


def test_indonesian_sheet_names(tmp_path: Path) -> None:
    results = thesis_results(tmp_path)
    wb = openpyxl.load_workbook(write(results, tmp_path, lang="id"))
    assert wb.sheetnames == ID
    assert wb.active is not None and wb.active.title == "Ringkasan eksekutif"


def test_language_defaults_to_the_workbook_language(tmp_path: Path) -> None:
    ev = rich_evaluation(language=Language.ID)
    wb = openpyxl.load_workbook(write(evaluate(ev), tmp_path))
    assert wb.sheetnames[0] == "Ringkasan eksekutif"


def test_charts_per_sheet(thesis: tuple[Results, Path]) -> None:
    wb = openpyxl.load_workbook(thesis[1])
    assert chart_kinds(wb["Summary"]) == [("BarChart", "col", "clustered")]
    assert chart_kinds(wb["Level 1 Reaction"]) == [("BarChart", "bar", "clustered")]
    assert chart_kinds(wb["Level 2 Learning"]) == [("BarChart", "col", "clustered")]
    assert chart_kinds(wb["Level 3 Application"]) == [("BarChart", "bar", "percentStacked")] * 2
    assert [k[0] for k in chart_kinds(wb["Level 4 Impact"])] == ["LineChart"] * 2
    assert [k[0] for k in chart_kinds(wb["Level 5 ROI"])] == ["LineChart"]
    assert chart_kinds(wb["Costs"]) == [("BarChart", "bar", "clustered")]
    assert isinstance(wb["Summary"]._charts[0], BarChart)
    assert isinstance(wb["Level 5 ROI"]._charts[0], LineChart)


def test_print_setup_footer_and_frozen_headers(thesis: tuple[Results, Path]) -> None:
    results, path = thesis
    wb = openpyxl.load_workbook(path)
    brief = wb.worksheets[0]
    assert brief.page_setup.orientation == "portrait"
    assert brief.page_setup.fitToHeight in (None, 1)  # one page, omitted at Excel's default
    across = []
    for ws in wb.worksheets:
        if ws is not brief:
            assert ws.page_setup.orientation == "landscape", ws.title
        if ws.sheet_properties.pageSetUpPr.fitToPage:
            # one page wide (fitToWidth is omitted when it is Excel's default of 1)
            assert ws.page_setup.fitToWidth in (None, 1), ws.title
            assert ws.page_setup.fitToHeight == (1 if ws is brief else 0) or (
                ws is brief and ws.page_setup.fitToHeight is None), ws.title
        else:  # too wide to shrink without text below 8 pt: 90 %, first column repeated
            assert ws.page_setup.scale == 90, ws.title
            assert ws.print_title_cols in ("A:A", "$A:$A"), ws.title
            across.append(ws.title)
        footer = ws.oddFooter
        # the program's name, cut with "..." on the narrow portrait Brief (it would run
        # into the page number in the centre)
        name, left = results.evaluation.program.name, re.sub(r"^&\d+", "", footer.left.text or "")
        assert left == name if ws is not brief else \
            (left.endswith("...") and name.startswith(left[:-3]) and len(left) > 20), ws.title
        assert "&P" in (footer.center.text or ""), ws.title
        assert "Generated" in (footer.right.text or ""), ws.title
        # the Brief and Scenarios hold several small tables, not one long one
        assert ws.title in ("Brief", "Scenarios", "Methodology") or \
            ws.freeze_panes is not None, ws.title
    assert wb["Costs"].auto_filter.ref
    assert "Summary" not in across
    # every copied block on a sheet of its own, one page wide, its header row frozen
    for name in ("Input copies - costs", "Input copies - impact"):
        assert name not in across and wb[name].freeze_panes == "A5", name


def test_document_properties(thesis: tuple[Results, Path]) -> None:
    results, path = thesis
    props = openpyxl.load_workbook(path).properties
    program = results.evaluation.program
    assert program.name in (props.title or "")
    assert props.creator == program.prepared_by
    assert "ROI" in (props.subject or "")


# -- figures --------------------------------------------------------------------------------

def test_thesis_golden_figures_as_formulas(thesis: tuple[Results, Path]) -> None:
    results, path = thesis
    formulas = openpyxl.load_workbook(path)["Level 5 ROI"]
    values = openpyxl.load_workbook(path, data_only=True)["Level 5 ROI"]
    golden = {"Maker": (193_250_239.58, 57.5868), "Packer": (153_073_958.33, 64.6629),
              "Total": (346_324_197.92, 60.6380)}
    for label, (benefits, roi_pct) in golden.items():
        r = find_row(values, label)
        assert values.cell(r, 2).value == pytest.approx(benefits, abs=0.01)
        fin = results.total if label == "Total" else next(
            g for g in results.groups if g.name == label)
        assert values.cell(r, 6).value * 100 == pytest.approx(fin.roi_pct, rel=1e-12)
        # the golden figures are printed to 4 decimals
        assert values.cell(r, 6).value * 100 == pytest.approx(roi_pct, abs=5e-5)
        for col in range(2, 10):  # benefits .. band, the months of benefits included
            assert formulas.cell(r, col).data_type == "f", (label, col)
    r = find_row(values, "Total")
    assert values.cell(r, 5).value == pytest.approx(1.6064, abs=5e-5)
    assert formulas.cell(r, 6).number_format == "0.0%"
    assert formulas.cell(r, 2).number_format == '"Rp"#,##0'
    assert str(formulas.cell(r, 2).value).startswith("=SUM('Level 4 Impact'!")
    assert str(formulas.cell(r, 3).value).startswith("=Costs!")
    assert values.cell(r, 9).value == "High"
    assert values.cell(r, 10).value == "Provisional"


def test_summary_headline_refers_to_level_5(thesis: tuple[Results, Path]) -> None:
    results, path = thesis
    ws = openpyxl.load_workbook(path)["Summary"]
    values = openpyxl.load_workbook(path, data_only=True)["Summary"]
    r = find_row(ws, "ROI")
    assert str(ws.cell(r, 2).value).startswith("='Level 5 ROI'!")
    assert values.cell(r, 2).value * 100 == pytest.approx(results.total.roi_pct, rel=1e-12)
    r = find_row(ws, "Monetary benefits")
    assert "Rp" in ws.cell(r, 2).number_format


def test_cached_values_match_python(rich: tuple[Results, Path]) -> None:
    """Every formula has a cached value, and the key ones equal the computed results."""
    results, path = rich
    wb = openpyxl.load_workbook(path)
    values = openpyxl.load_workbook(path, data_only=True)
    count = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == "f":
                    count += 1
                    assert values[ws.title][c.coordinate].value is not None, (ws.title, c)
    assert count > 200
    roi = values["Level 5 ROI"]
    for fin in (*results.groups, results.total):
        r = find_row(roi, fin.name if fin.name != "total" else "Total")
        assert roi.cell(r, 2).value == pytest.approx(fin.benefits, rel=1e-12)
        assert roi.cell(r, 3).value == pytest.approx(fin.costs, rel=1e-12)
        assert roi.cell(r, 6).value * 100 == pytest.approx(fin.roi_pct, rel=1e-12)
    assert wb["Level 5 ROI"].cell(r, 2).number_format == '"USD" #,##0.00'


def test_costs_amount_is_a_formula_over_input_copies(thesis: tuple[Results, Path]) -> None:
    wb = openpyxl.load_workbook(thesis[1])
    ws = wb["Costs"]
    r = 5  # first cost line under the header on row 4
    assert ws.cell(r, 9).value == "=E5*F5*G5*H5"
    source = str(ws.cell(r, 5).value).split("!")[0].strip("='")
    assert source == "Input copies - costs" and source in wb.sheetnames
    # the sheet's note names the sheet the values come from
    assert f"values from the sheet {source})" in str(ws["A2"].value)
    tr = find_row(ws, "TR: total costs (TRD + TRI)")
    assert ws.cell(tr, 5).data_type == "f"


def test_no_costs_gives_na_not_a_division(tmp_path: Path) -> None:
    path = write(evaluate(no_costs_evaluation()), tmp_path)
    ws = openpyxl.load_workbook(path)["Level 5 ROI"]
    r = find_row(ws, "Total")
    assert [ws.cell(r, c).value for c in (5, 6, 8)] == ["n/a"] * 3  # BCR, ROI, payback
    assert all(ws.cell(r, c).data_type == "s" for c in (5, 6, 8))
    assert any("costs are 0" in str(c.value) for row in ws.iter_rows() for c in row)


def test_no_groups_report_has_only_totals(tmp_path: Path) -> None:
    results = evaluate(no_groups_evaluation())
    path = write(results, tmp_path)
    values = openpyxl.load_workbook(path, data_only=True)
    summary = values["Summary"]
    r = find_row(summary, "Total")
    assert summary.cell(r, 2).value == pytest.approx(results.total.benefits, rel=1e-12)
    costs = values["Costs"]
    tr = find_row(costs, "TR: total costs (TRD + TRI)")
    assert costs.cell(tr, 5).value == pytest.approx(results.costs.total.total, rel=1e-12)


# -- text -----------------------------------------------------------------------------------

def test_user_text_stays_text(rich: tuple[Results, Path]) -> None:
    wb = openpyxl.load_workbook(rich[1])
    seen = set()
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.value in EVIL:
                    assert c.data_type == "s", (ws.title, c.coordinate, c.value)
                    assert c.hyperlink is None
                    seen.add(c.value)
                if c.data_type == "f":
                    assert "HYPERLINK" not in str(c.value) and "cmd" not in str(c.value)
    assert set(EVIL) <= seen


def test_chart_texts_are_not_references(rich: tuple[Results, Path]) -> None:
    """Chart titles and series names made of user text must not become cell references."""
    with zipfile.ZipFile(rich[1]) as z:
        charts = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/charts/chart")]
    assert charts
    for xml in charts:
        assert "<c:tx><c:strRef>" not in xml  # a title, axis or series name taken from a cell
        for ref in re.findall(r"<c:f>(.*?)</c:f>", xml):
            assert re.fullmatch(r"('[^']+'|[A-Za-z0-9_]+)!\$[A-Z]+\$\d+(:\$[A-Z]+\$\d+)?",
                                html.unescape(ref)), ref
    assert any("HYPERLINK" in xml for xml in charts)  # the measure name, as a title


def test_overlong_text_truncated_visibly_and_reported(rich: tuple[Results, Path]) -> None:
    wb = openpyxl.load_workbook(rich[1])
    long_cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row
                  if isinstance(c.value, str) and c.value.startswith("xxxxxxxx")]
    assert long_cells
    for c in long_cells:
        assert len(c.value) <= 32_767
        assert "TRUNCATED" in c.value
    kinds = [c.value for row in wb["Data quality"].iter_rows() for c in row]
    assert "text truncated" in kinds


def test_data_quality_lists_warnings_findings_and_assumptions(
        thesis: tuple[Results, Path]) -> None:
    results, path = thesis
    ws = openpyxl.load_workbook(path)["Data quality"]
    texts = [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
    for issue in results.warnings:
        assert issue.message in texts
    for finding in results.findings:
        assert finding.message in texts
    assert any(t.startswith("Rp3,500,000 / 30 / 2 / 8 = Rp7,291.67") for t in texts)
    assert "Benefit horizon (months)" in texts


def _objective_cells(path: Path) -> list[tuple[str, object, str]]:
    """(where, value, number format) of every cell showing the ROI objective: its input
    copy, each formula that is only a reference to it, and the Level 5 objective cells of
    the Brief and the Summary; the Data quality's text of it (format "text")."""
    wb = openpyxl.load_workbook(path)
    copies = wb["Input copies"]
    row = find_row(copies, "ROI objective", 2)
    source = copies.cell(row, 3)
    objective = source.value
    cells = [("Input copies", objective, source.number_format)]
    reference = f"='Input copies'!$C${row}"
    for ws in wb.worksheets:
        level_5 = [c.row for c in ws["A"] if str(c.value or "").startswith("5 ROI")]
        for line in ws.iter_rows():
            for c in line:
                if c.value == reference or (c.row in level_5 and ws.title in (
                        "Brief", "Summary") and c.value == objective and c.column > 2):
                    cells.append((f"{ws.title}!{c.coordinate}", c.value, c.number_format))
    quality = wb["Data quality"]
    cells.append(("Data quality", quality.cell(find_row(quality, "ROI objective"), 2).value,
                  "text"))
    return cells


def test_roi_objective_shows_as_typed_on_every_sheet(thesis: tuple[Results, Path]) -> None:
    """One precision for the objective (REPORT.md): 25 % typed reads 25% on the Brief, the
    Summary, Level 5, Input copies and Data quality - not 25.0% here and 25.00% there."""
    cells = _objective_cells(thesis[1])
    where = {w.split("!")[0] for w, _, _ in cells}
    assert {"Input copies", "Brief", "Summary", "Level 5 ROI", "Data quality"} <= where
    assert len(cells) >= 7, cells  # with the level 5 rows of the Brief and the Summary
    formats = {f for _, _, f in cells if f != "text"}
    assert formats == {"0%"}, cells
    assert ("Data quality", "25%", "text") in cells
    # as many decimals as typed, no more, never rounding the value away
    assert typed_decimals([22.5]) == 1 and typed_format(1, pct=True) == "0.0%"
    assert typed_decimals([25.0]) == 0 and typed_decimals([0.125 * 100]) == 1


def _format_decimals(number_format: str) -> int:
    """The decimals a number format shows: '#,##0.00' -> 2, '0%' -> 0."""
    found = re.search(r"0\.(0+)", number_format)
    return len(found.group(1)) if found else 0


@pytest.mark.parametrize("case", ["thesis", "rich"])
def test_input_copies_show_numbers_as_finance_reads_them(
        case: str, request: pytest.FixtureRequest) -> None:
    """Every number on the Input copies sheets has a number format (thousands separated,
    not General's 10025.08) with the decimals its value has: none rounded by its format,
    no decimals added to a column of whole numbers."""
    _, path = request.getfixturevalue(case)
    wb = openpyxl.load_workbook(path)
    sheets = [ws for ws in wb.worksheets if ws.title.startswith("Input copies")]
    assert len(sheets) >= 4
    seen = 0
    for ws in sheets:
        for line in ws.iter_rows(min_row=3):
            for c in line:
                if not isinstance(c.value, (int, float)) or isinstance(c.value, bool):
                    continue
                seen += 1
                fmt = c.number_format
                assert fmt != "General", f"{ws.title}!{c.coordinate} {c.value} in General"
                assert "#,##0" in fmt or "%" in fmt, f"{ws.title}!{c.coordinate}: {fmt}"
                shown = c.value * 100 if "%" in fmt else c.value
                assert _format_decimals(fmt) >= typed_decimals([shown]), \
                    f"{ws.title}!{c.coordinate}: {c.value} rounded by {fmt}"
    assert seen
    impact = wb["Input copies - impact"]
    formats = {c.number_format for line in impact.iter_rows(min_row=4) for c in line
               if isinstance(c.value, (int, float))}
    if case == "thesis":  # 8944 beside 10025.08: one measure, two decimals for all
        assert formats == {'#,##0.00" "'}, formats


def test_input_copies_mark_defaults_and_show_choices_in_the_reports_language(
        thesis: tuple[Results, Path], tmp_path: Path) -> None:
    """Blue means "as entered": a Program field left blank shows the default it took in the
    body font, its source saying so; a measure's choices (Better when, Isolation) read in
    the report's language, as the template's drop-downs offer them."""
    results, path = thesis
    copies = openpyxl.load_workbook(path)["Input copies"]
    rows = {copies.cell(r, 2).value: r for r in range(1, copies.max_row + 1)}
    blue = "FF" + INPUT_FONT.lstrip("#").upper()

    def shown(label: str) -> tuple[object, object, object]:
        c = copies.cell(rows[label], 3)
        rgb = c.font.color.rgb if c.font.color is not None else None
        return copies.cell(rows[label], 1).value, c.value, rgb if isinstance(rgb, str) else None

    # the thesis leaves Discount rate and Annualise blank and types its horizon
    assert results.evaluation.program.discount_rate is None
    assert shown("Discount rate (per year)") == ("Program: blank, default used", 0, None)
    assert shown("Annualise") == ("Program: blank, default used", "no", None)
    assert shown("Benefit horizon (months)") == ("Program", 12, blue)
    measures = openpyxl.load_workbook(path)["Input copies - measures"]
    choices = {(line[4].value, line[5].value) for line in measures.iter_rows(min_row=4)
               if line[1].value}
    assert choices == {("Better when", "Isolation"), ("lower", "none")}  # header, rows
    indonesian = openpyxl.load_workbook(write(results, tmp_path, lang="id"))
    choices = {(line[4].value, line[5].value)
               for line in indonesian["Salinan input - ukuran"].iter_rows(min_row=4)
               if line[1].value}
    assert choices == {("Lebih baik bila", "Isolasi"), ("lebih rendah", "tidak ada")}


def test_more_respondents_than_sent_is_flagged_not_shown_as_a_rate(
        thesis: tuple[Results, Path]) -> None:
    """The thesis's Packer group has 21 follow-up respondents for 19 participants (Surveys
    sent blank): Level 3 flags it where the rate would be and says why, Maker keeps its
    rate, and neither Methodology nor the narrative gives an overall rate built on it."""
    results, path = thesis
    rates = {x.group: x for x in results.application.response}
    assert rates["Packer"].over and not rates["Maker"].over
    wb = openpyxl.load_workbook(path)
    level3 = wb["Level 3 Application"]
    packer, maker = find_row(level3, "Packer", 2), find_row(level3, "Maker", 2)
    assert level3.cell(packer, 7).value == "more than sent"
    assert level3.cell(maker, 7).value == pytest.approx(16 / 30)
    notes = [c.value for line in level3.iter_rows(min_row=packer) for c in line
             if isinstance(c.value, str)]
    assert any(n.startswith("More respondents than surveys sent") for n in notes)
    assert any(n.startswith("Surveys sent left blank") for n in notes)
    method = wb["Methodology"]
    assert method.cell(find_row(method, "3 Application"), 6).value == "n/a"
    paragraph = [c.value for ws in wb.worksheets for line in ws.iter_rows() for c in line
                 if isinstance(c.value, str) and "Response rate: Maker" in c.value]
    assert paragraph and all("Packer 21 of 19 (more than sent)." in p for p in paragraph)
    assert not any("overall" in p for p in paragraph)


def test_counted_words_agree_with_their_count() -> None:
    """English labels say "1 question" and "9 questions", never "question(s)"."""
    t = Labels("en")
    assert t("method_l1_instrument", n=1, scale="1-5") == \
        "Reaction questionnaire: 1 question, scale 1-5"
    assert t("method_l4_rows", measures=2, periods=1) == "2 measures, 1 period"
    assert t("method_l5_timing", months="12.5") == "12.5 months of benefits"
    assert t("method_l5_timing", months="1") == "1 month of benefits"
    assert not [key for key in TEXT if "(s)" in t(key, **dict.fromkeys(
        re.findall(r"\{(\w+)", TEXT[key][0]), "2"))]
    assert Labels("id")("method_l5_timing", months="12") == "12 bulan manfaat"


def test_paragraphs_of_a_sheet_printed_across_pages_end_on_its_first_page(
        rich: tuple[Results, Path]) -> None:
    """The rich case's Level 4 sheet is too wide for one page and prints across pages at
    90 %: its paragraphs are merged only over the columns of the first page (merged over
    all of them, the story was cut at the page's edge and overprinted the next page)."""
    ws = openpyxl.load_workbook(rich[1])["Level 4 Impact"]
    assert ws.page_setup.scale == round(MIN_PRINT_SCALE * 100)

    def px(col: int) -> int:
        width = ws.column_dimensions[get_column_letter(col)].width
        return int((width if width else 8.43) * 7 + 5)

    room = PRINT_WIDTH_PT / MIN_PRINT_SCALE / 0.75 * 0.95  # as LibreOffice prints it
    assert sum(px(c) for c in range(1, ws.max_column + 1)) > room  # wider than a page
    paragraphs = [m for m in ws.merged_cells.ranges if m.min_row == m.max_row
                  and m.min_col == 1 and len(str(ws.cell(m.min_row, 1).value or "")) > 200]
    assert paragraphs
    for m in paragraphs:
        assert sum(px(c) for c in range(1, m.max_col + 1)) <= room, m.coord
        assert sum(px(c) for c in range(1, m.max_col + 1)) > room / 2, m.coord  # not narrow


def test_estimate_sources_in_the_reports_language(rich: tuple[Results, Path],
                                                  tmp_path: Path) -> None:
    """An estimate's Source (participant, supervisor, manager) reads as the Indonesian
    template offers it on an Indonesian report, in the detail and in the input copy."""
    results, _ = rich
    sources = {e.source for e in results.evaluation.estimates if e.source}
    assert len(sources) >= 2
    wb = openpyxl.load_workbook(write(results, tmp_path, lang="id"))
    shown = {c.value for ws in (wb["Level 4 Dampak"], wb["Salinan input - estimasi"])
             for line in ws.iter_rows() for c in line}
    words = {"participant": "peserta", "supervisor": "atasan", "manager": "manajer"}
    assert {words[s] for s in sources} <= shown
    assert not sources & shown


def test_a_blank_program_fact_says_not_stated(rich: tuple[Results, Path]) -> None:
    """The rich case has no evaluation dates: the Brief and the Summary say "not stated"
    beside Evaluation period instead of an empty line."""
    results, path = rich
    assert results.evaluation.program.evaluation_start is None
    wb = openpyxl.load_workbook(path)
    for sheet in ("Brief", "Summary"):
        ws = wb[sheet]
        assert ws.cell(find_row(ws, "Evaluation period"), 2).value == "not stated", sheet


def test_payback_of_a_group_without_positive_benefits_says_never(
        rich: tuple[Results, Path]) -> None:
    """North's benefits are negative: its costs are never paid back, which "n/a" did not
    say while South's line said "not recovered within 6 months"."""
    results, path = rich
    north = next(g for g in results.groups if g.name == "North")
    assert north.benefits < 0 < north.costs
    texts = [c.value for line in openpyxl.load_workbook(path)["Level 5 ROI"].iter_rows()
             for c in line if isinstance(c.value, str)]
    assert "never recovered (no positive benefits)" in texts


def test_level_4_counts_estimates_as_given_and_shows_factors_as_shares(
        rich: tuple[Results, Path]) -> None:
    """Sales (South) has 3 Estimates rows, one left blank: the story says "over 2
    estimates", as "2 of 30 participants gave an estimate" beside it; contribution x
    confidence is a share, shown as a percentage like the two factors it multiplies."""
    results, path = rich
    sales = next(m for m in results.impact.measures if m.measure.name == "Sales")
    assert len(sales.estimates) == 3
    assert sum(e.estimate.annual_improvement is not None for e in sales.estimates) == 2
    ws = openpyxl.load_workbook(path)["Level 4 Impact"]
    story = str(ws["A2"].value)
    assert "over 2 estimates" in story and "2 of 30 participants gave an estimate" in story
    head = next(c for line in ws.iter_rows() for c in line
                if c.value == "Contribution x confidence")
    factors = [ws.cell(head.row + i, head.column) for i in range(1, 5)]
    figures = [f for f in factors if isinstance(f.value, (int, float))
               or str(f.value).startswith("=")]  # not "per Estimates row"
    assert len(figures) == 3 and all(f.number_format == "0.0%" for f in figures)
    assert any(str(f.value).startswith("=") for f in factors)


def test_one_precision_for_months_scores_and_room_for_labels(
        thesis: tuple[Results, Path]) -> None:
    """Seen on the printed pages: the scenario's benefit months as the reported ones
    beside them (12 and 12, not 12 and 12.0); Level 2 scores to 1 decimal as its paragraph
    writes the mean (83.6, not 83.60); the break-even labels of Level 5 merged over A:B
    (wrapped, not cut by the amount in C, in Indonesian); a whole-rupiah unit cost on
    Costs as the amounts beside it (Rp10,000,000, not Rp10,000,000.00)."""
    wb = openpyxl.load_workbook(thesis[1])
    ws = wb["Scenarios"]
    row = find_row(ws, "Benefit months")
    assert ws.cell(row, 2).number_format == ws.cell(row, 3).number_format
    learning = wb["Level 2 Learning"]
    overall = find_row(learning, "Overall")
    assert {learning.cell(overall, c).number_format for c in (6, 7, 8, 9)} == {"#,##0.0"}
    assert {learning.cell(overall - 1, c).number_format for c in (6, 7, 8, 9)} == {"#,##0.0"}
    costs = wb["Costs"]
    unit = costs.cell(find_row(costs, "Unit cost", 5) + 1, 5)
    assert unit.number_format == '"Rp"#,##0', unit.number_format  # as the amounts, whole Rp
    roi_sheet = wb["Level 5 ROI"]
    merged = {str(m) for m in roi_sheet.merged_cells.ranges}
    for label in ("Benefits needed to break even (ROI 0\u00a0%)",
                  "Benefits needed to reach the ROI objective"):
        r = find_row(roi_sheet, label)
        assert f"A{r}:B{r}" in merged, label


# -- writing --------------------------------------------------------------------------------

def test_missing_folder_is_an_output_error(tmp_path: Path) -> None:
    results = evaluate(rich_evaluation())
    with pytest.raises(OutputError, match="does not exist"):
        report.write(results, tmp_path / "nope" / "r.xlsx", None)


def test_locked_target_is_an_output_error_and_leaves_no_temp(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    results = evaluate(rich_evaluation())
    target = tmp_path / "r.xlsx"
    target.write_bytes(b"old")

    def locked(src: object, dst: object) -> None:
        raise PermissionError(13, "locked")

    monkeypatch.setattr(os, "replace", locked)
    monkeypatch.setattr("roti_excel.atomic.REPLACE_PAUSE_S", 0)
    with pytest.raises(OutputError, match="open in another program"):
        report.write(results, target, None)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.xlsx"]
    assert target.read_bytes() == b"old"


def test_failure_while_building_leaves_no_temp(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(report.summary, "write", broken)
    with pytest.raises(OutputError, match="boom"):
        report.write(evaluate(rich_evaluation()), tmp_path / "r.xlsx", None)
    assert list(tmp_path.iterdir()) == []


def test_rewrite_replaces_existing_report(tmp_path: Path) -> None:
    results = evaluate(rich_evaluation())
    target = tmp_path / "r.xlsx"
    target.write_bytes(b"old")
    assert report.write(results, target, None) == target
    assert openpyxl.load_workbook(target).sheetnames[0] == "Brief"
