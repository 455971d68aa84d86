"""The drop folder's answers for what it cannot read as a workbook (key -> (English,
Indonesian)): written to the file's errors file in the folder's language."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "drop_link": (
        "{name}: this is a link to a file elsewhere, not a regular file; the runner does not "
        "follow links: copy the workbook itself into the folder",
        "{name}: ini tautan ke file di tempat lain, bukan file biasa; runner tidak mengikuti "
        "tautan: salin workbook itu sendiri ke dalam folder"),
    "drop_folder": (
        "{name}: this is a folder, not a workbook; drop the workbook itself (a file) into "
        "the folder",
        "{name}: ini folder, bukan workbook; taruh workbook itu sendiri (sebuah file) ke "
        "dalam folder"),
    "drop_xls": (
        "{name}: this is an old-format Excel workbook (.xls); open it in Excel, choose "
        "File > Save As > Excel Workbook (*.xlsx) and drop the .xlsx",
        "{name}: ini workbook Excel format lama (.xls); buka di Excel, pilih File > Simpan "
        "Sebagai > Buku Kerja Excel (*.xlsx), lalu taruh file .xlsx-nya"),
    "drop_csv": (
        "{name}: this is a CSV file, which holds one sheet only; the evaluation needs the "
        "whole workbook (Program, Costs, Measures, ...): fill the roti-excel template in "
        "Excel and save it as Excel Workbook (*.xlsx)",
        "{name}: ini file CSV, yang hanya memuat satu lembar; evaluasi memerlukan seluruh "
        "workbook (Program, Biaya, Ukuran, ...): isi template roti-excel di Excel dan simpan "
        "sebagai Buku Kerja Excel (*.xlsx)"),
    "drop_ods": (
        "{name}: this is a LibreOffice/OpenOffice spreadsheet (.ods); open it and save it "
        "as Excel 2007-365 (.xlsx)",
        "{name}: ini spreadsheet LibreOffice/OpenOffice (.ods); buka dan simpan sebagai "
        "Excel 2007-365 (.xlsx)"),
    "drop_xlsb": (
        "{name}: this is an Excel binary workbook (.xlsb); open it in Excel and save it as "
        "Excel Workbook (*.xlsx)",
        "{name}: ini workbook biner Excel (.xlsb); buka di Excel dan simpan sebagai Buku "
        "Kerja Excel (*.xlsx)"),
    "drop_numbers": (
        "{name}: this is an Apple Numbers file; export it to Excel (.xlsx)",
        "{name}: ini file Apple Numbers; ekspor ke Excel (.xlsx)"),
    "drop_other": (
        "{name}: this is a {suffix} file, not an Excel workbook; fill the roti-excel template "
        "(roti-excel template) in Excel and save it as Excel Workbook (*.xlsx)",
        "{name}: ini file {suffix}, bukan workbook Excel; isi template roti-excel "
        "(roti-excel template) di Excel dan simpan sebagai Buku Kerja Excel (*.xlsx)"),
    "drop_no_suffix": (
        "{name}: this is a file without extension, not an Excel workbook; fill the "
        "roti-excel template (roti-excel template) in Excel and save it as Excel Workbook "
        "(*.xlsx)",
        "{name}: ini file tanpa ekstensi, bukan workbook Excel; isi template roti-excel "
        "(roti-excel template) di Excel dan simpan sebagai Buku Kerja Excel (*.xlsx)"),
}
