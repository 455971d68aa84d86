"""What the guard accepts, and what it tells the reader about a file."""

from __future__ import annotations

from dataclasses import dataclass

from roti_excel.issues import Issue


@dataclass(frozen=True)
class Limits:
    """What the guard accepts. Each limit is far beyond any real workbook of this tool's
    users (HR training evaluations: hundreds to a few thousand rows) and low enough that
    the guard and the parsers after it stay within seconds and a few hundred MB."""

    # The file on disk. Real inputs are kilobytes to a few MB; 200 MB of compressed XML
    # is about 2 GB of XML, which neither reader could hold.
    max_file_bytes: int = 200 * 1024 * 1024
    # Zip entries. A workbook has about 10 parts plus 2 to 6 per sheet (sheet, rels,
    # drawing, comments, table...): 1,000 is a workbook of some 200 sheets with charts.
    max_entries: int = 1000
    # The zip's central directory, which zipfile loads whole (one object per record)
    # before anything can be counted: 1,000 entries x 1 KB, where a real record is
    # 46 bytes plus a name of 20 to 60. Stops a file with millions of tiny entries.
    max_directory_bytes: int = 1000 * 1024
    # Sum of the sizes the zip declares for its entries once unpacked. A 100,000-row,
    # 10-column sheet is about 45 MB of XML; 512 MB is eleven times that, and more than
    # python-calamine can read in a few GB of memory. The guard scans about 45 MB/s, so
    # this also bounds its own time.
    max_total_uncompressed: int = 512 * 1024 * 1024
    # One entry unpacked, declared or actually read (the cap of every streamed read):
    # over five times the 100,000 x 10 sheet.
    max_entry_bytes: int = 256 * 1024 * 1024
    # Zip bomb: compressed/uncompressed below this, for entries over ratio_min_bytes.
    # Measured: an xlsxwriter sheet of 100,000 x 10 identical zeros is 0.071, and
    # 100,000 x 10 empty formatted cells 0.086; deflate's own floor is about 0.001.
    # 0.01 (100:1) is also Apache POI's default (ZipSecureFile.MIN_INFLATE_RATIO).
    min_ratio: float = 0.01
    # Small entries may compress better than that (an empty sheet) and cannot bomb.
    ratio_min_bytes: int = 100 * 1024
    # XML parts parsed into elements ([Content_Types].xml, relationships, workbook.xml).
    # workbook.xml holds one element per sheet and per defined name: a few KB, rarely
    # a few MB in workbooks that piled up thousands of broken names.
    max_tree_part_bytes: int = 64 * 1024 * 1024
    # Rows x columns from A1 to the farthest cell of a sheet (its <dimension> or any
    # cell). The reader pads every sheet to that rectangle: python-calamine measured
    # 847 MB peak and 4.5 s for 20 million (A1 to T1000000), so half that.
    # 10 million is 100,000 rows x 100 columns.
    max_cells: int = 10_000_000
    # Excel's own last row and column (XFD1048576); anything beyond is a damaged file.
    max_rows: int = 1_048_576
    max_cols: int = 16_384
    # Excel's limit for the text of one cell.
    max_string_chars: int = 32_767
    # Merged ranges in one sheet. Forms merge tens to hundreds; openpyxl makes one
    # object per merged cell, so their total area is capped by max_cells too.
    max_merged_ranges: int = 100_000
    # The XML of one cell, or of any element between two cells. A cell holds at most
    # 32,767 characters (6 bytes each when escaped) plus an 8,192-character formula;
    # 16 MB leaves room for text with one formatting run per character.
    max_cell_xml_bytes: int = 16 * 1024 * 1024
    # Capacity: the rows a table may reach, per input sheet (its schema key), so that any
    # workbook accepted is processed within 1 GB and about a minute on a 2-core machine
    # (measured: 50,000 cost lines in about 30 s and 0.36 GB; 199,990 Reaction rows in
    # 21 s and 0.49 GB). Beyond, the guard refuses
    # before any parser runs. Real programs have tens to thousands of rows.
    table_rows: tuple[tuple[str, int], ...] = (
        ("reaction", 200_000), ("application", 200_000), ("learning", 200_000),
        ("application_counts", 50_000), ("costs", 50_000), ("impact", 50_000),
        ("estimates", 50_000), ("measures", 10_000), ("rates", 10_000), ("groups", 10_000),
        ("questions", 10_000), ("intangibles", 10_000))

    def table_capacity(self, key: str) -> int | None:
        return dict(self.table_rows).get(key)


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class SheetFacts:
    """What the guard learnt about one sheet, in workbook order, for the reader."""

    name: str
    hidden: bool  # state="hidden" or "veryHidden"
    dimension: str | None  # the sheet's <dimension ref>, as written, e.g. "A1:F120"
    merged: tuple[str, ...] = ()  # merged ranges, e.g. ("B3:D3",)
    kind: str = "worksheet"  # or "chartsheet", "dialogsheet", "macrosheet"
    # Formula cells with no stored value, in sheet order (the first 10,000), e.g. ("D7",),
    # and how many there are in all.
    uncomputed: tuple[str, ...] = ()
    uncomputed_total: int = 0
    # Cells holding a spreadsheet error, as (cell, error shown), the first 10,000 in sheet
    # order, e.g. (("E7", "#DIV/0!"),): the reader sees them blank.
    errors: tuple[tuple[str, str], ...] = ()
    hidden_rows: tuple[int, ...] = ()  # 1-based row numbers, the first 10,000
    aggregates: tuple[str, ...] = ()  # cells whose formula is a SUM, AVERAGE, SUBTOTAL


@dataclass(frozen=True)
class GuardResult:
    issues: list[Issue]
    sheets: list[SheetFacts]
    is_macro_enabled: bool

    @property
    def ok(self) -> bool:
        """True when nothing stops the file from being read (warnings allowed)."""
        return not any(i.is_error for i in self.issues)
