"""A corpus of hostile and broken input workbooks, each made here from nothing (no binary
blobs in the repository): a good thesis workbook from xlsxwriter, then mutated with
zipfile or raw bytes, or plain bytes for what is not a zip at all.

Each :class:`Case` says what the command line must answer: the message fragment (in a
`FILE: ...` line, at `where` when given), its severity and the exit code of `validate`
and `run` (1 and no report for an error; 0 and a report when only warnings). Used by
tests/test_hostile_cli.py and by the time and memory measurements.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import openpyxl
import xlsxwriter

from roti_excel.input_template import thesis_case as example_case
from tests.test_guard import (
    BILLION_LAUGHS,
    OLE_MAGIC,
    after_declaration,
    before_end_of_sheet_data,
    patch_directory,
    rebuild,
    set_dimension,
)
from tests.workbooks import thesis_workbook, write_workbook

# Parts of the thesis workbook as xlsxwriter writes it (sheets in example_case order).
WORKBOOK = "xl/workbook.xml"
CONTENT_TYPES = "[Content_Types].xml"
PROGRAM_SHEET = "xl/worksheets/sheet1.xml"
COSTS_SHEET = "xl/worksheets/sheet3.xml"  # Costs: title row 1, header row 2 (A Group ...
# F Duration; D is Unit cost), 16 cost lines in rows 3 to 18

Make = Callable[[Path, Path], None]  # (file to write, scratch folder)


@dataclass(frozen=True)
class Case:
    name: str  # the test id
    filename: str  # what the input is called
    make: Make
    fragment: str  # in the message
    severity: Literal["error", "warning"] = "error"
    where: str | None = None  # "SHEET" or "SHEET!CELL" of the message, when it has one

    @property
    def exit_code(self) -> int:
        return 1 if self.severity == "error" else 0


# --------------------------------------------------------------------------- builders


def thesis_base(scratch: Path) -> Path:
    """The good thesis workbook, made once in the scratch folder."""
    base = scratch / "thesis.xlsx"
    if not base.exists():
        scratch.mkdir(parents=True, exist_ok=True)
        thesis_workbook(base)
    return base


def write(data: bytes) -> Make:
    def make(path: Path, _scratch: Path) -> None:
        path.write_bytes(data)
    return make


def thesis_changed(change: dict[str, Callable[[bytes], bytes]] | None = None,
                   drop: tuple[str, ...] = (),
                   add: tuple[tuple[str, bytes], ...] = ()) -> Make:
    """The thesis workbook with zip entries changed, dropped or added."""
    def make(path: Path, scratch: Path) -> None:
        rebuild(thesis_base(scratch), path, change, drop, add)
    return make


def replace(old: bytes, new: bytes) -> Callable[[bytes], bytes]:
    def edit(xml: bytes) -> bytes:
        assert old in xml, f"{old!r} not found"
        return xml.replace(old, new, 1)
    return edit


def ole(stream: str) -> bytes:
    """An OLE compound file whose directory names `stream` (Workbook: a legacy .xls;
    EncryptionInfo: a password-protected .xlsx)."""
    directory = "Root Entry".encode("utf-16-le").ljust(128, b"\0")
    directory += stream.encode("utf-16-le").ljust(128, b"\0")
    return OLE_MAGIC + b"\0" * 504 + directory + b"\0" * 1024


def truncated(path: Path, scratch: Path) -> None:
    data = thesis_base(scratch).read_bytes()
    path.write_bytes(data[: len(data) // 2])


def lying_size(path: Path, scratch: Path) -> None:
    """The Costs sheet declares 200 bytes unpacked; it unpacks to more."""
    path.write_bytes(thesis_base(scratch).read_bytes())
    patch_directory(path, COSTS_SHEET, 24, "<L", 200)


def zip_password(path: Path, scratch: Path) -> None:
    """The Costs sheet flagged as encrypted with a zip password."""
    path.write_bytes(thesis_base(scratch).read_bytes())
    patch_directory(path, COSTS_SHEET, 8, "<H", 1)


def opendocument(path: Path, _scratch: Path) -> None:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", "<office:document-content/>")


def without_costs(path: Path, _scratch: Path) -> None:
    sheets = {k: v for k, v in example_case.SHEETS.items() if k != "Costs"}
    write_workbook(path, example_case.PROGRAM, sheets)


def instructions_only(path: Path, _scratch: Path) -> None:
    wb = xlsxwriter.Workbook(str(path))
    wb.add_worksheet("Instructions").write(0, 0, "Fill in the Program, Costs and Impact sheets")
    wb.close()


def text_unit_cost(path: Path, _scratch: Path) -> None:
    costs = [dict(row) for row in example_case.SHEETS["Costs"]]
    costs[1]["Unit cost"] = "lots"  # row 4
    thesis_workbook(path, Costs=costs)


def openpyxl_formula(path: Path, scratch: Path) -> None:
    """Saved by openpyxl, which does not calculate: every formula has an empty <v/>."""
    wb = openpyxl.load_workbook(thesis_base(scratch))
    wb["Costs"]["D4"] = "=1000*77"
    wb.save(path)


HIDE_COSTS = replace(b'<sheet name="Costs"', b'<sheet name="Costs" state="hidden"')
MACRO_TYPE = replace(
    b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    b"application/vnd.ms-excel.sheet.macroEnabled.main+xml")
EXTERNAL_REFERENCE = replace(
    b"</sheets>", b'</sheets><externalReferences><externalReference r:id="rId99"/>'
    b"</externalReferences>")
EXTERNAL_LINK = (b'<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/'
                 b'main"><externalBook/></externalLink>')
MERGE_D4_D5 = (b'<mergeCells count="1"><mergeCell ref="D4:D5"/></mergeCells>')


def merged_unit_cost(xml: bytes) -> bytes:
    """D4:D5 merged as Excel leaves it: D5's value gone, the range listed after the data."""
    xml = re.sub(rb'<c r="D5"[^>]*>.*?</c>', b"", xml, count=1)
    return xml.replace(b"</sheetData>", b"</sheetData>" + MERGE_D4_D5, 1)


def many_cells(xml: bytes) -> bytes:
    return set_dimension("A1:ZZ100000")(xml)


# --------------------------------------------------------------------------- the corpus

CASES: tuple[Case, ...] = (
    # the file
    Case("empty", "empty.xlsx", write(b""), "the file is empty (0 bytes)"),
    Case("truncated", "cut.xlsx", truncated, "damaged or incomplete: it cannot be unzipped"),
    Case("random_bytes", "noise.xlsx", write(bytes(range(256)) * 40),
         "not an Excel workbook; check you chose the right file"),
    Case("csv_renamed", "export.xlsx", write(b"Code;Unit cost\nEC;100000\nTM;77000\n"),
         "this is a text/CSV file renamed .xlsx; open it in Excel and save as .xlsx"),
    Case("html_renamed", "report.xlsx",
         write(b"<html><body><table><tr><td>EC</td><td>100000</td></tr></table></body></html>"),
         "this is a web page (HTML) renamed .xlsx"),
    Case("password_protected", "locked.xlsx", write(ole("EncryptionInfo")),
         "password-protected workbook: remove the password"),
    Case("legacy_xls", "old.xls", write(ole("Workbook")),
         "legacy .xls workbook (Excel 97-2003): open it and save as Excel Workbook (.xlsx)"),
    Case("xlsb", "binary.xlsb",
         thesis_changed(drop=(WORKBOOK,), add=(("xl/workbook.bin", b"\x83\x01\x00"),)),
         "this is an Excel Binary Workbook (.xlsb); open it in Excel and save as .xlsx"),
    Case("opendocument", "calc.xlsx", opendocument, "this is an OpenDocument file (.ods"),
    # the zip
    Case("zip_bomb_ratio", "bomb.xlsx",
         thesis_changed(add=(("xl/media/image1.png", b"\0" * 20_000_000),)),
         "xl/media/image1.png"),
    Case("lying_sizes", "lying.xlsx", lying_size,
         f"the part {COSTS_SHEET} does not match the size or checksum", "error", "Costs"),
    Case("too_many_entries", "crowded.xlsx",
         thesis_changed(add=tuple((f"xl/media/x{i}.txt", b"x") for i in range(1001))),
         "more than any real workbook"),
    Case("duplicate_entry", "twice.xlsx",
         thesis_changed(add=((COSTS_SHEET, b"<worksheet><sheetData/></worksheet>"),)),
         f"the part {COSTS_SHEET} appears twice"),
    Case("no_content_types", "bare.xlsx", thesis_changed(drop=(CONTENT_TYPES,)),
         "this zip file has no [Content_Types].xml"),
    Case("zip_password", "zipcrypt.xlsx", zip_password, "encrypted with a zip password"),
    Case("sheet_part_missing", "hollow.xlsx", thesis_changed(drop=(COSTS_SHEET,)),
         "sheet 'Costs' is missing from the file", "error", "Costs"),
    # XML
    Case("billion_laughs", "laughs.xlsx",
         thesis_changed({WORKBOOK: after_declaration(BILLION_LAUGHS)}),
         f"a DTD or entity declaration in {WORKBOOK}"),
    Case("dtd_deep_in_sheet", "deep.xlsx",
         thesis_changed({COSTS_SHEET: after_declaration(
             b"<!--" + b"x" * 20_000 + b"-->" + BILLION_LAUGHS)}),
         f"a DTD or entity declaration in {COSTS_SHEET}", "error", "Costs"),
    # sheet extents and cells
    Case("cell_at_XFD1048576", "lastcell.xlsx",
         thesis_changed({COSTS_SHEET: before_end_of_sheet_data(
             b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')}),
         "sheet 'Costs' claims cells up to XFD1048576 (17 billion cells)", "error",
         "Costs!XFD1048576"),
    Case("too_many_cells", "wide.xlsx", thesis_changed({COSTS_SHEET: many_cells}),
         "sheet 'Costs' claims cells up to ZZ100000 (70 million cells)", "error",
         "Costs!ZZ100000"),
    Case("cell_over_32767", "essay.xlsx",
         thesis_changed({COSTS_SHEET: replace(
             b'<c r="C4" t="s"><v>36</v></c>',
             b'<c r="C4" t="inlineStr"><is><t>' + b"x" * 40_000 + b"</t></is></c>")}),
         "text too long in C4 (40,000 characters)", "error", "Costs!C4"),
    # the workbook's content
    Case("costs_sheet_missing", "nocosts.xlsx", without_costs,
         "required sheet 'Costs' (Indonesian: 'Biaya') is missing", "error", "Costs"),
    Case("instructions_only", "instructions.xlsx", instructions_only,
         "required sheet 'Program' (Indonesian: 'Program') is missing", "error", "Program"),
    Case("text_unit_cost", "typo.xlsx", text_unit_cost, "Unit cost is 'lots'; enter a number",
         "error", "Costs!D4"),
    Case("merged_in_costs", "merged.xlsx", thesis_changed({COSTS_SHEET: merged_unit_cost}),
         "merged cells D4:D5 in the data (header row 2 to row 18): only the first cell",
         "error", "Costs!D4"),
    Case("uncomputed_unit_cost", "nocalc.xlsx",
         thesis_changed({COSTS_SHEET: replace(b'<c r="D4"><v>77000</v></c>',
                                              b'<c r="D4"><f>1000*77</f></c>')}),
         "formula in D4 has no stored value", "error", "Costs!D4"),
    Case("openpyxl_formula", "openpyxl.xlsx", openpyxl_formula,
         "so the value read would be blank; open and save it in Excel or LibreOffice so the "
         "values are calculated", "error", "Costs!D4"),
    # warnings only: read, reported, and a report written
    Case("hidden_costs", "hidden.xlsx", thesis_changed({WORKBOOK: HIDE_COSTS}),
         "sheet 'Costs' is hidden; its data IS used", "warning", "Costs"),
    Case("external_link", "linked.xlsx",
         thesis_changed({WORKBOOK: EXTERNAL_REFERENCE},
                        add=(("xl/externalLinks/externalLink1.xml", EXTERNAL_LINK),)),
         "external links are not followed", "warning"),
    Case("macro_enabled", "macro.xlsm",
         thesis_changed({CONTENT_TYPES: MACRO_TYPE},
                        add=(("xl/vbaProject.bin", b"not really VBA " * 64),)),
         "macros are never run; only the values stored in the file are read", "warning"),
    Case("uncomputed_outside_table", "helper.xlsx",
         thesis_changed({COSTS_SHEET: replace(
             b'<c r="F3"><v>1</v></c></row>',
             b'<c r="F3"><v>1</v></c><c r="H3"><f>D3*E3*F3</f></c></row>')}),
         "formula in H3 has no stored value", "warning", "Costs!H3"),
)

# Merged cells outside every table (a title row): not reported at all.
MERGED_TITLE = Case("merged_title_row", "title.xlsx", thesis_changed({COSTS_SHEET: replace(
    b"</sheetData>", b'</sheetData><mergeCells count="1"><mergeCell ref="A1:F1"/></mergeCells>')}),
    "", "warning")
