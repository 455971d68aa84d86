"""The guard judges a file before any parser touches it.

Every bad input is made here: a good workbook from xlsxwriter, then mutated with zipfile
or raw bytes. Each case checks the message, its severity, that the input bytes are
unchanged, and that the guard took under 3 seconds.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import struct
import time
import warnings
import zipfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import pytest
import xlsxwriter

from roti_excel.issues import Issue, Severity
from roti_excel.reading.guard import DEFAULT_LIMITS, GuardResult, Limits, SheetFacts, inspect_file

SHEET1 = "xl/worksheets/sheet1.xml"
WORKBOOK = "xl/workbook.xml"
CONTENT_TYPES = "[Content_Types].xml"
SHARED = "xl/sharedStrings.xml"
OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")  # legacy .xls and encrypted workbooks

Edit = Callable[[bytes], bytes]


# --------------------------------------------------------------------------- helpers


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def judge(path: Path, limits: Limits = DEFAULT_LIMITS) -> GuardResult:
    """Run the guard; the input must be unchanged and the run bounded (30 s: far above the
    ~0.5 s a loaded machine takes, far below a zip bomb's minutes; speed itself is measured
    in benchmarks/, not asserted here)."""
    before = digest(path) if path.is_file() else None
    start = time.perf_counter()
    result = inspect_file(path, limits)
    elapsed = time.perf_counter() - start
    assert elapsed < 30.0, f"guard took {elapsed:.2f} s"
    if before is not None:
        assert digest(path) == before, "the guard changed its input"
    return result


def the(result: GuardResult, severity: Severity, fragment: str) -> Issue:
    """The first issue of `severity` whose message contains `fragment`."""
    for issue in result.issues:
        if issue.severity == severity and fragment in issue.message:
            return issue
    shown = "\n".join(i.format() for i in result.issues) or "(no issues)"
    raise AssertionError(f"no {severity} containing {fragment!r} in:\n{shown}")


def refused(path: Path, fragment: str, limits: Limits = DEFAULT_LIMITS) -> Issue:
    result = judge(path, limits)
    assert not result.ok
    return the(result, "error", fragment)


def good_workbook(path: Path, setup: Callable[..., None] | None = None) -> Path:
    """Data (header + 5 rows, A1:C6, shared strings) and Notes (A1)."""
    wb = xlsxwriter.Workbook(str(path))
    data = wb.add_worksheet("Data")
    data.write_row(0, 0, ["Name", "Score", "Trained on"])
    for r in range(1, 6):
        data.write_row(r, 0, [f"Person {r}", r * 10, "2024-01-15"])
    notes = wb.add_worksheet("Notes")
    notes.write(0, 0, "free text")
    if setup is not None:
        setup(wb, data, notes)
    wb.close()
    return path


def rebuild(src: Path, dst: Path, change: Mapping[str, Edit] | None = None,
            drop: Iterable[str] = (), add: Iterable[tuple[str, bytes]] = ()) -> Path:
    """A copy of the zip `src` with entries changed, dropped or added (in that order)."""
    change = change or {}
    dropped = set(drop)
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename in dropped:
                continue
            data = zin.read(info)
            if info.filename in change:
                data = change[info.filename](data)
            zout.writestr(info.filename, data)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "Duplicate name" is what some tests want
            for name, data in add:
                zout.writestr(name, data)
    return dst


def before_end_of_sheet_data(xml: bytes) -> Edit:
    return lambda sheet: sheet.replace(b"</sheetData>", xml + b"</sheetData>")


def set_dimension(ref: str) -> Edit:
    return lambda sheet: re.sub(rb'<dimension ref="[^"]*"', f'<dimension ref="{ref}"'.encode(),
                                sheet)


def mutated(tmp_path: Path, change: Mapping[str, Edit] | None = None,
            drop: Iterable[str] = (), add: Iterable[tuple[str, bytes]] = (),
            setup: Callable[..., None] | None = None) -> Path:
    base = good_workbook(tmp_path / "base.xlsx", setup)
    return rebuild(base, tmp_path / "input.xlsx", change, drop, add)


def patch_directory(path: Path, name: str, offset: int, fmt: str, value: int) -> None:
    """Overwrite one field of an entry's central directory record (offset in the record)."""
    data = bytearray(path.read_bytes())
    pos = data.find(b"PK\x01\x02")
    while pos >= 0:
        name_len = struct.unpack_from("<H", data, pos + 28)[0]
        if data[pos + 46:pos + 46 + name_len] == name.encode():
            struct.pack_into(fmt, data, pos + offset, value)
            path.write_bytes(bytes(data))
            return
        pos = data.find(b"PK\x01\x02", pos + 46)
    raise AssertionError(f"{name} not in the central directory")


BILLION_LAUGHS = (
    b'<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
               for i in range(1, 10))
    + b"]>"
)


def after_declaration(insert: bytes) -> Edit:
    return lambda xml: xml.replace(b"?>", b"?>" + insert, 1)


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return good_workbook(tmp_path / "good.xlsx")


# --------------------------------------------------------------------------- good input


class TestGoodWorkbook:
    def test_good_workbook_has_no_issues(self, good: Path) -> None:
        """A plain xlsxwriter workbook passes with no issue and its sheets described."""
        result = judge(good)
        assert result.ok
        assert result.issues == []
        assert not result.is_macro_enabled
        assert result.sheets == [SheetFacts("Data", hidden=False, dimension="A1:C6"),
                                 SheetFacts("Notes", hidden=False, dimension="A1")]

    def test_path_as_string(self, good: Path) -> None:
        """A str path is accepted like a Path."""
        assert inspect_file(str(good)).ok

    def test_feature_rich_workbook_passes(self, tmp_path: Path) -> None:
        """Tables, charts, a chart sheet, comments, validation, links: no false alarm."""
        def features(wb: Any, data: Any, notes: Any) -> None:
            data.add_table("E1:F4", {"columns": [{"header": "Key"}, {"header": "Value"}]})
            data.write_comment("A1", "a comment")
            data.data_validation("B2:B6", {"validate": "integer", "criteria": ">", "value": 0})
            data.conditional_format("B2:B6", {"type": "cell", "criteria": ">", "value": 20,
                                              "format": wb.add_format({"bold": True})})
            data.write_formula("B7", "=SUM(B2:B6)", None, 150)
            data.write_url("A8", "https://example.org", string="site")
            data.freeze_panes(1, 0)
            wb.define_name("Scores", "=Data!$B$2:$B$6")
            chart = wb.add_chart({"type": "column"})
            chart.add_series({"values": "=Data!$B$2:$B$6"})
            data.insert_chart("H2", chart)
            line = wb.add_chart({"type": "line"})
            line.add_series({"values": "=Data!$B$2:$B$6"})
            wb.add_chartsheet("Chart").set_chart(line)
        result = judge(good_workbook(tmp_path / "rich.xlsx", features))
        assert result.issues == []
        assert [(s.name, s.kind) for s in result.sheets] == [
            ("Data", "worksheet"), ("Notes", "worksheet"), ("Chart", "chartsheet")]

    def test_hundred_thousand_rows_are_fast(self, tmp_path: Path) -> None:
        """A 100,000-row x 10-column sheet (45 MB of XML) is judged in under 3 s."""
        def row(r: int) -> str:
            cells = "".join(f'<c r="{c}{r}"><v>{r * 7 % 1000}.5</v></c>' for c in "BCDEFGHIJ")
            return f'<row r="{r}" spans="1:10"><c r="A{r}" t="s"><v>{r % 5}</v></c>{cells}</row>'
        rows = "".join(row(r) for r in range(1, 100_001)).encode()

        def big(sheet: bytes) -> bytes:
            sheet = re.sub(rb"<sheetData>.*</sheetData>", lambda _: b"<sheetData>" + rows
                           + b"</sheetData>", sheet, flags=re.S)
            return set_dimension("A1:J100000")(sheet)

        result = judge(mutated(tmp_path, {SHEET1: big}))
        assert result.ok, [i.format() for i in result.issues]
        assert result.sheets[0].dimension == "A1:J100000"


# --------------------------------------------------------------------------- the file


class TestFileAccess:
    def test_missing_file(self, tmp_path: Path) -> None:
        """A path that does not exist is an error, not an exception."""
        the(judge(tmp_path / "nope.xlsx"), "error", "file not found")

    def test_directory(self, tmp_path: Path) -> None:
        """A folder is refused with a message saying it is a folder."""
        folder = tmp_path / "book.xlsx"
        folder.mkdir()
        the(judge(folder), "error", "folder, not a file")

    def test_empty_file(self, tmp_path: Path) -> None:
        """A 0-byte file is refused as empty."""
        empty = tmp_path / "empty.xlsx"
        empty.write_bytes(b"")
        assert refused(empty, "empty (0 bytes)").severity == "error"

    def test_unreadable_file(self, good: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """A file that cannot be opened (permission denied) is an error saying so."""
        def denied(*_args: object, **_kwargs: object) -> int:
            raise PermissionError(13, "Permission denied")
        monkeypatch.setattr(os, "open", denied)
        the(judge(good), "error", "permission denied")

    @pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
    def test_named_pipe_is_not_opened(self, tmp_path: Path) -> None:
        """A named pipe is refused without opening it (opening would block)."""
        pipe = tmp_path / "pipe.xlsx"
        os.mkfifo(pipe)
        the(judge(pipe), "error", "not an ordinary file")

    def test_file_over_size_limit(self, good: Path) -> None:
        """A file larger than max_file_bytes is refused before it is read."""
        refused(good, "more than the", Limits(max_file_bytes=1000))


class TestFileKind:
    def test_password_protected_ole(self, tmp_path: Path) -> None:
        """An OLE file with an EncryptionInfo stream is a password-protected workbook."""
        path = tmp_path / "locked.xlsx"
        directory = "Root Entry".encode("utf-16-le").ljust(128, b"\0")
        directory += "EncryptionInfo".encode("utf-16-le").ljust(128, b"\0")
        path.write_bytes(OLE_MAGIC + b"\0" * 504 + directory + b"\0" * 1024)
        issue = refused(path, "password-protected workbook")
        assert "remove the password" in issue.message

    def test_legacy_xls(self, tmp_path: Path) -> None:
        """An OLE file without EncryptionInfo is a legacy .xls to save as .xlsx."""
        path = tmp_path / "old.xlsx"
        directory = "Root Entry".encode("utf-16-le").ljust(128, b"\0")
        directory += "Workbook".encode("utf-16-le").ljust(128, b"\0")
        path.write_bytes(OLE_MAGIC + b"\0" * 504 + directory + b"\0" * 1024)
        issue = refused(path, "legacy .xls")
        assert "save as Excel Workbook (.xlsx)" in issue.message

    def test_csv_renamed(self, tmp_path: Path) -> None:
        """CSV text renamed .xlsx is named as such, with what to do."""
        path = tmp_path / "data.xlsx"
        path.write_text("Name;Score\nAni;80\nBudi;75\n", encoding="utf-8")
        refused(path, "text/CSV file renamed .xlsx; open it in Excel and save as .xlsx")

    def test_html_renamed(self, tmp_path: Path) -> None:
        """An HTML table saved as .xls/.xlsx (common system export) is named a web page."""
        path = tmp_path / "export.xlsx"
        path.write_text("<html><body><table><tr><td>1</td></tr></table></body></html>")
        refused(path, "web page (HTML)")

    def test_random_bytes(self, tmp_path: Path) -> None:
        """Binary content of no known kind is 'not an Excel workbook'."""
        path = tmp_path / "noise.xlsx"
        path.write_bytes(bytes(range(256)) * 40)
        refused(path, "not an Excel workbook")

    def test_xlsb(self, tmp_path: Path) -> None:
        """A zip with xl/workbook.bin is an .xlsb, to save as .xlsx."""
        path = mutated(tmp_path, drop=[WORKBOOK], add=[("xl/workbook.bin", b"\x83\x01\x00")])
        refused(path, "Excel Binary Workbook (.xlsb)")

    def test_word_document(self, tmp_path: Path) -> None:
        """A Word document renamed .xlsx is named as one."""
        path = tmp_path / "letter.xlsx"
        with zipfile.ZipFile(path, "w") as z:
            z.writestr(CONTENT_TYPES, "<Types/>")
            z.writestr("word/document.xml", "<document/>")
        refused(path, "Word document")


# --------------------------------------------------------------------------- the zip


class TestZipContainer:
    def test_truncated(self, good: Path, tmp_path: Path) -> None:
        """A zip cut short (no central directory) is damaged or incomplete."""
        path = tmp_path / "cut.xlsx"
        path.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
        refused(path, "damaged or incomplete")

    def test_duplicate_entry(self, tmp_path: Path) -> None:
        """Two entries with one name (readers may pick either) are refused."""
        evil = b'<worksheet><sheetData><row r="1"><c r="XFD1048576"><v>1</v></c></row>' \
               b"</sheetData></worksheet>"
        path = mutated(tmp_path, add=[(SHEET1, evil)])
        refused(path, f"the part {SHEET1} appears twice")

    def test_too_many_entries(self, tmp_path: Path) -> None:
        """More entries than max_entries is refused before zipfile loads them."""
        path = mutated(tmp_path, add=[(f"xl/media/x{i}.txt", b"x") for i in range(1001)])
        refused(path, "parts")

    def test_total_uncompressed_over_limit(self, good: Path) -> None:
        """The declared unpacked total over the limit is refused before any read."""
        refused(good, "the workbook unpacks to", Limits(max_total_uncompressed=2000))

    def test_entry_over_limit(self, good: Path) -> None:
        """One entry declared over max_entry_bytes is refused before it is read."""
        issue = refused(good, "parts too large once unpacked", Limits(max_entry_bytes=600))
        assert "[Content_Types].xml (1.3 KB)" in issue.message

    def test_ratio_bomb(self, tmp_path: Path) -> None:
        """An entry compressed over 100:1 is a zip bomb, refused without unpacking."""
        path = mutated(tmp_path, add=[("xl/media/image1.png", b"\0" * 20_000_000)])
        issue = refused(path, "zip bomb")
        assert "xl/media/image1.png" in issue.message

    def test_lying_declared_size(self, good: Path) -> None:
        """An entry that unpacks past the size its zip declares is caught while streaming."""
        patch_directory(good, SHEET1, 24, "<L", 200)  # uncompressed size
        refused(good, "does not match the size or checksum")

    def test_zip_password(self, good: Path) -> None:
        """Entries flagged as encrypted (a zip password) are refused with what to do."""
        patch_directory(good, SHEET1, 8, "<H", 1)  # general purpose flag: encrypted
        refused(good, "encrypted with a zip password")

    def test_missing_content_types(self, tmp_path: Path) -> None:
        """A zip without [Content_Types].xml is not a workbook."""
        refused(mutated(tmp_path, drop=[CONTENT_TYPES]), "[Content_Types].xml")

    def test_missing_workbook_part(self, tmp_path: Path) -> None:
        """A zip without xl/workbook.xml is not a workbook."""
        refused(mutated(tmp_path, drop=[WORKBOOK]), "xl/workbook.xml is missing")


# --------------------------------------------------------------------------- XML


class TestXmlSafety:
    def test_billion_laughs_in_workbook(self, tmp_path: Path) -> None:
        """A DTD with nested entities in workbook.xml is refused before parsing."""
        path = mutated(tmp_path, {WORKBOOK: after_declaration(BILLION_LAUGHS)})
        issue = refused(path, "DTD or entity declaration")
        assert WORKBOOK in issue.message

    def test_doctype_after_long_comment_in_sheet(self, tmp_path: Path) -> None:
        """A DTD pushed past the first KB by a comment is still found (whole stream)."""
        insert = b"<!--" + b"x" * 20_000 + b"-->" + BILLION_LAUGHS
        path = mutated(tmp_path, {SHEET1: after_declaration(insert)})
        issue = refused(path, "DTD or entity declaration")
        assert issue.sheet == "Data"

    def test_utf16_doctype_in_shared_strings(self, tmp_path: Path) -> None:
        """A DTD in a UTF-16 part is found too."""
        def to_utf16(xml: bytes) -> bytes:
            text = xml.decode().replace('encoding="UTF-8"', 'encoding="UTF-16"')
            text = text.replace("?>", "?>" + BILLION_LAUGHS.decode(), 1)
            return codecs.BOM_UTF16_LE + text.encode("utf-16-le")
        refused(mutated(tmp_path, {SHARED: to_utf16}), "DTD or entity declaration")

    def test_doctype_in_styles(self, tmp_path: Path) -> None:
        """A DTD in a part the guard does not interpret (styles.xml) is refused too."""
        path = mutated(tmp_path, {"xl/styles.xml": after_declaration(BILLION_LAUGHS)})
        assert "xl/styles.xml" in refused(path, "DTD or entity declaration").message

    def test_malformed_workbook_xml(self, tmp_path: Path) -> None:
        """workbook.xml that is not XML is a damaged workbook."""
        path = mutated(tmp_path, {WORKBOOK: lambda xml: xml[: len(xml) // 2]})
        refused(path, "is not valid XML")


# --------------------------------------------------------------------------- workbook


class TestWorkbookParts:
    def test_hidden_sheet(self, tmp_path: Path) -> None:
        """A hidden sheet is a fact (SheetFacts.hidden), not a guard issue: the reader
        warns only for the hidden sheets whose data it uses."""
        path = good_workbook(tmp_path / "hidden.xlsx", lambda wb, data, notes: notes.hide())
        result = judge(path)
        assert result.ok and not result.issues
        assert [s.hidden for s in result.sheets] == [False, True]

    def test_very_hidden_sheet(self, tmp_path: Path) -> None:
        """A veryHidden sheet is hidden too."""
        path = good_workbook(tmp_path / "vh.xlsx", lambda wb, data, notes: notes.very_hidden())
        result = judge(path)
        assert result.ok and result.sheets[1].hidden

    def test_external_links(self, tmp_path: Path) -> None:
        """External references are a warning that stored values are used."""
        link = (b'<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/'
                b'main"><externalBook/></externalLink>')
        path = mutated(
            tmp_path,
            {WORKBOOK: lambda xml: xml.replace(
                b"</sheets>", b'</sheets><externalReferences><externalReference r:id="rId9"/>'
                b"</externalReferences>")},
            add=[("xl/externalLinks/externalLink1.xml", link)])
        result = judge(path)
        assert result.ok
        the(result, "warning", "external links are not followed")

    def test_macro_enabled(self, tmp_path: Path) -> None:
        """A macro-enabled content type sets is_macro_enabled and warns macros never run."""
        macro = b"application/vnd.ms-excel.sheet.macroEnabled.main+xml"
        path = mutated(tmp_path, {CONTENT_TYPES: lambda xml: xml.replace(
            b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
            macro)})
        result = judge(path)
        assert result.ok
        assert result.is_macro_enabled
        the(result, "warning", "macros are never run; only the values")

    def test_sheet_part_missing(self, tmp_path: Path) -> None:
        """A sheet whose part is absent from the zip is an error naming the sheet."""
        issue = refused(mutated(tmp_path, drop=["xl/worksheets/sheet2.xml"]),
                        "missing from the file")
        assert issue.sheet == "Notes"


# --------------------------------------------------------------------------- sheets


class TestSharedStringIndexes:
    """A text cell points at the shared texts by number; a number past them, negative or
    missing made calamine show text number 0 in its place without a word."""

    @staticmethod
    def pointing_at(tmp_path: Path, index: bytes) -> Path:
        def edit(xml: bytes) -> bytes:
            changed, n = re.subn(rb'(<c r="A2" t="s"><v>)[0-9]+(</v>)',
                                 rb"\g<1>" + index + rb"\g<2>", xml)
            assert n == 1
            return changed
        return mutated(tmp_path, {SHEET1: edit})

    @pytest.mark.parametrize("index", [b"-1", b"", b"x"])
    def test_not_a_number(self, tmp_path: Path, index: bytes) -> None:
        """-1, nothing, a word: the cell is named."""
        issue = refused(self.pointing_at(tmp_path, index), "text cell A2 of sheet 'Data' "
                        "does not say which text it holds")
        assert (issue.sheet, issue.cell) == ("Data", "A2")

    def test_past_the_texts(self, tmp_path: Path) -> None:
        """An index past the last shared text: how many there are is said."""
        refused(self.pointing_at(tmp_path, b"99"), "uses text number 100 but the file holds")

    def test_far_past_any_file(self, tmp_path: Path) -> None:
        """2^64 is past any file, not a number to print."""
        refused(self.pointing_at(tmp_path, b"18446744073709551616"),
                "uses a text number past any file's")

    def test_the_last_text_is_fine(self, tmp_path: Path) -> None:
        """The last index of the shared texts is read as usual."""
        with zipfile.ZipFile(good_workbook(tmp_path / "g.xlsx")) as z:
            count = z.read("xl/sharedStrings.xml").count(b"<si>")
        assert inspect_file(self.pointing_at(tmp_path, str(count - 1).encode())).ok


class TestSheetsCleared:
    """A parser may start on a sheet as soon as the guard tells it is cleared: only after
    every part read on opening the workbook is judged safe, and never after an error."""

    @staticmethod
    def told(path: Path) -> tuple[list[str], bool]:
        names: list[str] = []
        result = inspect_file(path, cleared=names.append)
        return names, result.ok

    def test_each_sheet_of_a_good_workbook(self, good: Path) -> None:
        assert self.told(good) == (["Data", "Notes"], True)

    def test_none_when_a_part_read_on_opening_is_unsafe(self, tmp_path: Path) -> None:
        """styles.xml comes after the sheets in the zip; it is judged before any is cleared."""
        path = mutated(tmp_path, {"xl/styles.xml": after_declaration(BILLION_LAUGHS)})
        assert self.told(path) == ([], False)

    def test_none_after_a_refused_sheet(self, tmp_path: Path) -> None:
        cell = b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
        path = mutated(tmp_path, {SHEET1: before_end_of_sheet_data(cell)})
        assert self.told(path) == ([], False)

    def test_the_sheets_before_a_refused_one(self, tmp_path: Path) -> None:
        """The first sheet may have been parsed already; the result still says not ok."""
        cell = b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
        path = mutated(tmp_path, {"xl/worksheets/sheet2.xml": before_end_of_sheet_data(cell)})
        assert self.told(path) == (["Data"], False)


class TestReferencesAmongManyCells:
    """A large sheet's pieces are judged by their last reference and one search for any
    other: a far or oddly written reference in the middle of thousands of ordinary cells
    (not the last one, where a single look would see it) is still found."""

    ROWS = 40_000  # about 2 MB of sheet XML: several pieces

    @classmethod
    def sheet(cls, tmp_path: Path, odd: bytes, at_row: int = 15_000) -> Path:
        """The Data sheet with ROWS rows of three cells, row `at_row` holding `odd` too."""
        def rows(xml: bytes) -> bytes:
            body = b"".join(
                b'<row r="%d"><c r="A%d"><v>%d</v></c><c r="B%d" t="s"><v>1</v></c>'
                b'<c r="C%d"><v>2</v></c>%s</row>' % (r, r, r, r, r, odd if r == at_row else b"")
                for r in range(7, cls.ROWS))
            xml = set_dimension(f"A1:C{cls.ROWS - 1}")(xml)
            return xml.replace(b"</sheetData>", body + b"</sheetData>")
        return mutated(tmp_path, {SHEET1: rows})

    def test_ordinary_cells_pass(self, tmp_path: Path) -> None:
        result = judge(self.sheet(tmp_path, b""))
        assert result.ok, [i.format() for i in result.issues]

    @pytest.mark.parametrize("ref", [b"XFD1048576", b"xfd1048576", b"XFD01048576"])
    def test_far_cell(self, tmp_path: Path, ref: bytes) -> None:
        """The cell python-calamine aborts on, in capitals, small letters, a leading 0."""
        refused(self.sheet(tmp_path, b'<c r="%s"><v>1</v></c>' % ref), "claims cells up to")

    def test_far_row_only(self, tmp_path: Path) -> None:
        refused(self.sheet(tmp_path, b'<c r="A1048577"><v>1</v></c>'), "past Excel's last cell")

    def test_far_column_only(self, tmp_path: Path) -> None:
        refused(self.sheet(tmp_path, b'<c r="XFE9"><v>1</v></c>'), "past Excel's last cell")

    def test_text_number_past_the_texts(self, tmp_path: Path) -> None:
        refused(self.sheet(tmp_path, b'<c r="D9" t="s"><v>99</v></c>'),
                "uses text number 100 but the file holds")

    @pytest.mark.parametrize("cell", [b'<c r="D9" t="s"><v>-1</v></c>',
                                      b'<c r="D9" s="0" t = "s"><v>x</v></c>',
                                      b"<c r='D9' t='s'><v></v></c>"])
    def test_text_number_not_a_number(self, tmp_path: Path, cell: bytes) -> None:
        refused(self.sheet(tmp_path, cell), "does not say which text it holds")

    def test_row_element_far_away(self, tmp_path: Path) -> None:
        """Cells without r= after a far <row r=...> take that row."""
        refused(self.sheet(tmp_path, b'</row><row r="1048576">' + b"<c><v>1</v></c>" * 20),
                "claims cells up to")


class TestSheetScan:
    def test_dimension_to_last_cell(self, tmp_path: Path) -> None:
        """A <dimension> up to XFD1048576 is refused with the cell count and what to do."""
        issue = refused(mutated(tmp_path, {SHEET1: set_dimension("A1:XFD1048576")}),
                        "claims cells up to XFD1048576 (17 billion cells)")
        assert (issue.sheet, issue.cell) == ("Data", "XFD1048576")
        assert "delete the unused rows/columns" in issue.message

    def test_cell_at_last_cell(self, tmp_path: Path) -> None:
        """One cell at XFD1048576 (python-calamine aborts the process on it) is refused."""
        cell = b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
        issue = refused(mutated(tmp_path, {SHEET1: before_end_of_sheet_data(cell)}),
                        "claims cells up to XFD1048576")
        assert issue.sheet == "Data"

    def test_cell_past_excel_limits(self, tmp_path: Path) -> None:
        """A cell beyond column XFD is a damaged file."""
        cell = b'<row r="7"><c r="XFE7"><v>1</v></c></row>'
        refused(mutated(tmp_path, {SHEET1: before_end_of_sheet_data(cell)}),
                "past Excel's last cell")

    def test_cells_without_references(self, tmp_path: Path) -> None:
        """Cells without r= take their row's position: a far row of them is still caught."""
        cells = b'<row r="1048576">' + b"<c><v>1</v></c>" * 20 + b"</row>"
        refused(mutated(tmp_path, {SHEET1: before_end_of_sheet_data(cells)}),
                "claims cells up to")

    def test_prefixed_xml(self, tmp_path: Path) -> None:
        """Sheet XML with a namespace prefix (x:c) is scanned the same way."""
        def prefixed(xml: bytes) -> bytes:
            xml = before_end_of_sheet_data(
                b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')(xml)
            xml = re.sub(rb"<(/?)([A-Za-z])", rb"<\1x:\2", xml)
            return xml.replace(b'xmlns="', b'xmlns:x="', 1)
        refused(mutated(tmp_path, {SHEET1: prefixed}), "claims cells up to XFD1048576")

    def test_utf16_sheet(self, tmp_path: Path) -> None:
        """A UTF-16 sheet is transcoded for the scan: its far cell is caught."""
        def to_utf16(xml: bytes) -> bytes:
            xml = set_dimension("A1:XFD1048576")(xml)
            text = xml.decode().replace('encoding="UTF-8"', 'encoding="UTF-16"')
            return codecs.BOM_UTF16_LE + text.encode("utf-16-le")
        refused(mutated(tmp_path, {SHEET1: to_utf16}), "claims cells up to XFD1048576")

    def test_merged_cells(self, tmp_path: Path) -> None:
        """Merged ranges are a warning listing them and are exposed in SheetFacts.merged."""
        path = good_workbook(tmp_path / "merged.xlsx",
                             lambda wb, data, notes: data.merge_range("B8:D8", "Total"))
        result = judge(path)
        assert result.ok
        issue = the(result, "warning", "merged cells B8:D8 — unmerge them")
        assert (issue.sheet, issue.cell) == ("Data", "B8")
        assert result.sheets[0].merged == ("B8:D8",)

    def test_merged_range_too_large(self, tmp_path: Path) -> None:
        """A merged range over the whole sheet (openpyxl would run out of memory) is refused."""
        merge = b'<mergeCells count="1"><mergeCell ref="A8:XFD1048576"/></mergeCells>'
        path = mutated(tmp_path, {SHEET1: lambda xml: xml.replace(b"</sheetData>",
                                                                  b"</sheetData>" + merge)})
        issue = refused(path, "merged cells A8:XFD1048576 covering too many cells")
        assert issue.cell == "A8"

    def test_formula_without_value(self, tmp_path: Path) -> None:
        """A formula with no stored <v> is a warning naming the cell and what to do."""
        cell = b'<row r="9"><c r="C9"><f>SUM(B2:B6)</f></c></row>'
        result = judge(mutated(tmp_path, {SHEET1: before_end_of_sheet_data(cell)}))
        assert result.ok
        issue = the(result, "warning", "formula in C9 has no stored value")
        assert (issue.sheet, issue.cell) == ("Data", "C9")
        assert "open and save it in Excel or LibreOffice" in issue.message

    def test_formula_with_value_is_fine(self, tmp_path: Path) -> None:
        """A formula saved with its value (as Excel writes it) raises nothing."""
        cell = b'<row r="9"><c r="C9"><f>SUM(B2:B6)</f><v>150</v></c></row>'
        assert judge(mutated(tmp_path, {SHEET1: before_end_of_sheet_data(cell)})).issues == []

    def test_long_inline_string(self, tmp_path: Path) -> None:
        """An inline string of 40,000 characters is an error naming the cell."""
        cell = (b'<row r="9"><c r="B9" t="inlineStr"><is><t>' + b"x" * 40_000
                + b"</t></is></c></row>")
        issue = refused(mutated(tmp_path, {SHEET1: before_end_of_sheet_data(cell)}),
                        "B9 (40,000 characters)")
        assert (issue.sheet, issue.cell) == ("Data", "B9")

    def test_long_shared_string(self, tmp_path: Path) -> None:
        """A shared string of 40,000 characters is an error naming the cell that uses it."""
        path = mutated(tmp_path, {SHARED: lambda xml: xml.replace(
            b"<t>Person 1</t>", b"<t>" + "é".encode() * 40_000 + b"</t>")})
        issue = refused(path, "(40,000 characters)")
        assert (issue.sheet, issue.cell) == ("Data", "A2")


class TestCapacity:
    """Each input sheet has a stated capacity (Limits.table_rows, docs/contract.md); a
    table beyond it is refused by the guard, before any parser runs, at its last row."""

    def test_costs_beyond_capacity_refused_in_the_users_language(self, tmp_path: Path) -> None:
        from dataclasses import replace

        from roti_excel import load
        from roti_excel.input_template import thesis_case
        from tests.workbooks import thesis_workbook

        limits = replace(DEFAULT_LIMITS, table_rows=(("costs", 30),))
        lines = [dict(thesis_case.SHEETS["Costs"][0], Description=f"line {i}")
                 for i in range(40)]
        path = thesis_workbook(tmp_path / "long.xlsx", Costs=lines)
        issue = refused(path, "beyond the 30 rows roti-excel takes on this sheet", limits)
        assert (issue.sheet, issue.cell) == ("Costs", "A42")
        assert "reaches row 42" in issue.message
        assert "reaches row 42" not in issue.in_language("id")
        assert "melebihi 30 baris" in issue.in_language("id")
        # at the default capacity the same workbook is fine
        assert load(path).ok

    def test_default_capacities_are_stated_for_every_table(self) -> None:
        from roti_excel import schema

        stated = dict(DEFAULT_LIMITS.table_rows)
        for sheet in schema.SHEETS:
            if sheet.key != "program":
                assert sheet.key in stated, sheet.key
        assert stated["costs"] == 50_000 and stated["reaction"] == 200_000


class TestStyleIndexes:
    """A cell's style index past the file's styles (a damaged or crafted file) can only
    drop a number format: a number reads unchanged, and a date becomes a number that the
    reader refuses at its cell. Loud, never a silently different value."""

    @staticmethod
    def _restyled(tmp_path: Path, sheet: str, cell: bytes, style: bytes) -> Path:
        from roti_excel.resources import resource_dir

        src = resource_dir("input_templates") / "roti_example_en.xlsx"
        out = tmp_path / f"styled_{style.decode(errors='replace')[:8]}.xlsx"
        with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w") as zout:
            for info in zin.infolist():
                data = zin.read(info)
                if info.filename == sheet:
                    changed = re.sub(rb'(<c r="' + cell + rb'") s="\d+"', rb'\1 s="' + style
                                     + rb'"', data, count=1)
                    assert changed != data
                    data = changed
                zout.writestr(info, data)
        return out

    @pytest.mark.parametrize("style", [b"9999", b"-1", b"18446744073709551616"])
    def test_a_date_cell_loses_its_format_and_is_refused(self, tmp_path: Path,
                                                         style: bytes) -> None:
        from roti_excel import load

        loaded = load(self._restyled(tmp_path, "xl/worksheets/sheet2.xml", b"B10", style))
        assert not loaded.ok
        assert any("Program!B10: Evaluation start is the number 40544, not a date" in m
                   for m in loaded.messages())
