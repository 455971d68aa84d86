"""Messages of the command line's own lines (what was written, the demo's headline):
key -> (English, Indonesian)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # a report, JSON or PDF that cannot be written (OutputError)
    "output_locked": ("{path} is open in another program (Excel?); close it and run again",
                      "{path} sedang dibuka program lain (Excel?); tutup lalu jalankan lagi"),
    "output_no_folder": ("folder {folder} does not exist; create it or choose another",
                         "folder {folder} tidak ada; buat folder itu atau pilih folder lain"),
    "output_not_writable": ("cannot write in {folder}: {reason}",
                            "tidak dapat menulis di {folder}: {reason}"),
    "output_is_folder": ("{path} is a folder; give a file name ending in .xlsx",
                         "{path} adalah folder; beri nama file yang berakhiran .xlsx"),
    "output_failed": ("the report {path} could not be written ({reason})",
                      "laporan {path} tidak dapat ditulis ({reason})"),
    "demo_input": ("example input: {path}", "contoh input:  {path}"),
    "demo_report": ("report:        {path}", "laporan:       {path}"),
    "demo_summary": ("summary:       {path}", "ringkasan:     {path}"),
    "demo_headline": (
        "{program}: benefits {benefits}, costs {costs}, BCR {bcr}, ROI {roi}\u00a0% ({band}; "
        "{status})",
        "{program}: manfaat {benefits}, biaya {costs}, BCR {bcr}, ROI {roi}\u00a0% ({band}; "
        "{status})"),
    "demo_no_roi": (
        "{program}: costs {costs}; no ROI ({status})",
        "{program}: biaya {costs}; tanpa ROI ({status})"),
    "wrote": ("wrote {path}", "ditulis {path}"),
    "pdf_no_soffice": (
        "{path}: no PDF written: LibreOffice (soffice) is not installed; the workbook was "
        "written. Install LibreOffice (Debian/Ubuntu: apt-get install libreoffice-calc) or "
        "print the workbook from Excel",
        "{path}: PDF tidak ditulis: LibreOffice (soffice) tidak terpasang; workbook sudah "
        "ditulis. Pasang LibreOffice (Debian/Ubuntu: apt-get install libreoffice-calc) atau "
        "cetak workbook dari Excel"),
    "pdf_failed": ("{path}: no PDF written: {reason}; the workbook was written",
                   "{path}: PDF tidak ditulis: {reason}; workbook sudah ditulis"),
    "valid": ("{path}: OK", "{path}: OK"),
    "not_processed": ("{path}: not processed; no report written",
                      "{path}: tidak diproses; laporan tidak ditulis"),
}
